"""Append-only, fsync'd JSON-lines ledger of face results taken from the OQS terminal.

Two records per result, keyed by the SHA-256 of the file's bytes (the delivery id):
- `offered`: written and fsync'd BEFORE the handler is called;
- `done`: written and fsync'd AFTER the handler accepted the result (or `rejected` for a malformed file).
After a crash between the two, the result is offered again with `possibly_redelivered=True` and the same delivery id,
so a handler that dedupes on the id sees it exactly once. A torn last line (crash mid-write) is ignored on load.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reception_app.connect.errors import LedgerError

LEDGER_FILE_NAME = "face-ledger.jsonl"
LEDGER_VERSION = 1


@dataclass(frozen=True)
class LedgerState:
    done: frozenset[str]
    offered_not_done: frozenset[str]
    rejected: frozenset[str]


class ProcessedLedger:
    """Which face results were handed over. Thread-safe; one writer process per ledger folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LedgerError(f"The ledger folder cannot be created: {exc.strerror}") from exc
        self.path = self.folder / LEDGER_FILE_NAME
        self._lock = threading.Lock()
        self._done: set[str] = set()
        self._offered: set[str] = set()
        self._rejected: set[str] = set()
        self._load()
        new_file = not self.path.exists()
        try:
            self._fh = open(self.path, "ab")  # noqa: SIM115 - kept open for the watcher's lifetime
        except OSError as exc:
            raise LedgerError(f"The ledger cannot be opened: {exc.strerror}") from exc
        if new_file:
            _fsync_dir(self.folder)

    def _load(self) -> None:
        if not self.path.exists():
            return
        with open(self.path, "rb") as fh:
            for raw in fh:
                try:
                    rec = json.loads(raw)
                    key, status = str(rec["key"]), str(rec["status"])
                except (ValueError, KeyError, TypeError):
                    continue  # torn or foreign line: the entry was never committed
                if status == "offered":
                    self._offered.add(key)
                elif status == "done":
                    self._done.add(key)
                elif status == "rejected":
                    self._rejected.add(key)

    def state(self) -> LedgerState:
        with self._lock:
            return LedgerState(
                frozenset(self._done), frozenset(self._offered - self._done), frozenset(self._rejected)
            )

    def is_done(self, key: str) -> bool:
        with self._lock:
            return key in self._done

    def is_rejected(self, key: str) -> bool:
        with self._lock:
            return key in self._rejected

    def was_offered(self, key: str) -> bool:
        with self._lock:
            return key in self._offered

    def mark_offered(self, key: str, file_name: str) -> None:
        self._append(key, "offered", file_name)

    def mark_done(self, key: str, file_name: str) -> None:
        self._append(key, "done", file_name)

    def mark_rejected(self, key: str, file_name: str, reason: str) -> None:
        self._append(key, "rejected", file_name, reason=reason)

    def _append(self, key: str, status: str, file_name: str, **extra: str) -> None:
        rec = {
            "v": LEDGER_VERSION,
            "key": key,
            "status": status,
            "file": file_name,
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
            **extra,
        }
        line = (json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        with self._lock:
            try:
                self._fh.write(line)
                self._fh.flush()
                os.fsync(self._fh.fileno())
            except OSError as exc:
                raise LedgerError(f"The ledger cannot be written: {exc.strerror}") from exc
            {"offered": self._offered, "done": self._done, "rejected": self._rejected}[status].add(key)

    def close(self) -> None:
        with self._lock:
            if not self._fh.closed:
                self._fh.close()


def _fsync_dir(folder: Path) -> None:
    """Makes a newly created file's directory entry durable (POSIX; a no-op where directories can't be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
