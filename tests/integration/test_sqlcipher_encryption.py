"""Acceptance 1: no plaintext personal data in the database file, its WAL or any journal; a wrong key fails with
the app's own error and leaves the file untouched. A plain-SQLite twin with the same data is the positive control:
the scanner must find every needle there, so a passing scan means something."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from reception_app.store import (
    InsuranceIds,
    LinkRequest,
    Patient,
    SnapshotInput,
    WrongKeyError,
    schema,
    staff_actor,
)
from reception_app.store.sqlcipher import SQLCipherStore
from tests.store_support import PASSPHRASE, no_keyring

STAFF = staff_actor(1)
PEOPLE = [
    (
        Patient("300001", "暗号 髙橋", "アンゴウ タカハシ", dt.date(1984, 3, 27), "male", "架空県秘匿市一丁目"),
        InsuranceIds("06137531", "秘匿記号", "86420975", "03"),
    ),
    (
        Patient("300002", "検査 﨑子", "ケンサ サキコ", dt.date(1957, 10, 8), "female", "架空県秘匿市二丁目"),
        InsuranceIds("39137531", "別記号", "57319864", ""),
    ),
]
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "cp932")


def _date_forms(day: dt.date) -> list[str]:
    return [
        day.isoformat(),
        day.strftime("%Y%m%d"),
        day.strftime("%Y/%m/%d"),
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}/{day.month}/{day.day}",
    ]


def needles() -> dict[str, list[bytes]]:
    found: dict[str, list[bytes]] = {}
    for patient, ins in PEOPLE:
        texts = [patient.name, patient.kana, patient.name.replace(" ", ""), patient.kana.replace(" ", "")]
        texts += [*_date_forms(patient.birth_date), ins.number, ins.insurer_number + ins.symbol, patient.address]
        for text in texts:
            for encoding in ENCODINGS:
                try:
                    found.setdefault(text, []).append(text.encode(encoding))
                except UnicodeEncodeError:
                    continue  # e.g. a character cp932 lacks: nothing to look for in that encoding
    return found


def fill(store: SQLCipherStore) -> None:
    for patient, ins in PEOPLE:
        store.register_patient(patient, STAFF)
        store.link(patient.patient_id, LinkRequest(f"R{patient.patient_id}", ins, f"CN={patient.patient_id}"), STAFF)
        visit = store.check_in(patient.patient_id, "desk", STAFF)
        raw = f"<r><n>{patient.name}</n><k>{patient.kana}</k><b>{patient.birth_date:%Y%m%d}</b><i>{ins.number}</i></r>"
        for encoding in ("utf-8", "cp932"):
            summary = {"name": patient.name, "birth": patient.birth_date.isoformat(), "number": ins.number}
            snapshot = SnapshotInput(dt.datetime.now(dt.UTC), "face", summary, raw.encode(encoding),
                                     patient.patient_id, visit.id, ins)
            store.save_snapshot(snapshot, STAFF)


def files_bytes(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(db.parent.iterdir()) if p.name.startswith(db.name)}


def leaks(db: Path) -> list[str]:
    hits = []
    for name, data in files_bytes(db).items():
        for text, forms in needles().items():
            hits += [f"{text!r} in {name}" for form in forms if form in data]
    return hits


def test_plain_sqlite_control_shows_the_scanner_works(tmp_path: Path) -> None:
    db = tmp_path / "plain.db"
    conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    schema.migrate(conn)
    store = SQLCipherStore(conn, db)
    fill(store)
    assert (tmp_path / "plain.db-wal").stat().st_size > 0
    hits = leaks(db)
    store.close()
    for patient, ins in PEOPLE:
        for text in (patient.name, patient.kana, patient.birth_date.isoformat(), ins.number):
            assert any(repr(text) in hit for hit in hits), text


def test_no_plaintext_in_database_wal_or_journal(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    store = SQLCipherStore.create(db, method="passphrase", passphrase=PASSPHRASE)
    fill(store)
    names = set(files_bytes(db))
    assert {"r.db", "r.db-wal"} <= names and (tmp_path / "r.db-wal").stat().st_size > 0
    assert leaks(db) == []  # while open: the WAL holds the recent pages
    store.close()
    assert leaks(db) == []  # after the checkpoint on close
    with no_keyring(), SQLCipherStore.open(db, passphrase=PASSPHRASE) as reopened:
        assert reopened.get_patient("300002") == PEOPLE[1][0]  # the data really is in there


def test_wrong_key_fails_with_the_apps_error_and_leaves_the_files_untouched(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "r.db"
    with SQLCipherStore.create(db, method="passphrase", passphrase=PASSPHRASE) as store:
        fill(store)
    before = {name: hashlib.sha256(data).hexdigest() for name, data in files_bytes(db).items()}
    mtime = db.stat().st_mtime_ns
    with no_keyring(), pytest.raises(WrongKeyError) as info:
        SQLCipherStore.open(db, passphrase="a wrong passphrase")
    assert info.value.code == "store_wrong_key"
    assert {name: hashlib.sha256(data).hexdigest() for name, data in files_bytes(db).items()} == before
    assert db.stat().st_mtime_ns == mtime
    assert "hmac" not in capfd.readouterr().err.lower()  # cipher_log_level NONE: no noise on stderr
