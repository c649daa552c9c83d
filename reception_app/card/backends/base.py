"""The one interface every reader backend implements (PC/SC through pyscard, the in-process simulator).

No Qt: event watching is a blocking call with a timeout that the caller runs on its own thread (the UI wraps it in a
QThread; the CLI calls it directly). Nothing above this layer knows which backend it talks to.
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from reception_app.card.apdu import CommandApdu
from reception_app.card.constants import SW1_MORE_DATA
from reception_app.card.errors import PrivacyGuardError
from reception_app.card.privacy import PrivacyGuard
from reception_app.config import DEFAULTS

DEFAULT_APDU_TIMEOUT_S = DEFAULTS.card_apdu_timeout_s  # declared with the options (reception_app/config)


class ReaderEventKind(StrEnum):
    READER_ADDED = "reader_added"
    READER_REMOVED = "reader_removed"
    CARD_INSERTED = "card_inserted"
    CARD_REMOVED = "card_removed"


@dataclass(frozen=True)
class ReaderEvent:
    kind: ReaderEventKind
    reader: str


@dataclass(frozen=True)
class ReaderInfo:
    name: str
    card_present: bool
    atr: bytes | None = None


class BackendConnection(ABC):
    """A connection to the card in one reader. Raw bytes in, raw bytes out; errors are the typed card errors.

    The privacy guard lives here, at the lowest layer every APDU of the app passes through (also code that uses a
    backend connection directly, without a CardConnection): backends implement `_transmit`, never `transmit`.
    """

    reader: str
    atr: bytes

    @property
    def guard(self) -> PrivacyGuard:
        # Created on first use, so backends need not call a base __init__.
        guard: PrivacyGuard | None = self.__dict__.get("_privacy_guard")
        if guard is None:
            guard = self.__dict__["_privacy_guard"] = PrivacyGuard()
        return guard

    def transmit(self, apdu: bytes, timeout_s: float = DEFAULT_APDU_TIMEOUT_S) -> bytes:
        """Sends one command APDU and returns the response APDU (data + SW1 SW2).

        Raises PrivacyGuardError (nothing sent) for an APDU that could reach the individual number, and
        CardRemovedError, CardTimeoutError (no answer within timeout_s), ReaderUnavailableError or TransportError.
        """
        try:
            cmd = CommandApdu.decode(apdu)
        except ValueError as exc:
            raise PrivacyGuardError(f"a command the guard cannot parse ({exc})") from None
        self.guard.check(cmd)
        try:
            raw = self._transmit(apdu, timeout_s)
        except BaseException:
            self.guard.reset()  # we do not know what the card did with a command whose answer we lost
            raise
        # 61xx is success with more data to fetch; anything else but 9000 leaves the selection unknown to us.
        self.guard.observe(cmd, len(raw) >= 2 and (raw[-2:] == b"\x90\x00" or raw[-2] == SW1_MORE_DATA))
        return raw

    @abstractmethod
    def _transmit(self, apdu: bytes, timeout_s: float) -> bytes:
        """The backend's exchange of one APDU; see transmit()."""

    def begin_transaction(self, timeout_s: float = DEFAULT_APDU_TIMEOUT_S) -> None:  # noqa: B027 - optional
        """Keeps other programs off the card until end_transaction (PC/SC shares cards). Default: nothing to do."""

    def end_transaction(self) -> None:  # noqa: B027 - optional hook
        """Ends begin_transaction; never raises."""

    @abstractmethod
    def disconnect(self) -> None:
        """Releases the card; never raises and never blocks for long."""

    def __enter__(self) -> BackendConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.disconnect()


class ReaderWatcher(ABC):
    """Reports reader and card changes since the previous call. Use from one thread."""

    @abstractmethod
    def next_events(self, timeout_s: float) -> list[ReaderEvent]:
        """Blocks up to timeout_s for changes; returns them (an empty list on timeout)."""

    @abstractmethod
    def close(self) -> None: ...

    def iter_events(self, stop: threading.Event, poll_s: float = 0.5) -> Iterator[ReaderEvent]:
        """Yields events until `stop` is set (checked every poll_s)."""
        while not stop.is_set():
            yield from self.next_events(poll_s)

    def run(self, callback: Callable[[ReaderEvent], None], stop: threading.Event, poll_s: float = 0.5) -> None:
        """Calls callback for every event until `stop` is set: the body of the caller's watcher thread."""
        try:
            for event in self.iter_events(stop, poll_s):
                callback(event)
        finally:
            self.close()


class ReaderBackend(ABC):
    #: the `--reader` spec that selects this backend, e.g. "pcsc" or "simulator"
    spec: str

    @abstractmethod
    def list_readers(self) -> list[ReaderInfo]:
        """All readers with whether a card is present. Raises ReaderUnavailableError if the service is down."""

    @abstractmethod
    def connect(self, reader: str | None = None) -> BackendConnection:
        """Connects to the card in `reader`, or in the backend's chosen reader, or in the first reader with a card.

        Raises NoReaderError, NoCardError, ReaderUnavailableError.
        """

    @abstractmethod
    def watch(self) -> ReaderWatcher:
        """A watcher whose first next_events() reports the readers and cards present now."""

    def close(self) -> None:  # noqa: B027 - optional hook: most backends hold nothing between calls
        """Frees backend resources; the default has none."""

    def wait_for_card(self, timeout_s: float, reader: str | None = None) -> ReaderInfo | None:
        """Blocks until a card is present (in `reader` if given); None when timeout_s passes first."""
        deadline = time.monotonic() + timeout_s
        watcher = self.watch()
        try:
            while True:
                for info in self.list_readers():
                    if info.card_present and (reader is None or info.name == reader):
                        return info
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                watcher.next_events(min(remaining, 0.5))
        finally:
            watcher.close()
