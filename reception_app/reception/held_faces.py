"""The staff's side of the face router: face-reader results no single check-in could take (`FaceRouter.held`).

What the desk needs, without Qt (cf. CLINICS 「未登録の資格情報があります」: compare the person, then link):

- `rows()`: the held results as plain view rows (when received, kana, name, birth date, masked insurance, why
  held), newest first. Never a full insurance number: `InsuranceKey.masked()`, as everywhere on screen.
- `discard(reference, staff_user)`: staff dismiss a stale result; audited (`reception.face_result_discarded`).
- `start_checkin(reference, session, staff_user)`: a desk session takes the held result. A fresh session first
  waits for *that* person's result (kana + birth date), so no other result can slip in; then the router gives it
  the result and the check-in goes on as usual: merge → match (candidates for the staff, never an automatic pick) →
  check-in. Audited (`reception.face_result_assigned`) with the session.

Held results survive a restart: the face ledger keeps them un-settled and the watcher offers them again, and the
router holds them again with their first time and reason; `discard` and a taken `start_checkin` settle them (the
ledger records `done`, the file is archived), so they do not come back.

Audit details carry no names and no insurance numbers (the store's rule): the result's delivery id (a hash of the
file, also in the face ledger), why it was held, when it arrived, the session and the staff member.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from reception_app.reception import errors
from reception_app.reception.checkin import CheckInSession
from reception_app.reception.face import HOLD_REASONS, FaceRouter, HeldResult
from reception_app.reception.models import PersonFacts
from reception_app.reception.ports import MergePort, StorePort
from reception_app.reception.view import SessionView, State

log = logging.getLogger(__name__)

HELD_REASONS = HOLD_REASONS


@dataclass(frozen=True)
class HeldFaceRow:
    """One held face-reader result as the desk lists it. `reference` is the handle for `discard`/`start_checkin`
    (the delivery id; not for display)."""

    reference: str
    received_at: dt.datetime | None
    kana: str
    name: str
    birth_date: dt.date | None
    sex: str  # OQS code: "1" male, "2" female, "3" not set, "" unknown
    insurance: str  # masked: insurer number and the last 2 digits ("06139992 ***67"), or ""
    reason: str  # "no_open_session" | "ambiguous" | "session_busy"

    def __repr__(self) -> str:  # a row in a log line says which result, not whose
        return f"HeldFaceRow({self.reference[:12]!r}, {self.reason!r})"


class HeldFaceResults:
    """The desk's use cases over the router's held results. All calls may block briefly (store, merger): call them
    off the GUI thread; `start_checkin` runs the check-in itself, so call it on the session's lane."""

    def __init__(self, router: FaceRouter, merger: MergePort, store: StorePort) -> None:
        self._router = router
        self._merger = merger
        self._store = store

    def count(self) -> int:
        return len(self._router.held)

    def rows(self) -> list[HeldFaceRow]:
        """Newest first."""
        held = sorted(self._router.held, key=_received_key, reverse=True)
        return [self._row(item) for item in held]

    def _facts(self, item: HeldResult) -> PersonFacts | None:
        try:
            return self._merger.facts(item.outcome)
        except Exception:  # the router read it once; a row is still worth showing with the kana it kept
            log.warning("a held face result could not be read again")
            return None

    def _row(self, item: HeldResult) -> HeldFaceRow:
        facts = self._facts(item)
        return HeldFaceRow(
            reference=item.reference,
            received_at=item.received_at,
            kana=(facts.kana if facts is not None and facts.kana else item.kana),
            name=facts.name if facts is not None else "",
            birth_date=facts.birth_date if facts is not None else None,
            sex=facts.sex if facts is not None else "",
            insurance=facts.insurance.masked() if facts is not None and facts.insurance is not None else "",
            reason=item.reason,
        )

    def discard(self, reference: str, staff_user: str = "") -> bool:
        """Staff dismiss a held result. False if it is no longer held (nothing is audited then)."""
        item = self._router.discard(reference)
        if item is None:
            return False
        self._store.audit("face_result_discarded", self._details(item, staff_user))
        return True

    def start_checkin(self, reference: str, session: CheckInSession, staff_user: str = "") -> SessionView:
        """Gives the held result `reference` to `session` (a new desk session, or one already waiting for a face
        result) and runs the check-in from it as far as it goes alone (up to the staff's next decision, or done).

        Raises `HeldResultGone` if the result is no longer held (a fresh session is cancelled then) and
        `CommandNotAllowed` if the session is busy with something else. If the session refuses the result (not its
        patient), the result stays held and the view says why (`error_code`)."""
        item = self._router.find(reference)
        if item is None:
            raise errors.HeldResultGone()
        fresh = session.state == State.IDLE
        if fresh:
            facts = self._facts(item)
            # expect exactly this person: a result arriving meanwhile for someone else is not routed here
            if facts is not None and facts.kana:
                session.await_face_result(facts.kana, facts.birth_date)
            else:
                session.await_face_result()
        elif session.state != State.AWAITING_FACE:
            raise errors.CommandNotAllowed("checkin_from_face_result", str(session.state))
        details = self._details(item, staff_user)
        details["session_id"] = session.view.session_id

        def audit() -> None:  # before the check-in runs: the record is there when the view moves on
            self._store.audit("face_result_assigned", details)

        if self._router.assign(reference, session, on_accepted=audit) is None:
            still_held = self._router.find(reference) is not None
            if fresh and session.state == State.AWAITING_FACE:
                session.cancel()  # nothing came of it: no half-open session left behind
            if not still_held:
                raise errors.HeldResultGone()
            return session.view  # refused by the session (error_code) or busy: the result waits again
        return session.view

    @staticmethod
    def _details(item: HeldResult, staff_user: str) -> dict[str, str]:
        return {
            "face_result": item.reference,
            "held_reason": item.reason,
            "received_at": item.received_at.isoformat() if item.received_at is not None else "",
            "staff_user": staff_user,
        }


def _received_key(item: HeldResult) -> float:
    return item.received_at.timestamp() if item.received_at is not None else float("-inf")
