"""Settings: reader, OQS terminal folders, gateway and certificates, printer, kiosk options, language. Every
problem is listed in plain words beside its field before anything is saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reception_app.config import ConfigProblem, SiteConfig, validate
from reception_app.ui.settings import problem_text


class SettingsDialog(QDialog):
    def __init__(self, settings: SiteConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self._original = settings
        self.result_settings: SiteConfig | None = None
        self.edits: dict[str, QWidget] = {}
        self.field_tab: dict[str, int] = {}
        self.setMinimumSize(680, 420)
        self.error_labels: dict[str, QLabel] = {}
        self._tab_count = 0
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Settings pages"))

        reader = QWidget()
        form = QFormLayout(reader)
        self.backend = QComboBox()
        self.backend.addItem(self.tr("PC/SC card reader"), "pcsc")
        self.backend.addItem(self.tr("Simulator (QA and demo)"), "simulator")
        self.backend.setCurrentIndex(max(self.backend.findData(settings.reader_backend), 0))
        self._add(form, "reader_backend", self.tr("Reader &backend"), self.backend)
        self._add(form, "reader_name", self.tr("Reader &name (empty: the first)"), self._line(settings.reader_name))
        tabs.addTab(reader, self.tr("Reader"))
        self._tab_count += 1

        folders = QWidget()
        form = QFormLayout(folders)
        for key, label in (("face_dir", self.tr("&Face results folder (face)")),
                           ("req_dir", self.tr("&Request folder (req)")),
                           ("res_dir", self.tr("Re&sult folder (res)"))):
            self._add(form, key, label, self._path_row(getattr(settings, key), folder=True))
        tabs.addTab(folders, self.tr("OQS terminal"))
        self._tab_count += 1

        gateway = QWidget()
        form = QFormLayout(gateway)
        self._add(form, "gateway_url", self.tr("&Gateway address"), self._line(settings.gateway_url))
        self._add(form, "client_cert", self.tr("Client &certificate"), self._path_row(settings.client_cert))
        self._add(form, "client_key", self.tr("Client &key"), self._path_row(settings.client_key))
        self._add(form, "ca_bundle", self.tr("&Trusted CA bundle"), self._path_row(settings.ca_bundle))
        tabs.addTab(gateway, self.tr("Gateway"))
        self._tab_count += 1

        printer = QWidget()
        form = QFormLayout(printer)
        self._add(form, "printer_name", self.tr("&Printer (empty: the default)"), self._line(settings.printer_name))
        self._add(form, "ticket_pdf_dir", self.tr("Save tickets as PDF in"),
                  self._path_row(settings.ticket_pdf_dir, folder=True))
        tabs.addTab(printer, self.tr("Printer"))
        self._tab_count += 1

        kiosk = QWidget()
        form = QFormLayout(kiosk)
        self.timeout = QSpinBox()
        self.timeout.setRange(0, 3600)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setValue(settings.kiosk_idle_timeout_s)
        self._add(form, "kiosk_idle_timeout_s", self.tr("&Idle timeout"), self.timeout)
        self._add(form, "kiosk_name", self.tr("Kiosk &name"), self._line(settings.kiosk_name))
        self.qa = QCheckBox(self.tr("Show the &QA panel"))
        self.qa.setChecked(settings.show_qa_panel)
        self._add(form, "show_qa_panel", "", self.qa)
        self.language = QComboBox()
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self._add(form, "language", self.tr("&Language"), self.language)
        tabs.addTab(kiosk, self.tr("Kiosk and language"))
        self._tab_count += 1

        self.summary = QLabel()
        self.summary.setObjectName("settingsSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #b00020; font-weight: bold;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save"))
        save.setAccessibleName(self.tr("Save settings"))
        save.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.tabs = tabs

    def _line(self, value: str | None) -> QLineEdit:
        edit = QLineEdit(value or "")
        return edit

    def _path_row(self, path: Path | None, *, folder: bool = False) -> QWidget:
        row = QWidget()
        row.setProperty("is_path_row", True)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit(str(path) if path is not None else "")
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Browse"))
        browse.setAutoDefault(False)

        def pick() -> None:
            chosen = (QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), edit.text()) if folder
                      else QFileDialog.getOpenFileName(self, self.tr("Choose a file"), edit.text())[0])
            if chosen:
                edit.setText(chosen)

        browse.clicked.connect(pick)
        layout.addWidget(edit, 1)
        layout.addWidget(browse)
        row.setProperty("edit", edit)
        row.edit = edit  # type: ignore[attr-defined]
        return row

    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        self.edits[key] = widget
        self.field_tab[key] = self._tab_count
        error = QLabel()
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        error.setVisible(False)
        self.error_labels[key] = error
        edit = getattr(widget, "edit", widget)
        if isinstance(edit, QWidget):
            edit.setAccessibleName(label.replace("&", "") or key)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(widget)
        inner.addWidget(error)
        if label:
            form.addRow(label, box)
        else:
            form.addRow(box)

    def _text(self, key: str) -> str:
        widget = self.edits[key]
        edit = getattr(widget, "edit", widget)
        return edit.text().strip() if isinstance(edit, QLineEdit) else ""

    def _optional(self, key: str) -> str | None:
        return self._text(key) or None  # an empty field is unset

    def _path(self, key: str) -> Path | None:
        text = self._text(key)
        return Path(text) if text else None

    def current(self) -> SiteConfig:
        return self._original.replace(
            reader_backend=str(self.backend.currentData()),
            reader_name=self._optional("reader_name"),
            face_dir=self._path("face_dir"),
            req_dir=self._path("req_dir"),
            res_dir=self._path("res_dir"),
            gateway_url=self._optional("gateway_url"),
            client_cert=self._path("client_cert"),
            client_key=self._path("client_key"),
            ca_bundle=self._path("ca_bundle"),
            printer_name=self._optional("printer_name"),
            ticket_pdf_dir=self._path("ticket_pdf_dir"),
            kiosk_idle_timeout_s=self.timeout.value(),
            kiosk_name=self._text("kiosk_name"),
            show_qa_panel=self.qa.isChecked(),
            language=str(self.language.currentData()),
        )

    def show_problems(self, problems: list[ConfigProblem]) -> None:
        for label in self.error_labels.values():
            label.setVisible(False)
            label.setText("")
        for p in problems:
            target = self.error_labels.get(p.option)
            if target is not None:
                target.setText(problem_text(p))
                target.setVisible(True)
        self.summary.setText(
            self.tr("%n setting(s) need attention; nothing was saved.", "", len(problems)) if problems else ""
        )
        bad_tabs = {self.field_tab[p.option] for p in problems if p.option in self.field_tab}
        for index in range(self.tabs.count()):
            text = self.tabs.tabText(index).removeprefix("⚠ ")
            self.tabs.setTabText(index, f"⚠ {text}" if index in bad_tabs else text)
        if bad_tabs:
            self.tabs.setCurrentIndex(min(bad_tabs))

    def try_save(self) -> None:
        candidate = self.current()
        # only what this dialog edits: a problem it cannot fix (a hand-edited institution code) does not block saving
        problems = [p for p in validate(candidate) if p.option in self.edits]
        self.show_problems(problems)
        if problems:
            return
        self.result_settings = candidate
        self.accept()
