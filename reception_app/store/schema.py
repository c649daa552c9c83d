"""Numbered schema migrations, tracked in `PRAGMA user_version`.

Rules: a migration, once released, never changes (tests/data/store/v1.db was made by version 1 and must keep
migrating); add a new numbered step instead. Each step runs in one transaction together with the user_version bump,
so a crash leaves the database at the previous version or the next, never between.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    """CREATE TABLE patients (
        patient_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kana TEXT NOT NULL,
        kana_key TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        sex TEXT NOT NULL CHECK (sex IN ('male', 'female', 'unknown')),
        address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        phone_key TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX patients_kana_key ON patients (kana_key)",
    "CREATE INDEX patients_birth_date ON patients (birth_date, kana_key)",
    "CREATE INDEX patients_phone_key ON patients (phone_key)",
    """CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients (patient_id),
        reference_number TEXT,
        insurer_number TEXT,
        insurance_symbol TEXT,
        insurance_number TEXT,
        insurance_branch TEXT,
        insurance_key TEXT,
        cert_subject TEXT,
        valid_from TEXT NOT NULL,
        valid_to TEXT
    )""",
    "CREATE INDEX links_patient ON links (patient_id, valid_from)",
    # Only one current link may hold a given 照会番号, insurance key or card; history rows are free.
    "CREATE UNIQUE INDEX links_reference_current ON links (reference_number) WHERE valid_to IS NULL",
    "CREATE UNIQUE INDEX links_insurance_current ON links (insurance_key) WHERE valid_to IS NULL",
    "CREATE UNIQUE INDEX links_cert_current ON links (cert_subject) WHERE valid_to IS NULL",
    """CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients (patient_id),
        visit_date TEXT NOT NULL,
        queue_number INTEGER NOT NULL,
        checked_in_at TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('desk', 'kiosk')),
        status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'done', 'cancelled')),
        UNIQUE (visit_date, queue_number)
    )""",
    "CREATE INDEX visits_patient ON visits (patient_id, visit_date)",
    """CREATE TABLE eligibility_snapshots (
        id INTEGER PRIMARY KEY,
        patient_id TEXT REFERENCES patients (patient_id),
        visit_id INTEGER REFERENCES visits (id),
        confirmed_at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('face', 'pin', 'insurance_number', 'offline')),
        insurance_key TEXT,
        cert_subject TEXT,
        summary_json TEXT NOT NULL,
        raw BLOB NOT NULL
    )""",
    "CREATE INDEX snapshots_patient ON eligibility_snapshots (patient_id, confirmed_at)",
    "CREATE INDEX snapshots_insurance ON eligibility_snapshots (insurance_key, confirmed_at)",
    "CREATE INDEX snapshots_cert ON eligibility_snapshots (cert_subject, confirmed_at)",
    "CREATE INDEX snapshots_confirmed ON eligibility_snapshots (confirmed_at)",
    """CREATE TABLE staff_users (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'viewer')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        details_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE INDEX audit_subject ON audit_log (subject)",
    # The app can only append: any UPDATE or DELETE of an audit row fails inside SQLite itself.
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
)

_V2 = (
    """CREATE TABLE pending_reconfirmations (
        id INTEGER PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients (patient_id),
        visit_id INTEGER REFERENCES visits (id),
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        resolved_at TEXT
    )""",
    "CREATE INDEX pending_open ON pending_reconfirmations (created_at) WHERE resolved_at IS NULL",
    "ALTER TABLE staff_users ADD COLUMN last_login_at TEXT",
    # Offline check-ins (no eligibility confirmed) and the 被保険者資格申立書 path.
    "ALTER TABLE visits ADD COLUMN offline INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE visits ADD COLUMN declaration INTEGER NOT NULL DEFAULT 0",
    # Patient IDs the app assigns: continue after the highest numeric ID already there.
    "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    """INSERT INTO counters (name, value)
       SELECT 'patient_id', coalesce(max(CAST(patient_id AS INTEGER)), 0) FROM patients
       WHERE patient_id != '' AND patient_id NOT GLOB '*[^0-9]*'""",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "patients, links, visits, snapshots, staff users, audit log", _V1),
    Migration(2, "pending re-confirmations, offline/declaration visits, patient ID counter, staff last login", _V2),
)

CURRENT_VERSION = MIGRATIONS[-1].version


class _Connection(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


def schema_version(conn: _Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: _Connection, target: int = CURRENT_VERSION) -> list[int]:
    """Applies the missing steps up to `target`, one transaction each. Returns the versions applied.

    The connection must be in autocommit mode (isolation_level=None) so that BEGIN/COMMIT here are the real ones.
    """
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version > target:
            break
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            if schema_version(conn) >= migration.version:
                conn.execute("COMMIT")
                continue
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {migration.version:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
