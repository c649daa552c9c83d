"""The one place that switches the garbage collector (reception_app/gc_policy.py): automatic collection runs only
while nobody wants it off."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from reception_app import gc_policy


@pytest.fixture(autouse=True)
def collector_given_back() -> Iterator[None]:
    yield
    gc_policy.collect_manually(False)
    assert gc.isenabled()


def test_a_pause_ending_leaves_the_collector_off_while_the_gui_collects_by_hand() -> None:
    with gc_policy.paused():
        gc_policy.collect_manually(True)  # the GUI came up while a bulk result was being read on a lane
    assert not gc.isenabled()


def test_overlapping_pauses_end_with_the_last_one() -> None:
    first, second = gc_policy.paused(), gc_policy.paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    still_paused = not gc.isenabled()
    second.__exit__(None, None, None)
    assert (still_paused, gc.isenabled()) == (True, True)


def test_an_inactive_pause_changes_nothing() -> None:
    with gc_policy.paused(active=False):
        assert gc.isenabled()
