"""Reading and writing OQS XML: every element of the domain notes §2, encodings, variants, requests, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from reception_app.eligibility.errors import ResultFileError
from reception_app.eligibility.models import (
    QualificationRequest,
    QualificationResult,
    ReferenceRegistrationRequest,
    ReferenceRegistrationResult,
    ResultHeader,
    XmlModel,
)
from reception_app.eligibility.xml import (
    parse_reference_registration_result,
    parse_request,
    parse_result,
    parse_subsidies,
    write_qualification_request,
    write_reference_registration_request,
    write_reference_registration_result,
    write_result,
)
from reception_app.eligibility.xml_names import PMH_LAYOUT

DATA = Path(__file__).resolve().parent.parent / "data" / "oqs"

# Every element the domain notes §2 name (online_qualification.md), grouped by where it sits.
HEADER_ELEMENTS = [
    "ProcessExecutionTime", "QualificationConfirmationDate", "MedicalInstitutionCode", "ArbitraryFileIdentifier",
    "ReferenceClassification", "SegmentOfResult", "ErrorCode", "ErrorMessage", "CharacterCodeIdentifier",
]
BODY_ELEMENTS = [
    "ProcessingResultStatus", "ProcessingResultCode", "ProcessingResultMessage", "QualificationValidity",
    "PrescriptionIssueSelect",
]
SEARCH_ELEMENTS = [
    "InsurerNumber", "InsuredCardSymbol", "InsuredIdentificationNumber", "InsuredBranchNumber", "Birthdate",
    "LimitApplicationCertificateRelatedConsFlg",
]
RESULT_ELEMENTS = [
    "InsuredCardClassification", "InsurerNumber", "InsuredCardSymbol", "InsuredIdentificationNumber",
    "InsuredBranchNumber", "PersonalFamilyClassification", "InsurerName", "InsuredName", "Name", "NameOfOther",
    "NameKana", "NameOfOtherKana", "Sex1", "Sex2", "Birthdate", "Address", "PostNumber", "QualificationDate",
    "DisqualificationDate", "InsuredCertificateIssuanceDate", "InsuredCardValidDate", "InsuredCardExpirationDate",
    "InsuredPartialContributionRatio", "PreschoolClassification", "ReasonOfLoss",
    "LimitApplicationCertificateRelatedConsFlg", "LimitApplicationCertificateRelatedConsTime",
    "SpecificDiseasesCertificateRelatedConsFlg", "SpecificDiseasesCertificateRelatedConsTime",
    "PublicExpenseNumber", "BeneficiaryNumber", "WelfareOfficeName",
    "SpecificHealthCheckupsInfoConsFlg", "SpecificHealthCheckupsInfoConsTime",
    "SpecificHealthCheckupsInfoAvailableTime",
    "PharmacistsInfoConsFlg", "PharmacistsInfoConsTime", "PharmacistsInfoAvailableTime",
    "DiagnosisInfoConsFlg", "DiagnosisInfoConsTime", "DiagnosisInfoAvailableTime",
    "OperationInfoConsFlg", "OperationInfoConsTime", "OperationInfoAvailableTime",
    "ReferenceNumber", "QualificationConfirmationKey",
]
ELDERLY_ELEMENTS = [
    "ElderlyRecipientCertificateDate", "ElderlyRecipientValidStartDate", "ElderlyRecipientValidEndDate",
    "ElderlyRecipientContributionRatio",
]
LIMIT_ELEMENTS = [
    "LimitApplicationCertificateClassification", "LimitApplicationCertificateClassificationFlag",
    "LimitApplicationCertificateDate", "LimitApplicationCertificateValidStartDate",
    "LimitApplicationCertificateValidEndDate", "LimitApplicationCertificateLongTermDate",
]
SPECIFIC_ELEMENTS = [
    "SpecificDiseasesDiseaseCategory", "SpecificDiseasesCertificateDate", "SpecificDiseasesValidStartDate",
    "SpecificDiseasesValidEndDate", "SpecificDiseasesSelfPay",
]
TICKET_ELEMENTS = [
    "TicketType", "MedicalTicketValidDate", "MedicalTicketExpirationDate", "IssueNumber", "MedicalTreatmentMonth",
    "DesignatedMedicalInstitutionCode", "DesignatedMedicalInstitutionFlag", "DesignatedMedicalInstitutionName",
    "PrescriptionIssuerMedicalInstitutionCode", "PrescriptionIssuerMedicalInstitutionName", "InjuryName1",
    "InjuryName2", "InjuryName3", "MedicalTreatmentType", "SelfPayAmount", "DistrictContactName",
    "HandlingContactName", "SingleOrCombinedUse", "StatusOfSocialInsurance", "ConsistencyFlag", "StatusOfInfecton",
    "StatusOfElderlyMedicalCare", "StatusOfPrefecturalExpenses", "Remarks1", "Remarks2", "Remarks3",
]
SUBSIDY_ELEMENTS = [value for key, value in PMH_LAYOUT.items() if key not in ("container", "item")]


class Values:
    """Unique marker values, so that each one can be found again exactly."""

    def __init__(self) -> None:
        self.expected: dict[str, str] = {}  # path → value

    def leaves(self, prefix: str, names: list[str], suffix: str = "") -> str:
        out = []
        for name in names:
            value = f"値{len(self.expected):03d}{suffix}"
            self.expected[f"{prefix}/{name}"] = value
            out.append(f"<{name}>{value}</{name}>")
        return "".join(out)


def full_document() -> tuple[bytes, dict[str, str]]:
    v = Values()
    tickets = "".join(
        f"<MedicalTicketInfo>{v.leaves(f'ticket{n}', TICKET_ELEMENTS)}</MedicalTicketInfo>" for n in (1, 2)
    )
    result = (
        "<ResultOfQualificationConfirmation>"
        + v.leaves("result", RESULT_ELEMENTS)
        + f"<ElderlyRecipientCertificateInfo>{v.leaves('elderly', ELDERLY_ELEMENTS)}</ElderlyRecipientCertificateInfo>"
        + f"<LimitApplicationCertificateRelatedInfo>{v.leaves('limit', LIMIT_ELEMENTS)}"
        "</LimitApplicationCertificateRelatedInfo>"
        + "<SpecificDiseasesCertificateList><SpecificDiseasesCertificateInfo>"
        + v.leaves("specific", SPECIFIC_ELEMENTS)
        + "</SpecificDiseasesCertificateInfo></SpecificDiseasesCertificateList>"
        + f"<PublicExpenseResultList>{tickets}</PublicExpenseResultList>"
        + f"<MedicalSubsidyResultList><MedicalSubsidyInfo>{v.leaves('subsidy', SUBSIDY_ELEMENTS)}"
        "</MedicalSubsidyInfo></MedicalSubsidyResultList>"
        + "</ResultOfQualificationConfirmation>"
    )
    text = (
        '<?xml version="1.0" encoding="Shift_JIS"?>'
        f"<XmlMsg><MessageHeader>{v.leaves('header', HEADER_ELEMENTS)}</MessageHeader><MessageBody>"
        + v.leaves("body", BODY_ELEMENTS)
        + f"<QualificationConfirmSearchInfo>{v.leaves('search', SEARCH_ELEMENTS)}</QualificationConfirmSearchInfo>"
        + f"<ResultList>{result}</ResultList></MessageBody></XmlMsg>"
    )
    return text.encode("cp932"), v.expected


def _by_alias(model: XmlModel) -> dict[str, str]:
    return {k: v for k, v in model.model_dump(by_alias=True).items() if isinstance(v, str)}


def test_every_domain_element_is_parsed_to_its_field() -> None:
    data, expected = full_document()
    result = parse_result(data)
    r = result.results[0]
    assert r.elderly is not None and r.limit is not None
    found: dict[str, str] = {}
    found.update({f"header/{k}": v for k, v in _by_alias(result.header).items()})
    found.update({f"body/{k}": v for k, v in _by_alias(result).items()})
    assert result.search_info is not None
    found.update({f"search/{k}": v for k, v in _by_alias(result.search_info).items()})
    found.update({f"result/{k}": v for k, v in _by_alias(r).items()})
    found.update({f"elderly/{k}": v for k, v in _by_alias(r.elderly).items()})
    found.update({f"limit/{k}": v for k, v in _by_alias(r.limit).items()})
    found.update({f"specific/{k}": v for k, v in _by_alias(r.specific_diseases[0]).items()})
    for n, ticket in enumerate(r.medical_tickets, start=1):
        found.update({f"ticket{n}/{k}": v for k, v in _by_alias(ticket).items()})
    found.update({f"subsidy/{k}": v for k, v in _by_alias(r.subsidies[0]).items()})
    missing = {path: value for path, value in expected.items() if found.get(path) != value}
    assert missing == {}
    assert len(r.medical_tickets) == 2
    # nothing unknown was invented, nothing known went to the bag
    assert r.extra == {} and result.extra == {} and result.header.extra == {}


def test_samples_cover_every_validity_code_and_both_encodings() -> None:
    validity = {}
    encodings = set()
    for path in sorted(DATA.glob("*.xml")):
        result = parse_result(path.read_bytes())
        validity[result.qualification_validity] = path.name
        encodings.add(result.source_encoding)
    assert set(validity) >= {"1", "2", "3", "4", "5", "6"}
    assert encodings == {"cp932", "utf-8"}


def test_shift_jis_microsoft_characters_survive() -> None:
    result = parse_result((DATA / "valid_general_sjis.xml").read_bytes())
    r = result.results[0]
    assert result.source_encoding == "cp932"
    assert r.name == "髙﨑　一郎"
    assert r.address == "東京都調布市試験町①丁目２～３"  # ～ is U+FF5E, not lxml's 〜
    assert "\uff5e" in (r.address or "") and "\u301c" not in (r.address or "")
    assert r.symbol == "医国３４０" and r.number == "０２８２‐００１"  # raw text kept for display
    assert result.processing_result_message and result.processing_result_message.startswith("電子証明書")


def test_six_digit_insurer_and_header_decides_encoding_without_declaration() -> None:
    data = (DATA / "kokuho_6digit.xml").read_bytes()
    assert not data.startswith(b"<?xml")
    result = parse_result(data)
    assert result.source_encoding == "cp932"
    assert result.results[0].insurer_number == "273128"
    assert result.results[0].insurer_name == "試験国民健康保険組合"
    assert result.results[0].branch == ""  # an empty 枝番 stays empty (never "00")


def test_sample_contents_elderly_late_elderly_assistance_limit_specific() -> None:
    elderly = parse_result((DATA / "elderly_recipient.xml").read_bytes()).results[0]
    assert elderly.elderly is not None and elderly.elderly.contribution_ratio == "020"
    late = parse_result((DATA / "late_elderly_10.xml").read_bytes()).results[0]
    assert late.partial_contribution_ratio == "010" and late.insurer_number == "39130018"
    a1 = parse_result((DATA / "medical_assistance_a1.xml").read_bytes()).results[0]
    assert a1.card_classification == "A1" and [t.issue_number for t in a1.medical_tickets] == ["T0001", "T0002"]
    assert a1.medical_tickets[0].status_of_infection == "0"
    general = parse_result((DATA / "valid_general_sjis.xml").read_bytes()).results[0]
    assert general.limit is not None and general.limit.classification_flag == "A03"
    assert general.reference_number == "P000123"
    specific = parse_result((DATA / "specific_diseases.xml").read_bytes()).results[0]
    assert specific.specific_diseases[0].disease_category == "1"
    assert specific.specific_diseases[0].self_pay == "10000"


def test_variants_namespaces_unknown_and_empty_elements() -> None:
    result = parse_result((DATA / "variants.xml").read_bytes())
    r = result.results[0]
    assert result.header.segment_of_result == "1"  # header after body: order does not matter
    assert r.pharmacists_consent_flag == "1"  # PharmaceuticalInfoConsFlg
    assert r.pharmacists_available_time == "20250601092950"  # …AcquisitionTime = 閲覧有効期限 (issue 13)
    assert r.branch == "" and r.name_of_other == ""  # empty elements are kept as empty
    assert r.extra == {"NewThing/Inner": "y"}
    assert result.extra == {"FutureBodyElement": "x"}


def test_pmh_subsidies_parsed_from_body_and_person() -> None:
    subsidies = parse_subsidies((DATA / "pmh_subsidies.xml").read_bytes())
    assert [s.law_code for s in subsidies] == ["80", "54", "21"]
    assert subsidies[1].monthly_cap_yen == 10000 and subsidies[1].copay_ratio_percent == 20
    assert subsidies[0].additional_condition_pairs == [("01", "1"), ("02", "0")]
    child = parse_subsidies((DATA / "valid_preschool_utf8.xml").read_bytes())
    assert child[0].payer_number == "88132014" and child[0].recipient_number == "1234566"


@pytest.mark.parametrize("encoding", ["cp932", "utf-8"])
def test_write_result_round_trips_samples(encoding: str) -> None:
    for path in sorted(DATA.glob("*.xml")):
        result = parse_result(path.read_bytes())
        again = parse_result(write_result(result, encoding=encoding))
        assert again.model_dump() == result.model_dump(), path.name
        assert again.source_encoding == encoding


def test_write_result_adds_subsidies_and_escapes_what_cp932_cannot_hold() -> None:
    result = parse_result((DATA / "pmh_subsidies.xml").read_bytes())
    extra = parse_subsidies((DATA / "valid_preschool_utf8.xml").read_bytes())
    result.results[0].name = "𠮷野　〜子"  # 𠮷 and 〜 (U+301C) are not in cp932
    data = write_result(result, extra, encoding="cp932")
    assert b"&#" in data
    again = parse_result(data)
    assert again.results[0].name == "𠮷野　〜子"
    assert [s.law_code for s in again.all_subsidies()] == ["80", "54", "21", "88"]


def test_qualification_request_pads_insurer_number_and_reads_back() -> None:
    data = write_qualification_request(
        insurer_number="273128", symbol="医国３４０", number="０２８２‐００１", branch="01", birth_date="19800415",
        medical_institution_code="1311111114", confirmation_date="20250601", arbitrary_file_identifier="req-0001",
        limit_consent=True,
    )
    assert data.startswith(b'<?xml version="1.0" encoding="Shift_JIS"?>')
    assert b"<InsurerNumber>  273128</InsurerNumber>" in data
    request = parse_request(data)
    assert isinstance(request, QualificationRequest)
    assert request.search_info.insurer_number == "  273128"
    assert request.search_info.symbol == "医国３４０"
    assert request.search_info.limit_consent_flag == "1"
    assert request.arbitrary_file_identifier == "req-0001" and request.medical_institution_code == "1311111114"


def test_reference_registration_request_and_result() -> None:
    data = write_reference_registration_request(
        reference_number="P000123", insurer_number="06130488", symbol="１２３", number="４５６７", branch="00",
        medical_institution_code="1311111114", arbitrary_file_identifier="imm-0001", encoding="utf-8",
    )
    request = parse_request(data)
    assert isinstance(request, ReferenceRegistrationRequest)
    assert request.info.reference_number == "P000123" and request.info.insurer_number == "06130488"
    answer = ReferenceRegistrationResult(
        header=ResultHeader(segment_of_result="1", arbitrary_file_identifier="imm-0001"),
        processing_result_status="1",
    )
    parsed = parse_reference_registration_result(write_reference_registration_result(answer))
    assert parsed.ok and parsed.header.arbitrary_file_identifier == "imm-0001"
    failed = answer.model_copy(update={"processing_result_status": "2"})
    assert not parse_reference_registration_result(write_reference_registration_result(failed)).ok


BAD_INPUTS = {
    "empty": b"   ",
    "too_large": b"<XmlMsg>" + b"x" * 2048 + b"</XmlMsg>",
    "forbidden_dtd": b'<?xml version="1.0"?><!DOCTYPE XmlMsg [<!ENTITY a "b">]><XmlMsg>&a;</XmlMsg>',
    "wrong_root": b"<Other/>",
    "malformed": b"<XmlMsg><MessageHeader></XmlMsg>",
    "encoding": b'<?xml version="1.0" encoding="EUC-JP"?><XmlMsg/>',
}


@pytest.mark.parametrize("code", sorted(BAD_INPUTS))
def test_bad_files_raise_typed_errors(code: str) -> None:
    with pytest.raises(ResultFileError) as info:
        parse_result(BAD_INPUTS[code], max_bytes=1024)
    assert info.value.problem == code
    assert str(info.value) and "\n" not in str(info.value)


def test_invalid_bytes_for_declared_encoding_is_an_encoding_error() -> None:
    with pytest.raises(ResultFileError) as info:
        parse_result(b'<?xml version="1.0" encoding="UTF-8"?><XmlMsg><Name>\xff\xfe</Name></XmlMsg>')
    assert info.value.problem == "encoding"


def test_external_entity_is_refused_before_parsing() -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><XmlMsg>&e;</XmlMsg>'
    with pytest.raises(ResultFileError) as info:
        parse_result(data)
    assert info.value.problem == "forbidden_dtd"


def test_default_result_model_writes_and_reads() -> None:
    empty = QualificationResult()
    assert parse_result(write_result(empty)).model_dump() == empty.model_dump()
