"""`reception-app export fhir` end to end: a real SQLCipher store with the demo's synthetic patients checked in with
their eligibility (built by the OQS simulator's profiles, merged as the desk merges), one file per visit, each file
a bundle fhir.resources reads back, each export audited, and nothing personal printed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from fhir.resources.R4B.coverage import Coverage
from fhir.resources.R4B.patient import Patient as FhirPatient

from reception_app.cli import main
from reception_app.compose.demo import SEED
from reception_app.connect.simulator.profiles import ProfileSet, build_result
from reception_app.eligibility.merge import merge
from reception_app.eligibility.xml import parse_result
from reception_app.reception.handoff.fhir import parse_bundle
from reception_app.store import PassphraseKey, Patient, SnapshotInput, open_store, staff_actor
from tests.store_support import PASSPHRASE, no_keyring

DAY = dt.date(2026, 11, 5)
JST = dt.timezone(dt.timedelta(hours=9))
INSTITUTION = "1311234569"
# the demo's synthetic patients of each kind: 未就学, 70–74, 後期高齢, 医療扶助
DEMO_KINDS = ("child", "elder7074", "kouki", "hogo")
TWO_PUBLIC = Path(__file__).resolve().parents[1] / "data" / "oqs" / "pmh_subsidies.xml"


@pytest.fixture()
def store_path(tmp_path: Path, app_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RECEPTION_APP_DB_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "clinic.db"
    profiles = ProfileSet()
    actor = staff_actor(1)
    with open_store(path, PassphraseKey(PASSPHRASE), mode="create") as store:
        seeds = [next(seed for seed in SEED if seed.key == key) for key in DEMO_KINDS]
        for minute, seed in enumerate(seeds):
            assert seed.profile is not None
            chart = store.register_patient(
                Patient("", seed.name, seed.kana, seed.birth_date, seed.sex, seed.address), actor)
            merged = merge(build_result(profiles.get(seed.profile), visit_date=DAY), (), None, DAY)
            _check_in(store, chart.patient_id, merged.to_json(), minute)
        chart = store.register_patient(Patient("", "試験　太郎", "シケン　タロウ", dt.date(1980, 4, 15), "male"), actor)
        merged = merge(parse_result(TWO_PUBLIC.read_bytes()), (), None, DAY)
        _check_in(store, chart.patient_id, merged.to_json(), len(seeds))
        store.check_in(store.register_patient(  # checked in with no eligibility at all
            Patient("", "架空　花子", "カクウ　ハナコ", dt.date(1990, 2, 2), "female"), actor).patient_id,
            "desk", actor, at=dt.datetime(2026, 11, 5, 10, 30, tzinfo=JST), day=DAY)
    return path


def _check_in(store, patient_id: str, summary: dict, minute: int) -> None:
    at = dt.datetime(2026, 11, 5, 9, minute, tzinfo=JST)
    store.save_snapshot(SnapshotInput(at, "face", json.loads(json.dumps(summary)), b"", patient_id), staff_actor(1))
    store.check_in(patient_id, "desk", staff_actor(1), at=at, day=DAY)


def _export(store_path: Path, out: Path, *extra: str) -> int:
    with no_keyring():
        return main(["export", "fhir", "--date", DAY.isoformat(), "--out", str(out), "--store", str(store_path),
                     "--institution-code", INSTITUTION, *extra])


def test_one_file_per_visit(store_path: Path, tmp_path: Path) -> None:
    assert _export(store_path, tmp_path / "out") == 0
    assert len(list((tmp_path / "out").glob("*.json"))) == 6


def test_every_file_reads_back_as_a_bundle_with_one_jp_patient(store_path: Path, tmp_path: Path) -> None:
    _export(store_path, tmp_path / "out")
    patients = [len([e for e in parse_bundle(path.read_bytes()).entry if isinstance(e.resource, FhirPatient)])
                for path in sorted((tmp_path / "out").glob("*.json"))]
    assert patients == [1] * 6


def test_the_visits_with_eligibility_have_their_coverages(store_path: Path, tmp_path: Path) -> None:
    _export(store_path, tmp_path / "out")
    counts = [len([e for e in parse_bundle(path.read_bytes()).entry if isinstance(e.resource, Coverage)])
              for path in sorted((tmp_path / "out").glob("*.json"))]
    # 未就学 (insurance + マル乳), 70–74, 後期高齢, 医療扶助 (its 公費 only), three PMH 公費 + insurance, none
    assert counts == [2, 1, 1, 1, 4, 0]


def test_the_summary_line_counts_files_and_names_nobody(store_path: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    _export(store_path, tmp_path / "out")
    out = capsys.readouterr().out
    assert out.startswith("6 FHIR bundle(s) for 2026-11-05 written to ") and "1 without eligibility" in out


def test_the_output_names_no_patient(store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _export(store_path, tmp_path / "out")
    captured = capsys.readouterr()
    assert not re.search(r"[一-龥ァ-ヶ]", captured.out + captured.err)


def test_file_names_hold_day_queue_number_and_visit_only(store_path: Path, tmp_path: Path) -> None:
    _export(store_path, tmp_path / "out")
    names = sorted(path.name for path in (tmp_path / "out").glob("*.json"))
    assert all(re.fullmatch(r"2026-11-05_\d{3}_visit-\d+\.json", name) for name in names)


def test_each_export_is_audited(store_path: Path, tmp_path: Path) -> None:
    _export(store_path, tmp_path / "out")
    with open_store(store_path, PassphraseKey(PASSPHRASE)) as store:
        exports = [r for r in store.audit_records(limit=10_000) if r.action == "export"]
    assert len(exports) == 6


def test_no_twelve_digit_number_in_any_file(store_path: Path, tmp_path: Path) -> None:
    _export(store_path, tmp_path / "out")
    uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    text = "".join(uuid.sub("", path.read_text(encoding="utf-8")) for path in (tmp_path / "out").glob("*.json"))
    assert re.findall(r"(?<!\d)\d{12}(?!\d)", text) == []


def test_a_day_without_visits_writes_nothing(store_path: Path, tmp_path: Path) -> None:
    with no_keyring():
        assert main(["export", "fhir", "--date", "2026-11-06", "--out", str(tmp_path / "out"), "--store",
                     str(store_path), "--institution-code", INSTITUTION]) == 0
    assert list((tmp_path / "out").glob("*.json")) == []


def test_a_missing_institution_code_is_a_clear_error(store_path: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    with no_keyring():
        code = main(["export", "fhir", "--date", DAY.isoformat(), "--out", str(tmp_path / "out"), "--store",
                     str(store_path)])
    assert (code, "fhir_institution_code_missing" in capsys.readouterr().err) == (2, True)
