"""`reception-app eligibility show` (run as a real subprocess of the installed entry point)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "oqs"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reception_app", "eligibility", "show", *args],
        capture_output=True, text=True, timeout=60, check=False,
    )


def test_json_output_has_the_documented_schema() -> None:
    done = run(str(DATA / "pmh_subsidies.xml"), "--visit-date", "2025-06-01", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["status"] == "valid"
    assert out["patient"]["birth_date"] == "1980-04-15"
    assert out["insurance"]["copay_ratio_percent"] == 30
    assert [s["law_code"] for s in out["subsidies"]] == ["21", "54", "80"]
    assert out["visit_date"] == "2025-06-01"


def test_readable_output_and_chart_comparison(tmp_path: Path) -> None:
    chart = tmp_path / "chart.json"
    chart.write_text(json.dumps({"name": "髙﨑 一郎", "kana": "タカサキ イチロウ", "birth_date": "1980-04-16"}),
                     encoding="utf-8")
    done = run(str(DATA / "valid_general_sjis.xml"), "--visit-date", "2025-06-01", "--chart", str(chart))
    assert done.returncode == 0, done.stderr
    assert "資格: 有効" in done.stdout and "髙﨑　一郎" in done.stdout
    assert "chart_birth_date_differs" in done.stdout
    assert "電子証明書の有効期限が近づいています" in done.stdout


def test_unreadable_file_exits_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><XmlMsg>&a;</XmlMsg>')
    done = run(str(bad), "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "forbidden_dtd" in done.stderr
    missing = run(str(tmp_path / "nope.xml"))
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
