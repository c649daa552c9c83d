"""The one way to get a `Store`: `open_store(location, key, mode=...)`.

Callers name a location and a key source, never a backend class; the factory picks the backend from the location's
type. Adding a backend (PostgreSQL for multi-desk sites) is one more `StoreLocation` variant, one branch in
`parse_location` and in `open_store`, and one more parameter of the contract suite (`tests/store_support.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reception_app.store.base import KeyMethod, Store
from reception_app.store.errors import StoreUnsupportedError
from reception_app.store.keys import PassphraseSource, resolve_passphrase
from reception_app.store.sqlcipher import SQLCipherStore, default_db_path

OpenMode = Literal["open", "create"]

# URL schemes of server databases a later version serves; today they give StoreUnsupportedError, never a file
# named "postgresql:" in the working folder.
_SERVER_SCHEMES = ("postgresql", "postgres")


@dataclass(frozen=True)
class SQLCipherLocation:
    """One encrypted SQLite file on this PC. `cache_kib` / `warm_up` tune its page cache (None: environment, then
    defaults; see store/cache.py)."""

    path: Path
    cache_kib: int | None = None
    warm_up: bool | None = None

    def __str__(self) -> str:
        return str(self.path)


# Today one variant; a PostgreSQL backend adds `| PostgresLocation` here and callers keep working.
StoreLocation = SQLCipherLocation


def default_location() -> StoreLocation:
    """`reception.db` in the user data folder."""
    return SQLCipherLocation(default_db_path())


def parse_location(text: str | Path) -> StoreLocation:
    """A location as the settings file or `--store` give it: a file path, or (later) a `postgresql://` URL."""
    if isinstance(text, Path):
        return SQLCipherLocation(text)
    value = text.strip()
    if not value:
        return default_location()
    scheme, sep, _ = value.partition("://")
    if sep and scheme.lower() in _SERVER_SCHEMES:
        # The URL may hold a password: the message names the scheme only.
        raise StoreUnsupportedError("a PostgreSQL store (postgresql://, a shared database server); use a file path")
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
    never overwrites) the store at `location` (None: the default file) and returns it as the `Store` contract."""
    if location is None:
        location = default_location()
    elif not isinstance(location, SQLCipherLocation):
        location = parse_location(location)
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
