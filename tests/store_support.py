"""Shared helpers for the store tests: the backends of the contract suite, an in-memory keyring and synthetic
patients.

The keyring backend is a real `keyring.backend.KeyringBackend` set with `keyring.set_keyring`, because a headless
Linux has no OS keyring; everything else the store tests use is real (SQLCipher files on disk).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors

from reception_app.store import (
    InsuranceIds,
    KeySource,
    Patient,
    PostgresLocation,
    RawKey,
    SQLCipherLocation,
    Store,
    StoreLocation,
    open_store,
)

PASSPHRASE = "synthetic test passphrase"

# The backends every test in tests/unit/store_contract/ runs on (its conftest parametrises `store` with these).
# A new backend is one more name here and one more branch in `store_under_test`; it must pass the same tests.
STORE_BACKENDS = ("sqlcipher", "postgres")

# Set by scripts/with-postgres.sh (make test): the private cluster's DSN over loopback, with its password.
PG_DSN_ENV = "RECEPTION_APP_TEST_PG_DSN"


def pg_test_dsn() -> str | None:
    return os.environ.get(PG_DSN_ENV) or None


def new_pg_schema(prefix: str = "t") -> str:
    """A schema name no other test uses: each test gets an empty store of its own in the shared test database."""
    return f"{prefix}_{uuid.uuid4().hex[:16]}"


def drop_pg_schema(dsn: str, schema: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))

# A fixed raw key: no keyring and no scrypt per test (keys are SQLCipher's own tests: test_sqlcipher_keys.py).
CONTRACT_KEY = bytes(range(32))


@dataclass(frozen=True)
class StoreUnderTest:
    """A fresh, empty place for one backend's store, opened through the factory exactly as the app opens one."""

    backend: str
    location: StoreLocation
    key: KeySource
    cleanup: Callable[[], None] = field(default=lambda: None, repr=False)

    def create(self) -> Store:
        return open_store(self.location, self.key, mode="create")

    def open(self) -> Store:
        return open_store(self.location, self.key)


def store_under_test(backend: str, tmp_path: Path, pg_dsn: str | None = None) -> StoreUnderTest:
    if backend == "sqlcipher":
        return StoreUnderTest(backend, SQLCipherLocation(tmp_path / "contract.db"), RawKey(CONTRACT_KEY))
    if backend == "postgres":
        if pg_dsn is None:
            raise ValueError("the postgres backend needs the test server's DSN (the pg_dsn fixture)")
        schema = new_pg_schema("contract")
        return StoreUnderTest(
            backend, PostgresLocation(pg_dsn, schema), RawKey(CONTRACT_KEY), lambda: drop_pg_schema(pg_dsn, schema)
        )
    raise ValueError(f"no such store backend in the tests: {backend}")


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError("no such entry")
        del self.entries[(service, username)]


@contextmanager
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@contextmanager
def no_keyring() -> Iterator[None]:
    """The headless-Linux situation: keyring's fail backend."""
    import keyring.backends.fail

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


# Synthetic people (names from a fictional register; numbers are short and made up).
SYNTHETIC = [
    ("100001", "架空 花子", "カクウ ハナコ", dt.date(1985, 4, 12), "female", "0612999", "記号ア", "4821", "01"),
    ("100002", "試験 太郎", "シケン タロウ", dt.date(1972, 11, 3), "male", "3913999", "記号イ", "7350", "02"),
    ("100003", "見本 髙子", "ミホン タカコ", dt.date(2001, 1, 30), "female", "0113999", "記号ウ", "9164", ""),
]


def synthetic_patients() -> list[tuple[Patient, InsuranceIds]]:
    out = []
    for pid, name, kana, birth, sex, insurer, symbol, number, branch in SYNTHETIC:
        patient = Patient(pid, name, kana, birth, sex, f"架空県見本市{pid[-1]}丁目", f"090-0000-{pid[-4:]}")  # type: ignore[arg-type]
        out.append((patient, InsuranceIds(insurer, symbol, number, branch)))
    return out
