"""Acceptance 4: a database written by schema version 1 (committed fixture) migrates forward with its data intact."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from reception_app.store import LinkRequest, Patient, staff_actor
from reception_app.store.schema import CURRENT_VERSION
from reception_app.store.sqlcipher import SQLCipherStore
from tests.store_support import no_keyring

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "store" / "v1.db"
V1_PASSPHRASE = "v1 fixture passphrase (synthetic)"  # as in tests/data/store/make_v1_db.py


@pytest.fixture()
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "v1.db"
    shutil.copyfile(FIXTURE, target)
    return target


def test_fixture_really_is_version_1(v1_copy: Path) -> None:
    assert CURRENT_VERSION >= 2
    with no_keyring(), SQLCipherStore.open(v1_copy, passphrase=V1_PASSPHRASE, migrate=False) as store:
        assert store.schema_version() == 1
        tables = {row[0] for row in store._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "pending_reconfirmations" not in tables and "patients" in tables


def test_v1_database_migrates_with_data_intact(v1_copy: Path) -> None:
    with no_keyring(), SQLCipherStore.open(v1_copy, passphrase=V1_PASSPHRASE) as store:
        assert store.schema_version() == CURRENT_VERSION
        assert store.integrity_check() == "ok"
        assert store.get_patient("000102") == Patient(
            "000102", "旧版 髙子", "キュウハン タカコ", dt.date(1999, 12, 31), "female", "架空県見本市", "09011110002"
        )
        assert [p.patient_id for p in store.find_by_kana_prefix("きゅうはん")] == ["000101", "000102"]
        history = store.link_history("000101")
        assert [(link.id, link.active) for link in history] == [(1, False), (2, True)]
        assert store.find_by_reference_number("R-000101") == store.get_patient("000101")
        assert store.find_by_cert_subject("CN=v1-b") == store.get_patient("000101")
        queue = store.queue(dt.date(2026, 5, 1))
        assert [(v.queue_number, v.status, v.offline) for v in queue] == [(1, "done", False), (2, "waiting", False)]
        snapshot = store.latest_snapshot_for_patient("000101", staff_actor(1))
        assert snapshot is not None and snapshot.raw == b"<synthetic-result/>"
        assert snapshot.summary == {"status": "valid"} and snapshot.source == "face"
        verification = store.verify_audit()
        assert verification.ok and verification.records == 10  # 9 from v1 + the view just now
        # The tables and columns version 2 added work on the migrated data.
        pending = store.add_pending_reconfirmation("000102", 2, "offline at check-in", staff_actor(1))
        assert store.pending_reconfirmations() == [pending]
        new = store.register_patient(Patient("", "移行後 新", "イコウゴ アラタ", dt.date(2020, 2, 2)), staff_actor(1))
        assert new.patient_id == "000103"  # continues after the highest numeric v1 ID ("A-7" is skipped)
        store.link("000102", LinkRequest(reference_number="R-000102"), staff_actor(1))
    with no_keyring(), SQLCipherStore.open(v1_copy, passphrase=V1_PASSPHRASE) as again:  # no second migration
        assert again.schema_version() == CURRENT_VERSION and again.verify_audit().ok
