"""GUI entry point. Replaced by the reception-app issue; until then it says plainly that the GUI is not built."""

from __future__ import annotations

import argparse
import sys


def run_gui(args: argparse.Namespace) -> int:
    del args
    print("reception-app: the desk and kiosk windows are not built yet; see `reception-app --help`.", file=sys.stderr)
    return 2
