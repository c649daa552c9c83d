"""The Qt bridge of the reception's lanes (reception/lanes.py): blocking work (card I/O, network, database) runs on
a lane, off the GUI thread, and its outcome comes back to the GUI thread as a queued signal.

`Worker.submit(fn, on_result=..., on_error=..., lane=...)`. The callbacks run on the GUI thread, so they may touch
widgets. A task can be cancelled: its outcome is then dropped, not delivered. The bridge owns no threads: the lanes
(owned by the composition root) do, and their one shutdown stops this work too.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future, wait
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from reception_app.reception.lanes import Lanes

ResultCallback = Callable[[Any], None]  # Any: each task's own result type (the Qt signal carries an object)
ErrorCallback = Callable[[BaseException], None]
_CANCELLED = object()  # the lanes shut down before the task ran: nothing to deliver


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


class Worker(QObject):
    """Lane work whose results arrive on the thread that owns this object (the GUI thread)."""

    _finished = Signal(int, object, object)
    busy_changed = Signal(bool)

    def __init__(self, lanes: Lanes, parent: QObject | None = None, *, name: str = "ui") -> None:
        super().__init__(parent)
        self._lanes = lanes
        self._name = name
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[TaskHandle, ResultCallback | None, ErrorCallback | None]] = {}
        self._futures: dict[int, Future[object]] = {}
        self._finished.connect(self._deliver)

    @property
    def lanes(self) -> Lanes:
        return self._lanes

    def submit(
        self,
        fn: Callable[[], object],
        *,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        lane: str | None = None,
    ) -> TaskHandle:
        """Runs `fn` on `lane` (in turn with that lane's other jobs); None: a lane of its own (in parallel with
        the rest, as the desk's lists and checks need)."""
        handle = TaskHandle(next(self._ids))
        was_idle = not self._pending
        self._pending[handle.task_id] = (handle, on_result, on_error)
        future = self._lanes.submit(lane or f"{self._name}-{handle.task_id}", fn, name=self._name)
        self._futures[handle.task_id] = future
        future.add_done_callback(self._posting(handle.task_id))
        if was_idle:
            self.busy_changed.emit(True)
        return handle

    def _posting(self, task_id: int) -> Callable[[Future[object]], None]:
        # runs on the lane's thread: only the signal crosses to the GUI thread (queued), never the callbacks
        def done(future: Future[object]) -> None:
            if future.cancelled():
                self._finished.emit(task_id, None, _CANCELLED)
                return
            error = future.exception()
            self._finished.emit(task_id, None if error is not None else future.result(), error)

        return done

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Blocks until the tasks submitted so far ran (shutdown, tests; never from a GUI callback)."""
        _, pending = wait(list(self._futures.values()), timeout=msecs / 1000)
        return not pending

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: object, error: object) -> None:
        self._futures.pop(task_id, None)
        entry = self._pending.pop(task_id, None)
        if entry is None:
            return
        handle, on_result, on_error = entry
        handle._done.set()
        try:
            if handle.cancelled or error is _CANCELLED:
                return
            if isinstance(error, BaseException):
                if on_error is not None:
                    on_error(error)
            elif on_result is not None:
                on_result(result)
        finally:
            if not self._pending:
                self.busy_changed.emit(False)
