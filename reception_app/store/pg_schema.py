"""Numbered schema migrations of the PostgreSQL store, tracked in its `schema_version` table.

The same rules as the SQLCipher migrations (store/schema.py): a released step never changes; each step runs in one
transaction together with its version bump (PostgreSQL's DDL is transactional), under an advisory lock so that two
desks starting a new version at once migrate once. Version 1 is the SQLCipher store's version 2 in PostgreSQL
types, plus what a shared queue needs enforced by the database itself:

- `queue_counters`: one row per day; a check-in takes the next number with an upsert, so the row lock serialises
  the day's numbers across every desk and kiosk, and `UNIQUE (visit_date, queue_number)` is the backstop;
- `visits_one_open_per_day`: at most one waiting or called visit per patient and day;
- `links_*_current` and `links_patient_current`: one current holder per 照会番号, insurance key and card, and one
  current link per patient;
- the audit log: its rows are chained by `audit_head` (the last id and hash, advanced only by the insert trigger,
  which refuses a record that does not continue the chain), UPDATE, DELETE and TRUNCATE raise in triggers, and the
  app's role is granted INSERT and SELECT on it only (`app_grants`).

Key columns are `COLLATE "C"`, so the kana prefix range and the ordering are by code point on any server locale.
"""

from __future__ import annotations

from dataclasses import dataclass

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    """CREATE TABLE patients (
        patient_id text PRIMARY KEY,
        name text NOT NULL,
        kana text NOT NULL,
        kana_key text COLLATE "C" NOT NULL,
        birth_date date NOT NULL,
        sex text NOT NULL CHECK (sex IN ('male', 'female', 'unknown')),
        address text NOT NULL DEFAULT '',
        phone text NOT NULL DEFAULT '',
        phone_key text COLLATE "C" NOT NULL DEFAULT '',
        notes text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
    )""",
    "CREATE INDEX patients_kana_key ON patients (kana_key)",
    "CREATE INDEX patients_birth_date ON patients (birth_date, kana_key)",
    "CREATE INDEX patients_phone_key ON patients (phone_key)",
    """CREATE TABLE links (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        patient_id text NOT NULL REFERENCES patients (patient_id),
        reference_number text COLLATE "C",
        insurer_number text,
        insurance_symbol text,
        insurance_number text,
        insurance_branch text,
        insurance_key text COLLATE "C",
        cert_subject text COLLATE "C",
        valid_from timestamptz NOT NULL,
        valid_to timestamptz
    )""",
    "CREATE INDEX links_patient ON links (patient_id, valid_from)",
    "CREATE UNIQUE INDEX links_reference_current ON links (reference_number) WHERE valid_to IS NULL",
    "CREATE UNIQUE INDEX links_insurance_current ON links (insurance_key) WHERE valid_to IS NULL",
    "CREATE UNIQUE INDEX links_cert_current ON links (cert_subject) WHERE valid_to IS NULL",
    "CREATE UNIQUE INDEX links_patient_current ON links (patient_id) WHERE valid_to IS NULL",
    "CREATE TABLE queue_counters (visit_date date PRIMARY KEY, last_number integer NOT NULL CHECK (last_number > 0))",
    """CREATE TABLE visits (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        patient_id text NOT NULL REFERENCES patients (patient_id),
        visit_date date NOT NULL,
        queue_number integer NOT NULL,
        checked_in_at timestamptz NOT NULL,
        checked_in_by text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('desk', 'kiosk')),
        status text NOT NULL CHECK (status IN ('waiting', 'called', 'done', 'cancelled')),
        offline boolean NOT NULL DEFAULT false,
        declaration boolean NOT NULL DEFAULT false,
        CONSTRAINT visits_number_unique UNIQUE (visit_date, queue_number)
    )""",
    "CREATE INDEX visits_patient ON visits (patient_id, checked_in_at)",
    """CREATE UNIQUE INDEX visits_one_open_per_day ON visits (patient_id, visit_date)
       WHERE status IN ('waiting', 'called')""",
    """CREATE TABLE eligibility_snapshots (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        patient_id text REFERENCES patients (patient_id),
        visit_id bigint REFERENCES visits (id),
        confirmed_at timestamptz NOT NULL,
        source text NOT NULL CHECK (source IN ('face', 'pin', 'insurance_number', 'offline')),
        insurance_key text COLLATE "C",
        cert_subject text COLLATE "C",
        summary bytea NOT NULL,
        raw bytea NOT NULL
    )""",
    "CREATE INDEX snapshots_patient ON eligibility_snapshots (patient_id, confirmed_at)",
    "CREATE INDEX snapshots_insurance ON eligibility_snapshots (insurance_key, confirmed_at)",
    "CREATE INDEX snapshots_cert ON eligibility_snapshots (cert_subject, confirmed_at)",
    "CREATE INDEX snapshots_confirmed ON eligibility_snapshots (confirmed_at)",
    """CREATE TABLE pending_reconfirmations (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        patient_id text NOT NULL REFERENCES patients (patient_id),
        visit_id bigint REFERENCES visits (id),
        reason text NOT NULL,
        created_at timestamptz NOT NULL,
        resolved_at timestamptz
    )""",
    "CREATE INDEX pending_open ON pending_reconfirmations (created_at) WHERE resolved_at IS NULL",
    """CREATE TABLE staff_users (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        login text NOT NULL UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'clerk', 'viewer')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        last_login_at timestamptz
    )""",
    "CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL)",
    "INSERT INTO counters (name, value) VALUES ('patient_id', 0)",
    """CREATE TABLE audit_log (
        id bigint PRIMARY KEY,
        at text NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        subject text,
        details_json text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
    )""",
    "CREATE INDEX audit_subject ON audit_log (subject)",
    """CREATE TABLE audit_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last_id bigint NOT NULL,
        last_hash text NOT NULL
    )""",
    f"INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (true, 0, '{GENESIS_HASH}')",
    # Called by every writer before it appends: locks the head row (as the schema's owner, so the app's role needs
    # no UPDATE right on it) and says where the chain continues. Held until the writer commits.
    """CREATE FUNCTION audit_lock_head(OUT last_id bigint, OUT last_hash text)
       LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT
       AS $$ SELECT last_id, last_hash FROM audit_head WHERE singleton FOR UPDATE $$""",
    # Every inserted record must continue the chain: the next id and the last hash as prev_hash.
    """CREATE FUNCTION audit_log_chain() RETURNS trigger
       LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
       DECLARE head audit_head%ROWTYPE;
       BEGIN
         SELECT * INTO head FROM audit_head WHERE singleton FOR UPDATE;
         IF NEW.id <> head.last_id + 1 OR NEW.prev_hash <> head.last_hash THEN
           RAISE EXCEPTION 'audit record % does not continue the chain (head %)', NEW.id, head.last_id
             USING ERRCODE = 'integrity_constraint_violation';
         END IF;
         UPDATE audit_head SET last_id = NEW.id, last_hash = NEW.hash WHERE singleton;
         RETURN NEW;
       END $$""",
    "CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()",
    """CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
       END $$""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()""",
    "REVOKE ALL ON FUNCTION audit_lock_head() FROM PUBLIC",
    "REVOKE ALL ON FUNCTION audit_log_chain() FROM PUBLIC",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "patients, links, visits with the day's counter, snapshots, re-confirmations, staff, chained audit log",
        _V1,
    ),
)

