"""Face-folder watcher and its ledger, driven poll by poll (no sleeping) on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from reception_app.connect.errors import FaceFolderError
from reception_app.connect.face_watcher import FaceDelivery, FaceWatcher
from reception_app.connect.ledger import LEDGER_FILE_NAME, ProcessedLedger

pytestmark = pytest.mark.timeout(30)


def xml(n: int) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><XmlMsg><MessageHeader><N>{n}</N></MessageHeader></XmlMsg>'.encode()


def parse(data: bytes) -> int:
    root = etree.fromstring(data)
    return int(root.findtext("MessageHeader/N") or "-1")


def name(n: int) -> str:
    return f"OQSsiquc01res_face_1311234569_{n:04d}abc_20261125093000.xml"


class Recorder:
    def __init__(self, fail_times: int = 0) -> None:
        self.got: list[FaceDelivery[int]] = []
        self.fail_times = fail_times

    def __call__(self, delivery: FaceDelivery[int]) -> None:
        if self.fail_times:
            self.fail_times -= 1
            raise RuntimeError("handler down")
        self.got.append(delivery)

    @property
    def values(self) -> list[int]:
        return [d.result for d in self.got]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make(tmp_path: Path, handler: Recorder, **kw: object) -> FaceWatcher[int]:
    face = tmp_path / "face"
    face.mkdir(exist_ok=True)
    return FaceWatcher(face, handler, parse=parse, ledger_dir=tmp_path / "ledger", poll_interval=0.01, **kw)  # type: ignore[arg-type]


def polls(w: FaceWatcher[int], n: int = 2) -> None:
    for _ in range(n):
        w.poll_once()


def test_file_is_taken_only_after_two_stable_polls(tmp_path: Path) -> None:
    rec = Recorder()
    w = make(tmp_path, rec)
    (w.folder / name(1)).write_bytes(xml(1))
    w.poll_once()
    assert rec.values == []  # first sight: not yet known to be stable
    w.poll_once()
    assert rec.values == [1]
    assert rec.got[0].file_name == name(1) and not rec.got[0].possibly_redelivered
    assert (w.folder / name(1)).exists()  # never moved or deleted without archive_dir


def test_partial_write_waits_until_complete(tmp_path: Path) -> None:
    rec = Recorder()
    w = make(tmp_path, rec)
    data = xml(7)
    path = w.folder / name(7)
    path.write_bytes(data[:20])
    polls(w, 3)  # stable but unparsable: still being written (a slow SMB copy)
    assert rec.values == []
    with open(path, "ab") as fh:
        fh.write(data[20:])
    polls(w, 2)
    assert rec.values == [7]


def test_growing_file_is_not_read_while_size_changes(tmp_path: Path) -> None:
    rec = Recorder()
    w = make(tmp_path, rec)
    path = w.folder / name(8)
    data = xml(8)
    for cut in (10, 30, 50):
        path.write_bytes(data[:cut])
        w.poll_once()
    path.write_bytes(data)
    w.poll_once()
    assert rec.values == []  # changed since last poll
    w.poll_once()
    assert rec.values == [8]


def test_duplicates_by_name_and_by_content_are_delivered_once(tmp_path: Path) -> None:
    rec = Recorder()
    w = make(tmp_path, rec)
    (w.folder / name(1)).write_bytes(xml(1))
    (w.folder / name(2)).write_bytes(xml(1))  # same bytes under another name
    polls(w, 4)
    (w.folder / name(1)).unlink()
    (w.folder / name(1)).write_bytes(xml(1))  # the same name written again
    polls(w, 4)
    assert rec.values == [1]
    assert w.stats.duplicates >= 2


def test_same_name_new_content_is_a_new_result(tmp_path: Path) -> None:
    rec = Recorder()
    w = make(tmp_path, rec)
    path = w.folder / name(1)
    path.write_bytes(xml(1))
    polls(w)
    path.write_bytes(xml(2) + b" ")  # size differs, so (size, mtime) changes even on coarse clocks
    polls(w)
    assert rec.values == [1, 2]


def test_vanished_file_is_skipped_quietly_and_trash_is_scanned(tmp_path: Path) -> None:
    errors: list[Exception] = []
    rec = Recorder()
    w = make(tmp_path, rec, on_error=lambda exc, _name: errors.append(exc))
    path = w.folder / name(3)
    path.write_bytes(xml(3))
    w.poll_once()
    (w.folder / "trash").mkdir()
    path.rename(w.folder / "trash" / name(3))  # other software moved it away
    polls(w, 3)
    assert rec.values == [3]
    assert errors == []


def test_file_deleted_between_listing_and_reading_is_not_an_error(tmp_path: Path) -> None:
    rec = Recorder()
    w = make(tmp_path, rec)
    path = w.folder / name(4)
    path.write_bytes(xml(4))
    w.poll_once()
    obs = w._obs[path]
    assert w._read(path.with_name("gone.xml"), obs) is None  # ENOENT mid-read → None, no exception
    assert w.stats.vanished == 1


def test_restart_does_not_repeat_and_handler_failure_is_redelivered_with_same_id(tmp_path: Path) -> None:
    rec = Recorder(fail_times=1)
    w = make(tmp_path, rec)
    (w.folder / name(5)).write_bytes(xml(5))
    (w.folder / name(6)).write_bytes(xml(6))
    polls(w, 2)
    assert rec.values == [6]  # 5's handler call failed
    w.poll_once()
    assert rec.values == [6, 5]
    assert rec.got[1].possibly_redelivered is True
    w.stop()

    rec2 = Recorder()
    w2 = make(tmp_path, rec2)
    polls(w2, 4)
    assert rec2.values == []  # both were done before the restart


def test_crash_between_offer_and_done_is_offered_again_flagged(tmp_path: Path) -> None:
    ledger_dir = tmp_path / "ledger"
    face = tmp_path / "face"
    face.mkdir()
    (face / name(9)).write_bytes(xml(9))
    import hashlib

    key = hashlib.sha256(xml(9)).hexdigest()
    led = ProcessedLedger(ledger_dir)
    led.mark_offered(key, name(9))  # the process died inside the handler
    led.close()
    with open(ledger_dir / LEDGER_FILE_NAME, "ab") as fh:
        fh.write(b'{"v":1,"key":"torn')  # and the next line was torn mid-write
    rec = Recorder()
    w = make(tmp_path, rec)
    polls(w, 2)
    assert rec.values == [9]
    assert rec.got[0].possibly_redelivered and rec.got[0].delivery_id == key


def test_malformed_file_is_rejected_once_after_grace(tmp_path: Path) -> None:
    clock = FakeClock()
    errors: list[str] = []
    rec = Recorder()
    w = make(tmp_path, rec, clock=clock, reject_after=30.0, on_error=lambda exc, n: errors.append(n))
    (w.folder / name(10)).write_bytes(b"<XmlMsg><not closed")
    polls(w, 3)
    assert errors == []
    clock.now += 31
    polls(w, 3)
    assert errors == [name(10)]
    lines = [json.loads(x) for x in (tmp_path / "ledger" / LEDGER_FILE_NAME).read_text().splitlines()]
    assert [x["status"] for x in lines] == ["rejected"]
    assert (w.folder / name(10)).exists()  # kept for a human to look at


def test_archive_dir_moves_only_when_configured(tmp_path: Path) -> None:
    rec = Recorder()
    w = make(tmp_path, rec, archive_dir=tmp_path / "archive")
    (w.folder / name(11)).write_bytes(xml(11))
    polls(w)
    assert rec.values == [11]
    assert not (w.folder / name(11)).exists()
    assert (tmp_path / "archive" / name(11)).read_bytes() == xml(11)


def test_missing_folder_is_reported_once_and_recovers(tmp_path: Path) -> None:
    errors: list[Exception] = []
    rec = Recorder()
    w = FaceWatcher(tmp_path / "share" / "face", rec, parse=parse, ledger_dir=tmp_path / "l",
                    on_error=lambda exc, _n: errors.append(exc))
    polls(w, 3)
    assert len(errors) == 1 and isinstance(errors[0], FaceFolderError)
    w.folder.mkdir(parents=True)
    (w.folder / name(12)).write_bytes(xml(12))
    polls(w)
    assert rec.values == [12]


def test_other_files_are_ignored(tmp_path: Path) -> None:
    rec = Recorder()
    w = make(tmp_path, rec)
    (w.folder / "OQSsiquc01res_1311234569.xml").write_bytes(xml(1))
    (w.folder / (name(1) + ".tmp")).write_bytes(xml(1))
    polls(w, 3)
    assert rec.values == []


def test_threaded_run_delivers_and_stops(tmp_path: Path) -> None:
    import time

    rec = Recorder()
    w = make(tmp_path, rec)
    w.start()
    try:
        (w.folder / name(13)).write_bytes(xml(13))
        deadline = time.monotonic() + 5
        while not rec.values and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        w.stop()
    assert rec.values == [13]


def test_clock_skew_mtimes_in_past_or_future_do_not_matter(tmp_path: Path) -> None:
    import os

    rec = Recorder()
    w = make(tmp_path, rec)
    future, past = w.folder / name(20), w.folder / name(21)
    future.write_bytes(xml(20))
    past.write_bytes(xml(21))
    os.utime(future, (4102444800, 4102444800))  # 2100: a terminal whose clock runs far ahead
    os.utime(past, (946684800, 946684800))  # 2000
    polls(w)
    assert sorted(rec.values) == [20, 21]
    os.utime(future, (4102444801, 4102444801))  # touched again, same bytes: not a new result
    polls(w)
    assert sorted(rec.values) == [20, 21]
