"""`reception-app vcard serve` through the real stack: pyscard -> pcscd -> vpcd -> the virtual card subprocess."""

from __future__ import annotations

import contextlib
import hashlib
import json
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from reception_app.card.constants import DEFAULT_ATR, SHA256_DIGEST_INFO_PREFIX
from reception_app.card.virtual import VirtualMyNumberCard, load_profile
from tests.integration.vcard_serve import (  # noqa: F401  (the *_fixture names register pytest fixtures)
    ServeCard,
    VpcdSlot,
    card_present,
    serve_card_fixture,
    vpcd_slot_fixture,
)

pytestmark = pytest.mark.pcsc
SELECT_JPKI = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"


class Pcsc:
    """A plain pyscard connection to the vpcd reader."""

    def __init__(self, reader: str) -> None:
        from smartcard.System import readers

        self.conn = next(r for r in readers() if str(r) == reader).createConnection()
        self.conn.connect()

    def tx(self, apdu: str | bytes) -> tuple[bytes, int]:
        raw = bytes.fromhex(apdu.replace(" ", "")) if isinstance(apdu, str) else apdu
        data, sw1, sw2 = self.conn.transmit(list(raw))
        return bytes(data), (sw1 << 8) | sw2

    def read_der(self) -> bytes:
        head, sw = self.tx("00B0000004")
        assert sw == 0x9000
        total = int.from_bytes(head[2:4], "big") + 4
        out = b""
        while len(out) < total:
            n = min(256, total - len(out))
            chunk, sw = self.tx(bytes([0x00, 0xB0, len(out) >> 8, len(out) & 0xFF, n & 0xFF]))
            assert sw == 0x9000
            out += chunk
        return out

    def close(self) -> None:
        self.conn.disconnect()


def _expected_card(profile: str) -> VirtualMyNumberCard:
    return VirtualMyNumberCard(load_profile(profile), today=datetime.now(UTC).date())


def test_served_card_is_a_real_reader_card(serve_card: ServeCard, vpcd_slot: VpcdSlot) -> None:
    served = serve_card("adult-seishin-21")
    pcsc = Pcsc(vpcd_slot.reader)
    try:
        assert bytes(pcsc.conn.getATR()) == DEFAULT_ATR
        assert pcsc.tx(SELECT_JPKI) == (b"", 0x9000)
        assert pcsc.tx("00A4020C02000A") == (b"", 0x9000)
        assert pcsc.read_der() == _expected_card("adult-seishin-21").auth_certificate_der
    finally:
        pcsc.close()
    assert served.stop() == 0
    entries = [json.loads(line) for line in served.trace_file.read_text(encoding="utf-8").splitlines()]
    assert [e["header"] for e in entries[:2]] == ["00A4040C", "00A4020C"]
    assert all(e["privacy_violation"] is False for e in entries)
    assert {"header", "sw", "duration_s", "ap", "ef", "lc", "le", "privacy_violation"} <= set(entries[0])


def test_pull_empties_the_reader_and_restart_brings_the_card_back(serve_card: ServeCard, vpcd_slot: VpcdSlot) -> None:
    first = serve_card("adult-nanbyo-54")
    assert card_present(vpcd_slot.reader)
    assert first.stop() == 0  # SIGTERM: clean exit
    assert not card_present(vpcd_slot.reader)
    serve_card("adult-nanbyo-54")  # waits until pcscd sees the card again
    pcsc = Pcsc(vpcd_slot.reader)
    try:
        assert pcsc.tx(SELECT_JPKI)[1] == 0x9000
    finally:
        pcsc.close()


def test_pin_and_signature_through_pcscd_never_trace_the_pin(serve_card: ServeCard, vpcd_slot: VpcdSlot) -> None:
    served = serve_card("adult-seishin-21")
    pcsc = Pcsc(vpcd_slot.reader)
    try:
        pcsc.tx(SELECT_JPKI)
        pcsc.tx("00A4020C020018")
        assert pcsc.tx("00200080")[1] == 0x63C3
        assert pcsc.tx("00 20 00 80 04 39 39 39 39")[1] == 0x63C2  # wrong: one try spent
        assert pcsc.tx("00 20 00 80 04 31 32 33 34")[1] == 0x9000
        pcsc.tx("00A4020C020017")
        challenge = b"challenge over pcscd"
        di = SHA256_DIGEST_INFO_PREFIX + hashlib.sha256(challenge).digest()
        signature, sw = pcsc.tx(b"\x80\x2a\x00\x80" + bytes([len(di)]) + di + b"\x00")
        assert sw == 0x9000 and len(signature) == 256
    finally:
        pcsc.close()
    cert = x509.load_der_x509_certificate(_expected_card("adult-seishin-21").auth_certificate_der)
    cert.public_key().verify(signature, challenge, padding.PKCS1v15(), hashes.SHA256())  # type: ignore[union-attr]
    served.stop()
    text = served.trace_file.read_text(encoding="utf-8")
    assert "31323334" not in text.upper() and "39393939" not in text.upper() and "1234" not in text
    verifies = [json.loads(x) for x in text.splitlines() if json.loads(x)["header"] == "00200080"]
    assert [v["sw"] for v in verifies] == ["63C3", "63C2", "9000"]


def test_round_trip_is_fast_thanks_to_quickack(serve_card: ServeCard, vpcd_slot: VpcdSlot) -> None:
    """Without TCP_QUICKACK/TCP_NODELAY vpcd costs ~44 ms per APDU (Nagle + delayed ACK)."""
    serve_card("adult-seishin-21")
    pcsc = Pcsc(vpcd_slot.reader)
    try:
        times = []
        for _ in range(40):
            start = time.perf_counter()
            assert pcsc.tx(SELECT_JPKI)[1] == 0x9000
            times.append(time.perf_counter() - start)
    finally:
        pcsc.close()
    assert statistics.median(times) < 0.010, f"median round trip {statistics.median(times) * 1000:.1f} ms"


def test_pull_fault_from_the_command_line(serve_card: ServeCard, vpcd_slot: VpcdSlot) -> None:
    from smartcard.Exceptions import CardConnectionException

    served = serve_card("adult-seishin-21", "--pull-after", "2")
    pcsc = Pcsc(vpcd_slot.reader)
    try:
        assert pcsc.tx(SELECT_JPKI)[1] == 0x9000
        assert pcsc.tx(SELECT_JPKI)[1] == 0x9000
        with pytest.raises(CardConnectionException):
            pcsc.tx(SELECT_JPKI)  # the card leaves the reader mid-session
    finally:
        with contextlib.suppress(CardConnectionException):
            pcsc.close()
    assert served.stop() == 0


def test_phone_token_over_pcscd(serve_card: ServeCard, vpcd_slot: VpcdSlot) -> None:
    serve_card("android-token")
    pcsc = Pcsc(vpcd_slot.reader)
    try:
        assert pcsc.tx("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08")[1] == 0x6A82  # no text AP on a phone
        pcsc.tx(SELECT_JPKI)
        pcsc.tx("00A4020C020006")
        label, _ = pcsc.tx("00B0000020")
        assert label.rstrip() == b"JPKIAPGPSETOKEN"
        pcsc.tx("00A4020C02000A")
        assert pcsc.tx("00B0000004")[1] == 0x6982
    finally:
        pcsc.close()


def test_bad_profile_exits_with_a_clear_message(vpcd_slot: VpcdSlot) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "reception_app", "vcard", "serve", "--profile", "nobody", "--port", str(vpcd_slot.port)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "No card profile 'nobody'" in out.stderr
    assert not card_present(vpcd_slot.reader)
