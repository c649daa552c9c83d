"""One visit as a FHIR R4 Bundle in JP Core's profiles: JP_Patient, JP_Coverage (the insurance and one per 公費),
JP_Organization (the clinic, the insurer, each 公費負担者) and JP_Encounter (the check-in).

The field mapping, with the JP Core page each element comes from and what is UNCONFIRMED, is the table in
docs/handoff.md ("FHIR JP Core"); the constants below carry the same names. The 12-digit individual number (マイナン
バー) is never read here and never exported: the merged view does not hold it, and no identifier below is one.

`build_bundle` is pure (the same visit gives the same bytes: resource ids are UUIDv5 of the clinic and the visit);
`parse_bundle` reads a bundle back with `fhir.resources` (its R4B models: the FHIR 4.0.x structure JP Core 1.x
builds on), which is how the export checks every bundle before writing it.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from reception_app.eligibility.models import MergedEligibility, SubsidyView
from reception_app.reception.handoff.errors import FhirBundleInvalid, FhirInstitutionCodeMissing
from reception_app.store.base import Patient, Visit, VisitStatus

if TYPE_CHECKING:  # fhir.resources loads with the first parse (~40 ms), not with this module
    from fhir.resources.R4B.bundle import Bundle

JsonValue: TypeAlias = str | int | float | bool | list["JsonValue"] | dict[str, "JsonValue"] | None
Json: TypeAlias = dict[str, JsonValue]

# --- JP Core canonical URLs and identifier systems (docs/handoff.md names the page of each) ----------------------
JP_PATIENT = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient"
JP_COVERAGE = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Coverage"
JP_ORGANIZATION = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Organization"
JP_ENCOUNTER = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Encounter"
EXT_INSURED_SYMBOL = "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Coverage_InsuredPersonSymbol"
EXT_INSURED_NUMBER = "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Coverage_InsuredPersonNumber"
EXT_INSURED_SUBNUMBER = "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Coverage_InsuredPersonSubNumber"
EXT_NAME_REPRESENTATION = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
NAME_KANJI = "IDE"  # ideographic: 漢字氏名
NAME_KANA = "SYL"  # syllabic: カナ氏名
PATIENT_ID_SYSTEM_PREFIX = "urn:oid:1.2.392.100495.20.3.51.1"  # + the 10-digit 医療機関コード
INSURANCE_MEMBER_ID_SYSTEM = "http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID"  # 被保険者個人識別子
INSURER_NUMBER_SYSTEM = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/InsurerNumber"  # 保険者番号
PUBLIC_PAYER_SYSTEM = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/PublicPayerNumber"  # 公費負担者番号
PUBLIC_RECIPIENT_SYSTEM = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/PublicInsuredPersonNumber"  # 公費受給者番号
MEDICAL_INSTITUTION_SYSTEM = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no"
INSURED_PERSON_CATEGORY = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/InsuredPersonCategory"  # 1 被保険者 2 被扶養者
RESOURCE_INSTANCE_SYSTEM = "http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier"
V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type"
COPAY_TYPE = "http://terminology.hl7.org/CodeSystem/coverage-copay-type"
UCUM = "http://unitsofmeasure.org"

MEDICAL_ASSISTANCE_CARD = "A1"  # 医療扶助: the insurance section holds the 福祉事務所's 公費 (eligibility/codes.py)

# The store's words → FHIR.
GENDER = {"male": "male", "female": "female", "unknown": "unknown"}
ENCOUNTER_STATUS: dict[VisitStatus, str] = {
    "waiting": "arrived", "called": "in-progress", "done": "finished", "cancelled": "cancelled",
}
INSURED_CATEGORY = {"1": "被保険者", "2": "被扶養者"}  # OQS PersonalFamilyClassification 1 本人 / 2 家族

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INSTITUTION_CODE = re.compile(r"^\d{10}$")


@dataclass(frozen=True)
class VisitRecord:
    """What one visit's bundle is made of: the clinic's chart, the check-in and the eligibility confirmed for it
    (None: checked in without one, e.g. offline with nothing cached: the bundle then has no Coverage)."""

    patient: Patient
    visit: Visit
    eligibility: MergedEligibility | None


def check_institution_code(code: str) -> str:
    text = (code or "").strip()
    if not _INSTITUTION_CODE.match(text):
        raise FhirInstitutionCodeMissing()
    return text


class _Ids:
    """Stable ids: the same clinic and visit give the same resource ids on every export (re-imports update)."""

    def __init__(self, institution_code: str, visit_id: int) -> None:
        self._base = f"reception-app:{institution_code}:visit:{visit_id}"

    def of(self, part: str) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self._base}:{part}"))


def _ref(resource_id: str) -> Json:
    return {"reference": f"urn:uuid:{resource_id}"}


def _iso_date(text: object) -> str | None:
    return text if isinstance(text, str) and _ISO_DATE.match(text) else None


def _period(start: object, end: object) -> Json | None:
    period: Json = {}
    if (begin := _iso_date(start)) is not None:
        period["start"] = begin
    if (until := _iso_date(end)) is not None:
        period["end"] = until
    return period or None


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _human_name(full: str, representation: str) -> Json:
    """JP_HumanName: family and given split at the first (full- or half-width) space; `text` as written."""
    text = full.strip()
    family, _, given = text.replace("\u3000", " ").partition(" ")
    name: Json = {
        "extension": [{"url": EXT_NAME_REPRESENTATION, "valueCode": representation}],
        "use": "official",
        "text": text,
    }
    if family.strip():
        name["family"] = family.strip()
    if given.strip():
        name["given"] = [given.strip()]
    return name


def _copay(percent: object) -> list[JsonValue] | None:
    if not isinstance(percent, int) or isinstance(percent, bool):
        return None
    return [{
        "type": {"coding": [{"system": COPAY_TYPE, "code": "copaypct"}]},
        "valueQuantity": {"value": percent, "unit": "%", "system": UCUM, "code": "%"},
    }]


def _entry(resource: Json) -> Json:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def _patient(record: VisitRecord, institution_code: str, ids: _Ids) -> Json:
    patient = record.patient
    names: list[JsonValue] = [_human_name(patient.name, NAME_KANJI)]
    if patient.kana.strip():
        names.append(_human_name(patient.kana, NAME_KANA))
    resource: Json = {
        "resourceType": "Patient",
        "id": ids.of("patient"),
        "meta": {"profile": [JP_PATIENT]},
        "identifier": [{"system": PATIENT_ID_SYSTEM_PREFIX + institution_code, "value": patient.patient_id}],
        "name": names,
        "gender": GENDER.get(patient.sex, "unknown"),
        "birthDate": patient.birth_date.isoformat(),
    }
    if patient.phone.strip():
        resource["telecom"] = [{"system": "phone", "value": patient.phone.strip()}]
    address: Json = {}
    if patient.address.strip():
        address["text"] = patient.address.strip()
    eligible = record.eligibility
    post = _text(eligible.patient.post_number) if eligible is not None and eligible.patient is not None else ""
    if post and address:
        address["postalCode"] = post
    if address:
        resource["address"] = [address]
    return resource


def _organization(resource_id: str, system: str, value: str, name: str, kind: str) -> Json:
    resource: Json = {
        "resourceType": "Organization",
        "id": resource_id,
        "meta": {"profile": [JP_ORGANIZATION]},
        "identifier": [{"system": system, "value": value}],
        "type": [{"coding": [{"system": ORGANIZATION_TYPE, "code": kind}]}],
    }
    if name:
        resource["name"] = name
    return resource


def _insurance(merged: MergedEligibility, patient_id: str, ids: _Ids) -> list[Json]:
    """The insurance card as JP_Coverage + its insurer as JP_Organization; none for 医療扶助 (its 公費 Coverage says
    it all) or when the view has no insurer number."""
    ins = merged.insurance
    insurer = _text(ins.insurer_number) if ins is not None else ""
    if ins is None or not insurer or _text(ins.card_classification) == MEDICAL_ASSISTANCE_CARD:
        return []
    symbol, number, branch = _text(ins.symbol), _text(ins.number), _text(ins.branch)
    insurer_id = ids.of("insurer")
    extensions: list[JsonValue] = [
        {"url": url, "valueString": value}
        for url, value in ((EXT_INSURED_SYMBOL, symbol), (EXT_INSURED_NUMBER, number), (EXT_INSURED_SUBNUMBER, branch))
        if value
    ]
    coverage: Json = {
        "resourceType": "Coverage",
        "id": ids.of("coverage:insurance"),
        "meta": {"profile": [JP_COVERAGE]},
        "extension": extensions,
        "identifier": [{
            "system": INSURANCE_MEMBER_ID_SYSTEM,
            "value": ":".join((insurer, symbol, number, branch)),  # 被保険者個人識別子: an omitted part is ""
            "assigner": _ref(insurer_id),
        }],
        "status": "active",
        "type": {"coding": [{"system": V3_ACT_CODE, "code": "PUBLICPOL"}]},
        "beneficiary": _ref(patient_id),
        "payor": [_ref(insurer_id)],
    }
    if symbol or number:
        coverage["subscriberId"] = f"{symbol}:{number}"
    if branch:
        coverage["dependent"] = branch
    category = _text(merged.patient.personal_family) if merged.patient is not None else ""
    if category in INSURED_CATEGORY:
        coverage["relationship"] = {
            "coding": [{"system": INSURED_PERSON_CATEGORY, "code": category, "display": INSURED_CATEGORY[category]}]}
    period = _period(ins.qualification_date, ins.card_expiration_date)
    if period:
        coverage["period"] = period
    copay = _copay(ins.copay_ratio_percent)
    if copay:
        coverage["costToBeneficiary"] = copay
    organization = _organization(insurer_id, INSURER_NUMBER_SYSTEM, insurer, _text(ins.insurer_name), "pay")
    if not extensions:
        del coverage["extension"]
    return [organization, coverage]


def _public(sub: SubsidyView, index: int, patient_id: str, ids: _Ids) -> list[Json]:
    """One 公費 (a PMH subsidy or 医療扶助) as JP_Coverage, its 公費負担者 as JP_Organization."""
    payer = _text(sub.payer_number)
    recipient = _text(sub.recipient_number)
    payer_id = ids.of(f"public-payer:{index}")
    coverage: Json = {
        "resourceType": "Coverage",
        "id": ids.of(f"coverage:public:{index}"),
        "meta": {"profile": [JP_COVERAGE]},
        "status": "active",
        "type": {"coding": [{"system": V3_ACT_CODE, "code": "PUBLICPOL"}], "text": sub.law_name or "公費"},
        "beneficiary": _ref(patient_id),
        "payor": [_ref(payer_id)],
        "order": sub.claim_order,
    }
    if recipient:
        coverage["identifier"] = [{"system": PUBLIC_RECIPIENT_SYSTEM, "value": recipient, "assigner": _ref(payer_id)}]
        coverage["subscriberId"] = recipient
    period = _period(sub.valid_from, sub.valid_to)
    if period:
        coverage["period"] = period
    copay = _copay(sub.copay_ratio_percent)
    if copay:
        coverage["costToBeneficiary"] = copay
    name = _text(sub.name) or sub.law_name
    organization = _organization(payer_id, PUBLIC_PAYER_SYSTEM, payer, name, "pay") if payer else None
    if organization is None:  # a 公費 without its payer number: the payor is still required (1..*), by name only
        organization = {"resourceType": "Organization", "id": payer_id, "meta": {"profile": [JP_ORGANIZATION]},
                        "name": name or "公費負担者"}
    return [organization, coverage]


def _encounter(record: VisitRecord, patient_id: str, clinic_id: str, ids: _Ids) -> Json:
    visit = record.visit
    checked_in = visit.checked_in_at if visit.checked_in_at.tzinfo else visit.checked_in_at.astimezone()
    return {
        "resourceType": "Encounter",
        "id": ids.of("encounter"),
        "meta": {"profile": [JP_ENCOUNTER]},
        "identifier": [{"system": RESOURCE_INSTANCE_SYSTEM,
                        "value": f"{visit.visit_date.isoformat()}/{visit.queue_number}"}],
        "status": ENCOUNTER_STATUS[visit.status],
        "class": {"system": V3_ACT_CODE, "code": "AMB", "display": "ambulatory"},
        "subject": _ref(patient_id),
        "period": {"start": checked_in.isoformat(timespec="seconds")},
        "serviceProvider": _ref(clinic_id),
    }


def build_bundle(record: VisitRecord, institution_code: str, *, generated_at: dt.datetime | None = None) -> Json:
    """The visit's Bundle (type collection) as JSON. `institution_code`: the clinic's 10-digit 医療機関コード."""
    code = check_institution_code(institution_code)
    ids = _Ids(code, record.visit.id)
    patient = _patient(record, code, ids)
    patient_id = str(patient["id"])
    clinic = _organization(ids.of("clinic"), MEDICAL_INSTITUTION_SYSTEM, code, "", "prov")
    resources: list[Json] = [patient, _encounter(record, patient_id, str(clinic["id"]), ids), clinic]
    merged = record.eligibility
    if merged is not None:
        resources.extend(_insurance(merged, patient_id, ids))
        for index, sub in enumerate(merged.subsidies, start=1):
            resources.extend(_public(sub, index, patient_id, ids))
    when = generated_at or dt.datetime.now().astimezone()
    entries: list[JsonValue] = [_entry(resource) for resource in resources]
    return {
        "resourceType": "Bundle",
        "id": ids.of("bundle"),
        "type": "collection",
        "timestamp": when.isoformat(timespec="seconds"),
        "entry": entries,
    }


def parse_bundle(data: Json | str | bytes) -> Bundle:
    """The bundle read back by `fhir.resources` (R4B models); raises FhirBundleInvalid if it does not parse."""
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    try:
        if isinstance(data, dict):
            return Bundle.model_validate(data)
        return Bundle.model_validate_json(data)
    except (ValidationError, ValueError) as exc:  # the message names elements, never values
        raise FhirBundleInvalid(f"{FhirBundleInvalid.default_message} ({type(exc).__name__})") from exc
