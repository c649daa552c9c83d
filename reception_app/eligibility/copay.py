"""Per-visit copay ESTIMATE: 医療費 → insurance → 公費1 → 公費2 …, each payer covering part of what is left
(hangilc futan/calc.ts; online_qualification.md §4). Insurance rounding to 10 円 is ignored, as in the worked
examples. The desk must treat the figure as an estimate: the certificate's terms and the 上限額管理票 decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

from reception_app.eligibility.models import MergedEligibility, SubsidyView

ESTIMATE_LABEL: Final = (
    "概算（受給者証の条件と上限額管理票で確認してください）",
    "estimate (check the certificate terms)",
)

# Patient share of the 医療費 under a national program when the data gives none: as commonly documented
# (online_qualification.md §4). UNCONFIRMED per program and person: the certificate decides.
DEFAULT_SUBSIDY_RATIO_PERCENT: Final[dict[str, int]] = {"15": 10, "16": 10, "21": 10, "52": 20, "54": 20}


@dataclass(frozen=True)
class SubsidyTerms:
    """What one subsidy leaves the patient to pay at one visit."""

    key: str  # month-to-date key (payer|recipient)
    label: str
    ratio_percent: int | None = None  # patient pays at most this share of the 医療費
    per_visit_cap_yen: int | None = None  # … and at most this per visit (e.g. マル子 200 円)
    monthly_cap_yen: int | None = None  # … and at most this per month with month_to_date counted


@dataclass(frozen=True)
class PayerShare:
    payer: str
    label: str
    pays_yen: int


@dataclass(frozen=True)
class CopayEstimate:
    medical_cost_yen: int
    insurance_ratio_percent: int
    insurance_pays_yen: int
    shares: list[PayerShare] = field(default_factory=list)  # one per subsidy, in claim order
    patient_pays_yen: int = 0
    is_estimate: bool = True
    label: str = ESTIMATE_LABEL[0]
    label_en: str = ESTIMATE_LABEL[1]


def estimate_visit(
    medical_cost_yen: int,
    insurance_ratio_percent: int,
    subsidies: Iterable[SubsidyTerms] = (),
    month_to_date_yen: Mapping[str, int] | None = None,
) -> CopayEstimate:
    """Estimate one visit. `month_to_date_yen[key]` = what the patient already paid this month under that subsidy
    (all designated institutions and pharmacies, from the 上限額管理票)."""
    if medical_cost_yen < 0 or not 0 <= insurance_ratio_percent <= 100:
        raise ValueError("medical cost must be ≥ 0 and the ratio 0–100 %")
    paid_so_far = month_to_date_yen or {}
    patient = medical_cost_yen * insurance_ratio_percent // 100
    insurance = medical_cost_yen - patient
    shares: list[PayerShare] = []
    for terms in subsidies:
        target = patient
        if terms.ratio_percent is not None:
            target = min(target, medical_cost_yen * terms.ratio_percent // 100)
        if terms.per_visit_cap_yen is not None:
            target = min(target, terms.per_visit_cap_yen)
        if terms.monthly_cap_yen is not None:
            target = min(target, max(0, terms.monthly_cap_yen - paid_so_far.get(terms.key, 0)))
        shares.append(PayerShare(terms.key, terms.label, patient - target))
        patient = target
    return CopayEstimate(medical_cost_yen, insurance_ratio_percent, insurance, shares, patient)


def terms_for(view: SubsidyView) -> SubsidyTerms:
    """Terms from a merged subsidy; the national default ratio when the data has none."""
    ratio = view.copay_ratio_percent
    if ratio is None and view.per_visit_cap_yen is None:
        ratio = DEFAULT_SUBSIDY_RATIO_PERCENT.get(view.law_code)
    return SubsidyTerms(
        key=view.key,
        label=view.name or view.law_name or view.law_code,
        ratio_percent=ratio,
        per_visit_cap_yen=view.per_visit_cap_yen,
        monthly_cap_yen=view.monthly_cap_yen,
    )


def estimate_for(
    merged: MergedEligibility, medical_cost_yen: int, month_to_date_yen: Mapping[str, int] | None = None
) -> CopayEstimate | None:
    """Estimate from a merged view with the subsidies active on the visit date; None when the ratio is unknown."""
    ratio = merged.insurance.copay_ratio_percent if merged.insurance is not None else None
    if not isinstance(ratio, int):
        return None
    active = [terms_for(view) for view in merged.subsidies if view.active_on_visit]
    return estimate_visit(medical_cost_yen, ratio, active, month_to_date_yen)
