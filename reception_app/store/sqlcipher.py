"""The SQLCipher 4 backend of `Store`: one encrypted file, WAL, foreign keys, synchronous=FULL.

Durability: `synchronous=FULL` in WAL mode fsyncs the WAL at every commit, so a commit that returned survives a
process kill *and* a power cut (NORMAL would survive a kill but may lose the last commits on power loss; the issue
asks to lose nothing when the power goes). Each public method is one transaction, audit record included.

Opening never creates: `SQLCipherStore.open` refuses a missing file and `SQLCipherStore.create` refuses an existing
one, so a wrong key or a lost keyring can never end in a fresh empty database.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlcipher3 import dbapi2

from reception_app import paths
from reception_app.eligibility.normalize import insurance_key as make_insurance_key
from reception_app.eligibility.normalize import kana_key as make_kana_key
from reception_app.store import audit, cache, keys, packing, passwords, schema
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
    KeyedStore,
    KeyMethod,
    Link,
    LinkRequest,
    Patient,
    PendingReconfirmation,
    PurgeReport,
    Role,
    SnapshotInput,
    StaffUser,
    StoreInfo,
    Visit,
    VisitStatus,
)
from reception_app.store.errors import (
    DatabaseCorruptError,
    DatabaseExistsError,
    DatabaseMissingError,
    DuplicatePatientError,
    InvalidRecordError,
    LinkConflictError,
    NotFoundError,
    SchemaTooNewError,
    StorageFullError,
    StorageIOError,
    StorageLockedError,
    StorageReadOnlyError,
    StoreError,
    WrongKeyError,
)

_T = TypeVar("_T")

DB_FILENAME = "reception.db"
PATIENT_ID_DIGITS = 6  # assigned IDs look like 000123
BUSY_TIMEOUT_MS = 5000
# Decrypted-page cache (see store/cache.py: its size and the background warm-up). Grows only as pages are used.
PAGE_CACHE_KIB = cache.DEFAULT_CACHE_KIB
_DB_ERRORS: tuple[type[Exception], ...] = (dbapi2.Error, sqlite3.Error)

# SQLite primary result codes (extended codes carry them in the low byte).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26


def default_db_path() -> Path:
    return paths.user_data_dir() / DB_FILENAME


def companion_files(path: Path) -> list[Path]:
    """The database file and the files SQLite keeps beside it."""
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


def translate_error(exc: Exception, path: Path) -> StoreError:
    """Maps a SQLite error to the app's typed error (the original stays chained for the developer log)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary == _SQLITE_FULL or "database or disk is full" in text:
        return StorageFullError(path)
    if primary == _SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return StorageReadOnlyError(path)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return StorageLockedError(path)
    if primary == _SQLITE_CORRUPT or "malformed" in text:
        return DatabaseCorruptError(path, "malformed")
    if primary == _SQLITE_NOTADB or "not a database" in text:
        return DatabaseCorruptError(path, "not a database")
    if primary == _SQLITE_CANTOPEN or "unable to open" in text:
        if not _writable(path):
            return StorageReadOnlyError(path)
        return StorageIOError(path, "cannot open the file")
    if primary == _SQLITE_IOERR:
        return StorageIOError(path, "disk I/O error")
    return StorageIOError(path, str(getattr(exc, "sqlite_errorname", None) or type(exc).__name__))


def _writable(path: Path) -> bool:
    """Whether the folder (and the file, if any) can be written. Checks the file system, so it holds for root too."""
    folder_ok = os.access(path.parent, os.W_OK)
    file_ok = not path.exists() or os.access(path, os.W_OK)
    return folder_ok and file_ok


def _utc(value: dt.datetime | None = None) -> dt.datetime:
    value = value or dt.datetime.now(dt.UTC)
    if value.tzinfo is None:
        raise InvalidRecordError("timestamps must carry a time zone")
    return value.astimezone(dt.UTC)


def _iso(value: dt.datetime) -> str:
    return _utc(value).isoformat(timespec="microseconds")


