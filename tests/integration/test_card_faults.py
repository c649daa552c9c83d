"""Fault matrix over the full read + sign flow (acceptance 5).

Card pulled after each APDU, mute card, garbled and truncated answers, unexpected status words, reader gone: each
ends in a typed CardError within a set time (pytest-timeout marks plus a measured bound), and the same backend then
reads a clean card. The whole matrix runs in-process; a representative subset runs through pcscd + vpcd.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reception_app.card.errors import (
    CardError,
    CardRemovedError,
    CardTimeoutError,
    ReaderUnavailableError,
    SecurityStatusNotSatisfiedError,
    UnexpectedStatusError,
)
from reception_app.card.session import MyNumberCard
from tests.integration.card_rig import CardRig, PcscRig, SimulatorRig, assert_no_individual_number_access, open_rig

PROFILE = "adult-seishin-21"
CHALLENGE = b"fault-matrix challenge"
APDU_TIMEOUT_S = 0.3  # in-process: short, so that mute cases stay fast
PCSC_APDU_TIMEOUT_S = 1.0
FLOW_BOUND_S = 5.0  # every faulty flow must have ended (in a typed error) well within this


@dataclass(frozen=True)
class FlowResult:
    der: bytes
    signature: bytes


def full_flow(session: MyNumberCard) -> FlowResult:
    session.identify()
    der = session.read_auth_certificate()
    session.auth_pin_status()
    signed = session.sign_challenge(CHALLENGE, "1234")
    return FlowResult(der, signed.signature)


def _clean_flow_length() -> int:
    rig = SimulatorRig()
    rig.insert(PROFILE)
    full_flow(rig.session())
    return len(rig.trace())


FLOW_APDUS = _clean_flow_length()  # ~17: SELECT AP, token label, certificate, PIN query, VERIFY, sign


def _run_faulty(rig: CardRig, timeout_s: float) -> CardError:
    """Runs the flow on the inserted (faulty) card; it must end in a typed error within FLOW_BOUND_S."""
    start = time.monotonic()
    with pytest.raises(CardError) as info:
        full_flow(rig.session(timeout_s))
    assert time.monotonic() - start < FLOW_BOUND_S
    assert info.value.code and str(info.value)
    return info.value


def _next_card_reads_fine(rig: CardRig) -> None:
    expected = rig.insert(PROFILE)
    result = full_flow(rig.session())
    assert result.der == expected and len(result.signature) == 256
    assert_no_individual_number_access(rig.trace())


@pytest.fixture()
def sim() -> Iterator[SimulatorRig]:
    rig = SimulatorRig()
    try:
        yield rig
    finally:
        rig.close()
    for trace in rig.traces:
        assert_no_individual_number_access(trace)


def test_clean_flow_length_is_what_the_matrix_covers() -> None:
    assert 12 <= FLOW_APDUS <= 25


@pytest.mark.timeout(20)
@pytest.mark.parametrize("after", range(FLOW_APDUS))
def test_card_pulled_after_each_apdu(sim: SimulatorRig, after: int) -> None:
    sim.insert(PROFILE, pull_after_apdus=after)
    assert isinstance(_run_faulty(sim, APDU_TIMEOUT_S), CardRemovedError)
    assert not sim.sim.list_readers()[0].card_present
    _next_card_reads_fine(sim)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("after", [0, FLOW_APDUS // 2, FLOW_APDUS - 1])
def test_mute_card(sim: SimulatorRig, after: int) -> None:
    sim.insert(PROFILE, mute_after_apdus=after)
    start = time.monotonic()
    assert isinstance(_run_faulty(sim, APDU_TIMEOUT_S), CardTimeoutError)
    assert time.monotonic() - start >= APDU_TIMEOUT_S  # it did wait for the card, once
    _next_card_reads_fine(sim)


def _typed_error_or_right_answer(rig: CardRig, expected: bytes, faults: dict[str, Any]) -> None:
    """A garbled or truncated answer must never come out as wrong data: a typed error, or (if the damage happened
    to be recoverable) exactly the right certificate and a signature that verifies."""
    rig.insert(PROFILE, **faults)
    start = time.monotonic()
    try:
        result = full_flow(rig.session(APDU_TIMEOUT_S))
    except CardError as error:
        assert error.code
    else:
        assert result.der == expected
    assert time.monotonic() - start < FLOW_BOUND_S


@pytest.mark.timeout(20)
@pytest.mark.parametrize("every", range(1, FLOW_APDUS + 1))
def test_garbled_answer(sim: SimulatorRig, every: int) -> None:
    expected = sim.insert(PROFILE)
    _typed_error_or_right_answer(sim, expected, {"garble_every": every})
    _next_card_reads_fine(sim)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("every", range(1, FLOW_APDUS + 1))
def test_truncated_answer(sim: SimulatorRig, every: int) -> None:
    expected = sim.insert(PROFILE)
    _typed_error_or_right_answer(sim, expected, {"truncate_every": every})
    _next_card_reads_fine(sim)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("seed", range(5))
def test_randomly_damaged_answers(sim: SimulatorRig, seed: int) -> None:
    expected = sim.insert(PROFILE)
    _typed_error_or_right_answer(
        sim, expected, {"garble_probability": 0.1, "truncate_probability": 0.1, "seed": seed}
    )
    _next_card_reads_fine(sim)


FORCED = [
    ("A4", "6F00", UnexpectedStatusError),  # every SELECT fails oddly
    ("00A4020C020006", "6A82", CardError),  # token-info file missing
    ("00A4020C02000A", "6A82", CardError),  # certificate file missing
    ("B0", "6982", SecurityStatusNotSatisfiedError),  # READ BINARY refused
    ("B0", "6700", UnexpectedStatusError),
    ("20", "6F00", UnexpectedStatusError),  # VERIFY answers nonsense
    ("20", "6581", UnexpectedStatusError),  # memory failure
    ("2A", "6982", SecurityStatusNotSatisfiedError),  # signature refused
    ("2A", "6A80", UnexpectedStatusError),
    ("802A", "6400", UnexpectedStatusError),
]


@pytest.mark.timeout(20)
@pytest.mark.parametrize(("command", "sw", "error"), FORCED)
def test_unexpected_status_words(sim: SimulatorRig, command: str, sw: str, error: type[CardError]) -> None:
    sim.insert(PROFILE, forced_sw={command: sw})
    assert isinstance(_run_faulty(sim, APDU_TIMEOUT_S), error)
    _next_card_reads_fine(sim)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("after", [0, FLOW_APDUS // 2, FLOW_APDUS - 1])
def test_reader_disappears(sim: SimulatorRig, after: int) -> None:
    sim.insert(PROFILE)
    assert sim.card is not None
    reader = sim.reader
    answered = 0

    def unplug_after(_entry: object) -> None:
        nonlocal answered
        answered += 1
        if answered == after:
            sim.sim.remove_reader(reader)

    sim.card.trace.subscribe(unplug_after)
    if after == 0:
        sim.sim.remove_reader(reader)
    error = _run_faulty(sim, APDU_TIMEOUT_S)
    assert isinstance(error, ReaderUnavailableError | CardRemovedError), error
    assert reader not in [r.name for r in sim.sim.list_readers()]
    sim.sim.add_reader(reader)  # plugged back in: the same backend serves the next card
    _next_card_reads_fine(sim)


# --- the same through pyscard -> pcscd -> vpcd -> vcard serve (a representative subset) -------------------------


@pytest.fixture()
def pcsc(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PcscRig]:
    rig = open_rig("pcsc", request, tmp_path)
    assert isinstance(rig, PcscRig)
    try:
        yield rig
    finally:
        rig.close()
    for trace in rig.traces:
        assert_no_individual_number_access(trace)


@pytest.mark.pcsc
@pytest.mark.timeout(60)
@pytest.mark.parametrize("after", [0, 7, FLOW_APDUS - 1])
def test_pcsc_card_pulled(pcsc: PcscRig, after: int) -> None:
    pcsc.insert(PROFILE, pull_after_apdus=after)
    assert isinstance(_run_faulty(pcsc, PCSC_APDU_TIMEOUT_S), CardRemovedError)
    _next_card_reads_fine(pcsc)


@pytest.mark.pcsc
@pytest.mark.timeout(60)
def test_pcsc_mute_card(pcsc: PcscRig) -> None:
    pcsc.insert(PROFILE, mute_after_apdus=5)
    start = time.monotonic()
    assert isinstance(_run_faulty(pcsc, PCSC_APDU_TIMEOUT_S), CardTimeoutError)
    assert time.monotonic() - start >= PCSC_APDU_TIMEOUT_S
    _next_card_reads_fine(pcsc)  # stops the mute card's process (pulls it) first, as staff would


@pytest.mark.pcsc
@pytest.mark.timeout(60)
def test_pcsc_reader_side_killed_mid_flow(pcsc: PcscRig) -> None:
    pcsc.insert(PROFILE, latency_ms=20)
    assert pcsc.proc is not None and pcsc.trace_file is not None
    pid, trace_file = pcsc.proc.pid, pcsc.trace_file

    def kill_after_some_apdus() -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if trace_file.exists() and len(trace_file.read_text().splitlines()) >= 6:
                os.kill(pid, signal.SIGKILL)
                return
            time.sleep(0.005)  # polling the trace file for progress

    killer = threading.Thread(target=kill_after_some_apdus)
    killer.start()
    error = _run_faulty(pcsc, PCSC_APDU_TIMEOUT_S)
    killer.join(10)
    assert isinstance(error, CardRemovedError | ReaderUnavailableError), error
    _next_card_reads_fine(pcsc)
