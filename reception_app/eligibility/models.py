"""Pydantic models of an OQS qualification result (資格確認結果), PMH subsidies and the clinic's chart.

Field values are kept as the raw text of the file (dates `YYYYMMDD`, codes like "01", names with their full-width
spaces): the display shows what the file says, and writing a model back gives the same elements. Each field's alias is
the canonical XML element name (online_qualification.md §2); spec-version variants are mapped in `xml_names.py`.
Elements nobody knows land in `extra` ("path/of/Element" → text) so that nothing is ever lost.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, field_serializer, field_validator

from reception_app.eligibility.digits import number_or_none
from reception_app.eligibility.xml_names import PMH_LAYOUT

Text = str | None
_Model = TypeVar("_Model", bound=BaseModel)


def _xml(name: str) -> Any:
    """A text element: the alias is the canonical element name."""
    return _xml_child(name)


def _xml_child(name: str, factory: Any = None, **kwargs: Any) -> Any:
    """A nested element or list; typed Any so that type checkers use the field names in constructors."""
    if factory is None:
        return Field(default=None, alias=name, **kwargs)
    return Field(default_factory=factory, alias=name, **kwargs)


class XmlModel(BaseModel):
    """Base: fields by alias (= element name) or by name; unknown elements kept in `extra`."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid", validate_assignment=False)

    # alias → (field name, item element name or "" for a single child, model class); filled by subclasses.
    XML_CHILDREN: ClassVar[dict[str, tuple[str, str, type[XmlModel]]]] = {}

    extra: dict[str, str] = _xml_child("_extra", dict)

    def present(self) -> dict[str, Any]:
        """The elements the file had (by element name), without the empty defaults."""
        return self.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)


