"""Held face-reader results are not lost when the app stops: the whole story over the real demo stack (the OQS
simulator's face folder, the face watcher and its ledger, the router, the SQLCipher demo database).

A result no check-in could take is held for the staff; the face ledger keeps it un-settled (`held`), so after a
restart on the same folders the watcher offers it again and the desk lists it again, with its first time and reason.
Once the staff check in with it or discard it, the ledger records `done`, and the next restart does not bring it
back.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from reception_app.compose.demo import DemoServices
from reception_app.connect.ledger import LEDGER_FILE_NAME
from reception_app.reception.view import State
from tests.integration.waiting import poll


def start(data_dir: Path) -> DemoServices:
    return DemoServices.start(data_dir, query_timeout=5.0, reqres_timeout=3.0)


def statuses(data_dir: Path) -> dict[str, list[str]]:
    """delivery id -> its ledger statuses, in order."""
    out: dict[str, list[str]] = {}
    for line in (data_dir / "face-ledger" / LEDGER_FILE_NAME).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        out.setdefault(rec["key"], []).append(rec["status"])
    return out


def test_held_face_results_survive_a_restart_until_the_staff_check_in_or_discard(tmp_path: Path) -> None:
    data = tmp_path / "demo"

    # 1. Nobody waits for a face result: both are held for the staff. The app then stops (update, reboot, crash).
    services = start(data)
    try:
        suzuki_files = services.face_reader("adult-nanbyo-54")
        sato_files = services.face_reader("adult-seishin-21")
        poll(lambda: services.held_faces.count() == 2)
        before = {row.name: row for row in services.held_faces.rows()}
    finally:
        services.stop()
    suzuki, sato = before["鈴木　健一"].reference, before["佐藤　美咲"].reference
    assert statuses(data) == {suzuki: ["offered", "held"], sato: ["offered", "held"]}
    assert all(path.exists() for path in suzuki_files + sato_files)  # still in the face folder

    # 2. Started again on the same folders: the desk lists both again, as they were.
    services = start(data)
    try:
        poll(lambda: services.held_faces.count() == 2)
        after = {row.name: row for row in services.held_faces.rows()}
        assert {name: row.reference for name, row in after.items()} == {"鈴木　健一": suzuki, "佐藤　美咲": sato}
        for name, row in after.items():
            first = before[name]
            assert (row.kana, row.birth_date, row.insurance, row.reason) == (
                first.kana, first.birth_date, first.insurance, "no_open_session")
            assert row.received_at is not None and first.received_at is not None
            assert abs(row.received_at - first.received_at) < dt.timedelta(seconds=2)  # its first time, not now
        day = services.clock().date()
        assert services.store.queue(day) == []  # held, not taken by anybody

        # the staff check in with Suzuki's result and discard Sato's
        session = services.new_session(staff_user="staff:1")
        view = services.held_faces.start_checkin(suzuki, session, staff_user="staff:1")
        assert view.state == State.COMPLETED and view.patient is not None
        assert view.patient.patient_id == services.seeded["nanbyo"]
        assert services.held_faces.discard(sato, staff_user="staff:1")
        assert services.held_faces.count() == 0
        assert [v.patient_id for v in services.store.queue(day)] == [services.seeded["nanbyo"]]
        actions = [r.action for r in services.store.audit_records(limit=10_000)]
        assert "reception.face_result_assigned" in actions and "reception.face_result_discarded" in actions
    finally:
        services.stop()
    assert statuses(data) == {suzuki: ["offered", "held", "held", "done"], sato: ["offered", "held", "held", "done"]}

    # 3. Another restart: the settled results do not come back (the watcher sees their files as done).
    services = start(data)
    try:
        assert services.face_source is not None
        watcher = services.face_source.watcher
        poll(lambda: watcher.stats.duplicates == 2)  # both files read again and found done
        assert services.held_faces.count() == 0 and watcher.stats.delivered == 0
        day = services.clock().date()
        assert [v.patient_id for v in services.store.queue(day)] == [services.seeded["nanbyo"]]  # checked in once
    finally:
        services.stop()
