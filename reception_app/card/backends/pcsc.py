"""PC/SC backend through pyscard's thin `smartcard.scard` layer: any reader pcscd (Linux, macOS) or WinSCard shows.

Each connection owns its PC/SC context and a worker thread that makes every PC/SC call, so a card that never
answers costs the caller only the APDU timeout (pcscd itself has none) and the abandoned call is cleaned up by the
worker once pcscd gives up. PC/SC error codes become the typed card errors.
"""

from __future__ import annotations

import contextlib
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from smartcard import scard

from reception_app.card.backends.base import (
    DEFAULT_APDU_TIMEOUT_S,
    BackendConnection,
    ReaderBackend,
    ReaderEvent,
    ReaderEventKind,
    ReaderInfo,
    ReaderWatcher,
)
from reception_app.card.errors import (
    CardError,
    CardRemovedError,
    CardResetError,
    CardTimeoutError,
    NoCardError,
    NoReaderError,
    PcscServiceUnavailableError,
    ReaderUnavailableError,
    TransportError,
)

T = TypeVar("T")

PNP_NOTIFICATION = "\\\\?PnP?\\Notification"  # pseudo reader whose state changes when readers come and go

SERVICE_DOWN = frozenset({scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED})
NO_READERS = frozenset({scard.SCARD_E_NO_READERS_AVAILABLE})
READER_GONE = frozenset({scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE})
CARD_GONE = frozenset({scard.SCARD_W_REMOVED_CARD, scard.SCARD_E_NO_SMARTCARD})
CARD_MUTE = frozenset({scard.SCARD_E_TIMEOUT, scard.SCARD_W_UNRESPONSIVE_CARD})


def _pcsc_text(hr: int) -> str:
    try:
        return f"{scard.SCardGetErrorMessage(hr)} (0x{hr & 0xFFFFFFFF:08X})"
    except Exception:  # a message lookup must never hide the real error
        return f"0x{hr & 0xFFFFFFFF:08X}"


def pcsc_error(hr: int, what: str, *, card_expected: bool = False) -> CardError:
    """The typed error for a PC/SC result code."""
    if hr in SERVICE_DOWN:
        return PcscServiceUnavailableError()
    if hr in NO_READERS:
        return NoReaderError()
    if hr in READER_GONE:
        return ReaderUnavailableError(f"The card reader is not available ({what}: {_pcsc_text(hr)}).")
    if hr in CARD_GONE:
        return CardRemovedError() if card_expected else NoCardError()
    if hr in CARD_MUTE:
        return CardTimeoutError(f"The card did not answer ({what}: {_pcsc_text(hr)}).")
    return TransportError(f"Communication with the card failed ({what}: {_pcsc_text(hr)}).")


def _establish() -> int:
    try:
        hr, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    except scard.error as exc:  # pyscard raises instead of returning on some platforms
        raise PcscServiceUnavailableError() from exc
    if hr != scard.SCARD_S_SUCCESS:
        raise pcsc_error(hr, "establish context")
    return int(ctx)


def _release(ctx: int) -> None:
    with contextlib.suppress(Exception):  # releasing a context of a dead pcscd must not raise out of cleanup
        scard.SCardReleaseContext(ctx)


def _list_reader_names(ctx: int) -> list[str]:
    hr, names = scard.SCardListReaders(ctx, [])
    if hr in NO_READERS:
        return []
    if hr != scard.SCARD_S_SUCCESS:
        raise pcsc_error(hr, "list readers")
    return list(names)


def _reader_states(ctx: int, names: list[str]) -> list[tuple[str, int, list[int]]]:
    if not names:
        return []
    hr, states = scard.SCardGetStatusChange(ctx, 0, [(n, scard.SCARD_STATE_UNAWARE) for n in names])
    if hr != scard.SCARD_S_SUCCESS:
        raise pcsc_error(hr, "reader status")
    return list(states)


