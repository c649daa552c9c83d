"""The one way to get a `Store`: `open_store(location, key, mode=...)`.

Callers name a location and a key source, never a backend class; the factory picks the backend from the location's
type: a `SQLCipherLocation` (one encrypted file on this PC, the default) or a `PostgresLocation` (a site's shared
server, from a `postgresql://` URL). The PostgreSQL driver is imported only when such a location is opened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reception_app.store import dsn as dsn_text
from reception_app.store.base import KeyMethod, Store
from reception_app.store.errors import InvalidRecordError, StoreUnsupportedError
from reception_app.store.keys import PassphraseSource, resolve_passphrase
from reception_app.store.sqlcipher import SQLCipherStore, default_db_path

OpenMode = Literal["open", "create"]



@dataclass(frozen=True)
class SQLCipherLocation:
    """One encrypted SQLite file on this PC. `cache_kib` / `warm_up` tune its page cache (None: environment, then
    defaults; see store/cache.py)."""

    path: Path
    cache_kib: int | None = None
    warm_up: bool | None = None

    def __str__(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class PostgresLocation:
    """A site's shared PostgreSQL database: a libpq URL or `key=value` DSN and the schema the store lives in.
    The DSN may hold a password: its repr and str never show it (store/dsn.py's `redact_dsn`)."""

    dsn: str = field(repr=False)
    schema: str = dsn_text.DEFAULT_SCHEMA

    def __post_init__(self) -> None:
        if not dsn_text.valid_schema(self.schema):
            raise InvalidRecordError("a schema name is lower-case letters, digits and '_' (at most 63)")

    def __str__(self) -> str:
        return f"{dsn_text.redact_dsn(self.dsn)} (schema {self.schema})"

    def __repr__(self) -> str:
        return f"PostgresLocation({dsn_text.redact_dsn(self.dsn)!r}, schema={self.schema!r})"


StoreLocation = SQLCipherLocation | PostgresLocation


def default_location() -> StoreLocation:
    """`reception.db` in the user data folder."""
    return SQLCipherLocation(default_db_path())


def parse_location(text: str | Path) -> StoreLocation:
    """A location as the settings file or `--store` give it: a file path, or a `postgresql://` (`postgres://`) URL,
    whose optional `schema=` parameter names the schema (default `reception`)."""
    if isinstance(text, Path):
        return SQLCipherLocation(text)
    value = text.strip()
    if not value:
        return default_location()
    scheme, sep, _ = value.partition("://")
    if dsn_text.is_url(value):
        url, schema = dsn_text.split_schema(value)
        return PostgresLocation(url, schema) if schema is not None else PostgresLocation(url)
    if sep and scheme.isalpha() and len(scheme) > 1:  # "C://x" is a Windows drive, not a scheme
        raise StoreUnsupportedError(f"a {scheme.lower()}:// store; use a file path")
    return SQLCipherLocation(Path(value))


@dataclass(frozen=True)
class KeyringKey:
    """The key in the OS keyring. Opening falls back to `passphrase` (text, or a prompt asked only if needed);
    creating makes a new random key and stores it in the keyring."""

    passphrase: PassphraseSource = None


@dataclass(frozen=True)
class PassphraseKey:
    """A key derived from a passphrase only (headless Linux has no keyring). None: the store says it needs one."""

    passphrase: PassphraseSource


@dataclass(frozen=True)
class RawKey:
    """A 32-byte key the caller keeps itself (the demo's key file, tests); no keyring, no KDF."""

    key: bytes = field(repr=False)  # never in a log line or a traceback's locals repr


KeySource = KeyringKey | PassphraseKey | RawKey


def key_source(method: KeyMethod, passphrase: PassphraseSource = None) -> KeySource:
    """The key source the settings name: the keyring (no passphrase fallback) or the passphrase."""
    return KeyringKey() if method == "keyring" else PassphraseKey(passphrase)


def open_store(
    location: StoreLocation | str | Path | None,
    key: KeySource,
    *,
    mode: OpenMode = "open",
    migrate: bool = True,
) -> Store:
    """Opens (`mode="open"`: never creates, migrates forward unless `migrate=False`) or creates (`mode="create"`:
    never overwrites) the store at `location` (None: the default file) and returns it as the `Store` contract.
    A `PostgresLocation` does not use `key`: the server's credentials are in its DSN (or libpq's password file)."""
    if location is None:
        location = default_location()
    elif not isinstance(location, SQLCipherLocation | PostgresLocation):
        location = parse_location(location)
    if isinstance(location, PostgresLocation):
        from reception_app.store.postgres import PostgresStore  # the driver loads only for a server store

        return PostgresStore.connect(location.dsn, schema=location.schema, create=mode == "create", migrate=migrate)
    return _open_sqlcipher(location, key, mode, migrate)


def _open_sqlcipher(location: SQLCipherLocation, key: KeySource, mode: OpenMode, migrate: bool) -> SQLCipherStore:
    path = location.path
    if isinstance(key, RawKey):
        return SQLCipherStore.with_raw_key(
            path, key.key, create=mode == "create", migrate=migrate, cache_kib=location.cache_kib,
            warm_up=location.warm_up,
        )
    if mode == "create":
        if isinstance(key, KeyringKey):
            return SQLCipherStore.create(path, method="keyring")
        return SQLCipherStore.create(path, method="passphrase", passphrase=resolve_passphrase(key.passphrase))
    return SQLCipherStore.open(
        path, passphrase=key.passphrase, use_keyring=isinstance(key, KeyringKey), migrate=migrate,
        cache_kib=location.cache_kib, warm_up=location.warm_up,
    )
