"""Plausibility of what a result file says (issue 13, Build 4): the ONE table of limits, and the checks that turn a
value outside them into a doubt for the merge to show as a warning. A doubt names elements, never their values.
The limits and their sources are listed in docs/eligibility-json.md ("Plausibility warnings"):

- copay ratios (後期高齢 `InsuredPartialContributionRatio`, 高齢受給者 `ElderlyRecipientContributionRatio`): 0, 10, 20
  or 30 % (1–3割; "010" = 1割, online_qualification.md §2);
- the age on the visit date: 0–130;
- dates that cannot be in the future (birth, 交付日, 同意日時): not after the confirmation date;
- a valid result: has a person (a name, kana, birth date or number);
- a subsidy's ratio (PMH `CopaymentRatio`): 0–100 %;
- the encoding read: the one CharacterCodeIdentifier names (OQSCD005: 0 UTF-8, 1 Shift_JIS), and bytes read as
  Shift_JIS that are not valid UTF-8 (the reader's `source_encoding_doubt`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from reception_app.eligibility.models import InsuranceQualification, QualificationResult

COPAY_RATIOS_PERCENT: Final = frozenset({0, 10, 20, 30})
AGE_RANGE: Final = (0, 130)
SUBSIDY_RATIO_RANGE: Final = (0, 100)
# CharacterCodeIdentifier (OQSCD005) → the encoding it names.
CHARACTER_CODES: Final[dict[str, str]] = {"0": "utf-8", "1": "cp932"}
ENCODING_NAMES: Final[dict[str, str]] = {"utf-8": "UTF-8", "cp932": "Shift_JIS"}


@dataclass(frozen=True)
class Doubt:
    """One implausible value: a warning code of codes.WARNING_TEXT and its fields (element names only)."""

    code: str
    severity: str = "warning"
    fields: dict[str, str] = field(default_factory=dict)


def ratio_ok(percent: int) -> bool:
    return percent in COPAY_RATIOS_PERCENT


def age_ok(age: int) -> bool:
    return AGE_RANGE[0] <= age <= AGE_RANGE[1]


def subsidy_ratio_ok(percent: int) -> bool:
    return SUBSIDY_RATIO_RANGE[0] <= percent <= SUBSIDY_RATIO_RANGE[1]


def _day(text: str | None) -> dt.date | None:
    """The date of `YYYYMMDD` or `YYYYMMDDHHMMSS` (consent times); None when it is neither."""
    value = (text or "").strip()
    if len(value) not in (8, 14) or not value.isascii() or not value.isdigit():
        return None
    try:
        return dt.date.fromisoformat(f"{value[:4]}-{value[4:6]}-{value[6:8]}")
    except ValueError:
        return None


# (field of InsuranceQualification, element) of the dates of a result that cannot lie after the confirmation date.
_NOT_AFTER_CONFIRMATION: Final[tuple[tuple[str, str], ...]] = (
    ("birth_date", "Birthdate"),
    ("certificate_issuance_date", "InsuredCertificateIssuanceDate"),
    ("limit_consent_time", "LimitApplicationCertificateRelatedConsTime"),
    ("specific_diseases_consent_time", "SpecificDiseasesCertificateRelatedConsTime"),
    ("checkups_consent_time", "SpecificHealthCheckupsInfoConsTime"),
    ("pharmacists_consent_time", "PharmacistsInfoConsTime"),
    ("diagnosis_consent_time", "DiagnosisInfoConsTime"),
    ("operation_consent_time", "OperationInfoConsTime"),
)


def not_after_confirmation(r: InsuranceQualification) -> list[tuple[str, str | None]]:
    """(element, text) of the dates of one result that cannot lie after the confirmation date: the table above and
    the 交付日 of its certificates."""
    values = r.__dict__
    pairs: list[tuple[str, str | None]] = [(element, values.get(name)) for name, element in _NOT_AFTER_CONFIRMATION]
    if r.elderly is not None:
        pairs.append(("ElderlyRecipientCertificateDate", r.elderly.certificate_date))
    if r.limit is not None:
        pairs.append(("LimitApplicationCertificateDate", r.limit.certificate_date))
    pairs.extend(("SpecificDiseasesCertificateDate", item.certificate_date) for item in r.specific_diseases)
    return pairs


def yyyymmdd(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


_NONE: Final[tuple[Doubt, ...]] = ()


def future_dates(r: InsuranceQualification, confirmed: dt.date, limit: str | None = None) -> Sequence[Doubt]:
    """A doubt per date of `not_after_confirmation` that lies after `confirmed` (`limit`: `yyyymmdd(confirmed)`,
    made once per file by the caller). `YYYYMMDD…` texts compare as strings in date order, so only a text that
    sorts after the confirmation date is looked at further (face files: none, and then no list is built)."""
    if limit is None:
        limit = yyyymmdd(confirmed)
    values = r.__dict__
    for name, _element in _NOT_AFTER_CONFIRMATION:
        text = values.get(name)
        if text and text[:8] > limit:
            break
    else:
        elderly, limit_info, diseases = r.elderly, r.limit, r.specific_diseases
        if ((elderly is None or (elderly.certificate_date or "")[:8] <= limit)
                and (limit_info is None or (limit_info.certificate_date or "")[:8] <= limit)
                and all((item.certificate_date or "")[:8] <= limit for item in diseases)):
            return _NONE
    doubts: list[Doubt] = []
    for element, text in not_after_confirmation(r):
        if text and text[:8] > limit:
            day = _day(text)
            if day is not None and day > confirmed:
                doubts.append(Doubt("date_after_confirmation", fields={"element": element}))
    return doubts


def has_person(r: InsuranceQualification) -> bool:
    return any((value or "").strip() for value in (r.name, r.name_kana, r.birth_date, r.number, r.name_of_other))


def encoding_doubts(result: QualificationResult) -> Sequence[Doubt]:
    """The declared (or chosen) encoding against CharacterCodeIdentifier, and the reader's doubt about the bytes."""
    used = result.source_encoding
    code = result.header.character_code_identifier
    named = CHARACTER_CODES.get(code) if code in CHARACTER_CODES else CHARACTER_CODES.get((code or "").strip())
    if (used == named or named is None) and not result.source_encoding_doubt:
        return _NONE  # the usual case
    doubts: list[Doubt] = []
    if used is not None and named is not None and used != named:
        doubts.append(Doubt("encoding_differs_from_character_code", fields={
            "declared": ENCODING_NAMES.get(used, used), "character_code": ENCODING_NAMES.get(named, named)}))
    if result.source_encoding_doubt:
        doubts.append(Doubt(result.source_encoding_doubt, fields={"declared": ENCODING_NAMES.get(used or "", "-")}))
    return doubts
