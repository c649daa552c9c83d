"""Acceptance 2: SIGKILL a writer subprocess at random points during 500 registration + check-in cycles.

Afterwards: integrity_check is ok, every check-in the writer reported committed is there, the audit chain verifies.
The writer is restarted after each kill and continues until all 500 cycles are done.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from reception_app.store.sqlcipher import SQLCipherStore
from tests.store_support import PASSPHRASE, no_keyring

WRITER = Path(__file__).resolve().parent / "store_crash_writer.py"
CYCLES = 500
KILLS = 5
DEADLINE_S = 90.0


def _run_writer(db: Path, start: int, kill_after: int | None, reported: dict[int, int]) -> tuple[bool, bool]:
    """Runs the writer from `start`; kills it with SIGKILL after `kill_after` more reported check-ins.
    Returns (finished, killed)."""
    env = dict(os.environ, RECEPTION_APP_DB_PASSPHRASE=PASSPHRASE, PYTHONPATH=str(WRITER.parents[2]))
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(db), str(start), str(CYCLES)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    seen = 0
    killed = False
    finished = False
    for line in proc.stdout:
        parts = line.split()
        if parts[0] == "checkedin":
            reported[int(parts[1])] = int(parts[2])
            seen += 1
            if kill_after is not None and seen >= kill_after and not killed:
                proc.send_signal(signal.SIGKILL)  # mid-cycle: the writer runs on while we read
                killed = True
        elif parts[0] == "done":
            finished = True
    # Lines still in the pipe after the kill were printed after a commit: they count as reported.
    proc.wait(timeout=30)
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    if killed and proc.returncode == 0:
        killed = False  # it had already finished when the signal came
    assert proc.returncode == (-signal.SIGKILL if killed else 0), err
    return finished, killed


def test_sigkill_during_writes_loses_no_committed_check_in(tmp_path: Path) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    db = tmp_path / "crash.db"
    SQLCipherStore.create(db, method="passphrase", passphrase=PASSPHRASE).close()
    reported: dict[int, int] = {}
    kills = 0
    wal_left_behind = 0
    started = time.monotonic()
    finished = False
    while not finished:
        assert time.monotonic() - started < DEADLINE_S, f"too slow (seed {seed})"
        start = max(reported, default=-1) + 1
        # Leave room for the kills still to come, so there are always KILLS of them.
        room = (CYCLES - start) // (KILLS - kills + 1) if kills < KILLS else 0
        kill_after = rng.randint(5, max(5, room)) if kills < KILLS else None
        finished, killed = _run_writer(db, start, kill_after, reported)
        if killed:
            kills += 1
            wal = db.with_name(db.name + "-wal")
            wal_left_behind += wal.exists() and wal.stat().st_size > 0
    assert kills == KILLS, f"seed {seed}"
    assert wal_left_behind >= 1  # recovery from a hot WAL really happened
    assert sorted(reported) == list(range(CYCLES))
    with no_keyring(), SQLCipherStore.open(db, passphrase=PASSPHRASE) as store:
        assert store.integrity_check() == "ok"
        for i, visit_id in reported.items():
            visits = store.visits_of(f"C{i:04d}")
            assert [v.id for v in visits] == [visit_id], f"check-in {i} lost or doubled (seed {seed})"
        info = store.info()
        assert info.counts["patients"] == CYCLES and info.counts["visits"] == CYCLES
        verification = store.verify_audit()
        assert verification.ok, f"{verification} (seed {seed})"
        assert verification.records == 1 + 2 * CYCLES  # store.create + one per registration and check-in
