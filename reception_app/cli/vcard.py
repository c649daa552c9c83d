"""`reception-app vcard ...`: serve a virtual My Number Card over pcscd's vpcd driver, list the demo profiles.

    reception-app vcard serve --profile adult-seishin-21 [--host 127.0.0.1] [--port 35963] [--trace-file t.jsonl]
    reception-app vcard list

`serve` runs until SIGTERM/SIGINT (= the card is pulled) or until a pull fault fires. The trace file gets one JSON
line per APDU: header, status word, timing, selected AP/EF and the privacy flag; never PINs or other payloads.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from reception_app.card.vpcd import DEFAULT_HOST, DEFAULT_PORT, VpcdBridge

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("vcard", help="virtual My Number Cards for QA and tests")
    sub = parser.add_subparsers(dest="vcard_command", metavar="SUBCOMMAND", required=True)

    serve = sub.add_parser("serve", help="connect a virtual card to pcscd's vpcd reader (Virtual PCD 00 00)")
    serve.add_argument("--profile", required=True, help="profile id (see `vcard list`) or path to a profile JSON")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"vpcd host (default {DEFAULT_HOST})")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help="vpcd port: 35963 = slot 0, 35964 = slot 1")
    serve.add_argument("--trace-file", type=Path, help="append the APDU trace here as JSON lines")
    serve.add_argument("--latency-ms", type=float, help="fault: delay every answer")
    serve.add_argument("--pull-after", type=int, metavar="N", help="fault: pull the card after N APDUs")
    serve.add_argument(
        "--forced-sw",
        action="append",
        default=[],
        metavar="CMD=SW",
        help="fault: answer SW to a command (INS or C-APDU hex prefix), e.g. B0=6A82; repeatable",
    )
    serve.add_argument("--quiet", action="store_true", help="no connection messages on stderr")
    serve.set_defaults(handler=serve_command)

    lst = sub.add_parser("list", help="list the shipped card profiles")
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    lst.set_defaults(handler=list_command)


def _fail(message: str) -> int:
    print(f"reception-app vcard: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def serve_command(args: argparse.Namespace) -> int:
    # Imported here so that `reception-app --help` does not load the crypto stack.
    from reception_app.card.virtual import ProfileError, TraceEntry, VirtualMyNumberCard, load_profile

    if not 1 <= args.port <= 65535:
        return _fail(f"port {args.port} is not a TCP port")
    try:
        profile = load_profile(args.profile)
        card = VirtualMyNumberCard(profile)
        overrides: dict[str, Any] = {}
        if args.latency_ms is not None:
            overrides["latency_ms"] = args.latency_ms
        if args.pull_after is not None:
            overrides["pull_after_apdus"] = args.pull_after
        if args.forced_sw:
            pairs = [item.split("=", 1) for item in args.forced_sw]
            if any(len(p) != 2 for p in pairs):
                return _fail("--forced-sw takes CMD=SW, e.g. B0=6A82")
            overrides["forced_sw"] = {**card.faults.forced_sw, **dict(pairs)}
        for name, value in overrides.items():
            setattr(card.faults, name, value)  # validated by the pydantic model
    except ProfileError as exc:
        return _fail(str(exc))
    except ValueError as exc:
        return _fail(f"invalid fault option: {exc}")

    trace_out: TextIO | None = None
    if args.trace_file is not None:
        try:
            trace_out = args.trace_file.open("a", encoding="utf-8")
        except OSError as exc:
            return _fail(f"cannot open the trace file: {exc}")
        out = trace_out

        def write_entry(entry: TraceEntry) -> None:
            out.write(json.dumps(entry.to_dict()) + "\n")
            out.flush()  # QA tails the file while the card is served

        card.trace.subscribe(write_entry)

    def say(message: str) -> None:
        if not args.quiet:
            print(f"vcard {profile.id}: {message}", file=sys.stderr, flush=True)

    bridge = VpcdBridge(card, args.host, args.port, on_event=say)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        del signum, frame
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    subject = card.auth_certificate.subject.rfc4514_string()
    say(f"serving on vpcd {args.host}:{args.port} (token {profile.token.value}, certificate {subject})")
    bridge.start()
    try:
        while not stop.wait(0.2):  # wakes on a signal; the timeout only notices a bridge that ended on its own
            if not bridge.is_running():
                break
    finally:
        bridge.stop()
        for s, handler in previous.items():
            signal.signal(s, handler)
        if trace_out is not None:
            trace_out.close()
    say("stopped")
    return EXIT_OK


def list_command(args: argparse.Namespace) -> int:
    from reception_app.card.virtual import ProfileError, list_profiles, load_profile

    rows = []
    for profile_id in list_profiles():
        try:
            p = load_profile(profile_id)
        except ProfileError as exc:
            return _fail(str(exc))
        rows.append(
            {
                "id": p.id,
                "token": p.token.value,
                "certificate": p.certificate.validity.value,
                "auth_pin_tries_left": p.pins.auth.tries_left,
                "description": p.description,
            }
        )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in rows:
        print(
            f"{r['id']:<22} {r['token']:<8} {r['certificate']:<9} tries={r['auth_pin_tries_left']}  {r['description']}"
        )
    return EXIT_OK
