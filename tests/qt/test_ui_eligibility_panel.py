"""The merged eligibility panel renders every synthetic OQS sample (tests/data/oqs) with nothing lost: status in
words, insurance and ratio, 高齢受給者/限度額, 特定疾病, 医療扶助 tickets, subsidies in claim order with their validity,
warnings with an icon and text, 和暦 with 西暦, ● marked, and the offline banner."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import ConsentView, MergedEligibility
from reception_app.eligibility.xml import parse_result
from reception_app.ui.dates import japanese_dates
from reception_app.ui.desk.eligibility_html import render_html
from reception_app.ui.desk.eligibility_panel import GAIJI_STYLE, EligibilityPanel

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "data" / "oqs").glob("*.xml"))
VISIT = dt.date(2026, 11, 25)


def merged_view(path: Path) -> MergedEligibility:
    result = parse_result(path.read_bytes())
    return merge(result, result.subsidies, None, VISIT)


def test_there_are_samples_to_render():
    assert len(SAMPLES) >= 10


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_panel_renders_every_sample(qtbot, ui_lang, sample):
    merged = merged_view(sample)
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(merged)
    text = panel.plain_text()
    # status in words (Japanese UI), never the bare code
    assert merged.status not in text.split()
    # insurance: insurer number and copay ratio with its basis
    insurance = merged.insurance
    if insurance is not None and insurance.insurer_number:
        assert insurance.insurer_number in text
    if insurance is not None and insurance.copay_ratio_percent is not None:
        percent = insurance.copay_ratio_percent
        shown = "なし" if percent == 0 else f"{percent // 10}割" if percent % 10 == 0 else f"{percent}%"
        assert f"負担割合\n{shown}" in text
    # every subsidy with its payer and recipient number, and its validity on the visit day in words
    for subsidy in merged.subsidies:
        if subsidy.payer_number:
            assert subsidy.payer_number in text
        if subsidy.recipient_number:
            assert subsidy.recipient_number in text
        assert ("受診日に有効" if subsidy.active_on_visit else "受診日に無効") in text
    # every warning's Japanese text, with an icon (not colour alone)
    for warning in merged.warnings:
        assert japanese_dates(warning.message, "ja") in text
    if merged.warnings:
        assert "⚠" in text or "✖" in text
    # 和暦 with the year in 西暦 for the birth date (「昭和46年（1971年）10月15日」)
    born = merged.patient.birth_date if merged.patient is not None else None
    if born:
        assert f"（{born[:4]}年）" in text and any(era in text for era in ("昭和", "平成", "令和", "大正", "明治"))
    for shown, word in ((merged.elderly, "高齢受給者"), (merged.limit, "限度額"), (merged.medical_tickets, "医療券"),
                        (merged.specific_diseases, "特定疾病")):
        if shown:
            assert word in text, f"{word} not shown"


def test_gaiji_is_marked_visibly(qtbot, ui_lang):
    merged = merged_view(next(p for p in SAMPLES if "gaiji" in p.stem))
    html = render_html(merged, lang="ja")
    assert GAIJI_STYLE in html and "外字" in html


def test_offline_banner_names_the_last_confirmation(qtbot, ui_lang):
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(merged_view(SAMPLES[0]), offline=True, offline_confirmed_at=dt.datetime(2026, 11, 20, 9, 5))
    text = panel.plain_text()
    assert "オフライン" in text and "最終確認は2026年11月20日 9:05です。" in text


def test_every_top_level_key_is_shown_somewhere(qtbot, ui_lang):
    """Nothing is hidden: keys of a stored snapshot this version does not know are counted on the panel and shown
    under the details (詳細)."""
    data = merged_view(SAMPLES[0]).to_json()
    data["brand_new_element"] = "見せるべき値"
    merged = MergedEligibility.from_json(json.dumps(data, ensure_ascii=False))
    assert "名前を表示できない項目が1件" in render_html(merged, lang="ja")
    html = render_html(merged, lang="ja", details=True)
    assert "brand_new_element" in html and "見せるべき値" in html


def test_invalid_status_stands_out(qtbot, ui_lang):
    html = render_html(merged_view(next(p for p in SAMPLES if "validity2" in p.stem)), lang="ja")
    assert 'class="bad"' in html and "無効" in html


def test_sex_is_in_the_language_of_the_desk(qtbot, ui_lang):
    merged = merged_view(next(p for p in SAMPLES if p.stem == "valid_general_sjis"))
    assert merged.patient is not None
    male = merged.patient.model_copy(update={"sex": "1", "sex_text": "男"})
    ui_lang.install("en")
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(merged.model_copy(update={"patient": male}))
    assert "Male" in panel.plain_text().splitlines()


def test_medical_ticket_fields_are_named_not_shown_as_keys(qtbot, ui_lang):
    merged = merged_view(next(p for p in SAMPLES if p.stem == "medical_assistance_a1"))
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(merged)
    lines = panel.plain_text().splitlines()
    exported_keys = merged.to_json()["medical_tickets"][0]
    assert [key for key in exported_keys if key in lines] == []


def _with_active_subsidy(law: str) -> MergedEligibility:
    merged = merged_view(next(p for p in SAMPLES if p.stem == "pmh_subsidies"))
    chosen = next(s for s in merged.subsidies if s.law_code == law).model_copy(update={"active_on_visit": True})
    return merged.model_copy(update={"subsidies": [chosen]})


def test_the_copay_estimate_says_what_the_patient_pays_today(qtbot, ui_lang):
    """精神通院 (法別21): the panel says 1割 today with the monthly cap, not only the insurance's 3割."""
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(_with_active_subsidy("21"))
    estimate = panel.plain_text().split("本日の窓口負担の目安", 1)[1]
    assert "本日の負担\n医療費の1割（月額上限 5,000円から今月の支払済額を引いた額まで）" in estimate


