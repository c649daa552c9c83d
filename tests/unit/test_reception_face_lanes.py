"""Face results over the lanes (reception/face.py + reception/lanes.py), with the real router, lanes and check-in
session over the in-memory ports. Acceptance 4 of issue 11: a face result arriving while its session is busy is
taken once the session is free (it waits its turn on the session's lane instead of being refused)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from reception_app.reception.checkin import CheckInSession, SessionDeps
from reception_app.reception.face import QUEUED, FaceRouter
from reception_app.reception.lanes import Lanes
from reception_app.reception.view import SessionView, State
from tests.unit.reception_fakes import NOW, FakeEligibility, FakeMerger, FakeOutcome, MemoryStore
from tests.unit.test_reception_checkin import facts, patient

WAIT_S = 10.0


class BusyWhileAwaiting:
    """The session's listener: holds the command that enters AWAITING_FACE until `release` (the session is busy
    then, in the very state that takes a face result); `completed` is set once the check-in is done."""

    def __init__(self) -> None:
        self.awaiting = threading.Event()
        self.release = threading.Event()
        self.completed = threading.Event()

    def __call__(self, view: SessionView) -> None:
        if view.state == State.AWAITING_FACE and not self.awaiting.is_set():
            self.awaiting.set()
            self.release.wait(WAIT_S)
        if view.state == State.COMPLETED:
            self.completed.set()


class Rig:
    def __init__(self, lanes: Lanes) -> None:
        self.store = MemoryStore()
        self.store.add(patient(), ref="P00001")
        self.settled: list[str] = []
        self.lanes = lanes
        self.router = FaceRouter(FakeMerger(), lanes, clock=lambda: NOW, on_settled=self.settled.append)
        self.listener = BusyWhileAwaiting()
        deps = SessionDeps(store=self.store, eligibility=FakeEligibility(), merger=FakeMerger(), printer=None,
                           background=lanes.background, clock=lambda: NOW)
        self.session = CheckInSession(deps, listener=self.listener)
        self.router.open(self.session)
        self.lane = lanes.for_session(self.session.view.session_id)

    def busy_awaiting_face(self) -> None:
        """The desk's "wait for the face reader" command runs on the session's lane and is still running."""
        self.lane.submit(self.session.await_face_result)
        assert self.listener.awaiting.wait(WAIT_S)


@pytest.fixture
def rig() -> Iterator[Rig]:
    lanes = Lanes()
    yield Rig(lanes)
    lanes.shutdown(WAIT_S)


def result() -> FakeOutcome:
    return FakeOutcome(facts(reference_number="P00001"), source="face", reference="face-1")


def test_a_face_result_for_a_busy_session_is_queued_not_held(rig: Rig) -> None:
    rig.busy_awaiting_face()
    answer = rig.router.sink(result())
    rig.listener.release.set()
    assert answer == QUEUED  # the watcher keeps it un-settled until the session took it


def test_a_face_result_for_a_busy_session_is_never_held_for_the_staff(rig: Rig) -> None:
    rig.busy_awaiting_face()
    rig.router.sink(result())
    held = rig.router.held
    rig.listener.release.set()
    assert held == []


def test_a_face_result_arriving_while_its_session_is_busy_is_taken_once_the_session_is_free(rig: Rig) -> None:
    rig.busy_awaiting_face()
    rig.router.sink(result())
    rig.listener.release.set()  # the command ends: the session is free, the queued result has its turn
    assert rig.listener.completed.wait(WAIT_S)


def test_the_taken_result_checks_the_patient_in(rig: Rig) -> None:
    rig.busy_awaiting_face()
    rig.router.sink(result())
    rig.listener.release.set()
    assert rig.lane.wait_idle(WAIT_S)
    assert [visit[0] for visit in rig.store.visits] == ["P00001"]


def test_the_taken_result_is_settled_once_the_session_took_it(rig: Rig) -> None:
    rig.busy_awaiting_face()
    rig.router.sink(result())
    settled_while_busy = list(rig.settled)
    rig.listener.release.set()
    assert rig.lane.wait_idle(WAIT_S)
    assert (settled_while_busy, rig.settled) == ([], ["face-1"])


def test_a_queued_result_the_session_no_longer_waits_for_is_held_for_the_staff(rig: Rig) -> None:
    rig.busy_awaiting_face()
    rig.router.sink(result())
    rig.lanes.interrupt(rig.session.cancel).result(WAIT_S)  # noted while the command runs: it ends the session
    rig.listener.release.set()
    assert rig.lane.wait_idle(WAIT_S)
    assert [(h.reference, h.reason) for h in rig.router.held] == [("face-1", "no_open_session")]
