"""Database keys: a random 256-bit key in the OS keyring, or one derived from a passphrase.

Where the key lives (nothing secret is ever written to disk in plaintext, nor logged):
- SQLCipher keeps a random, non-secret 16-byte salt as the first bytes of the database file. We create the file with
  a raw key *and* that salt (`PRAGMA key = "x'<key><salt>'"`), so the salt is known before decryption. No sidecar
  file is needed.
- keyring: service "reception-app", entry `db-<salt hex>` holds the hex key. The salt names the database, so the
  entry follows the file if it moves. During a rekey the new key waits under `db-<salt hex>.next` until the
  database has been rekeyed, so a crash in between never loses the key that opens it.
- passphrase: key = scrypt(NFC(passphrase), salt=file salt, n=2**15, r=8, p=1, 32 bytes). The parameters are fixed
  per `KDF_ID`; a change needs a new id tried after the old one.
- Raw keys skip SQLCipher's own PBKDF2, so opening with the keyring is fast; the passphrase path costs one scrypt.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from reception_app.store.errors import (
    KeyringEntryMissingError,
    KeyringUnavailableError,
    KeyUnavailableError,
    NoKeyringNoPassphraseError,
    PassphraseRequiredError,
    PassphraseTooShortError,
)

KEYRING_SERVICE = "reception-app"
KEY_BYTES = 32
SALT_BYTES = 16
KDF_ID = "scrypt-n32768-r8-p1"
_SCRYPT_N = 2**15
_SCRYPT_R = 8
_SCRYPT_P = 1
_SCRYPT_MAXMEM = 64 * 1024 * 1024
PASSPHRASE_MIN_LENGTH = 8

# A passphrase may be given as text or as a function asked only when needed (e.g. a prompt at start).
PassphraseSource = str | Callable[[], str] | None

# code → (the error's class, its English detail)
_MESSAGES: dict[str, tuple[type[KeyUnavailableError], str]] = {
    "store_keyring_unavailable": (
        KeyringUnavailableError, "no OS keyring is available on this computer; use a passphrase instead"
    ),
    "store_no_keyring_no_passphrase": (
        NoKeyringNoPassphraseError, "no OS keyring is available on this computer and no passphrase was given"
    ),
    "store_keyring_entry_missing": (
        KeyringEntryMissingError,
        "the OS keyring has no key for this database (another user or computer?) and no passphrase was given",
    ),
    "store_passphrase_required": (PassphraseRequiredError, "this database needs its passphrase"),
    "store_passphrase_too_short": (
        PassphraseTooShortError, f"a passphrase must have at least {PASSPHRASE_MIN_LENGTH} characters"
    ),
}


def key_unavailable(code: str) -> KeyUnavailableError:
    cls, detail = _MESSAGES[code]
    return cls(detail)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def read_file_salt(path: Path) -> bytes:
    """The salt SQLCipher stored in plaintext at the start of the file."""
    with path.open("rb") as handle:
        salt = handle.read(SALT_BYTES)
    return salt


def derive_key(passphrase: str, salt: bytes) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hashlib.scrypt(
        secret, salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, maxmem=_SCRYPT_MAXMEM, dklen=KEY_BYTES
    )


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < PASSPHRASE_MIN_LENGTH:
        raise key_unavailable("store_passphrase_too_short")


def resolve_passphrase(source: PassphraseSource) -> str | None:
    if source is None:
        return None
    return source() if callable(source) else source


def pragma_key_value(key: bytes, salt: bytes | None = None) -> str:
    """The value for `PRAGMA key`/`PRAGMA rekey`: a raw key, optionally with the salt for a new file."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key has 32 bytes")
    hex_text = key.hex() + (salt.hex() if salt is not None else "")
    return f"\"x'{hex_text}'\""


def keyring_entry(salt: bytes, pending: bool = False) -> str:
    return f"db-{salt.hex()}" + (".next" if pending else "")


def _keyring() -> ModuleType:
    """keyring, imported when first needed: finding its backends costs ~90 ms, and a raw-keyed or passphrase
    database never needs it (the app's start waits for the store's import)."""
    import keyring
    import keyring.errors

    return keyring


def _keyring_error() -> type[Exception]:
    error: type[Exception] = _keyring().errors.KeyringError  # keyring is untyped
    return error


def keyring_available() -> bool:
    backend = _keyring().get_keyring()
    priority = getattr(backend, "priority", 0)
    return not (isinstance(priority, int | float) and priority <= 0)


def keyring_get(salt: bytes, pending: bool = False) -> bytes | None:
    """The key kept for this database, or None if the keyring has none (or there is no keyring)."""
    try:
        text = _keyring().get_password(KEYRING_SERVICE, keyring_entry(salt, pending))
    except _keyring_error():
        return None
    if not text:
        return None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def keyring_set(salt: bytes, key: bytes, pending: bool = False) -> None:
    if not keyring_available():
        raise key_unavailable("store_keyring_unavailable")
    try:
        _keyring().set_password(KEYRING_SERVICE, keyring_entry(salt, pending), key.hex())
    except _keyring_error() as exc:
        raise key_unavailable("store_keyring_unavailable") from exc


def keyring_delete(salt: bytes, pending: bool = False) -> None:
    # Already absent (PasswordDeleteError) or no keyring: nothing to delete.
    with contextlib.suppress(_keyring_error()):
        _keyring().delete_password(KEYRING_SERVICE, keyring_entry(salt, pending))


def keyring_keys(salt: bytes) -> list[bytes]:
    """Keys the keyring holds for this database: the current one, then a rekey's pending one."""
    keys = []
    for pending in (False, True):
        key = keyring_get(salt, pending)
        if key is not None:
            keys.append(key)
    return keys


def no_key_error(use_keyring: bool) -> KeyUnavailableError:
    """The error when there was nothing to try."""
    if not use_keyring:
        return key_unavailable("store_passphrase_required")
    if keyring_available():
        return key_unavailable("store_keyring_entry_missing")
    return key_unavailable("store_no_keyring_no_passphrase")
