"""Watches the card reader on its own thread and reports insertions and removals as Qt signals.

The backend's watcher blocks (PC/SC's GetStatusChange, or the simulator's queue), so it runs on a plain Python
thread; the events cross to the GUI thread through a queued signal."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from reception_app.card.backends.base import ReaderBackend, ReaderEvent
from reception_app.ui.error_texts import error_text


class ReaderMonitor(QObject):
    reader_event = Signal(str, str)
    """(kind, reader name); kind is a ReaderEventKind value: card_inserted, card_removed, reader_added, ..."""
    failed = Signal(str)
    """The reader service went away (message in English; the status bar shows it)."""

    def __init__(self, backend: ReaderBackend, parent: QObject | None = None, *, poll_s: float = 0.2) -> None:
        super().__init__(parent)
        self._backend = backend
        self._poll_s = poll_s
        self._stop = threading.Event()
        self._watching = threading.Event()  # the backend's watcher is subscribed: a card placed now is reported
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._cards: list[str] = []  # readers with a card on them, in the order the cards came

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="reader-monitor", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            watcher = self._backend.watch()
            self._watching.set()
            watcher.run(self._emit, self._stop, self._poll_s)
        except Exception as exc:  # reported in the status bar (in words: translate() is thread-safe), never a crash
            self.failed.emit(error_text(exc))

    def _emit(self, event: ReaderEvent) -> None:
        kind = str(event.kind)
        with self._lock:
            if kind == "card_inserted" and event.reader not in self._cards:
                self._cards.append(event.reader)
            elif kind in ("card_removed", "reader_removed") and event.reader in self._cards:
                self._cards.remove(event.reader)
        self.reader_event.emit(kind, event.reader)

    def readers_with_card(self) -> list[str]:
        """Readers holding a card now: a window whose check-in code came up after the card did starts from this."""
        with self._lock:
            return list(self._cards)

    def wait_watching(self, timeout_s: float) -> bool:
        """True once the watcher is subscribed to the reader (False if it failed or the time ran out)."""
        return self._watching.wait(timeout_s)

    def stop(self, timeout_s: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None
