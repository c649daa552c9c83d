"""Unit tests of the staff's side of the face router (reception/held_faces.py): held results as rows, discard,
and a check-in started from a held result, over the in-memory ports (the desk scenario over the real stack is in
tests/qt/test_ui_desk_scenarios.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from reception_app.reception import errors
from reception_app.reception.checkin import CheckInSession, SessionDeps
from reception_app.reception.face import UNROUTABLE, FaceRouter
from reception_app.reception.held_faces import HeldFaceResults
from reception_app.reception.view import State
from tests.unit.reception_fakes import NOW, FakeEligibility, FakeMerger, FakeOutcome, InlineBackground, MemoryStore
from tests.unit.test_reception_checkin import INS_A, facts, patient

SUZUKI = dict(name="鈴木　健一", kana="ｽｽﾞｷ ｹﾝｲﾁ", birth_date=dt.date(1975, 11, 2), sex="1", insurance=None)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now

    def tick(self, minutes: int) -> None:
        self.now += dt.timedelta(minutes=minutes)


class Desk:
    """A router with held results, the in-memory store, and sessions as the desk makes them."""

    def __init__(self) -> None:
        self.store = MemoryStore()
        self.clock = Clock()
        self.settled: list[str] = []  # what the face source was told to settle (ledger `done`, file archived)
        self.router = FaceRouter(FakeMerger(), clock=self.clock, on_settled=self.settled.append)
        self.held = HeldFaceResults(self.router, FakeMerger(), self.store)

    def session(self) -> CheckInSession:
        deps = SessionDeps(store=self.store, eligibility=FakeEligibility(), merger=FakeMerger(), printer=None,
                           background=InlineBackground(), clock=lambda: NOW, staff_user="staff:tanaka")
        session = CheckInSession(deps)
        self.router.open(session)  # as ReceptionServices.new_session does
        return session

    def arrives(self, reference: str, **kw: object) -> None:
        """A face result nobody waits for: the router holds it."""
        assert self.router.route(FakeOutcome(facts(**kw), source="face", reference=reference)) is None


def test_rows_are_plain_newest_first_and_never_show_a_full_insurance_number() -> None:
    d = Desk()
    d.arrives("face-1")
    d.clock.tick(5)
    d.arrives("face-2", **SUZUKI)
    rows = d.held.rows()
    assert [r.reference for r in rows] == ["face-2", "face-1"] and d.held.count() == 2
    suzuki, sato = rows
    assert (suzuki.kana, suzuki.name, suzuki.birth_date, suzuki.sex, suzuki.insurance, suzuki.reason) == (
        "ｽｽﾞｷ ｹﾝｲﾁ", "鈴木　健一", dt.date(1975, 11, 2), "1", "", "no_open_session")
    assert suzuki.received_at == NOW + dt.timedelta(minutes=5) and sato.received_at == NOW
    assert sato.insurance == INS_A.masked() == "06139992 ***23"
    assert all("１２３" not in str(value) for value in vars(sato).values())  # the full number is nowhere in a row
    assert "佐藤" not in repr(sato)  # a row in a log line says which result, not whose


def test_a_result_offered_again_is_held_once_and_keeps_its_first_time() -> None:
    d = Desk()
    d.arrives("face-1")
    d.clock.tick(3)
    d.arrives("face-1")  # the watcher offers the same file again after a crash
    assert [(h.reference, h.received_at) for h in d.router.held] == [("face-1", NOW)]


def test_discard_removes_the_result_and_audits_it_without_personal_data() -> None:
    d = Desk()
    d.arrives("face-1")
    d.arrives("face-2", **SUZUKI)
    assert d.held.discard("face-1", staff_user="staff:tanaka")
    assert [r.reference for r in d.held.rows()] == ["face-2"]
    assert d.store.audits == [("face_result_discarded", {
        "face_result": "face-1", "held_reason": "no_open_session", "received_at": NOW.isoformat(),
        "staff_user": "staff:tanaka"})]
    assert not d.held.discard("face-1")  # already gone: nothing more is audited
    assert len(d.store.audits) == 1 and d.store.visits == []


def test_checkin_from_a_held_result_goes_through_the_normal_match_and_checks_in() -> None:
    d = Desk()
    d.store.add(patient(), ref="P00001")
    d.arrives("face-1", reference_number="P00001")
    session = d.session()
    view = d.held.start_checkin("face-1", session, staff_user="staff:tanaka")
    assert view.state == State.COMPLETED and view.patient is not None and view.patient.patient_id == "P00001"
    assert view.matched_by == "reference_number"
    assert d.store.visits == [("P00001", NOW.date(), "desk", False, False)]
    assert d.store.snapshots["P00001"].source == "face"
    assert d.held.rows() == []
    # audited before the check-in ran, so the record is there by the time the view moves on
    assert d.store.actions().index("face_result_assigned") < d.store.actions().index("check_in")
    assigned = dict(d.store.audits)["face_result_assigned"]
    assert assigned["session_id"] == view.session_id and assigned["face_result"] == "face-1"
    assert assigned["staff_user"] == "staff:tanaka" and "check_in" in d.store.actions()


def test_checkin_from_a_held_result_never_picks_among_candidates_by_itself() -> None:
    d = Desk()
    d.store.add(patient("P1", insurance=None))
    d.store.add(patient("P2", name="佐籐　美咲", insurance=None))
    d.arrives("face-1", insurance=None)
    session = d.session()
    view = d.held.start_checkin("face-1", session)
    assert view.state == State.AWAITING_CANDIDATE and {c.patient.patient_id for c in view.candidates} == {"P1", "P2"}
    assert view.patient is None and d.store.visits == []  # the staff choose
    assert d.held.rows() == []  # the session has it now
    view = session.choose_candidate("P2")
    assert view.state == State.COMPLETED and d.store.visits[0][0] == "P2"


def test_a_fresh_session_waits_for_that_person_only() -> None:
    d = Desk()
    d.store.add(patient(), ref="P00001")
    d.arrives("face-1", reference_number="P00001")
    session = d.session()
    # the moment between "wait" and "take": another person's result arriving then is not routed to this session
    session.await_face_result("ｻﾄｳ ﾐｻｷ", facts().birth_date)
    assert d.router.route(FakeOutcome(facts(**SUZUKI), source="face", reference="face-2")) is None
    assert {h.reference for h in d.router.held} == {"face-1", "face-2"}
    view = d.held.start_checkin("face-1", session)  # a session already waiting takes it as it is
    assert view.state == State.COMPLETED and [r.reference for r in d.held.rows()] == ["face-2"]


def test_a_result_that_is_gone_raises_and_leaves_nothing_open() -> None:
    d = Desk()
    d.arrives("face-1")
    session = d.session()
    assert d.held.discard("face-1")
    with pytest.raises(errors.HeldResultGone):
        d.held.start_checkin("face-1", session)
    assert session.state == State.IDLE and d.store.visits == []
    assert d.store.actions() == ["face_result_discarded"]


def test_a_session_waiting_for_someone_else_refuses_and_the_result_stays_held() -> None:
    d = Desk()
    d.arrives("face-1")
    session = d.session()
    session.await_face_result("ｽｽﾞｷ ｹﾝｲﾁ", dt.date(1975, 11, 2))  # the staff asked for Suzuki's result
    view = d.held.start_checkin("face-1", session)
    assert view.state == State.AWAITING_FACE and view.error_code == "invalid_input"
    held = d.router.held
    assert [(h.reference, h.reason, h.received_at) for h in held] == [("face-1", "ambiguous", NOW)]
    assert "face_result_assigned" not in d.store.actions() and d.store.visits == []


def test_a_session_busy_with_something_else_is_not_given_a_result() -> None:
    d = Desk()
    d.arrives("face-1")
    session = d.session()
    session.cancel()
    with pytest.raises(errors.CommandNotAllowed):
        d.held.start_checkin("face-1", session)
    assert [h.reference for h in d.router.held] == ["face-1"] and d.store.audits == []


# --- held results and the face ledger: held until the staff settle them (a restart does not lose them) ---------------


def test_the_sink_tells_the_watcher_held_with_the_reason_or_taken() -> None:
    d = Desk()
    d.store.add(patient(), ref="P00001")
    assert d.router.sink(FakeOutcome(facts(), source="face", reference="face-1")) == "no_open_session"
    session = d.session()
    session.await_face_result()
    taken = FakeOutcome(facts(reference_number="P00001"), source="face", reference="face-2")
    assert d.router.sink(taken) is None  # taken: the watcher records it done at once
    assert session.state == State.COMPLETED and [h.reference for h in d.router.held] == ["face-1"]
    assert d.settled == []  # nothing the staff did yet


def test_settled_when_a_session_takes_it_or_it_is_discarded_never_when_refused() -> None:
    d = Desk()
    d.arrives("face-1")
    d.arrives("face-2", **SUZUKI)
    waiting = d.session()
    waiting.await_face_result("ｽｽﾞｷ ｹﾝｲﾁ", dt.date(1975, 11, 2))
    d.held.start_checkin("face-1", waiting)  # refused (not Suzuki): held again, not settled
    assert d.settled == [] and {h.reference for h in d.router.held} == {"face-1", "face-2"}
    view = d.held.start_checkin("face-2", waiting)
    assert view.state == State.AWAITING_REGISTRATION and d.settled == ["face-2"]  # taken: a new patient for Suzuki
    assert d.held.discard("face-1") and d.settled == ["face-2", "face-1"]
    assert not d.held.discard("face-1") and d.settled == ["face-2", "face-1"]  # once


def test_a_result_held_before_a_restart_is_held_again_as_it_was_and_never_routed_by_itself() -> None:
    d = Desk()
    d.store.add(patient(), ref="P00001")
    session = d.session()
    session.await_face_result()  # would take anybody's result
    earlier = NOW - dt.timedelta(hours=2)
    again = FakeOutcome(facts(reference_number="P00001"), source="face", reference="face-1", received_at=earlier,
                        held_reason="ambiguous")
    assert d.router.sink(again) == "ambiguous"
    assert [(h.reference, h.reason, h.received_at) for h in d.router.held] == [("face-1", "ambiguous", earlier)]
    assert session.state == State.AWAITING_FACE and d.store.visits == []  # the staff decide, as before
    odd = FakeOutcome(facts(), source="face", reference="face-2", held_reason="from-an-older-version")
    assert d.router.sink(odd) == "no_open_session"
    rows = d.held.rows()  # newest first; "face-2" has no first time: the router's clock
    assert [(r.reference, r.received_at, r.reason) for r in rows] == [
        ("face-2", NOW, "no_open_session"), ("face-1", earlier, "ambiguous")]
    view = d.held.start_checkin("face-1", session)
    assert view.state == State.COMPLETED and d.settled == ["face-1"]


def test_a_result_that_cannot_be_routed_is_not_settled_and_is_tried_again_after_a_restart() -> None:
    d = Desk()

    class Broken:
        reference = "face-9"

        @property
        def facts(self) -> object:
            raise ValueError("unreadable")

    assert d.router.sink(Broken()) == UNROUTABLE and d.router.held == []
    session = d.session()
    session.await_face_result()
    retried = FakeOutcome(facts(), source="face", reference="face-9", held_reason=UNROUTABLE)
    assert d.router.sink(retried) is None and session.state == State.AWAITING_REGISTRATION  # routed as new


def test_a_failing_settle_does_not_undo_the_staffs_action() -> None:
    d = Desk()

    def broken(reference: str) -> None:
        raise OSError("ledger disk full")

    d.router.on_settled = broken
    d.arrives("face-1")
    assert d.held.discard("face-1") and d.router.held == []
    assert d.store.actions() == ["face_result_discarded"]
