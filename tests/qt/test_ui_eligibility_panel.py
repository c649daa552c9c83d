"""The merged eligibility panel renders every synthetic OQS sample (tests/data/oqs) with nothing lost: status in
words, insurance and ratio, 高齢受給者/限度額, 特定疾病, 医療扶助 tickets, subsidies in claim order with their validity,
warnings with an icon and text, 和暦 with 西暦, ● marked, and the offline banner."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reception_app.eligibility.merge import merge
from reception_app.eligibility.xml import parse_result
from reception_app.ui.desk.eligibility_panel import GAIJI_STYLE, EligibilityPanel, render_html

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "data" / "oqs").glob("*.xml"))
VISIT = dt.date(2026, 11, 25)


def merged_json(path: Path) -> dict:
    result = parse_result(path.read_bytes())
    return merge(result, getattr(result, "subsidies", ()), None, VISIT).to_json()


def test_there_are_samples_to_render():
    assert len(SAMPLES) >= 10


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_panel_renders_every_sample(qtbot, ui_lang, sample):
    data = merged_json(sample)
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(data)
    text = panel.plain_text()
    # status in words (Japanese UI), never the bare code
    assert data["status"] not in text.split()
    # insurance: insurer number and copay ratio with its basis
    insurance = data.get("insurance") or {}
    if insurance.get("insurer_number"):
        assert insurance["insurer_number"] in text
    if insurance.get("copay_ratio_percent") is not None:
        assert f"{insurance['copay_ratio_percent']}%" in text
    # every subsidy with its payer and recipient number, and its validity on the visit day in words
    for subsidy in data.get("subsidies") or []:
        if subsidy.get("payer_number"):
            assert subsidy["payer_number"] in text
        if subsidy.get("recipient_number"):
            assert subsidy["recipient_number"] in text
        assert ("受診日に有効" if subsidy["active_on_visit"] else "受診日に無効") in text
    # every warning's Japanese text, with an icon (not colour alone)
    for warning in data.get("warnings") or []:
        assert warning["message"] in text
    if data.get("warnings"):
        assert "⚠" in text or "✖" in text
    # 和暦 with 西暦 for the birth date
    born = (data.get("patient") or {}).get("birth_date")
    if born:
        assert f"({born})" in text and any(era in text for era in ("昭和", "平成", "令和", "大正", "明治"))
    for key, word in (("elderly", "高齢受給者"), ("limit", "限度額"), ("medical_tickets", "医療券"),
                      ("specific_diseases", "特定疾病")):
        if data.get(key):
            assert word in text, f"{key} not shown"


def test_gaiji_is_marked_visibly(qtbot, ui_lang):
    data = merged_json(next(p for p in SAMPLES if "gaiji" in p.stem))
    html = render_html(data, lang="ja")
    assert GAIJI_STYLE in html and "外字" in html
    assert "●" in data["patient"]["name"]


def test_offline_banner_names_the_last_confirmation(qtbot, ui_lang):
    data = merged_json(SAMPLES[0])
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(data, offline=True, offline_confirmed_at=dt.datetime(2026, 11, 20, 9, 5))
    text = panel.plain_text()
    assert "オフライン" in text and "2026-11-20 09:05" in text


def test_every_top_level_key_is_shown_somewhere(qtbot, ui_lang):
    """Nothing is hidden: unknown keys land under "Other details"."""
    data = merged_json(SAMPLES[0])
    data["brand_new_element"] = "見せるべき値"
    html = render_html(data, lang="ja")
    assert "brand_new_element" in html and "見せるべき値" in html


def test_invalid_status_stands_out(qtbot, ui_lang):
    data = merged_json(next(p for p in SAMPLES if "validity2" in p.stem))
    html = render_html(data, lang="ja")
    assert 'class="bad"' in html and "無効" in html


def test_sex_is_in_the_language_of_the_desk(qtbot, ui_lang):
    data = merged_json(next(p for p in SAMPLES if p.stem == "valid_general_sjis"))
    data["patient"]["sex"], data["patient"]["sex_text"] = "1", "男"
    ui_lang.install("en")
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(data)
    assert "Male" in panel.plain_text().splitlines()


def test_medical_ticket_fields_are_named_not_shown_as_keys(qtbot, ui_lang):
    data = merged_json(next(p for p in SAMPLES if p.stem == "medical_assistance_a1"))
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    panel.show_result(data)
    lines = panel.plain_text().splitlines()
    assert [key for key in data["medical_tickets"][0] if key in lines] == []
