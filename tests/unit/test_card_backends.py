"""Backends: the simulator's readers and events, `open_backend` specs, PC/SC error mapping and reader choice."""

from __future__ import annotations

import threading
import time

import pytest
from smartcard import scard

from reception_app.card.backends import ReaderEvent, ReaderEventKind, open_backend
from reception_app.card.backends.pcsc import PcscBackend, match_reader, pcsc_error
from reception_app.card.backends.simulator import DEFAULT_SIMULATOR_READER, SimulatorBackend
from reception_app.card.errors import (
    CardRemovedError,
    CardTimeoutError,
    NoCardError,
    NoReaderError,
    PcscServiceUnavailableError,
    ReaderUnavailableError,
    TransportError,
)

SELECT_JPKI = bytes.fromhex("00A4040C0AD392F000260100000001")


def test_open_backend_specs() -> None:
    assert isinstance(open_backend("simulator"), SimulatorBackend)
    pcsc = open_backend("pcsc:Virtual PCD 00 01")
    assert isinstance(pcsc, PcscBackend) and pcsc.reader_name == "Virtual PCD 00 01"
    assert isinstance(open_backend("pcsc"), PcscBackend) and open_backend("PCSC").spec == "pcsc"
    for bad in ("usb", "simulator:x", ""):
        with pytest.raises(ValueError, match="use 'pcsc'"):
            open_backend(bad)


def test_simulator_insert_remove_and_events() -> None:
    backend = SimulatorBackend()
    watcher = backend.watch()
    assert watcher.next_events(0) == [ReaderEvent(ReaderEventKind.READER_ADDED, DEFAULT_SIMULATOR_READER)]
    with pytest.raises(NoCardError):
        backend.connect()
    card = backend.insert("adult-seishin-21")
    assert backend.list_readers()[0].card_present and backend.list_readers()[0].atr == card.atr
    assert watcher.next_events(1) == [ReaderEvent(ReaderEventKind.CARD_INSERTED, DEFAULT_SIMULATOR_READER)]
    conn = backend.connect()
    assert conn.transmit(SELECT_JPKI)[-2:] == b"\x90\x00"
    assert backend.remove() is card
    with pytest.raises(CardRemovedError):
        conn.transmit(SELECT_JPKI)
    assert watcher.next_events(1) == [ReaderEvent(ReaderEventKind.CARD_REMOVED, DEFAULT_SIMULATOR_READER)]
    assert watcher.next_events(0.01) == []
    watcher.close()


def test_watcher_runs_a_callback_on_the_callers_thread() -> None:
    backend = SimulatorBackend()
    seen: list[ReaderEvent] = []
    got_insert = threading.Event()

    def on_event(event: ReaderEvent) -> None:
        seen.append(event)
        if event.kind is ReaderEventKind.CARD_INSERTED:
            got_insert.set()

    stop = threading.Event()
    thread = threading.Thread(target=backend.watch().run, args=(on_event, stop, 0.05))
    thread.start()
    backend.insert("android-token")
    assert got_insert.wait(5)
    stop.set()
    thread.join(5)
    assert not thread.is_alive() and seen[-1].kind is ReaderEventKind.CARD_INSERTED


def test_reinserted_card_invalidates_old_connections() -> None:
    backend = SimulatorBackend()
    card = backend.insert("adult-seishin-21")
    old = backend.connect()
    backend.remove()
    backend.insert(card)
    with pytest.raises(CardRemovedError):
        old.transmit(SELECT_JPKI)
    assert backend.connect().transmit(SELECT_JPKI)[-2:] == b"\x90\x00"


def test_pulled_card_empties_the_reader() -> None:
    backend = SimulatorBackend()
    card = backend.insert("adult-seishin-21")
    card.faults.pull_after_apdus = 1
    conn = backend.connect()
    conn.transmit(SELECT_JPKI)
    with pytest.raises(CardRemovedError):
        conn.transmit(SELECT_JPKI)
    assert backend.card_in() is None and not backend.list_readers()[0].card_present


@pytest.mark.timeout(10)
def test_mute_card_times_out_and_the_reader_stays_usable() -> None:
    backend = SimulatorBackend()
    backend.insert("adult-seishin-21").faults.mute = True
    conn = backend.connect()
    start = time.monotonic()
    with pytest.raises(CardTimeoutError):
        conn.transmit(SELECT_JPKI, timeout_s=0.3)
    assert 0.25 <= time.monotonic() - start < 3
    backend.insert("adult-seishin-21")
    assert backend.connect().transmit(SELECT_JPKI)[-2:] == b"\x90\x00"


@pytest.mark.timeout(10)
def test_removing_a_mute_card_ends_the_wait_at_once() -> None:
    backend = SimulatorBackend()
    backend.insert("adult-seishin-21").faults.mute = True
    conn = backend.connect()
    threading.Timer(0.2, backend.remove).start()
    start = time.monotonic()
    with pytest.raises(CardRemovedError):
        conn.transmit(SELECT_JPKI, timeout_s=30)
    assert time.monotonic() - start < 5


def test_removed_reader_is_reader_unavailable() -> None:
    backend = SimulatorBackend(readers=("A", "B"))
    backend.insert("adult-seishin-21", reader="B")
    conn = backend.connect()
    assert conn.reader == "B"  # the first reader with a card
    backend.remove_reader("B")
    with pytest.raises(ReaderUnavailableError):
        conn.transmit(SELECT_JPKI)
    with pytest.raises(NoReaderError):
        backend.connect("B")


def test_pcsc_result_codes_become_typed_errors() -> None:
    assert isinstance(pcsc_error(scard.SCARD_E_NO_SERVICE, "x"), PcscServiceUnavailableError)
    assert isinstance(pcsc_error(scard.SCARD_E_NO_SMARTCARD, "x"), NoCardError)
    assert isinstance(pcsc_error(scard.SCARD_W_REMOVED_CARD, "x", card_expected=True), CardRemovedError)
    assert isinstance(pcsc_error(scard.SCARD_E_READER_UNAVAILABLE, "x"), ReaderUnavailableError)
    assert isinstance(pcsc_error(scard.SCARD_E_NO_READERS_AVAILABLE, "x"), NoReaderError)
    assert isinstance(pcsc_error(scard.SCARD_E_TIMEOUT, "x"), CardTimeoutError)
    other = pcsc_error(scard.SCARD_E_NOT_TRANSACTED, "transmit")
    assert type(other) is TransportError and "0x80100016" in str(other)
    assert pcsc_error(0x8010001D, "x").code == "pcsc_service_unavailable"


def test_reader_choice_by_name() -> None:
    names = ["Virtual PCD 00 00", "Virtual PCD 00 01", "SONY FeliCa RC-S380"]
    assert match_reader(names, "Virtual PCD 00 01") == "Virtual PCD 00 01"
    assert match_reader(names, "felica") == "SONY FeliCa RC-S380"
    with pytest.raises(NoReaderError, match="Several"):
        match_reader(names, "Virtual PCD")
    with pytest.raises(NoReaderError, match="No card reader named"):
        match_reader(names, "ACR122")


@pytest.mark.timeout(10)
def test_slow_card_beyond_the_timeout_is_a_timeout() -> None:
    backend = SimulatorBackend()
    backend.insert("adult-seishin-21").faults.latency_ms = 2000
    start = time.monotonic()
    with pytest.raises(CardTimeoutError):
        backend.connect().transmit(SELECT_JPKI, timeout_s=0.2)
    assert time.monotonic() - start < 1.5
