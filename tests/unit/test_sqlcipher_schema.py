"""What only the SQLCipher backend shows: its SQL plans use the indexes, the password hash and the append-only
triggers in the file. The behaviour every backend shares is the contract suite (tests/unit/store_contract/)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reception_app.store import staff_actor
from reception_app.store.sqlcipher import SQLCipherStore, kana_prefix_range
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


def test_kana_prefix_search_uses_the_index(store: SQLCipherStore) -> None:
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


def test_staff_passwords_are_stored_as_scrypt_hashes(store: SQLCipherStore) -> None:
    store.add_staff_user("uketsuke1", "受付 一", "clerk", "long enough pw", STAFF)
    stored = store._conn.execute("SELECT password_hash FROM staff_users").fetchone()[0]
    assert stored.startswith("scrypt$") and "long enough pw" not in stored


def test_audit_rows_cannot_be_updated_or_deleted_in_the_file(store: SQLCipherStore) -> None:
    import sqlcipher3.dbapi2 as dbapi2

    for sql in ("UPDATE audit_log SET actor = 'x' WHERE id = 1", "DELETE FROM audit_log WHERE id = 1"):
        with pytest.raises(dbapi2.IntegrityError, match="append-only"):
            store._conn.execute(sql)
    assert store.verify_audit().ok
