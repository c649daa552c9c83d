"""The PostgreSQL backend of `Store`: one shared database for every desk and kiosk of a site.

It passes the same contract suite as the SQLCipher file (tests/unit/store_contract/) and adds what a shared queue
needs, each rule enforced by the database rather than by the desk (store/pg_schema.py):

- queue numbers come from a per-day counter row taken with an upsert, so its row lock serialises the numbers of a
  day across every desk and kiosk;
- a patient with an open visit that day (waiting or called) is not checked in again: the second desk gets
  `AlreadyCheckedInError` with the time and place of the first (a partial unique index is the backstop);
- two desks linking the same card, insurance key or 照会番号 to different patients: the first commit wins, the other
  gets `LinkConflictError`, and the refused attempt is kept in the audit log (`link.conflict`);
- audit records are appended at commit time under the chain head's row lock, so there is one verifiable chain with
  many writers; the insert trigger refuses a record that does not continue it, and UPDATE/DELETE/TRUNCATE raise.

One connection per store, used under a lock (like the SQLCipher store's); a connection lost between calls is
re-opened by the next call. The DSN's password never appears in a message, a repr or a log line (store/dsn.py).
Times are `timestamptz`, read back in UTC; the session's TimeZone is set to UTC.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import psycopg
from psycopg import errors as pg_errors
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import TupleRow, args_row

from reception_app.eligibility.normalize import insurance_key as make_insurance_key
from reception_app.eligibility.normalize import kana_key as make_kana_key
from reception_app.store import audit, packing, passwords, pg_schema
from reception_app.store.base import (
    CHANNELS,
    ROLES,
    SEXES,
    SNAPSHOT_SOURCES,
    SYSTEM_ACTOR,
    VISIT_STATUSES,
    AuditRecord,
    AuditVerification,
    Channel,
    EligibilitySnapshot,
    InsuranceIds,
    Link,
    LinkRequest,
    Patient,
    PendingReconfirmation,
    PurgeReport,
    Role,
    SnapshotInput,
    StaffUser,
    Store,
    StoreInfo,
    Visit,
    VisitStatus,
)
from reception_app.store.dsn import DEFAULT_SCHEMA, redact_dsn, valid_schema
from reception_app.store.errors import (
    AlreadyCheckedInError,
    ConcurrentUpdateError,
    DatabaseExistsError,
    DatabaseMissingError,
    DuplicatePatientError,
    InvalidRecordError,
    LinkConflictError,
    NotFoundError,
    SchemaTooNewError,
    ServerAuthError,
    ServerUnreachableError,
    StorageFullError,
    StorageIOError,
    StorageLockedError,
    StorageReadOnlyError,
    StoreError,
    StorePermissionError,
)

PATIENT_ID_DIGITS = 6  # assigned IDs look like 000123, as in the SQLCipher store
CONNECT_TIMEOUT_S = 5
LOCK_TIMEOUT_MS = 5000  # like SQLCipher's busy timeout: a row held longer gives StorageLockedError
STATEMENT_TIMEOUT_MS = 30000
_MIGRATION_LOCK = "reception_app.migrate"  # hashed with the schema name into an advisory lock key

Connection = psycopg.Connection[TupleRow]
T = TypeVar("T")

# Which current-link index guards which request field (the label is the one LinkConflictError shows).
_LINK_INDEXES = {
    "links_reference_current": ("reference_number", "照会番号"),
    "links_insurance_current": ("insurance_key", "insurance card"),
    "links_cert_current": ("cert_subject", "card"),
}


def _utc(value: dt.datetime | None = None) -> dt.datetime:
    value = value or dt.datetime.now(dt.UTC)
    if value.tzinfo is None:
        raise InvalidRecordError("timestamps must carry a time zone")
    return value.astimezone(dt.UTC)


def phone_key(phone: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKC", phone) if ch.isdigit())


def kana_prefix_range(prefix: str) -> tuple[str, str] | None:
    low = make_kana_key(prefix)
    if not low:
        return None
    return low, low[:-1] + chr(ord(low[-1]) + 1)


def _insurance_key(ids: InsuranceIds) -> str:
    return make_insurance_key(ids.insurer_number, ids.symbol, ids.number, ids.branch)


@dataclasses.dataclass
class _PendingAudit:
    actor: str
    action: str
    subject: str | None
    details: dict[str, object]


# ---- rows -> records (typed at the boundary: psycopg's args_row calls these with the columns in order) ----------

_PATIENT_COLUMNS = "patient_id, name, kana, birth_date, sex, address, phone, notes"
_LINK_COLUMNS = (
    "id, patient_id, reference_number, insurer_number, insurance_symbol, insurance_number, insurance_branch,"
    " insurance_key, cert_subject, valid_from, valid_to"
)
_VISIT_COLUMNS = "id, patient_id, visit_date, queue_number, checked_in_at, channel, status, offline, declaration"
_SNAPSHOT_COLUMNS = "id, confirmed_at, source, summary, raw, patient_id, visit_id, insurance_key, cert_subject"
_PENDING_COLUMNS = "id, patient_id, visit_id, reason, created_at, resolved_at"


def _patient(
    pid: str, name: str, kana: str, birth: dt.date, sex: str, address: str, phone: str, notes: str
) -> Patient:
    return Patient(pid, name, kana, birth, sex, address, phone, notes)  # type: ignore[arg-type]  # CHECK constraint


def _link(
    lid: int, pid: str, ref: str | None, insurer: str | None, symbol: str | None, number: str | None,
    branch: str | None, ikey: str | None, cert: str | None, valid_from: dt.datetime, valid_to: dt.datetime | None,
) -> Link:
    ids = InsuranceIds(insurer, symbol or "", number or "", branch or "") if insurer is not None else None
    return Link(lid, pid, ref, ids, ikey, cert, valid_from, valid_to)


def _visit(
    vid: int, pid: str, day: dt.date, number: int, at: dt.datetime, channel: str, status: str, offline: bool,
    declaration: bool,
) -> Visit:
    return Visit(vid, pid, day, number, at, channel, status, offline, declaration)  # type: ignore[arg-type]


def _snapshot(
    sid: int, confirmed_at: dt.datetime, source: str, summary: bytes, raw: bytes, pid: str | None,
    visit_id: int | None, ikey: str | None, cert: str | None,
) -> EligibilitySnapshot:
    return EligibilitySnapshot(
        sid, confirmed_at, source, json.loads(packing.unpack(summary)), packing.unpack(raw),  # type: ignore[arg-type]
        pid, visit_id, ikey, cert,
    )


def _pending(
    pending_id: int, pid: str, visit_id: int | None, reason: str, created: dt.datetime, resolved: dt.datetime | None
) -> PendingReconfirmation:
    return PendingReconfirmation(pending_id, pid, visit_id, reason, created, resolved)


def _audit_row(
    rid: int, at: str, actor: str, action: str, subject: str | None, details_json: str, prev: str, digest: str
) -> tuple[int, str, str, str, str | None, str, str, str]:
    return rid, at, actor, action, subject, details_json, prev, digest


def _masked_link(link: Link | None) -> dict[str, object] | None:
    if link is None:
        return None
    return {
        "reference_number": audit.mask(link.reference_number),
        "insurance_key": audit.mask(link.insurance_key),
        "cert_subject": audit.mask(link.cert_subject),
    }


class PostgresStore(Store):
    """Callers get one from `store.open_store(PostgresLocation(dsn))`; inside `store/` and in the PostgreSQL tests,
    `PostgresStore.connect`. Not a `KeyedStore`: the server's credentials are the server's."""

    backend_name = "postgresql"

    def __init__(self, dsn: str, schema: str) -> None:
        self._dsn = dsn
        self.schema = schema
        self.where = f"{redact_dsn(dsn)} (schema {schema})"
        self._lock = threading.RLock()
        self._conn: Connection | None = None
        self._depth = 0
        self._pending: list[_PendingAudit] = []
        self._closed = False

    # ---- opening -------------------------------------------------------------------------------------------

    @classmethod
    def connect(
        cls, dsn: str, *, schema: str = DEFAULT_SCHEMA, create: bool = False, migrate: bool = True
    ) -> PostgresStore:
        """Opens the store in `schema` (`create=False`: never creates it, migrates forward unless `migrate=False`)
        or creates it (`create=True`: refuses a schema that already holds a store)."""
        if not valid_schema(schema):
            raise InvalidRecordError("a schema name is lower-case letters, digits and '_' (at most 63)")
        store = cls(dsn, schema)
        try:
            if create:
                store._create()
            else:
                store._check_and_migrate(migrate)
        except BaseException:
            store.close()
            raise
        return store

    def _connection(self) -> Connection:
        """The open connection; a new one when there is none or the last one broke between calls."""
        if self._closed:
            raise StoreError("the store is closed")
        conn = self._conn
        if conn is not None and not conn.closed and not conn.broken:
            return conn
        if self._depth:
            raise ServerUnreachableError(self.where, "the connection was lost inside a transaction")
        try:
            conn = psycopg.connect(
                self._dsn, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, application_name="reception-app"
            )
        except psycopg.Error as exc:
            raise self._translate(exc) from None  # libpq's message may repeat parts of the DSN: not chained
        try:
            conn.execute("SET TIME ZONE 'UTC'")
            conn.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS:d}")
            conn.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_MS:d}")
            conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(self.schema)))
        except psycopg.Error as exc:
            conn.close()
            raise self._translate(exc) from exc
        self._conn = conn
        return conn

    def _schema_exists(self, c: Connection) -> tuple[bool, bool]:
        """(the schema exists, it holds a store)."""
        row = c.execute(
            "SELECT n.oid IS NOT NULL, to_regclass(format('%%I.schema_version', %s::text)) IS NOT NULL"
            " FROM (SELECT 1) AS one LEFT JOIN pg_namespace n ON n.nspname = %s",
            (self.schema, self.schema),
        ).fetchone()
        assert row is not None
        return bool(row[0]), bool(row[1])

    def _create(self) -> None:
        with self._lock:
            c = self._connection()
            try:
                with c.transaction():
                    self._lock_migrations(c)
                    exists, has_store = self._schema_exists(c)
                    if has_store:
                        raise DatabaseExistsError(self.where)
                    if not exists:
                        c.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(self.schema)))
                    c.execute(
                        "CREATE TABLE schema_version (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),"
                        " version integer NOT NULL)"
                    )
                    c.execute("INSERT INTO schema_version (singleton, version) VALUES (true, 0)")
            except psycopg.Error as exc:
                raise self._translate(exc) from exc
        self._migrate()
        with self._write():
            self._append(SYSTEM_ACTOR, "store.create", None, {"backend": self.backend_name})

    def _check_and_migrate(self, migrate: bool) -> None:
        with self._lock:
            c = self._connection()
            if not self._run(lambda: self._schema_exists(c))[1]:
                raise DatabaseMissingError(self.where)
        found = self.schema_version()
        if found > pg_schema.CURRENT_VERSION:
            raise SchemaTooNewError(found, pg_schema.CURRENT_VERSION)
        if migrate and found < pg_schema.CURRENT_VERSION:
            self._migrate()

    def _lock_migrations(self, c: Connection) -> None:
        c.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{_MIGRATION_LOCK}:{self.schema}",))

    def _migrate(self) -> list[int]:
        """Applies the missing steps, one transaction each, under the schema's migration lock."""
        applied: list[int] = []
        with self._lock:
            c = self._connection()
            for migration in pg_schema.MIGRATIONS:
                try:
                    with c.transaction():
                        self._lock_migrations(c)
                        row = c.execute("SELECT version FROM schema_version").fetchone()
                        if row is not None and int(row[0]) >= migration.version:
                            continue  # another desk migrated meanwhile
                        # One round trip for the whole step (no parameters: the simple query protocol).
                        c.execute(";\n".join(migration.statements))
                        c.execute("UPDATE schema_version SET version = %s", (migration.version,))
                except psycopg.Error as exc:
                    raise self._translate(exc) from exc
                applied.append(migration.version)
        return applied

    def grant_app_role(self, role: str) -> None:
        """Grants the app's rights to `role` (run by the schema's owner at set-up): data tables read and write,
        the audit log INSERT and SELECT only."""
        schema, grantee = sql.Identifier(self.schema), sql.Identifier(role)
        with self._write() as c:
            for statement in pg_schema.app_grants("{schema}", "{role}"):
                c.execute(sql.SQL(statement).format(schema=schema, role=grantee))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None and not self._conn.closed:
                with contextlib.suppress(psycopg.Error):  # the server went away: nothing is left to save
                    self._conn.close()

    # ---- transactions and errors ---------------------------------------------------------------------------

    def _translate(self, exc: psycopg.Error) -> StoreError:
        """A driver error as the app's typed error; the message never holds the DSN's password."""
        if isinstance(exc, pg_errors.InvalidPassword | pg_errors.InvalidAuthorizationSpecification):
            return ServerAuthError(self.where)
        if isinstance(exc, pg_errors.InsufficientPrivilege):
            return StorePermissionError(self.where, exc.diag.message_primary or "insufficient privilege")
        if isinstance(exc, pg_errors.LockNotAvailable | pg_errors.DeadlockDetected | pg_errors.SerializationFailure):
            return StorageLockedError(self.where)
        if isinstance(exc, pg_errors.QueryCanceled):
            return StorageLockedError(self.where)
        if isinstance(exc, pg_errors.DiskFull | pg_errors.OutOfMemory):
            return StorageFullError(self.where)
        if isinstance(exc, pg_errors.ReadOnlySqlTransaction):
            return StorageReadOnlyError(self.where)
        if isinstance(exc, pg_errors.InvalidCatalogName):
            return DatabaseMissingError(self.where)
        if isinstance(exc, psycopg.OperationalError) and exc.sqlstate is None:
            text = str(exc)
            if "password authentication failed" in text or "no password supplied" in text:
                return ServerAuthError(self.where)
            if "does not exist" in text and "database" in text:
                return DatabaseMissingError(self.where)
            return ServerUnreachableError(self.where, self._scrub(text.splitlines()[0] if text else "no answer"))
        if isinstance(exc, pg_errors.AdminShutdown | pg_errors.CannotConnectNow | psycopg.OperationalError):
            return ServerUnreachableError(self.where, exc.sqlstate or "connection lost")
        return StorageIOError(self.where, f"SQLSTATE {exc.sqlstate or '?'}: {type(exc).__name__}")

    def _scrub(self, text: str) -> str:
        password = conninfo_to_dict(self._dsn).get("password")
        if isinstance(password, str) and password:
            text = text.replace(password, "***")
        return text

    def _run(self, fn: Callable[[], T]) -> T:
        with self._lock:
            try:
                return fn()
            except psycopg.Error as exc:
                raise self._translate(exc) from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All calls inside commit together or not at all. Nested calls use savepoints."""
        with self._write():
            yield

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction (a savepoint when nested). The audit records of the outermost one are appended just
        before it commits, under the chain head's row lock: the lock taken last and held shortest, so writers
        never wait on each other in a cycle through it."""
        with self._lock:
            c = self._connection()
            outer = self._depth == 0
            mark = len(self._pending)
            self._depth += 1
            try:
                with c.transaction():
                    yield c
                    if outer:
                        self._flush_audit(c)
            except BaseException as exc:
                del self._pending[mark:]
                if isinstance(exc, psycopg.Error):
                    raise self._translate(exc) from exc
                raise
            finally:
                self._depth -= 1
                if outer:
                    self._pending.clear()

    def _append(self, actor: str, action: str, subject: str | None, details: dict[str, object] | None = None) -> None:
        """Queues an audit record of the current transaction (written when it commits, gone if it rolls back)."""
        if not audit._ACTION_NAME.fullmatch(action):
            raise ValueError(f"an audit action is a dotted lower-case name like 'link.relink', not {action!r}")
        assert self._depth > 0, "audit records are written inside a transaction"
        self._pending.append(_PendingAudit(actor, action, subject, dict(details or {})))

    def _flush_audit(self, c: Connection) -> None:
        if not self._pending:
            return
        row = c.execute("SELECT last_id, last_hash FROM audit_lock_head()").fetchone()
        assert row is not None
        last_id, prev_hash = int(row[0]), str(row[1])
        values: list[tuple[int, str, str, str, str | None, str, str, str]] = []
        for pending in self._pending:
            record_id = last_id + 1
            at = audit.utc_now_iso()
            details_json = audit.canonical_details(pending.details)
            digest = audit.record_hash(record_id, at, pending.actor, pending.action, pending.subject, details_json,
                                       prev_hash)
            values.append((record_id, at, pending.actor, pending.action, pending.subject, details_json, prev_hash,
                           digest))
            last_id, prev_hash = record_id, digest
        with c.cursor() as cur:
            cur.executemany(
                "INSERT INTO audit_log (id, at, actor, action, subject, details_json, prev_hash, hash)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                values,
            )
        self._pending.clear()

    def _rows(self, factory: Callable[..., T], query: str, params: Sequence[object] = ()) -> list[T]:
        def run() -> list[T]:
            with self._connection().cursor(row_factory=args_row(factory)) as cur:
                cur.execute(query, params)
                return cur.fetchall()

        return self._run(run)

    @staticmethod
    def _fetch(c: Connection, factory: Callable[..., T], query: str, params: Sequence[object] = ()) -> T | None:
        with c.cursor(row_factory=args_row(factory)) as cur:
            cur.execute(query, params)
            return cur.fetchone()

    @staticmethod
    def _exists(c: Connection, query: str, params: Sequence[object]) -> bool:
        return c.execute(query, params).fetchone() is not None

    # ---- info ----------------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        def read() -> int:
            row = self._connection().execute("SELECT version FROM schema_version").fetchone()
            return int(row[0]) if row is not None else 0

        return self._run(read)

    def info(self) -> StoreInfo:
        def count() -> dict[str, int]:
            c = self._connection()
            counts: dict[str, int] = {}
            for table in pg_schema.COUNTED_TABLES:
                row = c.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))).fetchone()
                counts[table] = int(row[0]) if row is not None else 0
            return counts

        return StoreInfo(self.backend_name, self.schema_version(), self._run(count))

    # ---- patients ------------------------------------------------------------------------------------------

    @staticmethod
    def _validate_patient(patient: Patient) -> None:
        if not patient.patient_id.strip():
            raise InvalidRecordError("a patient needs a patient ID")
        if not patient.name.strip() or not patient.kana.strip():
            raise InvalidRecordError("a patient needs a name and a kana name")
        if patient.sex not in SEXES:
            raise InvalidRecordError(f"sex must be one of {', '.join(SEXES)}")

    def register_patient(self, patient: Patient, actor: str) -> Patient:
        assign_id = not patient.patient_id
        if assign_id:
            patient = dataclasses.replace(patient, patient_id="pending")  # validated now, numbered below
        self._validate_patient(patient)
        now = _utc()
        with self._write() as c:
            if assign_id:
                patient = dataclasses.replace(patient, patient_id=self._next_patient_id(c))
            if self._exists(c, "SELECT 1 FROM patients WHERE patient_id = %s", (patient.patient_id,)):
                raise DuplicatePatientError(patient.patient_id)
            try:
                with c.transaction():
                    c.execute(
                        "INSERT INTO patients (patient_id, name, kana, kana_key, birth_date, sex, address, phone,"
                        " phone_key, notes, created_at, updated_at)"
                        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                        (
                            patient.patient_id, patient.name, patient.kana, make_kana_key(patient.kana),
                            patient.birth_date, patient.sex, patient.address, patient.phone,
                            phone_key(patient.phone), patient.notes, now, now,
                        ),
                    )
            except pg_errors.UniqueViolation:
                raise DuplicatePatientError(patient.patient_id) from None  # registered at another desk meanwhile
            self._append(actor, "patient.register", patient.patient_id)
        return patient

    @staticmethod
    def _next_patient_id(c: Connection) -> str:
        """The next numeric ID under the counter row's lock, skipping IDs taken by hand."""
        while True:
            row = c.execute(
                "UPDATE counters SET value = value + 1 WHERE name = 'patient_id' RETURNING value"
            ).fetchone()
            assert row is not None
            candidate = f"{int(row[0]):0{PATIENT_ID_DIGITS}d}"
            if c.execute("SELECT 1 FROM patients WHERE patient_id = %s", (candidate,)).fetchone() is None:
                return candidate

    def update_patient(self, patient: Patient, actor: str) -> Patient:
        self._validate_patient(patient)
        with self._write() as c:
            cur = c.execute(
                "UPDATE patients SET name = %s, kana = %s, kana_key = %s, birth_date = %s, sex = %s, address = %s,"
                " phone = %s, phone_key = %s, notes = %s, updated_at = %s WHERE patient_id = %s",
                (
                    patient.name, patient.kana, make_kana_key(patient.kana), patient.birth_date, patient.sex,
                    patient.address, patient.phone, phone_key(patient.phone), patient.notes, _utc(),
                    patient.patient_id,
                ),
            )
            if cur.rowcount != 1:
                raise NotFoundError(f"patient {patient.patient_id}")
            self._append(actor, "patient.update", patient.patient_id)
        return patient

    def get_patient(self, patient_id: str) -> Patient | None:
        rows = self._rows(_patient, f"SELECT {_PATIENT_COLUMNS} FROM patients WHERE patient_id = %s", (patient_id,))
        return rows[0] if rows else None

    def find_by_kana_prefix(self, prefix: str, limit: int = 50) -> list[Patient]:
        bounds = kana_prefix_range(prefix)
        if bounds is None:
            return []
        return self._rows(
            _patient,
            f"SELECT {_PATIENT_COLUMNS} FROM patients WHERE kana_key >= %s AND kana_key < %s"
            " ORDER BY kana_key LIMIT %s",
            (*bounds, limit),
        )

    def find_by_birth_date(self, birth_date: dt.date, limit: int = 50) -> list[Patient]:
        return self._rows(
            _patient,
            f"SELECT {_PATIENT_COLUMNS} FROM patients WHERE birth_date = %s ORDER BY kana_key LIMIT %s",
            (birth_date, limit),
        )

    def find_by_kana_and_birth_date(self, kana: str, birth_date: dt.date, limit: int = 50) -> list[Patient]:
        key = make_kana_key(kana)
        if not key:
            return []
        return self._rows(
            _patient,
            f"SELECT {_PATIENT_COLUMNS} FROM patients WHERE birth_date = %s AND kana_key = %s"
            " ORDER BY patient_id LIMIT %s",
            (birth_date, key, limit),
        )

    def find_by_phone(self, phone: str, limit: int = 50) -> list[Patient]:
        key = phone_key(phone)
        if not key:
            return []
        return self._rows(
            _patient,
            f"SELECT {_PATIENT_COLUMNS} FROM patients WHERE phone_key = %s ORDER BY kana_key LIMIT %s",
            (key, limit),
        )

    def _patient_by_link(self, column: str, value: str) -> Patient | None:
        columns = ", ".join(f"p.{name.strip()}" for name in _PATIENT_COLUMNS.split(","))
        rows = self._rows(
            _patient,
            f"SELECT {columns} FROM links l JOIN patients p ON p.patient_id = l.patient_id"
            f" WHERE l.{column} = %s AND l.valid_to IS NULL",
            (value,),
        )
        return rows[0] if rows else None

    def find_by_reference_number(self, reference_number: str) -> Patient | None:
        return self._patient_by_link("reference_number", reference_number.strip())

    def find_by_insurance(self, insurance: InsuranceIds) -> Patient | None:
        return self._patient_by_link("insurance_key", _insurance_key(insurance))

    def find_by_insurance_key(self, insurance_key: str) -> Patient | None:
        return self._patient_by_link("insurance_key", insurance_key)

    def find_by_cert_subject(self, cert_subject: str) -> Patient | None:
        return self._patient_by_link("cert_subject", cert_subject)

    # ---- links ---------------------------------------------------------------------------------------------

    def link(self, patient_id: str, request: LinkRequest, actor: str) -> Link:
        """As the SQLCipher store's `link`; with two desks at once the first commit wins and the other gets
        `LinkConflictError`. A refused link called on its own (not inside a caller's transaction) is audited as
        `link.conflict` in a transaction of its own, so the attempt stays in the log."""
        if request.reference_number is None and request.insurance is None and request.cert_subject is None:
            raise InvalidRecordError("a link needs a 照会番号, an insurance card or a card certificate")
        ikey = _insurance_key(request.insurance) if request.insurance is not None else None
        reference = request.reference_number.strip() if request.reference_number is not None else None
        values = {"reference_number": reference, "insurance_key": ikey, "cert_subject": request.cert_subject}
        with self._lock:
            on_its_own = self._depth == 0
            try:
                return self._link(patient_id, request, values, actor)
            except LinkConflictError as exc:
                if on_its_own:
                    details: dict[str, object] = {
                        "field": exc.field, "other_patient_id": exc.other_patient_id,
                        "attempted": {k: audit.mask(v) for k, v in values.items()},
                    }
                    with self._write():
                        self._append(actor, "link.conflict", patient_id, details)
                raise

    def _link(self, patient_id: str, request: LinkRequest, values: dict[str, str | None], actor: str) -> Link:
        now = _utc()
        with self._write() as c:
            if not self._exists(c, "SELECT 1 FROM patients WHERE patient_id = %s FOR KEY SHARE", (patient_id,)):
                raise NotFoundError(f"patient {patient_id}")
            for column, label in _LINK_INDEXES.values():
                value = values[column]
                if value is None:
                    continue
                other = c.execute(
                    f"SELECT patient_id FROM links WHERE {column} = %s AND valid_to IS NULL AND patient_id <> %s",
                    (value, patient_id),
                ).fetchone()
                if other is not None:
                    raise LinkConflictError(label, str(other[0]))
            old = self._fetch(
                c, _link, f"SELECT {_LINK_COLUMNS} FROM links WHERE patient_id = %s AND valid_to IS NULL FOR UPDATE",
                (patient_id,),
            )
            ins = request.insurance
            try:
                with c.transaction():
                    if old is not None:
                        c.execute("UPDATE links SET valid_to = %s WHERE id = %s", (now, old.id))
                    new = self._fetch(
                        c, _link,
                        "INSERT INTO links (patient_id, reference_number, insurer_number, insurance_symbol,"
                        " insurance_number, insurance_branch, insurance_key, cert_subject, valid_from)"
                        f" VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING {_LINK_COLUMNS}",
                        (
                            patient_id, values["reference_number"], ins.insurer_number if ins else None,
                            ins.symbol if ins else None, ins.number if ins else None, ins.branch if ins else None,
                            values["insurance_key"], values["cert_subject"], now,
                        ),
                    )
            except pg_errors.UniqueViolation as exc:
                raise self._link_race(c, exc, patient_id, values) from None
            assert new is not None
            details: dict[str, object] = {"link_id": new.id, "new": _masked_link(new)}
            if old is not None:
                details["old"] = _masked_link(old)
                details["old_link_id"] = old.id
            self._append(actor, "link.relink" if old is not None else "link.create", patient_id, details)
        return new

    @staticmethod
    def _link_race(
        c: Connection, exc: pg_errors.UniqueViolation, patient_id: str, values: dict[str, str | None]
    ) -> StoreError:
        """Another desk committed a link first: who holds the key now (read after its commit)."""
        guarded = _LINK_INDEXES.get(exc.diag.constraint_name or "")
        if guarded is not None:
            column, label = guarded
            other = c.execute(
                f"SELECT patient_id FROM links WHERE {column} = %s AND valid_to IS NULL", (values[column],)
            ).fetchone()
            if other is not None and str(other[0]) != patient_id:
                return LinkConflictError(label, str(other[0]))
        return ConcurrentUpdateError(f"the link of patient {patient_id}")

    def unlink(self, patient_id: str, actor: str) -> None:
        with self._write() as c:
            old = self._fetch(
                c, _link, f"SELECT {_LINK_COLUMNS} FROM links WHERE patient_id = %s AND valid_to IS NULL FOR UPDATE",
                (patient_id,),
            )
            if old is None:
                raise NotFoundError(f"a current link of patient {patient_id}")
            c.execute("UPDATE links SET valid_to = %s WHERE id = %s", (_utc(), old.id))
            self._append(actor, "link.remove", patient_id, {"old_link_id": old.id, "old": _masked_link(old)})

    def current_link(self, patient_id: str) -> Link | None:
        rows = self._rows(
            _link, f"SELECT {_LINK_COLUMNS} FROM links WHERE patient_id = %s AND valid_to IS NULL", (patient_id,)
        )
        return rows[0] if rows else None

    def link_history(self, patient_id: str) -> list[Link]:
        return self._rows(
            _link, f"SELECT {_LINK_COLUMNS} FROM links WHERE patient_id = %s ORDER BY valid_from, id", (patient_id,)
        )

    # ---- visits and the shared queue -----------------------------------------------------------------------

    def check_in(
        self,
        patient_id: str,
        channel: Channel,
        actor: str,
        at: dt.datetime | None = None,
        *,
        day: dt.date | None = None,
        offline: bool = False,
        declaration: bool = False,
    ) -> Visit:
        """The next number of the day from the day's counter row (its lock serialises every desk and kiosk);
        `AlreadyCheckedInError` when the patient has an open visit that day."""
        if channel not in CHANNELS:
            raise InvalidRecordError(f"channel must be one of {', '.join(CHANNELS)}")
        when = _utc(at)
        visit_day = day or when.astimezone().date()
        with self._write() as c:
            if not self._exists(c, "SELECT 1 FROM patients WHERE patient_id = %s FOR KEY SHARE", (patient_id,)):
                raise NotFoundError(f"patient {patient_id}")
            row = c.execute(
                "INSERT INTO queue_counters AS q (visit_date, last_number) VALUES (%s, 1)"
                " ON CONFLICT (visit_date) DO UPDATE SET last_number = q.last_number + 1 RETURNING last_number",
                (visit_day,),
            ).fetchone()
            assert row is not None
            number = int(row[0])
            # Read under the day's row lock: every check-in of this day committed before is visible now.
            self._refuse_open_visit(c, patient_id, visit_day)
            try:
                with c.transaction():
                    inserted = c.execute(
                        "INSERT INTO visits (patient_id, visit_date, queue_number, checked_in_at, checked_in_by,"
                        " channel, status, offline, declaration) VALUES (%s, %s, %s, %s, %s, %s, 'waiting', %s, %s)"
                        " RETURNING id",
                        (patient_id, visit_day, number, when, actor, channel, offline, declaration),
                    ).fetchone()
            except pg_errors.UniqueViolation:
                # A visit reopened meanwhile (status set back to waiting): the index is the last word.
                self._refuse_open_visit(c, patient_id, visit_day)
                raise ConcurrentUpdateError(f"the queue of {visit_day.isoformat()}") from None
            assert inserted is not None
            visit_id = int(inserted[0])
            self._append(
                actor, "checkin", patient_id,
                {"visit_id": visit_id, "queue_number": number, "channel": channel, "offline": offline},
            )
        return Visit(visit_id, patient_id, visit_day, number, when, channel, "waiting", offline, declaration)

    @staticmethod
    def _refuse_open_visit(c: Connection, patient_id: str, visit_day: dt.date) -> None:
        row = c.execute(
            "SELECT id, queue_number, checked_in_at, channel, checked_in_by FROM visits"
            " WHERE patient_id = %s AND visit_date = %s AND status IN ('waiting', 'called')",
            (patient_id, visit_day),
        ).fetchone()
        if row is not None:
            vid, number, at, channel, by = row
            raise AlreadyCheckedInError(patient_id, at, f"{channel}, {by}", int(number), int(vid))

    def queue(self, day: dt.date) -> list[Visit]:
        return self._rows(
            _visit, f"SELECT {_VISIT_COLUMNS} FROM visits WHERE visit_date = %s ORDER BY queue_number", (day,)
        )

    def visits_of(self, patient_id: str) -> list[Visit]:
        return self._rows(
            _visit, f"SELECT {_VISIT_COLUMNS} FROM visits WHERE patient_id = %s ORDER BY checked_in_at, id",
            (patient_id,),
        )

    def set_visit_status(self, visit_id: int, status: VisitStatus, actor: str) -> Visit:
        if status not in VISIT_STATUSES:
            raise InvalidRecordError(f"status must be one of {', '.join(VISIT_STATUSES)}")
        with self._write() as c:
            old = self._fetch(c, _visit, f"SELECT {_VISIT_COLUMNS} FROM visits WHERE id = %s FOR UPDATE", (visit_id,))
            if old is None:
                raise NotFoundError(f"visit {visit_id}")
            try:
                with c.transaction():
                    c.execute("UPDATE visits SET status = %s WHERE id = %s", (status, visit_id))
            except pg_errors.UniqueViolation:
                self._refuse_open_visit(c, old.patient_id, old.visit_date)  # reopening while checked in again
                raise ConcurrentUpdateError(f"visit {visit_id}") from None
            self._append(actor, "visit.status", old.patient_id, {"visit_id": visit_id, "status": status})
        return dataclasses.replace(old, status=status)

    # ---- eligibility snapshots -----------------------------------------------------------------------------

    def save_snapshot(self, snapshot: SnapshotInput, actor: str) -> EligibilitySnapshot:
        if snapshot.source not in SNAPSHOT_SOURCES:
            raise InvalidRecordError(f"source must be one of {', '.join(SNAPSHOT_SOURCES)}")
        ikey = _insurance_key(snapshot.insurance) if snapshot.insurance is not None else None
        summary_json = json.dumps(snapshot.summary, ensure_ascii=False, sort_keys=True)
        confirmed = _utc(snapshot.confirmed_at)
        with self._write() as c:
            row = c.execute(
                "INSERT INTO eligibility_snapshots (patient_id, visit_id, confirmed_at, source, insurance_key,"
                " cert_subject, summary, raw) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                (
                    snapshot.patient_id, snapshot.visit_id, confirmed, snapshot.source, ikey, snapshot.cert_subject,
                    packing.pack(summary_json.encode("utf-8")), packing.pack(snapshot.raw),
                ),
            ).fetchone()
            assert row is not None
            snapshot_id = int(row[0])
            self._append(
                actor, "eligibility.save", snapshot.patient_id,
                {"snapshot_id": snapshot_id, "source": snapshot.source, "insurance_key": audit.mask(ikey)},
            )
        return EligibilitySnapshot(
            snapshot_id, confirmed, snapshot.source, json.loads(summary_json), snapshot.raw, snapshot.patient_id,
            snapshot.visit_id, ikey, snapshot.cert_subject,
        )

    def _latest_snapshot(self, column: str, value: str, actor: str) -> EligibilitySnapshot | None:
        with self._write() as c:
            found = self._fetch(
                c, _snapshot,
                f"SELECT {_SNAPSHOT_COLUMNS} FROM eligibility_snapshots WHERE {column} = %s"
                " ORDER BY confirmed_at DESC, id DESC LIMIT 1",
                (value,),
            )
            if found is None:
                return None
            self._append(actor, "eligibility.view", found.patient_id, {"snapshot_id": found.id, "by": column})
        return found

    def latest_snapshot_for_patient(self, patient_id: str, actor: str) -> EligibilitySnapshot | None:
        return self._latest_snapshot("patient_id", patient_id, actor)

    def latest_snapshot_for_insurance(self, insurance_key: str, actor: str) -> EligibilitySnapshot | None:
        return self._latest_snapshot("insurance_key", insurance_key, actor)

    def latest_snapshot_for_cert_subject(self, cert_subject: str, actor: str) -> EligibilitySnapshot | None:
        return self._latest_snapshot("cert_subject", cert_subject, actor)

    # ---- pending re-confirmations --------------------------------------------------------------------------

    def add_pending_reconfirmation(
        self, patient_id: str, visit_id: int | None, reason: str, actor: str
    ) -> PendingReconfirmation:
        now = _utc()
        with self._write() as c:
            row = c.execute(
                "INSERT INTO pending_reconfirmations (patient_id, visit_id, reason, created_at)"
                " VALUES (%s, %s, %s, %s) RETURNING id",
                (patient_id, visit_id, reason, now),
            ).fetchone()
            assert row is not None
            pending_id = int(row[0])
            self._append(actor, "reconfirmation.add", patient_id, {"pending_id": pending_id, "visit_id": visit_id})
        return PendingReconfirmation(pending_id, patient_id, visit_id, reason, now, None)

    def pending_reconfirmations(self) -> list[PendingReconfirmation]:
        return self._rows(
            _pending,
            f"SELECT {_PENDING_COLUMNS} FROM pending_reconfirmations WHERE resolved_at IS NULL ORDER BY created_at, id",
        )

    def resolve_reconfirmation(self, pending_id: int, actor: str) -> None:
        with self._write() as c:
            row = c.execute(
                "UPDATE pending_reconfirmations SET resolved_at = %s WHERE id = %s AND resolved_at IS NULL"
                " RETURNING patient_id",
                (_utc(), pending_id),
            ).fetchone()
            if row is None:
                raise NotFoundError(f"open re-confirmation {pending_id}")
            self._append(actor, "reconfirmation.resolve", str(row[0]), {"pending_id": pending_id})

    # ---- staff ---------------------------------------------------------------------------------------------

    def add_staff_user(self, login: str, display_name: str, role: Role, password: str, actor: str) -> StaffUser:
        if role not in ROLES:
            raise InvalidRecordError(f"role must be one of {', '.join(ROLES)}")
        if len(password) < 8:
            raise InvalidRecordError("a staff password needs at least 8 characters")
        hashed = passwords.hash_password(password)
        with self._write() as c:
            try:
                with c.transaction():
                    row = c.execute(
                        "INSERT INTO staff_users (login, display_name, role, password_hash, active, created_at)"
                        " VALUES (%s, %s, %s, %s, true, %s) RETURNING id",
                        (login, display_name, role, hashed, _utc()),
                    ).fetchone()
            except pg_errors.UniqueViolation:
                raise InvalidRecordError(f"the login {login!r} is taken") from None
            assert row is not None
            user_id = int(row[0])
            self._append(actor, "staff.add", None, {"staff_user_id": user_id, "role": role})
        return StaffUser(user_id, login, display_name, role, True)

    def authenticate(self, login: str, password: str) -> StaffUser | None:
        """Success and failure are both audited; a wrong name costs as long as a wrong password."""
        rows = self._rows(
            lambda uid, user_login, name, role, active, hashed: (
                StaffUser(int(uid), str(user_login), str(name), role, bool(active)), str(hashed)
            ),
            "SELECT id, login, display_name, role, active, password_hash FROM staff_users WHERE login = %s",
            (login,),
        )
        stored = rows[0][1] if rows else passwords.DUMMY_HASH
        ok = passwords.verify_password(password, stored) and bool(rows) and rows[0][0].active
        with self._write() as c:
            if ok:
                user = rows[0][0]
                c.execute("UPDATE staff_users SET last_login_at = %s WHERE id = %s", (_utc(), user.id))
                self._append(f"staff:{user.id}", "login.success", None, {})
            else:
                self._append(SYSTEM_ACTOR, "login.failure", None, {"login": audit.mask(login, keep=2)})
        return rows[0][0] if ok else None

    # ---- audit and retention -------------------------------------------------------------------------------

    def audit(self, actor: str, action: str, subject: str | None, details: dict[str, object] | None = None) -> None:
        with self._write():
            self._append(actor, action, subject, details)

    def record_export(self, actor: str, subject: str | None, details: dict[str, object]) -> None:
        with self._write():
            self._append(actor, "export", subject, details)

    def audit_records(self, after_id: int = 0, limit: int = 1000) -> list[AuditRecord]:
        rows = self._rows(
            _audit_row, f"SELECT {audit.AUDIT_COLUMNS} FROM audit_log WHERE id > %s ORDER BY id LIMIT %s",
            (after_id, limit),
        )
        return [audit.row_to_record(row) for row in rows]

    def latest_audit_id(self) -> int:
        (newest,) = self._rows(int, "SELECT coalesce(max(id), 0) FROM audit_log")
        return newest

    def verify_audit(self) -> AuditVerification:
        """The whole chain from the genesis hash; then the head (a removed newest record leaves the head ahead of
        the last row) and the append-only triggers."""
        def verify() -> AuditVerification:
            c = self._connection()
            with c.cursor(row_factory=args_row(_audit_row)) as cur:
                cur.execute(f"SELECT {audit.AUDIT_COLUMNS} FROM audit_log ORDER BY id")
                result = audit.walk_rows(cur)
            if not result.ok:
                return result
            head = c.execute("SELECT last_id FROM audit_head").fetchone()
            if head is None or int(head[0]) != result.records:
                problem = f"the chain head says {head[0] if head else '?'} records, {result.records} are there"
                return AuditVerification(ok=False, records=result.records, problem=problem)
            present = {
                str(row[0])
                for row in c.execute(
                    "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass('audit_log') AND NOT tgisinternal"
                )
            }
            missing = [name for name in pg_schema.APPEND_ONLY_TRIGGERS if name not in present]
            if missing:
                problem = f"the append-only trigger(s) {', '.join(missing)} were removed"
                return AuditVerification(ok=False, records=result.records, problem=problem)
            return result

        return self._run(verify)

    def purge(self, older_than_days: int, dry_run: bool, actor: str) -> PurgeReport:
        if older_than_days < 1:
            raise InvalidRecordError("the retention period must be at least one day")
        cutoff = _utc() - dt.timedelta(days=older_than_days)
        with self._write() as c:
            if dry_run:
                row = c.execute("SELECT count(*) FROM eligibility_snapshots WHERE confirmed_at < %s", (cutoff,))
                found = row.fetchone()
                count = int(found[0]) if found is not None else 0
            else:
                count = c.execute("DELETE FROM eligibility_snapshots WHERE confirmed_at < %s", (cutoff,)).rowcount
                self._append(
                    actor, "retention.purge", None,
                    {"snapshots": count, "cutoff": cutoff.isoformat(timespec="microseconds"),
                     "older_than_days": older_than_days},
                )
        return PurgeReport(cutoff, count, dry_run)
