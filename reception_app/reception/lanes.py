"""The one owner of the reception's background work: named lanes over one thread pool. No Qt.

A lane runs its jobs in the order they were submitted, one at a time; different lanes run in parallel. There is one
lane per check-in session (`for_session(session_id)`: its commands, and the face results the router gives it, so a
result for a busy session waits for the command instead of being refused), one for background jobs (`background`:
照会番号 registration, re-confirmation rounds), one for interrupts (`interrupt`: cancel / timeout / card pulled must
not wait behind the command they interrupt; the state machine notes them and the command ends at its next step),
and named lanes for long-lived jobs (the network start, the re-confirmation ticker).

A lane exists only while it has work: nothing accumulates over a day of check-ins. While a job runs, its thread
carries the lane's name (`session-1a2b3c4d`, `reception-bg`…), so logs and thread dumps say whose work it is.

`shutdown(timeout)` is the one stop: it sets `stopping` (long-lived jobs watch it), lets running and queued work
finish within the timeout, then cancels what has not started.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

BACKGROUND = "reception-bg"
INTERRUPTS = "reception-interrupts"
SESSION_PREFIX = "session-"
# Threads start on demand and only as many as lanes have work at once (a desk: its session, the interrupts, the
# background lane, the tickers). The bound only keeps a runaway from starting hundreds.
MAX_THREADS = 32


class LanesClosed(RuntimeError):
    """Work submitted after `shutdown`: its future is cancelled instead."""


@dataclass
class _Job:
    name: str
    fn: Callable[[], object]
    future: Future[Any]  # Any: one lane carries jobs of every result type; `submit` hands back the typed future


def _log_failure(name: str) -> Callable[[Future[Any]], None]:
    def done(future: Future[Any]) -> None:
        if future.cancelled():
            log.info("background job %s cancelled at shutdown", name)
            return
        error = future.exception()
        if error is not None:
            log.error("background job %s failed", name, exc_info=error)

    return done


class Lanes:
    """One thread pool; work in named lanes (see the module docstring). Thread-safe."""

    def __init__(self, max_threads: int = MAX_THREADS) -> None:
        self._pool = ThreadPoolExecutor(max_workers=max_threads, thread_name_prefix="reception-lane")
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._queues: dict[str, deque[_Job]] = {}  # lane -> its jobs; the first one is running (or about to)
        self._closed = False
        self.stopping = threading.Event()
        """Set by `shutdown`: a long-lived job (a ticker) returns when it sees it."""
        self.background = BackgroundLane(self)

    # --- submitting -------------------------------------------------------------------------------------------

    def submit(self, lane: str, fn: Callable[[], T], *, name: str = "") -> Future[T]:
        """Runs `fn` on `lane` after the jobs already there. The future has its result or exception; after
        `shutdown` it is cancelled at once."""
        future: Future[T] = Future()
        job = _Job(name or lane, fn, future)
        with self._lock:
            if self._closed:
                future.cancel()
                return future
            queue = self._queues.get(lane)
            if queue is not None:  # the lane's runner takes it after the jobs before it
                queue.append(job)
                return future
            self._queues[lane] = deque([job])
        self._pool.submit(self._run_lane, lane)
        return future

    def for_session(self, session_id: str) -> SessionLane:
        return SessionLane(self, session_id)

    def interrupt(self, fn: Callable[[], T], *, name: str = "interrupt") -> Future[T]:
        """On the interrupt lane: never behind a session's command (interrupts are short: a flag, or the end)."""
        return self.submit(INTERRUPTS, fn, name=name)

    # --- looking ----------------------------------------------------------------------------------------------

    def busy(self, lane: str) -> bool:
        """A job of `lane` runs or waits."""
        with self._lock:
            return lane in self._queues

    def lanes(self) -> list[str]:
        """The lanes that have work now (diagnostics, tests)."""
        with self._lock:
            return list(self._queues)

    def wait_idle(self, lane: str | None = None, timeout: float | None = None) -> bool:
        """Blocks until `lane` (every lane if None) has no work; False when `timeout` passed first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._changed:
            while (lane in self._queues) if lane is not None else bool(self._queues):
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._changed.wait(remaining)
        return True

    # --- stopping ---------------------------------------------------------------------------------------------

    def shutdown(self, timeout: float = 30.0) -> bool:
        """Stops taking work, lets what runs and waits finish within `timeout`, cancels the rest. True when all
        finished in time. A job still running after that is not killed (every blocking call below is bounded):
        its thread ends with the job."""
        self.stopping.set()
        with self._lock:
            self._closed = True
        finished = self.wait_idle(timeout=timeout)
        if not finished:
            with self._lock:
                waiting = [job for queue in self._queues.values() for job in queue]
            for job in waiting:
                job.future.cancel()  # refused by a running job; a waiting one is skipped by its lane's runner
            log.warning("shutdown: lanes still busy after %.1f s: %s", timeout, ", ".join(self.lanes()))
        self._pool.shutdown(wait=False)  # the runners left finish their lanes (skipping the cancelled jobs)
        return finished

    # --- the runner -------------------------------------------------------------------------------------------

    def _run_lane(self, lane: str) -> None:
        thread = threading.current_thread()
        pool_name = thread.name
        thread.name = _thread_name(lane)
        try:
            while True:
                with self._lock:
                    queue = self._queues[lane]
                    job = queue[0]  # stays in the queue while it runs: `busy(lane)` is true meanwhile
                if job.future.set_running_or_notify_cancel():
                    try:
                        result = job.fn()
                    except BaseException as exc:  # handed to whoever holds the future, never swallowed here
                        job.future.set_exception(exc)
                    else:
                        job.future.set_result(result)
                with self._changed:
                    queue.popleft()
                    if not queue:
                        del self._queues[lane]
                        self._changed.notify_all()
                        return
        finally:
            thread.name = pool_name


def _thread_name(lane: str) -> str:
    if lane.startswith(SESSION_PREFIX):
        return lane[: len(SESSION_PREFIX) + 8]  # the session id's first 8 hex digits are enough in a log line
    return lane


class SessionLane:
    """The lane of one check-in session: its commands and what is delivered to it, in order."""

    def __init__(self, lanes: Lanes, session_id: str) -> None:
        self._lanes = lanes
        self.name = SESSION_PREFIX + session_id

    def submit(self, fn: Callable[[], T], *, name: str = "") -> Future[T]:
        return self._lanes.submit(self.name, fn, name=name)

    def interrupt(self, fn: Callable[[], T], *, name: str = "interrupt") -> Future[T]:
        return self._lanes.interrupt(fn, name=name)

    @property
    def busy(self) -> bool:
        return self._lanes.busy(self.name)

    def wait_idle(self, timeout: float | None = None) -> bool:
        return self._lanes.wait_idle(self.name, timeout)


class BackgroundLane:
    """The `BackgroundPort` of the check-in sessions, on the background lane: failures are logged (the jobs audit
    their own outcome)."""

    def __init__(self, lanes: Lanes) -> None:
        self._lanes = lanes

    def submit(self, name: str, fn: Callable[[], None]) -> None:
        self._lanes.submit(BACKGROUND, fn, name=name).add_done_callback(_log_failure(name))

    def drain(self, timeout: float = 30.0) -> bool:
        """Waits for the jobs submitted so far; True when all finished in time (tests, benchmarks)."""
        return self._lanes.wait_idle(BACKGROUND, timeout)


def result_or_none(future: Future[T], timeout: float | None = None) -> T | None:
    """The future's result, or None when it was cancelled (shutdown). Raises what the job raised."""
    try:
        return future.result(timeout)
    except CancelledError:
        return None
