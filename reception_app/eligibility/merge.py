"""`merge(result, subsidies, chart, visit_date)` → MergedEligibility: one view that is right, shows every doubt and
drops nothing. Every element of the file appears in the view: fields that no section uses land in
`results[i]["elements"]` and unknown ones in `other_elements`.

Rules (online_qualification.md §2–4, reception_flow.md §5): SegmentOfResult ≠ 1 is not final; the ratio is 後期高齢
`InsuredPartialContributionRatio`, else 高齢受給者 ratio, else 2割 while 未就学 and 3割 otherwise; subsidies in claim
order (national table, local last), active or not on the visit date; missing PMH data is never "subsidy ended".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from reception_app.eligibility import codes, eras, numbers, plausibility, pmh
from reception_app.eligibility.codes import label, warning_text
from reception_app.eligibility.digits import parse_number
from reception_app.eligibility.models import (
    Chart,
    ConsentView,
    ElderlyView,
    EligibilityWarning,
    InsuranceQualification,
    InsuranceView,
    LimitView,
    MedicalTicketView,
    MergedEligibility,
    PatientView,
    ProcessingView,
    QualificationResult,
    ResultView,
    SpecificDiseaseView,
    Subsidy,
    SubsidyView,
    XmlModel,
    construct_all,
)
from reception_app.eligibility.normalize import insurance_key, kana_key, name_key, normalize_text
from reception_app.eligibility.xml_names import PMH_LAYOUT
from reception_app.gc_policy import paused as paused_gc

EXPIRING_DAYS = 30  # "expiring soon" horizon for certificates and subsidies
_BULK_RESULTS = 64  # above this many results, the garbage collector is paused during the merge (gc_policy.py)
GAIJI = "●"
# A text of the file quoted in a warning is cut after this many characters (the view keeps it whole): a warning is a
# line for the desk, and each quoted text would otherwise be copied into both languages.
WARNING_FIELD_CHARS = 1000


class _Warnings:
    def __init__(self) -> None:
        self.items: list[EligibilityWarning] = []

    def add(self, warning_code: str, severity: str = "warning", /, index: int | None = None, **fields: Any) -> None:
        code = warning_code
        for key, value in fields.items():
            if type(value) is str and len(value) > WARNING_FIELD_CHARS:  # e.g. a 10 MB ProcessingResultMessage
                fields[key] = value[:WARNING_FIELD_CHARS] + "…"
        en_fields = {**fields, "what_en": fields.get("what_en", fields.get("what", ""))}
        self.items.append(
            EligibilityWarning(
                code=code,
                message=warning_text(code, "ja", **fields),
                message_en=warning_text(code, "en", **en_fields),
                severity=severity,
                result_index=index,
            )
        )


def parse_date(text: str | None) -> dt.date | None:
    """`YYYYMMDD` (OQS) or `YYYY-MM-DD` / `YYYY/MM/DD` (PMH); None when empty or unreadable."""
    if not text:
        return None
    if len(text) == 8 and text.isascii() and text.isdigit():  # the usual OQS form, fast
        try:
            return dt.date.fromisoformat(text)  # 8 ASCII digits: ISO 8601 basic YYYYMMDD, nothing else
        except ValueError:
            return None
    if len(text) > 64:  # no date is written in more characters
        return None
    value = normalize_text(text)
    match = _DATE.fullmatch(value.replace("/", "-"))
    if not match:
        return None
    try:  # ASCII digits only (re.ASCII): no int() needed
        return dt.date.fromisoformat(f"{match.group(1)}-{match.group(2)}-{match.group(3)}")
    except ValueError:
        return None


_DATE = re.compile(r"(\d{4})-?/?(\d{2})-?/?(\d{2})", re.ASCII)


def _iso(text: str | None) -> str | None:
    day = parse_date(text)
    return day.isoformat() if day else (text or None)


def _iso_of(day: dt.date | None, text: str | None) -> str | None:
    """`_iso` for a text already parsed into `day`."""
    return day.isoformat() if day else (text or None)


def _date_field(
    text: str | None, what: str, element: str, warnings: _Warnings, index: int | None
) -> dt.date | None:
    day = parse_date(text)
    if text and text.strip() and day is None:
        warnings.add("bad_date", index=index, what=what, element=element, value=text)
    return day


def _validity(
    start: dt.date | None,
    end: dt.date | None,
    visit: dt.date,
    what: str,
    what_en: str,
    warnings: _Warnings,
    index: int | None,
) -> bool:
    """Warns about expired / not yet valid / expiring; returns whether it is valid on the visit date."""
    if end is not None and visit > end:
        warnings.add("item_expired", index=index, what=what, what_en=what_en, date=end.isoformat())
        return False
    if start is not None and visit < start:
        warnings.add("item_not_yet_valid", index=index, what=what, what_en=what_en, date=start.isoformat())
        return False
    if end is not None and (end - visit).days <= EXPIRING_DAYS:
        warnings.add("item_expiring", "info", index, what=what, what_en=what_en, date=end.isoformat())
    return True


# (model class, skipped fields) → (field, alias) of every field with an alias. Reading `model_fields` per call costs
# more than the rest of `_fields` (pydantic's class property), and bulk files call this thousands of times.
_ALIASED: dict[tuple[type[XmlModel], frozenset[str]], tuple[tuple[str, str], ...]] = {}


def _fields(model: XmlModel, used: frozenset[str] = frozenset()) -> dict[str, str]:
    """Element name → raw text of the leaf fields of a model that are set (skipping `used`)."""
    key = (type(model), used)
    aliased = _ALIASED.get(key)
    if aliased is None:
        aliased = _ALIASED[key] = tuple(
            (name, info.alias) for name, info in type(model).model_fields.items() if info.alias and name not in used
        )
    values = model.__dict__
    return {alias: value for name, alias in aliased if isinstance(value := values.get(name), str)}


def _number(text: str | None, element: str, warnings: _Warnings | None, index: int | None) -> int | None:
    """A number of `digits.NUMBER_FIELDS`; a `bad_number` warning naming the element (never the text) when it
    cannot be read."""
    if text is None:  # the usual case: the element is not in the file
        return None
    parsed = parse_number(text, element)
    if parsed.value is None and parsed.problem != "empty" and warnings is not None:
        ja, en = codes.NUMBER_PROBLEM_TEXT[parsed.problem]
        warnings.add("bad_number", index=index, element=element, problem=ja, problem_en=en)
    return parsed.value


def _ratio_percent(
    text: str | None, element: str, warnings: _Warnings | None = None, index: int | None = None
) -> int | None:
    """"010" → 10 (1割); "2" → 20; "20" → 20."""
    number = _number(text, element, warnings, index)
    if number is None or text is None:
        return None
    return number * 10 if len(text.strip(" \u3000")) == 1 else number


# ------------------------------------------------------------------------------------------------------ results


def _patient(
    r: InsuranceQualification, birth: dt.date | None, age: int | None, warnings: _Warnings, index: int
) -> PatientView:
    """`birth` is `parse_date(r.birth_date)`, parsed once per result; `age` the plausible age on the visit date."""
    if birth is None and r.birth_date and r.birth_date.strip():
        warnings.add("bad_date", index=index, what="生年月日", element="Birthdate", value=r.birth_date)
    # construct_all (no re-validation, every field in order): bulk files have thousands of results.
    return construct_all(
        PatientView,
        name=r.name,
        name_kana=r.name_kana,
        name_of_other=r.name_of_other,
        name_of_other_kana=r.name_of_other_kana,
        birth_date=birth.isoformat() if birth else r.birth_date,
        birth_date_wareki=eras.to_wareki(birth) if birth and birth >= eras.ERAS[-1].start else None,
        age=age,
        sex=r.sex1,
        sex_text=label(codes.SEX, r.sex1),
        sex2=r.sex2,
        address=r.address,
        post_number=r.post_number,
        insured_name=r.insured_name,
        personal_family=r.personal_family,
        personal_family_text=label(codes.PERSONAL_FAMILY, r.personal_family),
        name_has_gaiji=GAIJI in (r.name or "") or GAIJI in (r.name_of_other or ""),
    )


def _copay(
    r: InsuranceQualification,
    birth: dt.date | None,
    visit: dt.date,
    elderly_ok: bool,
    warnings: _Warnings,
    index: int,
) -> tuple[int | None, str]:
    if (r.card_classification or "").strip() == codes.MEDICAL_ASSISTANCE_CARD:
        return 0, "medical_assistance"
    late = _ratio_percent(r.partial_contribution_ratio, "InsuredPartialContributionRatio", warnings, index)
    if late is not None:
        if plausibility.ratio_ok(late):
            return late, "late_elderly"
        warnings.add("implausible_ratio", index=index, element="InsuredPartialContributionRatio")
        return None, "unknown"
    if (r.partial_contribution_ratio or "").strip():  # there but unreadable (bad_number): no ratio by age either
        return None, "unknown"
    if r.elderly is not None and elderly_ok:
        ratio = _ratio_percent(r.elderly.contribution_ratio, "ElderlyRecipientContributionRatio")
        if ratio is not None:
            if plausibility.ratio_ok(ratio):
                return ratio, "elderly_recipient"
            warnings.add("implausible_ratio", index=index, element="ElderlyRecipientContributionRatio")
            return None, "unknown"
        if (r.elderly.contribution_ratio or "").strip():
            return None, "unknown"
    if birth is None:
        return None, "unknown"
    age = eras.age_on(birth, visit)
    preschool = eras.is_preschool(birth, visit)
    flag = (r.preschool or "").strip()
    if flag and (flag == "1") != preschool:
        warnings.add("preschool_flag_differs", "info", index)
    if preschool or flag == "1":
        return 20, "preschool"
    if 70 <= age < 75:
        warnings.add("elderly_ratio_missing", index=index)
        return 20, "elderly_assumed"
    return 30, "working_age"


def _trimmed_insurer_number(text: str | None) -> str | None:
    """A 6-digit 国保 保険者番号 padded to 8 characters with leading spaces (as requests carry it) → the 6 digits."""
    if text is None or not text[:1].isspace():
        return text
    return text.strip(" \u3000") or text


def _number_warnings(r: InsuranceQualification, warnings: _Warnings, index: int) -> None:
    if not r.insurer_number:
        return
    is_assistance = (r.card_classification or "").strip() == codes.MEDICAL_ASSISTANCE_CARD
    check = numbers.check_payer_number(r.insurer_number) if is_assistance else numbers.check_insurer_number(
        r.insurer_number
    )
    if not check.ok:
        warnings.add(
            "bad_check_digit", index=index, what="公費負担者番号" if is_assistance else "保険者番号",
            what_en="payer number" if is_assistance else "insurer number", reason=check.reason,
        )


def _insurance(
    r: InsuranceQualification, birth: dt.date | None, visit: dt.date, warnings: _Warnings, index: int
) -> tuple[InsuranceView, ElderlyView | None]:
    qualified = _date_field(r.qualification_date, "資格取得日", "QualificationDate", warnings, index)
    disqualified = _date_field(r.disqualification_date, "資格喪失日", "DisqualificationDate", warnings, index)
    issued = _date_field(r.certificate_issuance_date, "交付日", "InsuredCertificateIssuanceDate", warnings, index)
    card_valid = _date_field(r.card_valid_date, "有効開始日", "InsuredCardValidDate", warnings, index)
    card_expires = _date_field(r.card_expiration_date, "有効期限", "InsuredCardExpirationDate", warnings, index)
    if disqualified is not None and visit >= disqualified:
        warnings.add("disqualified", "error", index, date=disqualified.isoformat(),
                     reason=label(codes.REASON_OF_LOSS, r.reason_of_loss) or "-")
    if qualified is not None and visit < qualified:
        warnings.add("insurance_not_yet_valid", "error", index, date=qualified.isoformat())
    if card_expires is not None and visit > card_expires:
        warnings.add("card_expired", index=index, date=card_expires.isoformat())
    elderly_view: ElderlyView | None = None
    elderly_ok = False
    if r.elderly is not None:
        e = r.elderly
        start = _date_field(e.valid_start_date, "高齢受給者証 有効開始日", "ElderlyRecipientValidStartDate", warnings,
                            index)
        end = _date_field(e.valid_end_date, "高齢受給者証 有効終了日", "ElderlyRecipientValidEndDate", warnings, index)
        elderly_ok = _validity(start, end, visit, "高齢受給者証", "高齢受給者証", warnings, index)
        elderly_view = construct_all(
            ElderlyView,
            certificate_date=_iso(e.certificate_date),
            valid_from=_iso_of(start, e.valid_start_date),
            valid_to=_iso_of(end, e.valid_end_date),
            contribution_ratio=e.contribution_ratio,
            contribution_ratio_percent=_ratio_percent(
                e.contribution_ratio, "ElderlyRecipientContributionRatio", warnings, index),
            active_on_visit=elderly_ok,
            elements=_fields(e),
            extra=dict(e.extra),
        )
    ratio, basis = _copay(r, birth, visit, elderly_ok, warnings, index)
    _number_warnings(r, warnings, index)
    insurance = construct_all(
        InsuranceView,
        insurer_number=_trimmed_insurer_number(r.insurer_number),
        insurer_name=r.insurer_name,
        symbol=r.symbol,
        number=r.number,
        branch=r.branch,
        card_classification=r.card_classification,
        card_classification_text=label(codes.CARD_CLASSIFICATION, r.card_classification),
        copay_ratio_percent=ratio,
        copay_basis=basis,
        copay_basis_text=codes.COPAY_BASIS_TEXT[basis][0],
        partial_contribution_ratio=r.partial_contribution_ratio,
        preschool=r.preschool,
        qualification_date=qualified.isoformat() if qualified else r.qualification_date,
        disqualification_date=disqualified.isoformat() if disqualified else r.disqualification_date,
        reason_of_loss=r.reason_of_loss,
        reason_of_loss_text=label(codes.REASON_OF_LOSS, r.reason_of_loss),
        certificate_issuance_date=issued.isoformat() if issued else r.certificate_issuance_date,
        card_valid_date=card_valid.isoformat() if card_valid else r.card_valid_date,
        card_expiration_date=card_expires.isoformat() if card_expires else r.card_expiration_date,
    )
    return insurance, elderly_view


def _limit(r: InsuranceQualification, visit: dt.date, warnings: _Warnings, index: int) -> LimitView | None:
    if r.limit is None:
        return None
    lim = r.limit
    start = _date_field(lim.valid_start_date, "限度額 有効開始日", "LimitApplicationCertificateValidStartDate",
                        warnings, index)
    end = _date_field(lim.valid_end_date, "限度額 有効終了日", "LimitApplicationCertificateValidEndDate", warnings,
                      index)
    active = _validity(start, end, visit, "限度額適用認定証", "limit certificate", warnings, index)
    return construct_all(
        LimitView,
        classification=lim.classification,
        classification_text=label(codes.LIMIT_CLASSIFICATION, lim.classification),
        class_code=lim.classification_flag,
        class_text=label(codes.LIMIT_CLASSIFICATION_FLAG, lim.classification_flag),
        certificate_date=_iso(lim.certificate_date),
        valid_from=_iso_of(start, lim.valid_start_date),
        valid_to=_iso_of(end, lim.valid_end_date),
        long_term_date=_iso(lim.long_term_date),
        active_on_visit=active,
        consent_flag=r.limit_consent_flag,
        consent_time=r.limit_consent_time,
        elements=_fields(lim),
        extra=dict(lim.extra),
    )


def _specific_diseases(
    r: InsuranceQualification, visit: dt.date, warnings: _Warnings, index: int
) -> list[SpecificDiseaseView]:
    if (r.specific_diseases_consent_flag or "").strip() == "2":
        warnings.add("specific_diseases_consent_expired", index=index)
    views: list[SpecificDiseaseView] = []
    for item in r.specific_diseases:
        start = _date_field(item.valid_start_date, "特定疾病 有効開始日", "SpecificDiseasesValidStartDate", warnings,
                            index)
        end = _date_field(item.valid_end_date, "特定疾病 有効終了日", "SpecificDiseasesValidEndDate", warnings, index)
        active = _validity(start, end, visit, "特定疾病療養受療証", "特定疾病 certificate", warnings, index)
        views.append(construct_all(
            SpecificDiseaseView,
            category=item.disease_category,
            category_text=label(codes.SPECIFIC_DISEASE_CATEGORY, item.disease_category),
            certificate_date=_iso(item.certificate_date),
            valid_from=_iso_of(start, item.valid_start_date),
            valid_to=_iso_of(end, item.valid_end_date),
            self_pay_yen=item.self_pay,
            active_on_visit=active,
            elements=_fields(item),
            extra=dict(item.extra),
        ))
    return views


def _tickets(r: InsuranceQualification, visit: dt.date, warnings: _Warnings, index: int) -> list[MedicalTicketView]:
    views: list[MedicalTicketView] = []
    for ticket in r.medical_tickets:
        start = _date_field(ticket.valid_date, "医療券 有効開始日", "MedicalTicketValidDate", warnings, index)
        end = _date_field(ticket.expiration_date, "医療券 有効終了日", "MedicalTicketExpirationDate", warnings, index)
        active = _validity(start, end, visit, "医療券", "医療券", warnings, index)
        _number(ticket.self_pay_amount, "SelfPayAmount", warnings, index)
        views.append(construct_all(
            MedicalTicketView,
            ticket_type=ticket.ticket_type,
            valid_from=_iso_of(start, ticket.valid_date),
            valid_to=_iso_of(end, ticket.expiration_date),
            treatment_month=ticket.treatment_month,
            designated_institution_code=ticket.designated_institution_code,
            designated_institution_name=ticket.designated_institution_name,
            self_pay_amount=ticket.self_pay_amount,
            single_or_combined_use=ticket.single_or_combined_use,
            active_on_visit=active,
            elements=_fields(ticket),
            extra=dict(ticket.extra),
        ))
    if (r.card_classification or "").strip() == codes.MEDICAL_ASSISTANCE_CARD and not r.medical_tickets:
        warnings.add("medical_ticket_missing", index=index)
    return views


_CONSENT_FIELDS = {
    "specific_health_checkups": ("checkups_consent_flag", "checkups_consent_time", "checkups_available_time"),
    "pharmacists_info": ("pharmacists_consent_flag", "pharmacists_consent_time", "pharmacists_available_time"),
    "diagnosis_info": ("diagnosis_consent_flag", "diagnosis_consent_time", "diagnosis_available_time"),
    "operation_info": ("operation_consent_flag", "operation_consent_time", "operation_available_time"),
    "limit_certificate": ("limit_consent_flag", "limit_consent_time", "limit_available_time"),
    "specific_diseases": ("specific_diseases_consent_flag", "specific_diseases_consent_time",
                          "specific_diseases_available_time"),
}


def _consents(r: InsuranceQualification) -> dict[str, ConsentView]:
    out: dict[str, ConsentView] = {}
    values = r.__dict__
    for key, (flag, time, available) in _CONSENT_FIELDS.items():
        flag_value = values.get(flag)
        time_value = values.get(time)
        available_value = values.get(available) if available else None
        if flag_value is None and time_value is None and available_value is None:
            continue
        table = codes.SPECIFIC_DISEASES_CONSENT if key == "specific_diseases" else codes.CONSENT_FLAG
        out[key] = construct_all(ConsentView, flag=flag_value, flag_text=label(table, flag_value), time=time_value,
                                 available_time=available_value)
    return out


# Fields the sections above show; everything else set in a result goes to its "elements" (nothing lost).
_SHOWN_FIELDS = frozenset({
    "name", "name_kana", "name_of_other", "name_of_other_kana", "birth_date", "sex1", "sex2", "address",
    "post_number", "insured_name", "personal_family", "insurer_number", "insurer_name", "symbol", "number", "branch",
    "card_classification", "partial_contribution_ratio", "preschool", "qualification_date", "disqualification_date",
    "reason_of_loss", "certificate_issuance_date", "card_valid_date", "card_expiration_date", "reference_number",
    *(name for triple in _CONSENT_FIELDS.values() for name in triple if name),
})


def _plausible_age(
    birth: dt.date | None, visit: dt.date, confirmed: dt.date, warnings: _Warnings, index: int
) -> int | None:
    """The age on the visit date when the birth date is plausible (not after the confirmation date, age 0–130)."""
    if birth is None or birth > confirmed:  # a birth date after the confirmation date: warned with the other dates
        return None
    age = eras.age_on(birth, visit)
    if not plausibility.age_ok(age):
        warnings.add("implausible_age", index=index, element="Birthdate")
        return None
    return age


def _result_view(
    r: InsuranceQualification, visit: dt.date, confirmed: tuple[dt.date, str], warnings: _Warnings, index: int
) -> ResultView:
    """`confirmed`: the confirmation date and its `YYYYMMDD` text."""
    for doubt in plausibility.future_dates(r, confirmed[0], confirmed[1]):
        warnings.add(doubt.code, doubt.severity, index, **doubt.fields)
    birth = parse_date(r.birth_date)
    age = _plausible_age(birth, visit, confirmed[0], warnings, index)
    # An implausible birth date decides no ratio (the copay basis is "unknown"); the patient still shows it.
    insurance, elderly = _insurance(r, birth if age is not None else None, visit, warnings, index)
    # The patient comes first in the export but its warnings after the insurance's: evaluated in that order.
    patient = _patient(r, birth, age, warnings, index)
    return construct_all(
        ResultView,
        patient=patient,
        insurance=insurance,
        elderly=elderly,
        limit=_limit(r, visit, warnings, index),
        specific_diseases=_specific_diseases(r, visit, warnings, index),
        medical_tickets=_tickets(r, visit, warnings, index),
        consents=_consents(r),
        reference_number=r.reference_number,
        elements=_fields(r, _SHOWN_FIELDS),  # e.g. QualificationConfirmationKey, PublicExpenseNumber
        extra=dict(r.extra),
    )


# ---------------------------------------------------------------------------------------------------- subsidies


def _subsidy_view(
    sub: Subsidy, visit: dt.date, clinic_code: str | None, warnings: _Warnings, index: int | None
) -> SubsidyView:
    name = sub.certificate_name or numbers.law_code(sub.law_code).name if sub.law_code else sub.certificate_name
    start = _date_field(sub.valid_from, f"{name} 有効開始日", "ValidFrom", warnings, index)
    end = _date_field(sub.valid_to, f"{name} 有効終了日", "ValidTo", warnings, index)
    active = True
    if (end is not None and visit > end) or (start is not None and visit < start):
        active = False
        warnings.add("subsidy_not_active", index=index, name=name or "-", payer=sub.payer_number or "-")
    elif end is not None and (end - visit).days <= EXPIRING_DAYS:
        warnings.add("item_expiring", "info", index, what=name or "受給者証", what_en=name or "subsidy",
                     date=end.isoformat())
    if sub.payer_number:
        check = numbers.check_payer_number(sub.payer_number)
        if not check.ok:
            warnings.add("bad_check_digit", index=index, what="公費負担者番号", what_en="payer number",
                         reason=check.reason)
    if sub.recipient_number:
        if len(sub.recipient_number) > 30:
            warnings.add("recipient_number_too_long", index=index)
        recipient = numbers.check_recipient_number(sub.recipient_number)
        if recipient is not None and not recipient.ok and numbers.law_code(sub.law_code).national:
            warnings.add("bad_check_digit", index=index, what="受給者番号", what_en="recipient number",
                         reason=recipient.reason)
    for element, text in ((PMH_LAYOUT["max_copayment"], sub.max_copayment),
                          (PMH_LAYOUT["per_visit_cap_yen_text"], sub.per_visit_cap_yen_text),
                          (PMH_LAYOUT["copay_ratio_text"], sub.copay_ratio_text)):
        _number(text, element, warnings, index)
    if (sub.always_reimbursed or "").strip() == "1":
        warnings.add("subsidy_always_reimbursed", index=index, name=name or "-")
    designated = sub.designated_institution_list
    if designated and clinic_code and clinic_code.strip() not in designated:
        warnings.add("subsidy_not_designated_here", index=index, name=name or "-")
    code = sub.law_code
    ratio = sub.copay_ratio_percent
    if ratio is not None and not plausibility.subsidy_ratio_ok(ratio):
        warnings.add("implausible_subsidy_ratio", index=index, element=PMH_LAYOUT["copay_ratio_text"])
        ratio = None
    return SubsidyView(
        law_code=code,
        law_name=numbers.law_code(code).name if code else "",
        payer_number=sub.payer_number,
        recipient_number=sub.recipient_number,
        name=sub.certificate_name,
        valid_from=start.isoformat() if start else sub.valid_from,
        valid_to=end.isoformat() if end else sub.valid_to,
        active_on_visit=active,
        monthly_cap_yen=sub.monthly_cap_yen,
        per_visit_cap_yen=sub.per_visit_cap_yen,
        copay_ratio_percent=ratio,
        claim_order=0,
        source="pmh",
        key=f"{sub.payer_number or ''}|{sub.recipient_number or ''}",
        elements={**_fields(sub), **{f"extra:{k}": v for k, v in sub.extra.items()}},
    )


def _assistance_subsidy(r: InsuranceQualification, visit: dt.date) -> SubsidyView | None:
    """医療扶助 (A1): the 福祉事務所's 公費負担者番号 is InsurerNumber and the 受給者番号 is
    InsuredIdentificationNumber [S6]."""
    if (r.card_classification or "").strip() != codes.MEDICAL_ASSISTANCE_CARD:
        return None
    payer = r.public_expense_number or r.insurer_number
    recipient = r.beneficiary_number or r.number
    active_tickets = [
        t for t in r.medical_tickets
        if (parse_date(t.valid_date) or visit) <= visit <= (parse_date(t.expiration_date) or visit)
    ]
    self_pay = next((t.self_pay_amount for t in active_tickets if t.self_pay_amount), None)
    cap = parse_number(self_pay, "SelfPayAmount").value
    return SubsidyView(
        law_code="12",
        law_name=numbers.law_code("12").name,
        payer_number=payer,
        recipient_number=recipient,
        # the 福祉事務所名 comes in InsurerName (issue 13); WelfareOfficeName is an UNCONFIRMED fallback
        name=r.welfare_office_name or (r.insurer_name or "").strip() or numbers.law_code("12").name,
        valid_from=None,
        valid_to=None,
        active_on_visit=bool(active_tickets) or not r.medical_tickets,
        monthly_cap_yen=cap,  # 本人支払額 (0 when none)
        per_visit_cap_yen=None,
        copay_ratio_percent=None if cap is not None else 0,
        claim_order=0,
        source="medical_assistance",
        key=f"{(payer or '').strip()}|{(recipient or '').strip()}",
        elements={},
    )


def _order(views: list[SubsidyView]) -> list[SubsidyView]:
    ordered = sorted(views, key=lambda v: (numbers.claim_priority(v.law_code), v.law_code, v.payer_number or ""))
    return [view.model_copy(update={"claim_order": position}) for position, view in enumerate(ordered, start=1)]


# -------------------------------------------------------------------------------------------------------- chart


def _name_matches(oqs: str, chart: str) -> bool:
    """● in the OQS name stands for any one character (外字)."""
    oqs_key, chart_key = name_key(oqs), name_key(chart)
    if GAIJI not in oqs_key:
        return oqs_key == chart_key
    pattern = "".join("." if char == GAIJI else re.escape(char) for char in oqs_key)
    return re.fullmatch(pattern, chart_key) is not None


def _compare_chart(r: InsuranceQualification, chart: Chart, warnings: _Warnings, index: int) -> None:
    if chart.name and r.name and not _name_matches(r.name, chart.name):
        warnings.add("chart_name_differs", index=index, oqs=r.name, chart=chart.name)
    if chart.kana and r.name_kana and kana_key(r.name_kana) != kana_key(chart.kana):
        warnings.add("chart_kana_differs", index=index, oqs=r.name_kana, chart=chart.kana)
    birth = parse_date(r.birth_date)
    if chart.birth_date and birth and birth != chart.birth_date:
        warnings.add("chart_birth_date_differs", "error", index, oqs=birth.isoformat(),
                     chart=chart.birth_date.isoformat())
    if chart.sex and r.sex1 and chart.sex.strip() != r.sex1.strip():
        warnings.add("chart_sex_differs", index=index, oqs=label(codes.SEX, r.sex1), chart=label(codes.SEX, chart.sex))
    if chart.address and r.address and name_key(normalize_text(chart.address)) != name_key(normalize_text(r.address)):
        warnings.add("chart_address_differs", "info", index)
    if chart.insurer_number or chart.number:
        ours = insurance_key(chart.insurer_number, chart.symbol, chart.number, chart.branch)
        theirs = insurance_key(r.insurer_number, r.symbol, r.number, r.branch)
        if ours != theirs:
            warnings.add("chart_insurance_differs", index=index)


# --------------------------------------------------------------------------------------------------------- merge


def _status(result: QualificationResult, warnings: _Warnings) -> tuple[str, bool]:
    header = result.header
    segment = (header.segment_of_result or "").strip()
    if header.error_code or header.error_message:
        warnings.add("oqs_error", "error", code=header.error_code or "-", message=header.error_message or "")
    if segment and segment != "1":
        warnings.add("not_final", "error", segment=f"{segment} {label(codes.SEGMENT_OF_RESULT, segment)}")
        return "error", False
    if (result.processing_result_status or "").strip() == "2":
        warnings.add("processing_error", "error", code=result.processing_result_code or "-",
                     message=result.processing_result_message or "")
        return "error", True
    validity = (result.qualification_validity or "").strip()
    status = codes.VALIDITY_STATUS.get(validity)
    if status is None:
        warnings.add("validity_unknown", "error", value=validity or "-")
        return "error", True
    return status, True


def _other_elements(result: QualificationResult) -> dict[str, str]:
    other: dict[str, str] = {}
    other.update({f"MessageHeader/{k}": v for k, v in result.header.extra.items()})
    other.update({f"MessageBody/{k}": v for k, v in result.extra.items()})
    other.update({f"XmlMsg/{k}": v for k, v in result.root_extra.items()})
    if result.search_info is not None:
        other.update({f"MessageBody/QualificationConfirmSearchInfo/{k}": v
                      for k, v in result.search_info.extra.items()})
    return other


UNINTERPRETED_LISTED = 20  # element names listed in the "elements_not_interpreted" warning; more are counted


def _top_names(parent: str, extra: dict[str, str], into: dict[str, None]) -> None:
    """The first path segment of each key of `extra` (without its "[n]"), under `parent`, in file order."""
    for key in extra:
        into[f"{parent}/{key.split('/', 1)[0].split('[', 1)[0]}"] = None


def uninterpreted_elements(result: QualificationResult) -> list[str]:
    """Every element the reader kept but does not interpret (unknown, misplaced or repeated), by the path of its
    outermost element, once each, in file order: e.g. "MessageBody/FutureBodyElement"."""
    names: dict[str, None] = {}
    for parent, extra in (("XmlMsg", result.root_extra), ("MessageHeader", result.header.extra),
                          ("MessageBody", result.extra)):
        if extra:
            _top_names(parent, extra, names)
    if result.search_info is not None and result.search_info.extra:
        _top_names("QualificationConfirmSearchInfo", result.search_info.extra, names)
    for sub in result.subsidies:
        _top_names(PMH_LAYOUT["item"], sub.extra, names)
    for r in result.results:
        if r.extra:
            _top_names("ResultOfQualificationConfirmation", r.extra, names)
        if r.elderly is not None and r.elderly.extra:
            _top_names("ElderlyRecipientCertificateInfo", r.elderly.extra, names)
        if r.limit is not None and r.limit.extra:
            _top_names("LimitApplicationCertificateRelatedInfo", r.limit.extra, names)
        for name, parts in (("SpecificDiseasesCertificateInfo", r.specific_diseases),
                            ("MedicalTicketInfo", r.medical_tickets), (PMH_LAYOUT["item"], r.subsidies)):
            for part in parts:
                _top_names(name, part.extra, names)
    return list(names)


def _uninterpreted_warning(result: QualificationResult, warnings: _Warnings) -> None:
    names = uninterpreted_elements(result)
    if not names:
        return
    listed = ", ".join(names[:UNINTERPRETED_LISTED])
    more = len(names) - UNINTERPRETED_LISTED
    warnings.add("elements_not_interpreted", count=str(len(names)),
                 elements=listed + (f" (+{more})" if more > 0 else ""))


def merge(
    result: QualificationResult,
    subsidies: Iterable[Subsidy] = (),
    chart: Chart | None = None,
    visit_date: dt.date | None = None,
) -> MergedEligibility:
    """The merged eligibility for one visit. `subsidies` are PMH data obtained apart from the file (if any); the
    file's own PMH data is always included."""
    with paused_gc(len(result.results) > _BULK_RESULTS):
        return _merge(result, subsidies, chart, visit_date)


