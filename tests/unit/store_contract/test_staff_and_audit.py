"""Staff users and the tamper-evident audit log, as far as the contract shows them."""

from __future__ import annotations

import itertools

import pytest

from reception_app.store import InvalidRecordError, Store
from tests.unit.store_contract.conftest import STAFF


def test_staff_login_success_and_failure_are_audited(store: Store) -> None:
    user = store.add_staff_user("uketsuke1", "受付 一", "clerk", "long enough pw", STAFF)
    assert store.authenticate("uketsuke1", "long enough pw") == user
    assert store.authenticate("uketsuke1", "wrong password") is None
    assert store.authenticate("nobody", "long enough pw") is None
    actions = [(r.actor, r.action) for r in store.audit_records() if r.action.startswith("login")]
    assert actions == [(f"staff:{user.id}", "login.success"), ("system", "login.failure"), ("system", "login.failure")]
    assert "nobody" not in str([r.details for r in store.audit_records()])  # the failed login is masked


def test_staff_users_are_checked(store: Store) -> None:
    store.add_staff_user("uketsuke1", "受付 一", "clerk", "long enough pw", STAFF)
    with pytest.raises(InvalidRecordError):
        store.add_staff_user("uketsuke1", "受付 二", "clerk", "another long pw", STAFF)  # login taken
    with pytest.raises(InvalidRecordError):
        store.add_staff_user("uketsuke2", "受付 二", "clerk", "short", STAFF)
    with pytest.raises(InvalidRecordError):
        store.add_staff_user("uketsuke3", "受付 三", "owner", "long enough pw", STAFF)  # type: ignore[arg-type]


def test_every_change_is_in_one_verified_chain(store: Store) -> None:
    store.check_in("100001", "desk", STAFF)
    store.record_export(STAFF, "100001", {"what": "receipt"})
    records = store.audit_records()
    assert [r.action for r in records][-2:] == ["checkin", "export"]
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(records))
    verification = store.verify_audit()
    assert verification.ok and verification.records == len(records)


def test_audit_records_page_by_id(store: Store) -> None:
    records = store.audit_records()
    assert len(records) >= 3
    page = store.audit_records(after_id=records[0].id, limit=2)
    assert page == records[1:3]


def test_the_audit_log_can_only_be_appended_to(store: Store) -> None:
    assert not hasattr(store, "delete_audit") and not hasattr(store, "update_audit")
    with pytest.raises(ValueError):
        store.audit(STAFF, "Not A Name", None)
    assert store.verify_audit().ok


def test_the_newest_audit_id_is_where_a_reader_of_new_records_starts(store: Store) -> None:
    newest = store.audit_records(limit=100_000)[-1].id
    assert store.latest_audit_id() == newest
    store.audit(STAFF, "kiosk.staff_call", None, {"kiosk": "kiosk-1"})
    assert [r.action for r in store.audit_records(after_id=newest)] == ["kiosk.staff_call"]


def test_the_default_newest_audit_id_agrees_with_the_backend(store: Store) -> None:
    for _ in range(5):
        store.audit(STAFF, "kiosk.staff_call", None, {})
    assert Store.latest_audit_id(store) == store.latest_audit_id()  # the contract's paging default, same answer
