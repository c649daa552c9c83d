"""The offline cache (eligibility snapshots), its retention, and pending re-confirmations."""

from __future__ import annotations

import datetime as dt

import pytest

from reception_app.store import InsuranceIds, NotFoundError, SnapshotInput, Store, kiosk_actor
from tests.store_support import synthetic_patients
from tests.unit.store_contract.conftest import STAFF


def test_snapshots_latest_by_patient_insurance_and_card_are_audited(store: Store) -> None:
    _, insurance = synthetic_patients()[0]
    old = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
    new = dt.datetime(2026, 11, 5, 9, 0, tzinfo=dt.UTC)
    for when, raw in ((new, b"<new/>"), (old, b"<old/>")):
        store.save_snapshot(
            SnapshotInput(when, "face", {"insurer": "0612999"}, raw, "100001", None, insurance, "CN=s1"), STAFF
        )
    by_patient = store.latest_snapshot_for_patient("100001", STAFF)
    assert by_patient is not None and by_patient.raw == b"<new/>" and by_patient.confirmed_at == new
    by_key = store.latest_snapshot_for_insurance(by_patient.insurance_key or "", STAFF)
    by_card = store.latest_snapshot_for_cert_subject("CN=s1", kiosk_actor("k1"))
    assert by_key == by_patient == by_card
    assert store.latest_snapshot_for_patient("100002", STAFF) is None
    views = [r for r in store.audit_records() if r.action == "eligibility.view"]
    assert [(r.actor, r.subject) for r in views] == [(STAFF, "100001"), (STAFF, "100001"), ("kiosk:k1", "100001")]


def test_a_snapshot_reads_back_whole(store: Store) -> None:
    xml = "<?xml version='1.0' encoding='Shift_JIS'?>" + "<Person><Name>見本 髙子</Name></Person>" * 40
    raw = xml.encode("cp932")
    summary = {"patient": {"name": "見本 髙子", "kana": "ミホン タカコ"}, "subsidies": [{"code": "54"}] * 30}
    ins = InsuranceIds("0113999", "記号ウ", "9164")
    saved = store.save_snapshot(SnapshotInput(dt.datetime.now(dt.UTC), "pin", summary, raw, "100003", None, ins), STAFF)
    again = store.latest_snapshot_for_patient("100003", STAFF)
    assert again == saved and again.raw == raw and again.summary == summary


def test_purge_removes_only_old_snapshots_and_keeps_audit(store: Store) -> None:
    now = dt.datetime.now(dt.UTC)
    for days in (10, 400, 2000):
        store.save_snapshot(SnapshotInput(now - dt.timedelta(days=days), "pin", {}, b"x", "100001"), STAFF)
    audit_before = len(store.audit_records())
    dry = store.purge(365, dry_run=True, actor=STAFF)
    assert dry.snapshots == 2 and store.info().counts["eligibility_snapshots"] == 3
    done = store.purge(1096, dry_run=False, actor=STAFF)
    assert done.snapshots == 1 and store.info().counts["eligibility_snapshots"] == 2
    assert len(store.audit_records()) == audit_before + 1  # the purge itself is audited, nothing removed
    assert store.verify_audit().ok


def test_pending_reconfirmations(store: Store) -> None:
    visit = store.check_in("100001", "desk", STAFF, offline=True)
    pending = store.add_pending_reconfirmation("100001", visit.id, "gateway unreachable", STAFF)
    assert [p.id for p in store.pending_reconfirmations()] == [pending.id]
    store.resolve_reconfirmation(pending.id, STAFF)
    assert store.pending_reconfirmations() == []
    with pytest.raises(NotFoundError):
        store.resolve_reconfirmation(pending.id, STAFF)
