"""Encrypted store (SQLCipher): patients, card and insurance links, visits, eligibility cache, audit chain.

Callers depend on `Store` and the records in `base`; `open_store()` returns the SQLCipher backend.
"""

from __future__ import annotations

from pathlib import Path

from reception_app.store.base import (
    DEFAULT_SNAPSHOT_RETENTION_DAYS,
    SYSTEM_ACTOR,
    AuditRecord,
    AuditVerification,
    EligibilitySnapshot,
    InsuranceIds,
    Link,
    LinkRequest,
    Patient,
    PendingReconfirmation,
    PurgeReport,
    SnapshotInput,
    StaffUser,
    Store,
    StoreInfo,
    Visit,
    kiosk_actor,
    staff_actor,
)
from reception_app.store.errors import (
    DatabaseCorruptError,
    DatabaseExistsError,
    DatabaseMissingError,
    DuplicatePatientError,
    InvalidRecordError,
    KeyUnavailableError,
    LinkConflictError,
    NotFoundError,
    SchemaTooNewError,
    StorageFullError,
    StorageIOError,
    StorageLockedError,
    StorageReadOnlyError,
    StoreError,
    WrongKeyError,
)
from reception_app.store.keys import PassphraseSource
from reception_app.store.sqlcipher import SQLCipherStore, default_db_path


def open_store(
    path: Path | None = None, *, passphrase: PassphraseSource = None, use_keyring: bool = True
) -> Store:
    """Opens the clinic's database (default: `reception.db` in the user data folder). Never creates one."""
    return SQLCipherStore.open(path, passphrase=passphrase, use_keyring=use_keyring)


__all__ = [
    "DEFAULT_SNAPSHOT_RETENTION_DAYS",
    "SYSTEM_ACTOR",
    "AuditRecord",
    "AuditVerification",
    "DatabaseCorruptError",
    "DatabaseExistsError",
    "DatabaseMissingError",
    "DuplicatePatientError",
    "EligibilitySnapshot",
    "InsuranceIds",
    "InvalidRecordError",
    "KeyUnavailableError",
    "Link",
    "LinkConflictError",
    "LinkRequest",
    "NotFoundError",
    "Patient",
    "PendingReconfirmation",
    "PurgeReport",
    "SQLCipherStore",
    "SchemaTooNewError",
    "SnapshotInput",
    "StaffUser",
    "StorageFullError",
    "StorageIOError",
    "StorageLockedError",
    "StorageReadOnlyError",
    "Store",
    "StoreError",
    "StoreInfo",
    "Visit",
    "WrongKeyError",
    "default_db_path",
    "kiosk_actor",
    "open_store",
    "staff_actor",
]
