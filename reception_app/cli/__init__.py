"""`reception-app`: the GUI (desk, `--kiosk`, `--demo`) and the headless commands.

Each command group lives in its own module with a `register(subparsers)` function, so that the groups can grow
independently. Qt is imported only when a window is asked for.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reception_app import __version__
from reception_app.card.backends import READER_SPEC_HELP
from reception_app.cli import card, checkin, db, doctor, eligibility, export, simulate, vcard

COMMAND_GROUPS = (card, vcard, eligibility, db, simulate, checkin, doctor, export)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reception-app",
        description="My Number Card reception for clinics, pharmacies and hospital kiosks.",
    )
    parser.add_argument("--version", action="version", version=f"reception-app {__version__}")
    parser.add_argument("--demo", action="store_true", help="start on the simulator reader and simulated OQS/PMH")
    parser.add_argument("--kiosk", action="store_true", help="start the patient kiosk (full screen)")
    parser.add_argument("--reader", metavar="pcsc[:NAME]|simulator", default=None, help=READER_SPEC_HELP)
    parser.add_argument("--lang", choices=("ja", "en"), default=None, help="user interface language")
    parser.add_argument(
        "--self-test", action="store_true", help="with --demo: one check-in without a person, then exit"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args) or 0)
    from reception_app.compose.gui import run_gui  # Qt only when a window is wanted

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
