"""The writer process of the crash-safety test: registration + check-in cycles, one line printed after each commit.

Usage: python store_crash_writer.py DB START END (passphrase in RECEPTION_APP_DB_PASSPHRASE). A cycle is idempotent,
so a writer restarted after a SIGKILL can redo the cycle it was in.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from reception_app.store import PassphraseKey, Patient, open_store, staff_actor


def main(db: str, start: int, end: int) -> int:
    store = open_store(Path(db), PassphraseKey(os.environ["RECEPTION_APP_DB_PASSPHRASE"]))  # as the app opens it
    print("open", flush=True)
    for i in range(start, end):
        patient_id = f"C{i:04d}"
        if store.get_patient(patient_id) is None:
            birth = dt.date(1950, 1, 1) + dt.timedelta(days=i * 37)
            store.register_patient(Patient(patient_id, f"耐障害 {i}", f"タイショウガイ {i}", birth), staff_actor(1))
            print(f"registered {i}", flush=True)
        visits = store.visits_of(patient_id)
        # Killed after the commit but before the print: report the committed visit instead of adding another.
        visit = visits[0] if visits else store.check_in(patient_id, "kiosk" if i % 2 else "desk", staff_actor(1))
        print(f"checkedin {i} {visit.id}", flush=True)
    store.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
