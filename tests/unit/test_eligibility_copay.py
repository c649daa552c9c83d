"""Copay estimate: the worked examples 1–5 of the domain notes §4 (insurance → 公費1 → 公費2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reception_app.eligibility.copay import SubsidyTerms, estimate_for, estimate_visit
from reception_app.eligibility.merge import merge
from reception_app.eligibility.xml import parse_result

DATA = Path(__file__).resolve().parent.parent / "data" / "oqs"


def test_example1_child_preschool_with_maru_nyu() -> None:
    maru_nyu = SubsidyTerms(key="88", label="マル乳", ratio_percent=0)
    estimate = estimate_visit(5000, 20, [maru_nyu])
    assert estimate.insurance_pays_yen == 4000
    assert estimate.shares[0].pays_yen == 1000
    assert estimate.patient_pays_yen == 0
    assert estimate.is_estimate and "概算" in estimate.label


def test_example2_child_with_maru_ko_per_visit_200() -> None:
    maru_ko = SubsidyTerms(key="88", label="マル子", per_visit_cap_yen=200)
    big = estimate_visit(5000, 30, [maru_ko])
    assert (big.patient_pays_yen, big.shares[0].pays_yen) == (200, 1300)
    small = estimate_visit(400, 30, [maru_ko])
    assert (small.patient_pays_yen, small.shares[0].pays_yen) == (120, 0)


def test_example3_seishin_tsuin_monthly_cap_over_visits() -> None:
    terms = SubsidyTerms(key="21|x", label="精神通院", ratio_percent=10, monthly_cap_yen=5000)
    paid = 0
    patient = []
    public = []
    for _visit in range(9):
        estimate = estimate_visit(8000, 30, [terms], {"21|x": paid})
        assert estimate.insurance_pays_yen == 5600
        patient.append(estimate.patient_pays_yen)
        public.append(estimate.shares[0].pays_yen)
        paid += estimate.patient_pays_yen
    assert patient == [800] * 6 + [200, 0, 0]
    assert public == [1600] * 6 + [2200, 2400, 2400]


def test_example4_nanbyo_two_tenths_up_to_cap() -> None:
    terms = SubsidyTerms(key="54|y", label="難病", ratio_percent=20, monthly_cap_yen=10000)
    first = estimate_visit(40000, 30, [terms], {"54|y": 0})
    assert (first.insurance_pays_yen, first.patient_pays_yen, first.shares[0].pays_yen) == (28000, 8000, 4000)
    second = estimate_visit(40000, 30, [terms], {"54|y": 8000})
    assert (second.patient_pays_yen, second.shares[0].pays_yen) == (2000, 10000)


def test_example5_nanbyo_then_maru_sho_on_what_is_left() -> None:
    nanbyo = SubsidyTerms(key="54", label="難病", ratio_percent=20, monthly_cap_yen=10000)
    maru_sho = SubsidyTerms(key="80", label="マル障", ratio_percent=10)  # illustrative terms
    estimate = estimate_visit(40000, 30, [nanbyo, maru_sho])
    assert [share.pays_yen for share in estimate.shares] == [4000, 4000]
    assert estimate.patient_pays_yen == 4000
    total = estimate.insurance_pays_yen + sum(s.pays_yen for s in estimate.shares) + estimate.patient_pays_yen
    assert total == 40000


def test_estimate_from_merged_view_uses_active_subsidies_in_claim_order() -> None:
    merged = merge(parse_result((DATA / "pmh_subsidies.xml").read_bytes()), (), None, dt.date(2025, 6, 1))
    estimate = estimate_for(merged, 40000)
    assert estimate is not None
    labels = [share.label for share in estimate.shares]
    assert labels == ["特定医療費（指定難病）受給者証", "心身障害者医療費助成（マル障）"]
    assert estimate.patient_pays_yen == 4000  # 2割 = 8000 → マル障 1割 → 4000
    child = merge(parse_result((DATA / "valid_preschool_utf8.xml").read_bytes()), (), None, dt.date(2025, 6, 1))
    child_estimate = estimate_for(child, 5000)
    assert child_estimate is not None and child_estimate.patient_pays_yen == 0
