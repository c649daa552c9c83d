"""Face-folder watcher and its ledger, driven poll by poll (no sleeping) on real files."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from lxml import etree

from reception_app.connect.errors import FaceFolderError, LedgerError
from reception_app.connect.face_watcher import FaceDelivery, FaceWatcher, Held
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


# --- held results: un-settled in the ledger until the staff settle them --------------------------------------------


class Holder(Recorder):
    """A handler that keeps every result for the staff (as the face router does when no check-in can take it)."""

    def __init__(self, reason: str = "no_open_session") -> None:
        super().__init__()
        self.reason = reason

    def __call__(self, delivery: FaceDelivery[int]) -> Held | None:  # type: ignore[override]
        super().__call__(delivery)
        return Held(self.reason)


def key_of(n: int) -> str:
    return hashlib.sha256(xml(n)).hexdigest()


def ledger_lines(tmp_path: Path) -> list[dict[str, str]]:
    """The committed records (a torn line is skipped, as the ledger itself does)."""
    records = []
    for line in (tmp_path / "ledger" / LEDGER_FILE_NAME).read_text().splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            continue
    return records


def test_ledger_held_is_unsettled_until_done_and_replays_on_load_past_a_torn_line(tmp_path: Path) -> None:
    led = ProcessedLedger(tmp_path)
    led.mark_offered("k1", "a.xml")
    led.mark_held("k1", "a.xml", "ambiguous")
    led.mark_offered("k2", "b.xml")  # k2: the process dies inside the handler
    first_at = led.first_offered_at("k1")
    assert first_at is not None and first_at.tzinfo is not None
    assert led.state().held == {"k1"} and led.state().offered_not_done == {"k2"}
    led.close()
    with pytest.raises(LedgerError):
        led.mark_done("k1", "a.xml")  # closed: a clear error, not a ValueError from the file object
    with open(tmp_path / LEDGER_FILE_NAME, "ab") as fh:
        fh.write(b'{"v":1,"key":"k1","status":"do')  # the `done` of k1 torn mid-write: never committed

    led = ProcessedLedger(tmp_path)  # replay
    assert led.held_reason("k1") == "ambiguous" and led.first_offered_at("k1") == first_at
    assert led.state().held == {"k1"} and led.state().offered_not_done == {"k2"} and led.state().done == set()
    assert led.held_reason("k2") is None and led.first_offered_at("nope") is None
    led.mark_done("k1", "a.xml")  # written after the torn line: must not be glued to it
    assert led.held_reason("k1") is None
    led.close()

    led = ProcessedLedger(tmp_path)
    assert led.is_done("k1") and led.held_reason("k1") is None and led.state().held == frozenset()
    assert led.state().offered_not_done == {"k2"}
    led.close()
    lines = (tmp_path / LEDGER_FILE_NAME).read_bytes().split(b"\n")
    assert lines[-2].startswith(b'{"v":1,"key":"k1","status":"done"')  # on a line of its own


def test_held_result_is_not_offered_again_nor_archived_in_the_same_run(tmp_path: Path) -> None:
    rec = Holder("ambiguous")
    w = make(tmp_path, rec, archive_dir=tmp_path / "archive")
    (w.folder / name(30)).write_bytes(xml(30))
    polls(w, 2)
    assert rec.values == [30] and w.held == {key_of(30)}
    (w.folder / "trash").mkdir()
    (w.folder / "trash" / name(30)).write_bytes(xml(30))  # the same bytes again elsewhere: still the held one
    polls(w, 5)
    assert rec.values == [30]
    assert (w.folder / name(30)).exists() and not (tmp_path / "archive").exists()
    records = [(x["status"], x.get("reason")) for x in ledger_lines(tmp_path)]
    assert records == [("offered", None), ("held", "ambiguous")]
    assert (w.stats.delivered, w.stats.held, w.stats.settled) == (1, 1, 0)
    w.stop()


def test_held_result_is_offered_again_after_a_restart_with_its_reason_and_first_time(tmp_path: Path) -> None:
    rec = Holder("ambiguous")
    w = make(tmp_path, rec, archive_dir=tmp_path / "archive")
    (w.folder / name(31)).write_bytes(xml(31))
    polls(w, 2)
    first = rec.got[0]
    assert first.held_reason is None and first.first_offered_at is None and not first.possibly_redelivered
    w.stop()

    rec2 = Holder("no_open_session")
    w2 = make(tmp_path, rec2, archive_dir=tmp_path / "archive")
    polls(w2, 2)
    again = rec2.got[0]
    assert rec2.values == [31] and again.delivery_id == first.delivery_id
    assert again.held_reason == "ambiguous" and again.possibly_redelivered
    offered_at = dt.datetime.fromisoformat(ledger_lines(tmp_path)[0]["at"])
    assert again.first_offered_at == offered_at
    assert (w2.folder / name(31)).exists() and w2.held == {first.delivery_id}
    polls(w2, 3)
    assert rec2.values == [31]  # held again: not offered again in this run either
    assert [x["status"] for x in ledger_lines(tmp_path)] == ["offered", "held", "held"]
    w2.stop()


def test_settled_result_is_done_archived_and_never_offered_again(tmp_path: Path) -> None:
    rec = Holder()
    w = make(tmp_path, rec, archive_dir=tmp_path / "archive")
    (w.folder / name(32)).write_bytes(xml(32))
    (w.folder / name(33)).write_bytes(xml(33))
    polls(w, 2)
    (w.folder / "copy_OQSsiquc01res_face_x.xml").write_bytes(xml(32))  # not a face file name: ignored
    (w.folder / name(34)).write_bytes(xml(32))  # the same bytes under another face name: joins the held one
    polls(w, 2)
    key = key_of(32)
    assert rec.values == [32, 33]
    assert w.settle(key) is True
    assert w.settle(key) is False and w.settle("unknown") is False  # settled already / never held
    assert not (w.folder / name(32)).exists() and not (w.folder / name(34)).exists()
    assert (tmp_path / "archive" / name(32)).read_bytes() == xml(32)
    assert (tmp_path / "archive" / name(34)).read_bytes() == xml(32)
    assert (w.folder / name(33)).exists() and w.held == {key_of(33)}  # the other one still waits
    assert [(x["status"], x["key"]) for x in ledger_lines(tmp_path)][-1] == ("done", key)
    polls(w, 3)
    assert rec.values == [32, 33] and w.stats.settled == 1
    w.stop()

    rec2 = Holder()
    w2 = make(tmp_path, rec2, archive_dir=tmp_path / "archive")
    polls(w2, 3)
    assert rec2.values == [33]  # the settled one is gone for good; the unsettled one is back
    w2.stop()


def test_a_held_result_the_next_run_settles_before_it_is_offered_is_archived_when_seen(tmp_path: Path) -> None:
    rec = Holder()
    w = make(tmp_path, rec, archive_dir=tmp_path / "archive")
    (w.folder / name(35)).write_bytes(xml(35))
    polls(w, 2)
    w.stop()
    w2 = make(tmp_path, Holder(), archive_dir=tmp_path / "archive")
    assert w2.settle(key_of(35)) is True  # known to the ledger as held: done now, file not known yet
    polls(w2, 2)
    assert not (w2.folder / name(35)).exists() and (tmp_path / "archive" / name(35)).exists()
    w2.stop()


def test_crash_between_held_and_done_offers_it_again(tmp_path: Path) -> None:
    face = tmp_path / "face"
    face.mkdir()
    (face / name(36)).write_bytes(xml(36))
    led = ProcessedLedger(tmp_path / "ledger")
    led.mark_offered(key_of(36), name(36))
    led.mark_held(key_of(36), name(36), "session_busy")
    led.close()
    with open(tmp_path / "ledger" / LEDGER_FILE_NAME, "ab") as fh:
        fh.write(b'{"v":1,"key":"' + key_of(36).encode() + b'","status":"do')  # died writing `done`
    rec = Recorder()  # this run takes it
    w = make(tmp_path, rec, archive_dir=tmp_path / "archive")
    polls(w, 2)
    assert rec.values == [36] and rec.got[0].held_reason == "session_busy"
    assert (tmp_path / "archive" / name(36)).exists()
    assert ledger_lines(tmp_path)[-1]["status"] == "done"
    w.stop()
    assert ProcessedLedger(tmp_path / "ledger").is_done(key_of(36))


def test_settled_while_the_handler_still_runs_is_done_not_held(tmp_path: Path) -> None:
    w: FaceWatcher[int]

    def handler(delivery: FaceDelivery[int]) -> Held:
        assert w.settle(delivery.delivery_id) is True  # e.g. the staff discard it the instant it is listed
        return Held("no_open_session")

    face = tmp_path / "face"
    face.mkdir()
    w = FaceWatcher(face, handler, parse=parse, ledger_dir=tmp_path / "ledger", archive_dir=tmp_path / "archive")
    (face / name(37)).write_bytes(xml(37))
    polls(w, 2)
    assert w.held == frozenset() and (tmp_path / "archive" / name(37)).exists()
    assert [x["status"] for x in ledger_lines(tmp_path)] == ["offered", "done"]
    w.stop()


def test_handler_failure_offers_again_with_the_first_offer_time(tmp_path: Path) -> None:
    rec = Recorder(fail_times=1)
    w = make(tmp_path, rec)
    (w.folder / name(38)).write_bytes(xml(38))
    polls(w, 3)
    assert rec.values == [38] and rec.got[0].possibly_redelivered and rec.got[0].held_reason is None
    assert rec.got[0].first_offered_at == dt.datetime.fromisoformat(ledger_lines(tmp_path)[0]["at"])
    w.stop()
