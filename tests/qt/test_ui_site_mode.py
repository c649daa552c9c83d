"""Without --demo the desk composes the site's own stack from the settings the set-up wizard wrote (here: the
simulator reader and the OQS simulator standing in for the site's gateway, and a passphrase-keyed database), and
says in words when something is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reception_app.compose.session import AppSession
from reception_app.config import SiteConfig, load_config, save_config
from reception_app.connect.simulator import OqsSimulator
from reception_app.store import PassphraseKey, open_store
from reception_app.ui.desk.dialogs import PatientPinDialog
from tests.qt.ui_helpers import DEMO_PIN, type_pin, wait_until

PASSPHRASE = "site-ui-test-passphrase"


def write_site_settings(**values: object) -> None:
    save_config(load_config().replace(**values))


def test_unconfigured_computer_says_so(qtbot, ui_lang, app_data_dir):
    session = AppSession(SiteConfig(), ui_lang)
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
    open_store(db, PassphraseKey(PASSPHRASE), mode="create").close()
    simulator = OqsSimulator(tmp_path / "oqs", port=0).start()
    try:
        write_site_settings(
            institution_code=simulator.institution_code, reader_backend="simulator",
            gateway_url=simulator.base_url, store_location=str(db), db_key_source="passphrase",
            setup_complete=True,
        )
        monkeypatch.setattr(AppSession, "ask_passphrase", lambda self: PASSPHRASE)
        session = AppSession(SiteConfig(reader_backend="simulator"), ui_lang, background_start=background)
        session.start()
        try:
            assert session.problem is None, session.problem
            desk = session.open_desk()
            qtbot.addWidget(desk)
            if background:  # the app's way: the window with the reader first, the database and the rest after
                assert session.services is None and session.backend is not None
                desk.show()
                wait_until(qtbot, lambda: session.services_attached, what="the site services to attach")
                assert session.services.backend is session.backend  # the reader the window already watched
            assert desk.qa_dock is None  # no QA panel on a site
            driver = desk.ctx.driver
            session.services.backend.insert("adult-seishin-21")
            wait_until(qtbot, lambda: driver.view is not None and str(driver.view.state) == "awaiting_pin",
                       what="PIN step")
            wait_until(qtbot, lambda: isinstance(desk.current_dialog, PatientPinDialog), what="the desk's PIN pad")
            type_pin(qtbot, desk.current_dialog.keypad, DEMO_PIN)  # the patient types the PIN on the desk's pad
            wait_until(qtbot, lambda: str(driver.view.state) == "awaiting_registration", what="registration (empty DB)")
            assert "佐藤" in desk.eligibility.plain_text()
        finally:
            session.stop()  # cancels the open check-in and closes the database
    finally:
        simulator.stop()


def test_a_bad_settings_file_is_named_on_the_desk_in_japanese(qtbot, ui_lang, app_data_dir):
    from reception_app.config import settings_file

    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[General]\nkiosk_idle_timeout_s = soon\n", encoding="utf-8")
    session = AppSession(SiteConfig(), ui_lang)
    session.start()
    try:
        desk = session.open_desk()
        qtbot.addWidget(desk)
        assert desk.statusBar().currentMessage() == (
            f"受付のサービスを開始できません: 設定ファイル {path} の次の項目の値が正しくありません: "
            "kiosk_idle_timeout_s (settings_invalid)"
        )
    finally:
        session.stop()
