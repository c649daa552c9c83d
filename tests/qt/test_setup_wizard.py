"""The first-run wizard, filled like a person would (offscreen): real pcscd readers, real folders, the eligibility
check digit, the gateway simulator over HTTP, a real SQLCipher file; then the saved settings are read back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reception_app.config import load_config
from reception_app.ui.setup_wizard import PageId, SetupWizard

PASSPHRASE = "synthetic-wizard-passphrase"


@pytest.fixture()
def gateway(tmp_path: Path) -> Iterator[Any]:
    from reception_app.connect.simulator import OqsSimulator

    sim = OqsSimulator(tmp_path / "oqs").start()
    yield sim
    sim.stop()


@pytest.fixture()
def no_keyring() -> Iterator[None]:
    """The same on every machine: no OS keyring (as on a Linux kiosk), so the passphrase path is taken."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def folders(root: Path) -> dict[str, Path]:
    out = {}
    for role in ("face", "req", "res"):
        out[role] = root / "oqs-share" / role
        out[role].mkdir(parents=True)
    return out


def advance(wizard: SetupWizard, expected: PageId) -> None:
    wizard.next()
    assert wizard.currentId() == int(expected)


def result_text(wizard: SetupWizard, page: PageId) -> str:
    return str(wizard.pages[page].result.text())  # type: ignore[attr-defined]


def test_fill_and_save(qtbot: QtBot, app_data_dir: Path, tmp_path: Path, gateway: Any, no_keyring: None,
                       pcscd_available: bool) -> None:
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.restart()
    assert wizard.currentId() == int(PageId.WELCOME)
    wizard.pages[PageId.WELCOME].language.setCurrentIndex(1)  # type: ignore[attr-defined]
    advance(wizard, PageId.READER)

    reader_page = wizard.pages[PageId.READER]
    names = [reader_page.readers.item(i).text() for i in range(reader_page.readers.count())]  # type: ignore[attr-defined]
    assert "Virtual PCD 00 00" in names  # listed from the real pcscd
    reader_page.readers.setCurrentRow(names.index("Virtual PCD 00 00"))  # type: ignore[attr-defined]
    reader_page.test.click()  # type: ignore[attr-defined]
    assert "Virtual PCD 00 00" in result_text(wizard, PageId.READER)  # tried that reader (no card there: said so)
    advance(wizard, PageId.FOLDERS)

    dirs = folders(tmp_path)
    page = wizard.pages[PageId.FOLDERS]
    page.edits["face"].setText(str(tmp_path / "missing"))  # type: ignore[attr-defined]
    wizard.next()
    assert wizard.currentId() == int(PageId.FOLDERS)  # a missing folder is refused, with its name
    assert "does not exist" in result_text(wizard, PageId.FOLDERS)
    for role, path in dirs.items():
        page.edits[role].setText(str(path))  # type: ignore[attr-defined]
    advance(wizard, PageId.INSTITUTION)

    code = wizard.pages[PageId.INSTITUTION].code  # type: ignore[attr-defined]
    code.setText("3410712363")  # wrong check digit
    wizard.next()
    assert wizard.currentId() == int(PageId.INSTITUTION)
    assert "check digit" in result_text(wizard, PageId.INSTITUTION)
    code.setText("3410712362")
    advance(wizard, PageId.GATEWAY)

    gateway_page = wizard.pages[PageId.GATEWAY]
    gateway_page.url.setText(gateway.base_url)  # type: ignore[attr-defined]
    gateway_page.test.click()  # type: ignore[attr-defined]
    assert "answered" in result_text(wizard, PageId.GATEWAY)
    advance(wizard, PageId.DATABASE)

    db_page = wizard.pages[PageId.DATABASE]
    assert not db_page.keyring.isEnabled()  # type: ignore[attr-defined]
    db_page.passphrase.setText(PASSPHRASE)  # type: ignore[attr-defined]
    db_page.confirm.setText(PASSPHRASE + "x")  # type: ignore[attr-defined]
    wizard.next()
    assert wizard.currentId() == int(PageId.DATABASE)  # mismatched passphrases refused
    db_page.passphrase.setText(PASSPHRASE)  # type: ignore[attr-defined]
    db_page.confirm.setText(PASSPHRASE)  # type: ignore[attr-defined]
    advance(wizard, PageId.PRINTER)
    db_path = app_data_dir / "reception.db"
    assert db_path.is_file()  # created, encrypted
    assert db_path.read_bytes()[:16] != b"SQLite format 3\x00"

    printer_page = wizard.pages[PageId.PRINTER]
    printer_page.pdf_dir.setText(str(tmp_path / "no-such-folder"))  # type: ignore[attr-defined]
    wizard.next()
    assert "does not exist or is not writable" in result_text(wizard, PageId.PRINTER)
    assert not (app_data_dir.parent / "config" / "reception-app.ini").exists()  # nothing written before Finish
    printer_page.pdf_dir.setText(str(dirs["res"].parent))  # type: ignore[attr-defined]
    assert printer_page.validatePage()
    wizard.accept()
    saved = load_config(app_data_dir.parent / "config" / "reception-app.ini")
    assert (saved.printer_name, saved.ticket_pdf_dir) == (None, dirs["res"].parent)  # None = the default printer
    assert saved.language == "en"
    assert (saved.reader_backend, saved.reader_name) == ("pcsc", "Virtual PCD 00 00")
    assert (saved.face_dir, saved.req_dir, saved.res_dir) == tuple(dirs[r] for r in ("face", "req", "res"))
    assert saved.institution_code == "3410712362"
    assert saved.gateway_url == gateway.base_url
    assert (saved.db_key_source, saved.store_location) == ("passphrase", str(db_path))
    assert saved.setup_complete is True
    assert PASSPHRASE not in (app_data_dir.parent / "config" / "reception-app.ini").read_text()


