"""The golden files of the merged eligibility: every synthetic OQS sample merged on a fixed visit date, with and
without a fixed chart, compared byte for byte with what the code produced before a refactor.

`REGENERATE_GOLDENS=1 pytest ...` rewrites them (only when a change of output is intended and reviewed)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import Chart, MergedEligibility
from reception_app.eligibility.xml import parse_result

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "golden"
# Every sample: the test files and the demo's face files (the latter get a prefix: their names are long).
SAMPLES: dict[str, Path] = {
    **{path.stem: path for path in sorted((ROOT / "tests" / "data" / "oqs").glob("*.xml"))},
    **{
        "demo_" + path.stem.removeprefix("OQSsiquc01res_face_demo_"): path
        for path in sorted((ROOT / "resources" / "samples" / "oqs").glob("*.xml"))
    },
}
VISIT = dt.date(2026, 11, 25)  # fixed: ages, validity on the visit day and "expiring" warnings depend on it
# A synthetic chart that differs from every sample in name, kana, birth date, sex, address and insurance, so that
# each chart comparison shows up in the goldens.
CHART = Chart(
    patient_id="P-GOLDEN",
    name="試験　花子",
    kana="ｼｹﾝ ﾊﾅｺ",
    birth_date=dt.date(1990, 2, 3),
    sex="2",
    address="北海道札幌市中央区北一条西１－１",
    insurer_number="01010016",
    symbol="９９",
    number="999",
    branch="09",
)


def merged(name: str, *, with_chart: bool) -> MergedEligibility:
    result = parse_result(SAMPLES[name].read_bytes())
    return merge(result, (), CHART if with_chart else None, VISIT)


def export_text(model: MergedEligibility) -> str:
    """What `eligibility show --json` prints (the documented export)."""
    return json.dumps(model.to_json(), ensure_ascii=False, indent=2) + "\n"


def snapshot_text(model: MergedEligibility) -> str:
    """What the check-in stores in the encrypted snapshot (`EligibilityMerger.merge(...).json`)."""
    return json.dumps(model.to_json(), ensure_ascii=False)


def check(path: Path, actual: str) -> None:
    """Asserts `actual` is byte-identical to the golden file (rewrites it under REGENERATE_GOLDENS=1)."""
    if os.environ.get("REGENERATE_GOLDENS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{path.relative_to(ROOT)} differs"
