"""Eligibility snapshots are stored compressed; rows written before that still read back; nothing else changes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from reception_app.store import (
    InsuranceIds,
    LinkRequest,
    Patient,
    SnapshotInput,
    packing,
    schema,
    staff_actor,
)
from reception_app.store.sqlcipher import SQLCipherStore

STAFF = staff_actor(1)


@pytest.fixture()
def store(tmp_path: Path):
    conn = sqlite3.connect(tmp_path / "p.db", isolation_level=None, check_same_thread=False)
    schema.migrate(conn)
    opened = SQLCipherStore(conn, tmp_path / "p.db")
    yield opened
    opened.close()


def test_pack_round_trips_anything_even_what_looks_packed():
    for data in (b"", b"<?xml version='1.0'?><r/>", packing.MAGIC + b"not zlib at all", bytes(range(256)) * 40):
        assert packing.unpack(packing.pack(data)) == data
    assert packing.unpack("テキスト") == "テキスト".encode()  # a TEXT value from before packing
    assert packing.unpack(b"<r/>") == b"<r/>"  # a BLOB from before packing


def test_snapshots_are_stored_packed_and_read_back_whole(store: SQLCipherStore):
    person = Patient("", "圧縮 花子", "アッシュク ハナコ", dt.date(1990, 1, 2), "female")
    patient = store.register_patient(person, STAFF)
    ins = InsuranceIds("06137531", "記号", "12345", "01")
    store.link(patient.patient_id, LinkRequest(None, ins, None), STAFF)
    xml = "<?xml version='1.0' encoding='Shift_JIS'?>" + "<Person><Name>圧縮 花子</Name></Person>" * 40
    raw = xml.encode("cp932")
    summary = {"patient": {"name": "圧縮 花子", "kana": "アッシュク ハナコ"}, "subsidies": [{"code": "54"}] * 30}
    saved = store.save_snapshot(SnapshotInput(dt.datetime.now(dt.UTC), "face", summary, raw, patient.patient_id,
                                              None, ins), STAFF)
    stored_summary, stored_raw = store._conn.execute(
        "SELECT summary_json, raw FROM eligibility_snapshots WHERE id = ?", (saved.id,)).fetchone()
    assert bytes(stored_summary).startswith(packing.MAGIC) and bytes(stored_raw).startswith(packing.MAGIC)
    assert len(stored_raw) * 4 < len(raw)  # repetitive XML: well under a quarter
    assert "圧縮".encode() not in bytes(stored_summary) and "圧縮".encode("cp932") not in bytes(stored_raw)
    again = store.latest_snapshot_for_patient(patient.patient_id, STAFF)
    assert again is not None and again.raw == raw and again.summary == summary


def test_a_row_written_before_packing_still_reads(store: SQLCipherStore):
    patient = store.register_patient(Patient("", "旧形式 一郎", "キュウケイシキ イチロウ", dt.date(1970, 5, 6)), STAFF)
    store._conn.execute(
        "INSERT INTO eligibility_snapshots (patient_id, confirmed_at, source, summary_json, raw)"
        " VALUES (?, ?, 'pin', ?, ?)",
        (patient.patient_id, dt.datetime.now(dt.UTC).isoformat(), '{"status": "有効"}', b"<old/>"))
    snapshot = store.latest_snapshot_for_patient(patient.patient_id, STAFF)
    assert snapshot is not None and snapshot.summary == {"status": "有効"} and snapshot.raw == b"<old/>"
