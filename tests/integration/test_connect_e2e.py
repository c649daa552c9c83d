"""Acceptance 1 and 4: the virtual card over real pcscd + vpcd, PIN, signature, the gateway simulator over real HTTP
on loopback; parsed result and subsidies equal the OQS profile's data. And the `check-in` command as a subprocess.

vpcd slot 1 (`Virtual PCD 00 01`, port 35964) so the card layer's suites can keep slot 0.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reception_app.card.backends import open_backend
from reception_app.card.session import MyNumberCard
from reception_app.card.transport import CardConnection
from reception_app.connect import gateway_protocol as proto
from reception_app.connect.gateway_client import GatewayClient, GatewayConfig
from reception_app.connect.simulator import OqsSimulator
from reception_app.connect.simulator.profiles import OqsProfile, ProfileSet
from reception_app.connect.tls import TlsConfig
from reception_app.eligibility.models import InsuranceQualification
from tests.integration.card_rig import Apdu, assert_no_individual_number_access
from tests.integration.vcard_serve import STOP_DEADLINE_S, ServedCard, VpcdSlot, card_present, wait_for

pytestmark = [pytest.mark.pcsc, pytest.mark.timeout(90)]

SLOT = VpcdSlot(1)
VISIT = dt.date(2026, 11, 25)
MY_NUMBER_LIKE = re.compile(r"(?<!\d)\d{12}(?!\d)")
CONSENT_TIMES = {"PharmacistsInfoConsTime", "DiagnosisInfoConsTime", "OperationInfoConsTime",
                 "LimitApplicationCertificateRelatedConsTime", "SpecificHealthCheckupsInfoConsTime"}


@pytest.fixture()
def slot(pcscd_available: bool) -> Iterator[VpcdSlot]:
    wait_for(lambda: not card_present(SLOT.reader), STOP_DEADLINE_S, f"{SLOT.reader} free")
    yield SLOT
    wait_for(lambda: not card_present(SLOT.reader), STOP_DEADLINE_S, f"{SLOT.reader} empty after the test")


@pytest.fixture()
def served(slot: VpcdSlot, tmp_path: Path) -> Iterator[list[ServedCard]]:
    cards: list[ServedCard] = []
    yield cards
    for card in cards:
        card.kill()


def serve(cards: list[ServedCard], profile: str, tmp_path: Path) -> ServedCard:
    card = ServedCard(profile, SLOT, tmp_path / f"trace-{profile}.jsonl").start()
    cards.append(card)
    return card


def trace(card: ServedCard) -> list[Apdu]:
    return [Apdu.from_json(json.loads(line)) for line in card.trace_file.read_text().splitlines() if line.strip()]


def assert_matches_profile(results: list[InsuranceQualification], subsidies: list[Any], profile: OqsProfile) -> None:
    got = [{k: v for k, v in r.present().items() if k not in CONSENT_TIMES} for r in results]
    want = [{k: v for k, v in r.present().items() if k not in CONSENT_TIMES} for r in profile.insurance()]
    assert got == want
    assert [s.present() for s in subsidies] == [s.present() for s in profile.subsidy_models()]


@pytest.mark.parametrize("profile_id", ["adult-nanbyo-54", "child-local-subsidy", "gaiji-name"])
def test_card_over_pcscd_to_gateway_over_https(
    profile_id: str, served: list[ServedCard], tmp_path: Path
) -> None:
    from reception_app.cli.checkin import run_checkin

    card_proc = serve(served, profile_id, tmp_path)
    with OqsSimulator(tmp_path / "oqs", 0, tls=True) as sim:
        assert sim.identity is not None
        config = GatewayConfig(sim.base_url, sim.institution_code,
                               tls=TlsConfig(pinned_spki_sha256=(sim.identity.spki_sha256_hex,)))
        card = MyNumberCard(CardConnection(open_backend(f"pcsc:{SLOT.reader}").connect()))
        try:
            with GatewayClient(config) as client:
                merged, outcome, timings = run_checkin(
                    card, "1234", client, visit_date=VISIT, consents=proto.Consents(medical_subsidy_info=True))
        finally:
            card.connection.disconnect()
        assert sim.backend.confirmed == [profile_id]  # the certificate's subject chose this profile
    profile = ProfileSet().get(profile_id)
    assert_matches_profile(outcome.result.results, list(outcome.subsidies), profile)
    assert merged.final and merged.visit_date == VISIT
    assert len(merged.subsidies) == len(profile.subsidies)
    assert timings.card_io > 0 and timings.gateway > 0
    assert_no_individual_number_access(trace(card_proc))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reception_app", "check-in", *args],
                          capture_output=True, text=True, timeout=60)


def test_checkin_command_over_pcscd(served: list[ServedCard], tmp_path: Path) -> None:
    serve(served, "adult-seishin-21", tmp_path)
    out = run_cli("--reader", f"pcsc:{SLOT.reader}", "--pin", "1234", "--visit-date", "2026-11-25", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["patient"]["name"] == "佐藤　美咲"
    assert [s["payer_number"] for s in data["subsidies"]] == ["21110150"]
    assert data["subsidies"][0]["monthly_cap_yen"] == 5000


def test_checkin_command_wrong_pin_over_pcscd(served: list[ServedCard], tmp_path: Path) -> None:
    serve(served, "adult-seishin-21", tmp_path)
    out = run_cli("--reader", f"pcsc:{SLOT.reader}", "--pin", "9876", "--json")
    assert out.returncode == 2
    assert json.loads(out.stdout)["error"]["code"] == "wrong_pin"
    assert "9876" not in out.stdout + out.stderr


# --- acceptance 4: the documented command line, simulator reader --------------------------------------------------


@pytest.mark.parametrize(
    "profile_id", ["child-local-subsidy", "seikatsu-hogo-a1", "lost-qualification", "expired-cert"])
def test_checkin_command_simulator_reader(profile_id: str) -> None:
    out = run_cli("--reader", "simulator", "--card", profile_id, "--pin", "1234", "--visit-date", "2026-11-25",
                  "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    profile = ProfileSet().get(profile_id)
    first = profile.insurance()[0]
    assert data["patient"]["name"] == first.name
    assert data["patient"]["birth_date"] == dt.datetime.strptime(first.birth_date or "", "%Y%m%d").date().isoformat()
    assert data["insurance"]["insurer_number"] == first.insurer_number
    assert data["processing"]["qualification_validity"] == profile.qualification_validity
    assert sorted(s["payer_number"] for s in data["subsidies"] if s.get("source") == "pmh") == sorted(
        s["MedicalSubsidyInsurerNumber"] for s in profile.subsidies)
    if profile.processing_result_message:
        assert data["processing"]["message"] == profile.processing_result_message
    assert "1234" not in out.stderr and '"1234"' not in out.stdout  # the PIN is never echoed
    assert not MY_NUMBER_LIKE.search(out.stdout + out.stderr)


def test_checkin_command_blocked_pin_is_a_typed_error() -> None:
    out = run_cli("--reader", "simulator", "--card", "pin-blocked", "--pin", "1234", "--json")
    assert out.returncode == 2
    assert json.loads(out.stdout)["error"]["code"] == "pin_blocked"


def test_checkin_command_last_pin_try_needs_explicit_consent() -> None:
    refused = run_cli("--reader", "simulator", "--card", "pin-one-try-left", "--pin", "1234", "--json")
    assert refused.returncode == 2
    assert json.loads(refused.stdout)["error"]["code"] == "last_pin_try_refused"
    allowed = run_cli("--reader", "simulator", "--card", "pin-one-try-left", "--pin", "1234", "--allow-last-try",
                      "--json")
    assert allowed.returncode == 0, allowed.stderr
    assert json.loads(allowed.stdout)["patient"]["name"] == "松本　由美"
