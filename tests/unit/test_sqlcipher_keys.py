"""Key management on real SQLCipher files: keyring, passphrase, rekey both ways, and the refusals."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reception_app.store import (
    DatabaseExistsError,
    DatabaseMissingError,
    KeyUnavailableError,
    WrongKeyError,
    keys,
    staff_actor,
)
from reception_app.store.sqlcipher import SQLCipherStore, companion_files
from tests.store_support import PASSPHRASE, memory_keyring, no_keyring

STAFF = staff_actor(1)


def _fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_keyring_key_opens_without_passphrase_and_is_not_in_the_file(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with memory_keyring() as backend:
        SQLCipherStore.create(db, method="keyring").close()
        salt = db.read_bytes()[:16]
        (entry, stored), = backend.entries.items()
        assert entry == ("reception-app", f"db-{salt.hex()}")
        key = bytes.fromhex(stored)
        with SQLCipherStore.open(db) as store:
            assert store.verify_audit().ok
    data = b"".join(p.read_bytes() for p in companion_files(db) if p.exists())
    assert len(key) == 32 and key not in data and stored.encode() not in data and stored.upper().encode() not in data


def test_missing_keyring_gives_typed_errors_never_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with no_keyring():
        with pytest.raises(KeyUnavailableError) as info:
            SQLCipherStore.create(db, method="keyring")
        assert info.value.code == "store_keyring_unavailable" and not db.exists()
    with memory_keyring():
        SQLCipherStore.create(db, method="keyring").close()
    before = _fingerprint(db)
    with no_keyring(), pytest.raises(KeyUnavailableError) as info:
        SQLCipherStore.open(db)
    assert info.value.code == "store_no_keyring_no_passphrase" and "no OS keyring" in str(info.value)
    with memory_keyring(), pytest.raises(KeyUnavailableError) as info:  # another user's empty keyring
        SQLCipherStore.open(db)
    assert info.value.code == "store_keyring_entry_missing"
    assert _fingerprint(db) == before


def test_wrong_passphrase_is_refused_and_the_file_untouched(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    SQLCipherStore.create(db, method="passphrase", passphrase=PASSPHRASE).close()
    before = _fingerprint(db)
    with no_keyring(), pytest.raises(WrongKeyError) as info:
        SQLCipherStore.open(db, passphrase="not the passphrase")
    assert info.value.code == "store_wrong_key" and str(db) in str(info.value)
    assert _fingerprint(db) == before
    with no_keyring(), pytest.raises(KeyUnavailableError) as missing:
        SQLCipherStore.open(db, use_keyring=False)
    assert missing.value.code == "store_passphrase_required"
    with pytest.raises(DatabaseExistsError):
        SQLCipherStore.create(db, method="passphrase", passphrase="a different passphrase")
    assert _fingerprint(db) == before
    with pytest.raises(DatabaseMissingError):
        SQLCipherStore.open(tmp_path / "absent.db", passphrase=PASSPHRASE)
    assert not (tmp_path / "absent.db").exists()


def test_passphrase_is_normalised_and_a_short_one_refused(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    SQLCipherStore.create(db, method="passphrase", passphrase="ガイドライン確認済み").close()
    decomposed = "カ\u3099イト\u3099ライン確認済み"  # the same text as typed by some IMEs
    with no_keyring(), SQLCipherStore.open(db, passphrase=decomposed) as store:
        assert store.schema_version() >= 2
    with pytest.raises(KeyUnavailableError) as info:
        SQLCipherStore.create(tmp_path / "s.db", method="passphrase", passphrase="short")
    assert info.value.code == "store_passphrase_too_short" and not (tmp_path / "s.db").exists()


def test_rekey_keyring_to_passphrase_and_back(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with memory_keyring() as backend:
        store = SQLCipherStore.create(db, method="keyring")
        store.rekey("passphrase", STAFF, "the new passphrase")
        store.close()
        assert backend.entries == {}  # the old key is gone from the keyring
        with pytest.raises(KeyUnavailableError):
            SQLCipherStore.open(db)
        asked: list[int] = []

        def prompt() -> str:
            asked.append(1)
            return "the new passphrase"

        with SQLCipherStore.open(db, passphrase=prompt) as reopened:
            assert asked == [1]
            reopened.rekey("keyring", STAFF)
        assert len(backend.entries) == 1
        with SQLCipherStore.open(db, passphrase=prompt) as again:  # the keyring key wins, no prompt
            assert asked == [1]
            changes = [r.details["method"] for r in again.audit_records() if r.action == "key.change"]
            assert changes == ["passphrase", "keyring"] and again.verify_audit().ok
    with no_keyring(), pytest.raises(WrongKeyError):
        SQLCipherStore.open(db, passphrase="the new passphrase")


def test_a_rekey_interrupted_before_the_keyring_update_still_opens(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with memory_keyring():
        SQLCipherStore.create(db, method="keyring").close()
        salt = keys.read_file_salt(db)
        old = keys.keyring_get(salt)
        assert old is not None
        new = keys.new_key()
        keys.keyring_set(salt, new, pending=True)  # what rekey() writes first
        raw = SQLCipherStore.open(db)
        raw._conn.execute(f"PRAGMA rekey = {keys.pragma_key_value(new)}")
        raw._conn.close()  # "crash": the main keyring entry still holds the old key
        with SQLCipherStore.open(db) as store:
            assert store.verify_audit().ok


def test_odd_characters_in_the_path_are_not_taken_as_uri_syntax(tmp_path: Path) -> None:
    folder = tmp_path / "受付 #1 ?x=y%20"
    folder.mkdir()
    db = folder / "r e.db"
    SQLCipherStore.create(db, method="passphrase", passphrase=PASSPHRASE).close()
    assert sorted(p.name for p in folder.iterdir()) == ["r e.db"]
    with no_keyring(), SQLCipherStore.open(db, passphrase=PASSPHRASE) as store:
        assert store.verify_audit().ok
