"""Waiting for a condition the code under test brings about on its own threads (never for a fixed time)."""

from __future__ import annotations

import time
from collections.abc import Callable


def poll(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met before the deadline")
        time.sleep(0.02)
