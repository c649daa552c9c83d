"""The app's start as the app does it (`background_start=True`): the window shows and watches the reader first, the
services load on the worker after the first paint and attach; a card placed before they attach is read then."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reception_app.compose.session import AppSession
from reception_app.config import SiteConfig
from reception_app.ui.desk.dialogs import PatientPinDialog
from reception_app.ui.i18n import Translations
from tests.qt.ui_helpers import DEMO_PIN, type_pin, wait_until


@pytest.fixture()
def background_session(
    qapp: QApplication, ui_lang: Translations, tmp_path: Path, app_data_dir: Path
) -> Iterator[AppSession]:
    session = AppSession(SiteConfig(), ui_lang, demo=True, data_dir=tmp_path / "demo", background_start=True)
    try:
        yield session
    finally:
        session.stop()


def test_desk_shows_before_the_services_and_reads_a_card_placed_meanwhile(qtbot, background_session: AppSession):
    session = background_session
    session.start()
    assert session.services is None  # nothing but the reader before the window
    desk = session.open_desk()
    assert desk.ctx.driver is None and desk.connection_status.text() == "資格確認: 起動中…"
    desk.show()
    assert session.wait_ready_for_card(10)
    session.backend.insert("adult-seishin-21")  # the card comes before the check-in code has loaded
    assert not session.services_attached  # (they start loading after the first paint, which has not run yet)
    gc.unfreeze()
    wait_until(qtbot, lambda: session.services_attached, what="the services to attach")
    # what the start made is out of the collector's sight: the GUI thread's full passes stay short
    assert gc.get_freeze_count() > 0
    driver = desk.ctx.driver
    assert driver is not None
    wait_until(qtbot, lambda: driver.view is not None and str(driver.view.state) == "awaiting_pin",
               what="the card placed during the start to be read")
    pid = session.services.seeded["seishin"]
    wait_until(qtbot, lambda: isinstance(desk.current_dialog, PatientPinDialog), what="the desk's PIN pad")
    type_pin(qtbot, desk.current_dialog.keypad, DEMO_PIN)  # the patient types the PIN on the desk's pad
    wait_until(qtbot, lambda: driver.view.ended, what="the check-in to end")
    assert str(driver.view.state) == "completed"
    visits = session.services.store.queue(session.services.clock().date())
    assert [v.patient_id for v in visits] == [pid]
    wait_until(qtbot, lambda: desk.queue.model.rowCount() == 1, what="the queue to show the visit")
    desk.close()


def test_kiosk_reads_a_card_placed_while_the_services_load(qtbot, background_session: AppSession):
    session = background_session
    session.start()
    kiosk = session.open_kiosk()
    kiosk.show()
    assert session.kiosk_controller is None
    assert session.wait_ready_for_card(10)
    session.backend.insert("adult-seishin-21")
    assert not session.services_attached
    wait_until(qtbot, lambda: session.services_attached, what="the services to attach")
    wait_until(qtbot, lambda: kiosk.current_screen() == "consent_medical",
               what="the kiosk to ask the consents (then the PIN)")
    assert session.kiosk_controller is not None


def test_services_that_cannot_start_are_named_on_the_desk(qtbot, ui_lang, tmp_path, app_data_dir):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the demo folder should be")
    session = AppSession(SiteConfig(), ui_lang, demo=True, data_dir=blocked, background_start=True)
    try:
        session.start()
        desk = session.open_desk()
        desk.show()
        wait_until(qtbot, lambda: session.problem is not None, what="the start to fail")
        assert not session.services_attached and session.services is None
        assert "受付のサービスを開始できません" in desk.statusBar().currentMessage()
        assert "オフライン" in desk.connection_status.text()
        desk.close()
    finally:
        session.stop()
    assert blocked.read_text() == "a file where the demo folder should be"  # nothing lost


def test_demo_kiosk_gets_its_qa_window_once_the_simulators_are_up(qtbot, background_session: AppSession):
    session = background_session
    session.start()
    kiosk = session.open_kiosk()
    kiosk.show()
    panels: list[object] = []
    session.when_network_ready(lambda: panels.append(session.open_qa_window()))
    assert panels == []  # nothing has loaded yet: the services attach after the first paint
    wait_until(qtbot, lambda: bool(panels), what="the QA window")
    assert session.services_attached and session.services.network_ready.is_set()
    assert type(panels[0]).__name__ == "QaPanel"
