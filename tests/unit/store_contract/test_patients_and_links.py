"""Patients, the searches the desk uses, and マイナ診察券 links with their history."""

from __future__ import annotations

import datetime as dt

import pytest

from reception_app.store import (
    DuplicatePatientError,
    InsuranceIds,
    InvalidRecordError,
    LinkConflictError,
    LinkRequest,
    NotFoundError,
    Patient,
    Store,
)
from tests.store_support import synthetic_patients
from tests.unit.store_contract.conftest import STAFF


def test_register_get_update_and_duplicate(store: Store) -> None:
    patient = store.get_patient("100002")
    assert patient is not None and patient.name == "試験 太郎" and patient.birth_date == dt.date(1972, 11, 3)
    with pytest.raises(DuplicatePatientError) as info:
        store.register_patient(patient, STAFF)
    assert info.value.code == "store_duplicate_patient"
    changed = Patient("100002", "試験 太郎", "シケン タロウ", patient.birth_date, "male", "", "03-5555-0000")
    store.update_patient(changed, STAFF)
    assert [p.patient_id for p in store.find_by_phone("０３５５５５００００")] == ["100002"]
    with pytest.raises(NotFoundError):
        store.update_patient(Patient("999999", "x", "エックス", dt.date(2000, 1, 1)), STAFF)
    with pytest.raises(InvalidRecordError):
        store.register_patient(Patient("1", "", "カナ", dt.date(2000, 1, 1)), STAFF)


def test_assigned_patient_ids_continue_after_the_highest(store: Store) -> None:
    first = store.register_patient(Patient("", "新規 一", "シンキ ハジメ", dt.date(1990, 2, 2)), STAFF)
    second = store.register_patient(Patient("", "新規 二", "シンキ フタバ", dt.date(1991, 3, 3)), STAFF)
    # The counter starts at 0 in a new store and skips IDs already taken by hand.
    assert (first.patient_id, second.patient_id) == ("000001", "000002")
    assert store.get_patient("000002") == second


def test_kana_prefix_search_is_normalised(store: Store) -> None:
    assert [p.patient_id for p in store.find_by_kana_prefix("ｼｹﾝ")] == ["100002"]  # half-width
    assert [p.patient_id for p in store.find_by_kana_prefix("みほん た")] == ["100003"]  # hiragana with space
    assert [p.patient_id for p in store.find_by_kana_prefix("カ")] == ["100001"]
    assert store.find_by_kana_prefix("") == []


def test_kana_prefix_search_stops_at_the_limit_in_kana_order(store: Store) -> None:
    for n, kana in enumerate(("シケン アキ", "シケン ウミ", "シケン イト")):
        store.register_patient(Patient(f"20000{n}", "試験 某", kana, dt.date(2000, 1, 1)), STAFF)
    found = store.find_by_kana_prefix("シケン", limit=3)
    assert [p.kana for p in found] == ["シケン アキ", "シケン イト", "シケン ウミ"]


def test_searches_by_birth_date_phone_and_candidates(store: Store) -> None:
    assert [p.patient_id for p in store.find_by_birth_date(dt.date(2001, 1, 30))] == ["100003"]
    assert [p.patient_id for p in store.find_by_phone("090-0000-0001")] == ["100001"]
    assert [p.patient_id for p in store.find_by_kana_and_birth_date("ｶｸｳ ﾊﾅｺ", dt.date(1985, 4, 12))] == ["100001"]
    assert store.find_by_kana_and_birth_date("カクウ ハナコ", dt.date(1985, 4, 13)) == []


def test_link_relink_keeps_history_and_finds_by_every_key(store: Store) -> None:
    (patient, insurance), (other, other_insurance) = synthetic_patients()[:2]
    first = store.link(patient.patient_id, LinkRequest("R-100001", insurance, "CN=synthetic-1"), STAFF)
    assert store.find_by_reference_number("R-100001") == patient
    assert store.find_by_insurance(InsuranceIds("０６１２９９９", "記号ア", "４８２１", "01")) == patient  # normalised
    assert store.find_by_insurance_key(first.insurance_key or "") == patient
    assert store.find_by_cert_subject("CN=synthetic-1") == patient
    new_insurance = InsuranceIds("0612999", "記号ア", "4822", "01")
    second = store.link(patient.patient_id, LinkRequest("R-100001", new_insurance, "CN=synthetic-2"), STAFF)
    history = store.link_history(patient.patient_id)
    assert [link.id for link in history] == [first.id, second.id]
    assert history[0].valid_to is not None and history[1].valid_to is None
    assert history[0].insurance == insurance  # original text kept
    assert store.find_by_cert_subject("CN=synthetic-1") is None  # the closed row no longer matches
    assert store.find_by_cert_subject("CN=synthetic-2") == patient
    relink = [r for r in store.audit_records() if r.action == "link.relink"][-1]
    assert relink.details["old_link_id"] == first.id
    assert relink.details["old"]["insurance_key"].endswith("01") and "4821" not in str(relink.details)
    with pytest.raises(LinkConflictError) as info:
        store.link(other.patient_id, LinkRequest(None, other_insurance, "CN=synthetic-2"), STAFF)
    assert info.value.code == "store_link_conflict"
    assert store.current_link(other.patient_id) is None  # nothing half-written
    store.unlink(patient.patient_id, STAFF)
    assert store.current_link(patient.patient_id) is None and len(store.link_history(patient.patient_id)) == 2


def test_a_link_needs_a_key_and_a_patient(store: Store) -> None:
    with pytest.raises(InvalidRecordError):
        store.link("100001", LinkRequest(), STAFF)
    with pytest.raises(NotFoundError):
        store.link("nobody", LinkRequest(reference_number="R-0"), STAFF)
    with pytest.raises(NotFoundError):
        store.unlink("100001", STAFF)  # no current link
