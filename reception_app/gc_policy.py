"""Every switch of Python's cyclic garbage collector, in one place: nothing else in the app calls `gc.disable`,
`gc.enable` or `gc.freeze`. No Qt, no reception_app imports (every layer may use it).

Two users want it off, for different reasons:
- the GUI (ui/gc_guard.py): a collection on a lane thread could free a Qt object there, which crashes the process;
  so for the app's life automatic collection stays off and the GUI thread collects from a timer (`collect_manually`);
- a bulk eligibility result (eligibility/xml.py, merge.py): hundreds of thousands of acyclic containers, whose
  allocation bursts trigger collections that cost a quarter of the parse + merge (`paused`).

Automatic collection runs only while nobody wants it off, counted under one lock. (Before, each module switched it
itself: a pause ending on a lane could turn collection back on behind the GUI's back, and two overlapping pauses
ended at the first one.)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0  # open `paused` blocks, on any thread
_manual = False  # the GUI collects on its own thread


def _apply() -> None:
    """Under `_lock`: on only when no pause is open and the GUI has not taken collection over."""
    if _manual or _pauses:
        gc.disable()
    else:
        gc.enable()


@contextmanager
def paused(active: bool = True) -> Iterator[None]:
    """Automatic collection off for the block when `active` (reference counting still frees everything)."""
    global _pauses
    if not active:
        yield
        return
    with _lock:
        _pauses += 1
        _apply()
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            _apply()


def collect_manually(on: bool) -> None:
    """The GUI takes collection over (`on`: automatic collection off; it calls `collect` from a GUI timer) or
    gives it back."""
    global _manual
    with _lock:
        _manual = on
        _apply()


def collect(generation: int = 2) -> int:
    return gc.collect(generation)


def freeze_survivors() -> None:
    """What is alive now lives as long as the app (modules, classes, the services, the windows): one full pass,
    then out of the collector's sight, so later full passes walk only what came after."""
    gc.collect()
    gc.freeze()
