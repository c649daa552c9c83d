"""Check-in and the day's queue."""

from __future__ import annotations

import datetime as dt

import pytest

from reception_app.store import InvalidRecordError, NotFoundError, Store, kiosk_actor
from tests.unit.store_contract.conftest import STAFF


def test_check_in_numbers_the_day_queue(store: Store) -> None:
    at = dt.datetime(2026, 11, 25, 0, 30, tzinfo=dt.UTC)
    day = dt.date(2026, 11, 25)
    v1 = store.check_in("100001", "desk", STAFF, at, day=day)
    v2 = store.check_in("100002", "kiosk", kiosk_actor("entrance"), at, day=day, offline=True, declaration=True)
    v3 = store.check_in("100003", "desk", STAFF, at, day=day + dt.timedelta(days=1))
    assert (v1.queue_number, v2.queue_number, v3.queue_number) == (1, 2, 1)
    assert store.queue(day) == [v1, v2]
    assert store.queue(day)[1].offline and store.queue(day)[1].declaration
    called = store.set_visit_status(v1.id, "called", STAFF)
    assert store.queue(day)[0] == called and called.status == "called"
    with pytest.raises(InvalidRecordError):
        store.check_in("100001", "phone", STAFF)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        store.check_in("nobody", "desk", STAFF)
    records = [r for r in store.audit_records() if r.action == "checkin"]
    assert [r.actor for r in records] == [STAFF, "kiosk:entrance", STAFF]


def test_visits_of_a_patient_oldest_first(store: Store) -> None:
    later = store.check_in("100001", "desk", STAFF, dt.datetime(2026, 11, 26, 1, 0, tzinfo=dt.UTC))
    earlier = store.check_in("100001", "kiosk", STAFF, dt.datetime(2026, 11, 25, 1, 0, tzinfo=dt.UTC))
    store.check_in("100002", "desk", STAFF)
    assert store.visits_of("100001") == [earlier, later]
    assert store.visits_of("100003") == []


def test_visit_status_is_checked_and_audited(store: Store) -> None:
    visit = store.check_in("100001", "desk", STAFF)
    with pytest.raises(InvalidRecordError):
        store.set_visit_status(visit.id, "lost", STAFF)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        store.set_visit_status(visit.id + 1000, "done", STAFF)
    store.set_visit_status(visit.id, "done", STAFF)
    statuses = [r.details["status"] for r in store.audit_records() if r.action == "visit.status"]
    assert statuses == ["done"]


def test_a_time_without_a_zone_is_refused(store: Store) -> None:
    with pytest.raises(InvalidRecordError):
        store.check_in("100001", "desk", STAFF, dt.datetime(2026, 11, 25, 9, 0))
    assert store.visits_of("100001") == []
