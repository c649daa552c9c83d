"""The app's bootstrap: translations (Japanese default, English second, the choice remembered), settings
validated with clear messages, the worker that keeps blocking work off the GUI thread, the 受付票, and the
`--demo --self-test` the installer runs."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, QThread

from reception_app.config import SiteConfig, load_config, save_config, settings_file, validate
from reception_app.reception.lanes import Lanes
from reception_app.ui.app import resolve_language
from reception_app.ui.desk.settings_dialog import SettingsDialog
from reception_app.ui.i18n import Translations
from reception_app.ui.settings import problem_text
from reception_app.ui.ticket import QtTicketPrinter, TicketData, save_ticket_pdf, ticket_image
from reception_app.ui.worker import Worker
from tests.qt.ui_helpers import ROOT, ensure_translations_built, wait_until


@pytest.fixture
def lanes():
    owner = Lanes()
    yield owner
    owner.shutdown(10)


def test_a_known_string_follows_the_language(qapp):
    ensure_translations_built()
    translations = Translations()
    try:
        assert translations.install("ja")
        assert QCoreApplication.translate("DeskWindow", "Reception desk") == "受付"
        assert QCoreApplication.translate("Words", "Checked in") == "受付完了"
        assert translations.install("en")
        assert QCoreApplication.translate("DeskWindow", "Reception desk") == "Reception desk"
    finally:
        translations.install("en")


def test_every_japanese_translation_is_finished():
    text = (ROOT / "resources" / "translations" / "reception_ja.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text and text.count("<message") > 300


def test_language_flag_wins_and_is_remembered(qapp, app_data_dir):
    settings = load_config()
    assert resolve_language(None, settings) == "ja"  # Japanese by default
    assert resolve_language("en", settings) == "en"
    assert load_config().language == "en" and settings_file().exists()
    assert resolve_language(None, load_config()) == "en"


def test_a_language_flag_does_not_overwrite_a_settings_file_that_could_not_be_read(qapp, app_data_dir):
    path = settings_file()
    path.write_text("[General]\nkiosk_idle_timeout_s = soon\n", encoding="utf-8")
    assert resolve_language("en", SiteConfig(), remember=False) == "en"
    assert path.read_text(encoding="utf-8") == "[General]\nkiosk_idle_timeout_s = soon\n"


def test_settings_problems_are_all_listed_with_clear_words(qapp, tmp_path, app_data_dir):
    bad = SiteConfig(reader_backend="usb", face_dir=tmp_path / "missing", gateway_url="http://example.org/",
                     client_cert=tmp_path / "cert.pem", kiosk_idle_timeout_s=3, kiosk_name=" ")
    codes = {p.code for p in validate(bad)}
    assert codes == {"bad_backend", "folder_missing", "http_not_local", "file_missing", "cert_key_pair",
                     "bad_timeout", "empty_kiosk_name"}
    assert all(problem_text(p) for p in validate(bad))
    assert validate(SiteConfig(face_dir=tmp_path, gateway_url="https://gw.example:8443/")) == []


def test_every_problem_code_has_words_in_both_languages(qapp):
    from reception_app.config import PROBLEM_CODES
    from reception_app.ui.settings import PROBLEM_TEXTS

    assert set(PROBLEM_TEXTS) == set(PROBLEM_CODES)
    for lang in ("ja", "en"):
        text = (ROOT / "resources" / "translations" / f"reception_{lang}.ts").read_text(encoding="utf-8")
        missing = [source for source in PROBLEM_TEXTS.values() if f"<source>{source}</source>" not in text]
        assert missing == [], lang


def test_settings_dialog_saves_nothing_while_a_field_is_wrong(qtbot, app_data_dir, tmp_path):
    save_config(SiteConfig(kiosk_name="front"))
    dialog = SettingsDialog(load_config())
    qtbot.addWidget(dialog)
    dialog.edits["gateway_url"].setText("ftp://nowhere")
    dialog.try_save()
    assert dialog.result_settings is None and dialog.error_labels["gateway_url"].text()
    assert dialog.summary.text()
    dialog.edits["gateway_url"].setText("https://gateway.example/")
    dialog.edits["face_dir"].edit.setText(str(tmp_path))
    dialog.try_save()
    assert dialog.result_settings is not None and dialog.result_settings.face_dir == tmp_path


def test_worker_runs_off_the_gui_thread_and_answers_on_it(qtbot, lanes):
    worker = Worker(lanes)
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def job() -> int:
        seen["job_thread"] = threading.get_ident()
        return 42

    def done(value: object) -> None:
        seen["value"] = value
        seen["callback_on_gui"] = QThread.currentThread() is gui

    worker.submit(job, on_result=done)
    worker.submit(lambda: 1 / 0, on_error=lambda e: seen.setdefault("error", type(e).__name__))
    cancelled = worker.submit(lambda: "late", on_result=lambda v: seen.setdefault("cancelled", v))
    cancelled.cancel()
    wait_until(qtbot, lambda: "value" in seen and "error" in seen and not worker.busy, 5, "the worker")
    assert seen["value"] == 42 and seen["callback_on_gui"] is True
    assert seen["job_thread"] != threading.get_ident()
    assert seen["error"] == "ZeroDivisionError" and "cancelled" not in seen


def test_many_signals_do_not_corrupt_the_interpreter():
    """PySide6 6.12.0 dropped a reference to True on every Signal.emit() (CPython 3.11 aborts with bool_dealloc
    after a few thousand); pyproject excludes it. This guards the pin."""
    code = (
        "from PySide6.QtCore import QCoreApplication, QObject, Signal\n"
        "app = QCoreApplication([])\n"
        "class A(QObject):\n    s = Signal()\n"
        "a = A(); a.s.connect(lambda: None)\n"
        "for _ in range(20000): a.s.emit()\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-500:]


def test_ticket_carries_the_number_and_nothing_personal(qapp, tmp_path):
    data = TicketData(12, datetime(2026, 11, 25, 9, 41), "内科クリニック")
    assert data.qr_payload() == "RA1;2026-11-25;012"
    pdf = save_ticket_pdf(tmp_path / "t.pdf", data)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    image = ticket_image(data)
    assert not image.isNull() and image.height() > image.width()

    from reception_app.reception.models import Channel, Ticket

    at = datetime(2026, 11, 25, 10, 0)
    ticket = Ticket(queue_number=3, visit_date=at.date(), checked_in_at=at, channel=Channel.DESK,
                    qr_payload="RCPT:20261125:0003")
    printer = QtTicketPrinter(tmp_path / "tickets")
    first = printer.print_ticket(ticket)
    second = printer.print_ticket(ticket)
    assert first is not None and second is not None and first != second  # a reprint never overwrites
    assert first.name == "ticket-20261125-003.pdf"


@pytest.mark.timeout(120)
def test_demo_self_test_checks_a_patient_in(tmp_path):
    ensure_translations_built()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RECEPTION_APP_DATA=str(tmp_path / "data"),
               RECEPTION_APP_CONFIG=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-m", "reception_app", "--demo", "--self-test"], capture_output=True,
                         text=True, timeout=110, env=env, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "self-test: OK: checked in" in out.stderr


@pytest.mark.timeout(120)
@pytest.mark.parametrize("mode", [["--demo", "--kiosk"], ["--demo"]], ids=["kiosk", "desk"])
def test_sigterm_ends_the_app_even_the_kiosk(qtbot, tmp_path, mode):
    """A service manager's SIGTERM ends the app with 0 (the kiosk refuses to close for a patient, not for this)."""
    from reception_app.compose.demo import DEMO_DB_NAME

    ensure_translations_built()
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RECEPTION_APP_DATA=str(data),
               RECEPTION_APP_CONFIG=str(tmp_path / "config"))
    proc = subprocess.Popen([sys.executable, "-m", "reception_app", *mode], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        database = data / "demo" / DEMO_DB_NAME
        wait_until(qtbot, lambda: database.exists() or proc.poll() is not None, 60, "the app to come up (or end)")
        assert database.exists(), "the app did not start"
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err[-2000:]


def test_self_test_without_demo_refuses_with_a_reason(capsys):
    from reception_app.compose.selftest import run_self_test

    assert run_self_test(argparse.Namespace(demo=False)) == 2
    assert "--demo" in capsys.readouterr().err




def test_worker_keeps_nothing_after_a_task(qtbot, lanes):
    """A day of check-ins must not pile up: once delivered, nothing of a task (its callable, what the callable holds)
    stays alive."""
    import gc
    import weakref

    class Payload:
        pass

    worker = Worker(lanes)
    refs = []
    for _ in range(200):
        payload = Payload()
        refs.append(weakref.ref(payload))
        worker.submit(lambda p=payload: p, on_result=lambda _value: None)
    del payload
    wait_until(qtbot, lambda: not worker.busy, 10, "the tasks")
    gc.collect()
    assert sum(r() is not None for r in refs) == 0


def test_views_that_come_while_the_gui_is_busy_are_rendered_once(qtbot, lanes):
    """The end of a check-in passes several states within milliseconds: the windows get the newest view once per turn
    of the event loop, not every one back to back (which stalled the GUI thread), and never an older one."""
    from types import SimpleNamespace

    from reception_app.ui.driver import QtSessionDriver

    class FakeSession:
        def __init__(self, listener):
            self.listener = listener
            self.view = SimpleNamespace(session_id="s1", version=0, ended=False)

    driver = QtSessionDriver(FakeSession, lanes)
    session = driver.new_session()
    delivered: list[int] = []
    driver.view_changed.connect(lambda view: delivered.append(view.version))
    worker = threading.Thread(target=lambda: [session.listener(SimpleNamespace(session_id="s1", version=v, ended=False))
                                              for v in (1, 2, 3, 4, 5)])
    worker.start()
    worker.join()
    wait_until(qtbot, lambda: delivered != [], what="a delivery")
    QCoreApplication.processEvents()
    assert delivered == [5] and driver.view.version == 5
    session.listener(SimpleNamespace(session_id="s1", version=4, ended=False))  # a stale one is never delivered
    session.listener(SimpleNamespace(session_id="s1", version=6, ended=False))
    wait_until(qtbot, lambda: delivered[-1] == 6, what="the next view")
    QCoreApplication.processEvents()
    assert delivered == [5, 6]


def test_ticket_warm_up_writes_a_whole_pdf_in_memory(qapp, tmp_path, monkeypatch):
    from reception_app.ui.ticket import warm_up_ticket_pdf

    monkeypatch.chdir(tmp_path)
    assert warm_up_ticket_pdf() > 1000  # the first PDF's font work, done before any check-in
    assert list(tmp_path.iterdir()) == []  # in memory: not even a file in the working folder
