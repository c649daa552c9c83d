"""The store factory: locations as the settings give them, key sources, and what callers get back."""

from __future__ import annotations

from pathlib import Path

import pytest

from reception_app.store import (
    KeyedStore,
    KeyringKey,
    PassphraseKey,
    RawKey,
    SQLCipherLocation,
    Store,
    StoreUnsupportedError,
    default_location,
    key_source,
    open_store,
    parse_location,
)
from tests.store_support import CONTRACT_KEY


def test_a_path_is_a_sqlcipher_file(tmp_path: Path) -> None:
    assert parse_location(str(tmp_path / "r.db")) == SQLCipherLocation(tmp_path / "r.db")
    assert parse_location(tmp_path / "r.db") == SQLCipherLocation(tmp_path / "r.db")
    assert parse_location(r"C:\clinic\reception.db") == SQLCipherLocation(Path(r"C:\clinic\reception.db"))
    assert parse_location("  ") == default_location()  # the settings file's "unset"


@pytest.mark.parametrize("url", ["postgresql://desk:s3cret@db.clinic.example/reception", "POSTGRES://h/db"])
def test_a_postgresql_url_is_not_supported_yet_and_its_password_is_not_repeated(url: str, tmp_path: Path) -> None:
    with pytest.raises(StoreUnsupportedError) as info:
        open_store(url, KeyringKey())
    assert info.value.code == "store_unsupported" and "postgresql://" in str(info.value)
    assert "s3cret" not in str(info.value)


def test_another_url_scheme_is_not_taken_for_a_file_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreUnsupportedError):
        open_store("mysql://h/db", RawKey(CONTRACT_KEY), mode="create")
    assert list(tmp_path.iterdir()) == []


def test_the_key_source_the_settings_name() -> None:
    assert key_source("keyring") == KeyringKey()  # no silent passphrase fallback when the site chose the keyring
    assert key_source("passphrase", "synthetic passphrase") == PassphraseKey("synthetic passphrase")


def test_a_raw_key_never_shows_in_its_repr() -> None:
    assert CONTRACT_KEY.hex() not in repr(RawKey(CONTRACT_KEY)) and "key=" not in repr(RawKey(CONTRACT_KEY))


def test_callers_get_the_contract_and_a_keyed_store_can_be_rekeyed(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "r.db"), RawKey(CONTRACT_KEY), mode="create") as store:
        assert isinstance(store, Store) and isinstance(store, KeyedStore)
    assert (tmp_path / "r.db").exists()