def _from_iso(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def phone_key(phone: str) -> str:
    """Digits only, so '03-1234-5678' and '０３１２３４５６７８' match."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", phone) if ch.isdigit())


def kana_prefix_range(prefix: str) -> tuple[str, str] | None:
    """[low, high) bounds of every normalised kana key starting with `prefix`; a range query uses the index,
    LIKE does not (SQLite's LIKE is case-insensitive)."""
    low = make_kana_key(prefix)
    if not low:
        return None
    return low, low[:-1] + chr(ord(low[-1]) + 1)


def _insurance_key(ids: InsuranceIds) -> str:
    return make_insurance_key(ids.insurer_number, ids.symbol, ids.number, ids.branch)


def _open_connection(path: Path, key: bytes, *, create: bool, salt: bytes | None = None) -> Any:
    """A keyed connection whose key has been checked by reading the schema. Raises WrongKeyError on a wrong key."""
    mode = "rwc" if create else "rw"
    try:
        # A URI so that mode=rw refuses to create; as_uri() percent-encodes spaces, '?' and '#' in the path.
        conn = dbapi2.connect(
            f"{path.resolve().as_uri()}?mode={mode}", uri=True, isolation_level=None, check_same_thread=False,
            timeout=5.0,
        )
    except _DB_ERRORS as exc:
        raise translate_error(exc, path) from exc
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key must not print HMAC errors to stderr
        conn.execute(f"PRAGMA key = {keys.pragma_key_value(key, salt)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _DB_ERRORS as exc:
        conn.close()
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF == _SQLITE_NOTADB:
            raise WrongKeyError(path) from exc
        raise translate_error(exc, path) from exc
    return conn


def open_raw(path: Path, key: bytes) -> Any:
    """A raw keyed connection, for tools and tests (no migration, no pragmas besides the key)."""
    return _open_connection(path, key, create=False)


class SQLCipherStore(KeyedStore):
    """Callers get one from `store.open_store` (the factory). Inside `store/` and in SQLCipher's own tests: `open`,
    `create`, `with_raw_key`; the constructor takes an open, keyed connection (benchmarks pass a plain `sqlite3` one
    to compare the same schema and queries)."""

    backend_name = "sqlcipher"

    def __init__(self, conn: Any, path: Path, *, cache_kib: int | None = None) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0  # open _write levels (only touched while holding the lock)
        self._closed = False
        self._cache_kib = cache.resolve(cache_kib=cache_kib).cache_kib
        self._warm_thread: threading.Thread | None = None
        self.warm_up_report: cache.WarmUpReport | None = None
        self._configure()

    # ---- opening and creating -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        passphrase: keys.PassphraseSource = None,
        use_keyring: bool = True,
        migrate: bool = True,
        cache_kib: int | None = None,
        warm_up: bool | None = None,
    ) -> SQLCipherStore:
        """Opens an existing database: the keyring's key first, then the passphrase. Migrates it forward.
        `cache_kib` / `warm_up` tune the page cache and its background warm-up (None: environment, then
        defaults; see store/cache.py)."""
        path = path or default_db_path()
        if not path.exists():
            raise DatabaseMissingError(path)
        if path.stat().st_size < keys.SALT_BYTES:
            raise DatabaseCorruptError(path, "the file is too short to be a database")
        tuning = cache.resolve(cache_kib, warm_up)
        salt = keys.read_file_salt(path)
        conn = cls._try_keys(path, salt, passphrase, use_keyring)
        store = cls(conn, path, cache_kib=tuning.cache_kib)
        try:
            store._check_and_migrate(migrate)
        except BaseException:
            store.close()
            raise
        if tuning.warm_up:
            store.start_warm_up()
        return store

    @classmethod
    def _try_keys(cls, path: Path, salt: bytes, passphrase: keys.PassphraseSource, use_keyring: bool) -> Any:
        tried = False
        for key in keys.keyring_keys(salt) if use_keyring else []:
            tried = True
            try:
                return _open_connection(path, key, create=False)
            except WrongKeyError:
                continue
        text = keys.resolve_passphrase(passphrase)
        if text is not None:
            return _open_connection(path, keys.derive_key(text, salt), create=False)
        if tried:
            raise WrongKeyError(path)
        raise keys.no_key_error(use_keyring)

    @classmethod
    def create(
        cls,
        path: Path | None = None,
        *,
        method: KeyMethod = "keyring",
        passphrase: str | None = None,
        schema_version: int = schema.CURRENT_VERSION,
    ) -> SQLCipherStore:
        """Creates a new database; refuses if anything is already there (never overwrites)."""
        path = path or default_db_path()
        for existing in companion_files(path):
            if existing.exists():
                raise DatabaseExistsError(existing)
        salt = keys.new_salt()
        if method == "keyring":
            key = keys.new_key()
            keys.keyring_set(salt, key)
        else:
            if passphrase is None:
                raise keys.key_unavailable("store_passphrase_required")
            keys.check_new_passphrase(passphrase)
            key = keys.derive_key(passphrase, salt)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _open_connection(path, key, create=True, salt=salt)
        store = cls(conn, path)
        try:
            store._run(lambda: schema.migrate(store._conn, schema_version))
            with store._write() as c:
                audit.append(c, SYSTEM_ACTOR, "store.create", None, {"key_method": method})
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def with_raw_key(
        cls,
        path: Path,
        key: bytes,
        *,
        create: bool,
        migrate: bool = True,
        cache_kib: int | None = None,
        warm_up: bool | None = None,
    ) -> SQLCipherStore:
        """Opens or creates a database keyed by a raw key the caller keeps (the demo's key file, tests): no keyring,
        no KDF. Same refusals as `open` and `create` (never creates on open, never overwrites on create)."""
        if create:
            for existing in companion_files(path):
                if existing.exists():
                    raise DatabaseExistsError(existing)
            path.parent.mkdir(parents=True, exist_ok=True)
        elif not path.exists():
            raise DatabaseMissingError(path)
        tuning = cache.resolve(cache_kib, warm_up)
        store = cls(_open_connection(path, key, create=create), path, cache_kib=tuning.cache_kib)
        try:
            if create:
                store._run(lambda: schema.migrate(store._conn))
                with store._write() as c:
                    audit.append(c, SYSTEM_ACTOR, "store.create", None, {"key_method": "raw"})
            else:
                store._check_and_migrate(migrate)
        except BaseException:
            store.close()
            raise
        if tuning.warm_up:
            store.start_warm_up()
        return store

    def _configure(self) -> None:
        def configure() -> None:
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() not in ("wal", "memory"):
                raise StorageIOError(self.path, f"cannot switch to WAL (got {mode})")
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute(f"PRAGMA cache_size = -{self._cache_kib:d}")

        self._run(configure)

    def start_warm_up(self) -> None:
        """Reads the lookup indexes (and, if the file fits in the cache, the rows) into the page cache on a
        background thread; `open` does this unless told not to. Queries meanwhile wait at most one chunk."""
        if self._warm_thread is not None:
            return

        def run() -> None:
            self.warm_up_report = cache.warm_up(self._conn, self._lock, self._cache_kib, lambda: self._closed)

        self._warm_thread = threading.Thread(target=run, name="store-warm-up", daemon=True)
        self._warm_thread.start()

    def wait_warm_up(self, timeout: float | None = None) -> bool:
        """Whether the warm-up (if one was started) has finished within `timeout` seconds."""
        if self._warm_thread is not None:
            self._warm_thread.join(timeout)
            return not self._warm_thread.is_alive()
        return True

    def _check_and_migrate(self, migrate: bool) -> None:
        found = self.schema_version()
        if found > schema.CURRENT_VERSION:
            raise SchemaTooNewError(found, schema.CURRENT_VERSION)
        if migrate and found < schema.CURRENT_VERSION:
            self._run(lambda: schema.migrate(self._conn))

    def close(self) -> None:
        # Closing a connection whose disk vanished: nothing is left to save.
        with self._lock, contextlib.suppress(*_DB_ERRORS):
            self._closed = True  # the warm-up stops before its next chunk
            self._conn.close()

    # ---- transactions and error translation -----------------------------------------------------------------

    def _run(self, fn: Callable[[], _T]) -> _T:
        with self._lock:
            try:
                return fn()
            except _DB_ERRORS as exc:
                raise translate_error(exc, self.path) from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All calls inside commit together or not at all. Nested calls use savepoints."""
        with self._write():
            yield

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """One write transaction taking the write lock at once (BEGIN IMMEDIATE), so the audit chain head and
        the day's queue numbers cannot change under us, even from another process. Inside an outer
        transaction it is a savepoint, so a failed inner step undoes only itself."""
        with self._lock:
            nested = self._depth > 0
            begin, commit = ("SAVEPOINT w", "RELEASE w") if nested else ("BEGIN IMMEDIATE", "COMMIT")
            try:
                self._conn.execute(begin)
            except _DB_ERRORS as exc:
                raise translate_error(exc, self.path) from exc
            self._depth += 1
            try:
                yield self._conn
                self._conn.execute(commit)
            except BaseException as exc:
                self._rollback(nested)
                if isinstance(exc, _DB_ERRORS):
                    raise translate_error(exc, self.path) from exc
                raise
            finally:
                self._depth -= 1

    def _rollback(self, nested: bool) -> None:
        try:
            if nested:
                self._conn.execute("ROLLBACK TO w")
                self._conn.execute("RELEASE w")
            elif self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        except _DB_ERRORS:
            pass  # SQLite already rolled back (e.g. after SQLITE_FULL); the outer level sees the error too

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return list(self._run(lambda: self._conn.execute(sql, params).fetchall()))

    # ---- info -----------------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        return int(self._run(lambda: schema.schema_version(self._conn)))

    def info(self) -> StoreInfo:
        tables = ["patients", "links", "visits", "eligibility_snapshots", "staff_users", "audit_log"]
        if self.schema_version() >= 2:
            tables.append("pending_reconfirmations")
        counts = {table: int(self._query(f"SELECT count(*) FROM {table}")[0][0]) for table in tables}
        return StoreInfo(self.backend_name, self.schema_version(), counts)

    def integrity_check(self) -> str:
        return str(self._query("PRAGMA integrity_check")[0][0])

    # ---- patients -------------------------------------------------------------------------------------------

    _PATIENT_COLUMNS = "patient_id, name, kana, birth_date, sex, address, phone, notes"

    @staticmethod
    def _patient(row: Any) -> Patient:
        pid, name, kana, birth, sex, address, phone, notes = row
        return Patient(pid, name, kana, dt.date.fromisoformat(birth), sex, address, phone, notes)

    @staticmethod
    def _validate_patient(patient: Patient) -> None:
        if not patient.patient_id.strip():
            raise InvalidRecordError("a patient needs a patient ID")
        if not patient.name.strip() or not patient.kana.strip():
            raise InvalidRecordError("a patient needs a name and a kana name")
        if patient.sex not in SEXES:
            raise InvalidRecordError(f"sex must be one of {', '.join(SEXES)}")

    def register_patient(self, patient: Patient, actor: str) -> Patient:
        if not patient.patient_id:
            patient = dataclasses.replace(patient, patient_id="pending")  # validated now, numbered below
            assign_id = True
        else:
            assign_id = False
        self._validate_patient(patient)
        now = _iso(_utc())
        with self._write() as c:
            if assign_id:
                patient = dataclasses.replace(patient, patient_id=self._next_patient_id(c))
            if c.execute("SELECT 1 FROM patients WHERE patient_id = ?", (patient.patient_id,)).fetchone():
                raise DuplicatePatientError(patient.patient_id)
            c.execute(
                "INSERT INTO patients (patient_id, name, kana, kana_key, birth_date, sex, address, phone, phone_key,"
                " notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    patient.patient_id,
                    patient.name,
                    patient.kana,
                    make_kana_key(patient.kana),
                    patient.birth_date.isoformat(),
                    patient.sex,
                    patient.address,
                    patient.phone,
                    phone_key(patient.phone),
                    patient.notes,
                    now,
                    now,
                ),
            )
            audit.append(c, actor, "patient.register", patient.patient_id)
        return patient

    @staticmethod
    def _next_patient_id(c: Any) -> str:
        """The next numeric clinic patient ID, skipping any taken by hand-entered IDs."""
        value = int(c.execute("SELECT value FROM counters WHERE name = 'patient_id'").fetchone()[0])
        while True:
            value += 1
            candidate = f"{value:0{PATIENT_ID_DIGITS}d}"
            if not c.execute("SELECT 1 FROM patients WHERE patient_id = ?", (candidate,)).fetchone():
                break
        c.execute("UPDATE counters SET value = ? WHERE name = 'patient_id'", (value,))
        return candidate

    def update_patient(self, patient: Patient, actor: str) -> Patient:
        self._validate_patient(patient)
        with self._write() as c:
            cur = c.execute(
                "UPDATE patients SET name = ?, kana = ?, kana_key = ?, birth_date = ?, sex = ?, address = ?,"
                " phone = ?, phone_key = ?, notes = ?, updated_at = ? WHERE patient_id = ?",
                (
                    patient.name,
                    patient.kana,
                    make_kana_key(patient.kana),
                    patient.birth_date.isoformat(),
                    patient.sex,
                    patient.address,
                    patient.phone,
                    phone_key(patient.phone),
                    patient.notes,
                    _iso(_utc()),
                    patient.patient_id,
                ),
            )
            if cur.rowcount != 1:
                raise NotFoundError(f"patient {patient.patient_id}")
            audit.append(c, actor, "patient.update", patient.patient_id)
        return patient

    def get_patient(self, patient_id: str) -> Patient | None:
        rows = self._query(f"SELECT {self._PATIENT_COLUMNS} FROM patients WHERE patient_id = ?", (patient_id,))
        return self._patient(rows[0]) if rows else None

    def find_by_kana_prefix(self, prefix: str, limit: int = 50) -> list[Patient]:
        bounds = kana_prefix_range(prefix)
        if bounds is None:
            return []
        rows = self._query(
            # ORDER BY the indexed column alone: the index supplies the order and LIMIT stops early (adding a
            # tie-breaker column would sort every match, ~10k rows for a two-kana prefix in a big clinic).
            f"SELECT {self._PATIENT_COLUMNS} FROM patients WHERE kana_key >= ? AND kana_key < ?"
            " ORDER BY kana_key LIMIT ?",
            (*bounds, limit),
        )
        return [self._patient(row) for row in rows]

    def find_by_birth_date(self, birth_date: dt.date, limit: int = 50) -> list[Patient]:
        rows = self._query(
            f"SELECT {self._PATIENT_COLUMNS} FROM patients WHERE birth_date = ? ORDER BY kana_key LIMIT ?",
            (birth_date.isoformat(), limit),
        )
        return [self._patient(row) for row in rows]

    def find_by_kana_and_birth_date(self, kana: str, birth_date: dt.date, limit: int = 50) -> list[Patient]:
        key = make_kana_key(kana)
        if not key:
            return []
        rows = self._query(
            f"SELECT {self._PATIENT_COLUMNS} FROM patients WHERE birth_date = ? AND kana_key = ?"
            " ORDER BY patient_id LIMIT ?",
            (birth_date.isoformat(), key, limit),
        )
        return [self._patient(row) for row in rows]

    def find_by_phone(self, phone: str, limit: int = 50) -> list[Patient]:
        key = phone_key(phone)
        if not key:
            return []
        rows = self._query(
            f"SELECT {self._PATIENT_COLUMNS} FROM patients WHERE phone_key = ? ORDER BY kana_key LIMIT ?", (key, limit)
        )
        return [self._patient(row) for row in rows]

    def _patient_by_link(self, column: str, value: str) -> Patient | None:
        columns = ", ".join(f"p.{name.strip()}" for name in self._PATIENT_COLUMNS.split(","))
        rows = self._query(
            f"SELECT {columns} FROM links l JOIN patients p ON p.patient_id = l.patient_id"
            f" WHERE l.{column} = ? AND l.valid_to IS NULL",
            (value,),
        )
        return self._patient(rows[0]) if rows else None

    def find_by_reference_number(self, reference_number: str) -> Patient | None:
        return self._patient_by_link("reference_number", reference_number.strip())

    def find_by_insurance(self, insurance: InsuranceIds) -> Patient | None:
        return self._patient_by_link("insurance_key", _insurance_key(insurance))

    def find_by_insurance_key(self, insurance_key: str) -> Patient | None:
        return self._patient_by_link("insurance_key", insurance_key)

    def find_by_cert_subject(self, cert_subject: str) -> Patient | None:
        return self._patient_by_link("cert_subject", cert_subject)

    # ---- links ----------------------------------------------------------------------------------------------

    _LINK_COLUMNS = (
        "id, patient_id, reference_number, insurer_number, insurance_symbol, insurance_number, insurance_branch,"
        " insurance_key, cert_subject, valid_from, valid_to"
    )

    @staticmethod
    def _link(row: Any) -> Link:
        lid, pid, ref, insurer, symbol, number, branch, ikey, cert, valid_from, valid_to = row
        ids = InsuranceIds(insurer, symbol or "", number or "", branch or "") if insurer is not None else None
        valid_from_dt = _from_iso(valid_from)
        assert valid_from_dt is not None
        return Link(int(lid), pid, ref, ids, ikey, cert, valid_from_dt, _from_iso(valid_to))

    @staticmethod
    def _masked_link(link: Link | None) -> dict[str, Any] | None:
        if link is None:
            return None
        return {
            "reference_number": audit.mask(link.reference_number),
            "insurance_key": audit.mask(link.insurance_key),
            "cert_subject": audit.mask(link.cert_subject),
        }

    def link(self, patient_id: str, request: LinkRequest, actor: str) -> Link:
        """Links a card/insurance/照会番号 to a patient. A patient has one current link: linking again closes the
        old row (kept as history) and writes a `link.relink` audit record with the old and new keys, masked."""
        if request.reference_number is None and request.insurance is None and request.cert_subject is None:
            raise InvalidRecordError("a link needs a 照会番号, an insurance card or a card certificate")
        ikey = _insurance_key(request.insurance) if request.insurance is not None else None
        reference = request.reference_number.strip() if request.reference_number is not None else None
        now = _iso(_utc())
        with self._write() as c:
            if not c.execute("SELECT 1 FROM patients WHERE patient_id = ?", (patient_id,)).fetchone():
                raise NotFoundError(f"patient {patient_id}")
            for column, value, label in (
                ("reference_number", reference, "照会番号"),
                ("insurance_key", ikey, "insurance card"),
                ("cert_subject", request.cert_subject, "card"),
            ):
                if value is None:
                    continue
                other = c.execute(
                    f"SELECT patient_id FROM links WHERE {column} = ? AND valid_to IS NULL AND patient_id != ?",
                    (value, patient_id),
                ).fetchone()
                if other:
                    raise LinkConflictError(label, other[0])
            old_row = c.execute(
                f"SELECT {self._LINK_COLUMNS} FROM links WHERE patient_id = ? AND valid_to IS NULL", (patient_id,)
            ).fetchone()
            old = self._link(old_row) if old_row else None
            if old is not None:
                c.execute("UPDATE links SET valid_to = ? WHERE id = ?", (now, old.id))
            ins = request.insurance
            cur = c.execute(
                "INSERT INTO links (patient_id, reference_number, insurer_number, insurance_symbol, insurance_number,"
                " insurance_branch, insurance_key, cert_subject, valid_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    patient_id,
                    reference,
                    ins.insurer_number if ins else None,
                    ins.symbol if ins else None,
                    ins.number if ins else None,
                    ins.branch if ins else None,
                    ikey,
                    request.cert_subject,
                    now,
                ),
            )
            new_row = c.execute(f"SELECT {self._LINK_COLUMNS} FROM links WHERE id = ?", (cur.lastrowid,)).fetchone()
            new = self._link(new_row)
            details: dict[str, Any] = {"link_id": new.id, "new": self._masked_link(new)}
            if old is not None:
                details["old"] = self._masked_link(old)
                details["old_link_id"] = old.id
            audit.append(c, actor, "link.relink" if old is not None else "link.create", patient_id, details)
        return new

    def unlink(self, patient_id: str, actor: str) -> None:
        with self._write() as c:
            row = c.execute(
                f"SELECT {self._LINK_COLUMNS} FROM links WHERE patient_id = ? AND valid_to IS NULL", (patient_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"a current link of patient {patient_id}")
            old = self._link(row)
            c.execute("UPDATE links SET valid_to = ? WHERE id = ?", (_iso(_utc()), old.id))
            audit.append(c, actor, "link.remove", patient_id, {"old_link_id": old.id, "old": self._masked_link(old)})

    def current_link(self, patient_id: str) -> Link | None:
        rows = self._query(
            f"SELECT {self._LINK_COLUMNS} FROM links WHERE patient_id = ? AND valid_to IS NULL", (patient_id,)
        )
        return self._link(rows[0]) if rows else None

    def link_history(self, patient_id: str) -> list[Link]:
        rows = self._query(
            f"SELECT {self._LINK_COLUMNS} FROM links WHERE patient_id = ? ORDER BY valid_from, id", (patient_id,)
        )
        return [self._link(row) for row in rows]

    # ---- visits ---------------------------------------------------------------------------------------------

    _VISIT_COLUMNS = "id, patient_id, visit_date, queue_number, checked_in_at, channel, status, offline, declaration"

    @staticmethod
    def _visit(row: Any) -> Visit:
        vid, pid, day, number, at, channel, status, offline, declaration = row
        checked_in_at = _from_iso(at)
        assert checked_in_at is not None
        return Visit(
            int(vid),
            pid,
            dt.date.fromisoformat(day),
            int(number),
            checked_in_at,
            channel,
            status,
            bool(offline),
            bool(declaration),
        )

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
        """Adds the patient to the day's queue (default: the reception PC's local day) with the next number."""
        if channel not in CHANNELS:
            raise InvalidRecordError(f"channel must be one of {', '.join(CHANNELS)}")
        when = _utc(at)
        visit_day = day or when.astimezone().date()
        with self._write() as c:
            if not c.execute("SELECT 1 FROM patients WHERE patient_id = ?", (patient_id,)).fetchone():
                raise NotFoundError(f"patient {patient_id}")
            number = int(
                c.execute(
                    "SELECT coalesce(max(queue_number), 0) + 1 FROM visits WHERE visit_date = ?",
                    (visit_day.isoformat(),),
                ).fetchone()[0]
            )
            cur = c.execute(
                "INSERT INTO visits (patient_id, visit_date, queue_number, checked_in_at, channel, status, offline,"
                " declaration) VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?)",
                (patient_id, visit_day.isoformat(), number, _iso(when), channel, int(offline), int(declaration)),
            )
            visit_id = int(cur.lastrowid)
            details = {"visit_id": visit_id, "queue_number": number, "channel": channel, "offline": offline}
            audit.append(c, actor, "checkin", patient_id, details)
        return Visit(visit_id, patient_id, visit_day, number, when, channel, "waiting", offline, declaration)

    def queue(self, day: dt.date) -> list[Visit]:
        rows = self._query(
            f"SELECT {self._VISIT_COLUMNS} FROM visits WHERE visit_date = ? ORDER BY queue_number", (day.isoformat(),)
        )
        return [self._visit(row) for row in rows]

    def visits_of(self, patient_id: str) -> list[Visit]:
        rows = self._query(
            f"SELECT {self._VISIT_COLUMNS} FROM visits WHERE patient_id = ? ORDER BY checked_in_at", (patient_id,)
        )
        return [self._visit(row) for row in rows]

    def set_visit_status(self, visit_id: int, status: VisitStatus, actor: str) -> Visit:
        if status not in VISIT_STATUSES:
            raise InvalidRecordError(f"status must be one of {', '.join(VISIT_STATUSES)}")
        with self._write() as c:
            row = c.execute(f"SELECT {self._VISIT_COLUMNS} FROM visits WHERE id = ?", (visit_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"visit {visit_id}")
            c.execute("UPDATE visits SET status = ? WHERE id = ?", (status, visit_id))
            old = self._visit(row)
            audit.append(c, actor, "visit.status", old.patient_id, {"visit_id": visit_id, "status": status})
        return dataclasses.replace(old, status=status)

    # ---- eligibility snapshots ------------------------------------------------------------------------------

    _SNAPSHOT_COLUMNS = (
        "id, confirmed_at, source, summary_json, raw, patient_id, visit_id, insurance_key, cert_subject"
    )

    @staticmethod
    def _snapshot(row: Any) -> EligibilitySnapshot:
        sid, confirmed_at, source, summary_json, raw, pid, visit_id, ikey, cert = row
        confirmed = _from_iso(confirmed_at)
        assert confirmed is not None
        return EligibilitySnapshot(
            int(sid), confirmed, source, json.loads(packing.unpack(summary_json)), packing.unpack(raw), pid, visit_id,
            ikey, cert,
        )

    def save_snapshot(self, snapshot: SnapshotInput, actor: str) -> EligibilitySnapshot:
        if snapshot.source not in SNAPSHOT_SOURCES:
            raise InvalidRecordError(f"source must be one of {', '.join(SNAPSHOT_SOURCES)}")
        ikey = _insurance_key(snapshot.insurance) if snapshot.insurance is not None else None
        summary_json = json.dumps(snapshot.summary, ensure_ascii=False, sort_keys=True)
        with self._write() as c:
            cur = c.execute(
                "INSERT INTO eligibility_snapshots (patient_id, visit_id, confirmed_at, source, insurance_key,"
                " cert_subject, summary_json, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    snapshot.patient_id,
                    snapshot.visit_id,
                    _iso(snapshot.confirmed_at),
                    snapshot.source,
                    ikey,
                    snapshot.cert_subject,
                    packing.pack(summary_json.encode("utf-8")),
                    packing.pack(snapshot.raw),
                ),
            )
            snapshot_id = int(cur.lastrowid)
            audit.append(
                c,
                actor,
                "eligibility.save",
                snapshot.patient_id,
                {"snapshot_id": snapshot_id, "source": snapshot.source, "insurance_key": audit.mask(ikey)},
            )
        return EligibilitySnapshot(
            snapshot_id,
            _utc(snapshot.confirmed_at),
            snapshot.source,
            json.loads(summary_json),
            snapshot.raw,
            snapshot.patient_id,
            snapshot.visit_id,
            ikey,
            snapshot.cert_subject,
        )

    def _latest_snapshot(self, column: str, value: str, actor: str) -> EligibilitySnapshot | None:
        """The newest stored result for the offline path; showing it is audited as a view."""
        with self._write() as c:
            row = c.execute(
                f"SELECT {self._SNAPSHOT_COLUMNS} FROM eligibility_snapshots WHERE {column} = ?"
                " ORDER BY confirmed_at DESC, id DESC LIMIT 1",
                (value,),
            ).fetchone()
            if row is None:
                return None
            snapshot = self._snapshot(row)
            audit.append(
                c, actor, "eligibility.view", snapshot.patient_id, {"snapshot_id": snapshot.id, "by": column}
            )
        return snapshot

    def latest_snapshot_for_patient(self, patient_id: str, actor: str) -> EligibilitySnapshot | None:
        return self._latest_snapshot("patient_id", patient_id, actor)

    def latest_snapshot_for_insurance(self, insurance_key: str, actor: str) -> EligibilitySnapshot | None:
        return self._latest_snapshot("insurance_key", insurance_key, actor)

    def latest_snapshot_for_cert_subject(self, cert_subject: str, actor: str) -> EligibilitySnapshot | None:
        return self._latest_snapshot("cert_subject", cert_subject, actor)

    # ---- pending re-confirmations ---------------------------------------------------------------------------

    _PENDING_COLUMNS = "id, patient_id, visit_id, reason, created_at, resolved_at"

    @staticmethod
    def _pending(row: Any) -> PendingReconfirmation:
        pid_, patient_id, visit_id, reason, created_at, resolved_at = row
        created = _from_iso(created_at)
        assert created is not None
        return PendingReconfirmation(int(pid_), patient_id, visit_id, reason, created, _from_iso(resolved_at))

    def add_pending_reconfirmation(
        self, patient_id: str, visit_id: int | None, reason: str, actor: str
    ) -> PendingReconfirmation:
        now = _utc()
        with self._write() as c:
            cur = c.execute(
                "INSERT INTO pending_reconfirmations (patient_id, visit_id, reason, created_at) VALUES (?, ?, ?, ?)",
                (patient_id, visit_id, reason, _iso(now)),
            )
            pending_id = int(cur.lastrowid)
            audit.append(c, actor, "reconfirmation.add", patient_id, {"pending_id": pending_id, "visit_id": visit_id})
        return PendingReconfirmation(pending_id, patient_id, visit_id, reason, now, None)

    def pending_reconfirmations(self) -> list[PendingReconfirmation]:
        rows = self._query(
            f"SELECT {self._PENDING_COLUMNS} FROM pending_reconfirmations WHERE resolved_at IS NULL"
            " ORDER BY created_at, id"
        )
        return [self._pending(row) for row in rows]

    def resolve_reconfirmation(self, pending_id: int, actor: str) -> None:
        with self._write() as c:
            row = c.execute(
                "SELECT patient_id FROM pending_reconfirmations WHERE id = ? AND resolved_at IS NULL", (pending_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"open re-confirmation {pending_id}")
            c.execute("UPDATE pending_reconfirmations SET resolved_at = ? WHERE id = ?", (_iso(_utc()), pending_id))
            audit.append(c, actor, "reconfirmation.resolve", row[0], {"pending_id": pending_id})

    # ---- staff ----------------------------------------------------------------------------------------------

    def add_staff_user(self, login: str, display_name: str, role: Role, password: str, actor: str) -> StaffUser:
        if role not in ROLES:
            raise InvalidRecordError(f"role must be one of {', '.join(ROLES)}")
        if len(password) < 8:
            raise InvalidRecordError("a staff password needs at least 8 characters")
        hashed = passwords.hash_password(password)
        with self._write() as c:
            if c.execute("SELECT 1 FROM staff_users WHERE login = ?", (login,)).fetchone():
                raise InvalidRecordError(f"the login {login!r} is taken")
            cur = c.execute(
                "INSERT INTO staff_users (login, display_name, role, password_hash, active, created_at)"
                " VALUES (?, ?, ?, ?, 1, ?)",
                (login, display_name, role, hashed, _iso(_utc())),
            )
            user_id = int(cur.lastrowid)
            audit.append(c, actor, "staff.add", None, {"staff_user_id": user_id, "role": role})
        return StaffUser(user_id, login, display_name, role, True)

    def authenticate(self, login: str, password: str) -> StaffUser | None:
        """Checks a staff password; success and failure are both audited (the guideline asks for login logs)."""
        rows = self._query(
            "SELECT id, login, display_name, role, active, password_hash FROM staff_users WHERE login = ?", (login,)
        )
        stored = rows[0][5] if rows else passwords.DUMMY_HASH
        ok = passwords.verify_password(password, stored) and bool(rows) and bool(rows[0][4])
        with self._write() as c:
            if ok:
                user_id = int(rows[0][0])
                c.execute("UPDATE staff_users SET last_login_at = ? WHERE id = ?", (_iso(_utc()), user_id))
                audit.append(c, f"staff:{user_id}", "login.success", None, {})
            else:
                audit.append(c, SYSTEM_ACTOR, "login.failure", None, {"login": audit.mask(login, keep=2)})
        if not ok:
            return None
        uid, user_login, display_name, role, active, _ = rows[0]
        return StaffUser(int(uid), user_login, display_name, role, bool(active))

    # ---- audit, retention -----------------------------------------------------------------------------------

    def audit(self, actor: str, action: str, subject: str | None, details: dict[str, Any] | None = None) -> None:
        with self._write() as c:
            audit.append(c, actor, action, subject, details)

    def record_export(self, actor: str, subject: str | None, details: dict[str, Any]) -> None:
        with self._write() as c:
            audit.append(c, actor, "export", subject, details)

    def record_key_change(self, actor: str, details: dict[str, Any]) -> None:
        with self._write() as c:
            audit.append(c, actor, "key.change", None, details)

    def audit_records(self, after_id: int = 0, limit: int = 1000) -> list[AuditRecord]:
        rows = self._query(
            f"SELECT {audit.AUDIT_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?", (after_id, limit)
        )
        return [audit.row_to_record(row) for row in rows]

    def latest_audit_id(self) -> int:
        return int(self._query("SELECT coalesce(max(id), 0) FROM audit_log")[0][0])

    def verify_audit(self) -> AuditVerification:
        return self._run(lambda: audit.verify_chain(self._conn))

    def purge(self, older_than_days: int, dry_run: bool, actor: str) -> PurgeReport:
        """Deletes eligibility snapshots (summary and raw result) confirmed before the cutoff. Audit records are
        never purged (their retention period is UNCONFIRMED; keeping them is the safe side)."""
        if older_than_days < 1:
            raise InvalidRecordError("the retention period must be at least one day")
        cutoff = _utc() - dt.timedelta(days=older_than_days)
        with self._write() as c:
            count = int(
                c.execute("SELECT count(*) FROM eligibility_snapshots WHERE confirmed_at < ?", (_iso(cutoff),))
                .fetchone()[0]
            )
            if not dry_run:
                c.execute("DELETE FROM eligibility_snapshots WHERE confirmed_at < ?", (_iso(cutoff),))
                audit.append(
                    c,
                    actor,
                    "retention.purge",
                    None,
                    {"snapshots": count, "cutoff": _iso(cutoff), "older_than_days": older_than_days},
                )
        return PurgeReport(cutoff, count, dry_run)

    # ---- keys -----------------------------------------------------------------------------------------------

    def rekey(self, method: KeyMethod, actor: str, new_passphrase: str | None = None) -> None:
        """Re-encrypts the database under a new key (keyring <-> passphrase, or a fresh one of the same kind),
        and audits it as a key change. The pending keyring entry makes a crash mid-way recoverable."""
        salt = keys.read_file_salt(self.path)
        if method == "keyring":
            new_key = keys.new_key()
            keys.keyring_set(salt, new_key, pending=True)
        else:
            if new_passphrase is None:
                raise keys.key_unavailable("store_passphrase_required")
            keys.check_new_passphrase(new_passphrase)
            new_key = keys.derive_key(new_passphrase, salt)
        self._run(lambda: self._conn.execute(f"PRAGMA rekey = {keys.pragma_key_value(new_key)}"))
        if method == "keyring":
            keys.keyring_set(salt, new_key)
            keys.keyring_delete(salt, pending=True)
        else:
            keys.keyring_delete(salt)  # the old key no longer opens anything
            keys.keyring_delete(salt, pending=True)
        self.record_key_change(actor, {"method": method})
