"""The store factory: locations as the settings give them, key sources, and what callers get back."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from reception_app.store import (
    InvalidRecordError,
    KeyedStore,
    KeyringKey,
    PassphraseKey,
    PostgresLocation,
    RawKey,
    ServerUnreachableError,
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


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://desk:s3cret@db.clinic.example/reception", "postgresql://desk@db.clinic.example/reception"),
        ("POSTGRES://h/db?password=s3cret&sslmode=verify-full", "postgres://h/db?sslmode=verify-full"),
    ],
)
def test_a_postgresql_url_is_a_server_location_whose_password_is_never_shown(url: str, shown: str) -> None:
    location = parse_location(url)
    assert isinstance(location, PostgresLocation) and location.schema == "reception"
    assert location.dsn == url.replace("POSTGRES://", "postgres://")  # libpq knows the scheme in lower case only
    assert str(location) == f"{shown} (schema reception)"
    assert "s3cret" not in repr(location) and "s3cret" not in str(location)


def test_a_url_may_name_the_schema_and_the_driver_never_sees_that_parameter() -> None:
    location = parse_location("postgresql://desk@h:5433/site?schema=clinic_b&sslmode=verify-full")
    assert location == PostgresLocation("postgresql://desk@h:5433/site?sslmode=verify-full", "clinic_b")
    with pytest.raises(InvalidRecordError):
        parse_location("postgresql://h/db?schema=Robert'); DROP")


def test_an_unreachable_server_is_a_typed_error_without_the_password() -> None:
    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ServerUnreachableError) as info:
        open_store(f"postgresql://desk:s3cret@127.0.0.1:{port}/reception?connect_timeout=2", KeyringKey())
    assert info.value.code == "store_server_unreachable" and f"127.0.0.1:{port}" in str(info.value)
    assert "s3cret" not in str(info.value) and info.value.__cause__ is None


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
