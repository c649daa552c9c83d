"""A desk or kiosk process for the PostgreSQL shared-queue tests: opens the shared store through the factory, then
runs the commands it is sent, each one released together with the other processes' by a shared barrier, so that
they hit the server at the same moment. Started with multiprocessing's spawn context (a fresh interpreter, its own
connection)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Barrier

from reception_app.store import (
    AlreadyCheckedInError,
    LinkConflictError,
    LinkRequest,
    PostgresLocation,
    RawKey,
    StoreError,
    open_store,
)

BARRIER_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Command:
    op: str  # "check_in" | "check_in_many" | "link" | "check_in_and_hold" | "stop"
    patient_ids: tuple[str, ...] = ()
    day: dt.date | None = None
    reference_number: str | None = None


@dataclass(frozen=True)
class Outcome:
    ok: bool
    queue_numbers: tuple[int, ...] = ()
    code: str | None = None
    message: str = ""
    other_patient_id: str | None = None  # LinkConflictError
    where: str | None = None  # AlreadyCheckedInError
    first_queue_number: int | None = None


def run(dsn: str, schema: str, channel: str, actor: str, commands: Connection, barrier: Barrier) -> None:
    store = open_store(PostgresLocation(dsn, schema), RawKey(bytes(32)))
    try:
        commands.send(Outcome(ok=True))  # connected
        while True:
            command: Command = commands.recv()
            if command.op == "stop":
                return
            barrier.wait(BARRIER_TIMEOUT_S)
            if command.op == "check_in_and_hold":
                _hold(store, command, channel, actor, commands)
                continue
            commands.send(_do(store, command, channel, actor))
    finally:
        store.close()


def _hold(store: object, command: Command, channel: str, actor: str, commands: Connection) -> None:
    """Checks the patients in inside one transaction, says so, and waits there (to be killed in the middle)."""
    from reception_app.store import Store

    assert isinstance(store, Store)
    with store.transaction():
        numbers = tuple(
            store.check_in(pid, channel, actor, day=command.day).queue_number  # type: ignore[arg-type]
            for pid in command.patient_ids
        )
        commands.send(Outcome(ok=True, queue_numbers=numbers))
        commands.recv()  # never answered: the test kills this process here


def _do(store: object, command: Command, channel: str, actor: str) -> Outcome:
    from reception_app.store import Store

    assert isinstance(store, Store)
    try:
        if command.op == "link":
            store.link(command.patient_ids[0], LinkRequest(reference_number=command.reference_number), actor)
            return Outcome(ok=True)
        numbers = tuple(
            store.check_in(pid, channel, actor, day=command.day).queue_number  # type: ignore[arg-type]
            for pid in command.patient_ids
        )
        return Outcome(ok=True, queue_numbers=numbers)
    except AlreadyCheckedInError as exc:
        return Outcome(False, code=exc.code, message=exc.message, where=exc.where, first_queue_number=exc.queue_number)
    except LinkConflictError as exc:
        return Outcome(False, code=exc.code, message=exc.message, other_patient_id=exc.other_patient_id)
    except StoreError as exc:
        return Outcome(False, code=exc.code, message=exc.message)
