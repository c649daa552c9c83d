#!/usr/bin/env python3
"""Writes the synthetic OQS result samples of this folder (synthetic people only; no 12-digit numbers).

The XML is built from plain text templates here, NOT with the app's writer, so that the reader is tested against
files it did not produce. Run: python tests/data/oqs/make_samples.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
CLINIC = "1311111114"  # 医療機関コード with a valid check digit


def header(segment: str = "1", charset: str = "1", extra: str = "", when: str = "20250601") -> str:
    return (
        f"<MessageHeader><ProcessExecutionTime>{when}093000</ProcessExecutionTime>"
        f"<QualificationConfirmationDate>{when}</QualificationConfirmationDate>"
        f"<MedicalInstitutionCode>{CLINIC}</MedicalInstitutionCode>"
        "<ArbitraryFileIdentifier>face-0001</ArbitraryFileIdentifier>"
        "<ReferenceClassification>1</ReferenceClassification>"
        f"<SegmentOfResult>{segment}</SegmentOfResult>{extra}"
        f"<CharacterCodeIdentifier>{charset}</CharacterCodeIdentifier></MessageHeader>"
    )


def person(**fields: str) -> str:
    base = {
        "InsuredCardClassification": "01",
        "InsurerNumber": "06130488",
        "InsuredCardSymbol": "１２３",
        "InsuredIdentificationNumber": "４５６７",
        "InsuredBranchNumber": "00",
        "PersonalFamilyClassification": "1",
        "InsurerName": "テスト健康保険組合",
        "InsuredName": "試験　太郎",
        "Name": "試験　太郎",
        "NameKana": "ｼｹﾝ ﾀﾛｳ",
        "Sex1": "1",
        "Birthdate": "19800415",
        "Address": "東京都調布市試験町１－２－３",
        "PostNumber": "182-0000",
        "QualificationDate": "20100401",
        "InsuredCertificateIssuanceDate": "20100401",
    }
    tail = fields.pop("_tail", "")
    base.update(fields)
    body = "".join(f"<{k}>{v}</{k}>" if v is not None else "" for k, v in base.items() if v != "-")
    return f"<ResultOfQualificationConfirmation>{body}{tail}</ResultOfQualificationConfirmation>"


def document(body: str, *, encoding: str = "Shift_JIS", segment: str = "1", header_extra: str = "",
             declaration: bool = True, when: str = "20250601") -> bytes:
    charset = "1" if encoding == "Shift_JIS" else "0"
    text = f"<XmlMsg>{header(segment, charset, header_extra, when)}<MessageBody>{body}</MessageBody></XmlMsg>\n"
    if declaration:
        text = f'<?xml version="1.0" encoding="{encoding}" standalone="yes"?>\n' + text
    return text.encode("cp932" if encoding == "Shift_JIS" else "utf-8")


def body(validity: str, results: str = "", message: str = "", status: str = "1", extra: str = "") -> str:
    msg = (
        f"<ProcessingResultCode>W0001</ProcessingResultCode><ProcessingResultMessage>{message}</ProcessingResultMessage>"
        if message else ""
    )
    result_list = f"<ResultList>{results}</ResultList>" if results else ""
    return (f"<ProcessingResultStatus>{status}</ProcessingResultStatus>{msg}"
            f"<QualificationValidity>{validity}</QualificationValidity>"
            f"<PrescriptionIssueSelect>1</PrescriptionIssueSelect>{result_list}{extra}")


CONSENTS = (
    "<SpecificHealthCheckupsInfoConsFlg>1</SpecificHealthCheckupsInfoConsFlg>"
    "<SpecificHealthCheckupsInfoConsTime>20250601092950</SpecificHealthCheckupsInfoConsTime>"
    "<SpecificHealthCheckupsInfoAvailableTime>20251201000000</SpecificHealthCheckupsInfoAvailableTime>"
    "<PharmacistsInfoConsFlg>1</PharmacistsInfoConsFlg><PharmacistsInfoConsTime>20250601092950</PharmacistsInfoConsTime>"
    "<PharmacistsInfoAvailableTime>20251201000000</PharmacistsInfoAvailableTime>"
    "<DiagnosisInfoConsFlg>0</DiagnosisInfoConsFlg><DiagnosisInfoConsTime>20250601092950</DiagnosisInfoConsTime>"
    "<DiagnosisInfoAvailableTime>20251201000000</DiagnosisInfoAvailableTime>"
    "<OperationInfoConsFlg>1</OperationInfoConsFlg><OperationInfoConsTime>20250601092950</OperationInfoConsTime>"
    "<OperationInfoAvailableTime>20251201000000</OperationInfoAvailableTime>"
)
LIMIT = (
    "<LimitApplicationCertificateRelatedConsFlg>1</LimitApplicationCertificateRelatedConsFlg>"
    "<LimitApplicationCertificateRelatedConsTime>20250601092950</LimitApplicationCertificateRelatedConsTime>"
    "<LimitApplicationCertificateRelatedInfo><LimitApplicationCertificateClassification>01"
    "</LimitApplicationCertificateClassification><LimitApplicationCertificateClassificationFlag>A03"
    "</LimitApplicationCertificateClassificationFlag><LimitApplicationCertificateDate>20250401"
    "</LimitApplicationCertificateDate><LimitApplicationCertificateValidStartDate>20250401"
    "</LimitApplicationCertificateValidStartDate><LimitApplicationCertificateValidEndDate>20260331"
    "</LimitApplicationCertificateValidEndDate><LimitApplicationCertificateLongTermDate>20250501"
    "</LimitApplicationCertificateLongTermDate></LimitApplicationCertificateRelatedInfo>"
)
SPECIFIC = (
    "<SpecificDiseasesCertificateRelatedConsFlg>1</SpecificDiseasesCertificateRelatedConsFlg>"
    "<SpecificDiseasesCertificateRelatedConsTime>20250601092950</SpecificDiseasesCertificateRelatedConsTime>"
    "<SpecificDiseasesCertificateList><SpecificDiseasesCertificateInfo>"
    "<SpecificDiseasesDiseaseCategory>1</SpecificDiseasesDiseaseCategory>"
    "<SpecificDiseasesCertificateDate>20240401</SpecificDiseasesCertificateDate>"
    "<SpecificDiseasesValidStartDate>20240401</SpecificDiseasesValidStartDate>"
    "<SpecificDiseasesValidEndDate>20270331</SpecificDiseasesValidEndDate>"
    "<SpecificDiseasesSelfPay>10000</SpecificDiseasesSelfPay>"
    "</SpecificDiseasesCertificateInfo></SpecificDiseasesCertificateList>"
)


def ticket(n: int, start: str, end: str, self_pay: str = "0") -> str:
    return (
        f"<MedicalTicketInfo><TicketType>1</TicketType><MedicalTicketValidDate>{start}</MedicalTicketValidDate>"
        f"<MedicalTicketExpirationDate>{end}</MedicalTicketExpirationDate><IssueNumber>T{n:04d}</IssueNumber>"
        f"<MedicalTreatmentMonth>{start[:6]}</MedicalTreatmentMonth>"
        f"<DesignatedMedicalInstitutionCode>{CLINIC}</DesignatedMedicalInstitutionCode>"
        "<DesignatedMedicalInstitutionFlag>1</DesignatedMedicalInstitutionFlag>"
        "<DesignatedMedicalInstitutionName>試験クリニック</DesignatedMedicalInstitutionName>"
        "<PrescriptionIssuerMedicalInstitutionCode>1311111114</PrescriptionIssuerMedicalInstitutionCode>"
        "<PrescriptionIssuerMedicalInstitutionName>試験クリニック</PrescriptionIssuerMedicalInstitutionName>"
        "<InjuryName1>感冒</InjuryName1><InjuryName2>腰痛症</InjuryName2><InjuryName3>高血圧症</InjuryName3>"
        "<MedicalTreatmentType>1</MedicalTreatmentType>"
        f"<SelfPayAmount>{self_pay}</SelfPayAmount><DistrictContactName>地区担当Ａ</DistrictContactName>"
        "<HandlingContactName>取扱担当Ｂ</HandlingContactName><SingleOrCombinedUse>1</SingleOrCombinedUse>"
        "<StatusOfSocialInsurance>0</StatusOfSocialInsurance><ConsistencyFlag>1</ConsistencyFlag>"
        "<StatusOfInfecton>0</StatusOfInfecton><StatusOfElderlyMedicalCare>0</StatusOfElderlyMedicalCare>"
        "<StatusOfPrefecturalExpenses>0</StatusOfPrefecturalExpenses>"
        "<Remarks1>備考一</Remarks1><Remarks2>備考二</Remarks2><Remarks3>備考三</Remarks3></MedicalTicketInfo>"
    )


def subsidy(payer: str, recipient: str, name: str, start: str, end: str, cap: str = "", ratio: str = "",
            per_visit: str = "") -> str:
    parts = [
        f"<MedicalSubsidyInsurerNumber>{payer}</MedicalSubsidyInsurerNumber>",
        f"<MedicalSubsidyRecipientNumber>{recipient}</MedicalSubsidyRecipientNumber>",
        f"<CertificationName>{name}</CertificationName><CertificationSubKey>01</CertificationSubKey>",
        "<Segment>1</Segment><IncomeSegment>一般</IncomeSegment><AdditionalConditions>01-1;02-0</AdditionalConditions>",
        f"<DesignatedMedicalInstitutions>{CLINIC}</DesignatedMedicalInstitutions>",
        "<IsAlwaysReimbursement>0</IsAlwaysReimbursement>",
        f"<MaxCopaymentAmount>{cap}</MaxCopaymentAmount>" if cap else "",
        f"<PerVisitCopaymentAmount>{per_visit}</PerVisitCopaymentAmount>" if per_visit else "",
        f"<CopaymentRatio>{ratio}</CopaymentRatio>" if ratio else "",
        f"<ValidFrom>{start}</ValidFrom><ValidTo>{end}</ValidTo>",
        f"<CertificationDetail>{name} 券面</CertificationDetail>",
    ]
    return "<MedicalSubsidyInfo>" + "".join(parts) + "</MedicalSubsidyInfo>"


EXPIRY_MESSAGE = "電子証明書の有効期限が近づいています。お住まいの市区町村で更新手続きを行ってください。"

SAMPLES: dict[str, bytes] = {
    # 1 有効: adult, Shift_JIS, 髙/﨑/① and ～ in names/address, full-width 記号・番号, 限度額, consents, 照会番号
    "valid_general_sjis.xml": document(body("1", person(
        Name="髙﨑　一郎", NameKana="ﾀｶｻｷ ｲﾁﾛｳ", NameOfOther="髙﨑　一朗", NameOfOtherKana="ﾀｶｻｷ ｲﾁﾛｳ",
        Address="東京都調布市試験町①丁目２～３", InsuredCardSymbol="医国３４０",
        InsuredIdentificationNumber="０２８２‐００１",
        InsuredBranchNumber="01", InsuredCardValidDate="20100401", InsuredCardExpirationDate="20300331",
        _tail=LIMIT + CONSENTS + "<ReferenceNumber>P000123</ReferenceNumber>"
        "<QualificationConfirmationKey>QK-0001</QualificationConfirmationKey>"), message=EXPIRY_MESSAGE)),
    # 1 有効: preschool child, UTF-8, Tokyo マル乳 (88) in PMH
    "valid_preschool_utf8.xml": document(body("1", person(
        Name="試験　花子", NameKana="ｼｹﾝ ﾊﾅｺ", Sex1="2", Birthdate="20210510", PersonalFamilyClassification="2",
        PreschoolClassification="1", InsuredBranchNumber="02",
        _tail="<MedicalSubsidyResultList>" + subsidy("88132014", "1234566", "乳幼児医療証（マル乳）", "2021-05-10",
                                                      "2027-03-31", ratio="0") + "</MedicalSubsidyResultList>")),
        encoding="UTF-8"),
    # 高齢受給者 70–74, 2割
    "elderly_recipient.xml": document(body("1", person(
        Birthdate="19530710", InsurerNumber="01130012", InsurerName="全国健康保険協会東京支部",
        _tail="<ElderlyRecipientCertificateInfo><ElderlyRecipientCertificateDate>20230801</ElderlyRecipientCertificateDate>"
        "<ElderlyRecipientValidStartDate>20230801</ElderlyRecipientValidStartDate>"
        "<ElderlyRecipientValidEndDate>20260731</ElderlyRecipientValidEndDate>"
        "<ElderlyRecipientContributionRatio>020</ElderlyRecipientContributionRatio>"
        "</ElderlyRecipientCertificateInfo>"))),
    # 後期高齢者 1割
    "late_elderly_10.xml": document(body("1", person(
        Birthdate="19400203", InsurerNumber="39130018", InsurerName="東京都後期高齢者医療広域連合",
        InsuredCardSymbol="-", InsuredIdentificationNumber="00001234", InsuredBranchNumber="-",
        InsuredPartialContributionRatio="010"))),
    # 特定疾病 (人工透析)
    "specific_diseases.xml": document(body("1", person(_tail=SPECIFIC))),
    # 医療扶助 A1 with two tickets (one current, one old), validity 1
    "medical_assistance_a1.xml": document(body("1", person(
        InsuredCardClassification="A1", InsurerNumber="12131017", InsurerName="試験市福祉事務所",
        InsuredCardSymbol="-", InsuredIdentificationNumber="7654320", InsuredBranchNumber="-",
        _tail="<PublicExpenseResultList>" + ticket(1, "20250601", "20250630") + ticket(2, "20250501", "20250531")
        + "</PublicExpenseResultList>"))),
    # 6 有効（未登録）: 医療扶助 only
    "validity6_unregistered.xml": document(body("6", person(
        InsuredCardClassification="A1", InsurerNumber="12131017", InsurerName="試験市福祉事務所",
        InsuredCardSymbol="-", InsuredIdentificationNumber="7654320", InsuredBranchNumber="-",
        _tail="<PublicExpenseResultList>" + ticket(3, "20250601", "20250630", "1000") + "</PublicExpenseResultList>"))),
    "validity2_invalid.xml": document(body("2", person(DisqualificationDate="20250331", ReasonOfLoss="03"))),
    "validity3_new_qualification.xml": document(body("3", person(DisqualificationDate="20250331", ReasonOfLoss="03"))),
    "validity4_not_found.xml": document(body("4")),
    "validity5_multiple.xml": document(body("5", person() + person(
        InsurerNumber="06270011", InsurerName="別の健康保険組合", InsuredBranchNumber="01"))),
    # ● for a 外字 in the name
    "gaiji_name.xml": document(body("1", person(Name="●藤　次郎", NameKana="ｻｲﾄｳ ｼﾞﾛｳ")), encoding="UTF-8"),
    # PMH: 難病 54 + 都 マル障 80 + an expired 21 (adult, Tokyo)
    "pmh_subsidies.xml": document(body("1", person(), extra="<MedicalSubsidyResultList>"
        + subsidy("80136013", "3000015", "心身障害者医療費助成（マル障）", "20240401", "20260331", ratio="10")
        + subsidy("54136015", "1112226", "特定医療費（指定難病）受給者証", "20250101", "20251231", cap="10000",
                  ratio="20")
        + subsidy("21136015", "4000022", "自立支援医療受給者証（精神通院）", "20230401", "20250331", cap="5000")
        + "</MedicalSubsidyResultList>"), encoding="UTF-8"),
    # 処理中 / not final, with an error code in the header
    "not_final.xml": document(body("1"), segment="2", header_extra="<ErrorCode>EQ0001</ErrorCode>"
                              "<ErrorMessage>処理中です</ErrorMessage>"),
    # Spec-version variants, namespace, unknown elements, different order, empty elements
    "variants.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>\n<o:XmlMsg xmlns:o="urn:example:oqs"><o:MessageBody>'
        "<o:QualificationValidity>1</o:QualificationValidity><o:ProcessingResultStatus>1</o:ProcessingResultStatus>"
        "<o:FutureBodyElement>x</o:FutureBodyElement><o:ResultList><o:ResultOfQualificationConfirmation>"
        "<o:Name>試験　三郎</o:Name><o:Birthdate>19900101</o:Birthdate><o:InsurerNumber>06130488</o:InsurerNumber>"
        "<o:PharmaceuticalInfoConsFlg>1</o:PharmaceuticalInfoConsFlg>"
        "<o:PharmaceuticalInfoAcquisitionTime>20250601092950</o:PharmaceuticalInfoAcquisitionTime>"
        "<o:InsuredBranchNumber/><o:NameOfOther></o:NameOfOther><o:NewThing><o:Inner>y</o:Inner></o:NewThing>"
        "</o:ResultOfQualificationConfirmation></o:ResultList></o:MessageBody>"
        "<o:MessageHeader><o:SegmentOfResult>1</o:SegmentOfResult><o:CharacterCodeIdentifier>0</o:CharacterCodeIdentifier>"
        "</o:MessageHeader></o:XmlMsg>\n"
    ).encode(),
}
# 6-digit 国保組合 insurer number, full-width 記号・番号 (as in the public sample), no declaration: header says SJIS
SAMPLES["kokuho_6digit.xml"] = document(body("1", person(
    InsurerNumber="273128", InsurerName="試験国民健康保険組合", InsuredCardSymbol="医国３４０",
    InsuredIdentificationNumber="０２８２‐００１", InsuredBranchNumber="", Address="大阪府豊中市試験町１－１")),
    declaration=False)


def main() -> None:
    for name, data in SAMPLES.items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(SAMPLES)} samples to {HERE}")


if __name__ == "__main__":
    main()
