"""`reception-app check-in` through the desk's state machine, as a subprocess: the simulator reader with virtual
My Number Cards, the OQS/PMH simulator on loopback, a real SQLCipher store and the Qt 受付票 PDF. One test per exit
path (0 checked in, 2 error, 3 the staff must choose) and per answer (`--patient-id`, `--register`, `--declaration`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest

from reception_app.cli import main
from reception_app.connect.simulator import OqsSimulator
from reception_app.connect.simulator.profiles import ProfileSet
from reception_app.store import InsuranceIds, LinkRequest, PassphraseKey, Patient, open_store

PASSPHRASE = "synthetic cli passphrase"
ACTOR = "test:seed"
MY_NUMBER_LIKE = re.compile(r"(?<![\d０-９])[\d０-９]{12}(?![\d０-９])")
# gaiji-name's person (OQS sends ●藤　恵): two charts with the same kana + birth date
SAITO = ("サイトウ　メグミ", dt.date(1983, 5, 5))
# insurance-change's person, with the previous insurer on the chart
NAKAMURA_OLD = InsuranceIds("06130012", "旧１", "７７１２３", "01")


@dataclass
class Site:
    store: Path
    env: dict[str, str]

    def run(self, *args: str, store: bool = True) -> tuple[int, Any, str]:  # Any: the printed JSON
        argv = [sys.executable, "-m", "reception_app", "check-in", *(("--store", str(self.store)) if store else ()),
                *args]
        out = subprocess.run(argv, capture_output=True, text=True, timeout=90, env=self.env)
        data = json.loads(out.stdout) if out.stdout.strip().startswith("{") else None
        return out.returncode, data, out.stdout + out.stderr

    def seed(self, patient: Patient, link: LinkRequest | None = None) -> str:
        with open_store(self.store, PassphraseKey(PASSPHRASE)) as store:
            pid = store.register_patient(patient, ACTOR).patient_id
            if link is not None:
                store.link(pid, link, ACTOR)
        return pid


@pytest.fixture()
def site(tmp_path: Path) -> Site:
    data, config = tmp_path / "data", tmp_path / "config"
    store = tmp_path / "site" / "reception.db"
    store.parent.mkdir()
    open_store(store, PassphraseKey(PASSPHRASE), mode="create").close()
    env = dict(
        os.environ, RECEPTION_APP_DATA=str(data), RECEPTION_APP_CONFIG=str(config),
        RECEPTION_APP_DB_PASSPHRASE=PASSPHRASE, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        QT_QPA_PLATFORM="offscreen",
    )
    return Site(store, env)


@pytest.fixture()
def gateway(tmp_path: Path) -> Iterator[OqsSimulator]:
    """An OQS/PMH simulator outside the command, for a test that sets what OQS knows (a registered 照会番号)."""
    with OqsSimulator(tmp_path / "oqs", 0) as sim:
        yield sim


def pdf_text(path: str) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


# --- exit 0: checked in ------------------------------------------------------------------------------------------


def test_register_checks_a_new_patient_in_with_the_desks_ticket(site: Site) -> None:
    code, data, _ = site.run("--card", "adult-nanbyo-54", "--pin", "1234", "--register", "--json")
    assert code == 0
    assert data["visit"]["matched_by"] == "new_registration" and data["visit"]["queue_number"] == 1
    assert data["ticket"]["number"] == "001"
    text = pdf_text(data["ticket"]["pdf"])  # a PDF pypdf reads, drawn by the desk's Qt printer (Japanese heading)
    assert "受付票" in text and "001" in text


@pytest.mark.parametrize(
    "profile_id", ["child-local-subsidy", "seikatsu-hogo-a1", "lost-qualification", "expired-cert"])
def test_the_visit_carries_the_profiles_eligibility(site: Site, profile_id: str) -> None:
    """The documented command line on the simulator reader: the chart made from the result, and its summary."""
    code, data, out = site.run("--reader", "simulator", "--card", profile_id, "--pin", "1234", "--register",
                               "--declaration", "--json")
    assert code == 0, out
    profile = ProfileSet().get(profile_id)
    first = profile.insurance()[0]
    birth = dt.datetime.strptime(first.birth_date or "", "%Y%m%d").date().isoformat()
    assert (data["patient"]["name"], data["patient"]["birth_date"]) == (first.name, birth)
    assert data["eligibility"]["qualification_validity"] == profile.qualification_validity
    assert sorted(s["payer_number"] for s in data["eligibility"]["subsidies"] if s["source"] == "pmh") == sorted(
        s["MedicalSubsidyInsurerNumber"] for s in profile.subsidies)
    assert not MY_NUMBER_LIKE.search(out) and '"1234"' not in out  # no individual number, the PIN never echoed


def test_second_check_in_the_same_day_is_a_new_visit_of_the_same_chart(site: Site) -> None:
    first_code, first, _ = site.run("--card", "adult-nanbyo-54", "--pin", "1234", "--register", "--json")
    assert first_code == 0
    # `--db`, today's name of the option, still works; the card link and insurance key find the chart now
    code, data, _ = site.run("--db", str(site.store), "--card", "adult-nanbyo-54", "--pin", "1234", "--json",
                             store=False)
    assert code == 0
    assert (data["visit"]["patient_id"], data["visit"]["queue_number"], data["visit"]["matched_by"]) == (
        first["visit"]["patient_id"], 2, "insurance_key")


# --- exit 3: the staff must choose, and the answers ----------------------------------------------------------------


def test_a_new_patient_is_a_registration_choice(site: Site) -> None:
    code, data, out = site.run("--card", "adult-nanbyo-54", "--pin", "1234")
    assert code == 3
    assert data["choice"] == "registration" and data["form"]["kana"] == data["person"]["kana"]
    assert not MY_NUMBER_LIKE.search(out) and "1234" not in out


def test_two_charts_with_the_same_kana_and_birth_date_are_a_choice_without_full_numbers(site: Site) -> None:
    kana, born = SAITO
    first = site.seed(Patient("", "齋藤　恵", kana, born, "female"), LinkRequest(insurance=NAKAMURA_OLD))
    second = site.seed(Patient("", "斎藤　恵", kana, born, "female"))
    code, data, out = site.run("--card", "gaiji-name", "--pin", "1234", "--json")
    assert code == 3
    assert data["choice"] == "candidate"
    assert sorted(c["patient_id"] for c in data["candidates"]) == sorted([first, second])
    assert [c["insurance"] for c in data["candidates"] if c["patient_id"] == first] == ["06130012 ***23"]
    assert "７７１２３" not in out and not MY_NUMBER_LIKE.search(out)


def test_patient_id_checks_that_candidate_in(site: Site) -> None:
    kana, born = SAITO
    site.seed(Patient("", "齋藤　恵", kana, born, "female"))
    chosen = site.seed(Patient("", "斎藤　恵", kana, born, "female"))
    code, data, _ = site.run("--card", "gaiji-name", "--pin", "1234", "--patient-id", chosen, "--json")
    assert code == 0
    assert (data["visit"]["patient_id"], data["visit"]["matched_by"]) == (chosen, "staff_choice:kana_birth_date")


def test_patient_id_that_is_not_a_candidate_is_an_error(site: Site) -> None:
    kana, born = SAITO
    site.seed(Patient("", "齋藤　恵", kana, born, "female"))
    site.seed(Patient("", "斎藤　恵", kana, born, "female"))
    code, data, _ = site.run("--card", "gaiji-name", "--pin", "1234", "--patient-id", "999999", "--json")
    assert code == 2
    assert data["error"]["code"] == "invalid_input"


def test_register_instead_of_the_candidates_makes_a_new_chart(site: Site) -> None:
    kana, born = SAITO
    others = {site.seed(Patient("", "齋藤　恵", kana, born, "female")),
              site.seed(Patient("", "斎藤　恵", kana, born, "female"))}
    code, data, _ = site.run("--card", "gaiji-name", "--pin", "1234", "--register", "--json")
    assert code == 0
    assert data["visit"]["matched_by"] == "new_registration" and data["visit"]["patient_id"] not in others


def test_insurance_change_is_a_relink_choice_then_patient_id_confirms_it(site: Site, gateway: OqsSimulator) -> None:
    pid = site.seed(Patient("", "中村　翔", "ナカムラ　ショウ", dt.date(1995, 4, 1), "male"),
                    LinkRequest(reference_number=None, insurance=NAKAMURA_OLD))
    gateway.terminal.registered_reference_numbers["insurance-change"] = pid  # OQS knows the chart: 照会番号
    via = ("--gateway", gateway.base_url, "--institution", gateway.institution_code)
    code, choice, out = site.run("--card", "insurance-change", "--pin", "1234", *via, "--json")
    assert code == 3
    assert (choice["choice"], choice["patient"]["patient_id"], choice["old_insurance"]) == ("relink", pid,
                                                                                          "06130012 ***23")
    assert "７７１２３" not in out
    code, data, _ = site.run("--card", "insurance-change", "--pin", "1234", *via, "--patient-id", pid, "--json")
    assert code == 0
    assert (data["visit"]["patient_id"], data["patient"]["insurance"]) == (pid, choice["new_insurance"])


def test_an_invalid_qualification_is_a_declaration_choice_then_declaration_goes_on(site: Site) -> None:
    code, choice, _ = site.run("--card", "lost-qualification", "--pin", "1234", "--json")
    assert code == 3
    assert (choice["choice"], choice["reason"]) == ("declaration", "qualification_invalid")
    code, data, _ = site.run("--card", "lost-qualification", "--pin", "1234", "--declaration", "--register", "--json")
    assert code == 0
    assert data["visit"]["declaration"] is True


# --- exit 2: errors -------------------------------------------------------------------------------------------------


def test_an_unknown_store_is_a_clear_error_and_creates_nothing(site: Site, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "reception.db"
    code, data, _ = site.run("--store", str(missing), "--card", "adult-nanbyo-54", "--pin", "1234", "--json",
                             store=False)
    assert code == 2
    assert data["error"]["code"] == "store_database_missing" and str(missing) in data["error"]["message"]
    assert not missing.exists()


def test_a_wrong_pin_is_an_error_that_never_echoes_the_pin(site: Site) -> None:
    code, data, out = site.run("--card", "adult-nanbyo-54", "--pin", "9876", "--json")
    assert code == 2
    assert data["error"]["code"] == "wrong_pin" and "9876" not in out


def test_a_blocked_pin_is_an_error(site: Site) -> None:
    code, data, _ = site.run("--card", "pin-blocked", "--pin", "1234", "--json")
    assert code == 2
    assert data["error"]["code"] == "pin_blocked"


def test_the_last_pin_try_needs_allow_last_try(site: Site) -> None:
    code, data, _ = site.run("--card", "pin-one-try-left", "--pin", "1234", "--json")
    assert code == 2
    assert data["error"]["code"] == "last_try_requires_confirmation"
    code, data, _ = site.run("--card", "pin-one-try-left", "--pin", "1234", "--allow-last-try", "--register",
                             "--json")
    assert code == 0


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check-in", "--help"])
    out = capsys.readouterr().out
    assert all(f"\n  {code}  " in out for code in (0, 2, 3)) and "--patient-id" in out and "--store" in out
