"""The immutable snapshot of a check-in that the desk and the kiosk render (`SessionView`), and the kiosk filter."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from reception_app.reception.models import (
    Candidate,
    CertificateStatus,
    Channel,
    PatientRecord,
    PersonFacts,
    RegistrationForm,
)

if TYPE_CHECKING:  # a type only: the OQS models load with the merger, not with the views
    from reception_app.eligibility.models import MergedEligibility


class State(StrEnum):
    IDLE = "idle"
    READING_CARD = "reading_card"
    AWAITING_PIN = "awaiting_pin"
    PIN_BLOCKED = "pin_blocked"
    QUERYING = "querying"
    AWAITING_FACE = "awaiting_face_result"
    AWAITING_DECLARATION = "awaiting_declaration"
    AWAITING_CANDIDATE = "awaiting_candidate_choice"
    AWAITING_REGISTRATION = "awaiting_registration"
    AWAITING_RELINK = "awaiting_relink_confirmation"
    CHECKING_IN = "checking_in"
    # end states: each carries an `end_reason` code
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    TIMED_OUT = "timed_out"
    CARD_REMOVED = "card_removed"
    FAILED = "failed"


END_STATES = frozenset({State.COMPLETED, State.CANCELLED, State.TIMED_OUT, State.CARD_REMOVED, State.FAILED})


class Step(StrEnum):
    """Progress of the pipeline (PRODUCT.md steps), for the progress display."""

    WAITING = "waiting"
    CARD = "card"
    CERTIFICATE = "certificate"
    IDENTIFICATION = "identification"
    ELIGIBILITY = "eligibility"
    MERGE = "merge"
    MATCH = "match"
    REGISTER = "register"
    CHECK_IN = "check_in"
    PRINT = "print"
    DONE = "done"


class KioskScreen(StrEnum):
    PLACE_CARD = "place_card"
    PLEASE_WAIT = "please_wait"
    ENTER_PIN = "enter_pin"
    CONFIRM_LAST_TRY = "confirm_last_try"
    USE_FACE_READER = "use_face_reader"
    ASK_STAFF = "ask_staff"
    DONE = "done"
    ENDED = "ended"


@dataclass(frozen=True)
class KioskView:
    """What the patient's screen may show: no internal IDs, no raw XML, no insurance numbers, nobody else."""

    screen: KioskScreen
    message_code: str | None
    pin_tries_left: int | None
    queue_number: int | None
    own_name: str | None
    own_kana: str | None
    version: int
    face_reader_offered: bool = False
    """The kiosk may offer the face reader instead of the PIN (PIN screens, or a blocked PIN): only when the card
    already identified the patient's chart, so that the face router gives this session a result for that same
    person only (`CheckInSession.accepts_face_result`), never anybody's."""


@dataclass(frozen=True)
class SessionView:
    session_id: str
    channel: Channel
    version: int
    state: State
    step: Step
    end_reason: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    token_type: str | None = None
    certificate_status: CertificateStatus | None = None
    certificate_not_after: datetime | None = None
    # Personal data below is kept out of repr(), so that logging a view never writes it to a log.
    suggested_patient: PatientRecord | None = field(default=None, repr=False)  # "お帰りなさい", to be confirmed
    pin_tries_left: int | None = None
    last_try_confirmation_required: bool = False
    facts: PersonFacts | None = field(default=None, repr=False)
    eligibility_json: str | None = field(default=None, repr=False)  # what a confirmed result stores as its snapshot
    merged: MergedEligibility | None = field(default=None, repr=False)  # the same, typed: what the desk shows
    qualification_validity: str | None = None
    candidates: tuple[Candidate, ...] = field(default=(), repr=False)
    registration_form: RegistrationForm | None = field(default=None, repr=False)
    relink_old: str | None = None  # masked insurance keys, for the confirmation dialog
    relink_new: str | None = None
    patient: PatientRecord | None = field(default=None, repr=False)
    matched_by: str | None = None
    offline: bool = False
    offline_confirmed_at: datetime | None = None
    offline_label: str | None = None
    declaration: bool = False
    visual_check: bool = False  # 目視確認: the staff looked at the card instead of a PIN (blocked)
    queue_number: int | None = None
    ticket_path: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ended(self) -> bool:
        return self.state in END_STATES

    def for_kiosk(self) -> KioskView:
        return kiosk_view(self)


# Desk states that need a member of staff: on the kiosk they all become "please ask the staff".
_STAFF_STATES = frozenset(
    {
        State.PIN_BLOCKED,
        State.AWAITING_DECLARATION,
        State.AWAITING_CANDIDATE,
        State.AWAITING_REGISTRATION,
        State.AWAITING_RELINK,
        State.FAILED,
        State.CARD_REMOVED,
    }
)
# Warnings that are routine for the patient; any other warning sends the kiosk patient to the staff.
# `card_removed_after_read`: the card was taken once the session no longer needed it (e.g. to the face reader).
_KIOSK_ROUTINE_WARNINGS = frozenset({"certificate_expiring", "card_removed_after_read"})
# Errors the patient can fix on the kiosk itself.
_KIOSK_PATIENT_ERRORS = frozenset({"wrong_pin", "invalid_input", "last_try_requires_confirmation"})


def kiosk_view(view: SessionView) -> KioskView:
    unusual = view.offline or any(w not in _KIOSK_ROUTINE_WARNINGS for w in view.warnings)
    message = view.error_code or view.end_reason
    if view.state in (State.CANCELLED, State.TIMED_OUT):
        screen = KioskScreen.ENDED  # wiped: the next patient sees nothing of this one
    elif view.state in _STAFF_STATES or (unusual and view.state != State.COMPLETED):
        screen = KioskScreen.ASK_STAFF
        message = "ask_staff"
    elif view.state == State.COMPLETED:
        screen = KioskScreen.DONE
    elif view.state == State.IDLE:
        screen = KioskScreen.PLACE_CARD
    elif view.state == State.AWAITING_PIN:
        screen = KioskScreen.CONFIRM_LAST_TRY if view.last_try_confirmation_required else KioskScreen.ENTER_PIN
        if view.error_code and view.error_code not in _KIOSK_PATIENT_ERRORS:
            screen, message = KioskScreen.ASK_STAFF, "ask_staff"
    elif view.state == State.AWAITING_FACE:
        screen = KioskScreen.USE_FACE_READER
    else:
        screen = KioskScreen.PLEASE_WAIT
    # Face reader instead of the PIN: only for a chart the card identified (no guess about whose result it is).
    face = view.suggested_patient is not None and not unusual and (
        screen in (KioskScreen.ENTER_PIN, KioskScreen.CONFIRM_LAST_TRY) or view.state == State.PIN_BLOCKED
    )
    # Only the current patient's own name, and only once the check-in is done (never a candidate's).
    own = view.patient if view.state == State.COMPLETED else None
    return KioskView(
        screen=screen,
        message_code=message,
        pin_tries_left=view.pin_tries_left if screen in (KioskScreen.ENTER_PIN, KioskScreen.CONFIRM_LAST_TRY) else None,
        queue_number=view.queue_number if screen == KioskScreen.DONE else None,
        own_name=own.name if own else None,
        own_kana=own.kana if own else None,
        version=view.version,
        face_reader_offered=face,
    )
