"""The merged eligibility view: status, ratio and basis, subsidies in claim order, warnings, nothing lost."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import Chart, QualificationResult, Subsidy
from reception_app.eligibility.xml import parse_result
from tests.unit.test_eligibility_xml import full_document

DATA = Path(__file__).resolve().parent.parent / "data" / "oqs"
VISIT = dt.date(2025, 6, 1)


def load(name: str) -> QualificationResult:
    return parse_result((DATA / name).read_bytes())


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("valid_general_sjis.xml", "valid"),
        ("validity2_invalid.xml", "invalid"),
        ("validity3_new_qualification.xml", "invalid_new_qualification"),
        ("validity4_not_found.xml", "not_found"),
        ("validity5_multiple.xml", "multiple"),
        ("validity6_unregistered.xml", "valid_unregistered"),
        ("not_final.xml", "error"),
    ],
)
def test_status_in_words(name: str, status: str) -> None:
    merged = merge(load(name), (), None, VISIT)
    assert merged.status == status
    assert merged.to_json()["status"] == status
    assert merged.status_text and merged.status_text_en


def test_not_final_segment_is_error_and_says_so() -> None:
    merged = merge(load("not_final.xml"), (), None, VISIT)
    assert merged.final is False
    codes = merged.warning_codes()
    assert "not_final" in codes and "oqs_error" in codes
    assert any("EQ0001" in w.message for w in merged.warnings)


@pytest.mark.parametrize(
    ("name", "ratio", "basis"),
    [
        ("valid_general_sjis.xml", 30, "working_age"),
        ("valid_preschool_utf8.xml", 20, "preschool"),
        ("elderly_recipient.xml", 20, "elderly_recipient"),
        ("late_elderly_10.xml", 10, "late_elderly"),
        ("medical_assistance_a1.xml", 0, "medical_assistance"),
    ],
)
def test_copay_ratio_and_basis(name: str, ratio: int, basis: str) -> None:
    insurance = merge(load(name), (), None, VISIT).to_json()["insurance"]
    assert insurance["copay_ratio_percent"] == ratio
    assert insurance["copay_basis"] == basis


def test_preschool_is_computed_from_birth_date_when_the_flag_is_missing() -> None:
    result = load("valid_preschool_utf8.xml")
    result.results[0].preschool = None
    insurance = merge(result, (), None, VISIT).insurance
    assert insurance is not None and insurance.copay_basis == "preschool"
    after = merge(result, (), None, dt.date(2028, 4, 1)).insurance  # born 2021-05-10: 未就学 ends 2028-03-31
    assert after is not None and after.copay_ratio_percent == 30


def test_elderly_without_certificate_assumes_two_tenths_with_warning() -> None:
    result = load("valid_general_sjis.xml")
    result.results[0].birth_date = "19530101"
    merged = merge(result, (), None, VISIT)
    assert merged.insurance is not None and merged.insurance.copay_basis == "elderly_assumed"
    assert "elderly_ratio_missing" in merged.warning_codes()


def test_subsidies_in_claim_order_with_activity_and_paper_check_wording() -> None:
    merged = merge(load("pmh_subsidies.xml"), (), None, VISIT)
    out = merged.to_json()
    assert [s["law_code"] for s in out["subsidies"]] == ["21", "54", "80"]  # national by table, local last
    assert [s["claim_order"] for s in out["subsidies"]] == [1, 2, 3]
    assert [s["active_on_visit"] for s in out["subsidies"]] == [False, True, True]
    nanbyo = out["subsidies"][1]
    assert nanbyo["monthly_cap_yen"] == 10000 and nanbyo["valid_to"] == "2025-12-31"
    assert nanbyo["payer_number"] == "54136015" and nanbyo["recipient_number"] == "1112226"
    inactive = [w for w in merged.warnings if w.code == "subsidy_not_active"]
    assert len(inactive) == 1 and "紙の受給者証" in inactive[0].message
    every_text = json.dumps(out, ensure_ascii=False)
    assert "ended" not in every_text.lower() and "終了しました" not in every_text


def test_extra_subsidies_passed_in_are_merged_and_ordered() -> None:
    extra = Subsidy(payer_number="21136015", recipient_number="4000022", certificate_name="精神通院",
                    valid_from="2025-04-01", valid_to="2026-03-31", max_copayment="5000")
    merged = merge(load("valid_preschool_utf8.xml"), [extra], None, VISIT)
    assert [s.law_code for s in merged.subsidies] == ["21", "88"]
    assert "no_subsidy_data" not in merged.warning_codes()


def test_missing_pmh_data_says_check_the_paper_certificate() -> None:
    merged = merge(load("valid_general_sjis.xml"), (), None, VISIT)
    warning = next(w for w in merged.warnings if w.code == "no_subsidy_data")
    assert "紙の受給者証" in warning.message and "paper" in warning.message_en


def test_municipality_not_in_pmh_list() -> None:
    result = load("valid_general_sjis.xml")
    result.results[0].address = "東京都千代田区試験町１－１"  # 千代田区 is not in the seed lists
    merged = merge(result, (), None, VISIT)
    warning = next(w for w in merged.warnings if w.code == "municipality_not_in_pmh")
    assert "千代田区" in warning.message
    listed = merge(load("valid_general_sjis.xml"), (), None, VISIT)  # 調布市 is listed
    assert "municipality_not_in_pmh" not in listed.warning_codes()


def test_certificate_expiry_message_is_shown_verbatim() -> None:
    result = load("valid_general_sjis.xml")
    merged = merge(result, (), None, VISIT)
    warning = next(w for w in merged.warnings if w.code == "oqs_message")
    assert warning.message == result.processing_result_message
    assert merged.to_json()["processing"]["message"] == result.processing_result_message


def test_gaiji_and_chart_differences() -> None:
    result = load("gaiji_name.xml")
    chart = Chart(patient_id="P1", name="斎藤 次郎", kana="さいとう じろう", birth_date=dt.date(1980, 4, 15), sex="1",
                  address="東京都調布市試験町1-2-3", insurer_number="06130488", symbol="123", number="4567",
                  branch="00")
    merged = merge(result, (), chart, VISIT)
    codes = merged.warning_codes()
    assert "gaiji_in_name" in codes
    # ● matches 斎, kana/birth/address/insurance match after normalisation: no false alarms
    assert not {"chart_name_differs", "chart_kana_differs", "chart_birth_date_differs", "chart_address_differs",
                "chart_insurance_differs", "chart_sex_differs"} & set(codes)
    other = Chart(name="別人 花子", kana="ベツジン", birth_date=dt.date(1981, 1, 1), sex="2", address="大阪府豊中市",
                  insurer_number="01130012", number="1")
    codes = merge(result, (), other, VISIT).warning_codes()
    assert {"chart_name_differs", "chart_kana_differs", "chart_birth_date_differs", "chart_sex_differs",
            "chart_address_differs", "chart_insurance_differs"} <= set(codes)


def test_bad_check_digits_are_warned() -> None:
    result = load("valid_general_sjis.xml")
    result.results[0].insurer_number = "06130487"
    warning = next(w for w in merge(result, (), None, VISIT).warnings if w.code == "bad_check_digit")
    assert "保険者番号" in warning.message


def test_several_results_are_all_shown() -> None:
    merged = merge(load("validity5_multiple.xml"), (), None, VISIT)
    assert "multiple_results" in merged.warning_codes()
    assert [r["insurance"]["insurer_number"] for r in merged.to_json()["results"]] == ["06130488", "06270011"]


def test_medical_assistance_tickets_and_subsidy() -> None:
    merged = merge(load("medical_assistance_a1.xml"), (), None, VISIT)
    tickets = merged.to_json()["medical_tickets"]
    assert [t["active_on_visit"] for t in tickets] == [True, False]
    assistance = [s for s in merged.subsidies if s.source == "medical_assistance"]
    assert assistance[0].law_code == "12" and assistance[0].payer_number == "12131017"
    assert assistance[0].recipient_number == "7654320"


def test_expired_items_and_disqualification() -> None:
    merged = merge(load("validity2_invalid.xml"), (), None, VISIT)
    assert "disqualified" in merged.warning_codes()
    result = load("valid_general_sjis.xml")
    assert result.results[0].limit is not None
    result.results[0].limit.valid_end_date = "20250531"
    merged = merge(result, (), None, VISIT)
    assert merged.limit is not None and merged.limit.active_on_visit is False
    assert "item_expired" in merged.warning_codes()


def test_required_json_schema() -> None:
    out = merge(load("valid_general_sjis.xml"), (), None, VISIT).to_json()
    assert {"status", "patient", "insurance", "subsidies", "warnings", "reference_number"} <= set(out)
    assert {"name", "name_kana", "birth_date", "sex"} <= set(out["patient"])
    assert {"insurer_number", "insurer_name", "symbol", "number", "branch", "copay_ratio_percent",
            "copay_basis"} <= set(out["insurance"])
    assert out["patient"]["birth_date"] == "1980-04-15"
    assert out["reference_number"] == "P000123"
    assert all({"code", "message"} <= set(w) for w in out["warnings"])
    subsidy = merge(load("pmh_subsidies.xml"), (), None, VISIT).to_json()["subsidies"][0]
    assert {"law_code", "payer_number", "recipient_number", "name", "valid_from", "valid_to", "active_on_visit",
            "monthly_cap_yen"} <= set(subsidy)
    json.dumps(out)  # serialisable


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def test_nothing_in_the_file_is_lost_in_the_merged_json() -> None:
    """Acceptance 4: walk the parsed model; every value appears in the merged JSON."""
    data, expected = full_document()
    text = data.decode("cp932").replace("</ResultOfQualificationConfirmation>",
                                        "<Unknown1><Deep>秘密値</Deep></Unknown1></ResultOfQualificationConfirmation>")
    text = text.replace("</MessageBody>", "<BodyUnknown>本文値</BodyUnknown></MessageBody>")
    result = parse_result(text.encode("cp932"))
    out = merge(result, (), None, VISIT).to_json()
    found = set(_strings(out))
    parsed_values = _strings(result.model_dump())
    assert len(parsed_values) >= len(expected) + 2
    missing = [value for value in parsed_values if value not in found]
    assert missing == []
    assert "秘密値" in found and "本文値" in found
