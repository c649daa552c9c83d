"""The face watcher's loop on the app's lanes (`FaceWatcher(spawn=…)`): it polls there, and `stop()` ends it
without a timeout of its own (the lanes' one shutdown waits for it)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reception_app.connect.face_watcher import FaceDelivery, FaceWatcher
from reception_app.reception.lanes import Lanes
from tests.unit.test_connect_watcher import name, parse, xml

WAIT_S = 10.0


@pytest.fixture
def lanes() -> Iterator[Lanes]:
    owner = Lanes()
    yield owner
    owner.shutdown(WAIT_S)


def watcher(tmp_path: Path, lanes: Lanes, got: threading.Event) -> FaceWatcher[int]:
    face = tmp_path / "face"
    face.mkdir()

    def handler(delivery: FaceDelivery[int]) -> None:
        got.set()

    return FaceWatcher(face, handler, parse=parse, ledger_dir=tmp_path / "ledger", poll_interval=0.01,
                       spawn=lambda lane, loop: lanes.submit(lane, loop))


def test_a_spawned_watcher_polls_on_its_lane(tmp_path: Path, lanes: Lanes) -> None:
    got = threading.Event()
    w = watcher(tmp_path, lanes, got)
    w.start()
    (w.folder / name(1)).write_bytes(xml(1))
    delivered = got.wait(WAIT_S)
    w.stop()
    assert delivered


def test_stopping_a_spawned_watcher_ends_its_lane(tmp_path: Path, lanes: Lanes) -> None:
    w = watcher(tmp_path, lanes, threading.Event())
    w.start()
    w.stop()
    assert lanes.wait_idle("face-watcher", WAIT_S)
