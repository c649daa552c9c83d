"""Without --demo the desk composes the site's own stack from the settings the set-up wizard wrote (here: the
simulator reader and the OQS simulator standing in for the site's gateway, and a passphrase-keyed database), and
says in words when something is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reception_app.compose.session import AppSession
from reception_app.connect.simulator import OqsSimulator
from reception_app.store.sqlcipher import SQLCipherStore
from reception_app.ui.settings import AppSettings, settings_file
from tests.qt.ui_helpers import DEMO_PIN, wait_until

PASSPHRASE = "site-ui-test-passphrase"


def write_site_settings(values: dict[str, str]) -> None:
    qs = QSettings(str(settings_file()), QSettings.Format.IniFormat)
    for key, value in values.items():
        qs.setValue(key, value)
    qs.sync()


def test_unconfigured_computer_says_so(qtbot, ui_lang, app_data_dir):
    session = AppSession(AppSettings(), ui_lang)
    session.start()
    try:
        desk = session.open_desk()
        qtbot.addWidget(desk)
        assert session.problem == "not_configured" and desk.ctx.driver is None
        assert "初期設定ウィザード" in desk.statusBar().currentMessage()
    finally:
        session.stop()


@pytest.mark.parametrize("background", [False, True], ids=["all-at-start", "window-first"])
def test_site_stack_from_the_settings(qtbot, ui_lang, app_data_dir, tmp_path: Path, monkeypatch, background: bool):
    db = tmp_path / "site" / "reception.db"
    db.parent.mkdir()
    SQLCipherStore.create(db, method="passphrase", passphrase=PASSPHRASE).close()
    simulator = OqsSimulator(tmp_path / "oqs", port=0).start()
    try:
        write_site_settings({
            "institution_code": simulator.institution_code, "reader_backend": "simulator",
            "gateway_url": simulator.base_url, "db_path": str(db), "db_key_source": "passphrase",
            "setup_complete": "true",
        })
        monkeypatch.setattr(AppSession, "ask_passphrase", lambda self: PASSPHRASE)
        session = AppSession(AppSettings(reader_backend="simulator"), ui_lang, background_start=background)
        session.start()
        try:
            assert session.problem is None, session.problem
            desk = session.open_desk()
            qtbot.addWidget(desk)
            if background:  # the app's way: the window with the reader first, the database and the rest after
                assert session.services is None and session.backend is not None
                desk.show()
                wait_until(lambda: session.services_attached, what="the site services to attach")
                assert session.services.backend is session.backend  # the reader the window already watched
            assert desk.qa_dock is None  # no QA panel on a site
            driver = desk.ctx.driver
            session.services.backend.insert("adult-seishin-21")
            wait_until(lambda: driver.view is not None and str(driver.view.state) == "awaiting_pin", what="PIN step")
            desk._close_dialog()
            driver.submit_pin(DEMO_PIN)
            wait_until(lambda: str(driver.view.state) == "awaiting_registration", what="registration (empty DB)")
            assert "佐藤" in desk.eligibility.plain_text()
        finally:
            session.stop()  # cancels the open check-in and closes the database
    finally:
        simulator.stop()
