"""Opening and creating through the factory, durability across a reopen, transactions, info."""

from __future__ import annotations

import datetime as dt

import pytest

from reception_app.store import (
    DatabaseExistsError,
    DatabaseMissingError,
    NotFoundError,
    Patient,
    Store,
    open_store,
)
from tests.store_support import StoreUnderTest
from tests.unit.store_contract.conftest import STAFF


def test_open_never_creates(backend: StoreUnderTest) -> None:
    with pytest.raises(DatabaseMissingError) as info:
        open_store(backend.location, backend.key)
    assert info.value.code == "store_database_missing"
    backend.create().close()  # the failed open left nothing in the way


def test_create_never_overwrites(backend: StoreUnderTest) -> None:
    with backend.create() as store:
        store.register_patient(Patient("100001", "架空 花子", "カクウ ハナコ", dt.date(1985, 4, 12)), STAFF)
    with pytest.raises(DatabaseExistsError):
        backend.create()
    with backend.open() as again:
        assert again.get_patient("100001") is not None


def test_what_was_committed_is_there_after_a_reopen(backend: StoreUnderTest) -> None:
    with backend.create() as store:
        patient = store.register_patient(Patient("", "架空 花子", "カクウ ハナコ", dt.date(1985, 4, 12)), STAFF)
        visit = store.check_in(patient.patient_id, "desk", STAFF)
        chain = store.audit_records()
    with backend.open() as again:
        assert again.get_patient(patient.patient_id) == patient
        assert again.visits_of(patient.patient_id) == [visit]
        assert again.audit_records() == chain and again.verify_audit().ok


def test_a_new_store_is_empty_but_for_its_creation_record(empty_store: Store) -> None:
    info = empty_store.info()
    assert info.schema_version == empty_store.schema_version() >= 1
    assert info.backend  # names the backend for `db info`, whichever it is
    assert {table: n for table, n in info.counts.items() if n} == {"audit_log": 1}
    assert [r.action for r in empty_store.audit_records()] == ["store.create"]


def test_transaction_is_all_or_nothing(store: Store) -> None:
    audit_before = len(store.audit_records())
    with pytest.raises(RuntimeError), store.transaction():
        store.register_patient(Patient("200001", "途中 止", "トチュウ トメ", dt.date(1999, 9, 9)), STAFF)
        store.check_in("200001", "desk", STAFF)
        raise RuntimeError("staff cancelled")
    assert store.get_patient("200001") is None and len(store.audit_records()) == audit_before
    with store.transaction():
        store.register_patient(Patient("200002", "完了 成", "カンリョウ ナル", dt.date(1999, 9, 9)), STAFF)
        with pytest.raises(NotFoundError):
            store.check_in("nobody", "desk", STAFF)  # a failed inner step undoes only itself
        store.check_in("200002", "desk", STAFF)
    assert store.get_patient("200002") is not None and store.visits_of("200002")
    assert store.verify_audit().ok


def test_a_warm_up_finishes(store: Store) -> None:
    store.start_warm_up()  # started by the factory already, or nothing to warm: a second call changes nothing
    assert store.wait_warm_up(30)
