"""The store interface callers use, and its records.

`reception/` and `ui/` depend only on `Store` and these dataclasses, so a PostgreSQL backend for multi-desk sites can
be added beside `sqlcipher.py` without touching them. Backend-specific operations (SQLCipher keys) live in the
backend module.
"""

from __future__ import annotations

import abc
import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Literal, Self

Channel = Literal["desk", "kiosk"]
VisitStatus = Literal["waiting", "called", "done", "cancelled"]
SnapshotSource = Literal["face", "pin", "insurance_number", "offline"]
Sex = Literal["male", "female", "unknown"]
Role = Literal["admin", "clerk", "viewer"]
KeyMethod = Literal["keyring", "passphrase"]  # where the key of a store encrypted by the app lives

CHANNELS: tuple[Channel, ...] = ("desk", "kiosk")
VISIT_STATUSES: tuple[VisitStatus, ...] = ("waiting", "called", "done", "cancelled")
SNAPSHOT_SOURCES: tuple[SnapshotSource, ...] = ("face", "pin", "insurance_number", "offline")
SEXES: tuple[Sex, ...] = ("male", "female", "unknown")
ROLES: tuple[Role, ...] = ("admin", "clerk", "viewer")

# Retention of eligibility snapshots and raw results (the guideline leaves a reception log's period UNCONFIRMED;
# three years is the product's default and is configurable per call/CLI).
DEFAULT_SNAPSHOT_RETENTION_DAYS = 3 * 365 + 1


def staff_actor(staff_user_id: int) -> str:
    """The audit `who` of a staff member."""
    return f"staff:{staff_user_id}"


def kiosk_actor(name: str) -> str:
    """The audit `who` of a patient kiosk."""
    return f"kiosk:{name}"


SYSTEM_ACTOR = "system"


@dataclass(frozen=True)
class Patient:
    patient_id: str  # the clinic's own patient ID (診察券番号)
    name: str
    kana: str
    birth_date: dt.date
    sex: Sex = "unknown"
    address: str = ""
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True)
class InsuranceIds:
    """An insurance card's identifiers as printed (original text kept; the store adds the normalised key)."""

    insurer_number: str
    symbol: str
    number: str
    branch: str = ""


@dataclass(frozen=True)
class LinkRequest:
    """What to link to a patient. At least one of the three must be given."""

    reference_number: str | None = None  # 照会番号 registered in OQS
    insurance: InsuranceIds | None = None
    cert_subject: str | None = None  # the card certificate's subject CN


@dataclass(frozen=True)
class Link:
    id: int
    patient_id: str
    reference_number: str | None
    insurance: InsuranceIds | None
    insurance_key: str | None
    cert_subject: str | None
    valid_from: dt.datetime
    valid_to: dt.datetime | None  # None: the current link

    @property
    def active(self) -> bool:
        return self.valid_to is None


@dataclass(frozen=True)
class Visit:
    """One check-in: an entry of a day's queue."""

    id: int
    patient_id: str
    visit_date: dt.date
    queue_number: int
    checked_in_at: dt.datetime
    channel: Channel
    status: VisitStatus
    offline: bool = False  # checked in without a confirmed eligibility result
    declaration: bool = False  # the 被保険者資格申立書 path was used


@dataclass(frozen=True)
class SnapshotInput:
    """An eligibility result to keep for the offline cache."""

    confirmed_at: dt.datetime
    source: SnapshotSource
    summary: dict[str, Any]
    raw: bytes = b""
    patient_id: str | None = None
    visit_id: int | None = None
    insurance: InsuranceIds | None = None
    cert_subject: str | None = None


@dataclass(frozen=True)
class EligibilitySnapshot:
    id: int
    confirmed_at: dt.datetime
    source: SnapshotSource
    summary: dict[str, Any]
    raw: bytes
    patient_id: str | None
    visit_id: int | None
    insurance_key: str | None
    cert_subject: str | None


@dataclass(frozen=True)
class PendingReconfirmation:
    """An offline check-in whose eligibility must be confirmed when the connection is back."""

    id: int
    patient_id: str
    visit_id: int | None
    reason: str
    created_at: dt.datetime
    resolved_at: dt.datetime | None


@dataclass(frozen=True)
class StaffUser:
    id: int
    login: str
    display_name: str
    role: Role
    active: bool


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: str  # UTC, ISO 8601
    actor: str  # "staff:<id>", "kiosk:<name>" or "system"
    action: str
    subject: str | None  # patient ID
    details: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditVerification:
    ok: bool
    records: int
    first_bad_id: int | None = None
    problem: str | None = None


@dataclass(frozen=True)
class PurgeReport:
    cutoff: dt.datetime
    snapshots: int
    dry_run: bool


@dataclass(frozen=True)
class StoreInfo:
    backend: str
    schema_version: int
    counts: dict[str, int] = field(default_factory=dict)


