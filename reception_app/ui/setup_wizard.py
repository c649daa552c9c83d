"""The first-run wizard: reader, OQS folders, 医療機関コード, gateway, database key, printer. It writes the settings
file and can be run again from the desk window's menu (`run_setup_wizard(parent)`).

Texts are English source strings through `tr()`; Japanese comes from `resources/translations/setup_ja.ts` (a catalogue
of its own, loaded by `ui.i18n` beside the windows' one). Results of the checks (reader, gateway, database) reuse the
doctor's texts, which exist in both languages. The work behind the buttons is headless, in `reception.setup`.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from reception_app.config import KeySource, SiteConfig, SiteConfigError, load_config, save_config, validate
from reception_app.reception import setup
from reception_app.reception.doctor import CheckResult, Status, check_folder
from reception_app.reception.doctor_messages import Lang
from reception_app.reception.errors import ReaderServiceUnavailable
from reception_app.ui.error_texts import error_text
from reception_app.ui.settings import problem_text


class PageId(IntEnum):
    WELCOME = 0
    READER = 1
    FOLDERS = 2
    INSTITUTION = 3
    GATEWAY = 4
    DATABASE = 5
    PRINTER = 6


def current_settings() -> SiteConfig:
    """The saved configuration, the start of every page."""
    try:
        return load_config()
    except SiteConfigError:
        return SiteConfig()  # a broken file is rewritten by the wizard with what the person enters


def write_settings(values: SiteConfig) -> Path:
    """Writes the whole configuration (the kiosk options it was loaded with stay as they were)."""
    return save_config(values)


def _path_text(path: Path | None) -> str:
    return "" if path is None else str(path)


def _path_or_none(text: str) -> Path | None:
    return Path(text) if text else None


def _result_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("result")
    return label


def _show_result(label: QLabel, result: CheckResult | None, lang: Lang, ok_text: str = "") -> None:
    if result is None:
        label.setText(ok_text)
        label.setStyleSheet("color: #1b5e20;")
        return
    text = result.result_text(lang)
    action = result.action_text(lang)
    label.setText(f"{text}\n{action}" if action and result.status is not Status.OK else text)
    label.setStyleSheet("color: #1b5e20;" if result.status is Status.OK else "color: #b71c1c;")


class WelcomePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Set up this reception PC"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "This wizard asks for the card reader, the OQS terminal's shared folders, the medical institution code, "
            "the eligibility gateway, the database key and the printer. You can run it again later from the menu."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.language = QComboBox()
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if wizard.values.language != "en" else 1)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        layout.addLayout(form)

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        wizard.values = wizard.values.replace(language=str(self.language.currentData()))
        return True


class ReaderPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Card reader"))
        self.setSubTitle(self.tr("Choose the reader the patient places the card on. Place a card and press Test."))
        layout = QVBoxLayout(self)
        self.pcsc = QRadioButton(self.tr("PC/SC card reader"))
        self.simulator = QRadioButton(self.tr("Simulator (demo and QA only)"))
        group = QButtonGroup(self)
        group.addButton(self.pcsc)
        group.addButton(self.simulator)
        (self.simulator if wizard.values.reader_backend == "simulator" else self.pcsc).setChecked(True)
        layout.addWidget(self.pcsc)
        self.readers = QListWidget()
        self.readers.setObjectName("readers")
        layout.addWidget(self.readers)
        buttons = QHBoxLayout()
        self.refresh = QPushButton(self.tr("Refresh"))
        self.test = QPushButton(self.tr("Test the card on this reader"))
        buttons.addWidget(self.refresh)
        buttons.addWidget(self.test)
        layout.addLayout(buttons)
        layout.addWidget(self.simulator)
        self.result = _result_label()
        layout.addWidget(self.result)
        self.refresh.clicked.connect(self.refresh_readers)
        self.test.clicked.connect(self.test_reader)
        self.pcsc.toggled.connect(self._backend_changed)

    def initializePage(self) -> None:
        self.refresh_readers()
        self._backend_changed()

    def _backend_changed(self) -> None:
        enabled = self.pcsc.isChecked()
        for widget in (self.readers, self.refresh, self.test):
            widget.setEnabled(enabled)

    def refresh_readers(self) -> None:
        self.readers.clear()
        try:
            names = setup.list_reader_names(self._wizard.backend_factory)
        except ReaderServiceUnavailable:
            _show_result(self.result, CheckResult("pcsc_service", Status.FAIL, "pcsc_service_unavailable"),
                         self._wizard.lang)
            return
        self.readers.addItems(names)
        if not names:
            _show_result(self.result, CheckResult("readers", Status.FAIL, "readers_none"), self._wizard.lang)
            return
        self.result.clear()
        wanted = self._wizard.values.reader_name
        matches = self.readers.findItems(wanted, Qt.MatchFlag.MatchExactly) if wanted else []
        self.readers.setCurrentItem(matches[0] if matches else self.readers.item(0))

    def selected_reader(self) -> str:
        item = self.readers.currentItem()
        return item.text() if item is not None else ""

    def test_reader(self) -> None:
        _show_result(self.result, setup.try_reader(self.selected_reader(), self._wizard.backend_factory),
                     self._wizard.lang)

    def validatePage(self) -> bool:
        pcsc = self.pcsc.isChecked()
        self._wizard.values = self._wizard.values.replace(
            reader_backend="pcsc" if pcsc else "simulator",
            reader_name=(self.selected_reader() or None) if pcsc else None)
        return True


class FoldersPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("OQS terminal folders"))
        self.setSubTitle(self.tr(
            "The shared folders of the online qualification terminal (leave empty if this clinic does not use them)."))
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "face": self.tr("Face-reader results (face)"),
            "req": self.tr("Requests (req)"),
            "res": self.tr("Responses (res)"),
        }
        for role, label in labels.items():
            edit = QLineEdit(_path_text(getattr(wizard.values, f"{role}_dir")))
            edit.setObjectName(f"{role}_dir")
            browse = QPushButton(self.tr("Browse…"))
            browse.clicked.connect(lambda _=False, e=edit: self._browse(e))
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(edit)
            row_layout.addWidget(browse)
            form.addRow(label, row)
            self.edits[role] = edit
        self.result = _result_label()
        outer.addWidget(self.result)  # below the form: a wrapped label in a form row gets clipped
        outer.addStretch(1)

    def _browse(self, edit: QLineEdit) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), edit.text())
        if chosen:
            edit.setText(chosen)

    def validatePage(self) -> bool:
        for role, edit in self.edits.items():
            value = edit.text().strip()
            if value:
                result = check_folder(role, value)
                if result.status is not Status.OK:
                    _show_result(self.result, result, self._wizard.lang)
                    edit.setFocus()
                    return False
            self._wizard.values = self._wizard.values.replace(**{f"{role}_dir": _path_or_none(value)})
        self.result.clear()
        return True


class InstitutionPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Medical institution code"))
        self.setSubTitle(self.tr("The 10-digit code (医療機関コード) from the designation notice; its last digit is a "
                                 "check digit."))
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self.code = QLineEdit(wizard.values.institution_code or "")
        self.code.setObjectName("institution_code")
        self.code.setMaxLength(10)
        self.code.setInputMask("")
        form.addRow(self.tr("Institution code"), self.code)
        self.result = _result_label()
        outer.addWidget(self.result)  # below the form: a wrapped label in a form row gets clipped
        outer.addStretch(1)
        self.code.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.code.text().strip())

    def validatePage(self) -> bool:
        problem = setup.institution_code_problem(self.code.text())
        if problem is not None:
            _show_result(self.result, problem, self._wizard.lang)
            return False
        self._wizard.values = self._wizard.values.replace(institution_code=self.code.text().strip())
        self.result.clear()
        return True


class GatewayPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Eligibility gateway"))
        self.setSubTitle(self.tr("The HTTPS address of the eligibility gateway (PIN path). Leave empty if only the "
                                 "face-recognition reader is used."))
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self.url = QLineEdit(wizard.values.gateway_url or "")
        self.url.setObjectName("gateway_url")
        self.url.setPlaceholderText("https://gateway.example:8443/")
        self.ca_bundle = QLineEdit(_path_text(wizard.values.ca_bundle))
        self.ca_bundle.setObjectName("ca_bundle")
        form.addRow(self.tr("Gateway address"), self.url)
        form.addRow(self.tr("CA certificate (optional)"), self.ca_bundle)
        self.test = QPushButton(self.tr("Test the connection"))
        self.test.clicked.connect(self.test_gateway)
        form.addRow(self.test)
        self.result = _result_label()
        outer.addWidget(self.result)  # below the form: a wrapped label in a form row gets clipped
        outer.addStretch(1)

    def _apply(self) -> None:
        self._wizard.values = self._wizard.values.replace(
            gateway_url=self.url.text().strip() or None, ca_bundle=_path_or_none(self.ca_bundle.text().strip()))

    def test_gateway(self) -> None:
        self._apply()
        _show_result(self.result, setup.try_gateway(self._wizard.values, timeout_s=3.0), self._wizard.lang)

    def validatePage(self) -> bool:
        self._apply()
        # The address must be well formed; the gateway may be down while the PC is set up, so reachability is only
        # shown (Test button, doctor), never required.
        problems = [p for p in validate(self._wizard.values) if p.option in ("gateway_url", "ca_bundle")]
        if problems:
            self.result.setText(problem_text(problems[0]))
            self.result.setStyleSheet("color: #b71c1c;")
            return False
        return True


class DatabasePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Database key"))
        self.setSubTitle(self.tr("Patient data is stored encrypted. Its key is kept in this PC's keyring, or derived "
                                 "from a passphrase that staff type when the app starts."))
        layout = QVBoxLayout(self)
        self.keyring = QRadioButton(self.tr("Keep the key in this PC's keyring (Windows Credential Manager)"))
        self.passphrase_choice = QRadioButton(self.tr("Use a passphrase"))
        group = QButtonGroup(self)
        group.addButton(self.keyring)
        group.addButton(self.passphrase_choice)
        layout.addWidget(self.keyring)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.passphrase_choice)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("passphrase_confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Passphrase again"), self.confirm)
        layout.addLayout(form)
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        layout.addWidget(self.path_label)
        self.result = _result_label()
        layout.addWidget(self.result)
        self.keyring.toggled.connect(self._source_changed)

    def initializePage(self) -> None:
        available = setup.keyring_available()
        self.keyring.setEnabled(available)
        self.keyring_note.setText("" if available else self.tr(
            "No keyring is available on this PC (usual on Linux kiosks): use a passphrase."))
        wants_keyring = self._wizard.values.db_key_source == "keyring" and available
        (self.keyring if wants_keyring else self.passphrase_choice).setChecked(True)
        path = self._wizard.values.resolved_db_path()
        self.path_label.setText(
            (self.tr("An existing database will be opened: %1") if path.exists()
             else self.tr("A new database will be created: %1")).replace("%1", str(path)))
        self.confirm.setVisible(not path.exists())
        self._source_changed()

    def _source_changed(self) -> None:
        enabled = self.passphrase_choice.isChecked()
        self.passphrase.setEnabled(enabled)
        self.confirm.setEnabled(enabled)

    def source(self) -> KeySource:
        return "keyring" if self.keyring.isChecked() else "passphrase"

    def validatePage(self) -> bool:
        path = self._wizard.values.resolved_db_path()
        passphrase: str | None = None
        if self.source() == "passphrase":
            passphrase = self.passphrase.text()
            if not path.exists():
                if len(passphrase) < setup.passphrase_min_length():
                    self._error(self.tr("The passphrase needs at least %1 characters.").replace(
                        "%1", str(setup.passphrase_min_length())))
                    return False
                if passphrase != self.confirm.text():
                    self._error(self.tr("The two passphrases differ."))
                    return False
        result = setup.prepare_database(path, self.source(), passphrase)
        self.passphrase.clear()  # never kept longer than needed
        self.confirm.clear()
        _show_result(self.result, result, self._wizard.lang)
        if result.status is not Status.OK:
            return False
        self._wizard.values = self._wizard.values.replace(db_key_source=self.source(), store_location=str(path))
        return True

    def _error(self, text: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("color: #b71c1c;")


class PrinterPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Printer"))
        self.setSubTitle(self.tr("Where the reception slip (受付票) is printed. Without a printer, slips are saved as "
                                 "PDF files."))
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self.printer = QComboBox()
        self.printer.setObjectName("printer")
        self.printer.addItem(self.tr("(the system's default printer)"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        index = self.printer.findData(wizard.values.printer_name or "")
        self.printer.setCurrentIndex(max(index, 0))
        self.pdf_dir = QLineEdit(_path_text(wizard.values.ticket_pdf_dir))
        self.pdf_dir.setObjectName("ticket_pdf_dir")
        form.addRow(self.tr("Printer"), self.printer)
        form.addRow(self.tr("PDF folder (optional)"), self.pdf_dir)
        self.result = _result_label()
        outer.addWidget(self.result)  # below the form: a wrapped label in a form row gets clipped
        outer.addStretch(1)

    def validatePage(self) -> bool:
        pdf_dir = self.pdf_dir.text().strip()
        if pdf_dir:
            result = check_folder("res", pdf_dir)
            if result.status is not Status.OK:
                self.result.setText(self.tr("This folder does not exist or is not writable: %1").replace("%1", pdf_dir))
                self.result.setStyleSheet("color: #b71c1c;")
                return False
        self._wizard.values = self._wizard.values.replace(
            printer_name=str(self.printer.currentData() or "") or None, ticket_pdf_dir=_path_or_none(pdf_dir))
        return True


class SetupWizard(QWizard):
    """Fills `values` page by page; `accept()` writes them (the settings file is untouched until then)."""

    def __init__(self, parent: QWidget | None = None, *, backend_factory: setup.BackendFactory | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self.setWindowTitle(self.tr("reception-app set-up"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.backend_factory = backend_factory
        self.values = current_settings()
        self.saved_path: Path | None = None
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        self.setFont(font)
        self.printer_page = PrinterPage(self)  # the last page: it says when the settings could not be saved
        self.pages: dict[PageId, QWizardPage] = {
            PageId.WELCOME: WelcomePage(self),
            PageId.READER: ReaderPage(self),
            PageId.FOLDERS: FoldersPage(self),
            PageId.INSTITUTION: InstitutionPage(self),
            PageId.GATEWAY: GatewayPage(self),
            PageId.DATABASE: DatabasePage(self),
            PageId.PRINTER: self.printer_page,
        }
        for page_id, page in self.pages.items():
            self.setPage(int(page_id), page)

    @property
    def lang(self) -> Lang:
        return "en" if self.values.language == "en" else "ja"

    def accept(self) -> None:
        values = self.values.replace(setup_complete=True)
        try:
            self.saved_path = write_settings(values)
        except SiteConfigError as exc:  # a read-only folder, a full disk: say so, keep every entry, stay open
            self.printer_page.result.setText(error_text(exc))
            self.printer_page.result.setStyleSheet("color: #b71c1c;")
            return
        self.values = values
        super().accept()


def run_setup_wizard(parent: QWidget | None = None) -> bool:
    """Shows the wizard modally; True when the person finished it and the settings were written."""
    if QCoreApplication.instance() is None:
        raise RuntimeError("create the QApplication before the set-up wizard")
    wizard = SetupWizard(parent)
    return wizard.exec() == QDialog.DialogCode.Accepted.value