def _card_absent(card_state: int) -> bool:
    """SCardStatus's card state: an enumeration on Windows (SCARD_ABSENT = 1), a bit mask in pcsc-lite (0x0002)."""
    if sys.platform == "win32":
        return card_state <= 1  # SCARD_UNKNOWN or SCARD_ABSENT
    return bool(card_state & 0x0002)


def _present(event_state: int) -> bool:
    return bool(event_state & scard.SCARD_STATE_PRESENT) and not event_state & scard.SCARD_STATE_MUTE


def match_reader(names: list[str], wanted: str) -> str:
    """Exact name first, else the only reader whose name contains `wanted` (case-insensitive)."""
    if wanted in names:
        return wanted
    hits = [n for n in names if wanted.lower() in n.lower()]
    if len(hits) == 1:
        return hits[0]
    listed = ", ".join(names) or "none"
    if not hits:
        raise NoReaderError(f"No card reader named {wanted!r} (readers: {listed}).")
    raise NoReaderError(f"Several card readers match {wanted!r} ({', '.join(hits)}); give the full name.")


class PcscBackend(ReaderBackend):
    def __init__(self, reader_name: str | None = None) -> None:
        self.reader_name = reader_name
        self.spec = f"pcsc:{reader_name}" if reader_name else "pcsc"

    def list_readers(self) -> list[ReaderInfo]:
        ctx = _establish()
        try:
            return [
                ReaderInfo(name, _present(state), bytes(atr) if atr and _present(state) else None)
                for name, state, atr in _reader_states(ctx, _list_reader_names(ctx))
            ]
        finally:
            _release(ctx)

    def _choose(self, reader: str | None) -> str:
        readers = self.list_readers()
        if not readers:
            raise NoReaderError()
        wanted = reader or self.reader_name
        if wanted is not None:
            return match_reader([r.name for r in readers], wanted)
        for info in readers:
            if info.card_present:
                return info.name
        raise NoCardError()

    def connect(self, reader: str | None = None) -> PcscConnection:
        return PcscConnection(self._choose(reader))

    def watch(self) -> PcscWatcher:
        return PcscWatcher(self.reader_name)


class _Worker:
    """One daemon thread making every PC/SC call of a connection; callers wait with a timeout."""

    def __init__(self, name: str) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            job()

    def call(self, fn: Callable[[], T], timeout_s: float) -> T:
        """Runs fn on the worker; raises CardTimeoutError if it has not returned within timeout_s."""
        done = threading.Event()
        box: dict[str, Any] = {}

        def job() -> None:
            try:
                box["value"] = fn()
            except BaseException as exc:  # handed back to the calling thread
                box["error"] = exc
            done.set()

        self._jobs.put(job)
        if not done.wait(timeout_s):
            raise CardTimeoutError(f"The card did not answer within {timeout_s:g} s.")
        if "error" in box:
            raise box["error"]
        value: T = box["value"]
        return value

    def submit(self, fn: Callable[[], None]) -> None:
        """Queues fn without waiting (cleanup that may block behind a stuck call)."""
        self._jobs.put(fn)

    def stop(self) -> None:
        self._jobs.put(None)


CONNECT_TIMEOUT_S = 10.0
REMOVAL_GRACE_S = 1.5  # how long a failed transmit waits for pcscd to report the card gone


