"""Acceptance 3: an attacker with the key drops the append-only trigger and changes one byte of one audit record;
`reception-app db verify-audit` exits 1 and names the first bad record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reception_app.cli import main
from reception_app.store import Patient, audit, keys, staff_actor
from reception_app.store.sqlcipher import SQLCipherStore, open_raw
from tests.store_support import PASSPHRASE, no_keyring


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.db"
    with SQLCipherStore.create(path, method="passphrase", passphrase=PASSPHRASE) as store:
        for n in range(1, 6):
            patient = Patient(f"40000{n}", "改竄 検査", "カイザン ケンサ", dt.date(1990, 1, n))
            store.register_patient(patient, staff_actor(1))
            store.check_in(f"40000{n}", "desk", staff_actor(1))
        assert store.verify_audit().ok and store.verify_audit().records == 11
    return path


def _attack(db: Path, change: Callable[[Any], None]) -> None:
    """What an attacker with the key can do: a raw keyed connection, the trigger dropped, then the change."""
    conn = open_raw(db, keys.derive_key(PASSPHRASE, keys.read_file_salt(db)))
    conn.execute("BEGIN")
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    change(conn)
    conn.execute("COMMIT")
    conn.close()


def _flip_one_byte(conn: Any, record_id: int, column: str) -> None:
    value: str = conn.execute(f"SELECT {column} FROM audit_log WHERE id = ?", (record_id,)).fetchone()[0]
    data = bytearray(value.encode("utf-8"))
    position = len(data) // 2
    data[position] ^= 0x01  # one bit of one byte, ASCII stays ASCII
    conn.execute(f"UPDATE audit_log SET {column} = ? WHERE id = ?", (data.decode("utf-8"), record_id))


def _verify(db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    monkeypatch.setenv("RECEPTION_APP_DB_PASSPHRASE", PASSPHRASE)
    with no_keyring():
        code = main(["db", "verify-audit", "--db", str(db)])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("column", ["actor", "details_json", "at", "action"])
def test_one_changed_byte_is_caught_and_named(
    db: Path, column: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _verify(db, monkeypatch, capsys)[0] == 0
    _attack(db, lambda conn: _flip_one_byte(conn, 7, column))
    code, out = _verify(db, monkeypatch, capsys)
    assert code == 1
    assert "BROKEN at record 7:" in out and "does not match its hash" in out


def test_a_rehashed_record_is_caught_at_the_next_one(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def forge(conn: Any) -> None:
        _flip_one_byte(conn, 4, "actor")
        row = conn.execute(f"SELECT {audit.AUDIT_COLUMNS} FROM audit_log WHERE id = 4").fetchone()
        conn.execute("UPDATE audit_log SET hash = ? WHERE id = 4", (audit.record_hash(*row[:7]),))

    _attack(db, forge)
    code, out = _verify(db, monkeypatch, capsys)
    assert code == 1 and "BROKEN at record 5:" in out and "prev_hash" in out


def test_a_deleted_record_is_caught(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _attack(db, lambda conn: conn.execute("DELETE FROM audit_log WHERE id = 3"))
    code, out = _verify(db, monkeypatch, capsys)
    assert code == 1 and "BROKEN at record 4:" in out and "expected record id 3" in out


def test_dropping_the_append_only_triggers_alone_is_reported(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _attack(db, lambda conn: None)
    code, out = _verify(db, monkeypatch, capsys)
    assert code == 1 and "audit_log_no_update" in out and "records themselves are intact" in out
