"""The tamper-evident audit log: append-only rows chained by SHA-256.

Each record's hash covers its canonical bytes (id, at, actor, action, subject, details, prev_hash as compact,
key-sorted UTF-8 JSON) and `prev_hash` is the previous record's hash (64 zeros for the first). SQLite triggers make
UPDATE/DELETE fail; someone with the key who drops them is caught by `verify_chain`. Truncating the newest records
leaves a valid shorter chain: that needs an external anchor (e.g. printing the last hash), which is not built here.

Details must not hold names or full insurance numbers: callers pass identifiers through `mask()`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any, Protocol

from reception_app.store.base import AuditRecord, AuditVerification

GENESIS_HASH = "0" * 64

_ACTION_NAME = re.compile(r"[a-z][a-z_]*(\.[a-z][a-z_]*)*")

# What each action the store itself writes means (callers may add their own dotted names).
ACTIONS = {
    "patient.register": "a patient was registered",
    "patient.update": "a patient's details were changed",
    "link.create": "a card/insurance/照会番号 was linked to a patient",
    "link.relink": "a patient's link was replaced (old row closed and kept)",
    "link.remove": "a patient's link was closed",
    "checkin": "a patient was checked in",
    "visit.status": "a queue entry's status changed",
    "eligibility.save": "an eligibility result was stored",
    "eligibility.view": "a stored eligibility result was shown",
    "reconfirmation.add": "an offline check-in was queued for re-confirmation",
    "reconfirmation.resolve": "a pending re-confirmation was done",
    "export": "data was exported",
    "key.change": "the database key was changed",
    "login.success": "a staff member logged in",
    "login.failure": "a login failed",
    "staff.add": "a staff user was added",
    "retention.purge": "old eligibility snapshots were purged",
    "store.create": "the database was created",
    "link.conflict": "a link was refused: the card/insurance/照会番号 is linked to another patient (shared server)",
}


class _Connection(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


def mask(value: str | None, keep: int = 2) -> str | None:
    """Hides all but the last `keep` characters: '12345678' -> '******78'."""
    if value is None:
        return None
    if len(value) <= keep:
        return "*" * len(value)
    return "*" * (len(value) - keep) + value[-keep:]


def utc_now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def canonical_details(details: dict[str, Any]) -> str:
    return json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical_bytes(
    record_id: int, at: str, actor: str, action: str, subject: str | None, details_json: str, prev_hash: str
) -> bytes:
    body = {
        "id": record_id,
        "at": at,
        "actor": actor,
        "action": action,
        "subject": subject,
        "details": details_json,
        "prev_hash": prev_hash,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def record_hash(
    record_id: int, at: str, actor: str, action: str, subject: str | None, details_json: str, prev_hash: str
) -> str:
    return hashlib.sha256(canonical_bytes(record_id, at, actor, action, subject, details_json, prev_hash)).hexdigest()


def append(
    conn: _Connection, actor: str, action: str, subject: str | None, details: dict[str, Any] | None = None
) -> AuditRecord:
    """Appends one record. Call inside the caller's write transaction (BEGIN IMMEDIATE), so the chain head read
    here cannot move before the insert and the record commits together with the change it describes."""
    if not _ACTION_NAME.fullmatch(action):
        raise ValueError(f"an audit action is a dotted lower-case name like 'link.relink', not {action!r}")
    row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    last_id, prev_hash = (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)
    record_id = last_id + 1
    at = utc_now_iso()
    details_json = canonical_details(details or {})
    digest = record_hash(record_id, at, actor, action, subject, details_json, prev_hash)
    conn.execute(
        "INSERT INTO audit_log (id, at, actor, action, subject, details_json, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (record_id, at, actor, action, subject, details_json, prev_hash, digest),
    )
    return AuditRecord(record_id, at, actor, action, subject, details or {}, prev_hash, digest)


def row_to_record(row: tuple[Any, ...]) -> AuditRecord:
    record_id, at, actor, action, subject, details_json, prev_hash, digest = row
    return AuditRecord(int(record_id), at, actor, action, subject, json.loads(details_json), prev_hash, digest)


AUDIT_COLUMNS = "id, at, actor, action, subject, details_json, prev_hash, hash"


APPEND_ONLY_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")


def verify_chain(conn: _Connection) -> AuditVerification:
    """Walks the whole log in id order and reports the first record that does not fit; then checks that the
    append-only triggers are still there (only someone with the key and a raw connection can drop them)."""
    result = _walk_chain(conn)
    if not result.ok:
        return result
    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [name for name in APPEND_ONLY_TRIGGERS if name not in present]
    if missing:
        problem = f"the append-only trigger(s) {', '.join(missing)} were removed"
        return AuditVerification(ok=False, records=result.records, problem=problem)
    return result


def _walk_chain(conn: _Connection) -> AuditVerification:
    return walk_rows(conn.execute(f"SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY id"))


def walk_rows(rows: Iterable[tuple[Any, ...]]) -> AuditVerification:
    """Checks audit rows (`AUDIT_COLUMNS`, in id order) as one chain from the genesis hash; any backend's."""
    expected_prev = GENESIS_HASH
    expected_id = 1
    count = 0
    for row in rows:
        record_id, digest = row[0], row[7]
        count += 1
        problem = _check_row(row, expected_id, expected_prev)
        if problem is not None:
            return AuditVerification(ok=False, records=count, first_bad_id=int(record_id), problem=problem)
        expected_prev = digest
        expected_id = int(record_id) + 1
    return AuditVerification(ok=True, records=count)


def _check_row(row: tuple[Any, ...], expected_id: int, expected_prev: str) -> str | None:
    record_id, at, actor, action, subject, details_json, prev_hash, digest = row
    if not isinstance(record_id, int) or record_id != expected_id:
        return f"expected record id {expected_id} next, found {record_id!r} (records removed or inserted)"
    typed = all(isinstance(v, str) for v in (at, actor, action, details_json, prev_hash, digest))
    if not typed or not (subject is None or isinstance(subject, str)):
        return "a field has the wrong type (the row was altered)"
    if prev_hash != expected_prev:
        return "prev_hash does not match the previous record's hash (a record before it was changed or removed)"
    if record_hash(record_id, at, actor, action, subject, details_json, prev_hash) != digest:
        return "the record's content does not match its hash (the record was changed)"
    try:
        json.loads(details_json)
    except ValueError:
        return "details are not valid JSON (the record was changed)"
    return None
