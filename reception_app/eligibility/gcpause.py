"""Pausing Python's cyclic garbage collector while a bulk result is read or merged.

A 10 MB bulk result becomes hundreds of thousands of containers (models, lists, view dicts), none of them in a
reference cycle. Each allocation burst triggers collections that traverse every live object of the process, which
cost a quarter of the bulk's parse + merge time (docs/performance.md). Reference counting still frees everything as
usual; cycles made by other threads meanwhile are collected once the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc(active: bool = True) -> Iterator[None]:
    """Pauses the collector for the block when `active` and it is running; restores it afterwards. When another
    thread already paused it, this one leaves it alone (whichever paused it restarts it)."""
    if not active or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
