"""The one owner of the reception's background work: named lanes over one set of threads. No Qt.

A lane runs its jobs in the order they were submitted, one at a time; different lanes run in parallel. There is one
lane per check-in session (`for_session(session_id)`: its commands, and the face results the router gives it, so a
result for a busy session waits for the command instead of being refused), one for background jobs (`background`:
照会番号 registration), one for interrupts (`interrupt`: cancel / timeout / card pulled must not wait behind the
command they interrupt; the state machine notes them and the command ends at its next step), and named lanes for
long-lived jobs (the network start, the re-confirmation ticker, the face watcher, the reader monitor).

A lane exists only while it has work: nothing accumulates over a day of check-ins. While a job runs, its thread
carries the lane's name (`session-1a2b3c4d`, `reception-bg`…), so logs and thread dumps say whose work it is.

`shutdown(timeout)` is the one stop: it sets `stopping` (long-lived jobs watch it), lets running and queued work
finish within the timeout, then cancels what has not started. The threads are daemon threads (not an executor's):
a job stuck past the timeout (a reader driver that never answers) does not keep the process from exiting.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

BACKGROUND = "reception-bg"
INTERRUPTS = "reception-interrupts"
SESSION_PREFIX = "session-"
# The one shutdown timeout of the app: what runs and waits gets this long to finish (every blocking call below is
# bounded by its own, shorter timeout: a query's 15 s, a reader poll's 0.2 s).
SHUTDOWN_TIMEOUT_S = 30.0
# Threads start on demand and only as many as lanes have work at once (a desk: its session, the interrupts, the
# background lane, the long-lived jobs). The bound only keeps a runaway from starting hundreds.
MAX_THREADS = 32
IDLE_THREAD_S = 30.0  # an idle thread ends after this (a quiet desk keeps none it does not need)


@dataclass
class _Job:
    """A submitted job, with its future hidden behind two closures (one lane holds jobs of every result type)."""

    name: str
    run: Callable[[], None]  # runs the job, unless cancelled, and settles its future
    cancel: Callable[[], bool]


def _job(name: str, fn: Callable[[], T], future: Future[T]) -> _Job:
    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            result = fn()
        except BaseException as exc:  # handed to whoever holds the future, never swallowed here
            future.set_exception(exc)
        else:
            future.set_result(result)

    return _Job(name, run, future.cancel)


def _log_failure(name: str) -> Callable[[Future[None]], None]:
    def done(future: Future[None]) -> None:
        if future.cancelled():
            log.info("background job %s cancelled at shutdown", name)
            return
        error = future.exception()
        if error is not None:
            log.error("background job %s failed", name, exc_info=error)

    return done


class _Threads:
    """Daemon threads on demand, reused while there is work; each takes lane names off one queue."""

    def __init__(self, limit: int, run_lane: Callable[[str], None]) -> None:
        self._limit = limit
        self._run_lane = run_lane
        self._todo: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads = 0
        self._waiting = 0  # threads blocked on the queue
        self._pending = 0  # lanes handed over and not yet taken

    def start(self, lane: str) -> None:
        with self._lock:
            self._pending += 1
            if self._pending > self._waiting and self._threads < self._limit:
                self._threads += 1
                threading.Thread(target=self._loop, name="reception-lane", daemon=True).start()
        self._todo.put(lane)

    def stop(self) -> None:
        with self._lock:
            count = self._threads
        for _ in range(count):
            self._todo.put(None)

    def _loop(self) -> None:
        while (lane := self._next()) is not None:
            self._run_lane(lane)

    def _next(self) -> str | None:
        """The next lane to run, or None when this thread should end (idle too long, or stopped)."""
        while True:
            with self._lock:
                self._waiting += 1
            try:
                lane = self._todo.get(timeout=IDLE_THREAD_S)
            except queue.Empty:
                lane = None
            with self._lock:
                self._waiting -= 1
                if lane is not None:
                    self._pending -= 1
                    return lane
                if self._pending > self._waiting:  # a lane was handed over counting on this thread: stay
                    continue
                self._threads -= 1
                return None


class Lanes:
    """One set of threads; work in named lanes (see the module docstring). Thread-safe."""

    def __init__(self, max_threads: int = MAX_THREADS) -> None:
        self._threads = _Threads(max_threads, self._run_lane)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._queues: dict[str, deque[_Job]] = {}  # lane -> its jobs; the first one is running (or about to)
        self._current = threading.local()  # the lane the calling thread runs a job of, if any
        self._closed = False
        self.stopping = threading.Event()
        """Set by `shutdown`: a long-lived job (a ticker, a watcher) returns when it sees it."""
        self.background = BackgroundLane(self)

    # --- submitting -------------------------------------------------------------------------------------------

    def submit(self, lane: str, fn: Callable[[], T], *, name: str = "") -> Future[T]:
        """Runs `fn` on `lane` after the jobs already there. The future has its result or exception; after
        `shutdown` it is cancelled at once."""
        future: Future[T] = Future()
        job = _job(name or lane, fn, future)
        with self._lock:
            if self._closed:
                future.cancel()
                return future
            queue_ = self._queues.get(lane)
            if queue_ is not None:  # the lane's runner takes it after the jobs before it
                queue_.append(job)
                return future
            self._queues[lane] = deque([job])
        self._threads.start(lane)
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

    def current_lane(self) -> str | None:
        """The lane whose job the calling thread runs (None off the lanes)."""
        lane: str | None = getattr(self._current, "lane", None)
        return lane

    def wait_idle(self, lane: str | None = None, timeout: float | None = None) -> bool:
        """Blocks until `lane` (every lane if None) has no work; False when `timeout` passed first. Called from a
        job, the job's own lane is left out (it cannot end while its job waits here)."""
        own = self.current_lane()
        if lane is not None and lane == own:
            return True
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._changed:
            while self._has_work(lane, own):
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._changed.wait(remaining)
        return True

    def _has_work(self, lane: str | None, own: str | None) -> bool:
        if lane is not None:
            return lane in self._queues
        return any(name != own for name in self._queues)

    # --- stopping ---------------------------------------------------------------------------------------------

    def shutdown(self, timeout: float = SHUTDOWN_TIMEOUT_S) -> bool:
        """Stops taking work, lets what runs and waits finish within `timeout`, cancels the rest. True when all
        finished in time. A job still running after that is not killed (every blocking call below is bounded):
        its thread ends with the job."""
        self.stopping.set()
        with self._lock:
            self._closed = True
        finished = self.wait_idle(timeout=timeout)
        if not finished:
            with self._lock:
                waiting = [job for queue_ in self._queues.values() for job in queue_]
            for job in waiting:
                job.cancel()  # refused by a running job; a waiting one is skipped by its lane's runner
            log.warning("shutdown: lanes still busy after %.1f s: %s", timeout, ", ".join(self.lanes()))
        self._threads.stop()  # idle threads end now; busy ones after their lane
        return finished

    # --- the runner -------------------------------------------------------------------------------------------

    def _run_lane(self, lane: str) -> None:
        thread = threading.current_thread()
        thread.name = _thread_name(lane)
        self._current.lane = lane
        try:
            while True:
                with self._lock:
                    queue_ = self._queues[lane]
                    job = queue_[0]  # stays in the queue while it runs: `busy(lane)` is true meanwhile
                job.run()
                with self._changed:
                    queue_.popleft()
                    if not queue_:
                        del self._queues[lane]
                        self._changed.notify_all()
                        return
        finally:
            self._current.lane = None
            thread.name = "reception-lane"


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

    @property
    def is_current(self) -> bool:
        """The calling thread runs a job of this lane (deliver in place: queueing behind oneself would wait)."""
        return self._lanes.current_lane() == self.name

    def wait_idle(self, timeout: float | None = None) -> bool:
        return self._lanes.wait_idle(self.name, timeout)


class BackgroundLane:
    """The `BackgroundPort` of the check-in sessions, on the background lane: failures are logged (the jobs audit
    their own outcome)."""

    def __init__(self, lanes: Lanes) -> None:
        self._lanes = lanes

    def submit(self, name: str, fn: Callable[[], None]) -> None:
        self._lanes.submit(BACKGROUND, fn, name=name).add_done_callback(_log_failure(name))

    def drain(self, timeout: float = SHUTDOWN_TIMEOUT_S) -> bool:
        """Waits for the jobs submitted so far; True when all finished in time (tests, benchmarks)."""
        return self._lanes.wait_idle(BACKGROUND, timeout)


def result_or_none(future: Future[T], timeout: float | None = None) -> T | None:
    """The future's result, or None when it was cancelled (shutdown). Raises what the job raised."""
    try:
        return future.result(timeout)
    except CancelledError:
        return None
