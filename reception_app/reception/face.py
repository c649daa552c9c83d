"""Routes face-reader results (from the face-folder watcher) to THE open check-in session waiting for one.

Never a guess: a result goes to a session only when exactly one open session accepts it (its expectations, or the
card it already identified, fit the person). With none or several, the result is held for the staff, who assign
it by hand (`assign`). The watcher calls `sink` from its own lane.

A routed result is delivered on the session's lane (reception/lanes.py), in turn with its commands: a session busy
with a command when the result comes takes it once the command is done, instead of refusing it. Meanwhile the
watcher keeps it un-settled (`QUEUED`), and it is settled once the session took it; refused at its turn (the session
moved on), it is held for the staff like any other.

Held results are not lost when the app stops: `sink` tells the watcher a result was held (its reason), so the face
ledger keeps it un-settled and the watcher offers it again after a restart (`outcome.held_reason`, `received_at`);
the router then holds it again as it was, never routing it by itself. Only when the staff settle it (a session took
it through `assign`, or they `discard` it) does `on_settled(reference)` tell the watcher it is done.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from reception_app.reception import errors
from reception_app.reception.checkin import CheckInSession
from reception_app.reception.lanes import Lanes
from reception_app.reception.ports import EligibilityOutcome, MergePort
from reception_app.reception.view import State

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HeldResult:
    """A face result no single session could take; `reason`: "no_open_session" | "ambiguous" | "session_busy".
    `received_at`: when the router first held it (kept when it is held again after a refused assignment, and after
    a restart: then it is when the watcher first offered it)."""

    reference: str
    kana: str
    outcome: EligibilityOutcome
    reason: str
    received_at: dt.datetime | None = None


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


HOLD_REASONS = ("no_open_session", "ambiguous", "session_busy")
# `sink` could not route it at all (logged): not held here, not settled, so it is tried again after a restart
UNROUTABLE = "unroutable"
# `sink` queued it on its session's lane: not settled until the session took it (after a restart: held for the staff)
QUEUED = "queued_for_session"


class FaceRouter:
    def __init__(
        self,
        merger: MergePort,
        lanes: Lanes | None = None,
        hold_limit: int = 100,
        clock: Callable[[], dt.datetime] | None = None,
        on_settled: Callable[[str], object] | None = None,
    ) -> None:
        self._merger = merger
        # None: a result is delivered in place, on the caller's thread (the CLI and unit tests drive sessions from
        # one thread); the app's stack always passes its lanes.
        self._lanes = lanes
        self._clock = clock or _now
        # Told the reference of a held result the staff settled (assigned and taken, or discarded): the face source's
        # `settle` (app_services wires it), so the ledger records it done and the file is archived.
        self.on_settled = on_settled
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
        if item is not None:
            self._settled(reference)
        return item

    def sink(self, outcome: EligibilityOutcome) -> str | None:
        """For the face-folder watcher: None if a session took the result, `QUEUED` if it waits on its session's
        lane, else why it is held for the staff (both settled later through `on_settled`). Never raises back into
        the watcher: a result that cannot be routed at all is logged and answered `UNROUTABLE` (not settled, so it
        is tried again after a restart)."""
        try:
            if outcome.held_reason not in (None, UNROUTABLE):
                return self._hold_again(outcome)
            taken = self._route(outcome)
        except Exception:
            log.exception("routing a face result failed")
            return UNROUTABLE
        if isinstance(taken, HeldResult):
            return taken.reason
        return QUEUED if self._lanes is not None else None

    def route(self, outcome: EligibilityOutcome) -> CheckInSession | None:
        """Gives `outcome` to the one session that accepts it (queued on its lane); otherwise holds it. Returns
        the session."""
        taken = self._route(outcome)
        return taken if isinstance(taken, CheckInSession) else None

    def _route(self, outcome: EligibilityOutcome) -> CheckInSession | HeldResult:
        facts = self._merger.facts(outcome)
        with self._lock:
            takers = [s for s in list(self._sessions) if s.accepts_face_result(facts)]
        received_at = outcome.received_at  # offered again after a handler failure: first time
        if len(takers) != 1:
            return self._hold(outcome, facts.kana, "ambiguous" if takers else "no_open_session", received_at)
        if self._lanes is None:
            return self._deliver(takers[0], outcome, facts.kana, received_at)
        session = takers[0]
        lane = self._lanes.for_session(session.view.session_id)
        lane.submit(lambda: self._take_queued(session, outcome, facts.kana, received_at), name="face_result")
        return session

    def _take_queued(
        self, session: CheckInSession, outcome: EligibilityOutcome, kana: str, received_at: dt.datetime | None
    ) -> None:
        """On the session's lane, once its earlier commands are done: delivered, then settled if it took it."""
        if isinstance(self._deliver(session, outcome, kana, received_at), CheckInSession):
            self._settled(self._reference(outcome))

    def _hold_again(self, outcome: EligibilityOutcome) -> str:
        """A result that was held when the app last stopped: held again as it was (reason, first time), never
        routed by itself (the staff decide, as before the restart)."""
        reason = str(outcome.held_reason)
        if reason not in HOLD_REASONS:
            reason = "no_open_session"
        kana = self._merger.facts(outcome).kana
        return self._hold(outcome, kana, reason, outcome.received_at).reason

    def assign(
        self, reference: str, session: CheckInSession, on_accepted: Callable[[], None] | None = None
    ) -> CheckInSession | None:
        """Staff give a held result to a session (their choice, not ours), in place: call it on the session's lane.
        `on_accepted` runs once the session accepted it, before the check-in runs (the assignment's audit record).
        Settled (`on_settled`) if the session took it; otherwise it is held again and None is returned."""
        with self._lock:
            item = next((h for h in self._held if h.reference == reference), None)
            if item is None:
                return None
            self._held.remove(item)
        taken = self._deliver(session, item.outcome, item.kana, item.received_at, on_accepted)
        if isinstance(taken, HeldResult):
            return None
        self._settled(reference)
        return taken

    def _deliver(
        self, session: CheckInSession, outcome: EligibilityOutcome, kana: str, received_at: dt.datetime | None = None,
        on_accepted: Callable[[], None] | None = None,
    ) -> CheckInSession | HeldResult:
        try:
            view = session.deliver_face_result(outcome, on_accepted=on_accepted)
        except errors.CommandNotAllowed:  # driven off its lane (busy), or it moved on before this result's turn
            reason = "session_busy" if session.state == State.AWAITING_FACE else "no_open_session"
            return self._hold(outcome, kana, reason, received_at)
        if view.error_code == "invalid_input":  # the session refused it after all
            return self._hold(outcome, kana, "ambiguous", received_at)
        return session

    @staticmethod
    def _reference(outcome: EligibilityOutcome) -> str:
        return outcome.reference or f"held-{id(outcome):x}"

    def _hold(
        self, outcome: EligibilityOutcome, kana: str, reason: str, received_at: dt.datetime | None = None
    ) -> HeldResult:
        reference = self._reference(outcome)
        log.info("face result held for the staff (%s)", reason)
        with self._lock:
            # the watcher may offer a file again after a crash (same delivery id): one entry per result
            earlier = next((h for h in self._held if h.reference == reference), None)
            if earlier is not None:
                self._held.remove(earlier)
                received_at = received_at or earlier.received_at
            item = HeldResult(reference, kana, outcome, reason, received_at or self._clock())
            self._held.append(item)
            dropped = self._held[: max(0, len(self._held) - self._hold_limit)]
            del self._held[: len(dropped)]
        if dropped:  # not settled: the watcher keeps them and offers them again after a restart
            log.warning("%d held face result(s) dropped from the list (more than %d)", len(dropped), self._hold_limit)
        return item

    def _settled(self, reference: str) -> None:
        """Tells the face source the staff dealt with a held result. Never raises into the staff's action: if the
        ledger cannot record it, the result only comes back after a restart (logged)."""
        callback = self.on_settled
        if callback is None:
            return
        try:
            callback(reference)
        except Exception:
            log.exception("a settled face result could not be recorded as done")