CURRENT_VERSION = MIGRATIONS[-1].version

# The tables `info()` counts (the same names as the SQLCipher store's).
COUNTED_TABLES = (
    "patients", "links", "visits", "eligibility_snapshots", "staff_users", "audit_log", "pending_reconfirmations",
)
APPEND_ONLY_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete", "audit_log_no_truncate", "audit_log_chain")

# What the app's role (every desk and kiosk) may do, granted by the schema's owner (`PostgresStore.grant_app_role`).
# Audit: INSERT and SELECT only, never UPDATE, DELETE or TRUNCATE. Retention (DELETE of old snapshots) is included
# until the separate maintenance role is built.
_DATA_TABLES = (
    "patients", "links", "visits", "queue_counters", "eligibility_snapshots", "pending_reconfirmations",
    "staff_users", "counters",
)


def app_grants(schema: str, role: str) -> tuple[str, ...]:
    """GRANT statements for the app's role; `schema` and `role` must already be quoted identifiers."""
    tables = ", ".join(f"{schema}.{table}" for table in _DATA_TABLES)
    return (
        f"GRANT USAGE ON SCHEMA {schema} TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {tables} TO {role}",
        f"GRANT SELECT, INSERT ON {schema}.audit_log TO {role}",
        f"GRANT SELECT ON {schema}.audit_head, {schema}.schema_version TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
        f"GRANT EXECUTE ON FUNCTION {schema}.audit_lock_head() TO {role}",
    )