class Store(abc.ABC):
    """Everything the reception flow needs from persistence. Every method that shows or changes personal data
    takes the `actor` and writes the audit record in the same transaction.

    Get one from `reception_app.store.open_store` (the factory), never from a backend class; every backend must pass
    the contract suite in `tests/unit/store_contract/`."""

    # lifecycle
    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @abc.abstractmethod
    def info(self) -> StoreInfo: ...

    @abc.abstractmethod
    def schema_version(self) -> int: ...

    def start_warm_up(self) -> None:
        """Starts loading what lookups need into memory in the background (the factory does it unless told not
        to). A backend with nothing to warm does nothing."""
        return None  # deliberately not abstract: only a local file has a page cache worth warming

    def wait_warm_up(self, timeout: float | None = None) -> bool:
        """Whether a started warm-up has finished within `timeout` seconds (True when there is none)."""
        return True

    @abc.abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Groups several calls into one all-or-nothing transaction (may nest)."""

    # patients
    @abc.abstractmethod
    def register_patient(self, patient: Patient, actor: str) -> Patient:
        """Adds a patient; an empty `patient_id` gets the next free numeric ID. Returns the stored patient."""

    @abc.abstractmethod
    def update_patient(self, patient: Patient, actor: str) -> Patient: ...

    @abc.abstractmethod
    def get_patient(self, patient_id: str) -> Patient | None: ...

    @abc.abstractmethod
    def find_by_kana_prefix(self, prefix: str, limit: int = 50) -> list[Patient]: ...

    @abc.abstractmethod
    def find_by_birth_date(self, birth_date: dt.date, limit: int = 50) -> list[Patient]: ...

    @abc.abstractmethod
    def find_by_kana_and_birth_date(self, kana: str, birth_date: dt.date, limit: int = 50) -> list[Patient]:
        """Match candidates (same normalised kana, same birth date); staff choose, the app never auto-picks."""

    @abc.abstractmethod
    def find_by_phone(self, phone: str, limit: int = 50) -> list[Patient]: ...

    @abc.abstractmethod
    def find_by_reference_number(self, reference_number: str) -> Patient | None: ...

    @abc.abstractmethod
    def find_by_insurance(self, insurance: InsuranceIds) -> Patient | None: ...

    @abc.abstractmethod
    def find_by_insurance_key(self, insurance_key: str) -> Patient | None: ...

    @abc.abstractmethod
    def find_by_cert_subject(self, cert_subject: str) -> Patient | None: ...

    # links (マイナ診察券)
    @abc.abstractmethod
    def link(self, patient_id: str, request: LinkRequest, actor: str) -> Link: ...

    @abc.abstractmethod
    def unlink(self, patient_id: str, actor: str) -> None: ...

    @abc.abstractmethod
    def current_link(self, patient_id: str) -> Link | None: ...

    @abc.abstractmethod
    def link_history(self, patient_id: str) -> list[Link]: ...

    # visits and the day's queue
    @abc.abstractmethod
    def check_in(
        self,
        patient_id: str,
        channel: Channel,
        actor: str,
        at: dt.datetime | None = None,
        *,
        day: dt.date | None = None,
        offline: bool = False,
        declaration: bool = False,
    ) -> Visit:
        """Adds the patient to the day's queue (default: the local day of `at`) with the next queue number."""

    @abc.abstractmethod
    def queue(self, day: dt.date) -> list[Visit]: ...

    @abc.abstractmethod
    def visits_of(self, patient_id: str) -> list[Visit]:
        """Every visit of a patient, oldest first."""

    @abc.abstractmethod
    def set_visit_status(self, visit_id: int, status: VisitStatus, actor: str) -> Visit: ...

    # eligibility snapshots (offline cache)
    @abc.abstractmethod
    def save_snapshot(self, snapshot: SnapshotInput, actor: str) -> EligibilitySnapshot: ...

    @abc.abstractmethod
    def latest_snapshot_for_patient(self, patient_id: str, actor: str) -> EligibilitySnapshot | None: ...

    @abc.abstractmethod
    def latest_snapshot_for_insurance(self, insurance_key: str, actor: str) -> EligibilitySnapshot | None: ...

    @abc.abstractmethod
    def latest_snapshot_for_cert_subject(self, cert_subject: str, actor: str) -> EligibilitySnapshot | None: ...

    # pending re-confirmations
    @abc.abstractmethod
    def add_pending_reconfirmation(
        self, patient_id: str, visit_id: int | None, reason: str, actor: str
    ) -> PendingReconfirmation: ...

    @abc.abstractmethod
    def pending_reconfirmations(self) -> list[PendingReconfirmation]: ...

    @abc.abstractmethod
    def resolve_reconfirmation(self, pending_id: int, actor: str) -> None: ...

    # staff users
    @abc.abstractmethod
    def add_staff_user(self, login: str, display_name: str, role: Role, password: str, actor: str) -> StaffUser: ...

    @abc.abstractmethod
    def authenticate(self, login: str, password: str) -> StaffUser | None: ...

    # audit and retention
    @abc.abstractmethod
    def audit(self, actor: str, action: str, subject: str | None, details: dict[str, Any] | None = None) -> None:
        """Appends an audit record (details must hold no names and no full insurance numbers: use audit.mask)."""

    @abc.abstractmethod
    def record_export(self, actor: str, subject: str | None, details: dict[str, Any]) -> None: ...

    @abc.abstractmethod
    def audit_records(self, after_id: int = 0, limit: int = 1000) -> list[AuditRecord]: ...

    def latest_audit_id(self) -> int:
        """The id of the newest audit record (0 when there is none): where a reader of new records starts.
        A backend answers it in one query; this default finds it by paging (ids only grow)."""
        def after(record_id: int) -> bool:
            return bool(self.audit_records(after_id=record_id, limit=1))

        if not after(0):
            return 0
        low, high = 0, 1  # a record after `low`, none after `high`: the newest id is in (low, high]
        while after(high):
            low, high = high, high * 2
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if after(middle) else (low, middle)
        return high

    @abc.abstractmethod
    def verify_audit(self) -> AuditVerification: ...

    @abc.abstractmethod
    def purge(self, older_than_days: int, dry_run: bool, actor: str) -> PurgeReport: ...


class KeyedStore(Store):
    """A store whose data the app encrypts under a key it holds (SQLCipher's file). A server database is not one:
    its credentials belong to the server. `db rekey` needs this; callers check with isinstance, never by backend."""

    @abc.abstractmethod
    def rekey(self, method: KeyMethod, actor: str, new_passphrase: str | None = None) -> None:
        """Re-encrypts under a new key (keyring or passphrase) and audits it as a key change."""
