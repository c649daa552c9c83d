"""Bridge a virtual card to pcscd's vpcd driver, so it is a real reader (`Virtual PCD 00 00`) to any PC/SC program.

vpcd is the TCP server (port 35963 for slot 0, 35964 for slot 1); the card side connects as a client. Every message
is a 2-byte big-endian length and a payload. A 1-byte payload is a control message (00 power off, 01 power on,
02 reset, 04 get ATR, answered with the ATR); anything longer is a C-APDU answered with the R-APDU.

vpcd writes its length and payload in two `send()` calls without TCP_NODELAY, so Nagle meets delayed ACK and every
APDU costs ~44 ms. TCP_QUICKACK before each receive (and TCP_NODELAY on our sends) brings it below a millisecond.

Closing the bridge closes the socket: for pcscd, the card was pulled. When pcscd restarts the socket drops; the
bridge reconnects with backoff.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from collections.abc import Callable
from typing import Protocol

from reception_app.card.virtual.errors import VirtualCardMute, VirtualCardPulled

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 35963  # vpcd slot 0 = `Virtual PCD 00 00`; slot 1 (`00 01`) is 35964
CTRL_POWER_OFF = 0x00
CTRL_POWER_ON = 0x01
CTRL_RESET = 0x02
CTRL_GET_ATR = 0x04
CONNECT_TIMEOUT_S = 1.0
BACKOFF_INITIAL_S = 0.05
BACKOFF_MAX_S = 2.0
SILENT_SLOT_WARNING_S = 5.0
SW_NO_PRECISE_DIAGNOSIS = b"\x6f\x00"
_TCP_QUICKACK = getattr(socket, "TCP_QUICKACK", None)  # Linux only


class BridgedCard(Protocol):
    """What the bridge needs from a card (VirtualMyNumberCard has it)."""

    @property
    def atr(self) -> bytes: ...

    def power_on(self) -> None: ...

    def power_off(self) -> None: ...

    def reset(self) -> None: ...

    def transmit(self, command: bytes) -> bytes: ...


class _Closed(Exception):  # the bridge's own control flow (vpcd hung up): never leaves it, not an AppError
    pass


class VpcdBridge:
    """Serves `card` to vpcd at host:port. `start()` runs it in a daemon thread; `run()` blocks the caller."""

    def __init__(
        self,
        card: BridgedCard,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        *,
        reconnect: bool = True,
        on_event: Callable[[str], None] | None = None,
        low_latency: bool = True,
    ) -> None:
        self.card = card
        self.host = host
        self.port = port
        self.reconnect = reconnect
        self.low_latency = low_latency  # False only to measure what TCP_NODELAY/TCP_QUICKACK save (benchmark)
        self._on_event = on_event
        self._stop = threading.Event()
        self._connected = threading.Event()
        self._sock: socket.socket | None = None
        self._sock_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.pulled_by_fault = False
        self.connections = 0

    # -- lifecycle --------------------------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name=f"vpcd-bridge-{self.port}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Pull the card: close the socket and end the thread."""
        self._stop.set()
        self._close_socket()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def wait_connected(self, timeout: float) -> bool:
        return self._connected.wait(timeout)

    def wait_stopped(self, timeout: float | None = None) -> bool:
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- loop -------------------------------------------------------------------------------------------------------

    def run(self) -> None:
        backoff = BACKOFF_INITIAL_S
        while not self._stop.is_set():
            sock = self._connect()
            if sock is None:
                if not self.reconnect:
                    return
                self._stop.wait(backoff)  # vpcd not there (pcscd restarting): retry with backoff
                backoff = min(backoff * 2, BACKOFF_MAX_S)
                continue
            backoff = BACKOFF_INITIAL_S
            self.connections += 1
            self._connected.set()
            self._event(f"connected to vpcd at {self.host}:{self.port}")
            try:
                self._serve(sock)
            except (_Closed, OSError):
                pass
            finally:
                self._connected.clear()
                self._close_socket()
                self.card.power_off()
            if self.pulled_by_fault:
                self._event("card pulled (fault): socket closed")
                return
            if self._stop.is_set():
                self._event("card pulled: socket closed")
                return
            self._event("vpcd closed the connection (pcscd restarted?): reconnecting")
            if not self.reconnect:
                return

    def _connect(self) -> socket.socket | None:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=CONNECT_TIMEOUT_S)
        except OSError:
            return None
        sock.settimeout(None)
        if self.low_latency:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._sock_lock:
            if self._stop.is_set():
                sock.close()
                return None
            self._sock = sock
        return sock

    def _close_socket(self) -> None:
        with self._sock_lock:
            sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _event(self, message: str) -> None:
        if self._on_event is not None:
            self._on_event(message)

    def _serve(self, sock: socket.socket) -> None:
        self._await_first_message(sock)
        while not self._stop.is_set():
            length = int.from_bytes(self._recv_exact(sock, 2, self.low_latency), "big")
            payload = self._recv_exact(sock, length, self.low_latency) if length else b""
            if len(payload) == 1:
                control = payload[0]
                if control == CTRL_POWER_OFF:
                    self.card.power_off()
                elif control == CTRL_POWER_ON:
                    self.card.power_on()
                elif control == CTRL_RESET:
                    self.card.reset()
                elif control == CTRL_GET_ATR:
                    self._send(sock, self.card.atr)
                continue
            try:
                response = self.card.transmit(payload)
            except VirtualCardPulled:
                self.pulled_by_fault = True
                self._stop.set()
                return
            except VirtualCardMute:
                continue  # a mute card answers nothing
            except Exception as exc:  # a bug in the card must not take the reader down: answer like a confused card
                self._event(f"card error {type(exc).__name__}: answered 6F00")
                response = SW_NO_PRECISE_DIAGNOSIS
            self._send(sock, response)

    def _await_first_message(self, sock: socket.socket) -> None:
        """pcscd powers a new card on at once. Silence means the connection sits in vpcd's backlog because another
        card holds this slot (vpcd serves one card per port): say so, then keep waiting."""
        readable, _, _ = select.select([sock], [], [], SILENT_SLOT_WARNING_S)
        if not readable and not self._stop.is_set():
            self._event(
                f"vpcd has not spoken for {SILENT_SLOT_WARNING_S:.0f} s: is another card already served on port "
                f"{self.port}? (slot 0 = 35963, slot 1 = 35964)"
            )

    @staticmethod
    def _recv_exact(sock: socket.socket, n: int, quickack: bool) -> bytes:
        buf = b""
        while len(buf) < n:
            if quickack and _TCP_QUICKACK is not None:
                # Re-armed before every receive: Linux turns quick-ACK mode off again on its own.
                sock.setsockopt(socket.IPPROTO_TCP, _TCP_QUICKACK, 1)
            chunk = sock.recv(n - len(buf))
            if not chunk:
                raise _Closed()
            buf += chunk
        return buf

    @staticmethod
    def _send(sock: socket.socket, payload: bytes) -> None:
        sock.sendall(len(payload).to_bytes(2, "big") + payload)  # one send: length and payload together
