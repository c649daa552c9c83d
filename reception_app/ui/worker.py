"""Runs blocking work (card I/O, network, database) off the GUI thread and hands the outcome back as signals.

One small facility for the whole UI: `Worker.submit(fn, on_result=..., on_error=...)`. The callable runs on a
QThreadPool thread; its return value or exception comes back to the GUI thread through a queued signal, so the
callbacks may touch widgets. A task can be cancelled: its outcome is then dropped, not delivered.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


@dataclass
class TaskHandle:
    """What `submit` returns: lets the caller cancel delivery and see whether the task is still running."""

    task_id: int
    _cancelled: threading.Event = field(default_factory=threading.Event)
    _done: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def done(self) -> bool:
        return self._done.is_set()


class _Task(QRunnable):
    def __init__(self, worker: Worker, handle: TaskHandle, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._worker = worker
        self._handle = handle
        self._fn = fn

    def run(self) -> None:
        worker, task_id, fn = self._worker, self._handle.task_id, self._fn
        # PySide keeps the Python side of a finished QRunnable alive: drop what it holds (the callable, and through
        # it the check-in session) so nothing accumulates over a day of check-ins.
        del self._fn, self._handle, self._worker
        try:
            result = fn()
        except BaseException as exc:  # delivered to the caller's on_error, never swallowed
            worker._finished.emit(task_id, None, exc)
        else:
            worker._finished.emit(task_id, result, None)


class Worker(QObject):
    """A thread pool whose results arrive on the thread that owns this object (the GUI thread)."""

    _finished = Signal(int, object, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[TaskHandle, ResultCallback | None, ErrorCallback | None]] = {}
        self._finished.connect(self._deliver)

    def submit(
        self,
        fn: Callable[[], Any],
        *,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> TaskHandle:
        handle = TaskHandle(next(self._ids))
        was_idle = not self._pending
        self._pending[handle.task_id] = (handle, on_result, on_error)
        self._pool.start(_Task(self, handle, fn))
        if was_idle:
            self.busy_changed.emit(True)
        return handle

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Blocks until the pool is idle (used at shutdown and by tests; never from a GUI callback)."""
        return bool(self._pool.waitForDone(msecs))

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: object, error: object) -> None:
        entry = self._pending.pop(task_id, None)
        if entry is None:
            return
        handle, on_result, on_error = entry
        handle._done.set()
        try:
            if handle.cancelled:
                return
            if isinstance(error, BaseException):
                if on_error is not None:
                    on_error(error)
            elif on_result is not None:
                on_result(result)
        finally:
            if not self._pending:
                self.busy_changed.emit(False)