class PcscConnection(BackendConnection):
    def __init__(self, reader: str) -> None:
        self.reader = reader
        self._worker = _Worker(f"pcsc:{reader}")
        self._ctx: int | None = None
        self._card: int | None = None
        self._pci: Any = None
        self._broken: CardError | None = None  # set when a call timed out: the handle is stuck in pcscd
        self._closed = False
        try:
            self.atr = self._worker.call(self._open, CONNECT_TIMEOUT_S)
        except BaseException:
            self.disconnect()
            raise

    def _open(self) -> bytes:
        self._ctx = _establish()
        hr, card, protocol = scard.SCardConnect(
            self._ctx, self.reader, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
        )
        if hr != scard.SCARD_S_SUCCESS:
            raise pcsc_error(hr, "connect")
        self._card = card
        self._pci = scard.SCARD_PCI_T0 if protocol == scard.SCARD_PROTOCOL_T0 else scard.SCARD_PCI_T1
        hr, _reader, _state, _protocol, atr = scard.SCardStatus(card)
        if hr != scard.SCARD_S_SUCCESS:
            raise pcsc_error(hr, "card status", card_expected=True)
        return bytes(atr)

    def _recover_from_reset(self) -> CardError:
        """Another program reset the card: reconnect the handle (selection and PIN status are gone on the card;
        the privacy guard forgets them too, as it does on every failed transmit) and report it."""
        assert self._card is not None
        hr, _protocol = scard.SCardReconnect(
            self._card, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
            scard.SCARD_LEAVE_CARD,
        )
        if hr != scard.SCARD_S_SUCCESS:
            return pcsc_error(hr, "reconnect after reset", card_expected=True)
        return CardResetError()

    def _transmit_on_worker(self, apdu: bytes) -> bytes:
        if self._card is None:
            raise CardRemovedError("The connection to the card was closed.")
        hr, response = scard.SCardTransmit(self._card, self._pci, list(apdu))
        if hr == scard.SCARD_W_RESET_CARD:
            raise self._recover_from_reset()
        if hr == scard.SCARD_S_SUCCESS:
            # vpcd (and some readers) report success with no bytes when the card went away mid-command.
            if len(response) < 2 and self._card_left():
                raise CardRemovedError()
            return bytes(response)
        if hr not in CARD_GONE and self._card_left():
            raise CardRemovedError()
        raise pcsc_error(hr, "transmit", card_expected=True)

    def _card_left(self) -> bool:
        """After a failed transmit: was the card pulled? pcscd may notice only a few hundred ms later, so wait
        for the reader to report empty (bounded), rather than calling a pulled card a transport failure."""
        assert self._card is not None and self._ctx is not None
        status_hr, _reader, state, _protocol, _atr = scard.SCardStatus(self._card)
        if status_hr in CARD_GONE or (status_hr == scard.SCARD_S_SUCCESS and _card_absent(state)):
            return True
        hr, states = scard.SCardGetStatusChange(self._ctx, 0, [(self.reader, scard.SCARD_STATE_UNAWARE)])
        if hr != scard.SCARD_S_SUCCESS or not states:
            return False
        current = states[0][1] & ~scard.SCARD_STATE_CHANGED
        hr, states = scard.SCardGetStatusChange(
            self._ctx, int(REMOVAL_GRACE_S * 1000), [(self.reader, current)]
        )
        return hr == scard.SCARD_S_SUCCESS and bool(states) and not _present(states[0][1])

    def _transmit(self, apdu: bytes, timeout_s: float) -> bytes:
        if self._closed:
            raise CardRemovedError("The connection to the card was closed.")
        if self._broken is not None:
            raise self._broken
        try:
            return self._worker.call(lambda: self._transmit_on_worker(apdu), timeout_s)
        except CardTimeoutError as exc:
            self._broken = CardTimeoutError("The card stopped answering; place it on the reader again.")
            raise exc

    def begin_transaction(self, timeout_s: float = DEFAULT_APDU_TIMEOUT_S) -> None:
        if self._closed:
            raise CardRemovedError("The connection to the card was closed.")
        if self._broken is not None:
            raise self._broken

        def begin() -> None:
            if self._card is None:
                raise CardRemovedError("The connection to the card was closed.")
            hr = scard.SCardBeginTransaction(self._card)
            if hr == scard.SCARD_W_RESET_CARD:
                raise self._recover_from_reset()
            if hr != scard.SCARD_S_SUCCESS:
                raise pcsc_error(hr, "begin transaction", card_expected=True)

        # Another program's transaction makes this wait; the APDU timeout bounds that wait for the caller.
        try:
            self._worker.call(begin, timeout_s)
        except BaseException as exc:
            self.guard.reset()  # e.g. a reset: the card forgot its selection, so must we
            if isinstance(exc, CardTimeoutError):
                self._broken = CardTimeoutError("Another program kept the card busy; place it on the reader again.")
            raise

    def end_transaction(self) -> None:
        def end() -> None:
            if self._card is not None:
                with contextlib.suppress(Exception):  # the card may be gone: nothing to end then
                    scard.SCardEndTransaction(self._card, scard.SCARD_LEAVE_CARD)

        if not self._closed:
            self._worker.submit(end)

    def _close(self) -> None:
        if self._card is not None:
            with contextlib.suppress(Exception):  # the card or pcscd may be gone; nothing left to release then
                scard.SCardDisconnect(self._card, scard.SCARD_LEAVE_CARD)
            self._card = None
        if self._ctx is not None:
            _release(self._ctx)
            self._ctx = None

    def disconnect(self) -> None:
        # Never blocks: if a call is stuck in pcscd, the worker closes the handle once that call returns.
        if self._closed:
            return
        self._closed = True
        self._worker.submit(self._close)
        self._worker.stop()


