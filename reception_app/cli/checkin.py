"""`reception-app check-in`: the headless PIN path card → signature → gateway → parse → merge → eligibility JSON.

Without `--gateway` the OQS/PMH simulator is started in-process on a free loopback port. Nothing personal is
logged; the PIN is never printed, and the 12-digit individual number is never read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reception_app.card.backends import READER_SPEC_HELP, ReaderBackend, open_backend
from reception_app.card.errors import CardError, PinBlockedError, PinKind
from reception_app.card.session import MyNumberCard
from reception_app.card.transport import CardConnection
from reception_app.config import DEFAULTS
from reception_app.connect import gateway_protocol as proto
from reception_app.connect.errors import ConnectError
from reception_app.connect.gateway_client import GatewayClient, GatewayConfig
from reception_app.connect.signers import CardSigner
from reception_app.connect.simulator import OqsSimulator
from reception_app.connect.simulator.profiles import DEFAULT_INSTITUTION_CODE
from reception_app.connect.source import EligibilityOutcome, EligibilityQuery, GatewaySource
from reception_app.connect.tls import TlsConfig
from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import MergedEligibility

EXIT_ERROR = 2


@dataclass
class CheckInTimings:
    """Seconds per part of one check-in, for `--timings` and the benchmark."""

    card_io: float = 0.0  # identify, PIN status, PIN verify + signature, certificate read
    gateway: float = 0.0  # challenge + confirm round trips (network and server)
    app: float = 0.0  # everything else: signed-data building, parsing, merge, JSON
    total: float = 0.0
    steps: dict[str, float] = field(default_factory=dict)


class _TimedSigner:
    def __init__(self, inner: CardSigner) -> None:
        self.inner = inner
        self.seconds = 0.0

    def sign(self, data: bytes) -> tuple[bytes, bytes]:
        t0 = time.perf_counter()
        try:
            return self.inner.sign(data)
        finally:
            self.seconds += time.perf_counter() - t0


def run_checkin(
    card: MyNumberCard,
    pin: str,
    client: GatewayClient,
    *,
    visit_date: dt.date,
    consents: proto.Consents,
    allow_last_try: bool = False,
) -> tuple[MergedEligibility, EligibilityOutcome, CheckInTimings]:
    """One card-in → merged result on an open card session (the reception flow runs this off the GUI thread)."""
    timings = CheckInTimings()
    t_start = time.perf_counter()
    card.identify()
    status = card.auth_pin_status()
    t_card = time.perf_counter() - t_start
    if status.blocked:
        raise PinBlockedError(PinKind.AUTH)
    signer = _TimedSigner(CardSigner(card, pin, allow_last_try=allow_last_try))
    outcome = GatewaySource(client).fetch(EligibilityQuery(visit_date=visit_date, signer=signer, consents=consents))
    t_merge = time.perf_counter()
    merged = merge(outcome.result, (), None, visit_date)  # the file's own PMH subsidies are always included
    merged.to_json()
    t_end = time.perf_counter()
    timings.card_io = t_card + signer.seconds
    timings.gateway = outcome.timings.get("challenge", 0.0) + outcome.timings.get("confirm", 0.0)
    timings.total = t_end - t_start
    timings.app = max(0.0, timings.total - timings.card_io - timings.gateway)
    timings.steps = {**outcome.timings, "merge": t_end - t_merge, "card_identify_and_pin_status": t_card}
    return merged, outcome, timings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check-in",
        aliases=["checkin"],
        help="headless check-in: card (PIN) → eligibility gateway → merged eligibility JSON",
        description=__doc__,
    )
    parser.add_argument("--reader", default="simulator", help=READER_SPEC_HELP)
    parser.add_argument("--card", help="demo card profile to place on the simulator reader (e.g. adult-seishin-21)")
    parser.add_argument("--pin", help="authentication PIN (4 digits); asked for when omitted in a terminal")
    parser.add_argument("--gateway", help="gateway base URL; default: start the OQS/PMH simulator on loopback")
    parser.add_argument("--gateway-pin", action="append", default=[], help="SPKI SHA-256 pin of the gateway (hex)")
    parser.add_argument("--ca-bundle", type=Path, help="PEM CA bundle to trust for the gateway")
    parser.add_argument("--client-cert", type=Path, help="client certificate (PEM) for mutual TLS")
    parser.add_argument("--client-key", type=Path, help="client key (PEM) for mutual TLS")
    parser.add_argument("--institution", default=DEFAULT_INSTITUTION_CODE, help="医療機関コード (10 digits)")
    parser.add_argument("--visit-date", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default today)")
    parser.add_argument("--no-pmh-consent", action="store_true", help="the patient declined 医療費助成 data")
    parser.add_argument("--timeout", type=float, default=DEFAULTS.gateway_query_timeout_s,
                        help="gateway timeout per call, seconds")
    parser.add_argument("--allow-last-try", action="store_true", help="allow spending the last PIN try")
    parser.add_argument("--json", action="store_true", help="print the eligibility JSON (default: a short summary)")
    parser.add_argument("--timings", action="store_true", help="print card/gateway/app timings to stderr")
    parser.set_defaults(handler=checkin_command)


def _error(args: argparse.Namespace, code: str, message: str) -> int:
    if args.json:
        print(json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False))
    else:
        print(f"error [{code}]: {message}", file=sys.stderr)
    return EXIT_ERROR


def _backend(args: argparse.Namespace) -> ReaderBackend:
    backend = open_backend(args.reader)
    if args.card:
        from reception_app.card.backends.simulator import SimulatorBackend

        if not isinstance(backend, SimulatorBackend):
            raise ValueError("--card works only with --reader simulator (a PC/SC reader reads the card it holds).")
        backend.insert(args.card)
    return backend


def checkin_command(args: argparse.Namespace) -> int:
    pin = args.pin
    if pin is None:
        if not sys.stdin.isatty():
            return _error(args, "pin_required", "The authentication PIN is required (--pin, or run in a terminal).")
        pin = getpass.getpass("Authentication PIN (4 digits): ")
    visit_date = args.visit_date or dt.date.today()
    consents = proto.Consents(
        medication_info=True, diagnosis_info=True, limit_application_info=True,
        medical_subsidy_info=not args.no_pmh_consent,
    )
    simulator: OqsSimulator | None = None
    tmp: tempfile.TemporaryDirectory[str] | None = None
    try:
        backend = _backend(args)
        if args.gateway:
            base_url = args.gateway
        else:
            tmp = tempfile.TemporaryDirectory(prefix="reception-checkin-")
            simulator = OqsSimulator(Path(tmp.name), 0, institution_code=args.institution).start()
            base_url = simulator.base_url
        tls = TlsConfig(
            ca_bundle=args.ca_bundle,
            pinned_spki_sha256=tuple(args.gateway_pin),
            client_cert=args.client_cert,
            client_key=args.client_key,
        )
        config = GatewayConfig(base_url, args.institution, read_timeout=args.timeout,
                               total_timeout=args.timeout * 2, tls=tls)
        card = MyNumberCard(CardConnection(backend.connect()))
        try:
            with GatewayClient(config) as client:
                merged, _outcome, timings = run_checkin(
                    card, pin, client, visit_date=visit_date, consents=consents, allow_last_try=args.allow_last_try)
        finally:
            card.connection.disconnect()
    except (CardError, ConnectError) as exc:
        return _error(args, exc.code, str(exc))
    except ValueError as exc:
        return _error(args, "invalid_argument", str(exc))
    finally:
        if simulator is not None:
            simulator.stop()
        if tmp is not None:
            tmp.cleanup()
    if args.timings:
        print(
            f"timings: card I/O {timings.card_io * 1000:.1f} ms, gateway {timings.gateway * 1000:.1f} ms, "
            f"app {timings.app * 1000:.1f} ms, total {timings.total * 1000:.1f} ms",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(merged.to_json(), ensure_ascii=False, indent=2))
    else:
        print(f"{merged.status}: {merged.status_text_en}")
        for warning in merged.warnings:
            print(f"  warning [{warning.code}] {warning.message_en}")
    return 0
