"""The Qt adapter of the check-in state machine (`reception.checkin.CheckInSession`).

The machine's commands block (card I/O, network, database), so they run one at a time on the session's lane
(reception/lanes.py; the face router delivers a face result on the same lane, in turn with the commands);
`cancel`, `timeout` and `card_removed` may interrupt from the interrupt lane while a command runs (the machine allows
it). Every command is a typed method here, never a name looked up on the session.

The SessionViews the machine produces reach the GUI thread as the `view_changed` signal, coalesced: when several
come while the GUI thread is busy (the end of a check-in passes five states in a few milliseconds), only the newest of
each session is delivered, so the windows render once instead of five times in one turn of the event loop (a stall
of its own). A view is a whole snapshot, and the machine stops in every state that waits for a person, so nothing a
window must act on is skipped. The desk and the kiosk only render views and call commands here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal, Slot

from reception_app.reception.checkin import CheckInSession, Listener
from reception_app.reception.lanes import INTERRUPTS, Lanes
from reception_app.reception.models import ConsentAnswers, InsuranceKey, RegistrationForm
from reception_app.reception.ports import CardPort
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

    def __init__(self, factory: SessionFactory, lanes: Lanes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._lanes = lanes
        self._commands = Worker(lanes, self, name="session")  # on the session's lane: one command at a time
        self._interrupts = Worker(lanes, self, name="interrupt")  # cancel/timeout/card pulled: not behind a command
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

    # --- commands: one typed method each, run on the session's lane ------------------------------------------
    def start_with_card(self, connect: Callable[[], CardPort]) -> TaskHandle | None:
        """Connects to the card (blocking: on the lane) and starts the session with it."""
        return self._command("start_with_card", lambda s: s.start_with_card(connect()))

    def submit_pin(
        self, pin: str, *, confirm_last_try: bool = False, consent_answers: ConsentAnswers | None = None
    ) -> TaskHandle | None:
        return self._command("submit_pin", lambda s: s.submit_pin(
            pin, confirm_last_try=confirm_last_try, consent_answers=consent_answers))

    def read_basic_four(self, text_pin: str) -> TaskHandle | None:
        return self._command("read_basic_four", lambda s: s.read_basic_four(text_pin))

    def by_insurance_number(self, insurance: InsuranceKey, birth_date: date | None = None) -> TaskHandle | None:
        return self._command("by_insurance_number", lambda s: s.by_insurance_number(insurance, birth_date))

    def await_face_result(self) -> TaskHandle | None:
        return self._command("await_face_result", lambda s: s.await_face_result())

    def choose_candidate(self, patient_id: str) -> TaskHandle | None:
        return self._command("choose_candidate", lambda s: s.choose_candidate(patient_id))

    def decline_candidates(self) -> TaskHandle | None:
        return self._command("decline_candidates", lambda s: s.decline_candidates())

    def register_new(self, form: RegistrationForm, link_card: bool = True) -> TaskHandle | None:
        return self._command("register_new", lambda s: s.register_new(form, link_card))

    def confirm_relink(self) -> TaskHandle | None:
        return self._command("confirm_relink", lambda s: s.confirm_relink())

    def check_in_without_relink(self) -> TaskHandle | None:
        return self._command("check_in_without_relink", lambda s: s.check_in_without_relink())

    def visual_check(self, seen: RegistrationForm) -> TaskHandle | None:
        return self._command("visual_check", lambda s: s.visual_check(seen))

    def proceed_with_declaration(self) -> TaskHandle | None:
        return self._command("proceed_with_declaration", lambda s: s.proceed_with_declaration())

    def run_with(self, name: str, fn: Callable[[CheckInSession], object]) -> TaskHandle | None:
        """Runs `fn(session)` on the session's lane, in turn with the commands: a use case that drives the session
        itself (a held face result given to it). A raised error comes back as `command_failed(name, error)`."""
        return self._command(name, fn)

    # --- interrupts: on the interrupt lane, never behind the command they interrupt --------------------------
    def cancel(self) -> TaskHandle | None:
        return self._interrupt("cancel", lambda s: s.cancel())

    def time_out(self) -> TaskHandle | None:
        return self._interrupt("timeout", lambda s: s.timeout())

    def card_removed(self) -> TaskHandle | None:
        return self._interrupt("card_removed", lambda s: s.card_removed())

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Blocks until no command or interrupt runs (tests)."""
        return self._commands.wait_for_done(msecs) and self._interrupts.wait_for_done(msecs)

    # --- machinery --------------------------------------------------------------------------------------------
    def _command(self, name: str, fn: Callable[[CheckInSession], object]) -> TaskHandle | None:
        """None when there is no session."""
        session = self._session
        if session is None:
            return None
        lane = self._lanes.for_session(session.view.session_id)
        return self._commands.submit(lambda: fn(session), on_error=self._failed(name), lane=lane.name)

    def _interrupt(self, name: str, fn: Callable[[CheckInSession], object]) -> TaskHandle | None:
        session = self._session
        if session is None:
            return None
        return self._interrupts.submit(lambda: fn(session), on_error=self._failed(name), lane=INTERRUPTS)

    def _failed(self, name: str) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            self.command_failed.emit(name, error)

        return failed
