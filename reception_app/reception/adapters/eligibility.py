"""`MergePort` over `eligibility`: facts for matching from a QualificationResult, and `merge` with the chart."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from pydantic import ValidationError

from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import Chart, MergedEligibility, QualificationResult, parse_yyyymmdd
from reception_app.reception.models import InsuranceKey, PatientRecord, PersonFacts
from reception_app.reception.ports import EligibilityOutcome


@dataclass(frozen=True)
class Merged:
    json: str
    model: MergedEligibility
    warnings: tuple[str, ...]


def _result_of(outcome: EligibilityOutcome | QualificationResult) -> QualificationResult:
    # connect's outcome carries the parsed result beside what the check-in reads; a bare result is taken as it is
    result = getattr(outcome, "result", outcome)
    if not isinstance(result, QualificationResult):
        raise TypeError(f"expected an eligibility outcome, got {type(outcome).__name__}")
    return result


def _birth(text: str | None) -> dt.date | None:
    try:
        return parse_yyyymmdd(text)
    except ValueError:
        return None


def facts_of(result: QualificationResult) -> PersonFacts:
    """The person in the first result (several results = 複数該当: the validity code sends it to the staff)."""
    first = result.results[0] if result.results else None
    insurance = None
    if first is not None and first.insurer_number and first.number:
        insurance = InsuranceKey(first.insurer_number, first.symbol or "", first.number, first.branch or "")
    return PersonFacts(
        name=(first.name if first else None) or "",
        kana=(first.name_kana if first else None) or "",
        birth_date=_birth(first.birth_date) if first else None,
        sex=(first.sex1 if first else None) or "",
        address=(first.address if first else None) or "",
        reference_number=((first.reference_number or "").strip() or None) if first else None,
        insurance=insurance,
        qualification_validity=(result.qualification_validity or "").strip(),
    )


def chart_of(patient: PatientRecord) -> Chart:
    ins = patient.insurance
    return Chart(
        patient_id=patient.patient_id,
        name=patient.name,
        kana=patient.kana,
        birth_date=patient.birth_date,
        sex=patient.sex or None,
        address=patient.address or None,
        insurer_number=ins.insurer_number if ins else None,
        symbol=ins.symbol if ins else None,
        number=ins.number if ins else None,
        branch=ins.branch if ins else None,
    )


class EligibilityMerger:
    def facts(self, outcome: EligibilityOutcome) -> PersonFacts:
        return facts_of(_result_of(outcome))

    def merge(self, outcome: EligibilityOutcome, chart: PatientRecord | None, visit_date: dt.date) -> Merged:
        result = _result_of(outcome)
        # The outcome's subsidies are the file's own PMH data, which merge() always includes: pass none twice.
        model = merge(result, (), chart_of(chart) if chart is not None else None, visit_date)
        codes = tuple(dict.fromkeys(model.warning_codes()))
        return Merged(json.dumps(model.to_json(), ensure_ascii=False), model, codes)

    def read_snapshot(self, merged_json: str) -> MergedEligibility | None:
        try:
            return MergedEligibility.from_json(merged_json)
        except ValidationError:
            return None  # stored by a version whose merged view this one cannot read
