"""Locked, corrupt, too-new and truncated databases give the app's typed errors and change nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from reception_app.store import (
    DatabaseCorruptError,
    Patient,
    SchemaTooNewError,
    StorageLockedError,
    keys,
    staff_actor,
)
from reception_app.store.sqlcipher import SQLCipherStore, open_raw
from tests.store_support import PASSPHRASE, no_keyring

STAFF = staff_actor(1)


def _make(db: Path, patients: int = 3) -> None:
    with SQLCipherStore.create(db, method="passphrase", passphrase=PASSPHRASE) as store:
        for n in range(patients):
            patient = Patient(f"{n:06d}", "異常 試験", "イジョウ シケン", dt.date(1990, 1, 1), notes="x" * 500)
            store.register_patient(patient, STAFF)


def test_a_locked_database_is_a_clear_error_and_the_write_can_be_retried(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _make(db)
    with no_keyring(), SQLCipherStore.open(db, passphrase=PASSPHRASE) as a, SQLCipherStore.open(
        db, passphrase=PASSPHRASE
    ) as b:
        b._conn.execute("PRAGMA busy_timeout = 100")  # instead of 5 s, to keep the test fast
        with a.transaction():
            a.check_in("000000", "desk", STAFF)
            with pytest.raises(StorageLockedError) as info:
                b.check_in("000001", "desk", STAFF)
        assert info.value.code == "store_locked" and "try again" in str(info.value)
        assert b.check_in("000001", "desk", STAFF).queue_number == 2  # the lock is gone: the retry works
        assert b.verify_audit().ok


def test_a_damaged_page_is_reported_as_corrupt(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _make(db, patients=300)
    data = bytearray(db.read_bytes())
    data[4096 * 20 + 100] ^= 0xFF  # one byte inside an encrypted page: its HMAC no longer matches
    db.write_bytes(bytes(data))
    with no_keyring(), SQLCipherStore.open(db, passphrase=PASSPHRASE) as store, pytest.raises(
        DatabaseCorruptError
    ) as info:
        store.integrity_check()
    assert info.value.code == "store_database_corrupt" and "backup" in str(info.value)


def test_a_newer_schema_is_refused_without_changes(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _make(db)
    conn = open_raw(db, keys.derive_key(PASSPHRASE, keys.read_file_salt(db)))
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with no_keyring(), pytest.raises(SchemaTooNewError) as info:
        SQLCipherStore.open(db, passphrase=PASSPHRASE)
    assert info.value.code == "store_schema_too_new" and "99" in str(info.value)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_truncated_file_is_corrupt_not_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    db.write_bytes(b"\x00" * 8)
    with no_keyring(), pytest.raises(DatabaseCorruptError):
        SQLCipherStore.open(db, passphrase=PASSPHRASE)
    assert db.read_bytes() == b"\x00" * 8
