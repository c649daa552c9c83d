"""The Qt adapter of the check-in state machine (`reception.checkin.CheckInSession`).

The machine's commands block (card I/O, network, database), so they run one at a time on a single worker thread;
`cancel`, `timeout` and `card_removed` may interrupt from a second thread while a command runs (the machine allows
it). The SessionViews the machine produces reach the GUI thread as the `view_changed` signal, coalesced: when several
come while the GUI thread is busy (the end of a check-in passes five states in a few milliseconds), only the newest of
each session is delivered, so the windows render once instead of five times in one turn of the event loop (a stall
of its own). A view is a whole snapshot, and the machine stops in every state that waits for a person, so nothing a
window must act on is skipped. The desk and the kiosk only render views and call commands here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from reception_app.reception.checkin import CheckInSession, Listener
from reception_app.reception.view import SessionView
from reception_app.ui.worker import TaskHandle, Worker

SessionFactory = Callable[[Listener], CheckInSession]


class QtSessionDriver(QObject):
    view_changed = Signal(object)
    """A new SessionView (on the GUI thread)."""
    command_failed = Signal(str, object)
    """(command name, exception) when a command raised instead of ending in a view (a bug or a lost service)."""
    busy_changed = Signal(bool)

    _view_from_worker = Signal(object)

    def __init__(self, factory: SessionFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._commands = Worker(self, max_threads=1)  # the machine runs one command at a time
        self._interrupts = Worker(self, max_threads=1)  # cancel/timeout/card pulled must not wait behind a command
        self._commands.busy_changed.connect(self.busy_changed)
        self._view_from_worker.connect(self._forward)
        self._session: CheckInSession | None = None
        self._last_view: SessionView | None = None
        self._pending_lock = threading.Lock()
        self._pending: dict[str, SessionView] = {}  # per session, the newest view not yet delivered

    # --- session ----------------------------------------------------------------------------------------------
    def new_session(self) -> CheckInSession:
        """Starts a fresh session (the previous one must have ended or been cancelled)."""
        self._session = self._factory(self._listener)
        self._last_view = self._session.view
        self.view_changed.emit(self._session.view)
        return self._session

    @property
    def session(self) -> CheckInSession | None:
        return self._session

    @property
    def view(self) -> SessionView | None:
        return self._last_view

    @property
    def busy(self) -> bool:
        return self._commands.busy

    def _listener(self, view: SessionView) -> None:
        # called on the worker thread (inside a command) or on the GUI thread (new session): always queue; one
        # queued delivery carries whatever came until the GUI thread gets to it
        with self._pending_lock:
            nothing_queued = not self._pending
            queued = self._pending.get(view.session_id)
            if queued is None or view.version >= queued.version:
                self._pending[view.session_id] = view
        if nothing_queued:
            self._view_from_worker.emit(None)

    @Slot(object)
    def _forward(self, _: object = None) -> None:
        with self._pending_lock:
            views, self._pending = list(self._pending.values()), {}
        for view in views:
            self._deliver(view)

    def _deliver(self, view: SessionView) -> None:
        if self._session is None or view.session_id != self._session.view.session_id:
            return  # a late view of a session that was replaced
        if self._last_view is not None and view.version < self._last_view.version:
            return
        self._last_view = view
        self.view_changed.emit(view)

    # --- commands ---------------------------------------------------------------------------------------------
    def run(self, command: str, *args: Any, **kwargs: Any) -> TaskHandle | None:
        """Runs `session.<command>(*args, **kwargs)` on the worker. None when there is no session."""
        session = self._session
        if session is None:
            return None
        method = getattr(session, command)

        def failed(error: BaseException) -> None:
            self.command_failed.emit(command, error)

        return self._commands.submit(lambda: method(*args, **kwargs), on_error=failed)

    def run_with(self, name: str, fn: Callable[[CheckInSession], Any]) -> TaskHandle | None:
        """Runs `fn(session)` on the command thread, in turn with the commands: a use case that drives the session
        itself (a held face result given to it). A raised error comes back as `command_failed(name, error)`."""
        session = self._session
        if session is None:
            return None

        def failed(error: BaseException) -> None:
            self.command_failed.emit(name, error)

        return self._commands.submit(lambda: fn(session), on_error=failed)

    def start_with_card(self, connect: Callable[[], Any]) -> TaskHandle | None:
        """Connects to the card (blocking: on the worker) and starts the session with it."""
        session = self._session
        if session is None:
            return None

        def failed(error: BaseException) -> None:
            self.command_failed.emit("start_with_card", error)

        return self._commands.submit(lambda: session.start_with_card(connect()), on_error=failed)

    def interrupt(self, kind: str) -> TaskHandle | None:
        """`cancel`, `timeout` or `card_removed`, without waiting for a running command."""
        if kind not in ("cancel", "timeout", "card_removed"):
            raise ValueError(kind)
        session = self._session
        if session is None:
            return None
        method = getattr(session, kind)

        def failed(error: BaseException) -> None:
            self.command_failed.emit(kind, error)

        return self._interrupts.submit(method, on_error=failed)

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Blocks until no command runs (shutdown, tests)."""
        return self._commands.wait_for_done(msecs) and self._interrupts.wait_for_done(msecs)
