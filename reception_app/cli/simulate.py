"""`reception-app simulate oqs`: the OQS/PMH simulator (eligibility gateway + OQS terminal folders) on loopback.

Runs until Ctrl+C / SIGTERM. Faults can be set here and changed at run time through POST /_control
(docs/oqs-simulator.md).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

from reception_app.connect.simulator import OqsSimulator
from reception_app.connect.simulator.profiles import DEFAULT_INSTITUTION_CODE, ProfileLoadError


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("simulate", help="simulators for QA and demos")
    sub = group.add_subparsers(dest="simulate_command", metavar="SIMULATOR", required=True)
    oqs = sub.add_parser("oqs", help="OQS/PMH simulator: eligibility gateway on 127.0.0.1 and the terminal's folders")
    oqs.add_argument("--folder", type=Path, required=True, help="terminal share root (face/, req/, res/ are made)")
    oqs.add_argument("--port", type=int, default=8443, help="gateway port on 127.0.0.1 (0 = any free port)")
    oqs.add_argument("--tls", action="store_true", help="HTTPS with a self-signed certificate made at start")
    oqs.add_argument("--profiles", type=Path, help="OQS profile folder (default resources/oqs/profiles)")
    oqs.add_argument("--institution", default=DEFAULT_INSTITUTION_CODE, help="医療機関コード in results")
    faults = oqs.add_argument_group("gateway faults")
    faults.add_argument("--latency-ms", type=int, default=0, help="added before every answer")
    faults.add_argument("--hang-s", type=float, default=0.0, help="wait this long before answering")
    faults.add_argument("--http-status", type=int, default=0, help="answer every API call with this status")
    faults.add_argument("--fail-count", type=int, default=0, help="with --http-status: only the next N calls")
    faults.add_argument("--malformed", action="store_true", help="answer with a body outside the protocol")
    faults.add_argument("--segment-of-result", default="", help="SegmentOfResult in results (e.g. 2)")
    faults.add_argument("--challenge-ttl", type=float, default=60.0, help="challenge lifetime, seconds")
    faults.add_argument(
        "--outage", action="append", default=[], metavar="FROM:TO",
        help="down between FROM and TO seconds after start (repeatable)",
    )
    term = oqs.add_argument_group("terminal faults")
    term.add_argument("--partial-write-s", type=float, default=0.0, help="write half a file, wait, then the rest")
    term.add_argument("--rename-away", choices=("", "trash", "rename"), default="",
                      help="move face files after writing")
    term.add_argument("--duplicate", action="store_true", help="write every face file twice")
    term.add_argument("--res-latency-ms", type=int, default=0, help="delay before answering a req file")
    term.add_argument("--processing-before-final", type=int, default=0, help="'still processing' answers first")
    term.add_argument("--encoding", choices=("Shift_JIS", "UTF-8"), default="Shift_JIS")
    oqs.add_argument("--face", action="append", default=[], metavar="PROFILE", help="write a face file at start")
    oqs.add_argument("--run-for", type=float, default=0.0, help="stop after this many seconds (0 = until Ctrl+C)")
    oqs.set_defaults(handler=oqs_command)


def _outages(specs: list[str], start: float) -> list[tuple[float, float]]:
    windows = []
    for spec in specs:
        first, _, second = spec.partition(":")
        windows.append((start + float(first), start + float(second)))
    return windows


def oqs_command(args: argparse.Namespace) -> int:
    try:
        sim = OqsSimulator(args.folder, args.port, args.profiles, tls=args.tls, institution_code=args.institution)
        sim.faults.update({
            "gateway": {
                "latency_ms": args.latency_ms, "hang_s": args.hang_s, "http_status": args.http_status,
                "fail_count": args.fail_count, "malformed": args.malformed,
                "segment_of_result": args.segment_of_result, "challenge_ttl_s": args.challenge_ttl,
                "outages": _outages(args.outage, time.time()),
            },
            "terminal": {
                "partial_write_s": args.partial_write_s, "rename_away": args.rename_away,
                "duplicate": args.duplicate, "res_latency_ms": args.res_latency_ms,
                "processing_before_final": args.processing_before_final, "encoding": args.encoding,
            },
        })
        sim.start()
    except (ProfileLoadError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot listen on 127.0.0.1:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        for profile_id in args.face:
            sim.terminal.simulate_reader(profile_id)
        info = {
            "gateway": sim.base_url,
            "control": f"{sim.base_url}/_control",
            "folder": str(sim.folder),
            "profiles": sim.profiles.ids(),
        }
        if sim.identity is not None:
            info["spki_sha256"] = sim.identity.spki_sha256_hex
            info["ca_bundle"] = str(sim.identity.cert_pem)
        print(json.dumps(info, ensure_ascii=False), flush=True)
        stop.wait(args.run_for or None)
    finally:
        sim.stop()
    return 0
