"""The ORCA connector end to end against the ORCA simulator on a real local HTTP server: a merged view and a chart
→ the simulator holds the patient, their insurance and 公費, and the 受付 with the department and physician chosen
from ORCA's lists; a cancel cancels the 受付; every Api_Result the issue names reaches the caller as intended.

Synthetic people only: the demo's seed patients and the OQS simulator's profiles, and tests/data/oqs.
"""

from __future__ import annotations

import datetime as dt
import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from reception_app.compose.demo import SEED
from reception_app.connect.errors import ConnectError
from reception_app.connect.orca import errors as orca_errors
from reception_app.connect.orca.client import OrcaClient, OrcaConfig
from reception_app.connect.orca.errors import (
    OrcaApiError,
    OrcaAuthFailed,
    OrcaBusy,
    OrcaDuplicate,
    OrcaPossibleDuplicate,
    OrcaTimeout,
    OrcaUnavailable,
)
from reception_app.connect.simulator.orca_server import DEFAULT_PASSWORD, DEFAULT_USER, OrcaSimulator
from reception_app.connect.simulator.profiles import ProfileSet, build_result
from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import MergedEligibility
from reception_app.eligibility.xml import parse_result
from reception_app.reception.handoff.orca import FIELD_MAP, OrcaChoice, OrcaHandoff, orca_patient
from reception_app.store.base import Patient, Visit

DAY = dt.date(2026, 11, 5)
JST = dt.timezone(dt.timedelta(hours=9))
TWO_PUBLIC = Path(__file__).resolve().parents[1] / "data" / "oqs" / "pmh_subsidies.xml"


def _seed(key: str) -> tuple[Patient, MergedEligibility]:
    seed = next(s for s in SEED if s.key == key)
    assert seed.profile is not None
    chart = Patient(f"00{SEED.index(seed) + 1:03d}", seed.name, seed.kana, seed.birth_date, seed.sex, seed.address)
    return chart, merge(build_result(ProfileSet().get(seed.profile), visit_date=DAY), (), None, DAY)


def _two_public() -> tuple[Patient, MergedEligibility]:
    chart = Patient("00900", "試験　太郎", "シケン　タロウ", dt.date(1980, 4, 15), "male",
                    "東京都調布市試験町１－２－３")
    return chart, merge(parse_result(TWO_PUBLIC.read_bytes()), (), None, dt.date(2025, 6, 1))


def _visit(patient: Patient, visit_id: int = 1) -> Visit:
    return Visit(visit_id, patient.patient_id, DAY, 1, dt.datetime(2026, 11, 5, 9, 12, 30, tzinfo=JST), "desk",
                 "waiting")


class Sleeps:
    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:  # the back-off is recorded, not waited (fast tests, same logic)
        self.delays.append(seconds)


@pytest.fixture()
def simulator() -> Iterator[OrcaSimulator]:
    with OrcaSimulator() as sim:
        yield sim


@pytest.fixture()
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture()
def client(simulator: OrcaSimulator, sleeps: Sleeps) -> Iterator[OrcaClient]:
    config = OrcaConfig(simulator.base_url, DEFAULT_USER, DEFAULT_PASSWORD, read_timeout=2.0, busy_retries=3)
    with OrcaClient(config, sleep=sleeps) as orca:
        yield orca


@pytest.fixture()
def handoff(client: OrcaClient) -> OrcaHandoff:
    return OrcaHandoff(client)


def _choice(handoff: OrcaHandoff) -> OrcaChoice:
    departments, physicians = handoff.lists(DAY)
    return OrcaChoice(department=departments[1], physician=physicians[1])


# --- acceptance 1: the simulator holds the patient, the insurance, the 公費 and the 受付 ---------------------------


