"""Drives the kiosk window from the check-in state machine (through the Qt driver) and the card reader.

The kiosk only ever sees `SessionView.for_kiosk()` plus a reason category for the "ask the staff" screen; anything
unusual ends the kiosk's session (cancelled, nothing half-written) and sends the patient to the desk. 「職員を呼ぶ」
does not end it: the desk is told (reception/staff_calls.py) and the patient's place is kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reception_app.reception.models import ConsentAnswers
from reception_app.reception.view import KioskScreen, SessionView, State
from reception_app.ui.kiosk.window import KioskWindow
from reception_app.ui.worker import Worker

if TYPE_CHECKING:
    from reception_app.reception.ports import CardPort
    from reception_app.ui.driver import QtSessionDriver
    from reception_app.ui.reader_monitor import ReaderMonitor

# States in which the machine is still working on its own.
BUSY_STATES = frozenset({State.READING_CARD, State.QUERYING, State.CHECKING_IN})

# Which friendly reason the kiosk shows for a session the patient cannot finish alone (categories, no details).
REASON_BY_STATE: dict[str, str] = {
    State.PIN_BLOCKED: "pin_blocked",
    State.CARD_REMOVED: "card_removed",
    State.AWAITING_REGISTRATION: "needs_registration",
    State.AWAITING_CANDIDATE: "needs_staff_choice",
    State.AWAITING_RELINK: "needs_staff_choice",
    State.AWAITING_DECLARATION: "qualification_invalid",
}
REASON_BY_ERROR: dict[str, str] = {
    "pin_blocked": "pin_blocked",
    "not_my_number_card": "not_my_number_card",
    "card_error": "card_unreadable",
    "card_removed": "card_removed",
    "eligibility_offline": "offline",
}


# The step a patient calls the staff from, for the desk's words (reception/staff_calls.py STEPS).
CALL_STEP_BY_SCREEN: dict[str, str] = {
    "consent_medical": "consent",
    "consent_checkup": "consent",
    "pin": "pin",
    "last_try": "last_try",
    "pin_blocked": "pin_blocked",
    "face": "face",
    "reading": "checking",
    "checking": "checking",
    "card_back": "card_back",
    "ask_staff": "ask_staff",
}
CALL_END_BY_STATE: dict[str, str] = {
    State.COMPLETED: "checked_in",
    State.CANCELLED: "cancelled",
    State.TIMED_OUT: "timed_out",
}


def kiosk_reason(view: SessionView) -> str:
    if view.offline:  # the most useful thing to tell the patient first
        return "offline"
    if view.state in REASON_BY_STATE:
        return REASON_BY_STATE[view.state]
    if view.error_code in REASON_BY_ERROR:
        return REASON_BY_ERROR[str(view.error_code)]
    return "error"


class KioskController(QObject):
    def __init__(
        self,
        window: KioskWindow,
        driver: QtSessionDriver,
        *,
        monitor: ReaderMonitor | None = None,
        connect_card: Callable[[str], CardPort] | None = None,
        worker: Worker | None = None,
        call_staff: Callable[[str], None] | None = None,
        end_staff_call: Callable[[str], None] | None = None,
    ) -> None:
        """`call_staff(step)` / `end_staff_call(outcome)`: tell the desk (blocking: run on `worker`)."""
        super().__init__(window)
        self.window = window
        self.driver = driver
        self.connect_card = connect_card
        self._worker = worker
        self._call_staff = call_staff
        self._end_staff_call = end_staff_call
        self._call_open = False
        self._last_try_confirmed = False
        self._consents: ConsentAnswers | None = None  # this session's answers on the consent screens
        self._finished_session: str | None = None  # the session whose outcome the kiosk already shows
        self._face_gave_up: str | None = None  # the session whose face wait ran out (its late "done" still shows)
        driver.view_changed.connect(self.on_view)
        window.pin_entered.connect(self.on_pin)
        window.consents_answered.connect(self.on_consents)
        window.timed_out.connect(self.on_timeout)
        window.staff_help_requested.connect(self.on_staff_help)
        window.cancel_requested.connect(self.on_cancel)
        window.face_requested.connect(self.on_face)
        window.face_wait_timed_out.connect(self.on_face_timeout)
        window.last_try_enter.clicked.connect(self._confirm_last_try)
        if monitor is not None:
            monitor.reader_event.connect(self.on_reader_event)
            window.set_card_present(bool(monitor.readers_with_card()))

    # --- from the reader --------------------------------------------------------------------------------------
    def on_reader_event(self, kind: str, reader: str) -> None:
        if kind == "card_inserted":
            self.window.set_card_present(True)
            self.start(reader)
        elif kind == "card_removed":
            self.window.set_card_present(False)
            view = self.driver.view
            if view is not None and not view.ended:
                self.driver.card_removed()

    def start(self, reader: str) -> None:
        if self.connect_card is None:
            return
        view = self.driver.view
        if view is not None and not view.ended and view.state != State.IDLE:
            return
        connect = self.connect_card
        self.window.set_card_present(True)
        self._last_try_confirmed = False
        self._consents = None
        self._finished_session = None
        self._face_gave_up = None
        self._close_call("ended")  # a call from the last patient's screens is over
        self.driver.new_session()
        self.window.show_reading()
        self.driver.start_with_card(lambda: connect(reader))

    # --- from the patient -------------------------------------------------------------------------------------
    def on_consents(self, medical: bool, checkups: bool) -> None:
        self._consents = ConsentAnswers(medical_info=medical, health_checkups=checkups)
        view = self.driver.view
        if view is not None and not view.ended:
            self.on_view(view)  # on to the PIN (or wherever the check-in now stands)

    def on_pin(self, pin: str) -> None:
        self.window.show_checking()
        self.driver.submit_pin(pin, confirm_last_try=self._last_try_confirmed, consent_answers=self._consents)

    def on_face(self) -> None:
        """The face reader instead of the PIN: only when the card identified the patient's chart (the router then
        gives this session a result for that same person only; anybody else's is held for the staff)."""
        view = self.driver.view
        if view is None or view.ended or not view.for_kiosk().face_reader_offered:
            return
        self.window.show_face_wait()
        self.driver.await_face_result()

    def on_face_timeout(self) -> None:
        """No face result in time: end the session (nothing written); the window asks the patient to see the staff.
        A result arriving later finds no open session and is held for the staff."""
        view = self.driver.view
        if view is not None and not view.ended:
            self._finished_session = view.session_id
            self._face_gave_up = view.session_id
            self.driver.time_out()

    def _confirm_last_try(self) -> None:
        self._last_try_confirmed = True

    def on_timeout(self) -> None:
        view = self.driver.view
        if view is not None and not view.ended:
            self._finished_session = view.session_id
            self.driver.time_out()
        self._close_call("timed_out")

    def on_cancel(self) -> None:
        """「やめる」: the check-in ends (nothing written); the window is back at the start."""
        view = self.driver.view
        if view is not None and not view.ended:
            self._finished_session = view.session_id
            self.driver.cancel()
        self._close_call("cancelled")

    def on_staff_help(self) -> None:
        """「職員を呼ぶ」: the desk shows an alert; the check-in is kept as it is (the patient may go on)."""
        if self._call_open or self._call_staff is None:
            return
        self._call_open = True
        step = CALL_STEP_BY_SCREEN.get(self.window.called_from, "")
        self._run(lambda: self._call_staff(step) if self._call_staff is not None else None)

    @property
    def staff_call_open(self) -> bool:
        """A call of this kiosk is on the desks now."""
        return self._call_open

    def _close_call(self, outcome: str) -> None:
        if not self._call_open:
            return
        self._call_open = False
        end = self._end_staff_call
        if end is not None:
            self._run(lambda: end(outcome))

    def _run(self, fn: Callable[[], object]) -> None:
        if self._worker is None:
            fn()
        else:
            self._worker.submit(fn, on_error=lambda exc: None, lane="kiosk-staff-call")

    # --- from the state machine -------------------------------------------------------------------------------
    def on_view(self, view: SessionView) -> None:
        if view.ended and view.state in CALL_END_BY_STATE:
            self._close_call(CALL_END_BY_STATE[view.state])
        if view.session_id == self._finished_session:
            if view.state == State.COMPLETED and view.session_id == self._face_gave_up:
                # the result came in the very moment the wait ran out and the check-in went through: say so
                self._face_gave_up = None
                kv = view.for_kiosk()
                self.window.show_done(kv.queue_number or 0, kv.own_name or "", kv.own_kana or "")
            return  # the patient already sees the outcome (done, ask the staff, or the start)
        kv = view.for_kiosk()
        waiting_for_staff = self.window.current_screen() == "staff_called"
        if kv.screen == KioskScreen.ASK_STAFF and view.state in BUSY_STATES:
            # a warning seen while the machine is still working: wait for where it settles (done, or a step that
            # needs a person), rather than stopping a check-in that may well complete
            if not waiting_for_staff:
                self.window.show_checking()
        elif view.state == State.CARD_REMOVED:
            self._finished_session = view.session_id
            self.window.show_card_back()  # put the card back: a new check-in starts when it is
        elif kv.screen == KioskScreen.ASK_STAFF and view.state == State.PIN_BLOCKED and kv.face_reader_offered:
            self.window.show_pin_blocked()  # the face reader instead, or the staff: the patient chooses
        elif kv.screen == KioskScreen.ASK_STAFF:
            self._finish(view)
            self.window.show_ask_staff(kiosk_reason(view))
        elif kv.screen == KioskScreen.DONE:
            self._finished_session = view.session_id
            self.window.show_done(kv.queue_number or 0, kv.own_name or "", kv.own_kana or "")
        elif kv.screen in (KioskScreen.ENTER_PIN, KioskScreen.CONFIRM_LAST_TRY):
            if self._consents is None:  # the consent screens first, once per check-in
                if not waiting_for_staff and not self.window.current_screen().startswith("consent_"):
                    self.window.ask_consents()
                return
            tries = kv.pin_tries_left if kv.pin_tries_left is not None else 3
            face = kv.face_reader_offered
            wrong = view.error_code == "wrong_pin"
            self.window.show_pin(tries, face, wrong_pin=wrong, last_try_confirmed=self._last_try_confirmed)
        elif kv.screen == KioskScreen.PLEASE_WAIT:
            if waiting_for_staff:
                return
            if view.state == State.READING_CARD:
                self.window.show_reading()
            else:
                self.window.show_checking()
        elif kv.screen == KioskScreen.USE_FACE_READER:
            self.window.show_face_wait()  # no-op when already waiting: the wait keeps its own deadline
        elif kv.screen == KioskScreen.ENDED:
            self.window.show_welcome()

    def _finish(self, view: SessionView) -> None:
        """The kiosk cannot finish this one: end it cleanly so the desk takes over from the start."""
        self._finished_session = view.session_id
        if not view.ended:
            self.driver.cancel()
