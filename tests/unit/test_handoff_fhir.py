"""The FHIR JP Core bundle of one visit: every sample kind validates with fhir.resources (read back from its JSON
text) and the JP Core elements named in issue 16 are there when read back from the parsed models.

Synthetic people only: the OQS sample results in tests/data/oqs and a made-up chart.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.coverage import Coverage
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.patient import Patient as FhirPatient

from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import MergedEligibility
from reception_app.eligibility.xml import parse_result
from reception_app.reception.handoff import fhir
from reception_app.reception.handoff.errors import FhirBundleInvalid, FhirInstitutionCodeMissing
from reception_app.reception.handoff.fhir import VisitRecord, build_bundle, parse_bundle
from reception_app.store.base import Patient, Visit, VisitStatus

DATA = Path(__file__).resolve().parents[1] / "data" / "oqs"
INSTITUTION = "1311111114"
JST = dt.timezone(dt.timedelta(hours=9))
VISIT_DAY = dt.date(2025, 6, 1)

# kind → the synthetic OQS sample of that kind
SAMPLES = {
    "preschool": "valid_preschool_utf8.xml",  # 未就学 (2割) with a PMH subsidy
    "elderly_70_74": "elderly_recipient.xml",  # 70–74, 高齢受給者証
    "late_elderly": "late_elderly_10.xml",  # 後期高齢 1割
    "medical_assistance": "medical_assistance_a1.xml",  # 医療扶助 (A1)
    "two_public": "pmh_subsidies.xml",  # three PMH 公費 in claim order
}
CHART = Patient("1001", "架空　一郎", "カクウ　イチロウ", dt.date(1980, 4, 15), "male", "東京都調布市試験町１－２－３",
                phone="0424000000")


def _merged(kind: str) -> MergedEligibility:
    return merge(parse_result((DATA / SAMPLES[kind]).read_bytes()), (), None, VISIT_DAY)


def _visit(status: VisitStatus = "waiting") -> Visit:
    return Visit(7, CHART.patient_id, VISIT_DAY, 3, dt.datetime(2025, 6, 1, 9, 5, tzinfo=JST), "desk", status)


def _bundle(kind: str | None, status: VisitStatus = "waiting") -> tuple[dict, Bundle]:
    merged = _merged(kind) if kind else None
    data = build_bundle(VisitRecord(CHART, _visit(status), merged), INSTITUTION,
                        generated_at=dt.datetime(2025, 6, 1, 9, 6, tzinfo=JST))
    return data, parse_bundle(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _of(bundle: Bundle, kind: type) -> list:
    return [entry.resource for entry in bundle.entry if isinstance(entry.resource, kind)]


def _by_url(bundle: Bundle) -> dict:
    return {entry.fullUrl: entry.resource for entry in bundle.entry}


def _extension(coverage: Coverage, url: str) -> str | None:
    values = [ext.valueString for ext in coverage.extension or [] if ext.url == url]
    return values[0] if values else None


def _insurance_coverage(bundle: Bundle) -> Coverage:
    found = [c for c in _of(bundle, Coverage) if c.identifier and
             c.identifier[0].system == fhir.INSURANCE_MEMBER_ID_SYSTEM]
    assert len(found) == 1
    return found[0]


def _public_coverages(bundle: Bundle) -> list[Coverage]:
    return sorted((c for c in _of(bundle, Coverage) if c.order is not None), key=lambda c: c.order)


def _payor(bundle: Bundle, coverage: Coverage) -> Organization:
    return _by_url(bundle)[coverage.payor[0].reference]


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_every_sample_kind_validates_read_back_from_its_json(kind: str) -> None:
    data, bundle = _bundle(kind)
    assert len(bundle.entry) == len(data["entry"])


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_the_bundle_carries_the_jp_core_profiles(kind: str) -> None:
    _, bundle = _bundle(kind)
    profiles = {entry.resource.get_resource_type(): entry.resource.meta.profile[0] for entry in bundle.entry}
    assert profiles == {"Patient": fhir.JP_PATIENT, "Encounter": fhir.JP_ENCOUNTER, "Coverage": fhir.JP_COVERAGE,
                        "Organization": fhir.JP_ORGANIZATION}


def test_jp_patient_has_the_kanji_and_kana_names_with_their_representation() -> None:
    _, bundle = _bundle("preschool")
    (patient,) = _of(bundle, FhirPatient)
    names = {name.extension[0].valueCode: (name.family, name.given[0], name.text) for name in patient.name}
    assert names == {"IDE": ("架空", "一郎", "架空　一郎"), "SYL": ("カクウ", "イチロウ", "カクウ　イチロウ")}


def test_jp_patient_identifier_uses_the_clinics_patient_id_system() -> None:
    _, bundle = _bundle("preschool")
    (patient,) = _of(bundle, FhirPatient)
    assert [(i.system, i.value) for i in patient.identifier] == [
        ("urn:oid:1.2.392.100495.20.3.51.11311111114", "1001")]


def test_jp_patient_birth_date_and_gender() -> None:
    _, bundle = _bundle("preschool")
    (patient,) = _of(bundle, FhirPatient)
    assert (patient.birthDate, patient.gender) == (dt.date(1980, 4, 15), "male")


@pytest.mark.parametrize("kind", ["preschool", "elderly_70_74", "late_elderly", "two_public"])
def test_jp_coverage_has_insurer_symbol_number_and_branch_in_the_jp_core_extensions(kind: str) -> None:
    _, bundle = _bundle(kind)
    ins = _merged(kind).insurance
    coverage = _insurance_coverage(bundle)
    read_back = (
        _payor(bundle, coverage).identifier[0].value,
        _extension(coverage, fhir.EXT_INSURED_SYMBOL),
        _extension(coverage, fhir.EXT_INSURED_NUMBER),
        _extension(coverage, fhir.EXT_INSURED_SUBNUMBER),
    )
    assert ins is not None
    assert read_back == (ins.insurer_number, ins.symbol or None, ins.number or None, ins.branch or None)


@pytest.mark.parametrize("kind", ["preschool", "elderly_70_74", "late_elderly", "two_public"])
def test_jp_coverage_insurer_is_identified_by_the_insurer_number_system(kind: str) -> None:
    _, bundle = _bundle(kind)
    assert _payor(bundle, _insurance_coverage(bundle)).identifier[0].system == fhir.INSURER_NUMBER_SYSTEM


def test_jp_coverage_member_identifier_joins_the_four_parts_with_colons() -> None:
    _, bundle = _bundle("two_public")
    ins = _merged("two_public").insurance
    coverage = _insurance_coverage(bundle)
    assert ins is not None
    expected = ":".join(part or "" for part in (ins.insurer_number, ins.symbol, ins.number, ins.branch))
    assert coverage.identifier[0].value == expected


@pytest.mark.parametrize(("kind", "percent"), [("preschool", 20), ("elderly_70_74", 20), ("late_elderly", 10)])
def test_the_copay_ratio_of_the_kind_reaches_the_insurance_coverage(kind: str, percent: int) -> None:
    _, bundle = _bundle(kind)
    cost = _insurance_coverage(bundle).costToBeneficiary[0]
    assert (cost.type.coding[0].code, cost.valueQuantity.value) == ("copaypct", percent)


def test_late_elderly_insurer_is_a_39_insurer() -> None:
    _, bundle = _bundle("late_elderly")
    assert _payor(bundle, _insurance_coverage(bundle)).identifier[0].value.startswith("39")


def test_medical_assistance_is_one_public_coverage_and_no_insurance_coverage() -> None:
    _, bundle = _bundle("medical_assistance")
    coverages = _of(bundle, Coverage)
    assert [c.order for c in coverages] == [1]


def test_medical_assistance_coverage_has_the_welfare_office_payer_and_the_recipient_number() -> None:
    _, bundle = _bundle("medical_assistance")
    ins = _merged("medical_assistance").insurance
    (coverage,) = _public_coverages(bundle)
    payer = _payor(bundle, coverage).identifier[0]
    read_back = (payer.system, payer.value, coverage.identifier[0].system, coverage.identifier[0].value)
    assert ins is not None
    assert read_back == (fhir.PUBLIC_PAYER_SYSTEM, ins.insurer_number, fhir.PUBLIC_RECIPIENT_SYSTEM, ins.number)


def test_each_public_subsidy_is_a_coverage_with_its_payer_and_recipient_numbers_in_claim_order() -> None:
    _, bundle = _bundle("two_public")
    subsidies = _merged("two_public").subsidies
    read_back = [(c.order, _payor(bundle, c).identifier[0].value, c.identifier[0].value)
                 for c in _public_coverages(bundle)]
    assert read_back == [(s.claim_order, s.payer_number, s.recipient_number) for s in subsidies]


def test_two_or_more_public_coverages_have_distinct_payers() -> None:
    _, bundle = _bundle("two_public")
    payers = {_payor(bundle, c).identifier[0].value for c in _public_coverages(bundle)}
    assert len(payers) >= 2


def test_public_coverage_period_is_the_certificates_validity() -> None:
    _, bundle = _bundle("two_public")
    first = _merged("two_public").subsidies[0]
    period = _public_coverages(bundle)[0].period
    assert (period.start.isoformat(), period.end.isoformat()) == (first.valid_from, first.valid_to)


def test_preschool_subsidy_is_a_public_coverage_next_to_the_insurance() -> None:
    _, bundle = _bundle("preschool")
    assert len(_public_coverages(bundle)) == 1


def test_encounter_is_the_check_in_of_the_patient_at_the_clinic() -> None:
    _, bundle = _bundle("preschool")
    (encounter,) = _of(bundle, Encounter)
    urls = _by_url(bundle)
    read_back = (encounter.status, encounter.class_fhir.code, urls[encounter.subject.reference].get_resource_type(),
                 urls[encounter.serviceProvider.reference].identifier[0].value, encounter.period.start.isoformat())
    assert read_back == ("arrived", "AMB", "Patient", INSTITUTION, "2025-06-01T09:05:00+09:00")


def test_a_cancelled_visit_is_a_cancelled_encounter() -> None:
    _, bundle = _bundle("preschool", status="cancelled")
    (encounter,) = _of(bundle, Encounter)
    assert encounter.status == "cancelled"


def test_a_visit_without_eligibility_has_no_coverage() -> None:
    _, bundle = _bundle(None)
    assert _of(bundle, Coverage) == []


def test_the_same_visit_gives_the_same_bundle() -> None:
    first, _ = _bundle("two_public")
    again, _ = _bundle("two_public")
    assert first == again


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_no_twelve_digit_number_is_in_any_bundle(kind: str) -> None:
    """The individual number (マイナンバー) must never be exported; no 12-digit run appears at all."""
    data, _ = _bundle(kind)
    text = _UUID.sub("", json.dumps(data, ensure_ascii=False))
    assert re.findall(r"(?<!\d)\d{12}(?!\d)", text) == []


@pytest.mark.parametrize("code", ["", "131111111", "13111111145", "13-1111111"])
def test_the_institution_code_must_be_ten_digits(code: str) -> None:
    with pytest.raises(FhirInstitutionCodeMissing):
        build_bundle(VisitRecord(CHART, _visit(), None), code)


def test_a_bundle_missing_a_required_element_does_not_validate() -> None:
    data, _ = _bundle("preschool")
    coverage = next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Coverage")
    del coverage["payor"]
    with pytest.raises(FhirBundleInvalid):
        parse_bundle(data)
