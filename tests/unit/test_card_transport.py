"""CardConnection: GET RESPONSE on 61xx, resend on 6Cxx, bounded chaining, per-APDU timeout passed on."""

from __future__ import annotations

import hashlib

import pytest

from reception_app.card.apdu import CommandApdu, compute_digital_signature, select_aid, select_ef, verify
from reception_app.card.backends.base import BackendConnection
from reception_app.card.backends.simulator import SimulatorBackend
from reception_app.card.constants import SHA256_DIGEST_INFO_PREFIX, Aid, JpkiFile
from reception_app.card.errors import MalformedResponseError
from reception_app.card.transport import CardConnection


class T0Card(BackendConnection):
    """A T=0 card that answers in pieces (61xx), which the virtual card never does: scripted answers."""

    def __init__(self, answers: list[bytes]) -> None:
        self.reader, self.atr = "T=0 test reader", b"\x3b\x00"
        self.answers = answers
        self.sent: list[tuple[bytes, float]] = []

    def _transmit(self, apdu: bytes, timeout_s: float = 5.0) -> bytes:
        self.sent.append((apdu, timeout_s))
        return self.answers.pop(0)

    def disconnect(self) -> None:
        pass


def test_61xx_is_followed_by_get_response_until_done() -> None:
    card = T0Card([b"\x61\x04", b"\x01\x02\x03\x04\x61\x00", b"\x05" * 256 + b"\x90\x00"])
    conn = CardConnection(card, timeout_s=1.5)
    resp = conn.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, le=256))
    assert resp.ok and resp.data == b"\x01\x02\x03\x04" + b"\x05" * 256
    assert [a for a, _ in card.sent[1:]] == [bytes.fromhex("00C0000004"), bytes.fromhex("00C0000000")]
    assert {t for _, t in card.sent} == {1.5} and conn.apdus_sent == 3


def test_endless_61xx_is_a_typed_error() -> None:
    card = T0Card([b"\x61\x01"] * 100)
    with pytest.raises(MalformedResponseError):
        CardConnection(card).transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, le=1))
    assert len(card.sent) < 20


def test_6cxx_resends_with_the_le_the_card_asked_for() -> None:
    # The virtual card answers 6C00 to a signature asked with Le other than 256.
    backend = SimulatorBackend()
    card = backend.insert("adult-seishin-21")
    conn = CardConnection(backend.connect())
    for cmd in (select_aid(Aid.JPKI), select_ef(JpkiFile.AUTH_PIN), verify(b"1234"), select_ef(JpkiFile.AUTH_KEY)):
        assert conn.transmit(cmd).ok
    digest_info = SHA256_DIGEST_INFO_PREFIX + hashlib.sha256(b"challenge").digest()
    resp = conn.transmit(compute_digital_signature(digest_info).with_le(128))
    assert resp.ok and len(resp.data) == 256
    assert [e.sw for e in card.trace.entries[-2:]] == [0x6C00, 0x9000]
    assert card.trace.entries[-1].le == 256
