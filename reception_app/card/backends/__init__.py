"""Reader backends behind one interface; `open_backend(spec)` turns a `--reader` setting into one.

Specs: `pcsc` (the first PC/SC reader with a card), `pcsc:NAME` (that reader; a unique part of its name is enough),
`simulator` (in-process virtual readers).
"""

from __future__ import annotations

from reception_app.card.backends.base import (
    DEFAULT_APDU_TIMEOUT_S,
    BackendConnection,
    ReaderBackend,
    ReaderEvent,
    ReaderEventKind,
    ReaderInfo,
    ReaderWatcher,
)

READER_SPEC_HELP = (
    "card reader backend: 'pcsc' (first PC/SC reader with a card), 'pcsc:NAME' (that reader, e.g. "
    "'pcsc:Virtual PCD 00 00'; part of the name is enough) or 'simulator' (in-process virtual reader)"
)
DEFAULT_READER_SPEC = "pcsc"

__all__ = [
    "DEFAULT_APDU_TIMEOUT_S",
    "DEFAULT_READER_SPEC",
    "READER_SPEC_HELP",
    "BackendConnection",
    "ReaderBackend",
    "ReaderEvent",
    "ReaderEventKind",
    "ReaderInfo",
    "ReaderWatcher",
    "open_backend",
]


def open_backend(spec: str = DEFAULT_READER_SPEC) -> ReaderBackend:
    """The backend a `--reader` spec names. Raises ValueError with the accepted forms for anything else."""
    kind, _, name = spec.strip().partition(":")
    kind = kind.lower()
    if kind == "pcsc":
        from reception_app.card.backends.pcsc import PcscBackend

        return PcscBackend(name.strip() or None)
    if kind == "simulator" and not name:
        from reception_app.card.backends.simulator import SimulatorBackend

        return SimulatorBackend()
    raise ValueError(f"Unknown reader {spec!r}: use 'pcsc', 'pcsc:NAME' or 'simulator'.")
