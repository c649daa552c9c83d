"""The card's APDU trace: headers, status words, timings, selected AP/EF and a privacy flag.

Never the data of a command or response (no PINs, no certificates, no personal data).
"""

from __future__ import annotations

import json
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass

MAX_ENTRIES = 10_000
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TraceEntry:
    cla: int
    ins: int
    p1: int
    p2: int
    lc: int | None  # length of the command data, None when absent
    le: int | None  # expected response length (256 for Le=00), None when absent
    sw: int | None  # None when the card answered nothing (pulled, mute)
    duration_s: float
    ap: str | None  # "jpki", "text", "visual", "juki" or None: the AP selected when the answer was given
    ef: int | None  # the EF selected after the command, if any
    privacy_violation: bool  # the command selected or used an individual-number file or 照合番号A
    fault: str | None = None  # the injected fault that shaped the answer, if any
    timestamp: float = 0.0  # time.time() when the command arrived

    @property
    def header(self) -> bytes:
        return bytes([self.cla, self.ins, self.p1, self.p2])

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = asdict(self)
        d["header"] = self.header.hex().upper()
        d["sw"] = None if self.sw is None else f"{self.sw:04X}"
        d["ef"] = None if self.ef is None else f"{self.ef:04X}"
        return d


class ApduTrace:
    """Thread-safe, bounded list of `TraceEntry`; listeners see each entry as it is added (e.g. a JSONL file)."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: deque[TraceEntry] = deque(maxlen=max_entries)
        self._lock = threading.Lock()
        self._listeners: list[Callable[[TraceEntry], None]] = []

    def add(self, entry: TraceEntry) -> None:
        with self._lock:
            self._entries.append(entry)
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(entry)
            except Exception:  # a broken listener (full disk, closed panel) must not break the card
                _log.exception("APDU trace listener failed; removing it")
                self.unsubscribe(listener)

    def subscribe(self, listener: Callable[[TraceEntry], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[TraceEntry], None]) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    @property
    def entries(self) -> list[TraceEntry]:
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __iter__(self) -> Iterator[TraceEntry]:
        return iter(self.entries)

    @property
    def privacy_violations(self) -> list[TraceEntry]:
        return [e for e in self.entries if e.privacy_violation]

    def to_jsonl(self) -> str:
        return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in self.entries)
