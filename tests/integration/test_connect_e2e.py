"""Acceptance 1 and 4: the virtual card over real pcscd + vpcd, PIN, signature, the gateway simulator over real HTTP
on loopback; parsed result and subsidies equal the OQS profile's data. And the `check-in` command as a subprocess
over pcscd (its other paths, on the simulator reader: tests/unit/test_checkin_cli.py).

vpcd slot 1 (`Virtual PCD 00 01`, port 35964) so the card layer's suites can keep slot 0.
"""

from __future__ import annotations

import datetime as dt
import json
import os
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
from reception_app.connect.signers import CardSigner
from reception_app.connect.simulator import OqsSimulator
from reception_app.connect.simulator.profiles import OqsProfile, ProfileSet
from reception_app.connect.source import EligibilityQuery, GatewaySource
from reception_app.connect.tls import TlsConfig
from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import InsuranceQualification
from reception_app.store import PassphraseKey, open_store
from tests.integration.card_rig import Apdu, assert_no_individual_number_access
from tests.integration.vcard_serve import STOP_DEADLINE_S, ServedCard, VpcdSlot, card_present, wait_for

pytestmark = [pytest.mark.pcsc, pytest.mark.timeout(90)]

SLOT = VpcdSlot(1)
VISIT = dt.date(2026, 11, 25)
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
    card_proc = serve(served, profile_id, tmp_path)
    with OqsSimulator(tmp_path / "oqs", 0, tls=True) as sim:
        assert sim.identity is not None
        config = GatewayConfig(sim.base_url, sim.institution_code,
                               tls=TlsConfig(pinned_spki_sha256=(sim.identity.spki_sha256_hex,)))
        card = MyNumberCard(CardConnection(open_backend(f"pcsc:{SLOT.reader}").connect()))
        try:
            card.identify()
            with GatewayClient(config) as client:
                query = EligibilityQuery(visit_date=VISIT, signer=CardSigner(card, "1234"),
                                         consents=proto.Consents(medical_subsidy_info=True))
                outcome = GatewaySource(client).fetch(query)
        finally:
            card.connection.disconnect()
        assert sim.backend.confirmed == [profile_id]  # the certificate's subject chose this profile
    merged = merge(outcome.result, (), None, VISIT)
    profile = ProfileSet().get(profile_id)
    assert_matches_profile(outcome.result.results, list(outcome.subsidies), profile)
    assert merged.final and merged.visit_date == VISIT
    assert len(merged.subsidies) == len(profile.subsidies)
    assert outcome.timings["challenge"] > 0 and outcome.timings["confirm"] > 0
    assert_no_individual_number_access(trace(card_proc))


PASSPHRASE = "synthetic e2e passphrase"


@pytest.fixture()
def cli_env(tmp_path: Path) -> dict[str, str]:
    """A site for `check-in` (which checks in on a store): an empty passphrase-keyed database, no OS keyring."""
    store = tmp_path / "site" / "reception.db"
    store.parent.mkdir()
    open_store(store, PassphraseKey(PASSPHRASE), mode="create").close()
    return dict(os.environ, RECEPTION_APP_DATA=str(tmp_path / "data"), RECEPTION_APP_CONFIG=str(tmp_path / "config"),
                RECEPTION_APP_DB_PASSPHRASE=PASSPHRASE, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
                QT_QPA_PLATFORM="offscreen", RECEPTION_APP_TEST_STORE=str(store))


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reception_app", "check-in", "--store", env["RECEPTION_APP_TEST_STORE"], *args],
        capture_output=True, text=True, timeout=60, env=env)


def test_checkin_command_over_pcscd(served: list[ServedCard], tmp_path: Path, cli_env: dict[str, str]) -> None:
    serve(served, "adult-seishin-21", tmp_path)
    out = run_cli(cli_env, "--reader", f"pcsc:{SLOT.reader}", "--pin", "1234", "--register", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["patient"]["name"] == "佐藤　美咲" and data["ticket"]["number"] == "001"
    assert [s["payer_number"] for s in data["eligibility"]["subsidies"]] == ["21110150"]


def test_checkin_command_wrong_pin_over_pcscd(
    served: list[ServedCard], tmp_path: Path, cli_env: dict[str, str]
) -> None:
    serve(served, "adult-seishin-21", tmp_path)
    out = run_cli(cli_env, "--reader", f"pcsc:{SLOT.reader}", "--pin", "9876", "--json")
    assert out.returncode == 2
    assert json.loads(out.stdout)["error"]["code"] == "wrong_pin"
    assert "9876" not in out.stdout + out.stderr