def test_the_copay_estimate_is_labelled_as_an_estimate(qtbot, ui_lang):
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(_with_active_subsidy("21"))
    assert "概算です。受給者証の条件と自己負担上限額管理票で確認してください。" in panel.plain_text()


def test_consents_show_a_mark_per_kind(qtbot, ui_lang):
    merged = merged_view(SAMPLES[0]).model_copy(update={"consents": {
        "pharmacists_info": ConsentView(flag="1"), "diagnosis_info": ConsentView(flag="0"),
    }})
    html = render_html(merged, lang="ja")
    assert "薬剤情報</th><td><span class=\"good\">✓</span> 同意あり" in html
    assert "診療情報</th><td><span class=\"bad\">✗</span> 同意なし" in html


def test_an_unknown_code_is_said_to_be_unknown(qtbot, ui_lang):
    merged = merged_view(SAMPLES[0])
    assert merged.insurance is not None
    odd = merged.model_copy(update={"insurance": merged.insurance.model_copy(update={"card_classification": "Z9"})})
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(odd)
    assert "カード\nコード Z9（意味不明）" in panel.plain_text()


def test_the_copay_basis_is_in_the_language_of_the_desk(qtbot, ui_lang):
    ui_lang.install("en")
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(merged_view(next(p for p in SAMPLES if p.stem == "valid_general_sjis")))
    assert "Copay\n30% — school age to 69 (3割)" in panel.plain_text()


def test_the_raw_elements_unfold_behind_the_details_link(qtbot, ui_lang):
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(merged_view(SAMPLES[0]))
    assert "ProcessExecutionTime" not in panel.plain_text()
    panel.browser.anchorClicked.emit(QUrl("#details-show"))
    assert "ProcessExecutionTime" in panel.plain_text()


def test_a_new_result_folds_the_details_again(qtbot, ui_lang):
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(merged_view(SAMPLES[0]))
    panel.set_details_shown(True)
    panel.show_result(merged_view(SAMPLES[1]))
    assert not panel.details_shown


def test_subsidy_headers_do_not_break_inside_a_word(qtbot, ui_lang):
    html = render_html(merged_view(next(p for p in SAMPLES if p.stem == "pmh_subsidies")), lang="ja")
    assert '<th style="white-space: nowrap;">負担者番号</th>' in html
