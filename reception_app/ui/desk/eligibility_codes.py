"""The OQS result's codes in the desk's words (English source, Japanese in the .ts files, context
"EligibilityCodes"): one table per code list of eligibility/codes.py (online_qualification.md §2), the 医療券's
element labels, the consent kinds and the check-in's own warning codes. A code no table knows is shown as
「コード N（意味不明）」, never bare."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reception_app.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "EligibilityCodes"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def unknown_code(code: str) -> str:
    return tr("code %1 (meaning unknown)").replace("%1", code.strip())


def coded(table: dict[str, str], code: str | None) -> str:
    """The meaning of `code` in the desk's language; 「コード N（意味不明）」 when the table does not know it; "" when
    there is no code."""
    if code is None or not code.strip():
        return ""
    source = table.get(code.strip())
    return tr(source) if source is not None else unknown_code(code)


PERSONAL_FAMILY: dict[str, str] = {
    "1": QT_TRANSLATE_NOOP("EligibilityCodes", "Insured person (本人)"),
    "2": QT_TRANSLATE_NOOP("EligibilityCodes", "Family member (家族)"),
}
CARD_CLASSIFICATION: dict[str, str] = {  # OQSCD010
    "01": QT_TRANSLATE_NOOP("EligibilityCodes", "Health insurance card (general)"),
    "02": QT_TRANSLATE_NOOP("EligibilityCodes", "Health insurance card (retired)"),
    "03": QT_TRANSLATE_NOOP("EligibilityCodes", "Short-term card (general)"),
    "04": QT_TRANSLATE_NOOP("EligibilityCodes", "Short-term card (retired)"),
    "05": QT_TRANSLATE_NOOP("EligibilityCodes", "Certificate of qualification (資格証明書)"),
    "06": QT_TRANSLATE_NOOP("EligibilityCodes", "Special retired insured card"),
    "07": QT_TRANSLATE_NOOP("EligibilityCodes", "Self-Defense Forces medical card"),
    "A1": QT_TRANSLATE_NOOP("EligibilityCodes", "Medical assistance (医療扶助)"),
}
COPAY_BASIS: dict[str, str] = {  # the keys of codes.COPAY_BASIS_TEXT
    "late_elderly": QT_TRANSLATE_NOOP("EligibilityCodes", "後期高齢者: the ratio in the result"),
    "elderly_recipient": QT_TRANSLATE_NOOP("EligibilityCodes", "高齢受給者証: the ratio in the result"),
    "elderly_assumed": QT_TRANSLATE_NOOP("EligibilityCodes", "age 70–74 without 高齢受給者証 (2割 assumed)"),
    "preschool": QT_TRANSLATE_NOOP("EligibilityCodes", "preschool child (2割)"),
    "working_age": QT_TRANSLATE_NOOP("EligibilityCodes", "school age to 69 (3割)"),
    "medical_assistance": QT_TRANSLATE_NOOP("EligibilityCodes", "medical assistance (self-pay per 医療券)"),
    "unknown": QT_TRANSLATE_NOOP("EligibilityCodes", "cannot tell (no birth date)"),
}
REASON_OF_LOSS: dict[str, str] = {
    "01": QT_TRANSLATE_NOOP("EligibilityCodes", "Death"),
    "02": QT_TRANSLATE_NOOP("EligibilityCodes", "Public assistance (生活保護) began"),
    "03": QT_TRANSLATE_NOOP("EligibilityCodes", "Joined another health insurance"),
    "99": QT_TRANSLATE_NOOP("EligibilityCodes", "Other"),
}
PRESCHOOL: dict[str, str] = {"1": QT_TRANSLATE_NOOP("EligibilityCodes", "Preschool child (未就学)")}
SPECIFIC_DISEASE_CATEGORY: dict[str, str] = {  # OQSCD013
    "1": QT_TRANSLATE_NOOP("EligibilityCodes", "Dialysis (人工透析)"),
    "2": QT_TRANSLATE_NOOP("EligibilityCodes", "Haemophilia (血友病)"),
    "3": QT_TRANSLATE_NOOP("EligibilityCodes", "HIV infection"),
}
LIMIT_CLASSIFICATION: dict[str, str] = {  # OQSCD011 (03 UNCONFIRMED: no meaning given)
    "01": QT_TRANSLATE_NOOP("EligibilityCodes", "Limit certificate (限度額適用認定証)"),
    "02": QT_TRANSLATE_NOOP("EligibilityCodes", "Limit and standard-charge reduction certificate"),
}
# Consents at the reader: the kinds (merge._CONSENT_FIELDS' keys) and what each flag says.
CONSENT_KINDS: dict[str, str] = {
    "pharmacists_info": QT_TRANSLATE_NOOP("EligibilityCodes", "Medication information (薬剤情報)"),
    "diagnosis_info": QT_TRANSLATE_NOOP("EligibilityCodes", "Diagnosis and treatment information (診療情報)"),
    "specific_health_checkups": QT_TRANSLATE_NOOP("EligibilityCodes", "Health check-up results (特定健診)"),
    "operation_info": QT_TRANSLATE_NOOP("EligibilityCodes", "Operation information (手術情報)"),
    "limit_certificate": QT_TRANSLATE_NOOP("EligibilityCodes", "Limit certificate information (限度額)"),
    "specific_diseases": QT_TRANSLATE_NOOP("EligibilityCodes", "特定疾病 certificate information"),
}
CONSENT_FLAG: dict[str, str] = {
    "0": QT_TRANSLATE_NOOP("EligibilityCodes", "not given"),
    "1": QT_TRANSLATE_NOOP("EligibilityCodes", "given"),
}
SPECIFIC_DISEASES_CONSENT: dict[str, str] = {
    "0": QT_TRANSLATE_NOOP("EligibilityCodes", "not given"),
    "1": QT_TRANSLATE_NOOP("EligibilityCodes", "given"),
    "2": QT_TRANSLATE_NOOP("EligibilityCodes", "expired"),
}
CONSENT_GIVEN = frozenset({"1"})
# The 医療券's elements (MedicalTicketInfo, online_qualification.md §2) in display order; the code lists of its
# coded elements are not in the domain notes: their values show as 「コード N（意味不明）」 (UNCONFIRMED).
TICKET_ELEMENTS: dict[str, str] = {
    "TicketType": QT_TRANSLATE_NOOP("EligibilityCodes", "Ticket type (券種)"),
    "IssueNumber": QT_TRANSLATE_NOOP("EligibilityCodes", "Issue number (交付番号)"),
    "MedicalTreatmentMonth": QT_TRANSLATE_NOOP("EligibilityCodes", "Treatment month (診療年月)"),
    "MedicalTreatmentType": QT_TRANSLATE_NOOP("EligibilityCodes", "Treatment type (診療区分)"),
    "DesignatedMedicalInstitutionName": QT_TRANSLATE_NOOP("EligibilityCodes", "Designated institution"),
    "DesignatedMedicalInstitutionCode": QT_TRANSLATE_NOOP("EligibilityCodes", "Designated institution code"),
    "DesignatedMedicalInstitutionFlag": QT_TRANSLATE_NOOP("EligibilityCodes", "Designated institution flag"),
    "PrescriptionIssuerMedicalInstitutionName": QT_TRANSLATE_NOOP("EligibilityCodes", "Prescribing institution"),
    "PrescriptionIssuerMedicalInstitutionCode": QT_TRANSLATE_NOOP(
        "EligibilityCodes", "Prescribing institution code"),
    "InjuryName1": QT_TRANSLATE_NOOP("EligibilityCodes", "Diagnosis 1 (傷病名)"),
    "InjuryName2": QT_TRANSLATE_NOOP("EligibilityCodes", "Diagnosis 2 (傷病名)"),
    "InjuryName3": QT_TRANSLATE_NOOP("EligibilityCodes", "Diagnosis 3 (傷病名)"),
    "SelfPayAmount": QT_TRANSLATE_NOOP("EligibilityCodes", "Self-pay amount (本人支払額)"),
    "SingleOrCombinedUse": QT_TRANSLATE_NOOP("EligibilityCodes", "Single or combined use (単独・併用)"),
    "StatusOfSocialInsurance": QT_TRANSLATE_NOOP("EligibilityCodes", "Social insurance (社会保険の状況)"),
    "StatusOfElderlyMedicalCare": QT_TRANSLATE_NOOP("EligibilityCodes", "Late-elderly care (後期高齢者医療の状況)"),
    "StatusOfInfecton": QT_TRANSLATE_NOOP("EligibilityCodes", "Infectious disease (感染症の状況)"),
    "StatusOfPrefecturalExpenses": QT_TRANSLATE_NOOP("EligibilityCodes", "Prefectural expenses (都道府県費の状況)"),
    "ConsistencyFlag": QT_TRANSLATE_NOOP("EligibilityCodes", "Consistency flag (整合性)"),
    "DistrictContactName": QT_TRANSLATE_NOOP("EligibilityCodes", "District caseworker (地区担当員)"),
    "HandlingContactName": QT_TRANSLATE_NOOP("EligibilityCodes", "Handling officer (取扱担当者)"),
    "Remarks1": QT_TRANSLATE_NOOP("EligibilityCodes", "Remarks 1"),
    "Remarks2": QT_TRANSLATE_NOOP("EligibilityCodes", "Remarks 2"),
    "Remarks3": QT_TRANSLATE_NOOP("EligibilityCodes", "Remarks 3"),
}
# 医療券 elements that hold a code (no code list known: every value shows as 「コード N（意味不明）」).
TICKET_CODED = frozenset({
    "TicketType", "MedicalTreatmentType", "DesignatedMedicalInstitutionFlag", "SingleOrCombinedUse",
    "StatusOfSocialInsurance", "StatusOfElderlyMedicalCare", "StatusOfInfecton", "StatusOfPrefecturalExpenses",
    "ConsistencyFlag",
})
TICKET_PERIOD = frozenset({"MedicalTicketValidDate", "MedicalTicketExpirationDate"})
# The check-in's own warning codes (SessionView.warnings), shown under the merge's warnings.
CHECKIN_WARNINGS: dict[str, str] = {
    "offline": QT_TRANSLATE_NOOP("EligibilityCodes", "Offline: the result is the last one confirmed, not today's."),
    "certificate_expired": QT_TRANSLATE_NOOP(
        "EligibilityCodes", "The card's certificate has expired (it serves as an insurance card for 3 months)."),
    "certificate_expiring": QT_TRANSLATE_NOOP("EligibilityCodes", "The card's certificate expires soon."),
    "card_removed_after_read": QT_TRANSLATE_NOOP("EligibilityCodes", "The card was taken off after it was read."),
    "qualification_invalid": QT_TRANSLATE_NOOP("EligibilityCodes", "The qualification is not valid on the visit day."),
    "card_link_mismatch": QT_TRANSLATE_NOOP(
        "EligibilityCodes", "The card is linked to another chart than the one the result points to."),
    "reference_number_mismatch": QT_TRANSLATE_NOOP(
        "EligibilityCodes", "The chart found by 照会番号 does not fit the result's kana or birth date."),
    "insurance_key_mismatch": QT_TRANSLATE_NOOP(
        "EligibilityCodes", "The chart found by insurance number does not fit the result's kana or birth date."),
    "print_failed": QT_TRANSLATE_NOOP("EligibilityCodes", "The ticket could not be printed."),
    "visual_check": QT_TRANSLATE_NOOP(
        "EligibilityCodes", "Checked in by a visual check of the card (目視確認): the PIN is blocked."),
}
