"""`to_json()` is the export (docs/eligibility-json.md) and the stored snapshot: for every synthetic sample it stays
byte-identical to the golden file made before the merged view was typed."""

from __future__ import annotations

import pytest

from tests.golden_support import GOLDEN, SAMPLES, check, export_text, merged


def test_every_sample_has_a_golden() -> None:
    assert len(SAMPLES) >= 20


@pytest.mark.parametrize("with_chart", [False, True], ids=["no_chart", "chart"])
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_export_is_byte_identical(name: str, with_chart: bool) -> None:
    suffix = ".chart.json" if with_chart else ".json"
    check(GOLDEN / "merged" / f"{name}{suffix}", export_text(merged(name, with_chart=with_chart)))