def construct_all(model: type[_Model], **values: Any) -> _Model:
    """`model.model_construct(**values)` for a caller that gives every field, in field order, with the right types:
    what model_construct ends with, without its per-field alias and default handling (a fifth of a face file's
    merge)."""
    instance = _new(model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", set(values))
    # a model that allows extra keys holds a dict of them (none here), the others None
    allows_extra = _ALLOWS_EXTRA.get(model)
    if allows_extra is None:
        allows_extra = _ALLOWS_EXTRA[model] = model.model_config.get("extra") == "allow"
    _set(instance, "__pydantic_extra__", {} if allows_extra else None)
    _set(instance, "__pydantic_private__", None)
    return instance


_new = object.__new__
_set = object.__setattr__
_ALLOWS_EXTRA: dict[type[BaseModel], bool] = {}  # per model class: model_config["extra"] == "allow"


def parse_yyyymmdd(value: str | None) -> dt.date | None:
    """`20250401` → date; None for empty or invalid text (the caller warns about it)."""
    if not value:
        return None
    text = value.strip()
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        return None
    try:
        return dt.date.fromisoformat(f"{text[:4]}-{text[4:6]}-{text[6:]}")
    except ValueError:
        return None


class QualificationConfirmSearchInfo(XmlModel):
    """Echo of the search (and the body of an OQSsiquc01req)."""

    insurer_number: Text = _xml("InsurerNumber")
    symbol: Text = _xml("InsuredCardSymbol")
    number: Text = _xml("InsuredIdentificationNumber")
    branch: Text = _xml("InsuredBranchNumber")
    birth_date: Text = _xml("Birthdate")
    limit_consent_flag: Text = _xml("LimitApplicationCertificateRelatedConsFlg")
    arbitrary_identifier: Text = _xml("ArbitraryIdentifier")  # the requester's own identifier, echoed


class ElderlyRecipientCertificateInfo(XmlModel):
    """高齢受給者証 (70–74)."""

    certificate_date: Text = _xml("ElderlyRecipientCertificateDate")
    valid_start_date: Text = _xml("ElderlyRecipientValidStartDate")
    valid_end_date: Text = _xml("ElderlyRecipientValidEndDate")
    contribution_ratio: Text = _xml("ElderlyRecipientContributionRatio")


class LimitApplicationCertificateRelatedInfo(XmlModel):
    """限度額適用認定証."""

    classification: Text = _xml("LimitApplicationCertificateClassification")
    classification_flag: Text = _xml("LimitApplicationCertificateClassificationFlag")
    certificate_date: Text = _xml("LimitApplicationCertificateDate")
    valid_start_date: Text = _xml("LimitApplicationCertificateValidStartDate")
    valid_end_date: Text = _xml("LimitApplicationCertificateValidEndDate")
    long_term_date: Text = _xml("LimitApplicationCertificateLongTermDate")


class SpecificDiseasesCertificateInfo(XmlModel):
    """特定疾病療養受療証."""

    disease_category: Text = _xml("SpecificDiseasesDiseaseCategory")
    certificate_date: Text = _xml("SpecificDiseasesCertificateDate")
    valid_start_date: Text = _xml("SpecificDiseasesValidStartDate")
    valid_end_date: Text = _xml("SpecificDiseasesValidEndDate")
    self_pay: Text = _xml("SpecificDiseasesSelfPay")


class MedicalTicketInfo(XmlModel):
    """医療扶助 医療券 (法別12), repeating inside PublicExpenseResultList."""

    ticket_type: Text = _xml("TicketType")
    valid_date: Text = _xml("MedicalTicketValidDate")
    expiration_date: Text = _xml("MedicalTicketExpirationDate")
    issue_number: Text = _xml("IssueNumber")
    treatment_month: Text = _xml("MedicalTreatmentMonth")
    designated_institution_code: Text = _xml("DesignatedMedicalInstitutionCode")
    designated_institution_flag: Text = _xml("DesignatedMedicalInstitutionFlag")
    designated_institution_name: Text = _xml("DesignatedMedicalInstitutionName")
    prescription_issuer_code: Text = _xml("PrescriptionIssuerMedicalInstitutionCode")
    prescription_issuer_name: Text = _xml("PrescriptionIssuerMedicalInstitutionName")
    injury_name1: Text = _xml("InjuryName1")
    injury_name2: Text = _xml("InjuryName2")
    injury_name3: Text = _xml("InjuryName3")
    treatment_type: Text = _xml("MedicalTreatmentType")
    self_pay_amount: Text = _xml("SelfPayAmount")
    district_contact_name: Text = _xml("DistrictContactName")
    handling_contact_name: Text = _xml("HandlingContactName")
    single_or_combined_use: Text = _xml("SingleOrCombinedUse")
    status_of_social_insurance: Text = _xml("StatusOfSocialInsurance")
    consistency_flag: Text = _xml("ConsistencyFlag")
    status_of_infection: Text = _xml("StatusOfInfecton")  # [sic] in the spec
    status_of_elderly_medical_care: Text = _xml("StatusOfElderlyMedicalCare")
    status_of_prefectural_expenses: Text = _xml("StatusOfPrefecturalExpenses")
    remarks1: Text = _xml("Remarks1")
    remarks2: Text = _xml("Remarks2")
    remarks3: Text = _xml("Remarks3")


class Subsidy(XmlModel):
    """One 医療費助成 (PMH) certificate. Fields of the PMH registration API v0.1.1; element names are PROVISIONAL
    (docs/pmh-layout.md). `copay_ratio_percent` and `per_visit_cap_yen` are not PMH fields: they come from the
    certificate's terms (or are typed in) and feed the copay estimate."""

    payer_number: Text = _xml(PMH_LAYOUT["payer_number"])
    recipient_number: str | None = _xml_child(PMH_LAYOUT["recipient_number"], max_length=30)
    certificate_name: Text = _xml(PMH_LAYOUT["certificate_name"])
    sub_key: Text = _xml(PMH_LAYOUT["sub_key"])
    segment: Text = _xml(PMH_LAYOUT["segment"])
    income_segment: Text = _xml(PMH_LAYOUT["income_segment"])
    additional_conditions: Text = _xml(PMH_LAYOUT["additional_conditions"])
    designated_institutions: Text = _xml(PMH_LAYOUT["designated_institutions"])
    always_reimbursed: Text = _xml(PMH_LAYOUT["always_reimbursed"])
    max_copayment: Text = _xml(PMH_LAYOUT["max_copayment"])  # 自己負担上限額 (monthly, yen)
    per_visit_cap_yen_text: Text = _xml(PMH_LAYOUT["per_visit_cap_yen_text"])
    copay_ratio_text: Text = _xml(PMH_LAYOUT["copay_ratio_text"])  # percent, e.g. "20" for 2割
    valid_from: Text = _xml(PMH_LAYOUT["valid_from"])
    valid_to: Text = _xml(PMH_LAYOUT["valid_to"])
    certification_detail: Text = _xml(PMH_LAYOUT["certification_detail"])

    @property
    def law_code(self) -> str:
        """法別番号: the first two digits of the 公費負担者番号."""
        text = (self.payer_number or "").strip()
        return text[:2] if len(text) >= 2 and text[:2].isdigit() else ""

    @property
    def monthly_cap_yen(self) -> int | None:
        return number_or_none(self.max_copayment, PMH_LAYOUT["max_copayment"])

    @property
    def per_visit_cap_yen(self) -> int | None:
        return number_or_none(self.per_visit_cap_yen_text, PMH_LAYOUT["per_visit_cap_yen_text"])

    @property
    def copay_ratio_percent(self) -> int | None:
        return number_or_none(self.copay_ratio_text, PMH_LAYOUT["copay_ratio_text"])

    @property
    def additional_condition_pairs(self) -> list[tuple[str, str]]:
        """`additionalConditions`: code pairs joined by "-", separated by ";"."""
        pairs: list[tuple[str, str]] = []
        for item in (self.additional_conditions or "").split(";"):
            if item.strip():
                code, _, value = item.strip().partition("-")
                pairs.append((code, value))
        return pairs

    @property
    def designated_institution_list(self) -> list[str]:
        return [part.strip() for part in (self.designated_institutions or "").split(";") if part.strip()]


class InsuranceQualification(XmlModel):
    """One ResultOfQualificationConfirmation."""

    XML_CHILDREN: ClassVar[dict[str, tuple[str, str, type[XmlModel]]]] = {
        "ElderlyRecipientCertificateInfo": ("elderly", "", ElderlyRecipientCertificateInfo),
        "LimitApplicationCertificateRelatedInfo": ("limit", "", LimitApplicationCertificateRelatedInfo),
        "SpecificDiseasesCertificateList": (
            "specific_diseases", "SpecificDiseasesCertificateInfo", SpecificDiseasesCertificateInfo),
        "PublicExpenseResultList": ("medical_tickets", "MedicalTicketInfo", MedicalTicketInfo),
        PMH_LAYOUT["container"]: ("subsidies", PMH_LAYOUT["item"], Subsidy),
    }

    card_classification: Text = _xml("InsuredCardClassification")
    insurer_number: Text = _xml("InsurerNumber")
    symbol: Text = _xml("InsuredCardSymbol")
    number: Text = _xml("InsuredIdentificationNumber")
    branch: Text = _xml("InsuredBranchNumber")
    personal_family: Text = _xml("PersonalFamilyClassification")
    insurer_name: Text = _xml("InsurerName")
    insured_name: Text = _xml("InsuredName")  # 世帯主/被保険者: never the patient
    name: Text = _xml("Name")
    name_of_other: Text = _xml("NameOfOther")
    name_kana: Text = _xml("NameKana")
    name_of_other_kana: Text = _xml("NameOfOtherKana")
    sex1: Text = _xml("Sex1")
    sex2: Text = _xml("Sex2")
    birth_date: Text = _xml("Birthdate")
    address: Text = _xml("Address")
    post_number: Text = _xml("PostNumber")
    qualification_date: Text = _xml("QualificationDate")
    disqualification_date: Text = _xml("DisqualificationDate")
    certificate_issuance_date: Text = _xml("InsuredCertificateIssuanceDate")
    card_valid_date: Text = _xml("InsuredCardValidDate")
    card_expiration_date: Text = _xml("InsuredCardExpirationDate")
    partial_contribution_ratio: Text = _xml("InsuredPartialContributionRatio")
    preschool: Text = _xml("PreschoolClassification")
    reason_of_loss: Text = _xml("ReasonOfLoss")
    elderly: ElderlyRecipientCertificateInfo | None = _xml_child("ElderlyRecipientCertificateInfo")
    limit_consent_flag: Text = _xml("LimitApplicationCertificateRelatedConsFlg")
    limit_consent_time: Text = _xml("LimitApplicationCertificateRelatedConsTime")
    limit_available_time: Text = _xml("LimitApplicationCertificateRelatedAvailableTime")  # 閲覧有効期限
    limit: LimitApplicationCertificateRelatedInfo | None = _xml_child("LimitApplicationCertificateRelatedInfo")
    specific_diseases_consent_flag: Text = _xml("SpecificDiseasesCertificateRelatedConsFlg")
    specific_diseases_consent_time: Text = _xml("SpecificDiseasesCertificateRelatedConsTime")
    specific_diseases_available_time: Text = _xml("SpecificDiseasesCertificateRelatedAvailableTime")  # 閲覧有効期限
    specific_diseases: list[SpecificDiseasesCertificateInfo] = _xml_child("SpecificDiseasesCertificateList", list)
    medical_tickets: list[MedicalTicketInfo] = _xml_child("PublicExpenseResultList", list)
    # UNCONFIRMED fallbacks for 医療扶助 (OQSDrug2 reads them when present).
    public_expense_number: Text = _xml("PublicExpenseNumber")
    beneficiary_number: Text = _xml("BeneficiaryNumber")
    welfare_office_name: Text = _xml("WelfareOfficeName")
    checkups_consent_flag: Text = _xml("SpecificHealthCheckupsInfoConsFlg")
    checkups_consent_time: Text = _xml("SpecificHealthCheckupsInfoConsTime")
    checkups_available_time: Text = _xml("SpecificHealthCheckupsInfoAvailableTime")
    pharmacists_consent_flag: Text = _xml("PharmacistsInfoConsFlg")
    pharmacists_consent_time: Text = _xml("PharmacistsInfoConsTime")
    pharmacists_available_time: Text = _xml("PharmacistsInfoAvailableTime")
    diagnosis_consent_flag: Text = _xml("DiagnosisInfoConsFlg")
    diagnosis_consent_time: Text = _xml("DiagnosisInfoConsTime")
    diagnosis_available_time: Text = _xml("DiagnosisInfoAvailableTime")
    operation_consent_flag: Text = _xml("OperationInfoConsFlg")
    operation_consent_time: Text = _xml("OperationInfoConsTime")
    operation_available_time: Text = _xml("OperationInfoAvailableTime")
    reference_number: Text = _xml("ReferenceNumber")
    confirmation_key: Text = _xml("QualificationConfirmationKey")  # meaning UNCONFIRMED
    prescription_issue_select: Text = _xml("PrescriptionIssueSelect")  # also per result in some layouts
    # PMH subsidies for this person (PROVISIONAL layout, docs/pmh-layout.md).
    subsidies: list[Subsidy] = _xml_child(PMH_LAYOUT["container"], list)


class ResultHeader(XmlModel):
    """XmlMsg/MessageHeader."""

    process_execution_time: Text = _xml("ProcessExecutionTime")
    qualification_confirmation_date: Text = _xml("QualificationConfirmationDate")
    medical_institution_code: Text = _xml("MedicalInstitutionCode")
    arbitrary_file_identifier: Text = _xml("ArbitraryFileIdentifier")
    reference_classification: Text = _xml("ReferenceClassification")
    segment_of_result: Text = _xml("SegmentOfResult")
    error_code: Text = _xml("ErrorCode")
    error_message: Text = _xml("ErrorMessage")
    character_code_identifier: Text = _xml("CharacterCodeIdentifier")


class QualificationResult(XmlModel):
    """A whole OQSsiquc01res (face or req/res) file: header, body, results and PMH subsidies."""

    XML_CHILDREN: ClassVar[dict[str, tuple[str, str, type[XmlModel]]]] = {
        "QualificationConfirmSearchInfo": ("search_info", "", QualificationConfirmSearchInfo),
        "ResultList": ("results", "ResultOfQualificationConfirmation", InsuranceQualification),
        PMH_LAYOUT["container"]: ("subsidies", PMH_LAYOUT["item"], Subsidy),
    }

    header: ResultHeader = _xml_child("MessageHeader", ResultHeader)
    processing_result_status: Text = _xml("ProcessingResultStatus")
    processing_result_code: Text = _xml("ProcessingResultCode")
    processing_result_message: Text = _xml("ProcessingResultMessage")
    qualification_validity: Text = _xml("QualificationValidity")
    prescription_issue_select: Text = _xml("PrescriptionIssueSelect")
    search_info: QualificationConfirmSearchInfo | None = _xml_child("QualificationConfirmSearchInfo")
    results: list[InsuranceQualification] = _xml_child("ResultList", list)
    subsidies: list[Subsidy] = _xml_child(PMH_LAYOUT["container"], list)
    # Unknown elements directly under XmlMsg (outside header and body).
    root_extra: dict[str, str] = _xml_child("_root_extra", dict)
    # How the file was decoded ("cp932" / "utf-8"); not an element, not compared in round trips.
    source_encoding: str | None = Field(default=None, exclude=True)
    # The reader's doubt about the bytes (a warning code, e.g. "bytes_look_like_utf8"); not an element.
    source_encoding_doubt: str | None = Field(default=None, exclude=True)

    def all_subsidies(self) -> list[Subsidy]:
        """Body-level and per-result PMH subsidies, in file order."""
        found = list(self.subsidies)
        for result in self.results:
            found.extend(result.subsidies)
        return found


class QualificationRequest(XmlModel):
    """OQSsiquc01req: header fields and the search info."""

    qualification_confirmation_date: Text = _xml("QualificationConfirmationDate")
    medical_institution_code: Text = _xml("MedicalInstitutionCode")
    arbitrary_file_identifier: Text = _xml("ArbitraryFileIdentifier")
    character_code_identifier: Text = _xml("CharacterCodeIdentifier")
    XML_CHILDREN: ClassVar[dict[str, tuple[str, str, type[XmlModel]]]] = {
        "QualificationConfirmSearchInfo": ("search_info", "", QualificationConfirmSearchInfo),
    }

    search_info: QualificationConfirmSearchInfo = _xml_child(
        "QualificationConfirmSearchInfo", QualificationConfirmSearchInfo)


class ReferenceNumberRegistrationInfo(XmlModel):
    """照会番号 registration (OQSsiimm01req body)."""

    reference_number: Text = _xml("ReferenceNumber")
    insurer_number: Text = _xml("InsurerNumber")
    symbol: Text = _xml("InsuredCardSymbol")
    number: Text = _xml("InsuredIdentificationNumber")
    branch: Text = _xml("InsuredBranchNumber")


class ReferenceRegistrationRequest(XmlModel):
    medical_institution_code: Text = _xml("MedicalInstitutionCode")
    arbitrary_file_identifier: Text = _xml("ArbitraryFileIdentifier")
    character_code_identifier: Text = _xml("CharacterCodeIdentifier")
    XML_CHILDREN: ClassVar[dict[str, tuple[str, str, type[XmlModel]]]] = {
        "ReferenceNumberRegistrationInfo": ("info", "", ReferenceNumberRegistrationInfo),
    }

    info: ReferenceNumberRegistrationInfo = _xml_child(
        "ReferenceNumberRegistrationInfo", ReferenceNumberRegistrationInfo)


class ReferenceRegistrationResult(XmlModel):
    """OQSsiimm01res: header and processing result (element names as for qualification results)."""

    XML_CHILDREN: ClassVar[dict[str, tuple[str, str, type[XmlModel]]]] = {
        "ReferenceNumberRegistrationInfo": ("info", "", ReferenceNumberRegistrationInfo),
    }

    header: ResultHeader = _xml_child("MessageHeader", ResultHeader)
    processing_result_status: Text = _xml("ProcessingResultStatus")
    processing_result_code: Text = _xml("ProcessingResultCode")
    processing_result_message: Text = _xml("ProcessingResultMessage")
    info: ReferenceNumberRegistrationInfo | None = _xml_child("ReferenceNumberRegistrationInfo")

    @property
    def ok(self) -> bool:
        return self.header.segment_of_result in (None, "1") and self.processing_result_status == "1"


class Chart(BaseModel):
    """The clinic's own record of the patient, for comparison only (never overwritten from OQS)."""

    model_config = ConfigDict(extra="ignore")

    patient_id: str | None = None
    name: str | None = None
    kana: str | None = None
    birth_date: dt.date | None = None
    sex: str | None = None  # "1" 男 / "2" 女 / "3" 未設定, as Sex1
    address: str | None = None
    insurer_number: str | None = None
    symbol: str | None = None
    number: str | None = None
    branch: str | None = None


# ------------------------------------------------------------------------------------------------ merged view


class EligibilityWarning(BaseModel):
    """One doubt for the desk. `code` is stable; `message` is Japanese (shown first), `message_en` English."""

    code: str
    message: str
    message_en: str
    severity: str = "warning"  # "error" | "warning" | "info"
    result_index: int | None = None  # which ResultOfQualificationConfirmation, when it is about one


class SubsidyView(BaseModel):
    """A subsidy as the desk sees it: ordered, flagged active or not on the visit date."""

    law_code: str
    law_name: str
    payer_number: str | None
    recipient_number: str | None
    name: str | None
    valid_from: str | None  # ISO date, or the raw text when it cannot be read
    valid_to: str | None
    active_on_visit: bool
    monthly_cap_yen: int | None
    per_visit_cap_yen: int | None
    copay_ratio_percent: int | None
    claim_order: int
    source: str  # "pmh" | "medical_assistance"
    key: str  # payer|recipient, the key of month-to-date self-pay
    elements: dict[str, str]  # every element of the subsidy as read (PMH names), nothing dropped


class MergedSection(BaseModel):
    """Base of the merged view's sections: immutable (a view crosses threads), unknown keys ignored when a stored
    snapshot is read back."""

    model_config = ConfigDict(frozen=True)

    def entries(self) -> list[tuple[str, object]]:
        """(field, value) in export order: for displays that list every field ("nothing hidden")."""
        values = self.__dict__
        return [(name, values.get(name)) for name in type(self).model_fields]


class PatientView(MergedSection):
    """Identity as the insurer holds it (本人: never `insured_name`, the 世帯主)."""

    name: str | None = None
    name_kana: str | None = None
    name_of_other: str | None = None  # 通称名
    name_of_other_kana: str | None = None
    birth_date: str | None = None  # ISO date, or the raw text when it cannot be read
    birth_date_wareki: str | None = None
    age: int | None = None  # on the visit date
    sex: str | None = None  # Sex1 code
    sex_text: str = ""
    sex2: str | None = None
    address: str | None = None
    post_number: str | None = None
    insured_name: str | None = None
    personal_family: str | None = None
    personal_family_text: str = ""
    name_has_gaiji: bool = False


class InsuranceView(MergedSection):
    """The insurance card and the copay ratio with its basis."""

    insurer_number: str | None = None
    insurer_name: str | None = None
    symbol: str | None = None
    number: str | None = None
    branch: str | None = None
    card_classification: str | None = None
    card_classification_text: str = ""
    copay_ratio_percent: int | None = None
    copay_basis: str = "unknown"  # a key of codes.COPAY_BASIS_TEXT
    copay_basis_text: str = ""
    partial_contribution_ratio: str | None = None
    preschool: str | None = None
    qualification_date: str | None = None  # dates: ISO, or the raw text when they cannot be read
    disqualification_date: str | None = None
    reason_of_loss: str | None = None
    reason_of_loss_text: str = ""
    certificate_issuance_date: str | None = None
    card_valid_date: str | None = None
    card_expiration_date: str | None = None


class ElderlyView(MergedSection):
    """高齢受給者証 (70–74)."""

    certificate_date: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    contribution_ratio: str | None = None
    contribution_ratio_percent: int | None = None
    active_on_visit: bool = False
    elements: dict[str, str] = Field(default_factory=dict)
    extra: dict[str, str] = Field(default_factory=dict)


class LimitView(MergedSection):
    """限度額適用認定証: the class (区分) and its validity."""

    classification: str | None = None
    classification_text: str = ""
    class_code: str | None = None
    class_text: str = ""
    certificate_date: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    long_term_date: str | None = None
    active_on_visit: bool = False
    consent_flag: str | None = None
    consent_time: str | None = None
    elements: dict[str, str] = Field(default_factory=dict)
    extra: dict[str, str] = Field(default_factory=dict)


class SpecificDiseaseView(MergedSection):
    """One 特定疾病療養受療証."""

    category: str | None = None
    category_text: str = ""
    certificate_date: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    self_pay_yen: str | None = None  # as the file says it
    active_on_visit: bool = False
    elements: dict[str, str] = Field(default_factory=dict)
    extra: dict[str, str] = Field(default_factory=dict)


class MedicalTicketView(MergedSection):
    """One 医療扶助 医療券."""

    ticket_type: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    treatment_month: str | None = None
    designated_institution_code: str | None = None
    designated_institution_name: str | None = None
    self_pay_amount: str | None = None
    single_or_combined_use: str | None = None
    active_on_visit: bool = False
    elements: dict[str, str] = Field(default_factory=dict)
    extra: dict[str, str] = Field(default_factory=dict)


class ConsentView(MergedSection):
    """One consent (同意) of the patient at the reader, as the file says it."""

    flag: str | None = None
    flag_text: str = ""
    time: str | None = None
    available_time: str | None = None


class ProcessingView(MergedSection):
    """The file's processing result and qualification validity, with their words."""

    status: str | None = None
    status_text: str = ""
    code: str | None = None
    message: str | None = None
    qualification_validity: str | None = None
    qualification_validity_text: str = ""
    prescription_issue_select: str | None = None
    prescription_issue_select_text: str = ""


class ResultView(MergedSection):
    """One ResultOfQualificationConfirmation's view (the first is also the merged view's own sections)."""

    patient: PatientView = Field(default_factory=PatientView)
    insurance: InsuranceView = Field(default_factory=InsuranceView)
    elderly: ElderlyView | None = None
    limit: LimitView | None = None
    specific_diseases: list[SpecificDiseaseView] = Field(default_factory=list)
    medical_tickets: list[MedicalTicketView] = Field(default_factory=list)
    consents: dict[str, ConsentView] = Field(default_factory=dict)
    reference_number: str | None = None
    elements: dict[str, str] = Field(default_factory=dict)  # fields no section shows (nothing lost)
    extra: dict[str, str] = Field(default_factory=dict)


# Warning codes of the chart comparison (merge._compare_chart).
CHART_WARNING_PREFIX = "chart_"


class MergedEligibility(BaseModel):
    """The one merged view: status in words, patient, insurance, ratio and basis, 限度額, 特定疾病, 医療扶助, subsidies
    in claim order and every doubt as a warning. `to_json()` is the documented schema (docs/eligibility-json.md)."""

    # "allow": a snapshot stored by another version may carry keys this one does not know; they are kept, not lost.
    model_config = ConfigDict(extra="allow")

    status: str
    status_text: str
    status_text_en: str
    final: bool
    visit_date: dt.date
    header: dict[str, str | None]  # MessageHeader by element name, with two *_text words
    processing: ProcessingView
    # None when the file has no result (not found, not final); exported as {} (the documented schema).
    patient: PatientView | None
    insurance: InsuranceView | None
    elderly: ElderlyView | None = None
    limit: LimitView | None = None
    specific_diseases: list[SpecificDiseaseView] = Field(default_factory=list)
    medical_tickets: list[MedicalTicketView] = Field(default_factory=list)
    consents: dict[str, ConsentView] = Field(default_factory=dict)
    subsidies: list[SubsidyView] = Field(default_factory=list)
    warnings: list[EligibilityWarning] = Field(default_factory=list)
    reference_number: str | None = None
    results: list[ResultView] = Field(default_factory=list)  # every result's view (several when "multiple")
    search_info: dict[str, str] | None = None
    other_elements: dict[str, str] = Field(default_factory=dict)  # unknown elements anywhere, by path

    @field_validator("patient", "insurance", mode="before")
    @classmethod
    def _missing_from_empty(cls, value: object) -> object:
        return None if value == {} else value

    @field_serializer("patient", "insurance", mode="wrap")
    def _empty_when_missing(self, value: MergedSection | None, handler: SerializerFunctionWrapHandler) -> object:
        return {} if value is None else handler(value)

    @classmethod
    def from_json(cls, text: str | bytes) -> MergedEligibility:
        """The merged view back from its export (a stored snapshot). Top-level keys this version does not know are
        kept (`model_extra`) so that a display can still show them. Raises pydantic.ValidationError."""
        return cls.model_validate_json(text)

    @property
    def chart_differences(self) -> list[EligibilityWarning]:
        """The warnings where the chart and the OQS result disagree (name, kana, birth date, sex, address,
        insurance)."""
        return [warning for warning in self.warnings if warning.code.startswith(CHART_WARNING_PREFIX)]

    @property
    def unknown_fields(self) -> dict[str, object]:
        """Top-level keys of a stored snapshot that this version does not know (empty for a fresh merge)."""
        return dict(self.model_extra or {})

    def warning_codes(self) -> list[str]:
        return [warning.code for warning in self.warnings]

    def entries(self) -> list[tuple[str, object]]:
        """(field, value) in export order, then the unknown fields: for displays that list every field ("nothing
        hidden")."""
        values = self.__dict__
        return [(name, values.get(name)) for name in type(self).model_fields] + list(self.unknown_fields.items())

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        data["warnings"] = [
            {"code": w.code, "message": w.message, "message_en": w.message_en, "severity": w.severity,
             "result_index": w.result_index}
            for w in self.warnings
        ]
        return data
