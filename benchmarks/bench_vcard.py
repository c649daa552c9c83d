"""Virtual card and vpcd bridge: the card's own cost per APDU, and a round trip through pcscd with and without the
bridge's TCP_NODELAY/TCP_QUICKACK (vpcd's two-send framing meets delayed ACK without them).

Targets: in-process APDU handling well under 1 ms; a pcscd round trip under 5 ms with the socket options (the
platform notes measured ~44 ms median without them).
"""

from __future__ import annotations

import hashlib
import os
import statistics
import time
from collections.abc import Callable

from reception_app.card.constants import SHA256_DIGEST_INFO_PREFIX
from reception_app.card.virtual import VirtualMyNumberCard, load_profile, pki
from reception_app.card.vpcd import VpcdBridge

PROFILE = "adult-seishin-21"
SLOT = int(os.environ.get("RECEPTION_APP_VPCD_SLOT", "0"))
PORT = 35963 + SLOT
READER = f"Virtual PCD 00 {SLOT:02d}"
SELECT_JPKI = bytes.fromhex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01")
WAIT_S = 15.0
ROUNDS_FAST = 200
ROUNDS_SLOW = 20  # ~44 ms each without the socket options: keeps the benchmark to a few seconds


def _ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"{statistics.median(values) * 1000:.3f} / {p95 * 1000:.3f}"


def _time(fn: Callable[[], object], rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def _in_process() -> list[str]:
    profile = load_profile(PROFILE)
    pki._issue_cached.cache_clear()
    t0 = time.perf_counter()
    card = VirtualMyNumberCard(profile)
    build = time.perf_counter() - t0
    card.transmit(SELECT_JPKI)
    select = _time(lambda: card.transmit(SELECT_JPKI), ROUNDS_FAST)
    card.transmit(bytes.fromhex("00A4020C02000A"))
    read = _time(lambda: card.transmit(bytes.fromhex("00B0000000")), ROUNDS_FAST)
    card.transmit(bytes.fromhex("00A4020C020018"))
    card.transmit(bytes.fromhex("00 20 00 80 04 31 32 33 34"))
    card.transmit(bytes.fromhex("00A4020C020017"))
    di = SHA256_DIGEST_INFO_PREFIX + hashlib.sha256(b"bench").digest()
    sign_apdu = b"\x80\x2a\x00\x80" + bytes([len(di)]) + di + b"\x00"
    sign = _time(lambda: card.transmit(sign_apdu), 50)

    def target(values: list[float]) -> str:
        return "< 1 ms: " + ("met" if statistics.median(values) < 0.001 else "NOT met")

    return [
        f"| first card (loads keys, issues both certificates) | {build * 1000:.1f} ms once | — |",
        f"| SELECT AP, in-process | {_ms(select)} | {target(select)} |",
        f"| READ BINARY 256, in-process | {_ms(read)} | {target(read)} |",
        f"| COMPUTE DIGITAL SIGNATURE (RSA-2048 CRT), in-process | {_ms(sign)} | — |",
    ]


def _pcsc_round_trips(low_latency: bool, rounds: int) -> list[float]:
    from smartcard.Exceptions import CardConnectionException, NoCardException
    from smartcard.System import readers

    card = VirtualMyNumberCard(load_profile(PROFILE))
    bridge = VpcdBridge(card, "127.0.0.1", PORT, low_latency=low_latency)
    bridge.start()
    try:
        if not bridge.wait_connected(WAIT_S):
            raise RuntimeError(f"vpcd on port {PORT} did not accept the card")
        reader = next(r for r in readers() if str(r) == READER)
        deadline = time.monotonic() + WAIT_S
        while True:
            conn = reader.createConnection()
            try:
                conn.connect()
                break
            except (NoCardException, CardConnectionException):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        try:
            conn.transmit(list(SELECT_JPKI))
            return _time(lambda: conn.transmit(list(SELECT_JPKI)), rounds)
        finally:
            conn.disconnect()
    finally:
        bridge.stop()
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:  # wait until pcscd shows the reader empty for the next run
            try:
                c = next(r for r in readers() if str(r) == READER).createConnection()
                c.connect()
                c.disconnect()
                time.sleep(0.02)
            except (NoCardException, CardConnectionException):
                break


def run() -> str:
    rows = ["| measure | median / p95 (ms) | target |", "|---|---|---|", *_in_process()]
    try:
        fast = _pcsc_round_trips(True, ROUNDS_FAST)
        slow = _pcsc_round_trips(False, ROUNDS_SLOW)
        met = "met" if statistics.median(fast) < 0.005 else "NOT met"
        rows.append(
            f"| SELECT AP, pyscard -> pcscd -> vpcd -> bridge, NODELAY + QUICKACK | {_ms(fast)} | < 5 ms: {met} |"
        )
        rows.append(f"| same, socket options off ({ROUNDS_SLOW} rounds) | {_ms(slow)} | shows what the options save |")
        ratio = statistics.median(slow) / statistics.median(fast)
        rows.append(f"| speed-up from the socket options | {ratio:.0f}x | — |")
    except Exception as exc:  # pcscd or vpcd missing: say so instead of losing the in-process numbers
        rows.append(f"| pcscd round trips | not measured: {type(exc).__name__}: {exc} | — |")
    return "## Virtual card and vpcd bridge\n\n" + "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(run())