def test_run_again_opens_the_existing_database(qtbot: QtBot, app_data_dir: Path, tmp_path: Path,
                                               no_keyring: None) -> None:
    from reception_app.store import PassphraseKey, open_store
    from tests.integration.installer_support import write_settings

    db_path = tmp_path / "clinic.db"
    open_store(db_path, PassphraseKey(PASSPHRASE), mode="create").close()
    write_settings(app_data_dir.parent / "config", {
        "institution_code": "3410712362", "db_path": str(db_path), "db_key_source": "passphrase",
        "reader_backend": "simulator", "setup_complete": True, "language": "en",
    })
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.restart()
    for page in (PageId.READER, PageId.FOLDERS, PageId.INSTITUTION, PageId.GATEWAY, PageId.DATABASE):
        advance(wizard, page)  # every page prefilled from the saved settings
    assert wizard.pages[PageId.INSTITUTION].code.text() == "3410712362"  # type: ignore[attr-defined]
    db_page = wizard.pages[PageId.DATABASE]
    db_page.passphrase.setText("not-the-passphrase")  # type: ignore[attr-defined]
    wizard.next()
    assert wizard.currentId() == int(PageId.DATABASE)
    assert "wrong key or passphrase" in result_text(wizard, PageId.DATABASE)
    before = db_path.read_bytes()
    db_page.passphrase.setText(PASSPHRASE)  # type: ignore[attr-defined]
    advance(wizard, PageId.PRINTER)
    assert db_path.read_bytes()[:16] == before[:16]  # the same database, never replaced


def test_wizard_speaks_japanese_first(qtbot: QtBot, app_data_dir: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from reception_app.ui.i18n import load_translator

    translator = load_translator("ja", "setup")
    assert translator is not None, "setup_ja.qm missing: run make translations"
    app = QApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        wizard = SetupWizard()
        qtbot.addWidget(wizard)
        assert wizard.lang == "ja"  # nothing saved yet: Japanese by default
        assert wizard.pages[PageId.INSTITUTION].title() == "医療機関コード"
        assert wizard.pages[PageId.READER].title() == "カードリーダー"
    finally:
        app.removeTranslator(translator)


def test_reader_page_tries_the_card_on_the_chosen_reader(qtbot: QtBot, app_data_dir: Path) -> None:
    """Through the card layer's simulator backend: two readers, a card on the second one only."""
    from reception_app.card.backends.simulator import SimulatorBackend

    backend = SimulatorBackend(("Desk Reader A", "Desk Reader B"))
    card = backend.insert("elder-70-74", "Desk Reader B")
    wizard = SetupWizard(backend_factory=lambda spec: backend)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.restart()
    wizard.pages[PageId.WELCOME].language.setCurrentIndex(1)  # type: ignore[attr-defined]  # English
    advance(wizard, PageId.READER)
    page = wizard.pages[PageId.READER]
    assert [page.readers.item(i).text() for i in range(page.readers.count())] == [  # type: ignore[attr-defined]
        "Desk Reader A", "Desk Reader B"]
    page.readers.setCurrentRow(0)  # type: ignore[attr-defined]
    page.test.click()  # type: ignore[attr-defined]
    assert "No card is on 'Desk Reader A'" in result_text(wizard, PageId.READER)
    page.readers.setCurrentRow(1)  # type: ignore[attr-defined]
    page.test.click()  # type: ignore[attr-defined]
    assert "The card on 'Desk Reader B' was read" in result_text(wizard, PageId.READER)
    assert card.apdu_count >= 1
    advance(wizard, PageId.FOLDERS)
    assert wizard.values.reader_name == "Desk Reader B"


def test_settings_that_cannot_be_saved_are_said_and_the_wizard_stays(qtbot: QtBot, app_data_dir: Path) -> None:
    ini = app_data_dir.parent / "config" / "reception-app.ini"
    ini.mkdir(parents=True)  # the file's place is taken: the write fails as in a read-only folder (root writes all)
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.accept()
    assert wizard.isVisible() and wizard.saved_path is None
    assert str(ini) in wizard.printer_page.result.text()
