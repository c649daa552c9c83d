"""The eligibility panel's HTML for every synthetic sample, in Japanese and in English, is byte-identical to the
golden files made before the panel was split into one function per section: users see no change."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from reception_app.ui.desk.eligibility_panel import render_html
from tests.golden_support import GOLDEN, SAMPLES, check, merged, snapshot_text


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_panel_html_is_unchanged(ui_lang, name: str, lang: str) -> None:
    ui_lang.install(lang)
    html = render_html(json.loads(snapshot_text(merged(name, with_chart=True))), lang=lang)
    check(GOLDEN / "panel" / f"{name}.{lang}.html", html)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_offline_panel_html_is_unchanged(ui_lang, lang: str) -> None:
    """The offline banner and the check-in's own warning codes, over the cached result."""
    ui_lang.install(lang)
    html = render_html(
        json.loads(snapshot_text(merged("pmh_subsidies", with_chart=False))), offline=True,
        offline_confirmed_at=dt.datetime(2026, 11, 20, 9, 5), extra_warnings=("offline",), lang=lang,
    )
    check(GOLDEN / "panel" / f"offline_pmh_subsidies.{lang}.html", html)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_empty_panel_html_is_unchanged(ui_lang, lang: str) -> None:
    ui_lang.install(lang)
    check(GOLDEN / "panel" / f"empty.{lang}.html", render_html(None, lang=lang))
