"""CardConnection: the one path the app's sessions take to a card, on any backend.

It follows 61xx with GET RESPONSE and 6Cxx with a resend, and passes the per-APDU timeout to the backend. The
privacy guard sits one level lower, in every backend connection's transmit (backends/base.py), so that no APDU can
reach the individual number even from code that bypasses this class. Logs carry headers and status words only,
never data (PINs live there).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from reception_app.card.apdu import CommandApdu, ResponseApdu, get_response
from reception_app.card.backends.base import DEFAULT_APDU_TIMEOUT_S, BackendConnection
from reception_app.card.constants import Aid
from reception_app.card.errors import MalformedResponseError
from reception_app.card.privacy import PrivacyGuard

log = logging.getLogger(__name__)

# A sane card never chains more than a few GET RESPONSEs for a short APDU; a faulty one must not loop us forever.
MAX_GET_RESPONSE = 16


class CardConnection:
    def __init__(self, backend_connection: BackendConnection, timeout_s: float = DEFAULT_APDU_TIMEOUT_S) -> None:
        self._conn = backend_connection
        self.timeout_s = timeout_s
        self._transaction_depth = 0
        #: APDUs actually sent to the card (including GET RESPONSE and resends): for benchmarks and tests
        self.apdus_sent = 0

    @property
    def reader(self) -> str:
        return self._conn.reader

    @property
    def atr(self) -> bytes:
        return self._conn.atr

    @property
    def guard(self) -> PrivacyGuard:
        return self._conn.guard

    @property
    def selected_ap(self) -> Aid | None:
        return self.guard.selected_ap

    def _exchange(self, cmd: CommandApdu) -> ResponseApdu:
        raw = self._conn.transmit(cmd.encode(), self.timeout_s)
        self.apdus_sent += 1
        resp = ResponseApdu.decode(raw)
        log.debug("APDU %s -> %04X (%d bytes)", cmd.header(), resp.sw_int, len(resp.data))
        return resp

    def transmit(self, cmd: CommandApdu) -> ResponseApdu:
        """Sends `cmd` (the backend applies the privacy guard first) and returns the complete response."""
        self.guard.check(cmd)  # refuse before any encoding or I/O; the backend checks again, as the last word
        resp = self._exchange(cmd)
        if resp.wrong_le:
            resp = self._exchange(cmd.with_le(resp.sw2 or 256))
        data = bytearray(resp.data)
        chained = 0
        while resp.more_data:
            chained += 1
            if chained > MAX_GET_RESPONSE:
                raise MalformedResponseError("the card kept announcing more data (61xx) without end")
            resp = self._exchange(get_response(resp.sw2 or 256))
            data += resp.data
        return ResponseApdu(bytes(data), resp.sw1, resp.sw2) if chained else resp

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A multi-APDU operation no other program may interleave with (it could change the selected AP under us).
        Re-entrant: nested operations share the outer transaction."""
        if self._transaction_depth == 0:
            self._conn.begin_transaction(self.timeout_s)
        self._transaction_depth += 1
        try:
            yield
        finally:
            self._transaction_depth -= 1
            if self._transaction_depth == 0:
                self._conn.end_transaction()

    def disconnect(self) -> None:
        self.guard.reset()
        self._conn.disconnect()

    def __enter__(self) -> CardConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.disconnect()
