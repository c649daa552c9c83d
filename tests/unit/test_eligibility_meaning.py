"""Meaning fixes of issue 13 (Build 1), each on a file laid out as the issue describes it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reception_app.eligibility.codes import LIMIT_CLASSIFICATION_FLAG, LIMIT_CODE_STATUS
from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import MergedEligibility
from reception_app.eligibility.xml import parse_result
from reception_app.eligibility.xml_names import LAYOUT_DECISIONS
from tests.oqs_files import result_file

VISIT = dt.date(2025, 6, 1)
DOC = Path(__file__).resolve().parents[2] / "docs" / "eligibility-json.md"


def merged(data: bytes) -> MergedEligibility:
    return merge(parse_result(data), (), None, VISIT)


@pytest.mark.parametrize(
    ("element", "consent"),
    [
        ("PharmaceuticalInfoAcquisitionTime", "pharmacists_info"),
        ("PharmacistsInfoAcquisitionTime", "pharmacists_info"),
        ("SpecificHealthCheckupsInfoAcquisitionTime", "specific_health_checkups"),
        ("DiagnosisInfoAcquisitionTime", "diagnosis_info"),
        ("OperationInfoAcquisitionTime", "operation_info"),
        ("LimitApplicationCertificateRelatedAcquisitionTime", "limit_certificate"),
        ("SpecificDiseasesCertificateRelatedAcquisitionTime", "specific_diseases"),
    ],
)
def test_acquisition_time_is_the_available_until_time(element: str, consent: str) -> None:
    view = merged(result_file(raw_person=f"<{element}>20250901000000</{element}>"))
    assert (view.consents[consent].time, view.consents[consent].available_time) == (None, "20250901000000")


def test_acquisition_time_in_the_future_is_not_a_date_after_confirmation() -> None:
    view = merged(result_file(raw_person="<PharmacistsInfoAcquisitionTime>20991231000000"
                                         "</PharmacistsInfoAcquisitionTime>"))
    assert "date_after_confirmation" not in view.warning_codes()


def _limit(classification: str, flag: str) -> MergedEligibility:
    raw = (f"<LimitApplicationCertificateRelatedInfo><LimitApplicationCertificateClassification>{classification}"
           f"</LimitApplicationCertificateClassification><LimitApplicationCertificateClassificationFlag>{flag}"
           f"</LimitApplicationCertificateClassificationFlag></LimitApplicationCertificateRelatedInfo>")
    return merged(result_file(person={"Birthdate": "19530115"}, raw_person=raw))


@pytest.mark.parametrize(("flag", "text"), [("B02", "現役並みⅡ"), ("B04", "一般"), ("B05", "低所得Ⅱ"),
                                            ("B08", "低所得Ⅰ（境）"), ("B09", "一般Ⅱ")])
def test_limit_b_codes_have_their_class(flag: str, text: str) -> None:
    view = _limit("01", flag)
    assert view.limit is not None and view.limit.class_text == text


def test_limit_classification_03_is_the_standard_burden_reduction_certificate() -> None:
    view = _limit("03", "B06")
    assert view.limit is not None and view.limit.classification_text == "標準負担額減額認定証"


def test_every_limit_code_has_a_status() -> None:
    assert {f"OQSCD012:{code}" for code in LIMIT_CLASSIFICATION_FLAG} <= set(LIMIT_CODE_STATUS)


def test_codes_only_seen_in_one_third_party_source_are_unconfirmed() -> None:
    assert all(LIMIT_CODE_STATUS[f"OQSCD012:B0{n}"].startswith("UNCONFIRMED") for n in range(2, 10))


def test_medical_assistance_welfare_office_comes_from_insurer_name() -> None:
    person: dict[str, str | None] = {"InsuredCardClassification": "A1", "InsurerNumber": "12131017",
                                     "InsurerName": "試験市福祉事務所"}
    view = merged(result_file(person=person))
    assert [s.name for s in view.subsidies if s.source == "medical_assistance"] == ["試験市福祉事務所"]


def test_padded_six_digit_kokuho_number_is_shown_trimmed() -> None:
    view = merged(result_file(person={"InsurerNumber": "  273128"}))
    assert view.insurance is not None and view.insurance.insurer_number == "273128"


def test_padded_six_digit_kokuho_number_passes_its_check() -> None:
    assert "bad_check_digit" not in merged(result_file(person={"InsurerNumber": "  273128"})).warning_codes()


def test_padded_number_is_kept_raw_in_the_model() -> None:
    assert parse_result(result_file(person={"InsurerNumber": "  273128"})).results[0].insurer_number == "  273128"


def _search_echo() -> bytes:
    return result_file(raw_body="<QualificationConfirmSearchInfo><InsurerNumber>06130488</InsurerNumber>"
                                "<ArbitraryIdentifier>REQ-0001</ArbitraryIdentifier></QualificationConfirmSearchInfo>")


def test_arbitrary_identifier_of_the_search_is_a_field() -> None:
    result = parse_result(_search_echo())
    assert result.search_info is not None and result.search_info.arbitrary_identifier == "REQ-0001"


def test_arbitrary_identifier_is_in_the_search_info_of_the_view() -> None:
    assert (merged(_search_echo()).search_info or {}).get("ArbitraryIdentifier") == "REQ-0001"


def test_arbitrary_identifier_is_not_an_uninterpreted_element() -> None:
    assert "elements_not_interpreted" not in merged(_search_echo()).warning_codes()


def test_prescription_issue_select_inside_the_result_is_read() -> None:
    view = merged(result_file(person={"PrescriptionIssueSelect": "1"}))
    assert (view.processing.prescription_issue_select, view.processing.prescription_issue_select_text) == (
        "1", "電子処方箋")


def test_prescription_issue_select_of_the_body_comes_first() -> None:
    view = merged(result_file(body={"PrescriptionIssueSelect": "2"}, person={"PrescriptionIssueSelect": "1"}))
    assert view.processing.prescription_issue_select == "2"


FLAT_ONE = ("<SpecificDiseasesCertificateList><SpecificDiseasesDiseaseCategory>1</SpecificDiseasesDiseaseCategory>"
            "<SpecificDiseasesValidStartDate>20250101</SpecificDiseasesValidStartDate>"
            "<SpecificDiseasesSelfPay>10000</SpecificDiseasesSelfPay></SpecificDiseasesCertificateList>")
FLAT_TWO = ("<SpecificDiseasesCertificateList><SpecificDiseasesDiseaseCategory>1</SpecificDiseasesDiseaseCategory>"
            "<SpecificDiseasesSelfPay>10000</SpecificDiseasesSelfPay>"
            "<SpecificDiseasesDiseaseCategory>2</SpecificDiseasesDiseaseCategory>"
            "<SpecificDiseasesSelfPay>0</SpecificDiseasesSelfPay></SpecificDiseasesCertificateList>")


def test_specific_diseases_list_with_direct_fields_is_a_certificate() -> None:
    view = merged(result_file(raw_person=FLAT_ONE))
    assert [(d.category_text, d.self_pay_yen, d.valid_from) for d in view.specific_diseases] == [
        ("人工透析", "10000", "2025-01-01")]


def test_specific_diseases_list_with_direct_fields_repeated_is_several_certificates() -> None:
    view = merged(result_file(raw_person=FLAT_TWO))
    assert [d.category for d in view.specific_diseases] == ["1", "2"]


def test_specific_diseases_list_with_direct_fields_is_not_uninterpreted() -> None:
    assert "elements_not_interpreted" not in merged(result_file(raw_person=FLAT_ONE)).warning_codes()


@pytest.mark.parametrize("topic", [topic for topic, _decision, _source in LAYOUT_DECISIONS])
def test_every_layout_decision_is_in_the_docs_with_its_source(topic: str) -> None:
    assert f"`{topic}`" in DOC.read_text(encoding="utf-8")
