"""Typed errors of the store. Each has a stable `code` (the UI translates by code) and a clear English message.

The messages name files (or a server location without its password) and what to do, never personal data or key
material. `where` is a file path, or a PostgreSQL location as `store.dsn.redact_dsn` shows it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reception_app.errors import AppError

Where = Path | str  # a database file, or a server location with its password removed


class StoreError(AppError):
    """Base of every error the store raises on purpose."""

    code = "store_layer_error"  # not "store_error": that is reception.StoreFailed's, the check-in's end reason

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _PathError(StoreError):
    """An error about one database file: the file is the translated message's %1."""

    def __init__(self, path: Where, message: str) -> None:
        super().__init__(message)
        self.path = path

    def message_args(self) -> tuple[str, ...]:
        return (str(self.path),)


class WrongKeyError(_PathError):
    code = "store_wrong_key"

    def __init__(self, path: Where) -> None:
        super().__init__(
            path,
            f"The database {path} cannot be opened with this key or passphrase. Nothing was changed. "
            "Enter the right passphrase, or restore the key in the OS keyring."
        )


class KeyUnavailableError(StoreError):
    """No key could be found: no keyring backend, no entry for this database, and no passphrase given."""

    code = "store_key_unavailable"

    def __init__(self, detail: str) -> None:
        super().__init__(f"The database key is not available: {detail}")


# Why no key was found: one class each, so each keeps its own code (store/keys.py picks the class).


class KeyringUnavailableError(KeyUnavailableError):
    code = "store_keyring_unavailable"


class NoKeyringNoPassphraseError(KeyUnavailableError):
    code = "store_no_keyring_no_passphrase"


class KeyringEntryMissingError(KeyUnavailableError):
    code = "store_keyring_entry_missing"


class PassphraseRequiredError(KeyUnavailableError):
    code = "store_passphrase_required"


class PassphraseTooShortError(KeyUnavailableError):
    code = "store_passphrase_too_short"


class DatabaseMissingError(_PathError):
    code = "store_database_missing"

    def __init__(self, path: Where) -> None:
        super().__init__(
            path,
            f"There is no database at {path}. Create one with `reception-app db init` "
            "(a new database is never created implicitly)."
        )


class DatabaseExistsError(_PathError):
    code = "store_database_exists"

    def __init__(self, path: Where) -> None:
        super().__init__(path, f"A database already exists at {path}; it was left untouched.")


class DatabaseCorruptError(_PathError):
    code = "store_database_corrupt"

    def __init__(self, path: Where, detail: str) -> None:
        super().__init__(
            path, f"The database {path} is damaged ({detail}). Restore it from a backup; it was not modified."
        )


class SchemaTooNewError(StoreError):
    code = "store_schema_too_new"

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"The database has schema version {found}, newer than this app supports ({supported}). "
            "Update the app; the database was not modified."
        )


class StorageFullError(_PathError):
    code = "store_disk_full"

    def __init__(self, path: Where) -> None:
        super().__init__(
            path,
            f"The disk holding {path} is full. The last change was not saved; everything saved before is intact. "
            "Free some space and try again."
        )


class StorageReadOnlyError(_PathError):
    code = "store_read_only"

    def __init__(self, path: Where) -> None:
        super().__init__(
            path,
            f"The database {path} or its folder is read-only, so nothing can be saved. "
            "Everything saved before is intact. Check the folder's permissions or the drive."
        )


class StorageLockedError(_PathError):
    code = "store_locked"

    def __init__(self, path: Where) -> None:
        super().__init__(
            path,
            f"The database {path} is busy (locked by another program or window). Nothing was lost; try again."
        )


class StorageIOError(_PathError):
    code = "store_io_error"

    def __init__(self, path: Where, detail: str) -> None:
        super().__init__(path, f"Reading or writing {path} failed ({detail}). The last change was not saved.")


class NotFoundError(StoreError):
    code = "store_not_found"

    def __init__(self, what: str) -> None:
        super().__init__(f"Not found: {what}.")


class DuplicatePatientError(StoreError):
    code = "store_duplicate_patient"

    def __init__(self, patient_id: str) -> None:
        super().__init__(f"A patient with ID {patient_id} already exists; nothing was changed.")


class LinkConflictError(StoreError):
    """The card or insurance key is already linked to another patient (staff must resolve it, never the app)."""

    code = "store_link_conflict"

    def __init__(self, field: str, other_patient_id: str) -> None:
        self.field = field
        self.other_patient_id = other_patient_id
        super().__init__(
            f"This {field} is already linked to patient {other_patient_id}. Unlink it there first; nothing was changed."
        )


class InvalidRecordError(StoreError):
    code = "store_invalid_record"

    def __init__(self, detail: str) -> None:
        super().__init__(f"Invalid record: {detail}")


class StoreUnsupportedError(StoreError):
    """A store location or operation this version cannot serve (e.g. a PostgreSQL URL before that backend exists)."""

    code = "store_unsupported"

    def __init__(self, detail: str) -> None:
        super().__init__(f"Not supported yet: {detail}. Nothing was opened or changed.")


class AlreadyCheckedInError(StoreError):
    """The patient already has an open visit (waiting or called) that day: a shared queue gives one visit, and the
    second desk or kiosk is told where and when the first check-in was made."""

    code = "store_already_checked_in"

    def __init__(
        self, patient_id: str, checked_in_at: dt.datetime, where: str, queue_number: int, visit_id: int
    ) -> None:
        self.patient_id = patient_id
        self.checked_in_at = checked_in_at
        self.where = where
        self.queue_number = queue_number
        self.visit_id = visit_id
        local = checked_in_at.astimezone()  # the reception PC's clock, as the queue shows it
        super().__init__(
            f"Patient {patient_id} is already checked in at {local:%H:%M} ({where}), queue number {queue_number}; "
            "no second visit was made."
        )

    def message_args(self) -> tuple[str, ...]:
        return (f"{self.checked_in_at.astimezone():%H:%M}", self.where, f"{self.queue_number:03d}")


class ConcurrentUpdateError(StoreError):
    """Another desk changed the same record at the same moment; this change was not made."""

    code = "store_concurrent_update"

    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what} was changed at another desk at the same moment; nothing was changed here. Look again and retry."
        )


class _ServerError(StoreError):
    """An error about the shared server: its location (no password) is the translated message's %1."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(message)
        self.where = where

    def message_args(self) -> tuple[str, ...]:
        return (self.where,)


class ServerUnreachableError(_ServerError):
    code = "store_server_unreachable"

    def __init__(self, where: str, detail: str) -> None:
        super().__init__(
            where,
            f"The shared database server {where} cannot be reached ({detail}). Nothing was changed; "
            "check the network and the server, then try again."
        )


class ServerAuthError(_ServerError):
    code = "store_server_auth_failed"

    def __init__(self, where: str) -> None:
        super().__init__(
            where,
            f"The shared database server {where} refused the login (wrong user or password, or pg_hba does not "
            "allow this connection). Nothing was changed."
        )


class StorePermissionError(_ServerError):
    """The server role lacks a right this operation needs (or tried one it must never have)."""

    code = "store_permission_denied"

    def __init__(self, where: str, detail: str) -> None:
        super().__init__(where, f"The database role may not do this on {where} ({detail}). Nothing was changed.")
