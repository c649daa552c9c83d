"""Faults of the virtual card: latency, pull after N, mute, garbled/truncated answers, forced status words."""

from __future__ import annotations

import time

import pytest

from reception_app.card.constants import Aid, JpkiFile, StatusWord
from reception_app.card.virtual import VirtualCardMute, VirtualCardPulled, VirtualMyNumberCard, load_profile
from tests.unit.vcard_helpers import select_ap, select_ef, tx

SELECT_JPKI = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"


@pytest.fixture()
def card() -> VirtualMyNumberCard:
    return VirtualMyNumberCard(load_profile("adult-seishin-21"))


def test_no_faults_by_default(card: VirtualMyNumberCard) -> None:
    assert not card.faults.is_active()


def test_latency_per_apdu(card: VirtualMyNumberCard) -> None:
    card.faults.latency_ms = 30
    start = time.perf_counter()
    assert tx(card, SELECT_JPKI)[1] == StatusWord.OK
    assert time.perf_counter() - start >= 0.03
    assert card.trace.entries[-1].duration_s >= 0.03


@pytest.mark.parametrize("n", [0, 1, 3])
def test_pull_after_n_apdus(card: VirtualMyNumberCard, n: int) -> None:
    card.faults.pull_after_apdus = n
    for _ in range(n):
        tx(card, SELECT_JPKI)
    with pytest.raises(VirtualCardPulled):
        tx(card, SELECT_JPKI)
    assert card.pulled
    with pytest.raises(VirtualCardPulled):  # stays out of the reader
        tx(card, SELECT_JPKI)
    assert card.trace.entries[-1].fault == "pulled" and card.trace.entries[-1].sw is None
    card.faults.pull_after_apdus = None
    card.reinsert()
    assert tx(card, SELECT_JPKI)[1] == StatusWord.OK


def test_mute_card_and_mute_after(card: VirtualMyNumberCard) -> None:
    card.faults.mute = True
    with pytest.raises(VirtualCardMute):
        tx(card, SELECT_JPKI)
    card.faults.mute = False
    assert tx(card, SELECT_JPKI)[1] == StatusWord.OK
    card.faults.mute_after_apdus = 2
    assert tx(card, SELECT_JPKI)[1] == StatusWord.OK
    with pytest.raises(VirtualCardMute):
        tx(card, SELECT_JPKI)
    assert card.trace.entries[-1].fault == "mute"


def test_garble_every_nth_changes_every_byte(card: VirtualMyNumberCard) -> None:
    card.faults.garble_every = 2
    clean = card.transmit(bytes.fromhex(SELECT_JPKI))
    garbled = card.transmit(bytes.fromhex(SELECT_JPKI))
    assert clean == b"\x90\x00"
    assert len(garbled) == 2 and all(a != b for a, b in zip(garbled, clean, strict=True))
    assert card.trace.entries[-1].fault == "garbled"


def test_garble_probability_is_repeatable_with_a_seed() -> None:
    def run() -> list[bytes]:
        c = VirtualMyNumberCard(load_profile("adult-seishin-21"))
        c.faults.seed = 7
        c.reinsert()  # re-seeds the fault generator
        c.faults.garble_probability = 0.5
        return [c.transmit(bytes.fromhex(SELECT_JPKI)) for _ in range(40)]

    first = run()
    assert first == run()
    assert 5 < sum(r != b"\x90\x00" for r in first) < 35


def test_truncated_answers(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_CERT)
    card.faults.truncate_every = 1
    resp = card.transmit(bytes.fromhex("00B0000000"))
    assert len(resp) == 129  # half of 256 data + 2 SW: the status word is gone
    assert len(card.transmit(bytes.fromhex(SELECT_JPKI))) == 1  # a bare SW loses its second byte
    assert card.trace.entries[-1].fault == "truncated" and card.trace.entries[-1].sw is None


def test_forced_sw_by_ins_and_by_prefix(card: VirtualMyNumberCard) -> None:
    card.faults.forced_sw = {"B0": "6F00", "00A4020C020018": "6A82"}
    select_ap(card, Aid.JPKI)
    assert select_ef(card, JpkiFile.AUTH_PIN) == StatusWord.FILE_NOT_FOUND
    assert select_ef(card, JpkiFile.AUTH_CERT) == StatusWord.OK
    assert tx(card, "00B0000004") == (b"", StatusWord.NO_PRECISE_DIAGNOSIS)
    assert card.trace.entries[-1].fault == "forced_sw"


def test_invalid_fault_values_are_rejected(card: VirtualMyNumberCard) -> None:
    with pytest.raises(ValueError):
        card.faults.latency_ms = -1
    with pytest.raises(ValueError):
        card.faults.garble_probability = 2
    assert card.faults.latency_ms == 0


def test_faults_are_per_card_copies() -> None:
    profile = load_profile("adult-seishin-21")
    a, b = VirtualMyNumberCard(profile), VirtualMyNumberCard(profile)
    a.faults.mute = True
    assert not b.faults.mute and not profile.faults.mute


def test_get_response_chaining(card: VirtualMyNumberCard) -> None:
    card.faults.get_response_chaining = True
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.TOKEN_INFO)
    assert tx(card, "00B0000000") == (b"", 0x61A0)  # 160 bytes waiting
    first, sw = tx(card, "00C0000080")
    assert (len(first), sw) == (128, 0x6120)
    rest, sw = tx(card, "00C0000020")
    assert (len(rest), sw) == (32, StatusWord.END_OF_FILE_WARNING)  # the original status word comes last
    assert (first + rest)[:15] == b"JPKIAPICCTOKEN2"
    assert tx(card, "00C0000010")[1] == StatusWord.CONDITIONS_NOT_SATISFIED  # nothing pending


def test_get_response_must_follow_at_once(card: VirtualMyNumberCard) -> None:
    card.faults.get_response_chaining = True
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.CERT_PRESENCE)
    assert tx(card, "00B0000003")[1] == 0x6103
    select_ef(card, JpkiFile.CERT_PRESENCE)
    assert tx(card, "00C0000003")[1] == StatusWord.CONDITIONS_NOT_SATISFIED


def test_strict_le_answers_6cxx_past_the_end(card: VirtualMyNumberCard) -> None:
    card.faults.strict_le = True
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.TOKEN_INFO)
    assert tx(card, "00B0000000") == (b"", 0x6CA0)  # 160 bytes exist
    data, sw = tx(card, "00B00000A0")
    assert (len(data), sw) == (160, StatusWord.OK)
