"""Watches the OQS terminal's `face` folder and hands over each card-reader result exactly once.

Why polling: the folder is usually an SMB share (`\\\\HOST\\OQS\\face`), where change notifications are unreliable.

Rules (see docs/oqs-simulator.md, "Face-folder watcher"):
- A file is taken when its (size, mtime) is unchanged over two consecutive polls AND it parses. A file that stays
  unparsable for `reject_after` seconds is recorded as rejected and reported once (never deleted).
- mtime is only compared with its own previous value, never with the local clock or other files (clock skew).
- Files vanish or get renamed by other software (the レセコン): a missing file is skipped quietly; the `trash`
  subfolder (MynaReception's fallback) and any other `extra_subfolders` are scanned too.
- Duplicates: the delivery id is the SHA-256 of the file's bytes. The same name seen twice, or the same bytes under
  two names (renamed or copied), are delivered once. Different bytes under a reused name are a new result.
- Exactly once across restarts: the ledger records `offered` before and `done` after the handler; a result offered
  but not done (crash in between) is offered again with `possibly_redelivered=True` and the same `delivery_id`; the
  handler dedupes on that id.
- Held, not lost: a handler that returns `Held(reason)` kept the result for a person to decide (the face router could
  not give it to one check-in). The ledger records `held`; the file stays where it is (not archived) and is not
  offered again while this watcher runs. `settle(delivery_id)` (the staff checked in with it or discarded it)
  records `done` and archives it like a taken result. A held result not settled when the process ends (stop, crash,
  reboot) is offered again by the next watcher on the same folder and ledger, with `held_reason` and
  `first_offered_at` set, so the handler can hold it again as it was.
- The terminal's files are never moved or deleted unless `archive_dir` is given.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from reception_app.connect.errors import FaceFolderError
from reception_app.connect.ledger import ProcessedLedger

log = logging.getLogger(__name__)

T = TypeVar("T")
# Runs a long-lived loop somewhere (name, loop): the app's lanes; None: a thread of the watcher's own (tools, tests)
Spawn = Callable[[str, Callable[[], None]], object]

FACE_FILE_PATTERN = re.compile(r"^OQSsiquc01res_face_.*\.xml$", re.IGNORECASE)
DEFAULT_EXTRA_SUBFOLDERS = ("trash",)
MAX_KEPT_ERRORS = 100


@dataclass(frozen=True)
class FaceDelivery(Generic[T]):
    """One face result handed to the handler."""

    delivery_id: str  # SHA-256 hex of the file's bytes: dedupe on it
    file_name: str
    path: Path
    data: bytes
    result: T
    possibly_redelivered: bool  # offered before a crash/handler failure: the handler may have seen it already
    first_offered_at: dt.datetime | None = None  # UTC, when it was first offered, if that was before this offer
    held_reason: str | None = None  # held (for this reason) and not settled when the last watcher stopped


@dataclass(frozen=True)
class Held:
    """What a handler returns for a result it kept for a person to decide instead of taking it (see the module
    docstring); `reason` goes to the ledger and comes back as `FaceDelivery.held_reason` after a restart."""

    reason: str = ""


@dataclass
class _Observation:
    signature: tuple[int, int]
    stable_polls: int = 0
    first_stable_at: float | None = None
    handled_key: str | None = None  # delivered, duplicate or rejected: nothing more to do while unchanged


@dataclass
class WatcherStats:
    delivered: int = 0
    duplicates: int = 0
    rejected: int = 0
    vanished: int = 0
    read_retries: int = 0
    handler_failures: int = 0
    held: int = 0  # of `delivered`: kept by the handler (`Held`), waiting for `settle`
    settled: int = 0
    polls: int = 0
    errors: list[str] = field(default_factory=list)


class FaceWatcher(Generic[T]):
    """Polls `folder` (and its `extra_subfolders`) for `OQSsiquc01res_face_*.xml`."""

    def __init__(
        self,
        folder: Path,
        handler: Callable[[FaceDelivery[T]], Held | None],
        *,
        parse: Callable[[bytes], T],
        ledger_dir: Path,
        poll_interval: float = 1.0,
        extra_subfolders: Iterable[str] = DEFAULT_EXTRA_SUBFOLDERS,
        archive_dir: Path | None = None,
        reject_after: float = 30.0,
        on_error: Callable[[Exception, str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        spawn: Spawn | None = None,
    ) -> None:
        self.folder = Path(folder)
        self._spawn = spawn
        self._spawned = False
        self.handler = handler
        self.parse = parse
        self.ledger = ProcessedLedger(Path(ledger_dir))
        self.poll_interval = poll_interval
        self.extra_subfolders = tuple(extra_subfolders)
        self.archive_dir = Path(archive_dir) if archive_dir else None
        self.reject_after = reject_after
        self.on_error = on_error
        self.clock = clock
        self.stats = WatcherStats()
        self._obs: dict[Path, _Observation] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._folder_down = False
        # Held results of this run (delivery id -> the files with those bytes), and a settle that raced the handler;
        # guarded by `_held_lock` together with a poll's look at the ledger's `done`.
        self._held_lock = threading.Lock()
        self._held: dict[str, list[Path]] = {}
        self._in_handler: str | None = None
        self._settle_early: set[str] = set()

    # --- lifecycle ----------------------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None or self._spawned:
            return
        self._stop.clear()
        if self._spawn is not None:
            self._spawned = True
            self._spawn("face-watcher", self._run_then_close)
            return
        self._thread = threading.Thread(target=self.run, name="face-watcher", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Ends the loop. On a thread of its own: waits for it (`timeout`) and closes the ledger. Spawned: only
        signals; the loop closes the ledger as it ends, and its owner (the lanes' one shutdown) waits for it."""
        self._stop.set()
        if self._spawned:
            return
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.ledger.close()

    def _run_then_close(self) -> None:
        try:
            self.run()
        finally:
            self.ledger.close()

    def run(self) -> None:
        """Polls until `stop()`; never raises (errors go to `on_error` and the log)."""
        while not self._stop.is_set():
            try:
                self.poll_once()
            except Exception as exc:  # the watcher must outlive any single bad poll
                log.exception("face watcher poll failed")
                self._report(exc, "")
            self._stop.wait(self.poll_interval)

    # --- one poll -----------------------------------------------------------------------------------------------

    def poll_once(self) -> int:
        """Scans once; returns how many results were delivered in this poll."""
        self.stats.polls += 1
        seen: set[Path] = set()
        delivered = 0
        for path, signature in self._list():
            seen.add(path)
            obs = self._obs.get(path)
            if obs is None or obs.signature != signature:
                self._obs[path] = _Observation(signature)
                continue
            if obs.handled_key is not None:
                continue
            obs.stable_polls += 1
            if obs.first_stable_at is None:
                obs.first_stable_at = self.clock()
            if self._take(path, obs):
                delivered += 1
        for gone in set(self._obs) - seen:
            del self._obs[gone]
        return delivered

    def _list(self) -> list[tuple[Path, tuple[int, int]]]:
        found: list[tuple[Path, tuple[int, int]]] = []
        folders = [self.folder, *(self.folder / sub for sub in self.extra_subfolders)]
        for i, folder in enumerate(folders):
            try:
                with os.scandir(folder) as it:
                    entries = [e for e in it if FACE_FILE_PATTERN.match(e.name)]
            except FileNotFoundError:
                if i == 0:
                    self._folder_unavailable("the face folder does not exist")
                continue
            except OSError as exc:
                if i == 0:
                    self._folder_unavailable(exc.strerror or str(exc))
                continue
            if i == 0 and self._folder_down:
                log.info("face folder reachable again")
                self._folder_down = False
            for entry in entries:
                try:
                    if not entry.is_file():
                        continue
                    st = entry.stat()
                except OSError:
                    continue  # moved or deleted between listing and stat
                found.append((Path(entry.path), (st.st_size, st.st_mtime_ns)))
        found.sort(key=lambda item: item[0].name)  # names carry the terminal's timestamp; mtime is not trusted
        return found

    def _folder_unavailable(self, why: str) -> None:
        if not self._folder_down:
            self._folder_down = True
            self._report(FaceFolderError(f"The face folder cannot be read: {why}"), "")

    def _take(self, path: Path, obs: _Observation) -> bool:
        data = self._read(path, obs)
        if data is None:
            return False
        key = hashlib.sha256(data).hexdigest()
        with self._held_lock:
            done = self.ledger.is_done(key)
            held_here = key in self._held
            if held_here and path not in self._held[key]:
                self._held[key].append(path)  # the same bytes again (copied, renamed): archived with it when settled
        if done or held_here:
            obs.handled_key = key
            self.stats.duplicates += 1
            if done:
                self._archive(path)
            return False
        if self.ledger.is_rejected(key):
            obs.handled_key = key
            return False
        try:
            result = self.parse(data)
        except Exception as exc:  # incomplete or malformed: wait, then reject once
            started = obs.first_stable_at if obs.first_stable_at is not None else self.clock()
            if self.clock() - started >= self.reject_after:
                self.ledger.mark_rejected(key, path.name, type(exc).__name__)
                obs.handled_key = key
                self.stats.rejected += 1
                self._report(exc, path.name)
            return False
        redelivery = self.ledger.was_offered(key)
        first_offered_at = self.ledger.first_offered_at(key) if redelivery else None
        if not redelivery:
            self.ledger.mark_offered(key, path.name)
        delivery = FaceDelivery(
            key, path.name, path, data, result, redelivery, first_offered_at, self.ledger.held_reason(key)
        )
        with self._held_lock:
            self._in_handler = key
        try:
            answer = self.handler(delivery)
        except Exception as exc:  # not accepted: offered again on the next poll, flagged as a possible redelivery
            with self._held_lock:
                self._in_handler = None
            self.stats.handler_failures += 1
            log.warning("face result handler failed for %s: %s", path.name, type(exc).__name__)
            self._report(exc, path.name)
            return False
        obs.handled_key = key
        self.stats.delivered += 1
        with self._held_lock:
            self._in_handler = None
            settled_early = key in self._settle_early  # settled while the handler ran: done now, as if taken
            self._settle_early.discard(key)
            if isinstance(answer, Held):
                if not settled_early:
                    self.ledger.mark_held(key, path.name, answer.reason)
                    self._held[key] = [path]
                    self.stats.held += 1
                    return True
                self.stats.settled += 1
        self.ledger.mark_done(key, path.name)
        self._archive(path)
        return True

    # --- held results -------------------------------------------------------------------------------------------

    def settle(self, delivery_id: str) -> bool:
        """Ends a held result like a taken one: `done` in the ledger, its file(s) archived (if `archive_dir`).
        False if it is not held (unknown, or settled already). Any thread; blocks for an fsync and a file move."""
        with self._held_lock:
            if self._in_handler == delivery_id:  # the handler is about to report it held: it is settled then
                self._settle_early.add(delivery_id)
                return True
            paths = self._held.get(delivery_id)
            if paths is None and self.ledger.held_reason(delivery_id) is None:
                return False
            # (held before a restart and not offered again yet: no path; its file is archived when next seen)
            self.ledger.mark_done(delivery_id, paths[0].name if paths else "")
            self._held.pop(delivery_id, None)
            self.stats.settled += 1
        for path in paths or ():
            self._archive(path)
        return True

    @property
    def held(self) -> frozenset[str]:
        """Delivery ids held in this run and not settled."""
        with self._held_lock:
            return frozenset(self._held)

    def _read(self, path: Path, obs: _Observation) -> bytes | None:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            self.stats.vanished += 1
            self._obs.pop(path, None)
            return None
        except OSError:  # locked (Windows share) or transient network error: next poll
            self.stats.read_retries += 1
            return None
        if len(data) != obs.signature[0]:  # grew or shrank while we looked: not complete yet
            obs.signature = (len(data), obs.signature[1])
            obs.stable_polls = 0
            obs.first_stable_at = None
            return None
        return data

    def _archive(self, path: Path) -> None:
        if self.archive_dir is None:
            return
        try:
            self.archive_dir.mkdir(parents=True, exist_ok=True)
            target = self.archive_dir / path.name
            n = 1
            while target.exists():
                target = self.archive_dir / f"{path.stem}.{n}{path.suffix}"
                n += 1
            os.replace(path, target)
        except FileNotFoundError:
            pass  # someone else took it first
        except OSError as exc:
            log.warning("could not archive %s: %s", path.name, exc.strerror)

    def _report(self, exc: Exception, file_name: str) -> None:
        self.stats.errors.append(f"{type(exc).__name__}: {file_name}")
        del self.stats.errors[:-MAX_KEPT_ERRORS]
        if self.on_error is not None:
            try:
                self.on_error(exc, file_name)
            except Exception:
                log.exception("face watcher on_error callback failed")
