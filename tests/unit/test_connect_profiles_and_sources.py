"""OQS profiles agree with the card profiles; the face-folder EligibilitySource; simulator CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import jaconv
import pytest

from reception_app.card.virtual.pki import opaque_subject_id
from reception_app.card.virtual.profile import list_profiles, load_profile
from reception_app.connect.face_watcher import Held
from reception_app.connect.simulator.faults import FaultPanel
from reception_app.connect.simulator.profiles import ProfileSet, profiles_dir
from reception_app.connect.simulator.terminal import TerminalSimulator
from reception_app.connect.source import (
    AmbiguousFaceResult,
    EligibilityOutcome,
    EligibilityQuery,
    FaceFolderSource,
    FaceResultTimeout,
    QueryNotSupported,
)
from reception_app.eligibility.numbers import check_insurer_number, check_payer_number
from reception_app.eligibility.xml import parse_result

pytestmark = pytest.mark.timeout(30)

ROSTER = {
    "child-local-subsidy", "adult-seishin-21", "adult-nanbyo-54", "elder-kouki-10pct", "elder-70-74",
    "seikatsu-hogo-a1", "lost-qualification", "insurance-change", "expired-cert", "expiring-cert", "gaiji-name",
    "android-token", "iphone-token", "pin-one-try-left", "pin-blocked",
}


def test_one_oqs_profile_per_card_profile() -> None:
    assert set(ProfileSet().ids()) == ROSTER == set(list_profiles())


@pytest.mark.parametrize("profile_id", sorted(ROSTER))
def test_oqs_profile_matches_the_cardholder(profile_id: str) -> None:
    oqs = ProfileSet().get(profile_id).insurance()[0]
    holder = load_profile(profile_id).holder
    assert oqs.birth_date == holder.birth_date.strftime("%Y%m%d")
    assert oqs.sex1 == str(holder.sex.value if hasattr(holder.sex, "value") else holder.sex)
    if profile_id == "gaiji-name":
        assert oqs.name == "●藤　恵" and holder.name.endswith("藤　恵")  # OQS cannot carry the 外字
    else:
        assert oqs.name == holder.name
    assert jaconv.h2z(oqs.name_kana or "", kana=True).replace(" ", "　") == holder.name_kana
    assert check_insurer_number(oqs.insurer_number).ok


def test_demo_data_is_synthetic_and_has_no_my_number_like_digits() -> None:
    for path in profiles_dir().glob("*.json"):
        assert not re.search(r"(?<!\d)\d{12}(?!\d)", path.read_text(encoding="utf-8")), path.name
    for sub in (s for p in ProfileSet().by_id.values() for s in p.subsidy_models()):
        assert check_payer_number(sub.payer_number).ok


def test_roster_features_are_present() -> None:
    ps = ProfileSet()
    assert ps.get("child-local-subsidy").subsidy_models()[0].law_code == "88"
    assert ps.get("adult-seishin-21").subsidy_models()[0].monthly_cap_yen == 5000
    nanbyo = ps.get("adult-nanbyo-54").subsidy_models()[0]
    assert (nanbyo.law_code, nanbyo.monthly_cap_yen) == ("54", 10000)
    assert ps.get("elder-kouki-10pct").insurance()[0].partial_contribution_ratio == "010"
    assert ps.get("seikatsu-hogo-a1").insurance()[0].medical_tickets
    assert ps.get("lost-qualification").qualification_validity == "2"
    assert ps.get("gaiji-name").insurance()[0].name == "●藤　恵"
    assert ps.get("expired-cert").processing_result_message


def test_certificate_subject_selects_the_profile() -> None:
    ps = ProfileSet()
    assert ps.for_subject(opaque_subject_id("adult-nanbyo-54", "auth")) == "adult-nanbyo-54"
    assert ps.for_subject("nobody") is None


# --- FaceFolderSource -------------------------------------------------------------------------------------------


def _by_birth(birth: str):  # type: ignore[no-untyped-def]
    return lambda result: bool(result.results) and result.results[0].birth_date == birth


def test_face_source_matches_the_session_and_sinks_every_result(tmp_path: Path) -> None:
    term = TerminalSimulator(tmp_path / "OQS", ProfileSet(), FaultPanel())
    sunk: list[EligibilityOutcome] = []
    source = FaceFolderSource(term.face_dir, ledger_dir=tmp_path / "ledger", sink=sunk.append, poll_interval=0.02)
    try:
        with pytest.raises(QueryNotSupported):
            source.fetch(EligibilityQuery())
        since = time.monotonic()
        term.simulate_reader("adult-seishin-21")
        term.simulate_reader("elder-kouki-10pct")
        out = source.fetch(EligibilityQuery(face_match=_by_birth("19400120"), since=since), timeout=5)
        assert out.source == "face" and out.result.results[0].name == "高橋　キヨ"
        assert len(out.reference) == 64 and parse_result(out.raw).results[0].birth_date == "19400120"
        with pytest.raises(FaceResultTimeout):
            source.fetch(EligibilityQuery(face_match=_by_birth("20000101"), since=since), timeout=0.2)
        deadline = time.monotonic() + 5
        while len(sunk) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert sorted(o.result.results[0].birth_date or "" for o in sunk) == ["19400120", "19880309"]
    finally:
        source.close()


def test_face_source_never_guesses_between_two_candidates(tmp_path: Path) -> None:
    term = TerminalSimulator(tmp_path / "OQS", ProfileSet(), FaultPanel())
    source = FaceFolderSource(term.face_dir, ledger_dir=tmp_path / "ledger", poll_interval=0.02)
    try:
        since = time.monotonic()
        term.simulate_reader("adult-seishin-21", visit_date=dt.date(2026, 11, 25))
        term.simulate_reader("adult-nanbyo-54", visit_date=dt.date(2026, 11, 25))
        deadline = time.monotonic() + 5
        while len(source._inbox) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        with pytest.raises(AmbiguousFaceResult):
            source.fetch(EligibilityQuery(face_match=lambda r: True, since=since), timeout=1)
    finally:
        source.close()


def test_face_source_keeps_a_held_result_unsettled_across_a_restart_until_settled(tmp_path: Path) -> None:
    term = TerminalSimulator(tmp_path / "OQS", ProfileSet(), FaultPanel())
    archive = tmp_path / "archive"
    sunk: list[EligibilityOutcome] = []

    def hold(outcome: EligibilityOutcome) -> Held:
        sunk.append(outcome)
        return Held("ambiguous")

    def wait_held(source: FaceFolderSource) -> str:
        deadline = time.monotonic() + 5
        while not source.watcher.held and time.monotonic() < deadline:
            time.sleep(0.01)
        [key] = source.watcher.held
        return key

    source = FaceFolderSource(term.face_dir, ledger_dir=tmp_path / "ledger", sink=hold, poll_interval=0.02,
                              archive_dir=archive)
    try:
        [path] = term.simulate_reader("adult-seishin-21")
        key = wait_held(source)
        assert sunk[0].held_reason is None and sunk[0].received_at is None and len(source._inbox) == 1
    finally:
        source.close()
    assert path.exists() and not archive.exists()  # held: left where the terminal put it

    source = FaceFolderSource(term.face_dir, ledger_dir=tmp_path / "ledger", sink=hold, poll_interval=0.02,
                              archive_dir=archive)
    try:
        assert wait_held(source) == key and len(sunk) == 2
        again = sunk[1]
        assert again.reference == key and again.held_reason == "ambiguous"
        local = dt.datetime.now().astimezone().utcoffset()
        assert again.received_at is not None and again.received_at.utcoffset() == local  # shown in local time
        assert source._inbox == []  # not a new result: nobody's `fetch` gets it
        assert source.settle(key) and not source.settle(key)
        assert not path.exists() and (archive / path.name).exists()
    finally:
        source.close()


def test_simulate_oqs_command_runs_and_writes_face_files(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "reception_app", "simulate", "oqs", "--folder", str(tmp_path), "--port", "0",
         "--face", "gaiji-name", "--encoding", "UTF-8", "--run-for", "0.2"],
        capture_output=True, text=True, timeout=30,
    )
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout.splitlines()[0])
    assert info["gateway"].startswith("http://127.0.0.1:") and "gaiji-name" in info["profiles"]
    files = list((tmp_path / "face").glob("OQSsiquc01res_face_*.xml"))
    assert len(files) == 1
    data = files[0].read_bytes()
    assert b'encoding="UTF-8"' in data and parse_result(data).results[0].name == "●藤　恵"
