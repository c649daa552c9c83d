"""The demo stack's fast start (issue 6's start-up benchmark): the raw-keyed demo database, the insurance ids read
straight from the profiles' JSON, and the eligibility connections started on a background thread that a check-in
waits for."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reception_app.compose.demo import DEMO_KEY_NAME, DemoServices, _insurance_of
from reception_app.connect.simulator.profiles import default_profiles
from reception_app.reception import errors
from reception_app.reception.app_services import PendingEligibility
from reception_app.reception.models import Channel, Consents
from reception_app.reception.view import State
from reception_app.store.base import InsuranceIds


def test_insurance_ids_from_json_match_the_simulator_profiles() -> None:
    profiles = default_profiles()
    for pid in profiles.ids():
        records = profiles.get(pid).insurance()
        expected = None
        if records and records[0].insurer_number and records[0].number:
            r = records[0]
            expected = InsuranceIds(r.insurer_number or "", r.symbol or "", r.number or "", r.branch or "")
        assert _insurance_of(pid) == expected, pid


def test_demo_database_has_a_raw_key_file_and_reopens(tmp_path: Path) -> None:
    first = DemoServices.start(tmp_path, face_watch=False)
    seeded = dict(first.seeded)
    first.stop()
    key_file = tmp_path / DEMO_KEY_NAME
    assert key_file.exists() and key_file.stat().st_mode & 0o077 == 0  # owner only
    again = DemoServices.start(tmp_path, face_watch=False)
    try:
        assert again.seeded == seeded and len(seeded) > 10
    finally:
        again.stop()


def test_connections_start_in_the_background_and_a_checkin_waits_for_them(tmp_path: Path) -> None:
    services = DemoServices.start(tmp_path, network_in_background=True, query_timeout=10.0, reqres_timeout=10.0)
    try:
        assert isinstance(services.eligibility, PendingEligibility)
        assert not services.network_ready.is_set()  # nothing started until begin_network() / wait_network()
        assert services.simulator_if_ready is None
        # the card is read and identified before the connections are up; the PIN step then waits for them
        session = services.new_session(Channel.DESK)
        services.insert_card("adult-seishin-21")
        session.start_with_card(services.open_card())
        assert session.view.state == State.AWAITING_PIN
        services.begin_network()
        session.submit_pin("1234")
        assert services.network_ready.is_set() and services.network_error is None
        assert session.view.state == State.COMPLETED
        assert services.simulator_if_ready is not None
    finally:
        services.stop()


def test_closing_before_the_connections_start_lets_waiters_go(tmp_path: Path) -> None:
    services = DemoServices.start(tmp_path, network_in_background=True, face_watch=False)
    outcome: list[BaseException] = []

    def waiter() -> None:
        try:
            services.wait_network(10, begin=False)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=waiter)
    thread.start()
    services.stop()
    thread.join(5)
    assert not thread.is_alive() and isinstance(outcome[0], errors.EligibilityOffline)
    assert isinstance(services.eligibility, PendingEligibility)
    with pytest.raises(errors.EligibilityOffline):  # a check-in that reaches the gateway now: offline, no hang
        services.eligibility.by_pin(b"", lambda data: data, timeout=1.0, consents=Consents())
