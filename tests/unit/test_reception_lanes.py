"""The one owner of background work (reception/lanes.py): order within a lane, parallel lanes, interrupts beside a
running command, one shutdown with one timeout."""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterator

import pytest

from reception_app.reception.lanes import BACKGROUND, Lanes

WAIT_S = 10.0


@pytest.fixture
def lanes() -> Iterator[Lanes]:
    owner = Lanes()
    yield owner
    owner.shutdown(WAIT_S)


def test_a_lane_runs_its_jobs_in_order_one_at_a_time(lanes: Lanes) -> None:
    gate = threading.Event()
    seen: list[int] = []
    lane = lanes.for_session("s1")
    first = lane.submit(lambda: gate.wait(WAIT_S))
    later = [lane.submit(functools.partial(seen.append, i)) for i in range(5)]
    assert seen == [] and lane.busy  # all wait behind the first job
    gate.set()
    for future in later:
        future.result(WAIT_S)
    assert first.result(WAIT_S) and seen == [0, 1, 2, 3, 4]


def test_two_sessions_run_in_parallel(lanes: Lanes) -> None:
    a_started, b_done = threading.Event(), threading.Event()

    def a() -> bool:
        a_started.set()
        return b_done.wait(WAIT_S)  # only true if b ran while a was still running

    held = lanes.for_session("a").submit(a)
    assert a_started.wait(WAIT_S)
    lanes.for_session("b").submit(b_done.set).result(WAIT_S)
    assert held.result(WAIT_S)


def test_an_interrupt_runs_while_the_session_command_runs(lanes: Lanes) -> None:
    interrupted = threading.Event()
    lane = lanes.for_session("s1")
    command = lane.submit(lambda: interrupted.wait(WAIT_S))
    lane.interrupt(interrupted.set)
    assert command.result(WAIT_S)


def test_the_job_runs_on_a_thread_named_after_its_lane(lanes: Lanes) -> None:
    name = lanes.for_session("0123456789abcdef").submit(lambda: threading.current_thread().name).result(WAIT_S)
    assert name == "session-01234567"


def test_a_job_error_reaches_its_future_and_the_lane_goes_on(lanes: Lanes) -> None:
    lane = lanes.for_session("s1")

    def boom() -> None:
        raise ValueError("boom")

    failed = lane.submit(boom)
    after = lane.submit(lambda: "next")
    with pytest.raises(ValueError):
        failed.result(WAIT_S)
    assert after.result(WAIT_S) == "next"


def test_a_failed_background_job_is_logged(lanes: Lanes, caplog: pytest.LogCaptureFixture) -> None:
    def boom() -> None:
        raise RuntimeError("gateway down")

    with caplog.at_level(logging.ERROR, logger="reception_app.reception.lanes"):
        lanes.background.submit("register_reference_number", boom)
        assert lanes.background.drain(WAIT_S)
    assert any("register_reference_number" in r.getMessage() for r in caplog.records)


def test_lanes_are_dropped_when_their_work_is_done(lanes: Lanes) -> None:
    for i in range(20):
        lanes.for_session(f"s{i}").submit(lambda: None).result(WAIT_S)
    assert lanes.wait_idle(timeout=WAIT_S) and lanes.lanes() == []


def test_shutdown_waits_for_queued_work_within_its_timeout(lanes: Lanes) -> None:
    done: list[str] = []
    gate = threading.Event()
    lanes.submit(BACKGROUND, lambda: gate.wait(WAIT_S))
    lanes.background.submit("second", lambda: done.append("second"))
    gate.set()
    assert lanes.shutdown(WAIT_S) and done == ["second"]


def test_shutdown_past_its_timeout_cancels_what_has_not_started(lanes: Lanes) -> None:
    gate, started = threading.Event(), threading.Event()

    def stuck() -> None:
        started.set()
        gate.wait(WAIT_S)

    lane = lanes.for_session("s1")
    lane.submit(stuck)
    waiting = lane.submit(lambda: "never")
    assert started.wait(WAIT_S)
    assert not lanes.shutdown(0.05)
    gate.set()
    assert waiting.cancelled() and lanes.stopping.is_set()


def test_work_after_shutdown_is_cancelled_at_once(lanes: Lanes) -> None:
    lanes.shutdown(WAIT_S)
    assert lanes.for_session("s1").submit(lambda: None).cancelled()


def test_a_job_waiting_for_every_lane_leaves_its_own_out(lanes: Lanes) -> None:
    # a job that stops the stack (services built while the app closed) must not wait for itself
    waited = lanes.submit("build", lambda: lanes.wait_idle(timeout=WAIT_S)).result(WAIT_S)
    assert waited


def test_the_lane_threads_do_not_hold_the_process_at_exit(lanes: Lanes) -> None:
    daemon = lanes.submit("x", lambda: threading.current_thread().daemon).result(WAIT_S)
    assert daemon


def test_more_lanes_than_threads_all_run(lanes: Lanes) -> None:
    few = Lanes(max_threads=2)
    futures = [few.for_session(f"s{i}").submit(lambda i=i: i) for i in range(10)]
    assert [f.result(WAIT_S) for f in futures] == list(range(10))
    few.shutdown(WAIT_S)
