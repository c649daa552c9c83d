"""Ports: what the check-in needs from the layers below, as Protocols.

Thin adapters in `reception/adapters/` implement them over the real card, eligibility, connect and store
packages; the state machine knows only these names. Adapters translate the lower layers' typed errors into
`reception.errors` (card) or let `connect.errors` through (gateway/terminal), which the machine maps itself.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reception_app.reception.models import (
    BasicFour,
    CertificateFacts,
    Consents,
    InsuranceKey,
    PatientRecord,
    PersonFacts,
    RegistrationForm,
    Snapshot,
    Ticket,
)

if TYPE_CHECKING:  # a type only: the OQS models load with the merger, not with the check-in
    from reception_app.eligibility.models import MergedEligibility


class CardPort(Protocol):
    """One inserted card (adapter over `card.MyNumberCard`). Every call may raise `CardRemoved`/`CardFault`."""

    def identify(self) -> str:
        """SELECT the JPKI AP; returns the token type ("plastic", "android", "iphone"). Raises NotMyNumberCard."""
        ...

    def read_certificate(self, pin: str | None = None, *, allow_last_try: bool = False) -> CertificateFacts:
        """A phone token needs the auth PIN first (`pin`); a plastic card none."""
        ...

    def pin_tries_left(self) -> int:
        """The auth PIN retry counter, read WITHOUT spending a try."""
        ...

    def sign(self, challenge: bytes, pin: str, *, allow_last_try: bool = False) -> bytes:
        """Verify the typed PIN once and sign. Raises WrongPin(tries_left), PinBlocked, LastTryRefused."""
        ...

    def read_basic_four(self, text_pin: str) -> BasicFour: ...

    def close(self) -> None:
        """Release the card so the backend is ready for the next one."""
        ...


class EligibilityOutcome(Protocol):
    """What `connect` returns for one query (`connect.source.EligibilityOutcome`: result + subsidies + raw bytes +
    source + confirmed_at), as far as the check-in reads it; the merge adapter reads the result itself."""

    @property
    def source(self) -> str: ...

    @property
    def confirmed_at(self) -> datetime: ...

    @property
    def raw(self) -> bytes: ...

    @property
    def reference(self) -> str:
        """The face delivery id, req/res file identifier or gateway challenge id ("" if none)."""
        ...

    @property
    def received_at(self) -> datetime | None:
        """A face result offered again: when it was first offered."""
        ...

    @property
    def held_reason(self) -> str | None:
        """A face result offered again after a restart: why it was held for the staff then (None: it was not)."""
        ...


class EligibilityPort(Protocol):
    """The eligibility sources (adapter over `connect`). Offline errors: `connect.errors` Gateway*/ReqRes*."""

    def by_pin(
        self, certificate_der: bytes, sign: Callable[[bytes], bytes], *, timeout: float, consents: Consents
    ) -> EligibilityOutcome: ...

    def by_insurance_number(
        self, insurance: InsuranceKey, birth_date: date | None, *, timeout: float
    ) -> EligibilityOutcome: ...

    def register_reference_number(self, reference_number: str, insurance: InsuranceKey) -> None:
        """OQSsiimm01req: register the clinic's patient ID as 照会番号 (runs in the background)."""
        ...


class MergedView(Protocol):
    @property
    def json(self) -> str: ...

    @property
    def model(self) -> MergedEligibility | None: ...

    @property
    def warnings(self) -> tuple[str, ...]: ...


class MergePort(Protocol):
    """Adapter over `eligibility`: facts for matching, and the merged view with the chart."""

    def facts(self, outcome: EligibilityOutcome) -> PersonFacts: ...

    def merge(self, outcome: EligibilityOutcome, chart: PatientRecord | None, visit_date: date) -> MergedView: ...

    def read_snapshot(self, merged_json: str) -> MergedEligibility | None:
        """The merged view back from a stored snapshot (`MergedView.json`); None when this version cannot read it."""
        ...


class StorePort(Protocol):
    """Adapter over `store.Store`. Writes inside `transaction()` are all-or-nothing."""

    def transaction(self) -> AbstractContextManager[None]: ...

    def patient(self, patient_id: str) -> PatientRecord | None: ...

    def find_by_reference_number(self, reference_number: str) -> PatientRecord | None: ...

    def find_by_insurance_key(self, key: str) -> PatientRecord | None: ...

    def find_by_kana_birth_date(self, kana: str, birth_date: date) -> list[PatientRecord]: ...

    def find_by_card_subject(self, subject: str) -> PatientRecord | None: ...

    def create_patient(self, form: RegistrationForm) -> PatientRecord: ...

    def link_card(self, patient_id: str, subject: str) -> None: ...

    def link_insurance(self, patient_id: str, insurance: InsuranceKey) -> None:
        """Make `insurance` the patient's current insurance link (the old one stays in the link history)."""
        ...

    def link_reference_number(self, patient_id: str, reference_number: str) -> None:
        """Records that OQS now knows `reference_number` (照会番号) for this patient."""
        ...

    def add_visit(self, patient_id: str, visit_date: date, channel: str, *, offline: bool, declaration: bool) -> int:
        """Adds the visit to the day's queue; returns the queue number."""
        ...

    def save_snapshot(self, patient_id: str, merged_json: str, raw: bytes, source: str, confirmed_at: datetime) -> None:
        ...

    def latest_snapshot(self, patient_id: str) -> Snapshot | None: ...

    def queue_reconfirmation(self, patient_id: str, reason: str) -> None: ...

    def pending_reconfirmations(self) -> list[str]:
        """Patient ids with a re-confirmation waiting."""
        ...

    def complete_reconfirmation(self, patient_id: str) -> None: ...

    def audit(self, action: str, details: dict[str, str]) -> None: ...


class PrinterPort(Protocol):
    def print_ticket(self, ticket: Ticket) -> Path | None:
        """Prints the 受付票; returns the file when it printed to a file (PDF)."""
        ...


class BackgroundPort(Protocol):
    """Runs work that must not hold up the day's reception (e.g. 照会番号 registration)."""

    def submit(self, name: str, fn: Callable[[], None]) -> None: ...


Clock = Callable[[], datetime]
