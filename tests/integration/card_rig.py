"""Test rig for the My Number Card suites: one interface over the two backends.

- `simulator`: the in-process SimulatorBackend holding a VirtualMyNumberCard; the trace is the card's own.
- `pcsc`: pyscard -> real pcscd -> vpcd -> `reception-app vcard serve` (a subprocess) on one vpcd slot; the trace is
  the JSON lines the serve process writes (`--trace-file`).

`assert_no_individual_number_access` is the acceptance-6 check every flow test runs on its trace.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reception_app.card.backends.base import ReaderBackend
from reception_app.card.backends.pcsc import PcscBackend
from reception_app.card.backends.simulator import SimulatorBackend
from reception_app.card.session import MyNumberCard
from reception_app.card.transport import CardConnection
from reception_app.card.virtual import CardProfile, TraceEntry, VirtualMyNumberCard, load_profile

# Slot 0 by default; RECEPTION_APP_VPCD_SLOT=1 while another process uses slot 0.
VPCD_SLOT = int(os.environ.get("RECEPTION_APP_VPCD_SLOT", "0"))
VPCD_BASE_PORT = 35963
CARD_WAIT_S = 15.0

# Individual-number files per AP (as the card's trace names APs): text EF 0001 and 照合番号A 0014; visual 0005, 0013.
FORBIDDEN_EFS = {"text": {0x0001, 0x0014}, "visual": {0x0005, 0x0013}}
SELECT, READ_BINARY = 0xA4, 0xB0


@dataclass(frozen=True)
class Apdu:
    """One trace entry, from either backend."""

    cla: int
    ins: int
    p1: int
    p2: int
    lc: int | None
    le: int | None
    sw: int | None
    ap: str | None
    ef: int | None
    privacy_violation: bool

    @property
    def header(self) -> bytes:
        return bytes([self.cla, self.ins, self.p1, self.p2])

    @classmethod
    def from_entry(cls, e: TraceEntry) -> Apdu:
        return cls(e.cla, e.ins, e.p1, e.p2, e.lc, e.le, e.sw, e.ap, e.ef, e.privacy_violation)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Apdu:
        def hex_or_none(v: Any) -> int | None:
            return None if v is None else int(v, 16)

        return cls(
            d["cla"],
            d["ins"],
            d["p1"],
            d["p2"],
            d["lc"],
            d["le"],
            hex_or_none(d["sw"]),
            d["ap"],
            hex_or_none(d["ef"]),
            d["privacy_violation"],
        )


def assert_no_individual_number_access(trace: Iterable[Apdu]) -> None:
    """Acceptance 6: no APDU flagged by the card, none selecting/reading an individual-number file, no visual AP."""
    entries = list(trace)
    for i, e in enumerate(entries):
        assert not e.privacy_violation, f"APDU {i} ({e.header.hex()}) is flagged as a privacy violation"
        assert e.ap != "visual", f"APDU {i} ({e.header.hex()}) ran with the visual AP selected"
        if e.ins in (SELECT, READ_BINARY) and e.ap in FORBIDDEN_EFS:
            assert e.ef not in FORBIDDEN_EFS[e.ap], f"APDU {i} ({e.header.hex()}) touched EF {e.ef:04X} in {e.ap}"


def profile_with_faults(profile_id: str, **faults: Any) -> CardProfile:
    profile = load_profile(profile_id)
    return profile.model_copy(update={"faults": profile.faults.model_copy(update=faults)})


class CardRig:
    """Insert a card (by profile, with optional faults), open sessions on it, read its trace."""

    name: str
    backend: ReaderBackend
    reader: str

    def __init__(self) -> None:
        self.traces: list[list[Apdu]] = []  # every card's trace, checked for privacy at teardown
        self._sessions: list[MyNumberCard] = []

    def insert(self, profile_id: str, **faults: Any) -> bytes:
        """Puts a fresh card on the reader; returns the certificate it must hand out."""
        raise NotImplementedError

    def trace(self) -> list[Apdu]:
        raise NotImplementedError

    def session(self, timeout_s: float = 5.0) -> MyNumberCard:
        session = MyNumberCard(CardConnection(self.backend.connect(self.reader), timeout_s=timeout_s))
        self._sessions.append(session)
        return session

    def pull(self) -> None:
        """The card leaves the reader."""
        raise NotImplementedError

    def close(self) -> None:
        for s in self._sessions:
            s.connection.disconnect()
        self._sessions.clear()


class SimulatorRig(CardRig):
    name = "simulator"

    def __init__(self) -> None:
        super().__init__()
        self.backend = self.sim = SimulatorBackend()
        self.reader = self.sim.list_readers()[0].name
        self.card: VirtualMyNumberCard | None = None

    def insert(self, profile_id: str, **faults: Any) -> bytes:
        self._keep_trace()
        self.card = self.sim.insert(VirtualMyNumberCard(profile_with_faults(profile_id, **faults)), self.reader)
        return self.card.auth_certificate_der

    def _keep_trace(self) -> None:
        if self.card is not None:
            self.traces.append(self.trace())

    def trace(self) -> list[Apdu]:
        assert self.card is not None
        return [Apdu.from_entry(e) for e in self.card.trace.entries]

    def pull(self) -> None:
        self.sim.remove(self.reader)

    def close(self) -> None:
        super().close()
        self._keep_trace()
        self.card = None


class PcscRig(CardRig):
    name = "pcsc"

    def __init__(self, workdir: Path, slot: int = VPCD_SLOT) -> None:
        super().__init__()
        self.workdir = workdir
        self.port = VPCD_BASE_PORT + slot
        self.reader = f"Virtual PCD 00 {slot:02d}"
        self.backend = PcscBackend(self.reader)
        self.proc: subprocess.Popen[bytes] | None = None
        self.trace_file: Path | None = None
        self._n = 0

    def _card_present(self) -> bool:
        return any(r.name == self.reader and r.card_present for r in self.backend.list_readers())

    def _wait(self, present: bool, what: str) -> None:
        deadline = time.monotonic() + CARD_WAIT_S
        while self._card_present() != present:
            assert time.monotonic() < deadline, f"{self.reader}: {what} within {CARD_WAIT_S} s"
            time.sleep(0.02)  # polling pcscd with a deadline, not a sleep to pass

    def insert(self, profile_id: str, **faults: Any) -> bytes:
        self.stop()
        self._wait(False, "another virtual card holds this vpcd slot (set RECEPTION_APP_VPCD_SLOT=1?)")
        self._n += 1
        profile = profile_with_faults(profile_id, **faults)
        path = self.workdir / f"card-{self._n}.json"
        path.write_text(profile.model_dump_json(), encoding="utf-8")
        self.trace_file = self.workdir / f"trace-{self._n}.jsonl"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reception_app",
                "vcard",
                "serve",
                "--profile",
                str(path),
                "--port",
                str(self.port),
                "--trace-file",
                str(self.trace_file),
                "--quiet",
            ],
        )
        self._wait(True, "card did not appear (is another virtual card holding this vpcd slot?)")
        return VirtualMyNumberCard(profile).auth_certificate_der

    def trace(self) -> list[Apdu]:
        if self.trace_file is None or not self.trace_file.exists():
            return []
        lines = self.trace_file.read_text(encoding="utf-8").splitlines()
        return [Apdu.from_json(json.loads(line)) for line in lines if line.strip()]

    def pull(self) -> None:
        self.stop(sig=signal.SIGTERM)

    def kill(self) -> None:
        """The reader side vanishes at once: SIGKILL, no goodbye."""
        self.stop(sig=signal.SIGKILL)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        self.proc = None
        self.traces.append(self.trace())
        self._wait(False, "card did not leave the reader")

    def close(self) -> None:
        super().close()
        self.stop()


def open_rig(kind: str, request: Any, workdir: Path) -> CardRig:
    """The rig for a backend parameter; pcsc requires pcscd with vpcd (fails under make test/CI, skips on a dev box)."""
    if kind == "simulator":
        return SimulatorRig()
    request.getfixturevalue("pcscd_available")
    return PcscRig(workdir)
