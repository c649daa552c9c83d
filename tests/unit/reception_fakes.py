"""In-memory stand-ins for the reception ports, for the state-machine unit tests only.

The integration tests (tests/integration/test_reception_*.py) run the same scenarios over the real card simulator,
the real OQS simulator over loopback HTTP and a real SQLCipher file.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reception_app.eligibility.normalize import kana_key
from reception_app.reception import errors
from reception_app.reception.models import (
    BasicFour,
    CertificateFacts,
    CertificateStatus,
    Consents,
    InsuranceKey,
    PatientRecord,
    PersonFacts,
    RegistrationForm,
    Snapshot,
    Ticket,
)

NOW = datetime(2026, 11, 25, 9, 30)


class FakeCard:
    def __init__(self, subject: str = "CN-A", tries: int = 3, pin: str = "1234", token: str = "plastic",
                 status: CertificateStatus = CertificateStatus.VALID, my_number_card: bool = True) -> None:
        self.subject, self.tries, self.pin, self.token, self.status = subject, tries, pin, token, status
        self.my_number_card = my_number_card
        self.verifications = 0
        self.closed = False
        self.removed = False
        self.on_sign: Callable[[], None] | None = None

    def _check(self) -> None:
        if self.removed:
            raise errors.CardRemoved()

    def identify(self) -> str:
        self._check()
        if not self.my_number_card:
            raise errors.NotMyNumberCard()
        return self.token

    def read_certificate(self, pin: str | None = None, *, allow_last_try: bool = False) -> CertificateFacts:
        self._check()
        if self.token != "plastic":
            assert pin is not None
            self.verifications += 1
            if pin != self.pin:
                self.tries -= 1
                raise errors.WrongPin(self.tries)
        return CertificateFacts(self.subject, b"DER", datetime(2030, 1, 1), self.status)

    def pin_tries_left(self) -> int:
        self._check()
        return self.tries

    def sign(self, challenge: bytes, pin: str, *, allow_last_try: bool = False) -> bytes:
        self._check()
        if self.on_sign:
            self.on_sign()
            self._check()
        if self.tries == 0:
            raise errors.PinBlocked()
        if self.tries == 1 and not allow_last_try:
            raise errors.LastTryRefused()
        self.verifications += 1
        if pin != self.pin:
            self.tries -= 1
            if self.tries == 0:
                raise errors.PinBlocked()
            raise errors.WrongPin(self.tries)
        self.tries = 3
        return b"SIG" + challenge

    def read_basic_four(self, text_pin: str) -> BasicFour:
        self._check()
        return BasicFour("山田　陽太", "東京都調布市小島町２－３６－１", date(2022, 6, 15), "1")

    def close(self) -> None:
        self.closed = True


@dataclass
class FakeOutcome:
    facts: PersonFacts
    source: str = "gateway"
    confirmed_at: datetime = NOW
    raw: bytes = b"<xml/>"
    reference: str = ""  # the face delivery id (the router's handle for held results)
    received_at: datetime | None = None  # face: first offered (a result offered again)
    held_reason: str | None = None  # face: held when the app last stopped (offered again after a restart)


class FakeEligibility:
    def __init__(self) -> None:
        self.answers: dict[str, FakeOutcome] = {}  # by certificate subject / insurance key
        self.offline = False
        self.registered: list[tuple[str, str]] = []
        self.by_insurance: FakeOutcome | None = None
        self.card_subject = "CN-A"

    def by_pin(
        self, certificate_der: bytes, sign: Callable[[bytes], bytes], *, timeout: float, consents: Consents
    ) -> Any:
        self.consents = consents
        from reception_app.connect.errors import GatewayUnavailable

        if self.offline:
            raise GatewayUnavailable()
        sign(b"challenge")
        return self.answers[self.card_subject]

    def by_insurance_number(self, insurance: InsuranceKey, birth_date: date | None, *, timeout: float) -> Any:
        from reception_app.connect.errors import ReqResTimeout

        if self.offline:
            raise ReqResTimeout()
        return self.answers[insurance.key]

    def register_reference_number(self, reference_number: str, insurance: InsuranceKey) -> None:
        self.registered.append((reference_number, insurance.key))


@dataclass(frozen=True)
class FakeMerged:
    json: str
    model: Any
    warnings: tuple[str, ...]


class FakeMerger:
    def facts(self, outcome: Any) -> PersonFacts:
        return outcome.facts  # type: ignore[no-any-return]

    def merge(self, outcome: Any, chart: PatientRecord | None, visit_date: date) -> FakeMerged:
        warnings = ("gaiji_in_name",) if "●" in outcome.facts.name else ()
        body = json.dumps({"name": outcome.facts.name, "chart": chart is not None}, ensure_ascii=False)
        return FakeMerged(body, None, warnings)

    def read_snapshot(self, merged_json: str) -> None:
        return None  # the fake's JSON is not a merged view


@dataclass
class MemoryStore:
    patients: dict[str, PatientRecord] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    card_links: dict[str, str] = field(default_factory=dict)
    visits: list[tuple[str, date, str, bool, bool]] = field(default_factory=list)
    snapshots: dict[str, Snapshot] = field(default_factory=dict)
    reconfirm: set[str] = field(default_factory=set)
    audits: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    fail_on_visit: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, patient: PatientRecord, ref: str | None = None, card: str | None = None) -> None:
        self.patients[patient.patient_id] = patient
        if ref:
            self.refs[ref] = patient.patient_id
        if card:
            self.card_links[card] = patient.patient_id

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        saved = {k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else set(v))
                 for k, v in vars(self).items() if isinstance(v, dict | list | set)}
        try:
            yield
        except BaseException:
            for k, v in saved.items():
                setattr(self, k, v)
            raise

    def patient(self, patient_id: str) -> PatientRecord | None:
        return self.patients.get(patient_id)

    def find_by_reference_number(self, reference_number: str) -> PatientRecord | None:
        pid = self.refs.get(reference_number)
        return self.patients.get(pid) if pid else None

    def find_by_insurance_key(self, key: str) -> PatientRecord | None:
        return next((p for p in self.patients.values() if p.insurance and p.insurance.key == key), None)

    def find_by_kana_birth_date(self, kana: str, birth_date: date) -> list[PatientRecord]:
        return [p for p in self.patients.values() if kana_key(p.kana) == kana and p.birth_date == birth_date]

    def find_by_card_subject(self, subject: str) -> PatientRecord | None:
        pid = self.card_links.get(subject)
        return self.patients.get(pid) if pid else None

    def create_patient(self, form: RegistrationForm) -> PatientRecord:
        pid = f"P{len(self.patients) + 1:05d}"
        rec = PatientRecord(pid, form.name, form.kana, form.birth_date, form.sex, form.address)
        self.patients[pid] = rec
        return rec

    def link_card(self, patient_id: str, subject: str) -> None:
        self.card_links[subject] = patient_id

    def link_insurance(self, patient_id: str, insurance: InsuranceKey) -> None:
        self.patients[patient_id] = replace(self.patients[patient_id], insurance=insurance)

    def link_reference_number(self, patient_id: str, reference_number: str) -> None:
        self.refs[reference_number] = patient_id

    def add_visit(self, patient_id: str, visit_date: date, channel: str, *, offline: bool, declaration: bool) -> int:
        if self.fail_on_visit:
            raise RuntimeError("disk full")
        self.visits.append((patient_id, visit_date, channel, offline, declaration))
        return len(self.visits)

    def save_snapshot(self, patient_id: str, merged_json: str, raw: bytes, source: str, confirmed_at: datetime) -> None:
        self.snapshots[patient_id] = Snapshot(patient_id, merged_json, source, confirmed_at)

    def latest_snapshot(self, patient_id: str) -> Snapshot | None:
        return self.snapshots.get(patient_id)

    def queue_reconfirmation(self, patient_id: str, reason: str) -> None:
        self.reconfirm.add(patient_id)

    def pending_reconfirmations(self) -> list[str]:
        return sorted(self.reconfirm)

    def complete_reconfirmation(self, patient_id: str) -> None:
        self.reconfirm.discard(patient_id)

    def audit(self, action: str, details: dict[str, str]) -> None:
        self.audits.append((action, details))

    def actions(self) -> list[str]:
        return [a for a, _ in self.audits]


class ListPrinter:
    def __init__(self, folder: Path | None = None) -> None:
        self.tickets: list[Ticket] = []

    def print_ticket(self, ticket: Ticket) -> Path | None:
        self.tickets.append(ticket)
        return None


class InlineBackground:
    def __init__(self) -> None:
        self.names: list[str] = []

    def submit(self, name: str, fn: Callable[[], None]) -> None:
        self.names.append(name)
        fn()
