"""The ONE place for element-name facts that vary or are not public.

- `ELEMENT_ALIASES`: spec-version variants → the canonical name the models use (online_qualification.md §2: [S6]
  writes `PharmaceuticalInfo…` where others write `PharmacistsInfo…`; `…AcquisitionTime` is the 閲覧有効期限 and
  maps to `…AvailableTime`, issue 13).
- `FLAT_LISTS`: lists read with or without their item element.
- `PMH_LAYOUT`: the PROVISIONAL layout of 医療費助成 (PMH) data inside a result file. The real tag names are in the
  non-public 別紙3-1; see docs/pmh-layout.md. Change them here only.
"""

from __future__ import annotations

ROOT_ELEMENT = "XmlMsg"
HEADER_ELEMENT = "MessageHeader"
BODY_ELEMENT = "MessageBody"

_CONSENT_PREFIXES = ("SpecificHealthCheckupsInfo", "PharmacistsInfo", "DiagnosisInfo", "OperationInfo")


def _consent_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for prefix in _CONSENT_PREFIXES:
        variants = {prefix}
        if prefix == "PharmacistsInfo":
            variants |= {"PharmaceuticalInfo", "PharmacistInfo", "DrugInfo"}
        for variant in variants:
            for suffix in ("ConsFlg", "ConsTime", "AvailableTime"):
                if variant != prefix:
                    aliases[f"{variant}{suffix}"] = f"{prefix}{suffix}"
            # …AcquisitionTime is the 閲覧有効期限 (until when the information may be viewed), not the consent time
            aliases[f"{variant}AcquisitionTime"] = f"{prefix}AvailableTime"
            aliases[f"{variant}ConsFlag"] = f"{prefix}ConsFlg"
    for prefix in ("LimitApplicationCertificateRelated", "SpecificDiseasesCertificateRelated"):
        aliases[f"{prefix}AcquisitionTime"] = f"{prefix}AvailableTime"
        aliases[f"{prefix}ConsFlag"] = f"{prefix}ConsFlg"
    return aliases


ELEMENT_ALIASES: dict[str, str] = {
    **_consent_aliases(),
    "StatusOfInfection": "StatusOfInfecton",  # the spec spells it without the second "i"
    "BirthDate": "Birthdate",
    "InsuredIdentificationNo": "InsuredIdentificationNumber",
    "PharmaceuticalInfoAvailableTime": "PharmacistsInfoAvailableTime",
}

# PMH (医療費助成) — PROVISIONAL. Field names follow the PMH registration API v0.1.1 (camelCase → PascalCase).
PMH_LAYOUT: dict[str, str] = {
    # container elements: directly in MessageBody (all results) or inside one ResultOfQualificationConfirmation
    "container": "MedicalSubsidyResultList",
    "item": "MedicalSubsidyInfo",
    # model field → element name
    "payer_number": "MedicalSubsidyInsurerNumber",  # medicalSubsidyInsurerNumber, 公費負担者番号 (8 digits)
    "recipient_number": "MedicalSubsidyRecipientNumber",  # medicalSubsidyRecipientNumber, ≤30 characters
    "certificate_name": "CertificationName",
    "sub_key": "CertificationSubKey",
    "segment": "Segment",
    "income_segment": "IncomeSegment",
    "additional_conditions": "AdditionalConditions",  # "code-value;code-value"
    "designated_institutions": "DesignatedMedicalInstitutions",  # 医療機関コード joined by ";"
    "always_reimbursed": "IsAlwaysReimbursement",  # "0" / "1"
    "max_copayment": "MaxCopaymentAmount",  # 自己負担上限額 per month, yen
    "per_visit_cap_yen_text": "PerVisitCopaymentAmount",  # not in PMH v0.1.1: 1回あたりの負担 (e.g. マル子 200円)
    "copay_ratio_text": "CopaymentRatio",  # not in PMH v0.1.1: percent (20 = 2割)
    "valid_from": "ValidFrom",
    "valid_to": "ValidTo",
    "certification_detail": "CertificationDetail",  # 券面項目, free text
}
PMH_ALIASES: dict[str, str] = {
    "PublicExpenseInsurerNumber": PMH_LAYOUT["payer_number"],
    "MedicalSubsidyBeneficiaryNumber": PMH_LAYOUT["recipient_number"],
}
ELEMENT_ALIASES.update(PMH_ALIASES)

# Lists whose item fields some writers put directly in the list, without the item element
# (`<SpecificDiseasesCertificateList><SpecificDiseasesDiseaseCategory>…`): read as items, a repeated field starting
# the next one (issue 13; see docs/eligibility-json.md, "Layout decisions").
FLAT_LISTS = frozenset({"SpecificDiseasesCertificateList"})

# Header elements of flat request models (everything else goes to MessageBody).
REQUEST_HEADER_ELEMENTS = frozenset(
    {"QualificationConfirmationDate", "MedicalInstitutionCode", "ArbitraryFileIdentifier", "CharacterCodeIdentifier"}
)


def canonical(name: str) -> str:
    return ELEMENT_ALIASES.get(name, name)


# The ONE table of the layout decisions of issue 13: (topic, decision, source). docs/eligibility-json.md ("Layout
# decisions") lists the same rows with their sources; a test keeps the two together. UNCONFIRMED = no public
# primary source (the published layout 別紙3-1 is not among this project's seeds).
LAYOUT_DECISIONS: tuple[tuple[str, str, str], ...] = (
    ("AcquisitionTime", "`…AcquisitionTime` is the 閲覧有効期限 (available-until time): read as `…AvailableTime`, "
     "never as the consent time", "issue 13 (別紙3-1 as reported there); [S6] writes the name"),
    ("LimitCodes", "限度額 OQSCD011 03 = 標準負担額減額認定証; OQSCD012 B02–B09 labelled (codes.LIMIT_CODE_STATUS)",
     "online_qualification.md §2 (A01–A06, B01, B10); UNCONFIRMED beyond: [S8] onshi-result code table only"),
    ("WelfareOffice", "医療扶助 (A1): the 福祉事務所名 is `InsurerName`; `WelfareOfficeName` stays an UNCONFIRMED "
     "fallback", "issue 13; online_qualification.md §2 ([S6] reads InsurerNumber as the payer)"),
    ("PaddedInsurerNumber", "a 6-digit 国保 保険者番号 padded to 8 characters with leading spaces is shown trimmed "
     "(the model keeps the raw text)", "online_qualification.md §2 (requests pad, [S4]); issue 13"),
    ("ArbitraryIdentifier", "`QualificationConfirmSearchInfo/ArbitraryIdentifier` is a field of the search echo",
     "issue 13"),
    ("PrescriptionIssueSelect", "read in `MessageBody` and in each `ResultOfQualificationConfirmation`; the body's "
     "value first", "online_qualification.md §2 ([S8][S10]); issue 13"),
    ("FlatSpecificDiseases", "`SpecificDiseasesCertificateList` holding its fields directly is read as certificates "
     "(a repeated field starts the next); `FLAT_LISTS`", "issue 13 (as some readers write it)"),
)
