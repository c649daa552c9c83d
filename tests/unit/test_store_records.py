"""The store's records, searches and transactions on a real SQLCipher file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from reception_app.store import (
    DuplicatePatientError,
    InsuranceIds,
    InvalidRecordError,
    LinkConflictError,
    LinkRequest,
    NotFoundError,
    Patient,
    SnapshotInput,
    SQLCipherStore,
    kiosk_actor,
    staff_actor,
)
from reception_app.store.sqlcipher import kana_prefix_range
from tests.store_support import PASSPHRASE, synthetic_patients

STAFF = staff_actor(1)


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[SQLCipherStore]:
    s = SQLCipherStore.create(tmp_path / "r.db", method="passphrase", passphrase=PASSPHRASE)
    for patient, _ in synthetic_patients():
        s.register_patient(patient, STAFF)
    yield s
    s.close()


def _plan(store: SQLCipherStore, sql: str, params: tuple[object, ...]) -> str:
    rows = store._conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return " | ".join(str(row[-1]) for row in rows)


def test_register_get_update_and_duplicate(store: SQLCipherStore) -> None:
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


def test_assigned_patient_ids_continue_after_the_highest(store: SQLCipherStore) -> None:
    first = store.register_patient(Patient("", "新規 一", "シンキ ハジメ", dt.date(1990, 2, 2)), STAFF)
    second = store.register_patient(Patient("", "新規 二", "シンキ フタバ", dt.date(1991, 3, 3)), STAFF)
    # The counter starts at 0 in a new database and skips IDs already taken by hand.
    assert (first.patient_id, second.patient_id) == ("000001", "000002")
    assert store.get_patient("000002") == second


def test_kana_prefix_search_is_normalised_and_uses_the_index(store: SQLCipherStore) -> None:
    assert [p.patient_id for p in store.find_by_kana_prefix("ｼｹﾝ")] == ["100002"]  # half-width
    assert [p.patient_id for p in store.find_by_kana_prefix("みほん た")] == ["100003"]  # hiragana with space
    assert [p.patient_id for p in store.find_by_kana_prefix("カ")] == ["100001"]
    assert store.find_by_kana_prefix("") == []
    bounds = kana_prefix_range("シケ")
    assert bounds == ("シケ", "シゲ")
    plan = _plan(store, "SELECT patient_id FROM patients WHERE kana_key >= ? AND kana_key < ?", bounds)
    assert "USING INDEX patients_kana_key" in plan, plan
    like_plan = _plan(store, "SELECT patient_id FROM patients WHERE kana_key LIKE ?", ("シケ%",))
    assert "SCAN" in like_plan  # why the store uses a range and not LIKE


@pytest.mark.parametrize(
    ("sql", "params", "index"),
    [
        ("SELECT * FROM patients WHERE patient_id = ?", ("100001",), "sqlite_autoindex_patients_1"),
        ("SELECT * FROM patients WHERE birth_date = ?", ("1985-04-12",), "patients_birth_date"),
        ("SELECT * FROM patients WHERE birth_date = ? AND kana_key = ?", ("1985-04-12", "カ"), "patients_birth_date"),
        ("SELECT * FROM patients WHERE phone_key = ?", ("09000000001",), "patients_phone_key"),
        ("SELECT * FROM links WHERE reference_number = ? AND valid_to IS NULL", ("R",), "links_reference_current"),
        ("SELECT * FROM links WHERE insurance_key = ? AND valid_to IS NULL", ("k",), "links_insurance_current"),
        ("SELECT * FROM links WHERE cert_subject = ? AND valid_to IS NULL", ("CN",), "links_cert_current"),
    ],
)
def test_every_search_uses_an_index(store: SQLCipherStore, sql: str, params: tuple[object, ...], index: str) -> None:
    plan = _plan(store, sql, params)
    assert f"INDEX {index}" in plan, plan


def test_searches_by_birth_date_phone_and_candidates(store: SQLCipherStore) -> None:
    assert [p.patient_id for p in store.find_by_birth_date(dt.date(2001, 1, 30))] == ["100003"]
    assert [p.patient_id for p in store.find_by_phone("090-0000-0001")] == ["100001"]
    assert [p.patient_id for p in store.find_by_kana_and_birth_date("ｶｸｳ ﾊﾅｺ", dt.date(1985, 4, 12))] == ["100001"]
    assert store.find_by_kana_and_birth_date("カクウ ハナコ", dt.date(1985, 4, 13)) == []


def test_link_relink_keeps_history_and_finds_by_every_key(store: SQLCipherStore) -> None:
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


def test_check_in_numbers_the_day_queue(store: SQLCipherStore) -> None:
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


def test_snapshots_latest_by_patient_insurance_and_card_are_audited(store: SQLCipherStore) -> None:
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


def test_purge_removes_only_old_snapshots_and_keeps_audit(store: SQLCipherStore) -> None:
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


def test_pending_reconfirmations(store: SQLCipherStore) -> None:
    visit = store.check_in("100001", "desk", STAFF, offline=True)
    pending = store.add_pending_reconfirmation("100001", visit.id, "gateway unreachable", STAFF)
    assert [p.id for p in store.pending_reconfirmations()] == [pending.id]
    store.resolve_reconfirmation(pending.id, STAFF)
    assert store.pending_reconfirmations() == []
    with pytest.raises(NotFoundError):
        store.resolve_reconfirmation(pending.id, STAFF)


def test_staff_login_success_and_failure_are_audited(store: SQLCipherStore) -> None:
    user = store.add_staff_user("uketsuke1", "受付 一", "clerk", "long enough pw", STAFF)
    assert store.authenticate("uketsuke1", "long enough pw") == user
    assert store.authenticate("uketsuke1", "wrong password") is None
    assert store.authenticate("nobody", "long enough pw") is None
    stored = store._conn.execute("SELECT password_hash FROM staff_users").fetchone()[0]
    assert stored.startswith("scrypt$") and "long enough pw" not in stored
    actions = [(r.actor, r.action) for r in store.audit_records() if r.action.startswith("login")]
    assert actions == [(f"staff:{user.id}", "login.success"), ("system", "login.failure"), ("system", "login.failure")]


def test_transaction_is_all_or_nothing(store: SQLCipherStore) -> None:
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


def test_audit_rows_cannot_be_updated_or_deleted(store: SQLCipherStore) -> None:
    import sqlcipher3.dbapi2 as dbapi2

    for sql in ("UPDATE audit_log SET actor = 'x' WHERE id = 1", "DELETE FROM audit_log WHERE id = 1"):
        with pytest.raises(dbapi2.IntegrityError, match="append-only"):
            store._conn.execute(sql)
    assert store.verify_audit().ok
    assert not hasattr(store, "delete_audit") and not hasattr(store, "update_audit")
    with pytest.raises(ValueError):
        store.audit(STAFF, "Not A Name", None)
