"""Unit tests of the check-in state machine over in-memory ports (scenarios over the real stack: integration)."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from reception_app.reception import errors
from reception_app.reception.checkin import CheckInSession, SessionDeps
from reception_app.reception.models import (
    CertificateStatus,
    Channel,
    InsuranceKey,
    PatientRecord,
    PersonFacts,
    RegistrationForm,
)
from reception_app.reception.view import KioskScreen, SessionView, State
from tests.unit.reception_fakes import (
    NOW,
    FakeCard,
    FakeEligibility,
    FakeMerger,
    FakeOutcome,
    InlineBackground,
    ListPrinter,
    MemoryStore,
)

INS_A = InsuranceKey("06139992", "記号１", "１２３", "01")
INS_OLD = InsuranceKey("01130012", "あ", "55", "")
BORN = date(1988, 3, 9)


def facts(**kw: object) -> PersonFacts:
    base: dict[str, object] = dict(
        name="佐藤　美咲", kana="ｻﾄｳ ﾐｻｷ", birth_date=BORN, sex="2", address="埼玉県川口市",
        reference_number=None, insurance=INS_A, qualification_validity="1",
    )
    base.update(kw)
    return PersonFacts(**base)  # type: ignore[arg-type]


def patient(pid: str = "P00001", **kw: object) -> PatientRecord:
    base: dict[str, object] = dict(
        patient_id=pid, name="佐藤　美咲", kana="サトウ ミサキ", birth_date=BORN, sex="2", address="埼玉県川口市",
        insurance=INS_A,
    )
    base.update(kw)
    return PatientRecord(**base)  # type: ignore[arg-type]


class Rig:
    def __init__(self, channel: Channel = Channel.DESK) -> None:
        self.store = MemoryStore()
        self.elig = FakeEligibility()
        self.printer = ListPrinter()
        self.background = InlineBackground()
        self.views: list[SessionView] = []
        deps = SessionDeps(
            store=self.store, eligibility=self.elig, merger=FakeMerger(), printer=self.printer,
            background=self.background, clock=lambda: NOW, staff_user="tanaka",
        )
        self.session = CheckInSession(deps, channel=channel, listener=self.views.append)

    def answer(self, f: PersonFacts, subject: str = "CN-A") -> None:
        self.elig.answers[subject] = FakeOutcome(f)
        if f.insurance:
            self.elig.answers[f.insurance.key] = FakeOutcome(f, source="reqres")


def test_returning_patient_by_reference_number_checks_in_and_writes_everything() -> None:
    rig = Rig()
    rig.store.add(patient(), ref="P00001", card="CN-A")
    rig.answer(facts(reference_number="P00001"))
    card = FakeCard()
    v = rig.session.start_with_card(card)
    assert v.state == State.AWAITING_PIN and v.pin_tries_left == 3
    assert v.suggested_patient is not None and v.suggested_patient.patient_id == "P00001"
    v = rig.session.submit_pin("1234")
    assert v.state == State.COMPLETED and v.end_reason == "checked_in"
    assert v.matched_by == "reference_number" and v.queue_number == 1
    assert rig.store.visits == [("P00001", NOW.date(), "desk", False, False)]
    assert "P00001" in rig.store.snapshots
    assert rig.store.actions()[-1] == "check_in"
    assert card.closed and card.verifications == 1
    assert rig.printer.tickets[0].queue_number == 1
    assert rig.elig.registered == []  # the 照会番号 is already this patient's id
    assert [x.version for x in rig.views] == sorted({x.version for x in rig.views})


def test_returning_patient_by_insurance_key_queues_reference_registration() -> None:
    rig = Rig()
    rig.store.add(patient())
    rig.answer(facts())
    rig.session.start_with_card(FakeCard())
    v = rig.session.submit_pin("1234")
    assert v.state == State.COMPLETED and v.matched_by == "insurance_key"
    assert rig.elig.registered == [("P00001", INS_A.key)]
    assert rig.store.find_by_reference_number("P00001") is not None  # remembered once OQS accepted it
    assert rig.store.card_links["CN-A"] == "P00001"
    assert {"card_linked", "reference_number_registration_queued", "check_in"} <= set(rig.store.actions())


def test_two_candidates_wait_for_staff_and_never_auto_pick() -> None:
    rig = Rig()
    rig.store.add(patient("P1", insurance=None, address="東京都"))
    rig.store.add(patient("P2", insurance=None, name="佐藤　美咲子"))
    rig.answer(facts())
    rig.session.start_with_card(FakeCard())
    v = rig.session.submit_pin("1234")
    assert v.state == State.AWAITING_CANDIDATE and v.patient is None
    assert rig.store.visits == [] and rig.store.card_links == {}
    diffs = {c.patient.patient_id: c.differences for c in v.candidates}
    assert diffs == {"P1": frozenset({"address", "insurance"}), "P2": frozenset({"name", "insurance"})}
    with pytest.raises(errors.CommandNotAllowed):
        rig.session.register_new(RegistrationForm("x", "x", BORN, "2"))
    v = rig.session.choose_candidate("P2")
    assert v.state == State.COMPLETED and v.patient is not None and v.patient.patient_id == "P2"
    assert rig.store.visits[0][0] == "P2"


def test_one_candidate_by_kana_and_birth_date_is_still_not_picked() -> None:
    rig = Rig()
    rig.store.add(patient("P1", insurance=None))
    rig.answer(facts())
    rig.session.start_with_card(FakeCard())
    v = rig.session.submit_pin("1234")
    assert v.state == State.AWAITING_CANDIDATE and len(v.candidates) == 1 and rig.store.visits == []


def test_new_registration_prefilled_with_basic_four_address() -> None:
    rig = Rig()
    rig.answer(facts(address=""))
    card = FakeCard()
    rig.session.start_with_card(card)
    v = rig.session.submit_pin("1234")
    assert v.state == State.AWAITING_REGISTRATION and v.registration_form is not None
    assert v.registration_form.kana == "ｻﾄｳ ﾐｻｷ" and v.registration_form.birth_date == BORN
    v = rig.session.read_basic_four("1234")
    good = v.registration_form
    assert good is not None and good.address.startswith("東京都調布市")
    v = rig.session.register_new(RegistrationForm("", "サトウ", BORN, "2"))
    assert v.state == State.AWAITING_REGISTRATION and v.error_code == "invalid_input" and rig.store.patients == {}
    v = rig.session.register_new(good)
    assert v.state == State.COMPLETED
    (pid,) = rig.store.patients
    assert rig.store.patients[pid].insurance == INS_A
    assert "patient_registered" in rig.store.actions() and "insurance_linked" in rig.store.actions()


def test_insurance_change_relinks_only_after_confirmation_with_old_and_new_keys_audited() -> None:
    rig = Rig()
    rig.store.add(patient(insurance=INS_OLD), ref="P00001")
    rig.answer(facts(reference_number="P00001"))
    rig.session.start_with_card(FakeCard())
    v = rig.session.submit_pin("1234")
    assert v.state == State.AWAITING_RELINK and v.relink_old == "01130012 ***55"
    assert rig.store.patients["P00001"].insurance == INS_OLD and rig.store.visits == []
    v = rig.session.confirm_relink()
    assert v.state == State.COMPLETED
    (details,) = [d for a, d in rig.store.audits if a == "insurance_relinked"]
    assert details["old_key"] == "01130012 ***55" and details["new_key"] == "06139992 ***23"
    assert details["confirmed_by"] == "tanaka"


def test_invalid_qualification_goes_to_declaration_path() -> None:
    rig = Rig()
    rig.store.add(patient(), ref="P00001")
    rig.answer(facts(reference_number="P00001", qualification_validity="2"))
    rig.session.start_with_card(FakeCard())
    v = rig.session.submit_pin("1234")
    assert v.state == State.AWAITING_DECLARATION and "qualification_invalid" in v.warnings
    assert rig.store.visits == []
    assert v.for_kiosk().screen == KioskScreen.ASK_STAFF
    v = rig.session.proceed_with_declaration()
    assert v.state == State.COMPLETED and rig.store.visits[0][4] is True
    assert rig.elig.registered == []  # no 照会番号 registration against an invalid insurance


def test_blocked_pin_never_touches_the_pin_and_offers_alternatives() -> None:
    rig = Rig()
    card = FakeCard(tries=0)
    v = rig.session.start_with_card(card)
    assert v.state == State.PIN_BLOCKED and v.error_code == "pin_blocked" and "municipal" in (v.error_message or "")
    with pytest.raises(errors.CommandNotAllowed):
        rig.session.submit_pin("1234")
    assert card.verifications == 0
    assert rig.session.await_face_result().state == State.AWAITING_FACE


def test_one_try_left_is_refused_until_confirmed_and_no_try_is_spent() -> None:
    rig = Rig()
    rig.store.add(patient(), ref="P00001")
    rig.answer(facts(reference_number="P00001"))
    card = FakeCard(tries=1)
    v = rig.session.start_with_card(card)
    assert v.last_try_confirmation_required and v.for_kiosk().screen == KioskScreen.CONFIRM_LAST_TRY
    v = rig.session.submit_pin("1234")
    assert v.state == State.AWAITING_PIN and v.error_code == "last_try_requires_confirmation"
    assert card.verifications == 0 and card.tries == 1
    v = rig.session.submit_pin("1234", confirm_last_try=True)
    assert v.state == State.COMPLETED and card.verifications == 1


def test_wrong_pin_counts_down_to_blocked() -> None:
    rig = Rig()
    rig.answer(facts())
    card = FakeCard(tries=2)
    rig.session.start_with_card(card)
    v = rig.session.submit_pin("9999")
    assert v.state == State.AWAITING_PIN and v.pin_tries_left == 1 and v.error_code == "wrong_pin"
    assert v.last_try_confirmation_required
    v = rig.session.submit_pin("9999", confirm_last_try=True)
    assert v.state == State.PIN_BLOCKED and card.verifications == 2


def test_malformed_pin_spends_nothing() -> None:
    rig = Rig()
    card = FakeCard()
    rig.session.start_with_card(card)
    v = rig.session.submit_pin("12a4")
    assert v.error_code == "invalid_input" and card.verifications == 0 and v.state == State.AWAITING_PIN


def test_not_a_my_number_card_ends_with_a_clear_reason() -> None:
    rig = Rig()
    card = FakeCard(my_number_card=False)
    v = rig.session.start_with_card(card)
    assert v.state == State.FAILED and v.end_reason == "not_my_number_card" and card.closed
    assert "not a My Number Card" in (v.error_message or "")


def test_expired_certificate_is_a_warning_only() -> None:
    rig = Rig()
    v = rig.session.start_with_card(FakeCard(status=CertificateStatus.EXPIRED))
    assert v.state == State.AWAITING_PIN and "certificate_expired" in v.warnings


def test_card_pulled_during_signing_ends_without_writes() -> None:
    rig = Rig()
    rig.store.add(patient(), ref="P00001")
    rig.answer(facts(reference_number="P00001"))
    card = FakeCard()
    rig.session.start_with_card(card)

    def pull() -> None:
        card.removed = True

    card.on_sign = pull
    v = rig.session.submit_pin("1234")
    assert v.state == State.CARD_REMOVED and v.end_reason == "card_removed"
    assert rig.store.visits == [] and rig.store.audits == [] and card.closed


@pytest.mark.parametrize("stop", ["cancel", "timeout", "card_removed"])
def test_interrupts_while_a_command_runs_end_before_any_write(stop: str) -> None:
    rig = Rig()
    rig.store.add(patient(), ref="P00001")
    rig.answer(facts(reference_number="P00001"))
    card = FakeCard()
    rig.session.start_with_card(card)
    card.on_sign = lambda: getattr(rig.session, stop)()  # arrives mid-command, as from the GUI thread
    v = rig.session.submit_pin("1234")
    expected = {"cancel": State.CANCELLED, "timeout": State.TIMED_OUT, "card_removed": State.CARD_REMOVED}[stop]
    assert v.state == expected and rig.store.visits == [] and card.closed


@pytest.mark.parametrize(
    "setup",
    ["idle", "pin", "blocked", "face", "candidate", "registration", "relink", "declaration"],
)
def test_cancel_and_timeout_end_every_waiting_state(setup: str) -> None:
    for stop, end in (("cancel", State.CANCELLED), ("timeout", State.TIMED_OUT)):
        rig = Rig()
        card = FakeCard(tries=0 if setup == "blocked" else 3)
        if setup == "candidate":
            rig.store.add(patient(insurance=None))
        if setup == "relink":
            rig.store.add(patient(insurance=INS_OLD), ref="R")
        rig.answer(facts(reference_number="R" if setup == "relink" else None,
                         qualification_validity="4" if setup == "declaration" else "1"))
        if setup != "idle":
            rig.session.start_with_card(card)
        if setup == "face":
            rig.session.await_face_result()
        if setup in ("candidate", "registration", "relink", "declaration"):
            rig.session.submit_pin("1234")
        before = rig.session.state
        v = getattr(rig.session, stop)()
        assert before not in (State.COMPLETED, State.FAILED) and v.state == end and v.end_reason
        assert rig.store.visits == []
        with pytest.raises(errors.CommandNotAllowed):
            rig.session.submit_pin("1234")


def test_card_removed_after_eligibility_is_noted_and_staff_continue() -> None:
    rig = Rig()
    rig.store.add(patient(insurance=None))
    rig.answer(facts())
    rig.session.start_with_card(FakeCard())
    rig.session.submit_pin("1234")
    v = rig.session.card_removed()
    assert v.state == State.AWAITING_CANDIDATE and "card_removed_after_read" in v.warnings
    assert rig.session.choose_candidate("P00001").state == State.COMPLETED


def test_store_failure_rolls_back_and_fails_cleanly() -> None:
    rig = Rig()
    rig.answer(facts())
    rig.store.fail_on_visit = True
    rig.session.start_with_card(FakeCard())
    rig.session.submit_pin("1234")
    v = rig.session.register_new(RegistrationForm("佐藤　美咲", "サトウ ミサキ", BORN, "2"))
    assert v.state == State.FAILED and v.end_reason == "store_error"
    assert rig.store.patients == {} and rig.store.audits == [] and rig.elig.registered == []


def test_offline_uses_the_cache_then_queues_reconfirmation() -> None:
    rig = Rig()
    rig.store.add(patient(), ref="P00001", card="CN-A")
    rig.answer(facts(reference_number="P00001"))
    rig.session.start_with_card(FakeCard())
    rig.session.submit_pin("1234")  # first visit online: snapshot saved
    cached_at = rig.store.snapshots["P00001"].confirmed_at
    rig2 = Rig()
    rig2.store = rig.store
    rig2.session._deps.store = rig.store
    rig2.elig.offline = True
    card = FakeCard()
    rig2.session.start_with_card(card)
    v = rig2.session.submit_pin("1234")
    assert v.state == State.AWAITING_CANDIDATE and v.offline and v.offline_confirmed_at == cached_at
    assert v.offline_label == "offline, last confirmed on 2026-11-25 09:30"
    assert card.verifications == 0  # the gateway never issued a challenge: no PIN try spent
    assert v.for_kiosk().screen == KioskScreen.ASK_STAFF
    v = rig2.session.choose_candidate("P00001")
    assert v.state == State.COMPLETED and rig.store.reconfirm == {"P00001"}
    assert rig.store.visits[-1][3] is True


def test_offline_without_cache_offers_the_declaration_path() -> None:
    rig = Rig()
    rig.elig.offline = True
    rig.session.start_with_card(FakeCard())
    v = rig.session.submit_pin("1234")
    assert v.state == State.AWAITING_DECLARATION and v.offline
    v = rig.session.proceed_with_declaration()
    assert v.state == State.AWAITING_REGISTRATION
    v = rig.session.register_new(RegistrationForm("佐藤　美咲", "サトウ ミサキ", BORN, "2"))
    assert v.state == State.COMPLETED and rig.store.visits[0][3:] == (True, True) and rig.store.reconfirm


def test_by_insurance_number_without_card() -> None:
    rig = Rig()
    rig.store.add(patient())
    rig.answer(facts())
    v = rig.session.by_insurance_number(INS_A, BORN)
    assert v.state == State.COMPLETED and v.matched_by == "insurance_key"
    assert rig.store.snapshots["P00001"].source == "reqres"


def test_face_result_must_fit_the_open_session() -> None:
    rig = Rig()
    rig.store.add(patient(), ref="P00001")
    rig.session.await_face_result(expected_kana="サトウ ミサキ", expected_birth_date=BORN)
    other = FakeOutcome(facts(kana="ｽｽﾞｷ ｹﾝｲﾁ", reference_number=None, insurance=None), source="face")
    v = rig.session.deliver_face_result(other)
    assert v.state == State.AWAITING_FACE and v.error_code == "invalid_input"
    v = rig.session.deliver_face_result(FakeOutcome(facts(reference_number="P00001"), source="face"))
    assert v.state == State.COMPLETED and rig.store.snapshots["P00001"].source == "face"


def test_kiosk_offers_the_face_reader_only_for_a_chart_the_card_identified() -> None:
    rig = Rig(Channel.KIOSK)
    rig.store.add(patient(), ref="P00001", card="CN-A")
    assert rig.session.start_with_card(FakeCard(subject="CN-A")).for_kiosk().face_reader_offered
    unknown = Rig(Channel.KIOSK)
    unknown.store.add(patient(), ref="P00001")  # the chart exists, but this card is not linked to it
    v = unknown.session.start_with_card(FakeCard(subject="CN-A"))
    assert v.for_kiosk().screen == KioskScreen.ENTER_PIN and not v.for_kiosk().face_reader_offered
    # the machine refuses too: a kiosk never waits for just anybody's face result
    v = unknown.session.await_face_result()
    assert v.state == State.AWAITING_PIN and v.error_code == "invalid_input"
    assert not unknown.session.accepts_face_result(facts())
    blocked = Rig(Channel.KIOSK)
    blocked.store.add(patient(), ref="P00001", card="CN-A")
    k = blocked.session.start_with_card(FakeCard(subject="CN-A", tries=0)).for_kiosk()
    assert k.screen == KioskScreen.ASK_STAFF and k.face_reader_offered  # locked PIN: the face reader instead


def test_kiosk_face_path_takes_only_the_identified_person() -> None:
    rig = Rig(Channel.KIOSK)
    rig.store.add(patient(), ref="P00001", card="CN-A")
    card = FakeCard(subject="CN-A")
    rig.session.start_with_card(card)
    v = rig.session.await_face_result()
    assert v.state == State.AWAITING_FACE and v.for_kiosk().screen == KioskScreen.USE_FACE_READER
    v = rig.session.card_removed()  # the patient takes the card to the face reader: the kiosk keeps waiting
    assert v.state == State.AWAITING_FACE and v.for_kiosk().screen == KioskScreen.USE_FACE_READER and card.closed
    assert not rig.session.accepts_face_result(facts(kana="スズキ ケンイチ", reference_number=None))
    assert rig.session.accepts_face_result(facts(reference_number="P00001"))
    v = rig.session.deliver_face_result(FakeOutcome(facts(reference_number="P00001"), source="face"))
    assert v.state == State.COMPLETED and v.for_kiosk().screen == KioskScreen.DONE
    assert rig.store.snapshots["P00001"].source == "face"


def test_reference_number_pointing_at_another_person_goes_to_staff() -> None:
    rig = Rig()
    rig.store.add(patient(kana="スズキ ケンイチ"), ref="P00001")
    rig.answer(facts(reference_number="P00001"))
    rig.session.start_with_card(FakeCard())
    v = rig.session.submit_pin("1234")
    assert v.state == State.AWAITING_CANDIDATE and "reference_number_mismatch" in v.warnings


def test_kiosk_view_hides_ids_and_other_people() -> None:
    rig = Rig(Channel.KIOSK)
    rig.store.add(patient(insurance=None))
    rig.answer(facts())
    rig.session.start_with_card(FakeCard())
    v = rig.session.submit_pin("1234")
    k = v.for_kiosk()
    assert k.screen == KioskScreen.ASK_STAFF and k.own_name is None and k.queue_number is None
    text = repr(k)
    assert "P00001" not in text and "06139992" not in text and "xml" not in text.lower()


def test_kiosk_done_shows_own_name_and_queue_number_only() -> None:
    rig = Rig(Channel.KIOSK)
    rig.store.add(patient(), ref="P00001")
    rig.answer(facts(reference_number="P00001"))
    rig.session.start_with_card(FakeCard())
    k = rig.session.submit_pin("1234").for_kiosk()
    assert k.screen == KioskScreen.DONE and k.queue_number == 1 and k.own_name == "佐藤　美咲"
    assert "P00001" not in repr(k)


def test_commands_are_serialised() -> None:
    rig = Rig()
    rig.answer(facts())
    card = FakeCard()
    rig.session.start_with_card(card)
    started, release = threading.Event(), threading.Event()

    def slow() -> None:
        started.set()
        assert release.wait(5)

    card.on_sign = slow
    t = threading.Thread(target=rig.session.submit_pin, args=("1234",))
    t.start()
    assert started.wait(5)
    with pytest.raises(errors.CommandNotAllowed) as info:
        rig.session.submit_pin("1234")
    assert info.value.state == "busy"
    release.set()
    t.join(5)
    assert rig.session.state == State.AWAITING_REGISTRATION and card.verifications == 1


def test_listener_errors_do_not_break_the_session() -> None:
    rig = Rig()

    def bad(view: SessionView) -> None:
        raise ValueError("ui bug")

    rig.session._listener = bad
    assert rig.session.start_with_card(FakeCard()).state == State.AWAITING_PIN



def test_phone_token_reads_the_certificate_after_the_pin_and_a_wrong_pin_stays_recoverable() -> None:
    rig = Rig()
    rig.store.add(patient(), ref="P00001", card="CN-A")
    rig.answer(facts(reference_number="P00001"))
    card = FakeCard(token="iphone")
    v = rig.session.start_with_card(card)
    assert v.state == State.AWAITING_PIN and v.certificate_status is None and v.suggested_patient is None
    v = rig.session.submit_pin("9999")
    assert v.state == State.AWAITING_PIN and v.error_code == "wrong_pin" and v.pin_tries_left == 2
    v = rig.session.submit_pin("1234")
    assert v.state == State.COMPLETED and v.suggested_patient is not None and v.matched_by == "reference_number"


def test_consents_reach_the_gateway_query() -> None:
    from reception_app.reception.models import Consents

    rig = Rig()
    rig.answer(facts())
    rig.session.start_with_card(FakeCard())
    rig.session.submit_pin("1234", consents=Consents(medical_subsidy_info=True))
    assert rig.elig.consents == Consents(medical_subsidy_info=True)


def test_offline_by_insurance_number_finds_the_cache_by_insurance_key() -> None:
    rig = Rig()
    rig.store.add(patient())
    rig.store.save_snapshot("P00001", "{}", b"", "reqres", NOW)
    rig.elig.offline = True
    v = rig.session.by_insurance_number(INS_A, BORN)
    assert v.state == State.AWAITING_CANDIDATE and v.offline and v.offline_confirmed_at == NOW
    assert v.error_code == "reqres_timeout"


def test_repr_of_a_view_carries_no_personal_data() -> None:
    rig = Rig()
    rig.store.add(patient(insurance=None))
    rig.answer(facts())
    rig.session.start_with_card(FakeCard())
    v = rig.session.submit_pin("1234")
    text = repr(v)
    assert v.candidates and "佐藤" not in text and "ｻﾄｳ" not in text and "１２３" not in text
    assert "awaiting_candidate_choice" in text and "１２３" not in repr(INS_A)
