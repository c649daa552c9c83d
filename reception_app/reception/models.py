"""Plain, immutable values the check-in works with (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from enum import StrEnum

from reception_app.eligibility.normalize import insurance_key, kana_key, name_key, normalize_text


class Channel(StrEnum):
    DESK = "desk"
    KIOSK = "kiosk"


class CertificateStatus(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"


@dataclass(frozen=True)
class CertificateFacts:
    """What the check-in needs from the JPKI authentication certificate."""

    subject: str  # subject CN: the key of the card link (no personal data in the auth certificate)
    der: bytes
    not_after: datetime | None
    status: CertificateStatus


@dataclass(frozen=True)
class Consents:
    """The patient's answers on the consent screens of the PIN path (all default to "no", as at the reader)."""

    medication_info: bool = False
    diagnosis_info: bool = False
    health_checkup_info: bool = False
    operation_info: bool = False
    limit_application_info: bool = False
    medical_subsidy_info: bool = False  # PMH: 医療費助成の受給者証を利用する

    @classmethod
    def all_given(cls) -> Consents:
        return cls(True, True, True, True, True, True)


@dataclass(frozen=True)
class ConsentAnswers:
    """What the kiosk's consent screens ask at every visit, as the certified face readers do: the past 診療・薬剤情報
    (medication, diagnosis and operation records) and the 特定健診 results. The kinds not asked keep the site's
    default (`SessionDeps.default_consents`)."""

    medical_info: bool
    health_checkups: bool

    def applied_to(self, base: Consents) -> Consents:
        return replace(
            base,
            medication_info=self.medical_info,
            diagnosis_info=self.medical_info,
            operation_info=self.medical_info,
            health_checkup_info=self.health_checkups,
        )


@dataclass(frozen=True)
class InsuranceKey:
    """(保険者番号, 記号, 番号, 枝番) as delivered; `key` is the normalised form used for matching."""

    insurer_number: str
    symbol: str
    number: str
    branch: str

    @property
    def key(self) -> str:
        return insurance_key(self.insurer_number, self.symbol, self.number, self.branch)

    def __repr__(self) -> str:  # never the full number in a log line
        return f"InsuranceKey({self.masked()!r})"

    def masked(self) -> str:
        """For screens and messages where the full number must not appear: insurer number and the last 2 digits."""
        tail = normalize_text(self.number)[-2:]
        return f"{self.insurer_number.strip()} ***{tail}"


@dataclass(frozen=True)
class PersonFacts:
    """What an eligibility result says about the person (extracted by the eligibility adapter)."""

    name: str
    kana: str
    birth_date: date | None
    sex: str
    address: str
    reference_number: str | None
    insurance: InsuranceKey | None
    qualification_validity: str


@dataclass(frozen=True)
class PatientRecord:
    """The clinic's own patient record (chart), as the store returns it."""

    patient_id: str
    name: str
    kana: str
    birth_date: date | None
    sex: str
    address: str = ""
    insurance: InsuranceKey | None = None


# Fields compared between a candidate and the eligibility result, in display order.
COMPARED_FIELDS: tuple[str, ...] = ("name", "kana", "birth_date", "sex", "address", "insurance")


def differing_fields(patient: PatientRecord, facts: PersonFacts | None) -> frozenset[str]:
    """Which fields of the chart differ from the result (after normalisation; empty values never differ)."""
    if facts is None:
        return frozenset()
    out: set[str] = set()
    if facts.name and name_key(facts.name) != name_key(patient.name):
        out.add("name")
    if facts.kana and kana_key(facts.kana) != kana_key(patient.kana):
        out.add("kana")
    if facts.birth_date and facts.birth_date != patient.birth_date:
        out.add("birth_date")
    if facts.sex and patient.sex and facts.sex != patient.sex:
        out.add("sex")
    if facts.address and patient.address and normalize_text(facts.address) != normalize_text(patient.address):
        out.add("address")
    if facts.insurance and (patient.insurance is None or facts.insurance.key != patient.insurance.key):
        out.add("insurance")
    return frozenset(out)


@dataclass(frozen=True)
class Candidate:
    """A possible patient for the staff to choose; `differences` names the fields that differ from the result."""

    patient: PatientRecord
    matched_by: str  # "kana_birth_date" | "card_link" | "reference_number" | "insurance_key" | "offline_card_link"
    differences: frozenset[str]


@dataclass(frozen=True)
class RegistrationForm:
    """A new patient; `prefill_form` fills it from the result, staff edit it, `register_new` submits it."""

    name: str
    kana: str
    birth_date: date | None
    sex: str
    address: str = ""
    phone: str = ""

    def problems(self) -> dict[str, str]:
        """Field → message for every field that cannot be saved as it is."""
        out: dict[str, str] = {}
        if not self.name.strip():
            out["name"] = "The name is required."
        if not self.kana.strip():
            out["kana"] = "The kana name is required."
        if self.birth_date is None:
            out["birth_date"] = "The birth date is required."
        if self.sex not in ("1", "2", "3"):
            out["sex"] = "The sex must be 1 (male), 2 (female) or 3 (not set)."
        return out


def prefill_form(facts: PersonFacts | None) -> RegistrationForm:
    if facts is None:
        return RegistrationForm(name="", kana="", birth_date=None, sex="", address="")
    return RegistrationForm(
        name=facts.name, kana=facts.kana, birth_date=facts.birth_date, sex=facts.sex, address=facts.address
    )


@dataclass(frozen=True)
class BasicFour:
    """The card's 基本4情報 (text AP, with the 券面事項入力補助 PIN). Never contains the individual number."""

    name: str
    address: str
    birth_date: date | None
    sex: str


@dataclass(frozen=True)
class Snapshot:
    """One eligibility snapshot in the encrypted offline cache."""

    patient_id: str
    merged_json: str
    source: str
    confirmed_at: datetime


@dataclass(frozen=True)
class Ticket:
    """What the 受付票 shows. No insurance numbers, no internal IDs beyond the queue number."""

    queue_number: int
    visit_date: date
    checked_in_at: datetime
    channel: Channel
    qr_payload: str


def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