class PcscWatcher(ReaderWatcher):
    """Reader and card changes via SCardGetStatusChange, including readers plugged in and out (PnP)."""

    def __init__(self, reader_name: str | None = None) -> None:
        self._only = reader_name
        self._ctx: int | None = None
        self._known: dict[str, int] = {}  # reader -> last event state
        self._primed = False

    def _context(self) -> int:
        if self._ctx is None:
            self._ctx = _establish()
        return self._ctx

    def _wanted(self, names: list[str]) -> list[str]:
        if self._only is None:
            return names
        return [n for n in names if self._only.lower() in n.lower()]

    def _diff(self, states: dict[str, int]) -> list[ReaderEvent]:
        events: list[ReaderEvent] = []
        for name in self._known.keys() - states.keys():
            if _present(self._known[name]):
                events.append(ReaderEvent(ReaderEventKind.CARD_REMOVED, name))
            events.append(ReaderEvent(ReaderEventKind.READER_REMOVED, name))
        for name, state in states.items():
            old = self._known.get(name)
            if old is None:
                events.append(ReaderEvent(ReaderEventKind.READER_ADDED, name))
            was, now = old is not None and _present(old), _present(state)
            if now and not was:
                events.append(ReaderEvent(ReaderEventKind.CARD_INSERTED, name))
            elif was and not now:
                events.append(ReaderEvent(ReaderEventKind.CARD_REMOVED, name))
        self._known = states
        return events

    def _snapshot(self, ctx: int) -> dict[str, int]:
        names = self._wanted(_list_reader_names(ctx))
        return {name: state for name, state, _atr in _reader_states(ctx, names)}

    def next_events(self, timeout_s: float) -> list[ReaderEvent]:
        try:
            ctx = self._context()
            if not self._primed:
                self._primed = True
                return self._diff(self._snapshot(ctx))
            query = [(n, s & ~scard.SCARD_STATE_CHANGED) for n, s in self._known.items()]
            query.append((PNP_NOTIFICATION, len(self._known) << 16))
            deadline = time.monotonic() + timeout_s
            hr, _states = scard.SCardGetStatusChange(ctx, max(int(timeout_s * 1000), 0), query)
            if hr == scard.SCARD_E_TIMEOUT:
                return []
            if hr not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_UNKNOWN_READER):
                raise pcsc_error(hr, "watch readers")
            events = self._diff(self._snapshot(ctx))
            if not events and hr == scard.SCARD_E_UNKNOWN_READER:
                time.sleep(max(0.0, min(0.05, deadline - time.monotonic())))  # reader list in flux: back off
            return events
        except (PcscServiceUnavailableError, ReaderUnavailableError):
            # pcscd stopped or restarted: a new context next time; report the readers as gone now.
            self.close()
            events = self._diff({})
            if not events:
                time.sleep(timeout_s)  # nothing to wait on until the service is back: poll at the caller's pace
            return events

    def close(self) -> None:
        if self._ctx is not None:
            _release(self._ctx)
            self._ctx = None
