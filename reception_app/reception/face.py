"""Routes face-reader results (from the face-folder watcher) to THE open check-in session waiting for one.

Never a guess: a result goes to a session only when exactly one open session accepts it (its expectations, or the
card it already identified, fit the person). With none or several, the result is held for the staff, who assign
it by hand (`assign`). The watcher calls `route` from its own thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reception_app.reception import errors
from reception_app.reception.checkin import CheckInSession
from reception_app.reception.ports import MergePort

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HeldResult:
    """A face result no single session could take; `reason`: "no_open_session" | "ambiguous" | "session_busy".
    `received_at`: when the router first held it (kept when it is held again after a refused assignment)."""

    reference: str
    kana: str
    outcome: Any
    reason: str
    received_at: dt.datetime | None = None


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


class FaceRouter:
    def __init__(
        self, merger: MergePort, hold_limit: int = 100, clock: Callable[[], dt.datetime] | None = None
    ) -> None:
        self._merger = merger
        self._clock = clock or _now
        self._lock = threading.Lock()
        # Weak: a session the UI dropped without ending it must not be kept alive (or offered results) by us.
        self._sessions: weakref.WeakSet[CheckInSession] = weakref.WeakSet()
        self._held: list[HeldResult] = []
        self._hold_limit = hold_limit

    def open(self, session: CheckInSession) -> None:
        """Registers a session that may wait for a face result (call before `await_face_result`)."""
        with self._lock:
            self._sessions.add(session)

    def close(self, session: CheckInSession) -> None:
        with self._lock:
            self._sessions.discard(session)

    @property
    def held(self) -> list[HeldResult]:
        with self._lock:
            return list(self._held)

    def find(self, reference: str) -> HeldResult | None:
        with self._lock:
            return next((h for h in self._held if h.reference == reference), None)

    def discard(self, reference: str) -> HeldResult | None:
        """Staff dismiss a held result (stale, or dealt with another way). Returns it, or None if it is not held."""
        with self._lock:
            item = next((h for h in self._held if h.reference == reference), None)
            if item is not None:
                self._held.remove(item)
        return item

    def sink(self, outcome: Any) -> None:
        """For the face-folder watcher: routing never raises back into it (held results wait for the staff)."""
        try:
            self.route(outcome)
        except Exception:
            log.exception("routing a face result failed")

    def route(self, outcome: Any) -> CheckInSession | None:
        """Delivers `outcome` to the one session that accepts it; otherwise holds it. Returns the session."""
        facts = self._merger.facts(outcome)
        with self._lock:
            takers = [s for s in list(self._sessions) if s.accepts_face_result(facts)]
        if len(takers) != 1:
            self._hold(outcome, facts.kana, "ambiguous" if takers else "no_open_session")
            return None
        return self._deliver(takers[0], outcome, facts.kana)

    def assign(self, reference: str, session: CheckInSession) -> CheckInSession | None:
        """Staff give a held result to a session (their choice, not ours)."""
        with self._lock:
            item = next((h for h in self._held if h.reference == reference), None)
            if item is None:
                return None
            self._held.remove(item)
        return self._deliver(session, item.outcome, item.kana, item.received_at)

    def _deliver(
        self, session: CheckInSession, outcome: Any, kana: str, received_at: dt.datetime | None = None
    ) -> CheckInSession | None:
        try:
            view = session.deliver_face_result(outcome)
        except errors.CommandNotAllowed:
            self._hold(outcome, kana, "session_busy", received_at)
            return None
        if view.error_code == "invalid_input":  # the session refused it after all
            self._hold(outcome, kana, "ambiguous", received_at)
            return None
        return session

    def _hold(self, outcome: Any, kana: str, reason: str, received_at: dt.datetime | None = None) -> None:
        reference = str(getattr(outcome, "reference", "")) or f"held-{id(outcome):x}"
        log.info("face result held for the staff (%s)", reason)
        with self._lock:
            # the watcher may offer a file again after a crash (same delivery id): one entry per result
            earlier = next((h for h in self._held if h.reference == reference), None)
            if earlier is not None:
                self._held.remove(earlier)
                received_at = received_at or earlier.received_at
            self._held.append(HeldResult(reference, kana, outcome, reason, received_at or self._clock()))
            del self._held[: max(0, len(self._held) - self._hold_limit)]