def _merge(
    result: QualificationResult, subsidies: Iterable[Subsidy], chart: Chart | None, visit_date: dt.date | None
) -> MergedEligibility:
    visit = visit_date or parse_date(result.header.qualification_confirmation_date) or dt.date.today()
    warnings = _Warnings()
    status, final = _status(result, warnings)
    if result.processing_result_message:
        # Shown verbatim (e.g. the card certificate expires within 3 months).
        warnings.add("oqs_message", "info", message=result.processing_result_message)
    for doubt in plausibility.encoding_doubts(result):
        warnings.add(doubt.code, doubt.severity, None, **doubt.fields)
    results = result.results
    if len(results) > 1:
        warnings.add("multiple_results", count=len(results))
    if final and status in ("valid", "valid_unregistered") and not any(map(plausibility.has_person, results)):
        warnings.add("valid_without_person", "error")
    confirmed_day = parse_date(result.header.qualification_confirmation_date) or visit
    confirmed = (confirmed_day, plausibility.yyyymmdd(confirmed_day))
    views = [_result_view(r, visit, confirmed, warnings, index) for index, r in enumerate(results)]
    if chart is not None:
        for index, r in enumerate(results):
            _compare_chart(r, chart, warnings, index)
    for index, r in enumerate(results):
        if GAIJI in (r.name or "") or GAIJI in (r.name_of_other or ""):
            warnings.add("gaiji_in_name", index=index)

    clinic = result.header.medical_institution_code
    subsidy_views: list[SubsidyView] = []
    for sub in result.subsidies:
        subsidy_views.append(_subsidy_view(sub, visit, clinic, warnings, None))
    for index, r in enumerate(results):
        for sub in r.subsidies:
            subsidy_views.append(_subsidy_view(sub, visit, clinic, warnings, index))
        assistance = _assistance_subsidy(r, visit)
        if assistance is not None:
            subsidy_views.append(assistance)
    for sub in subsidies:
        subsidy_views.append(_subsidy_view(sub, visit, clinic, warnings, None))
    ordered = _order(subsidy_views)
    _uninterpreted_warning(result, warnings)
    first = views[0] if views else None
    has_pmh = any(view.source == "pmh" for view in ordered)
    if first is not None and final and status in ("valid", "valid_unregistered") and not has_pmh:
        warnings.add("no_subsidy_data", "info")
        _municipality_warning(results[0].address, warnings)

    header = result.header
    status_ja, status_en = codes.STATUS_TEXT[status]
    # PrescriptionIssueSelect: in MessageBody, or (some layouts) in the result itself
    prescription = result.prescription_issue_select or (results[0].prescription_issue_select if results else None)
    # Built without re-validating: every part was made just above with the right types (bulk files have thousands).
    return construct_all(
        MergedEligibility,
        status=status,
        status_text=status_ja,
        status_text_en=status_en,
        final=final,
        visit_date=visit,
        header={
            **_fields(header),
            "reference_classification_text": label(codes.REFERENCE_CLASSIFICATION, header.reference_classification),
            "segment_of_result_text": label(codes.SEGMENT_OF_RESULT, header.segment_of_result),
        },
        processing=construct_all(
            ProcessingView,
            status=result.processing_result_status,
            status_text=label(codes.PROCESSING_RESULT_STATUS, result.processing_result_status),
            code=result.processing_result_code,
            message=result.processing_result_message,
            qualification_validity=result.qualification_validity,
            qualification_validity_text=label(codes.QUALIFICATION_VALIDITY, result.qualification_validity),
            prescription_issue_select=prescription,
            prescription_issue_select_text=label(codes.PRESCRIPTION_ISSUE_SELECT, prescription),
        ),
        patient=first.patient if first else None,
        insurance=first.insurance if first else None,
        elderly=first.elderly if first else None,
        limit=first.limit if first else None,
        specific_diseases=first.specific_diseases if first else [],
        medical_tickets=first.medical_tickets if first else [],
        consents=first.consents if first else {},
        subsidies=ordered,
        warnings=warnings.items,
        reference_number=first.reference_number if first else None,
        results=views,
        search_info=_fields(result.search_info) if result.search_info is not None else None,
        other_elements=_other_elements(result),
    )


def _municipality_warning(address: str | None, warnings: _Warnings) -> None:
    place = pmh.locate(address)
    if place is None or place.municipality is not None:
        return
    listing = pmh.participation()
    guess = pmh.first_municipality(address) or place.prefecture
    warnings.add("municipality_not_in_pmh", "info", municipality=f"{place.prefecture}{guess}"
                 if guess != place.prefecture else guess, as_of=listing.as_of)
