"""Makes `v1.db`: a database at schema version 1 with synthetic data, for the migration test.

Run once and commit the result (`.venv/bin/python tests/data/store/make_v1_db.py`); do not regenerate it when the
schema changes, since its purpose is to be what version 1 wrote. Rows are inserted with the SQL version 1 had (not
the current store methods, which may use newer columns). The key is derived from the known test passphrase below.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from reception_app.store import audit, keys, schema
from reception_app.store.sqlcipher import _open_connection

HERE = Path(__file__).resolve().parent
V1_PATH = HERE / "v1.db"
V1_PASSPHRASE = "v1 fixture passphrase (synthetic)"

PATIENTS = [
    ("000101", "旧版 一郎", "キュウハン イチロウ", "キュウハンイチロウ", "1960-05-01", "male", "09011110001"),
    ("000102", "旧版 髙子", "キュウハン タカコ", "キュウハンタカコ", "1999-12-31", "female", "09011110002"),
    ("A-7", "手入力 番号", "テニュウリョク バンゴウ", "テニュウリョクバンゴウ", "2010-07-07", "unknown", ""),
]
T0 = "2026-04-01T00:00:00.000000+00:00"
T1 = "2026-05-01T00:00:00.000000+00:00"


def build(path: Path = V1_PATH) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    salt = keys.new_salt()
    conn = _open_connection(path, keys.derive_key(V1_PASSPHRASE, salt), create=True, salt=salt)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    schema.migrate(conn, target=1)
    conn.execute("BEGIN IMMEDIATE")
    audit.append(conn, "system", "store.create", None, {"key_method": "passphrase"})
    for pid, name, kana, kana_key, birth, sex, phone in PATIENTS:
        conn.execute(
            "INSERT INTO patients (patient_id, name, kana, kana_key, birth_date, sex, address, phone, phone_key,"
            " notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '架空県見本市', ?, ?, '', ?, ?)",
            (pid, name, kana, kana_key, birth, sex, phone, phone, T0, T0),
        )
        audit.append(conn, "staff:1", "patient.register", pid)
    conn.executemany(
        "INSERT INTO links (id, patient_id, reference_number, insurer_number, insurance_symbol, insurance_number,"
        " insurance_branch, insurance_key, cert_subject, valid_from, valid_to)"
        " VALUES (?, '000101', 'R-000101', '0612999', '記号エ', ?, '01', ?, ?, ?, ?)",
        [
            (1, "1111", "0612999|記号エ|1111|01", "CN=v1-a", T0, T1),
            (2, "2222", "0612999|記号エ|2222|01", "CN=v1-b", T1, None),
        ],
    )
    audit.append(conn, "staff:1", "link.create", "000101", {"link_id": 1})
    audit.append(conn, "staff:1", "link.relink", "000101", {"link_id": 2, "old_link_id": 1})
    conn.executemany(
        "INSERT INTO visits (id, patient_id, visit_date, queue_number, checked_in_at, channel, status)"
        " VALUES (?, ?, '2026-05-01', ?, ?, ?, ?)",
        [(1, "000101", 1, T1, "desk", "done"), (2, "000102", 2, T1, "kiosk", "waiting")],
    )
    audit.append(conn, "staff:1", "checkin", "000101", {"visit_id": 1, "queue_number": 1, "channel": "desk"})
    audit.append(conn, "kiosk:entrance", "checkin", "000102", {"visit_id": 2, "queue_number": 2, "channel": "kiosk"})
    conn.execute(
        "INSERT INTO eligibility_snapshots (id, patient_id, visit_id, confirmed_at, source, insurance_key,"
        " cert_subject, summary_json, raw) VALUES (1, '000101', 1, ?, 'face', ?, 'CN=v1-b', ?, ?)",
        (T1, "0612999|記号エ|2222|01", json.dumps({"status": "valid"}), b"<synthetic-result/>"),
    )
    audit.append(conn, "staff:1", "eligibility.save", "000101", {"snapshot_id": 1, "source": "face"})
    conn.execute("COMMIT")
    conn.close()
    print(f"wrote {path} at schema version 1 ({dt.date.today()})")


if __name__ == "__main__":
    build()
