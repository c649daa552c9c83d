"""The vpcd bridge against a loopback TCP server that speaks vpcd's protocol (what pcscd's vpcd driver does)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from reception_app.card.constants import DEFAULT_ATR
from reception_app.card.virtual import VirtualMyNumberCard, load_profile
from reception_app.card.vpcd import VpcdBridge

DEADLINE_S = 5.0


class FakeVpcd:
    """The server side of vpcd: accepts the card, sends length-prefixed messages, reads length-prefixed answers."""

    def __init__(self, port: int = 0) -> None:
        self.server = socket.create_server(("127.0.0.1", port))
        self.port = self.server.getsockname()[1]
        self.server.settimeout(DEADLINE_S)
        self.conn: socket.socket | None = None

    def accept(self) -> None:
        self.conn, _ = self.server.accept()
        self.conn.settimeout(DEADLINE_S)

    def send(self, payload: bytes) -> None:
        assert self.conn is not None
        self.conn.sendall(len(payload).to_bytes(2, "big"))  # vpcd's two separate sends
        self.conn.sendall(payload)

    def recv(self) -> bytes:
        assert self.conn is not None
        head = self._exact(2)
        return self._exact(int.from_bytes(head, "big"))

    def _exact(self, n: int) -> bytes:
        assert self.conn is not None
        buf = b""
        while len(buf) < n:
            chunk = self.conn.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("card closed the socket")
            buf += chunk
        return buf

    def peer_closed(self) -> bool:
        assert self.conn is not None
        self.conn.settimeout(DEADLINE_S)
        try:
            return self.conn.recv(1) == b""
        except ConnectionResetError:
            return True

    def close(self) -> None:
        self.server.close()  # stop listening first, so a quick reconnect cannot land in this server's backlog
        if self.conn is not None:
            self.conn.close()


@pytest.fixture()
def vpcd() -> Iterator[FakeVpcd]:
    server = FakeVpcd()
    yield server
    server.close()


@pytest.fixture()
def card() -> VirtualMyNumberCard:
    return VirtualMyNumberCard(load_profile("adult-seishin-21"))


def test_control_messages_and_apdus(vpcd: FakeVpcd, card: VirtualMyNumberCard) -> None:
    bridge = VpcdBridge(card, "127.0.0.1", vpcd.port)
    bridge.start()
    try:
        vpcd.accept()
        assert bridge.wait_connected(DEADLINE_S)
        vpcd.send(b"\x01")  # power on: no answer
        vpcd.send(b"\x04")
        assert vpcd.recv() == DEFAULT_ATR
        vpcd.send(bytes.fromhex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"))
        assert vpcd.recv() == b"\x90\x00"
        assert card.selected_ap == "jpki"
        vpcd.send(b"\x02")  # reset: selection cleared
        vpcd.send(b"\x04")
        assert vpcd.recv() == DEFAULT_ATR
        assert card.selected_ap is None
    finally:
        bridge.stop()
    assert vpcd.peer_closed()  # stopping the bridge pulls the card
    assert not bridge.is_running()


def test_sockets_options(vpcd: FakeVpcd, card: VirtualMyNumberCard) -> None:
    bridge = VpcdBridge(card, "127.0.0.1", vpcd.port)
    bridge.start()
    try:
        vpcd.accept()
        assert bridge.wait_connected(DEADLINE_S)
        sock = bridge._sock
        assert sock is not None
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        bridge.stop()


def test_reconnects_when_vpcd_restarts(card: VirtualMyNumberCard) -> None:
    first = FakeVpcd()
    port = first.port
    bridge = VpcdBridge(card, "127.0.0.1", port)
    bridge.start()
    try:
        first.accept()
        assert bridge.wait_connected(DEADLINE_S)
        first.close()  # pcscd stops: the socket drops and nobody listens for a while
        deadline = time.monotonic() + DEADLINE_S
        while bridge.connected and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not bridge.connected
        second = FakeVpcd(port)  # pcscd is back on the same port
        try:
            second.accept()
            assert bridge.wait_connected(DEADLINE_S)
            second.send(b"\x04")
            assert second.recv() == DEFAULT_ATR
            assert bridge.connections >= 2  # the first session and at least this one
        finally:
            second.close()
    finally:
        bridge.stop()


def test_pull_fault_closes_the_socket_and_ends_the_bridge(vpcd: FakeVpcd, card: VirtualMyNumberCard) -> None:
    card.faults.pull_after_apdus = 1
    bridge = VpcdBridge(card, "127.0.0.1", vpcd.port)
    bridge.start()
    try:
        vpcd.accept()
        vpcd.send(bytes.fromhex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"))
        assert vpcd.recv() == b"\x90\x00"
        vpcd.send(bytes.fromhex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"))
        assert vpcd.peer_closed()
        assert bridge.wait_stopped(DEADLINE_S)
        assert bridge.pulled_by_fault
    finally:
        bridge.stop()


def test_mute_card_sends_nothing(vpcd: FakeVpcd, card: VirtualMyNumberCard) -> None:
    bridge = VpcdBridge(card, "127.0.0.1", vpcd.port)
    bridge.start()
    try:
        vpcd.accept()
        card.faults.mute = True
        vpcd.send(bytes.fromhex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"))
        assert vpcd.conn is not None
        vpcd.conn.settimeout(0.3)
        with pytest.raises(TimeoutError):
            vpcd.recv()
        card.faults.mute = False
        vpcd.conn.settimeout(DEADLINE_S)
        vpcd.send(b"\x04")  # the card is still connected and answers again
        assert vpcd.recv() == DEFAULT_ATR
    finally:
        bridge.stop()


def test_stop_while_nobody_listens_returns_promptly(card: VirtualMyNumberCard) -> None:
    with socket.create_server(("127.0.0.1", 0)) as tmp:
        free_port = tmp.getsockname()[1]
    bridge = VpcdBridge(card, "127.0.0.1", free_port)
    bridge.start()
    start = time.monotonic()
    bridge.stop()
    assert not bridge.is_running()
    assert time.monotonic() - start < 3.0


def test_bridge_is_usable_from_a_thread_next_to_other_work(vpcd: FakeVpcd, card: VirtualMyNumberCard) -> None:
    bridge = VpcdBridge(card, "127.0.0.1", vpcd.port)
    bridge.start()
    results: list[bytes] = []
    try:
        vpcd.accept()

        def talk() -> None:
            for _ in range(50):
                vpcd.send(bytes.fromhex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"))
                results.append(vpcd.recv())

        worker = threading.Thread(target=talk)
        worker.start()
        worker.join(DEADLINE_S)
        assert results == [b"\x90\x00"] * 50
        assert len(card.trace) == 50
    finally:
        bridge.stop()


def test_a_card_error_is_answered_6f00_and_the_bridge_keeps_serving(vpcd: FakeVpcd) -> None:
    class BrokenCard(VirtualMyNumberCard):
        def transmit(self, command: bytes) -> bytes:
            if command[1] == 0xCA:
                raise RuntimeError("bug")
            return super().transmit(command)

    card = BrokenCard(load_profile("adult-seishin-21"))
    events: list[str] = []
    bridge = VpcdBridge(card, "127.0.0.1", vpcd.port, on_event=events.append)
    bridge.start()
    try:
        vpcd.accept()
        vpcd.send(bytes.fromhex("00 CA 01 00 00"))
        assert vpcd.recv() == b"\x6f\x00"
        vpcd.send(bytes.fromhex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"))
        assert vpcd.recv() == b"\x90\x00"
        assert any("RuntimeError" in e for e in events)
    finally:
        bridge.stop()


def test_a_silent_vpcd_is_reported_as_an_occupied_slot(
    vpcd: FakeVpcd, card: VirtualMyNumberCard, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reception_app.card.vpcd as vpcd_module

    monkeypatch.setattr(vpcd_module, "SILENT_SLOT_WARNING_S", 0.2)
    events: list[str] = []
    bridge = VpcdBridge(card, "127.0.0.1", vpcd.port, on_event=events.append)
    bridge.start()
    try:
        vpcd.accept()  # accepted, but never speaks: like a connection queued behind another card
        deadline = time.monotonic() + DEADLINE_S
        while not any("another card" in e for e in events) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert any("another card" in e for e in events)
        vpcd.send(b"\x04")  # it still serves once vpcd talks
        assert vpcd.recv() == DEFAULT_ATR
    finally:
        bridge.stop()
