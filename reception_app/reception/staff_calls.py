"""「職員を呼ぶ」: a patient at a kiosk asks for a member of staff, and the desk shows it until it is dealt with.

The kiosk and the desk are separate programs (often separate computers) that share the reception database, so a
call travels through it, as audit records (every call and its end is in the audit log anyway): the kiosk writes
`kiosk.staff_call` and, once the patient no longer waits, `kiosk.staff_call_end`; the desk reads the records that
came since it last looked (`open_calls`, a few times a minute, on a lane) and shows the calls still open. The
patient's check-in is not touched: the kiosk keeps the patient's place while the staff come.

No personal data in a call: the kiosk's name and the step the patient was at (a code from `STEPS`).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store loads with the services
    from reception_app.store.base import AuditRecord, Store

CALL = "kiosk.staff_call"
CALL_END = "kiosk.staff_call_end"
# The steps a patient can call from (the kiosk's screens), for the desk's words.
STEPS = frozenset({"consent", "pin", "last_try", "pin_blocked", "face", "checking", "card_back", "ask_staff"})
# How the call ended: the kiosk's check-in ended (each way), or a member of staff answered it at the desk.
OUTCOMES = frozenset({"checked_in", "cancelled", "timed_out", "ended", "answered"})
OPEN_FOR = dt.timedelta(minutes=15)  # an older call is no longer shown (the kiosk has long wiped its screen)
LOOK_BACK = 500  # records read back at the desk's first look: calls made just before it started are shown too
PAGE = 1000


@dataclass(frozen=True)
class StaffCall:
    kiosk: str
    called_at: dt.datetime  # aware
    step: str  # one of STEPS


class StaffCalls:
    """`call` and `end` for the kiosk, `open_calls` and `answer` for the desk. Every method may block (the store)."""

    def __init__(self, store: Store, clock: Callable[[], dt.datetime]) -> None:
        self._store = store
        self._clock = clock
        self._lock = threading.Lock()
        self._cursor: int | None = None  # the newest audit id read so far
        self._open: dict[str, StaffCall] = {}  # kiosk name -> its open call

    def call(self, kiosk: str, step: str) -> None:
        self._store.audit(f"kiosk:{kiosk}", CALL, None, {"kiosk": kiosk, "step": step if step in STEPS else ""})

    def end(self, kiosk: str, outcome: str, *, actor: str | None = None) -> None:
        self._store.audit(actor or f"kiosk:{kiosk}", CALL_END, None,
                          {"kiosk": kiosk, "outcome": outcome if outcome in OUTCOMES else "ended"})

    def answer(self, kiosk: str, staff_user: str) -> None:
        """A member of staff goes to the kiosk: the call leaves every desk's list (audited under their name)."""
        self.end(kiosk, "answered", actor=staff_user or "staff")

    def open_calls(self) -> list[StaffCall]:
        """The calls not yet ended (and not older than OPEN_FOR), oldest first."""
        with self._lock:
            if self._cursor is None:
                self._cursor = max(0, self._store.latest_audit_id() - LOOK_BACK)
            while True:
                records = self._store.audit_records(after_id=self._cursor, limit=PAGE)
                for record in records:
                    self._read(record)
                    self._cursor = record.id
                if len(records) < PAGE:
                    break
            oldest = self._clock() - OPEN_FOR
            self._open = {k: c for k, c in self._open.items() if c.called_at >= oldest}
            return sorted(self._open.values(), key=lambda c: c.called_at)

    def _read(self, record: AuditRecord) -> None:
        if record.action not in (CALL, CALL_END):
            return
        kiosk = str(record.details.get("kiosk", ""))
        if not kiosk:
            return
        if record.action == CALL_END:
            self._open.pop(kiosk, None)
            return
        try:
            at = dt.datetime.fromisoformat(record.at)
        except ValueError:
            return
        if at.tzinfo is None:
            at = at.replace(tzinfo=dt.UTC)
        self._open[kiosk] = StaffCall(kiosk, at, str(record.details.get("step", "")))
