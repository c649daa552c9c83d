"""`reception-app vcard ...` commands."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """Adds the `vcard` command group. Filled in by the issue that owns it."""
    del subparsers


def _unused(args: argparse.Namespace) -> int:
    return 0
