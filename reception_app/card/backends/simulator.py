"""In-process virtual readers holding virtual My Number Cards: code, the CLI and the QA panel insert and remove them.

It behaves like a PC/SC reader seen through our interface: a pulled card empties the reader and its connection
raises CardRemovedError; a mute card raises CardTimeoutError after the APDU timeout; a removed reader raises
ReaderUnavailableError.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reception_app.card.backends.base import (
    BackendConnection,
    ReaderBackend,
    ReaderEvent,
    ReaderEventKind,
    ReaderInfo,
    ReaderWatcher,
)
from reception_app.card.errors import (
    CardRemovedError,
    CardTimeoutError,
    NoCardError,
    NoReaderError,
    ReaderUnavailableError,
)
from reception_app.card.virtual.errors import VirtualCardMute, VirtualCardPulled

if TYPE_CHECKING:  # the card itself loads on the first insert (start-up time: docs/performance.md, "Cold start")
    from reception_app.card.virtual import CardProfile, VirtualMyNumberCard

DEFAULT_SIMULATOR_READER = "Simulator Reader 0"


@dataclass
class _Slot:
    name: str
    card: VirtualMyNumberCard | None = None
    generation: int = 0  # bumped on every insert and removal, so stale connections notice
    changed: threading.Event = field(default_factory=threading.Event)


class SimulatorBackend(ReaderBackend):
    spec = "simulator"

    def __init__(self, readers: tuple[str, ...] = (DEFAULT_SIMULATOR_READER,)) -> None:
        self._lock = threading.RLock()
        self._slots: dict[str, _Slot] = {name: _Slot(name) for name in readers}
        self._watchers: list[queue.SimpleQueue[ReaderEvent]] = []

    # --- what the CLI, tests and QA panel drive ----------------------------------------------------------------

    def _emit(self, kind: ReaderEventKind, reader: str) -> None:
        for q in self._watchers:
            q.put(ReaderEvent(kind, reader))

    def _slot(self, reader: str | None) -> _Slot:
        with self._lock:
            if reader is None:
                if not self._slots:
                    raise NoReaderError("The simulator has no reader.")
                return next(iter(self._slots.values()))
            try:
                return self._slots[reader]
            except KeyError:
                raise NoReaderError(f"No simulator reader named {reader!r}.") from None

    def add_reader(self, name: str) -> None:
        with self._lock:
            if name in self._slots:
                return
            self._slots[name] = _Slot(name)
            self._emit(ReaderEventKind.READER_ADDED, name)

    def remove_reader(self, name: str) -> None:
        """The reader disappears (unplugged): its connections fail with ReaderUnavailableError."""
        with self._lock:
            slot = self._slots.pop(name, None)
            if slot is None:
                return
            if slot.card is not None:
                slot.card = None
                self._emit(ReaderEventKind.CARD_REMOVED, name)
            slot.generation += 1
            slot.changed.set()
            self._emit(ReaderEventKind.READER_REMOVED, name)

    def insert(self, card: VirtualMyNumberCard | CardProfile | str, reader: str | None = None) -> VirtualMyNumberCard:
        """Places a card (or a new card made from a profile or profile id) on the reader, replacing any card there."""
        from reception_app.card.virtual import CardProfile, VirtualMyNumberCard, load_profile

        if isinstance(card, str):
            card = load_profile(card)
        if isinstance(card, CardProfile):
            card = VirtualMyNumberCard(card)
        with self._lock:
            slot = self._slot(reader)
            if slot.card is not None:
                self.remove(slot.name)
            card.power_on()
            slot.card = card
            slot.generation += 1
            slot.changed.clear()
            self._emit(ReaderEventKind.CARD_INSERTED, slot.name)
            return card

    def remove(self, reader: str | None = None) -> VirtualMyNumberCard | None:
        """Takes the card off the reader; returns it (None if the reader was empty)."""
        with self._lock:
            slot = self._slot(reader)
            card, slot.card = slot.card, None
            if card is not None:
                slot.generation += 1
                slot.changed.set()  # wakes a connection waiting on a mute card
                self._emit(ReaderEventKind.CARD_REMOVED, slot.name)
            return card

    def card_in(self, reader: str | None = None) -> VirtualMyNumberCard | None:
        return self._slot(reader).card

    # --- ReaderBackend -----------------------------------------------------------------------------------------

    def list_readers(self) -> list[ReaderInfo]:
        with self._lock:
            return [
                ReaderInfo(s.name, s.card is not None, s.card.atr if s.card is not None else None)
                for s in self._slots.values()
            ]

    def connect(self, reader: str | None = None) -> SimulatorConnection:
        with self._lock:
            if reader is None:
                if not self._slots:
                    raise NoReaderError("The simulator has no reader.")
                slot = next((s for s in self._slots.values() if s.card is not None), None)
                if slot is None:
                    raise NoCardError()
            else:
                slot = self._slot(reader)
                if slot.card is None:
                    raise NoCardError(f"There is no card on the reader {reader!r}.")
            assert slot.card is not None
            return SimulatorConnection(self, slot, slot.card, slot.generation)

    def watch(self) -> SimulatorWatcher:
        with self._lock:
            q: queue.SimpleQueue[ReaderEvent] = queue.SimpleQueue()
            for slot in self._slots.values():
                q.put(ReaderEvent(ReaderEventKind.READER_ADDED, slot.name))
                if slot.card is not None:
                    q.put(ReaderEvent(ReaderEventKind.CARD_INSERTED, slot.name))
            self._watchers.append(q)
            return SimulatorWatcher(self, q)

    def _unwatch(self, q: queue.SimpleQueue[ReaderEvent]) -> None:
        with self._lock:
            if q in self._watchers:
                self._watchers.remove(q)


class SimulatorConnection(BackendConnection):
    def __init__(self, backend: SimulatorBackend, slot: _Slot, card: VirtualMyNumberCard, generation: int) -> None:
        self._backend = backend
        self._slot = slot
        self._card = card
        self._generation = generation
        self._closed = False
        self.reader = slot.name
        self.atr = card.atr

    def _check_present(self) -> None:
        with self._backend._lock:
            if self._closed:
                raise CardRemovedError("The connection to the card was closed.")
            if self._backend._slots.get(self._slot.name) is not self._slot:
                raise ReaderUnavailableError(f"The reader {self._slot.name!r} was disconnected.")
            if self._slot.card is not self._card or self._slot.generation != self._generation:
                raise CardRemovedError()

    def _transmit(self, apdu: bytes, timeout_s: float) -> bytes:
        self._check_present()
        if self._card.faults.latency_ms / 1000 >= timeout_s:
            return self._wait_out(timeout_s)
        try:
            return self._card.transmit(apdu)
        except VirtualCardPulled:
            with self._backend._lock:
                if self._slot.card is self._card:
                    self._backend.remove(self._slot.name)
            raise CardRemovedError() from None
        except VirtualCardMute:
            return self._wait_out(timeout_s)

    def _wait_out(self, timeout_s: float) -> bytes:
        """A card that does not answer: wait like a reader would, unless the card or reader goes first."""
        self._slot.changed.wait(timeout_s)
        self._check_present()
        raise CardTimeoutError(f"The card did not answer within {timeout_s:g} s.")

    def disconnect(self) -> None:
        self._closed = True


class SimulatorWatcher(ReaderWatcher):
    def __init__(self, backend: SimulatorBackend, q: queue.SimpleQueue[ReaderEvent]) -> None:
        self._backend = backend
        self._queue = q

    def next_events(self, timeout_s: float) -> list[ReaderEvent]:
        events: list[ReaderEvent] = []
        try:
            events.append(self._queue.get(timeout=max(timeout_s, 0.0)))
        except queue.Empty:
            return events
        while True:
            try:
                events.append(self._queue.get_nowait())
            except queue.Empty:
                return events

    def close(self) -> None:
        self._backend._unwatch(self._queue)