def test_the_patient_reaches_orca_with_names_and_birth_date(simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    chart, merged = _seed("child")
    handoff.send_patient(chart, merged)
    held = simulator.patient(chart.patient_id)
    assert held is not None
    assert (held["WholeName"], held["WholeName_inKana"], held["BirthDate"], held["Sex"]) == (
        "山田　陽太", "ヤマダ　ヨウタ", "2022-06-15", "1")


def test_the_insurance_reaches_orca(simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    chart, merged = _seed("child")
    handoff.send_patient(chart, merged)
    ins = (simulator.patient(chart.patient_id) or {})["HealthInsurance_Information"]
    read_back = tuple(ins.get(key) for key in ("InsuranceProvider_Number", "HealthInsuredPerson_Symbol",
                                                "HealthInsuredPerson_Number", "HealthInsuredPerson_Branch_Number",
                                                "RelationToInsuredPerson"))
    assert read_back == ("06130488", "１２３４", "５６７８", "03", "2")


def test_each_public_subsidy_reaches_orca_with_payer_and_recipient(simulator: OrcaSimulator,
                                                                   handoff: OrcaHandoff) -> None:
    chart, merged = _two_public()
    handoff.send_patient(chart, merged)
    publics = (simulator.patient(chart.patient_id) or {})["HealthInsurance_Information"]["PublicInsurance_Information"]
    expected = [(s.payer_number, s.recipient_number) for s in merged.subsidies if s.active_on_visit]
    assert [(p["PublicInsurer_Number"], p["PublicInsuredPerson_Number"]) for p in publics] == expected


def test_two_public_subsidies_valid_on_the_day_both_reach_orca(simulator: OrcaSimulator,
                                                               handoff: OrcaHandoff) -> None:
    chart, merged = _two_public()
    handoff.send_patient(chart, merged)
    publics = (simulator.patient(chart.patient_id) or {})["HealthInsurance_Information"]["PublicInsurance_Information"]
    assert len(publics) == 2


def test_medical_assistance_goes_as_a_public_insurance_only(simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    chart, merged = _seed("hogo")
    handoff.send_patient(chart, merged)
    ins = (simulator.patient(chart.patient_id) or {})["HealthInsurance_Information"]
    assert (ins.get("InsuranceProvider_Number"), [p["PublicInsurer_Number"] for p in ins["PublicInsurance_Information"]]
            ) == (None, ["12131009"])


def test_the_acceptance_reaches_orca_with_the_chosen_department_and_physician(
        simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    chart, merged = _seed("elder7074")
    choice = _choice(handoff)
    visit = _visit(chart)
    handoff.hand_off(chart, merged, visit, choice)
    (held,) = simulator.active_acceptances(chart.patient_id)
    local = visit.checked_in_at.astimezone()  # the reception PC's own time, as ORCA's 受付 shows it
    assert (held.department_code, held.physician_code, held.date, held.time) == (
        choice.department.code, choice.physician.code, local.date().isoformat(), local.strftime("%H:%M:%S"))


def test_the_acceptance_id_is_returned(simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    chart, merged = _seed("kouki")
    _, accepted = handoff.hand_off(chart, merged, _visit(chart), _choice(handoff))
    assert [a.acceptance_id for a in simulator.active_acceptances(chart.patient_id)] == [accepted.acceptance_id]


def test_a_cancelled_visit_cancels_the_acceptance(simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    chart, merged = _seed("kouki")
    visit = _visit(chart)
    _, accepted = handoff.hand_off(chart, merged, visit, _choice(handoff))
    handoff.cancel(visit, accepted.acceptance_id)
    assert simulator.active_acceptances(chart.patient_id) == []


def test_a_returning_patient_is_updated_not_registered_again(simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    chart, merged = _seed("child")
    handoff.send_patient(chart, merged)
    handoff.send_patient(chart, merged)
    assert [call for call in simulator.state.calls if call[0] == "patientmodv2"] == [
        ("patientmodv2", "00"), ("patientmodv2", "00")]


def test_orcas_lists_are_read(handoff: OrcaHandoff) -> None:
    departments, physicians = handoff.lists(DAY)
    assert ([d.code for d in departments], [p.code for p in physicians]) == (["01", "09", "26"], ["10001", "10002"])


# --- Api_Result ----------------------------------------------------------------------------------------------------


def test_k0_possible_duplicate_reaches_the_caller_and_registers_nobody(simulator: OrcaSimulator,
                                                                      handoff: OrcaHandoff) -> None:
    chart, merged = _seed("child")
    handoff.send_patient(chart, merged)
    twin = Patient("00999", chart.name, chart.kana, chart.birth_date, chart.sex)
    with pytest.raises(OrcaPossibleDuplicate):
        handoff.send_patient(twin, merged)
    assert simulator.patient("00999") is None


def test_16_duplicate(handoff: OrcaHandoff, client: OrcaClient) -> None:
    chart, merged = _seed("child")
    handoff.send_patient(chart, merged)
    with pytest.raises(OrcaDuplicate):
        client.register_patient(orca_patient(chart, merged))


def test_16_duplicate_acceptance(handoff: OrcaHandoff) -> None:
    chart, merged = _seed("kouki")
    choice = _choice(handoff)
    handoff.hand_off(chart, merged, _visit(chart), choice)
    with pytest.raises(OrcaDuplicate):
        handoff.accept(_visit(chart, 2), choice)


def test_90_is_retried_with_back_off_until_orca_answers(simulator: OrcaSimulator, handoff: OrcaHandoff,
                                                        sleeps: Sleeps) -> None:
    simulator.inject(api_results={"patientmodv2": ["90", "90"]})
    chart, merged = _seed("child")
    result = handoff.send_patient(chart, merged)
    assert (result.outcome.attempts, sleeps.delays) == (3, [0.5, 1.0])


def test_90_after_the_retries_is_in_use_by_another_terminal(simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    simulator.inject(api_results={"patientmodv2": ["90"] * 10})
    chart, merged = _seed("child")
    with pytest.raises(OrcaBusy):
        handoff.send_patient(chart, merged)


def test_90_retries_are_counted(simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    simulator.inject(api_results={"patientmodv2": ["90"] * 10})
    chart, merged = _seed("child")
    with pytest.raises(OrcaBusy):
        handoff.send_patient(chart, merged)
    assert [c for c in simulator.state.calls if c[0] == "patientmodv2"] == [("patientmodv2", "90")] * 4


def test_a_k_code_is_accepted_with_its_warning(simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    simulator.inject(api_results={"patientmodv2": ["K3"]})
    chart, merged = _seed("child")
    result = handoff.send_patient(chart, merged)
    assert ([w.code for w in result.outcome.warnings], simulator.patient(chart.patient_id) is not None) == (
        ["K3"], True)


def test_an_unknown_code_is_an_error_naming_it(simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    simulator.inject(api_results={"acceptmodv2": ["99"]})
    chart, merged = _seed("kouki")
    handoff.send_patient(chart, merged)
    with pytest.raises(OrcaApiError, match="Api_Result 99") as caught:
        handoff.accept(_visit(chart), _choice(handoff))
    assert (caught.value.code, caught.value.api_result) == ("orca_api_error", "99")


def test_an_unknown_department_is_refused(handoff: OrcaHandoff) -> None:
    chart, merged = _seed("kouki")
    handoff.send_patient(chart, merged)
    departments, physicians = handoff.lists(DAY)
    with pytest.raises(OrcaApiError) as caught:
        handoff.accept(_visit(chart), OrcaChoice(departments[0].__class__("77", "none"), physicians[0]))
    assert caught.value.api_result == "11"


# --- transport faults ----------------------------------------------------------------------------------------------


def test_a_wrong_password_is_an_auth_error(simulator: OrcaSimulator) -> None:
    with OrcaClient(OrcaConfig(simulator.base_url, DEFAULT_USER, "wrong")) as orca, pytest.raises(OrcaAuthFailed):
        orca.departments(DAY)


def test_a_dropped_connection_is_unavailable(simulator: OrcaSimulator, client: OrcaClient) -> None:
    simulator.inject(drop_connection=True)
    with pytest.raises(OrcaUnavailable):
        client.departments(DAY)


def test_a_server_error_is_unavailable(simulator: OrcaSimulator, client: OrcaClient) -> None:
    simulator.inject(http_status=503, fail_count=1)
    with pytest.raises(OrcaUnavailable):
        client.departments(DAY)


def test_after_the_injected_failures_orca_answers_again(simulator: OrcaSimulator, client: OrcaClient) -> None:
    simulator.inject(http_status=503, fail_count=1)
    with pytest.raises(OrcaUnavailable):
        client.departments(DAY)
    assert len(client.departments(DAY)) == 3


def test_a_slow_answer_times_out(simulator: OrcaSimulator) -> None:
    simulator.inject(latency_ms=1500)
    config = OrcaConfig(simulator.base_url, DEFAULT_USER, DEFAULT_PASSWORD, read_timeout=0.2)
    with OrcaClient(config) as orca, pytest.raises(OrcaTimeout):
        orca.departments(DAY)


def test_a_refused_connection_is_unavailable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound, never listening: the connection is refused
        with OrcaClient(OrcaConfig(f"http://127.0.0.1:{port}")) as orca, pytest.raises(OrcaUnavailable):
            orca.departments(DAY)


# --- the mapping, the codes, privacy -------------------------------------------------------------------------------


def _paths(record: dict, prefix: str = "") -> set[str]:
    found: set[str] = set()
    for key, value in record.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            found |= _paths(value, path + "/")
        elif isinstance(value, list):
            for item in value:
                found |= _paths(item, path + "/")
        else:
            found.add(path)
    return found


def test_every_orca_element_sent_is_in_the_mapping_table(simulator: OrcaSimulator, handoff: OrcaHandoff) -> None:
    chart, merged = _two_public()
    chart = Patient(chart.patient_id, chart.name, chart.kana, chart.birth_date, chart.sex, chart.address, "0424000000")
    handoff.send_patient(chart, merged)
    mapped = {m.orca for m in FIELD_MAP}
    assert _paths(simulator.patient(chart.patient_id) or {}) - mapped == set()


def test_every_orca_error_has_its_own_code() -> None:
    classes = [c for c in vars(orca_errors).values() if isinstance(c, type) and issubclass(c, ConnectError)]
    codes = [c.code for c in classes if c.__module__ == orca_errors.__name__]
    assert len(codes) == len(set(codes)) == 9


def test_the_client_logs_no_name(simulator: OrcaSimulator, handoff: OrcaHandoff,
                                 caplog: pytest.LogCaptureFixture) -> None:
    simulator.inject(api_results={"patientmodv2": ["90"]})
    chart, merged = _seed("child")
    with caplog.at_level(logging.DEBUG):
        handoff.send_patient(chart, merged)
    assert "陽太" not in caplog.text and "ヨウタ" not in caplog.text and "５６７８" not in caplog.text
