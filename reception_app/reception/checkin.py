"""The check-in state machine (PRODUCT.md pipeline steps 1-8), driven by the desk and the kiosk.

No Qt. Commands block (card I/O, network, database) and are meant to run off the GUI thread; every change is
delivered as an immutable `SessionView` to the listener. One command runs at a time; `cancel()`, `timeout()` and
`card_removed()` may be called from any thread at any moment: while a command runs they are noted and the command
ends the session at its next step, before any store write. Store writes happen in one transaction at check-in.
See docs/checkin-state-machine.md.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar

from reception_app.config import DEFAULTS
from reception_app.connect import errors as connect_errors
from reception_app.eligibility.normalize import kana_key
from reception_app.errors import AppError
from reception_app.reception import errors
from reception_app.reception.models import (
    BasicFour,
    Candidate,
    CertificateFacts,
    CertificateStatus,
    Channel,
    ConsentAnswers,
    Consents,
    InsuranceKey,
    PatientRecord,
    PersonFacts,
    RegistrationForm,
    Ticket,
    differing_fields,
    prefill_form,
)
from reception_app.reception.ports import (
    BackgroundPort,
    CardPort,
    Clock,
    EligibilityOutcome,
    EligibilityPort,
    MergePort,
    PrinterPort,
    StorePort,
)
from reception_app.reception.view import END_STATES, SessionView, State, Step

log = logging.getLogger(__name__)
_T = TypeVar("_T")

# QualificationValidity codes that allow a normal check-in (1 有効, 6 有効(未登録, 医療扶助)); all others
# (2 無効, 3 無効(新しい資格あり), 4 該当資格なし, 5 複数該当) go to the 被保険者資格申立書 / staff path.
QUALIFICATION_OK: frozenset[str] = frozenset({"1", "6"})

# Gateway/terminal failures that mean "unreachable" (the OFFLINE branch), as opposed to a refused request.
OFFLINE_ERRORS: tuple[type[Exception], ...] = (
    connect_errors.GatewayUnavailable,
    connect_errors.GatewayTimeout,
    connect_errors.ReqResTimeout,
    connect_errors.ReqResFolderError,
    connect_errors.FaceFolderError,
    errors.EligibilityOffline,
)

# States in which the card is still needed: pulling it there ends the session. Afterwards (eligibility obtained)
# the patient may take the card back while staff finish; the removal is noted as a warning.
CARD_STATES = frozenset({State.READING_CARD, State.AWAITING_PIN, State.PIN_BLOCKED, State.QUERYING})

PHONE_TOKENS = frozenset({"android", "iphone"})

Listener = Callable[[SessionView], None]


@dataclass
class SessionDeps:
    store: StorePort
    eligibility: EligibilityPort
    merger: MergePort
    printer: PrinterPort | None
    background: BackgroundPort
    clock: Clock
    query_timeout: float = DEFAULTS.gateway_query_timeout_s
    staff_user: str = ""
    default_consents: Consents = field(default_factory=Consents)  # when the UI asks none (e.g. the demo)


class _Abort(Exception):  # control flow inside the session (never leaves it): not an AppError
    def __init__(self, state: State, reason: str) -> None:
        super().__init__(reason)
        self.state = state
        self.reason = reason


class CheckInSession:
    """One check-in, from card (or insurance number, or face result) to queue number."""

    def __init__(
        self,
        deps: SessionDeps,
        *,
        channel: Channel = Channel.DESK,
        listener: Listener | None = None,
        session_id: str | None = None,
    ) -> None:
        self._deps = deps
        self._listener = listener
        self._flag_lock = threading.Lock()
        self._busy = False
        self._pending_abort: _Abort | None = None
        self._card: CardPort | None = None
        self._card_gone = False
        self._cert: CertificateFacts | None = None
        self._outcome: EligibilityOutcome | None = None
        self._query_kind = ""
        self._new_form: RegistrationForm | None = None
        self._relink_confirmed = False
        self._relink_declined = False
        # a new chart gets the card's link only when the staff compared the card with it (register_new's link_card)
        self._link_card = True
        self._face_expect: tuple[str, date | None] | None = None
        self._insurance_query: InsuranceKey | None = None  # the key asked by insurance number (offline lookup)
        self._view = SessionView(
            session_id=session_id or uuid.uuid4().hex, channel=channel, version=0, state=State.IDLE, step=Step.WAITING
        )

    # ------------------------------------------------------------------------------------------------ reading

    @property
    def view(self) -> SessionView:
        return self._view

    @property
    def state(self) -> State:
        return self._view.state

    # ------------------------------------------------------------------------------------------------ commands

    def start_with_card(self, card: CardPort) -> SessionView:
        """A card was detected: identify it, read the certificate, suggest the linked patient, ask for the PIN."""
        with self._command("start_with_card", {State.IDLE}):
            self._card = card
            self._set(state=State.READING_CARD, step=Step.CARD)
            token = self._card_call(card.identify)
            self._set(token_type=token, step=Step.CERTIFICATE)
            if token not in PHONE_TOKENS:  # a phone token needs the PIN before its certificate can be read
                self._take_certificate(self._card_call(card.read_certificate))
            tries = self._card_call(card.pin_tries_left)
            self._after_tries(tries)
        return self._view

    def submit_pin(
        self,
        pin: str,
        confirm_last_try: bool = False,
        consents: Consents | None = None,
        *,
        consent_answers: ConsentAnswers | None = None,
    ) -> SessionView:
        """The patient typed the auth PIN. Exactly one verification per call; none when refused beforehand.
        `consents`: the patient's answers on the consent screens (default: `SessionDeps.default_consents`);
        `consent_answers`: the kiosk's questions only, the other kinds from that default."""
        answers = consents if consents is not None else self._deps.default_consents
        if consent_answers is not None:
            answers = consent_answers.applied_to(answers)
        with self._command("submit_pin", {State.AWAITING_PIN}):
            card = self._card
            assert card is not None
            if not (len(pin) == 4 and pin.isascii() and pin.isdigit()):
                self._fail_soft(errors.InvalidInput("The PIN has 4 digits.", field="pin"))
                return self._view
            if self._view.pin_tries_left == 1 and not confirm_last_try:
                self._fail_soft(errors.LastTryRefused())
                return self._view
            self._set(state=State.QUERYING, step=Step.ELIGIBILITY, error_code=None, error_message=None)

            def sign(challenge: bytes) -> bytes:
                return card.sign(challenge, pin, allow_last_try=confirm_last_try)

            def fetch() -> EligibilityOutcome:
                if self._cert is None:  # phone token: the PIN unlocks the certificate first
                    self._take_certificate(card.read_certificate(pin, allow_last_try=confirm_last_try))
                    self._checkpoint()
                cert = self._cert
                assert cert is not None
                return self._deps.eligibility.by_pin(
                    cert.der, sign, timeout=self._deps.query_timeout, consents=answers
                )

            self._query("pin", fetch)
        return self._view

    def by_insurance_number(self, insurance: InsuranceKey, birth_date: date | None = None) -> SessionView:
        """No card (資格確認書), or instead of a blocked PIN: ask OQS by 保険者番号・記号・番号・枝番."""
        with self._command("by_insurance_number", {State.IDLE, State.AWAITING_PIN, State.PIN_BLOCKED}):
            if not insurance.insurer_number.strip() or not insurance.number.strip():
                self._fail_soft(
                    errors.InvalidInput("The insurer number and the number are required.", field="insurance")
                )
                return self._view
            self._set(state=State.QUERYING, step=Step.ELIGIBILITY, error_code=None, error_message=None)
            self._insurance_query = insurance
            self._query(
                "insurance",
                lambda: self._deps.eligibility.by_insurance_number(
                    insurance, birth_date, timeout=self._deps.query_timeout
                ),
            )
        return self._view

    def await_face_result(
        self, expected_kana: str | None = None, expected_birth_date: date | None = None
    ) -> SessionView:
        """The patient uses the face reader; the result file will be routed to this session."""
        with self._command("await_face_result", {State.IDLE, State.AWAITING_PIN, State.PIN_BLOCKED}):
            if (
                self._view.channel == Channel.KIOSK
                and self._view.suggested_patient is None
                and not (expected_kana and expected_birth_date)
            ):
                # Nobody at a kiosk vouches for whose face result this is: wait only for a known person.
                self._fail_soft(errors.InvalidInput(
                    "On the kiosk the face reader needs the chart the card identified, or the kana and birth date.",
                    field="face",
                ))
                return self._view
            self._face_expect = (kana_key(expected_kana), expected_birth_date) if expected_kana else None
            self._set(state=State.AWAITING_FACE, step=Step.ELIGIBILITY, error_code=None, error_message=None)
        return self._view

    def accepts_face_result(self, facts: PersonFacts) -> bool:
        """Whether a face result may belong to this session (used by the router; never a guess)."""
        if self._view.state != State.AWAITING_FACE:
            return False
        if self._face_expect is not None:
            kana, born = self._face_expect
            if kana_key(facts.kana) != kana or (born is not None and facts.birth_date != born):
                return False
        suggested = self._view.suggested_patient
        if suggested is not None:  # a card already identified someone: the result must be that person
            return kana_key(suggested.kana) == kana_key(facts.kana) and suggested.birth_date == facts.birth_date
        return True

    def deliver_face_result(
        self, outcome: EligibilityOutcome, on_accepted: Callable[[], None] | None = None
    ) -> SessionView:
        """`on_accepted`: runs once the result is accepted, before the check-in goes on (an audit record that must
        be there by the time the view moves)."""
        with self._command("deliver_face_result", {State.AWAITING_FACE}):
            facts = self._deps.merger.facts(outcome)
            if not self.accepts_face_result(facts):
                self._fail_soft(errors.InvalidInput("This face-reader result is for someone else.", field="face"))
                return self._view
            if on_accepted is not None:
                on_accepted()
            self._query("face", lambda: outcome)
        return self._view

    def choose_candidate(self, patient_id: str) -> SessionView:
        """Staff chose one of the candidates (the only way a kana/birth-date match becomes a patient)."""
        with self._command("choose_candidate", {State.AWAITING_CANDIDATE}):
            chosen = next((c for c in self._view.candidates if c.patient.patient_id == patient_id), None)
            if chosen is None:
                self._fail_soft(errors.InvalidInput("That patient is not one of the candidates.", field="patient_id"))
                return self._view
            self._set(patient=chosen.patient, matched_by=f"staff_choice:{chosen.matched_by}", candidates=())
            self._after_match()
        return self._view

    def decline_candidates(self) -> SessionView:
        """Staff say none of the candidates is this person: register a new patient."""
        with self._command("decline_candidates", {State.AWAITING_CANDIDATE}):
            self._to_registration()
        return self._view

    def read_basic_four(self, text_pin: str) -> SessionView:
        """Optional: fill the form's address (and blanks) from the card's 基本4情報 with the patient's text-AP PIN."""
        with self._command("read_basic_four", {State.AWAITING_REGISTRATION}):
            card = self._card
            if card is None or self._card_gone:
                self._fail_soft(errors.CardRemoved("The card is no longer on the reader."))
                return self._view
            try:
                four: BasicFour = card.read_basic_four(text_pin)
            except errors.CardRemoved as exc:
                self._card_gone = True
                self._fail_soft(exc)
                return self._view
            except errors.ReceptionError as exc:  # optional step: the form stays, staff type the address
                self._fail_soft(exc)
                return self._view
            form = self._view.registration_form or prefill_form(self._view.facts)
            form = replace(
                form,
                address=four.address or form.address,
                name=form.name or four.name,
                birth_date=form.birth_date or four.birth_date,
                sex=form.sex or four.sex,
            )
            self._set(registration_form=form, error_code=None, error_message=None)
        return self._view

    def register_new(self, form: RegistrationForm, link_card: bool = True) -> SessionView:
        """Staff submit the new-patient form; the patient is created in the check-in transaction. `link_card`: the
        staff compared the card's name and birth date with the form (offline, no result vouches for the card's
        holder: the desk asks, and without a yes the card is not linked to the new chart)."""
        with self._command("register_new", {State.AWAITING_REGISTRATION}):
            problems = form.problems()
            if problems:
                field_name, message = next(iter(problems.items()))
                self._set(registration_form=form)
                self._fail_soft(errors.InvalidInput(message, field=field_name))
                return self._view
            self._new_form = form
            self._link_card = link_card
            self._set(registration_form=form, matched_by="new_registration", step=Step.REGISTER)
            self._after_match()
        return self._view

    def confirm_relink(self) -> SessionView:
        """Staff confirm the insurance change: the link moves to the new key; old and new go to the audit log. The
        result is compared again with the chart as it now is (the "insurance differs" warning goes)."""
        with self._command("confirm_relink", {State.AWAITING_RELINK}):
            self._relink_confirmed = True
            self._set(warnings=tuple(w for w in self._view.warnings if w != "chart_insurance_differs"))
            self._after_match()
        return self._view

    def check_in_without_relink(self) -> SessionView:
        """Staff check the patient in on today's result but keep the chart's insurance link as it was (audited)."""
        with self._command("check_in_without_relink", {State.AWAITING_RELINK}):
            self._relink_confirmed = True
            self._relink_declined = True
            self._check_in()
        return self._view

    def visual_check(self, seen: RegistrationForm) -> SessionView:
        """目視確認 for a blocked PIN: the staff looked at the card (photo, name, birth date) and typed what it shows.
        The check-in goes on without an eligibility result, by the usual match (candidates are the staff's choice),
        and is marked as a 目視確認 check-in (`visual_check`, in the audit log too)."""
        with self._command("visual_check", {State.PIN_BLOCKED}):
            if not seen.name.strip() or not seen.kana.strip() or seen.birth_date is None:
                self._fail_soft(errors.InvalidInput("Name, kana and birth date are required.", field="visual_check"))
                return self._view
            facts = PersonFacts(
                name=seen.name, kana=seen.kana, birth_date=seen.birth_date, sex=seen.sex, address=seen.address,
                reference_number=None, insurance=None, qualification_validity="",
            )
            self._set(visual_check=True, facts=facts, error_code=None, error_message=None, step=Step.MATCH,
                      warnings=(*self._view.warnings, "visual_check"))
            self._match()
        return self._view

    def proceed_with_declaration(self) -> SessionView:
        """No valid result (offline without cache, or qualification invalid): go on with a 被保険者資格申立書."""
        with self._command("proceed_with_declaration", {State.AWAITING_DECLARATION}):
            self._set(declaration=True)
            self._match()
        return self._view

    def cancel(self) -> SessionView:
        return self._interrupt(State.CANCELLED, "cancelled")

    def timeout(self) -> SessionView:
        return self._interrupt(State.TIMED_OUT, "timeout")

    def card_removed(self) -> SessionView:
        with self._flag_lock:
            self._card_gone = True
            needed = self._view.state in CARD_STATES and self._query_kind in ("", "pin")
            if not needed:
                if self._busy:  # a card-less command runs (face, insurance number): it carries on
                    return self._view
                if self._view.state not in END_STATES and self._card is not None:
                    self._release_card()
                    self._set(warnings=(*self._view.warnings, "card_removed_after_read"))
                return self._view
        return self._interrupt(State.CARD_REMOVED, "card_removed")

    # ------------------------------------------------------------------------------------------------ machinery

    @contextmanager
    def _command(self, name: str, allowed: set[State]) -> Iterator[None]:
        with self._flag_lock:
            if self._busy:
                raise errors.CommandNotAllowed(name, "busy")
            if self._view.state not in allowed:
                raise errors.CommandNotAllowed(name, self._view.state.value)
            self._busy = True
            self._pending_abort = None
        try:
            yield
        except _Abort as abort:
            self._end(abort.state, abort.reason)
        except errors.ReceptionError as exc:
            self._end(State.FAILED, exc.code, exc)
        except Exception as exc:  # a defect below: end cleanly with a reason, keep the trace in the log
            log.exception("check-in %s failed in %s", self._view.session_id, name)
            self._end(State.FAILED, "internal_error", exc)
        finally:
            with self._flag_lock:
                self._busy = False
                abort_later = self._pending_abort
                self._pending_abort = None
            if abort_later is not None and self._view.state not in END_STATES:
                self._end(abort_later.state, abort_later.reason)

    def _interrupt(self, state: State, reason: str) -> SessionView:
        with self._flag_lock:
            if self._view.state in END_STATES:
                return self._view
            if self._busy:  # the running command ends the session at its next step
                self._pending_abort = _Abort(state, reason)
                return self._view
            self._busy = True
        try:
            self._end(state, reason)
        finally:
            with self._flag_lock:
                self._busy = False
        return self._view

    def _checkpoint(self) -> None:
        with self._flag_lock:
            abort = self._pending_abort
        if abort is not None:
            raise abort

    def _set(self, **changes: Any) -> None:  # Any: the SessionView fields, as dataclasses.replace takes them
        self._view = replace(self._view, version=self._view.version + 1, **changes)
        if self._listener is not None:
            try:
                self._listener(self._view)
            except Exception:
                log.exception("check-in listener failed")

    def _fail_soft(self, exc: errors.ReceptionError) -> None:
        """A problem the user can correct: the state stays, the error is shown."""
        extra: dict[str, Any] = {}  # Any: SessionView fields of different types, for _set
        if isinstance(exc, errors.WrongPin):
            extra["pin_tries_left"] = exc.tries_left
            extra["last_try_confirmation_required"] = exc.tries_left == 1
        self._set(error_code=exc.code, error_message=str(exc), **extra)

    def _end(self, state: State, reason: str, exc: BaseException | None = None) -> None:
        self._release_card()
        # the most specific error names the failure (a full disk, not "the store failed"); end_reason stays the
        # state machine's own word for it
        shown = exc.specific() if isinstance(exc, AppError) else exc
        code = (shown.code if isinstance(shown, AppError) else reason) if shown is not None else None
        message = str(shown) if isinstance(exc, errors.ReceptionError) else None
        if exc is not None and message is None:
            message = "An unexpected problem stopped the check-in; nothing was saved."
        self._set(state=state, end_reason=reason, error_code=code, error_message=message)

    def _release_card(self) -> None:
        card, self._card = self._card, None
        if card is not None:
            try:
                card.close()
            except Exception:
                log.warning("releasing the card failed", exc_info=True)

    def _card_call(self, fn: Callable[[], _T]) -> _T:
        self._checkpoint()
        try:
            result = fn()
        except errors.CardRemoved as exc:
            raise _Abort(State.CARD_REMOVED, "card_removed") from exc
        self._checkpoint()
        return result

    # ------------------------------------------------------------------------------------------------ steps

    def _take_certificate(self, cert: CertificateFacts) -> None:
        self._cert = cert
        warnings = list(self._view.warnings)
        if cert.status == CertificateStatus.EXPIRED:
            warnings.append("certificate_expired")  # still serves as 保険証 for 3 months: a warning only
        elif cert.status == CertificateStatus.EXPIRING:
            warnings.append("certificate_expiring")
        self._set(
            certificate_status=cert.status, certificate_not_after=cert.not_after, warnings=tuple(warnings),
            step=Step.IDENTIFICATION,
        )
        suggested = self._deps.store.find_by_card_subject(cert.subject)
        if suggested is not None:
            self._set(suggested_patient=suggested)

    def _after_tries(self, tries: int) -> None:
        if tries <= 0:
            exc = errors.PinBlocked()
            self._set(
                state=State.PIN_BLOCKED, step=Step.ELIGIBILITY, pin_tries_left=0, error_code=exc.code,
                error_message=str(exc),
            )
            return
        self._set(
            state=State.AWAITING_PIN, step=Step.ELIGIBILITY, pin_tries_left=tries,
            last_try_confirmation_required=tries == 1,
        )

    def _query(self, kind: str, fetch: Callable[[], EligibilityOutcome]) -> None:
        self._query_kind = kind
        self._checkpoint()
        try:
            outcome = fetch()
        except errors.WrongPin as exc:
            self._checkpoint()
            if exc.tries_left <= 0:
                self._after_tries(0)
            else:
                self._set(state=State.AWAITING_PIN)
                self._fail_soft(exc)
            self._query_kind = ""
            return
        except errors.PinBlocked:
            self._query_kind = ""
            self._after_tries(0)
            return
        except errors.LastTryRefused as exc:  # the card layer's own guard: nothing was spent
            self._query_kind = ""
            self._set(state=State.AWAITING_PIN, last_try_confirmation_required=True)
            self._fail_soft(exc)
            return
        except errors.CardRemoved as exc:
            raise _Abort(State.CARD_REMOVED, "card_removed") from exc
        except OFFLINE_ERRORS as exc:
            self._checkpoint()
            self._go_offline(exc.code if isinstance(exc, AppError) else "eligibility_offline")
            return
        except connect_errors.ConnectError as exc:
            raise errors.EligibilityFailed(str(exc), cause=exc) from exc
        self._checkpoint()
        self._on_outcome(outcome)

    def _on_outcome(self, outcome: EligibilityOutcome) -> None:
        self._outcome = outcome
        facts = self._deps.merger.facts(outcome)
        merged = self._deps.merger.merge(outcome, None, self._today())
        warnings = list(self._view.warnings)
        warnings.extend(w for w in merged.warnings if w not in warnings)
        self._set(
            facts=facts, eligibility_json=merged.json, merged=merged.model, step=Step.MERGE,
            qualification_validity=facts.qualification_validity, warnings=tuple(warnings),
            error_code=None, error_message=None,
        )
        if facts.qualification_validity not in QUALIFICATION_OK:
            self._set(
                state=State.AWAITING_DECLARATION, warnings=(*self._view.warnings, "qualification_invalid"),
            )
            return
        self._match()

    def _go_offline(self, code: str) -> None:
        """OFFLINE branch: the last confirmed result from the cache, or the 被保険者資格申立書 path."""
        store = self._deps.store
        patient = self._view.suggested_patient
        if patient is None and self._insurance_query is not None:
            patient = store.find_by_insurance_key(self._insurance_query.key)
        snapshot = store.latest_snapshot(patient.patient_id) if patient is not None else None
        warnings = (*self._view.warnings, "offline")
        if patient is not None and snapshot is not None:
            label = f"offline, last confirmed on {snapshot.confirmed_at:%Y-%m-%d %H:%M}"
            self._set(
                offline=True, offline_confirmed_at=snapshot.confirmed_at, offline_label=label,
                eligibility_json=snapshot.merged_json, merged=self._deps.merger.read_snapshot(snapshot.merged_json),
                warnings=warnings, error_code=code, step=Step.MATCH,
                state=State.AWAITING_CANDIDATE,
                candidates=(Candidate(patient, "offline_card_link", differing_fields(patient, None)),),
            )
            return
        self._set(
            offline=True, offline_label="offline, no confirmed result on file", warnings=warnings, error_code=code,
            state=State.AWAITING_DECLARATION,
        )

    def _match(self) -> None:
        """照会番号 → insurance key → kana + birth date (staff choose) → new registration. Never an automatic pick."""
        self._set(step=Step.MATCH)
        store = self._deps.store
        facts = self._view.facts
        suggested = self._view.suggested_patient
        found: PatientRecord | None = None
        by = ""
        if facts is not None and facts.reference_number:
            # 照会番号 = the clinic's patient ID as registered in OQS; the link records it, the ID is the fallback.
            ref = facts.reference_number
            found, by = store.find_by_reference_number(ref) or store.patient(ref), "reference_number"
        if found is None and facts is not None and facts.insurance is not None:
            found, by = store.find_by_insurance_key(facts.insurance.key), "insurance_key"
        if found is not None:
            diffs = differing_fields(found, facts)
            if suggested is not None and suggested.patient_id != found.patient_id:
                other = Candidate(suggested, "card_link", differing_fields(suggested, facts))
                self._ask_staff([Candidate(found, by, diffs), other], "card_link_mismatch")
            elif {"kana", "birth_date"} & diffs:  # a link that does not fit the person: staff decide
                self._ask_staff([Candidate(found, by, diffs)], f"{by}_mismatch")
            else:
                self._set(patient=found, matched_by=by)
                self._after_match()
            return
        pool: list[Candidate] = []
        if facts is not None and facts.kana and facts.birth_date is not None:
            for p in store.find_by_kana_birth_date(kana_key(facts.kana), facts.birth_date):
                pool.append(Candidate(p, "kana_birth_date", differing_fields(p, facts)))
        if suggested is not None and all(c.patient.patient_id != suggested.patient_id for c in pool):
            pool.append(Candidate(suggested, "card_link", differing_fields(suggested, facts)))
        if pool:
            self._ask_staff(pool, None)
        else:
            self._to_registration()

    def _ask_staff(self, candidates: list[Candidate], warning: str | None) -> None:
        warnings = self._view.warnings if warning is None else (*self._view.warnings, warning)
        self._set(state=State.AWAITING_CANDIDATE, candidates=tuple(candidates), warnings=warnings)

    def _to_registration(self) -> None:
        self._set(
            state=State.AWAITING_REGISTRATION, step=Step.REGISTER, candidates=(),
            registration_form=prefill_form(self._view.facts),
        )

    def _after_match(self) -> None:
        facts = self._view.facts
        patient = self._view.patient
        if patient is not None and self._outcome is not None:
            chart = patient
            if self._relink_confirmed and facts is not None and facts.insurance is not None:
                chart = replace(patient, insurance=facts.insurance)  # compared as it will be after the relink
            merged = self._deps.merger.merge(self._outcome, chart, self._today())
            warnings = list(self._view.warnings)
            warnings.extend(w for w in merged.warnings if w not in warnings)
            self._set(eligibility_json=merged.json, merged=merged.model, warnings=tuple(warnings))
        if (
            patient is not None
            and facts is not None
            and facts.insurance is not None
            and patient.insurance is not None
            and patient.insurance.key != facts.insurance.key
            and not self._relink_confirmed
        ):
            self._set(
                state=State.AWAITING_RELINK, relink_old=patient.insurance.masked(), relink_new=facts.insurance.masked()
            )
            return
        self._check_in()

    def _check_in(self) -> None:
        self._checkpoint()  # cancel/timeout/pull noted so far: end before writing anything
        self._set(state=State.CHECKING_IN, step=Step.CHECK_IN)
        deps = self._deps
        store = deps.store
        now = deps.clock()
        v = self._view
        facts = v.facts
        register_ref: tuple[str, InsuranceKey] | None = None
        try:
            with store.transaction():
                patient = v.patient
                if self._new_form is not None:
                    patient = store.create_patient(self._new_form)
                    store.audit("patient_registered", self._audit_base(patient.patient_id))
                assert patient is not None
                pid = patient.patient_id
                if self._cert is not None and self._link_card:
                    linked = store.find_by_card_subject(self._cert.subject)
                    if linked is None or linked.patient_id != pid:
                        store.link_card(pid, self._cert.subject)
                        details = self._audit_base(pid)
                        if linked is not None:
                            details["previous_patient_id"] = linked.patient_id
                        store.audit("card_linked", details)
                if self._relink_declined:
                    store.audit("insurance_relink_declined", self._audit_base(pid))
                elif facts is not None and facts.insurance is not None and (
                    patient.insurance is None or patient.insurance.key != facts.insurance.key
                ):
                    store.link_insurance(pid, facts.insurance)
                    details = self._audit_base(pid)
                    details["new_key"] = facts.insurance.masked()  # full keys stay in the link history
                    if patient.insurance is not None:
                        details["old_key"] = patient.insurance.masked()
                        details["confirmed_by"] = deps.staff_user or "staff"
                        store.audit("insurance_relinked", details)
                    else:
                        store.audit("insurance_linked", details)
                queue = store.add_visit(pid, now.date(), v.channel.value, offline=v.offline, declaration=v.declaration)
                if self._outcome is not None and v.eligibility_json is not None:
                    store.save_snapshot(
                        pid, v.eligibility_json, self._outcome.raw, str(self._outcome.source or self._query_kind),
                        self._outcome.confirmed_at,
                    )
                if v.offline:
                    store.queue_reconfirmation(pid, "offline_check_in")
                if (
                    facts is not None
                    and facts.insurance is not None
                    and facts.reference_number != pid
                    and facts.qualification_validity in QUALIFICATION_OK  # never against an invalid insurance
                ):
                    register_ref = (pid, facts.insurance)
                    store.audit("reference_number_registration_queued", self._audit_base(pid))
                details = self._audit_base(pid)
                details.update(
                    queue_number=str(queue), matched_by=v.matched_by or "", offline=str(v.offline).lower(),
                    declaration=str(v.declaration).lower(),
                    source=str(self._outcome.source) if self._outcome is not None else "cache",
                    visual_check=str(v.visual_check).lower(),
                )
                store.audit("check_in", details)
        except errors.ReceptionError:
            raise
        except AppError as exc:  # the store's typed error (full disk, read-only, locked…): named up to the screen
            log.warning("check-in transaction rolled back: %s", exc.code)
            raise errors.StoreFailed(exc) from exc
        except Exception as exc:
            log.exception("check-in transaction rolled back")
            raise errors.StoreFailed() from exc
        self._set(patient=patient, queue_number=queue, step=Step.PRINT)
        if register_ref is not None:
            ref_pid, ref_key = register_ref
            deps.background.submit("register_reference_number", lambda: self._register_reference(ref_pid, ref_key))
        ticket_path: str | None = None
        warnings = self._view.warnings
        if deps.printer is not None:
            ticket = Ticket(
                queue_number=queue, visit_date=now.date(), checked_in_at=now, channel=v.channel,
                qr_payload=f"RCPT:{now:%Y%m%d}:{queue:04d}",
            )
            try:
                path = deps.printer.print_ticket(ticket)
                ticket_path = str(path) if path is not None else None
            except Exception:
                log.warning("printing the ticket failed", exc_info=True)
                warnings = (*warnings, "print_failed")
        self._release_card()
        self._set(
            state=State.COMPLETED, step=Step.DONE, end_reason="checked_in", ticket_path=ticket_path, warnings=warnings,
            error_code=None, error_message=None,
        )

    def _register_reference(self, patient_id: str, insurance: InsuranceKey) -> None:
        """Background: OQSsiimm01req, then remember the 照会番号 so the next visit takes the fast path."""
        store = self._deps.store
        details = self._audit_base(patient_id)
        try:
            self._deps.eligibility.register_reference_number(patient_id, insurance)
        except Exception as exc:  # retried at the next visit (no ReferenceNumber in the result yet)
            details["error"] = exc.code if isinstance(exc, AppError) else type(exc).__name__
            log.warning("照会番号 registration failed (%s)", details["error"])
            store.audit("reference_number_registration_failed", details)
            return
        with store.transaction():
            store.link_reference_number(patient_id, patient_id)
            store.audit("reference_number_registered", details)

    def _audit_base(self, patient_id: str) -> dict[str, str]:
        return {
            "session_id": self._view.session_id,
            "patient_id": patient_id,
            "channel": self._view.channel.value,
            "staff_user": self._deps.staff_user,
        }

    def _today(self) -> date:
        return self._deps.clock().date()

