"""Acceptance 2: 1,000 face files in bursts while the watcher (a subprocess) is SIGKILLed and restarted mid-way.

What "delivered" means here (docs/oqs-simulator.md, "Face-folder watcher"):
- every result file that stays reachable, in `face` or its `trash` subfolder, under any name matching
  `OQSsiquc01res_face_*.xml`, is delivered exactly once, whatever happened to it: slow (partial) writes, moved into
  `trash` right after writing (MynaReception's fallback), renamed in place by other software, written twice under
  two names, or written again under the same name;
- the handler dedupes on the delivery id (SHA-256 of the bytes). Across the SIGKILL, the watcher may offer at most
  the one result that was inside the handler when it died, flagged `possibly_redelivered`; every other result is
  offered exactly once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reception_app.connect.simulator.faults import FaultPanel
from reception_app.connect.simulator.profiles import ProfileSet, render_result
from reception_app.connect.simulator.terminal import TerminalSimulator

pytestmark = [pytest.mark.timeout(120), pytest.mark.slow]

TOTAL = 1000
BURST = 100

CHILD = r"""
import json, os, sys, time
from pathlib import Path
from reception_app.connect.face_watcher import FaceWatcher
from reception_app.eligibility.xml import parse_result

face, ledger, sink, offers, ready = (Path(p) for p in sys.argv[1:6])
seen = set()
if sink.exists():
    seen = {json.loads(line)["id"] for line in sink.read_text().splitlines() if line.strip()}
sink_fh = open(sink, "a")
offers_fh = open(offers, "a")

def handler(d):
    rec = {"id": d.delivery_id, "afi": d.result.header.arbitrary_file_identifier, "re": d.possibly_redelivered}
    offers_fh.write(json.dumps(rec) + "\n"); offers_fh.flush(); os.fsync(offers_fh.fileno())
    if d.delivery_id in seen:
        return  # idempotent consumer: already stored before the crash
    sink_fh.write(json.dumps(rec) + "\n"); sink_fh.flush(); os.fsync(sink_fh.fileno())
    seen.add(d.delivery_id)

w = FaceWatcher(face, handler, parse=parse_result, ledger_dir=ledger, poll_interval=0.05, reject_after=20.0)
ready.write_text(str(os.getpid()))
w.run()
"""


def read_jsonl(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue  # a line torn by SIGKILL was never acknowledged
    return out


def start_child(tmp: Path, ready: Path) -> subprocess.Popen[bytes]:
    ready.unlink(missing_ok=True)
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp / "OQS" / "face"), str(tmp / "ledger"), str(tmp / "sink.jsonl"),
         str(tmp / "offers.jsonl"), str(ready)],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 20
    while not ready.exists():
        assert proc.poll() is None, "watcher child died at start"
        assert time.monotonic() < deadline, "watcher child did not start"
        time.sleep(0.02)
    return proc


def test_thousand_files_with_kill_and_restart(tmp_path: Path) -> None:
    term = TerminalSimulator(tmp_path / "OQS", ProfileSet(), FaultPanel())
    profiles = term.profiles.ids()
    payloads = []
    for i in range(TOTAL):
        result = term.result_for(profiles[i % len(profiles)], file_identifier=f"STRESS{i:04d}")
        payloads.append(render_result(result, "Shift_JIS" if i % 4 else "UTF-8"))
    assert len(set(payloads)) == TOTAL

    ready = tmp_path / "ready"
    child = start_child(tmp_path, ready)
    killed = restarted = False
    slow_pool = ThreadPoolExecutor(max_workers=8)
    rewrite_later: list[tuple[str, bytes]] = []
    try:
        for burst_start in range(0, TOTAL, BURST):
            for i in range(burst_start, burst_start + BURST):
                name = term.new_face_name().replace(".xml", f"_{i:04d}.xml")
                kind = i % 10
                if kind == 3:  # slow writer: half the file is visible for a while
                    slow_pool.submit(term.write_face_file, payloads[i], name, partial_write_s=0.25)
                elif kind == 5:
                    term.write_face_file(payloads[i], name, rename_away="trash")
                elif kind == 7:
                    term.write_face_file(payloads[i], name, rename_away="rename")
                elif kind == 8:
                    term.write_face_file(payloads[i], name, duplicate=True)
                else:
                    term.write_face_file(payloads[i], name)
                    if kind == 1:
                        rewrite_later.append((name, payloads[i]))
            # between bursts: the same name written again (same bytes) by the terminal
            for name, data in rewrite_later[-3:]:
                term.write_face_file(data, name)
            if not killed and burst_start >= TOTAL // 2:
                # wait until the watcher is busy mid-way, then kill it without warning
                deadline = time.monotonic() + 20
                while len(read_jsonl(tmp_path / "sink.jsonl")) < TOTAL // 3 and time.monotonic() < deadline:
                    time.sleep(0.02)
                child.send_signal(signal.SIGKILL)
                child.wait(10)
                killed = True
            elif killed and not restarted:
                child = start_child(tmp_path, ready)
                restarted = True
            time.sleep(0.05)  # bursts, not one stream
        slow_pool.shutdown(wait=True)
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            delivered = {r["afi"] for r in read_jsonl(tmp_path / "sink.jsonl")}
            if len(delivered) >= TOTAL:
                break
            time.sleep(0.1)
        time.sleep(0.3)  # a few more polls: anything delivered twice would show up now
    finally:
        slow_pool.shutdown(wait=False)
        child.send_signal(signal.SIGTERM)
        child.wait(10)

    assert killed and restarted
    sink = read_jsonl(tmp_path / "sink.jsonl")
    counts = Counter(r["afi"] for r in sink)
    expected = {f"STRESS{i:04d}" for i in range(TOTAL)}
    assert set(counts) == expected, f"missing {sorted(expected - set(counts))[:10]}"
    assert max(counts.values()) == 1  # exactly once at the consumer

    offers = read_jsonl(tmp_path / "offers.jsonl")
    offered = Counter(r["id"] for r in offers)
    repeated = [k for k, n in offered.items() if n > 1]
    assert len(repeated) <= 1, f"{len(repeated)} results offered more than once"  # only the kill window
    for key in repeated:
        assert any(r["id"] == key and r["re"] for r in offers)  # and flagged as a possible redelivery
    ledger_lines = (tmp_path / "ledger" / "face-ledger.jsonl").read_text().splitlines()
    assert sum('"status":"done"' in line for line in ledger_lines) == TOTAL
