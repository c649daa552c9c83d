"""Watches the card reader on a lane of its own and reports insertions and removals as Qt signals.

The backend's watcher blocks (PC/SC's GetStatusChange, or the simulator's queue, each at most `poll_s`), so it runs
on the reception's lanes (reception/lanes.py), which own every background thread; the events cross to the GUI
thread through a queued signal. `stop()` only signals: the lanes' one shutdown waits for the loop."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from reception_app.card.backends.base import ReaderBackend, ReaderEvent
from reception_app.reception.lanes import Lanes
from reception_app.ui.error_texts import error_text


class ReaderMonitor(QObject):
    reader_event = Signal(str, str)
    """(kind, reader name); kind is a ReaderEventKind value: card_inserted, card_removed, reader_added, ..."""
    failed = Signal(str)
    """The reader service went away (message in English; the status bar shows it)."""

    def __init__(
        self, backend: ReaderBackend, lanes: Lanes, parent: QObject | None = None, *, poll_s: float = 0.2
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._lanes = lanes
        self._poll_s = poll_s
        self._stop = threading.Event()
        self._watching = threading.Event()  # the backend's watcher is subscribed: a card placed now is reported
        self._started = False
        self._lock = threading.Lock()
        self._cards: list[str] = []  # readers with a card on them, in the order the cards came
        self._readers: list[str] = []  # readers the watcher reported as there (a window built later asks)

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self._stop.clear()
        self._lanes.submit("reader-monitor", self._run)

    def _run(self) -> None:
        try:
            watcher = self._backend.watch()
            self._watching.set()
            watcher.run(self._emit, self._stop, self._poll_s)  # returns once `_stop` is set
        except Exception as exc:  # reported in the status bar (in words: translate() is thread-safe), never a crash
            self.failed.emit(error_text(exc))

    def _emit(self, event: ReaderEvent) -> None:
        kind = str(event.kind)
        with self._lock:
            if kind in ("reader_added", "card_inserted", "card_removed") and event.reader not in self._readers:
                self._readers.append(event.reader)
            elif kind == "reader_removed" and event.reader in self._readers:
                self._readers.remove(event.reader)
            if kind == "card_inserted" and event.reader not in self._cards:
                self._cards.append(event.reader)
            elif kind in ("card_removed", "reader_removed") and event.reader in self._cards:
                self._cards.remove(event.reader)
        self.reader_event.emit(kind, event.reader)

    def readers_with_card(self) -> list[str]:
        """Readers holding a card now: a window whose check-in code came up after the card did starts from this."""
        with self._lock:
            return list(self._cards)

    def readers(self) -> list[str]:
        """Readers that are there now (reported before a window connected to `reader_event`, too)."""
        with self._lock:
            return list(self._readers)

    def wait_watching(self, timeout_s: float) -> bool:
        """True once the watcher is subscribed to the reader (False if it failed or the time ran out)."""
        return self._watching.wait(timeout_s)

    def stop(self) -> None:
        """Signals the loop to end (within one poll); the lanes' shutdown waits for it."""
        self._stop.set()
