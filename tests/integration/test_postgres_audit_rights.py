"""The PostgreSQL audit log is append-only for the app: its role may insert and read audit records but the server
refuses UPDATE, DELETE and TRUNCATE (not granted); even the schema's owner is stopped by the triggers; and a record
that does not continue the chain is refused. Real server, real roles (SCRAM logins over loopback)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import make_conninfo

from reception_app.store import Patient, PostgresLocation, RawKey, Store, StorePermissionError, open_store, staff_actor
from reception_app.store.audit import record_hash
from tests.store_support import drop_pg_schema, new_pg_schema

STAFF = staff_actor(1)


@dataclass
class AppRole:
    owner_dsn: str
    app_dsn: str
    schema: str
    store: Store  # opened as the app's role


@pytest.fixture()
def app_role(pg_dsn: str) -> Iterator[AppRole]:
    schema, role, password = new_pg_schema("rights"), new_pg_schema("app"), secrets.token_hex(16)
    with psycopg.connect(pg_dsn, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(role), sql.Literal(password)))
    owner = open_store(PostgresLocation(pg_dsn, schema), RawKey(bytes(32)), mode="create")
    owner.grant_app_role(role)  # type: ignore[attr-defined]  # set-up by the schema's owner, not the contract
    owner.close()
    app_dsn = make_conninfo(pg_dsn, user=role, password=password)
    store = open_store(PostgresLocation(app_dsn, schema), RawKey(bytes(32)))
    try:
        yield AppRole(pg_dsn, app_dsn, schema, store)
    finally:
        store.close()
        drop_pg_schema(pg_dsn, schema)
        with psycopg.connect(pg_dsn, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


def _as(dsn: str, schema: str) -> psycopg.Connection[tuple[object, ...]]:
    conn: psycopg.Connection[tuple[object, ...]] = psycopg.connect(dsn, autocommit=True)
    conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))
    return conn


def test_the_app_role_writes_audited_changes_and_the_chain_verifies(app_role: AppRole) -> None:
    patient = app_role.store.register_patient(Patient("", "架空 花子", "カクウ ハナコ", dt.date(1985, 4, 12)), STAFF)
    app_role.store.check_in(patient.patient_id, "desk", STAFF)
    assert [r.action for r in app_role.store.audit_records()] == ["store.create", "patient.register", "checkin"]
    assert app_role.store.verify_audit().ok


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET actor = 'staff:99' WHERE id = 1", "DELETE FROM audit_log WHERE id = 1",
     "TRUNCATE audit_log", "UPDATE audit_head SET last_id = 0"],
)
def test_the_app_role_may_not_change_or_remove_audit_records(app_role: AppRole, statement: str) -> None:
    with _as(app_role.app_dsn, app_role.schema) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement)  # type: ignore[arg-type]
    assert app_role.store.verify_audit().ok


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET actor = 'staff:99' WHERE id = 1", "DELETE FROM audit_log WHERE id = 1",
     "TRUNCATE audit_log"],
)
def test_even_the_owner_is_stopped_by_the_append_only_triggers(app_role: AppRole, statement: str) -> None:
    with _as(app_role.owner_dsn, app_role.schema) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege) as info:
        conn.execute(statement)  # type: ignore[arg-type]
    assert "append-only" in str(info.value)
    assert app_role.store.verify_audit().ok


def test_a_record_that_does_not_continue_the_chain_is_refused(app_role: AppRole) -> None:
    at, details = "2026-11-25T00:00:00.000000+00:00", "{}"
    forged = (5, at, "staff:99", "export", None, details, "0" * 64)  # skips ids 2-4 and names the wrong prev_hash
    with _as(app_role.app_dsn, app_role.schema) as conn, pytest.raises(psycopg.errors.IntegrityConstraintViolation):
        conn.execute(
            "INSERT INTO audit_log (id, at, actor, action, subject, details_json, prev_hash, hash)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (*forged, record_hash(*forged)),
        )
    assert app_role.store.verify_audit().ok and len(app_role.store.audit_records()) == 1


def test_a_right_the_role_lacks_is_a_typed_error(app_role: AppRole) -> None:
    elsewhere = PostgresLocation(app_role.app_dsn, new_pg_schema("denied"))
    with pytest.raises(StorePermissionError) as info:
        open_store(elsewhere, RawKey(bytes(32)), mode="create")  # creating a schema is the owner's right
    assert info.value.code == "store_permission_denied"
