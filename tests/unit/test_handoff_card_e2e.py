"""Card → merged view → check-in → ORCA and FHIR: `reception-app check-in` (a subprocess: the simulator reader with a
virtual My Number Card, the OQS/PMH simulator on loopback, a real SQLCipher store) checks a synthetic patient in;
the visit and its eligibility are read back from the store and handed to the ORCA simulator (a real local HTTP
server), then the visit is cancelled and so is its 受付. The same visit exports as a FHIR bundle.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reception_app.connect.orca.client import OrcaClient, OrcaConfig
from reception_app.connect.simulator.orca_server import DEFAULT_PASSWORD, DEFAULT_USER, OrcaSimulator
from reception_app.reception.handoff.export import export_day, visit_record
from reception_app.reception.handoff.fhir import VisitRecord, parse_bundle
from reception_app.reception.handoff.orca import OrcaChoice, OrcaHandoff
from reception_app.store import PassphraseKey, open_store

PASSPHRASE = "synthetic e2e passphrase"
ACTOR = "test:e2e"
PROFILE = "child-local-subsidy"  # 未就学, 家族, with a マル乳 (PMH) subsidy


@dataclass(frozen=True)
class CheckedIn:
    store: Path
    record: VisitRecord


@pytest.fixture(scope="module")
def checked_in(tmp_path_factory: pytest.TempPathFactory) -> CheckedIn:
    root = tmp_path_factory.mktemp("e2e")
    store = root / "site" / "reception.db"
    store.parent.mkdir()
    open_store(store, PassphraseKey(PASSPHRASE), mode="create").close()
    env = dict(os.environ, RECEPTION_APP_DATA=str(root / "data"), RECEPTION_APP_CONFIG=str(root / "config"),
               RECEPTION_APP_DB_PASSPHRASE=PASSPHRASE, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               QT_QPA_PLATFORM="offscreen")
    argv = [sys.executable, "-m", "reception_app", "check-in", "--store", str(store), "--reader", "simulator",
            "--card", PROFILE, "--pin", "1234", "--register", "--json"]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=90, env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    day = dt.date.fromisoformat(json.loads(out.stdout)["visit"]["visit_date"])
    with open_store(store, PassphraseKey(PASSPHRASE)) as db:
        (visit,) = db.queue(day)  # a fresh store: the one check-in
        record = visit_record(db, visit, ACTOR)
    assert record is not None
    return CheckedIn(store, record)


@pytest.fixture()
def orca() -> Iterator[tuple[OrcaSimulator, OrcaHandoff]]:
    with OrcaSimulator() as sim, OrcaClient(OrcaConfig(sim.base_url, DEFAULT_USER, DEFAULT_PASSWORD)) as client:
        yield sim, OrcaHandoff(client)


def _hand_off(checked_in: CheckedIn, handoff: OrcaHandoff) -> tuple[OrcaChoice, str]:
    departments, physicians = handoff.lists(checked_in.record.visit.visit_date)
    choice = OrcaChoice(department=departments[1], physician=physicians[0])  # 小児科, as the desk would choose
    _, accepted = handoff.hand_off(checked_in.record.patient, checked_in.record.eligibility, checked_in.record.visit,
                                   choice)
    return choice, accepted.acceptance_id


def test_the_check_in_carries_its_eligibility(checked_in: CheckedIn) -> None:
    assert checked_in.record.eligibility is not None


def test_orca_holds_the_checked_in_patient(checked_in: CheckedIn, orca: tuple[OrcaSimulator, OrcaHandoff]) -> None:
    sim, handoff = orca
    _hand_off(checked_in, handoff)
    held = sim.patient(checked_in.record.patient.patient_id) or {}
    assert (held.get("WholeName"), held.get("BirthDate")) == (checked_in.record.patient.name, "2022-06-15")


def test_orca_holds_the_insurance_of_the_card(checked_in: CheckedIn, orca: tuple[OrcaSimulator, OrcaHandoff]) -> None:
    sim, handoff = orca
    _hand_off(checked_in, handoff)
    ins = (sim.patient(checked_in.record.patient.patient_id) or {})["HealthInsurance_Information"]
    assert (ins["InsuranceProvider_Number"], ins["HealthInsuredPerson_Number"], ins["RelationToInsuredPerson"]) == (
        "06130488", "５６７８", "2")


def test_orca_holds_the_public_subsidy(checked_in: CheckedIn, orca: tuple[OrcaSimulator, OrcaHandoff]) -> None:
    sim, handoff = orca
    _hand_off(checked_in, handoff)
    publics = (sim.patient(checked_in.record.patient.patient_id) or {})["HealthInsurance_Information"][
        "PublicInsurance_Information"]
    assert [(p["PublicInsurer_Number"], p["PublicInsuredPerson_Number"]) for p in publics] == [("88132048", "1001239")]


def test_orca_holds_the_acceptance_with_the_chosen_department_and_doctor(
        checked_in: CheckedIn, orca: tuple[OrcaSimulator, OrcaHandoff]) -> None:
    sim, handoff = orca
    choice, _ = _hand_off(checked_in, handoff)
    held = sim.active_acceptances(checked_in.record.patient.patient_id)
    assert [(a.department_code, a.physician_code) for a in held] == [(choice.department.code, choice.physician.code)]


def test_a_cancelled_visit_cancels_the_acceptance(checked_in: CheckedIn,
                                                  orca: tuple[OrcaSimulator, OrcaHandoff]) -> None:
    sim, handoff = orca
    _, acceptance_id = _hand_off(checked_in, handoff)
    with open_store(checked_in.store, PassphraseKey(PASSPHRASE)) as db:
        cancelled = db.set_visit_status(checked_in.record.visit.id, "cancelled", ACTOR)
    handoff.cancel(cancelled, acceptance_id)
    assert sim.active_acceptances(checked_in.record.patient.patient_id) == []


def test_the_checked_in_visit_exports_as_a_valid_bundle(checked_in: CheckedIn, tmp_path: Path) -> None:
    with open_store(checked_in.store, PassphraseKey(PASSPHRASE)) as db:
        report = export_day(db, checked_in.record.visit.visit_date, tmp_path, "1311234569", ACTOR)
    assert len(parse_bundle(report.files[0].read_bytes()).entry) == 7  # patient, encounter, 3 orgs, 2 coverages
