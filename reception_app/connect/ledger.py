"""Append-only, fsync'd JSON-lines ledger of face results taken from the OQS terminal.

Records keyed by the SHA-256 of the file's bytes (the delivery id), each line written and fsync'd before going on:
- `offered`: BEFORE the handler is called (its time is when the result was first handed over: `first_offered_at`);
- `done`: AFTER the handler took the result (or `rejected` for a malformed file);
- `held`: AFTER the handler kept the result for a person to decide (`Held`: the face router could not give it to
  one check-in), with the handler's `reason`. Not settled: after a restart the result is offered again (with its
  held reason) until a later `done` settles it (`FaceWatcher.settle`: the staff checked in with it or discarded it).
After a crash between `offered` and `done`/`held`, the result is offered again with `possibly_redelivered=True` and
the same delivery id, so a handler that dedupes on the id sees it exactly once. A torn last line (crash mid-write)
is ignored on load: that record was never committed (the next open ends it with a newline first, so the next record
is not glued to it).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reception_app.connect.errors import LedgerError

LEDGER_FILE_NAME = "face-ledger.jsonl"
LEDGER_VERSION = 1


@dataclass(frozen=True)
class LedgerState:
    done: frozenset[str]
    offered_not_done: frozenset[str]  # in doubt: offered, then neither done nor held (a crash inside the handler)
    rejected: frozenset[str]
    held: frozenset[str] = frozenset()  # held and not yet done: offered again after a restart


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
        self._held: dict[str, str] = {}  # key -> the reason of its last `held` record
        self._first_offered: dict[str, str] = {}  # key -> "at" of its first `offered` record
        self._torn_tail = False  # the last line has no newline (a crash mid-write)
        self._load()
        new_file = not self.path.exists()
        try:
            self._fh = open(self.path, "ab")  # noqa: SIM115 - kept open for the watcher's lifetime
        except OSError as exc:
            raise LedgerError(f"The ledger cannot be opened: {exc.strerror}") from exc
        if new_file:
            _fsync_dir(self.folder)
        elif self._torn_tail:  # end the torn line, or the next record would be glued to it and lost on load
            self._write(b"\n")

    def _load(self) -> None:
        if not self.path.exists():
            return
        with open(self.path, "rb") as fh:
            for raw in fh:
                self._torn_tail = not raw.endswith(b"\n")
                try:
                    rec = json.loads(raw)
                    key, status = str(rec["key"]), str(rec["status"])
                except (ValueError, KeyError, TypeError):
                    continue  # torn or foreign line: the entry was never committed
                self._record(key, status, rec)

    def _record(self, key: str, status: str, rec: Mapping[str, object]) -> None:
        if status == "offered":
            self._offered.add(key)
            self._first_offered.setdefault(key, str(rec.get("at", "")))
        elif status == "done":
            self._done.add(key)
        elif status == "rejected":
            self._rejected.add(key)
        elif status == "held":
            self._held[key] = str(rec.get("reason", ""))

    def state(self) -> LedgerState:
        with self._lock:
            held = frozenset(self._held) - self._done
            return LedgerState(
                frozenset(self._done), frozenset(self._offered - self._done - held), frozenset(self._rejected), held
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

    def held_reason(self, key: str) -> str | None:
        """The reason of a held result not settled since (`done`), or None."""
        with self._lock:
            return None if key in self._done else self._held.get(key)

    def first_offered_at(self, key: str) -> dt.datetime | None:
        """When the result was first offered (UTC), or None if never (or the record's time cannot be read)."""
        with self._lock:
            at = self._first_offered.get(key)
        try:
            return dt.datetime.fromisoformat(at) if at else None
        except ValueError:
            return None

    def mark_offered(self, key: str, file_name: str) -> None:
        self._append(key, "offered", file_name)

    def mark_done(self, key: str, file_name: str) -> None:
        self._append(key, "done", file_name)

    def mark_rejected(self, key: str, file_name: str, reason: str) -> None:
        self._append(key, "rejected", file_name, reason=reason)

    def mark_held(self, key: str, file_name: str, reason: str) -> None:
        """The handler kept the result for a person to decide: not settled (see the module docstring)."""
        self._append(key, "held", file_name, reason=reason)

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
            self._write(line)
            self._record(key, status, rec)

    def _write(self, line: bytes) -> None:
        if self._fh.closed:
            raise LedgerError("The ledger is closed.")
        try:
            self._fh.write(line)
            self._fh.flush()
            os.fsync(self._fh.fileno())
        except OSError as exc:
            raise LedgerError(f"The ledger cannot be written: {exc.strerror}") from exc

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
