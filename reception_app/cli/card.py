"""`reception-app card ...`: what is on the reader, and its authentication certificate.

`--reader pcsc[:NAME] | simulator` picks the backend; with `simulator`, `--card PROFILE` puts a virtual card on it.
PINs are never taken from the command line (other users could read them in the process list): `--ask-pin` prompts.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from reception_app.card.backends import DEFAULT_READER_SPEC, READER_SPEC_HELP, ReaderBackend, open_backend
from reception_app.card.certificate import CertificateStatus, load_certificate, parse_certificate
from reception_app.card.errors import CardError, NoCardError
from reception_app.card.session import MyNumberCard
from reception_app.card.transport import CardConnection

READER_ENV = "RECEPTION_APP_READER"  # default for --reader, e.g. in a QA shell

STATUS_WORDS = {
    CertificateStatus.VALID: "valid",
    CertificateStatus.EXPIRING: "WARNING: expires soon - the cardholder should renew it at the municipality",
    CertificateStatus.EXPIRED: "WARNING: expired - still usable as a health insurance card for 3 months",
}


def _add_reader_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reader",
        default=argparse.SUPPRESS,  # keeps a top-level `reception-app --reader X card ...` in effect
        metavar="pcsc[:NAME]|simulator",
        help=f"{READER_SPEC_HELP} (default: ${READER_ENV} or '{DEFAULT_READER_SPEC}')",
    )
    parser.add_argument("--card", metavar="PROFILE", help="with --reader simulator: insert this virtual card profile")
    parser.add_argument("--timeout", type=float, default=5.0, metavar="SECONDS", help="per-APDU timeout (default 5)")


def register(subparsers: Any) -> None:
    card = subparsers.add_parser("card", help="read My Number Cards on a reader")
    sub = card.add_subparsers(dest="card_command", metavar="SUBCOMMAND", required=True)
    status = sub.add_parser("status", help="readers, card present, token type, PIN tries left (spends no try)")
    _add_reader_args(status)
    status.set_defaults(handler=status_command)
    read = sub.add_parser("read-cert", help="the authentication certificate: subject, serial, validity")
    _add_reader_args(read)
    read.add_argument("--pem", type=Path, metavar="FILE", help="also write the certificate to FILE as PEM")
    read.add_argument("--ask-pin", action="store_true", help="prompt for the PIN (a smartphone token needs it)")
    read.set_defaults(handler=read_cert_command)


def _fail(error: CardError | str) -> int:
    if isinstance(error, CardError):
        print(f"error [{error.code}]: {error}", file=sys.stderr)
    else:
        print(f"error: {error}", file=sys.stderr)
    return 1


def reader_spec(args: argparse.Namespace) -> str:
    """--reader (after the command or before it), else $RECEPTION_APP_READER, else pcsc."""
    return getattr(args, "reader", None) or os.environ.get(READER_ENV) or DEFAULT_READER_SPEC


def _backend(args: argparse.Namespace) -> ReaderBackend:
    backend = open_backend(reader_spec(args))
    if args.card:
        from reception_app.card.backends.simulator import SimulatorBackend

        if not isinstance(backend, SimulatorBackend):
            raise ValueError("--card works only with --reader simulator.")
        backend.insert(args.card)
    return backend


def _session(backend: ReaderBackend, timeout_s: float) -> MyNumberCard:
    return MyNumberCard(CardConnection(backend.connect(), timeout_s=timeout_s))


def status_command(args: argparse.Namespace) -> int:
    try:
        backend = _backend(args)
        readers = backend.list_readers()
        print(f"Reader backend: {backend.spec}")
        if not readers:
            print("Readers: none found")
            return 1
        print("Readers:")
        for info in readers:
            print(f"  {info.name}: {'card present' if info.card_present else 'empty'}")
        session = _session(backend, args.timeout)
        try:
            identity = session.identify()
            print(f"Card: My Number Card in {session.connection.reader!r}")
            print(f"Token: {identity.token_type.value} ({identity.label})")
            pin = session.auth_pin_status()
            if pin.blocked:
                print("Authentication PIN: BLOCKED (reset at the municipality's window, 市区町村の窓口)")
            elif pin.verified:
                print("Authentication PIN: already verified in this card session")
            else:
                print(f"Authentication PIN: {pin.tries_left} tries left")
        finally:
            session.connection.disconnect()
    except NoCardError as exc:
        print(f"Card: none ({exc})")
        return 1
    except CardError as exc:
        return _fail(exc)
    except ValueError as exc:
        return _fail(str(exc))
    return 0


def read_cert_command(args: argparse.Namespace) -> int:
    try:
        backend = _backend(args)
        session = _session(backend, args.timeout)
        try:
            identity = session.identify()
            pin = getpass.getpass("Authentication PIN: ") if args.ask_pin else None
            if identity.is_phone and pin is None:
                return _fail("A smartphone token needs the authentication PIN to read its certificate: use --ask-pin.")
            der = session.read_auth_certificate(pin)
        finally:
            session.connection.disconnect()
        info = parse_certificate(der)
    except CardError as exc:
        return _fail(exc)
    except ValueError as exc:
        return _fail(str(exc))
    print(f"Subject CN: {info.subject_cn}")
    print(f"Serial: {info.serial:#x}")
    print(f"Issuer: {info.issuer}")
    print(f"Valid from: {info.not_before.isoformat()}")
    print(f"Valid until: {info.not_after.isoformat()} ({info.days_left} days left)")
    print(f"Status: {STATUS_WORDS[info.status]}")
    if args.pem is not None:
        from cryptography.hazmat.primitives.serialization import Encoding

        try:
            args.pem.write_bytes(load_certificate(der).public_bytes(Encoding.PEM))
        except OSError as exc:
            return _fail(f"Cannot write {args.pem}: {exc.strerror or exc}")
        print(f"PEM written to {args.pem}")
    return 0
