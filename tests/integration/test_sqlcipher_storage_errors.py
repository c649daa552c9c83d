"""Acceptance 5: a full disk and a read-only folder give clear, typed errors and lose no committed data.

The full disk is a real 1 MiB tmpfs and the read-only case a real read-only remount (both need root, which CI and
`make test` have here); the read-only folder/file for an ordinary user runs the store in a subprocess
that drops root for `nobody` after its imports (root ignores permission bits), or as ourselves otherwise.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reception_app.reception.adapters.store import StoreAdapter
from reception_app.reception.checkin import CheckInSession, SessionDeps
from reception_app.reception.models import RegistrationForm
from reception_app.store import (
    PassphraseKey,
    Patient,
    StorageFullError,
    StorageReadOnlyError,
    open_store,
    staff_actor,
)
from reception_app.store.sqlcipher import SQLCipherStore
from tests.conftest import require_service
from tests.store_support import PASSPHRASE, no_keyring
from tests.unit.reception_fakes import NOW, FakeEligibility, FakeMerger, FakeOutcome, InlineBackground, ListPrinter
from tests.unit.test_reception_checkin import BORN, INS_A, facts

STAFF = staff_actor(1)
REPO = Path(__file__).resolve().parents[2]


def _mount(args: list[str]) -> bool:
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


@pytest.fixture()
def small_tmpfs() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="store-tmpfs-"))
    mounted = os.geteuid() == 0 and _mount(["-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(folder)])
    if not mounted:
        folder.rmdir()
    require_service(mounted, "root, to mount a small tmpfs for the full-disk and read-only tests")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


def _patient(n: int, notes: str = "") -> Patient:
    birth = dt.date(1980, 1, 1) + dt.timedelta(days=n)
    return Patient(f"{n:06d}", "容量 試験", "ヨウリョウ シケン", birth, notes=notes)


def test_full_disk_is_a_clear_error_and_loses_nothing(small_tmpfs: Path) -> None:
    db = small_tmpfs / "r.db"
    store = SQLCipherStore.create(db, method="passphrase", passphrase=PASSPHRASE)
    committed: list[str] = []
    with pytest.raises(StorageFullError) as info:
        for n in range(1, 1000):  # 20 KB of notes each: the 1 MiB disk fills within ~50
            committed.append(store.register_patient(_patient(n, "備考" * 10_000), STAFF).patient_id)
    error = info.value
    assert error.code == "store_disk_full" and "full" in str(error) and "intact" in str(error)
    assert 3 <= len(committed) < 60
    assert [p.patient_id for p in (store.get_patient(pid) for pid in committed) if p] == committed  # still readable
    with pytest.raises(StorageFullError):
        store.check_in(committed[0], "desk", STAFF)  # stays a clear error, no half-written visit
    store.close()
    with no_keyring(), SQLCipherStore.open(db, passphrase=PASSPHRASE) as reopened:  # still full: reading works
        assert reopened.integrity_check() == "ok"
        assert sorted(p.patient_id for p in reopened.find_by_kana_prefix("ヨウリョウ", limit=1000)) == committed
        assert reopened.visits_of(committed[0]) == []
        assert reopened.verify_audit().ok
    assert _mount(["-o", "remount,size=8m", str(small_tmpfs)])  # free space: work goes on
    with no_keyring(), SQLCipherStore.open(db, passphrase=PASSPHRASE) as resumed:
        assert resumed.check_in(committed[0], "desk", STAFF).queue_number == 1
        assert resumed.info().counts["patients"] == len(committed) and resumed.verify_audit().ok


def test_read_only_drive_is_a_clear_error_and_loses_nothing(small_tmpfs: Path) -> None:
    db = small_tmpfs / "r.db"
    with SQLCipherStore.create(db, method="passphrase", passphrase=PASSPHRASE) as store:
        for n in range(1, 4):
            store.register_patient(_patient(n), STAFF)
    assert _mount(["-o", "remount,ro", str(small_tmpfs)])
    with no_keyring(), pytest.raises(StorageReadOnlyError) as info:
        SQLCipherStore.open(db, passphrase=PASSPHRASE)
    assert info.value.code == "store_read_only" and "read-only" in str(info.value)
    assert _mount(["-o", "remount,rw", str(small_tmpfs)])
    with no_keyring(), SQLCipherStore.open(db, passphrase=PASSPHRASE) as reopened:
        assert reopened.info().counts["patients"] == 3 and reopened.integrity_check() == "ok"


_CHILD = """
import json, os, sys
from pathlib import Path
from reception_app.store import PassphraseKey, StoreError, open_store
if os.geteuid() == 0:  # root ignores permission bits: become an ordinary user once everything is imported
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
out = {}
try:
    store = open_store(Path(sys.argv[1]), PassphraseKey(sys.argv[2]))
    out["read"] = store.get_patient("000001") is not None
    store.check_in("000001", "desk", "staff:1")
    out["wrote"] = True
except StoreError as exc:
    out["error"] = exc.code
    out["message"] = str(exc)
print(json.dumps(out))
"""


@pytest.mark.parametrize("what", ["folder", "file"])
def test_read_only_folder_or_file_for_an_ordinary_user(what: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="store-ro-"))
    try:
        db = folder / "r.db"
        with SQLCipherStore.create(db, method="passphrase", passphrase=PASSPHRASE) as store:
            store.register_patient(_patient(1), STAFF)
        before = db.read_bytes()
        as_root = os.geteuid() == 0
        if what == "folder":
            db.chmod(0o644)
            folder.chmod(0o555)
        else:
            folder.chmod(0o777 if as_root else 0o755)
            db.chmod(0o444)
        result = subprocess.run(
            [sys.executable, "-c", _CHILD, str(db), PASSPHRASE],
            capture_output=True,
            text=True,
            check=False,
            cwd="/",
            env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(REPO), "HOME": "/nonexistent"},
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        out = json.loads(result.stdout)
        assert out.get("error") == "store_read_only", out
        assert "read-only" in out["message"] and "wrote" not in out
        assert db.read_bytes() == before
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def _fill(folder: Path) -> None:
    """Takes every free byte of the (small) file system, so the next write of the database hits ENOSPC."""
    with (folder / "filler").open("wb", buffering=0) as filler:  # unbuffered: nothing left to flush at close
        for chunk in (65536, 1):
            with contextlib.suppress(OSError):  # ENOSPC: this chunk size no longer fits
                while True:
                    filler.write(b"\0" * chunk)


def test_a_full_disk_under_a_check_in_is_named_as_such_in_the_session_view(small_tmpfs: Path) -> None:
    store = open_store(small_tmpfs / "r.db", PassphraseKey(PASSPHRASE), mode="create")
    eligibility = FakeEligibility()
    eligibility.answers[INS_A.key] = FakeOutcome(facts(), confirmed_at=NOW.replace(tzinfo=dt.UTC))  # as the store wants
    session = CheckInSession(SessionDeps(
        store=StoreAdapter(store, "staff:1"), eligibility=eligibility, merger=FakeMerger(), printer=ListPrinter(),
        background=InlineBackground(), clock=lambda: NOW))
    session.by_insurance_number(INS_A, BORN)
    _fill(small_tmpfs)
    try:
        view = session.register_new(RegistrationForm("佐藤　美咲", "サトウ　ミサキ", BORN, "2"))
    finally:
        store.close()
    assert (view.end_reason, view.error_code) == ("store_error", "store_disk_full"), view.error_message
