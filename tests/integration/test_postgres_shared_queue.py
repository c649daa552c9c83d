"""The shared-queue rules of the PostgreSQL store, enforced by the database, with several desk and kiosk processes
on loopback (tests/integration/pg_desk_worker.py) released together by a barrier, over many rounds:

- queue numbers of a day are unique and gap-free across every desk and kiosk;
- the same patient checked in from two places at once: one visit, the other told when and where;
- the same 照会番号 linked to two patients at once: one wins, the other gets a typed conflict, and the log keeps both.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess

import psycopg
import pytest

from reception_app.store import (
    LinkRequest,
    Patient,
    PostgresLocation,
    RawKey,
    Store,
    kiosk_actor,
    open_store,
    staff_actor,
)
from tests.integration import pg_desk_worker
from tests.integration.pg_desk_worker import Command, Outcome
from tests.integration.waiting import poll
from tests.store_support import drop_pg_schema, new_pg_schema

RESULT_TIMEOUT_S = 60.0
DAY = dt.date(2026, 11, 25)


@dataclass
class Site:
    dsn: str
    schema: str
    store: Store  # the test's own view of the shared database


@pytest.fixture()
def site(pg_dsn: str) -> Iterator[Site]:
    schema = new_pg_schema("queue")
    store = open_store(PostgresLocation(pg_dsn, schema), RawKey(bytes(32)), mode="create")
    try:
        yield Site(pg_dsn, schema, store)
    finally:
        store.close()
        drop_pg_schema(pg_dsn, schema)


class Desks:
    """Worker processes, one per (channel, actor); `round()` gives each its command and returns their outcomes."""

    def __init__(self, site: Site, places: Sequence[tuple[str, str]]) -> None:
        ctx = multiprocessing.get_context("spawn")
        barrier = ctx.Barrier(len(places))
        self.pipes: list[Connection] = []
        self.processes: list[SpawnProcess] = []
        for channel, actor in places:
            ours, theirs = ctx.Pipe()
            process = ctx.Process(
                target=pg_desk_worker.run, args=(site.dsn, site.schema, channel, actor, theirs, barrier), daemon=True
            )
            process.start()
            self.pipes.append(ours)
            self.processes.append(process)
        assert all(outcome.ok for outcome in self._collect())  # every worker is connected before the first round

    def _collect(self) -> list[Outcome]:
        outcomes = []
        for pipe in self.pipes:
            if not pipe.poll(RESULT_TIMEOUT_S):
                raise AssertionError(f"a worker gave no answer within {RESULT_TIMEOUT_S} s")
            outcomes.append(pipe.recv())
        return outcomes

    def send(self, commands: Sequence[Command]) -> None:
        for pipe, command in zip(self.pipes, commands, strict=True):
            pipe.send(command)

    def round(self, commands: Sequence[Command]) -> list[Outcome]:
        self.send(commands)
        return self._collect()

    def collect(self) -> list[Outcome]:
        return self._collect()

    def kill(self) -> None:
        for process in self.processes:
            process.kill()  # SIGKILL: no cleanup, no rollback from the client
            process.join(10)

    def stop(self) -> None:
        for pipe, process in zip(self.pipes, self.processes, strict=True):
            if process.is_alive():
                pipe.send(Command("stop"))
            process.join(10)
            if process.is_alive():
                process.kill()
                process.join(5)


@pytest.fixture()
def start_desks(site: Site) -> Iterator[Callable[[Sequence[tuple[str, str]]], Desks]]:
    started: list[Desks] = []

    def start(places: Sequence[tuple[str, str]]) -> Desks:
        desks = Desks(site, places)
        started.append(desks)
        return desks

    yield start
    for desks in started:
        desks.stop()


def _register(store: Store, count: int, prefix: str) -> list[str]:
    ids = []
    with store.transaction():
        for n in range(count):
            birth = dt.date(1980, 1, 1) + dt.timedelta(days=n)
            patient = Patient(f"{prefix}{n:04d}", f"試験 {n}", f"シケン {n}", birth)
            ids.append(store.register_patient(patient, staff_actor(1)).patient_id)
    return ids


PLACES = [("desk", staff_actor(1)), ("desk", staff_actor(2)), ("kiosk", kiosk_actor("entrance")),
          ("kiosk", kiosk_actor("east"))]


def test_queue_numbers_are_unique_and_gap_free_across_every_desk_and_kiosk(site: Site, start_desks) -> None:
    per_worker, rounds = 10, 3
    patients = _register(site.store, len(PLACES) * per_worker * rounds, "Q")
    desks = start_desks(PLACES)
    numbers: list[int] = []
    for r in range(rounds):
        base = r * len(PLACES) * per_worker
        commands = [
            Command("check_in_many", tuple(patients[base + w * per_worker: base + (w + 1) * per_worker]), DAY)
            for w in range(len(PLACES))
        ]
        outcomes = desks.round(commands)
        assert [o.code for o in outcomes if not o.ok] == []
        numbers += [n for o in outcomes for n in o.queue_numbers]
    assert sorted(numbers) == list(range(1, len(patients) + 1))
    assert [v.queue_number for v in site.store.queue(DAY)] == list(range(1, len(patients) + 1))
    assert site.store.verify_audit().ok


def test_the_same_patient_checked_in_from_two_places_at_once_gets_one_visit(site: Site, start_desks) -> None:
    rounds = 20
    patients = _register(site.store, rounds, "D")
    desks = start_desks([("desk", staff_actor(7)), ("kiosk", kiosk_actor("entrance"))])
    refused = []
    for pid in patients:
        outcomes = desks.round([Command("check_in", (pid,), DAY)] * 2)
        winners = [o for o in outcomes if o.ok]
        losers = [o for o in outcomes if not o.ok]
        assert len(winners) == 1 and [o.code for o in losers] == ["store_already_checked_in"]
        assert losers[0].first_queue_number == winners[0].queue_numbers[0]
        assert len(site.store.visits_of(pid)) == 1
        refused.append(losers[0])
    # The second place is told where the first check-in was made, and when (HH:MM).
    first_places = {o.where for o in refused}
    assert first_places <= {"desk, staff:7", "kiosk, kiosk:entrance"}
    assert all(f"({o.where})" in o.message and "already checked in at " in o.message for o in refused)
    assert len(site.store.queue(DAY)) == rounds
    assert [v.queue_number for v in site.store.queue(DAY)] == list(range(1, rounds + 1))  # no number lost
    assert site.store.verify_audit().ok


def test_the_same_reference_number_linked_to_two_patients_at_once(site: Site, start_desks) -> None:
    rounds = 20
    patients = _register(site.store, 2 * rounds, "L")
    desks = start_desks([("desk", staff_actor(1)), ("desk", staff_actor(2))])
    for r in range(rounds):
        mine, theirs = patients[2 * r], patients[2 * r + 1]
        reference = f"R-{r:04d}"
        outcomes = desks.round([Command("link", (mine,), reference_number=reference),
                                Command("link", (theirs,), reference_number=reference)])
        assert sorted(o.ok for o in outcomes) == [False, True]
        loser = next(o for o in outcomes if not o.ok)
        assert loser.code == "store_link_conflict"
        holder = site.store.find_by_reference_number(reference)
        assert holder is not None and loser.other_patient_id == holder.patient_id
        refused = theirs if holder.patient_id == mine else mine
        assert site.store.current_link(refused) is None  # nothing half-written for the refused patient
    actions = [r.action for r in site.store.audit_records(limit=10_000)]
    # The log keeps both attempts of every round: the link that won and the one refused.
    assert actions.count("link.create") == rounds and actions.count("link.conflict") == rounds
    assert site.store.verify_audit().ok


def _someone_waits_for_a_lock(dsn: str) -> bool:
    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE wait_event_type = 'Lock' AND application_name = 'reception-app'"
        ).fetchone()
    return row is not None and int(row[0]) > 0


def test_a_check_in_waits_for_the_other_desks_commit_and_then_is_refused(site: Site, start_desks) -> None:
    (pid,) = _register(site.store, 1, "W")
    desks = start_desks([("kiosk", kiosk_actor("entrance"))])
    with site.store.transaction():
        first = site.store.check_in(pid, "desk", staff_actor(3), day=DAY)  # holds the day's counter row
        desks.send([Command("check_in", (pid,), DAY)])
        poll(lambda: _someone_waits_for_a_lock(site.dsn), timeout=30)  # the kiosk is blocked on that row
    (outcome,) = desks.collect()
    assert (outcome.code, outcome.where, outcome.first_queue_number) == (
        "store_already_checked_in", "desk, staff:3", first.queue_number,
    )


def test_a_link_waits_for_the_other_desks_commit_and_then_is_a_conflict(site: Site, start_desks) -> None:
    mine, theirs = _register(site.store, 2, "X")
    desks = start_desks([("desk", staff_actor(2))])
    with site.store.transaction():
        site.store.link(mine, LinkRequest(reference_number="R-RACE"), staff_actor(1))  # not committed yet
        desks.send([Command("link", (theirs,), reference_number="R-RACE")])
        poll(lambda: _someone_waits_for_a_lock(site.dsn), timeout=30)  # blocked on the unique index entry
    (outcome,) = desks.collect()
    assert (outcome.code, outcome.other_patient_id) == ("store_link_conflict", mine)
    assert site.store.current_link(theirs) is None
    assert [r.subject for r in site.store.audit_records() if r.action == "link.conflict"] == [theirs]


def _open_transactions(dsn: str) -> int:
    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE state LIKE 'idle in transaction%%' AND application_name = 'reception-app'"
        ).fetchone()
    return int(row[0]) if row is not None else 0


def test_a_desk_killed_in_the_middle_of_a_check_in_leaves_nothing_half_written(site: Site, start_desks) -> None:
    patients = _register(site.store, 3, "K")
    audit_before = site.store.audit_records(limit=10_000)
    desks = start_desks([("desk", staff_actor(4))])
    desks.send([Command("check_in_and_hold", tuple(patients[:2]), DAY)])
    (held,) = desks.collect()
    assert held.queue_numbers == (1, 2)  # written inside the desk's open transaction
    assert _open_transactions(site.dsn) == 1
    desks.kill()
    assert desks.processes[0].exitcode == -signal.SIGKILL
    poll(lambda: _open_transactions(site.dsn) == 0, timeout=30)  # the server rolled the dead desk's work back
    assert site.store.queue(DAY) == [] and site.store.audit_records(limit=10_000) == audit_before
    # The day's counter went back too: the next check-in anywhere is number 1, and the chain verifies.
    assert site.store.check_in(patients[2], "kiosk", kiosk_actor("entrance"), day=DAY).queue_number == 1
    assert site.store.verify_audit().ok
