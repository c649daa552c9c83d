"""`reception-app db ...` end to end through the real CLI entry point and real SQLCipher files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from reception_app.cli import main
from reception_app.store import KeyringKey, PassphraseKey, Patient, SnapshotInput, open_store, staff_actor
from tests.store_support import PASSPHRASE, no_keyring


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_data_dir: Path) -> Path:
    monkeypatch.setenv("RECEPTION_APP_DB_PASSPHRASE", PASSPHRASE)
    with no_keyring():
        assert main(["db", "init"]) == 0  # default path, no keyring -> passphrase
    path = app_data_dir / "reception.db"
    assert path.exists()
    return path


def test_init_info_and_refusal_to_overwrite(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(db, KeyringKey(passphrase=PASSPHRASE)) as store:
        store.register_patient(Patient("100001", "架空 花子", "カクウ ハナコ", dt.date(1985, 4, 12)), staff_actor(1))
    capsys.readouterr()
    with no_keyring():
        assert main(["db", "info", "--db", str(db)]) == 0
        out = capsys.readouterr().out
        assert "schema version: 2" in out and "patients: 1" in out
        assert "架空" not in out and "カクウ" not in out  # no personal data
        assert main(["db", "init", "--db", str(db)]) == 2
    assert "store_database_exists" in capsys.readouterr().err


def test_verify_purge_and_rekey(db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(db, KeyringKey(passphrase=PASSPHRASE)) as store:
        store.register_patient(Patient("100001", "架空 花子", "カクウ ハナコ", dt.date(1985, 4, 12)), staff_actor(1))
        old = dt.datetime.now(dt.UTC) - dt.timedelta(days=1200)
        store.save_snapshot(SnapshotInput(old, "face", {}, b"<old/>", "100001"), staff_actor(1))
    with no_keyring():
        assert main(["db", "verify-audit", "--db", str(db)]) == 0
        assert "chain intact" in capsys.readouterr().out
        assert main(["db", "purge", "--dry-run", "--db", str(db)]) == 0
        assert "Would delete 1 " in capsys.readouterr().out
        assert main(["db", "purge", "--older-than-days", "2000", "--db", str(db)]) == 0
        assert "Deleted 0 " in capsys.readouterr().out
        assert main(["db", "purge", "--db", str(db)]) == 0
        assert "Deleted 1 " in capsys.readouterr().out
        monkeypatch.setenv("RECEPTION_APP_DB_NEW_PASSPHRASE", "a brand new passphrase")
        assert main(["db", "rekey", "--to", "passphrase", "--db", str(db)]) == 0
        assert main(["db", "info", "--db", str(db)]) == 2  # the old passphrase no longer opens it
        assert "store_wrong_key" in capsys.readouterr().err
        monkeypatch.setenv("RECEPTION_APP_DB_PASSPHRASE", "a brand new passphrase")
        assert main(["db", "verify-audit", "--db", str(db)]) == 0
    with open_store(db, KeyringKey(passphrase="a brand new passphrase")) as store:
        actions = [r.action for r in store.audit_records()]
    assert actions[-2:] == ["retention.purge", "key.change"]


def test_missing_database_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "info", "--db", str(tmp_path / "none.db")]) == 2
    err = capsys.readouterr().err
    assert "store_database_missing" in err and "reception-app db init" in err
    assert not (tmp_path / "none.db").exists()


def test_info_json_counts_todays_visits_on_the_store_option(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(db, PassphraseKey(PASSPHRASE)) as store:
        store.register_patient(Patient("100001", "架空 花子", "カクウ ハナコ", dt.date(1985, 4, 12)), staff_actor(1))
        store.check_in("100001", "desk", staff_actor(1))
        store.check_in("100001", "kiosk", staff_actor(1), day=dt.date.today() - dt.timedelta(days=1))
    capsys.readouterr()
    with no_keyring():
        assert main(["db", "info", "--json", "--store", str(db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["counts"]["visits"], data["visits_today"], data["counts"]["patients"]) == (2, 1, 1)


def test_the_store_defaults_to_the_sites_from_the_settings_file(
    db: Path, app_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "site" / "clinic.db"
    elsewhere.parent.mkdir()
    db.rename(elsewhere)
    config = tmp_path / "config"  # RECEPTION_APP_CONFIG (the app_data_dir fixture)
    config.mkdir(exist_ok=True)
    (config / "reception-app.ini").write_text(f"[General]\ndb_path={elsewhere}\n", encoding="utf-8")
    capsys.readouterr()
    with no_keyring():
        assert main(["db", "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(elsewhere)
