"""Fault knobs of the OQS/PMH simulator, settable from the CLI, the control API (POST /_control) and tests.

Values are plain fields so a JSON object maps onto them one to one (docs/oqs-simulator.md lists them).
"""

from __future__ import annotations

import dataclasses
import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class GatewayFaults:
    latency_ms: int = 0  # added before every answer (a realistic gateway: ~150 ms)
    hang_s: float = 0.0  # wait this long before answering (set above the client's timeout to test it)
    http_status: int = 0  # answer every API call with this status (e.g. 503); 0 = off
    fail_count: int = 0  # with http_status: fail only the next N calls (0 = every call while set)
    malformed: bool = False  # answer 200 with a body that is not the protocol
    segment_of_result: str = ""  # SegmentOfResult in the returned result (e.g. "2" = still processing)
    challenge_ttl_s: float = 60.0
    outages: list[tuple[float, float]] = field(default_factory=list)  # (from, to) in time.time() seconds
    drop_connection: bool = False  # close the socket without answering


@dataclass
class TerminalFaults:
    res_latency_ms: int = 0  # before the terminal answers a req file
    segment_of_result: str = ""  # in res files: "2" = still processing (and never finishes while set)
    processing_before_final: int = 0  # write N "処理中" (SegmentOfResult 2) answers before the final one
    partial_write_s: float = 0.0  # face/res files: write the first half, wait, then the rest
    rename_away: str = ""  # "" | "trash" (move into face/trash) | "rename" (new matching name in face)
    duplicate: bool = False  # write every face file twice under two names
    malformed: bool = False  # write files that are not XML
    encoding: str = "Shift_JIS"


class FaultPanel:
    """Thread-safe holder of both fault sets."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.gateway = GatewayFaults()
        self.terminal = TerminalFaults()
        self._failed = 0

    def update(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Applies `{"gateway": {...}, "terminal": {...}}`; unknown keys raise ValueError."""
        with self._lock:
            for section, target in (("gateway", self.gateway), ("terminal", self.terminal)):
                values = changes.get(section) or {}
                if not isinstance(values, dict):
                    raise ValueError(f"{section} must be an object")
                names = {f.name for f in dataclasses.fields(target)}
                for key, value in values.items():
                    if key not in names:
                        raise ValueError(f"unknown {section} fault: {key}")
                    if key == "outages":
                        value = [(float(a), float(b)) for a, b in value]
                    setattr(target, key, value)
            if "gateway" in changes:
                self._failed = 0
            return self.snapshot_locked()

    def reset(self) -> None:
        with self._lock:
            self.gateway = GatewayFaults()
            self.terminal = TerminalFaults()
            self._failed = 0

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return self.snapshot_locked()

    def snapshot_locked(self) -> dict[str, Any]:
        return {"gateway": dataclasses.asdict(self.gateway), "terminal": dataclasses.asdict(self.terminal)}

    def gateway_copy(self) -> GatewayFaults:
        with self._lock:
            return dataclasses.replace(self.gateway, outages=list(self.gateway.outages))

    def terminal_copy(self) -> TerminalFaults:
        with self._lock:
            return dataclasses.replace(self.terminal)

    def take_http_failure(self) -> int:
        """The status to fail this call with, or 0; counts down `fail_count`."""
        with self._lock:
            status = self.gateway.http_status
            if not status:
                return 0
            if self.gateway.fail_count:
                if self._failed >= self.gateway.fail_count:
                    return 0
                self._failed += 1
            return status

    def in_outage(self, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        with self._lock:
            return any(start <= now < end for start, end in self.gateway.outages)
