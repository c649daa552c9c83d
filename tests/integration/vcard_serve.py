"""Serve a virtual card with `reception-app vcard serve` in a subprocess and watch it through real pcscd.

The vpcd slot is a fixture parameter: slot 0 (`Virtual PCD 00 00`, port 35963) by default; set
RECEPTION_APP_VPCD_SLOT=1 to use `Virtual PCD 00 01` (port 35964) when another suite holds slot 0.

Test modules import `serve_card_fixture` and `vpcd_slot_fixture` (fixtures named `serve_card` and `vpcd_slot`).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

VPCD_BASE_PORT = 35963
START_DEADLINE_S = 20.0
STOP_DEADLINE_S = 10.0
POLL_S = 0.02


@dataclass(frozen=True)
class VpcdSlot:
    index: int

    @property
    def port(self) -> int:
        return VPCD_BASE_PORT + self.index

    @property
    def reader(self) -> str:
        return f"Virtual PCD 00 {self.index:02d}"


def default_slot() -> VpcdSlot:
    return VpcdSlot(int(os.environ.get("RECEPTION_APP_VPCD_SLOT", "0")))


def card_present(reader: str) -> bool:
    """pcscd's view of the reader: a card is present and powered enough to give an ATR."""
    from smartcard.Exceptions import CardConnectionException, NoCardException
    from smartcard.System import readers

    found = [r for r in readers() if str(r) == reader]
    if not found:
        raise AssertionError(f"pcscd has no reader {reader!r}: is vpcd installed?")
    conn = found[0].createConnection()
    try:
        conn.connect()
    except (NoCardException, CardConnectionException):
        return False
    try:
        return bool(conn.getATR())
    finally:
        conn.disconnect()


def wait_for(predicate: Callable[[], bool], deadline_s: float, what: str) -> None:
    deadline = time.monotonic() + deadline_s
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {deadline_s} s waiting for {what}")
        time.sleep(POLL_S)


class ServedCard:
    """`reception-app vcard serve` as a subprocess on one vpcd slot."""

    def __init__(self, profile: str, slot: VpcdSlot, trace_file: Path, extra: list[str] | None = None) -> None:
        self.profile = profile
        self.slot = slot
        self.trace_file = trace_file
        self.extra = extra or []
        self.proc: subprocess.Popen[str] | None = None

    def start(self, wait: bool = True) -> ServedCard:
        cmd = [
            sys.executable, "-m", "reception_app", "vcard", "serve", "--profile", self.profile,
            "--port", str(self.slot.port), "--trace-file", str(self.trace_file), *self.extra,
        ]  # fmt: skip
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if wait:
            wait_for(self._present_or_died, START_DEADLINE_S, f"a card in {self.slot.reader}")
            assert self.proc.poll() is None, self.stderr()
        return self

    def _present_or_died(self) -> bool:
        assert self.proc is not None
        return self.proc.poll() is not None or card_present(self.slot.reader)

    def stop(self) -> int:
        """SIGTERM = pull the card. Returns the exit code; waits until pcscd shows the reader empty."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(STOP_DEADLINE_S)
        wait_for(lambda: not card_present(self.slot.reader), STOP_DEADLINE_S, f"{self.slot.reader} to be empty")
        return code

    def stderr(self) -> str:
        assert self.proc is not None
        if self.proc.poll() is None:
            return "(still running)"
        return self.proc.stderr.read() if self.proc.stderr else ""

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(STOP_DEADLINE_S)


@pytest.fixture(name="vpcd_slot", params=[default_slot()], ids=lambda s: f"slot{s.index}")
def vpcd_slot_fixture(request: pytest.FixtureRequest, pcscd_available: bool) -> VpcdSlot:
    slot: VpcdSlot = request.param
    wait_for(lambda: not card_present(slot.reader), STOP_DEADLINE_S, f"{slot.reader} free (another card served?)")
    return slot


ServeCard = Callable[..., ServedCard]


@pytest.fixture(name="serve_card")
def serve_card_fixture(vpcd_slot: VpcdSlot, tmp_path: Path) -> Iterator[ServeCard]:
    """serve_card(profile, *extra_args) -> a started ServedCard; all are stopped at teardown."""
    served: list[ServedCard] = []

    def start(profile: str, *extra: str, wait: bool = True) -> ServedCard:
        card = ServedCard(profile, vpcd_slot, tmp_path / f"trace-{len(served)}.jsonl", list(extra))
        served.append(card)
        return card.start(wait=wait)

    yield start
    for card in served:
        card.kill()
    wait_for(lambda: not card_present(vpcd_slot.reader), STOP_DEADLINE_S, f"{vpcd_slot.reader} empty after test")
