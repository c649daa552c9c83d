"""Today's queue and patient search: plain rows, Qt table models, and the two panels. The rows are fetched by a
callable run on the worker (the database is never touched from the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reception_app.reception.usecases import PatientSummary, QueueEntry
from reception_app.ui import words
from reception_app.ui.dates import era_and_gregorian
from reception_app.ui.i18n import QT_TRANSLATE_NOOP
from reception_app.ui.worker import Worker

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


# The rows are the use cases' own records (reception/usecases.py): the tables show them as they come.
QueueRow = QueueEntry
PatientRow = PatientSummary
RowT = TypeVar("RowT")  # one frozen dataclass per row


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """A read-only table over a list of frozen dataclass rows; `columns` = (field, header source text)."""

    def __init__(self, columns: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[RowT] = []

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    # Any: Qt's model API returns a different type per role (text, brush, None)
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("Tables", self._columns[section][1])
        return None

    def display(self, row: RowT, name: str) -> str:
        value = getattr(row, name)  # a column names one field of the row's dataclass
        if isinstance(value, datetime):
            return value.strftime("%H:%M")
        if isinstance(value, date):
            return era_and_gregorian(value)
        if name == "sex":
            return words.word(words.SEX, str(value), str(value))
        if name == "queue_number":
            return f"{int(value):03d}"
        return "" if value is None else str(value)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # Any: per role, as above
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        name = self._columns[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.display(row, name)
        if role == Qt.ItemDataRole.ForegroundRole and name == "name" and "●" in str(getattr(row, name)):
            return QBrush(QColor("#8b1206"))
        return None


class QueueModel(RowTableModel[QueueEntry]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                ("queue_number", QT_TRANSLATE_NOOP("Tables", "No.")),
                ("checked_in_at", QT_TRANSLATE_NOOP("Tables", "Time")),
                ("name", QT_TRANSLATE_NOOP("Tables", "Name")),
                ("kana", QT_TRANSLATE_NOOP("Tables", "Kana")),
                ("patient_id", QT_TRANSLATE_NOOP("Tables", "Patient ID")),
                ("channel", QT_TRANSLATE_NOOP("Tables", "Where")),
                ("status", QT_TRANSLATE_NOOP("Tables", "Status")),
            ],
            parent,
        )

    def display(self, row: QueueEntry, name: str) -> str:
        if name == "channel":
            return self.tr("Kiosk") if row.channel == "kiosk" else self.tr("Desk")
        if name == "status":
            return words.word(words.VISIT_STATUS, str(row.status), str(row.status))
        return super().display(row, name)


class PatientModel(RowTableModel[PatientSummary]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                ("patient_id", QT_TRANSLATE_NOOP("Tables", "Patient ID")),
                ("name", QT_TRANSLATE_NOOP("Tables", "Name")),
                ("kana", QT_TRANSLATE_NOOP("Tables", "Kana")),
                ("birth_date", QT_TRANSLATE_NOOP("Tables", "Birth date")),
                ("sex", QT_TRANSLATE_NOOP("Tables", "Sex")),
                ("phone", QT_TRANSLATE_NOOP("Tables", "Phone")),
            ],
            parent,
        )


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    return view


class QueuePanel(QWidget):
    """Today's queue. `fetch` returns the rows (runs on the worker)."""

    def __init__(self, worker: Worker, fetch: Callable[[], list[QueueRow]] | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._worker = worker
        self._fetch = fetch
        self.model = QueueModel(self)
        self.view = _table(self.model, self.tr("Today's queue"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the queue"))
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Queue status"))
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def set_fetch(self, fetch: Callable[[], list[QueueRow]] | None) -> None:
        self._fetch = fetch

    def refresh(self) -> None:
        if self._fetch is None:
            self.status.setText(self.tr("No database is open."))
            return
        self._worker.submit(self._fetch, on_result=self._loaded, on_error=self._failed)

    def _loaded(self, rows: list[QueueRow]) -> None:
        self.model.set_rows(sorted(rows, key=lambda r: r.queue_number))
        self.status.setText(self.tr("%n patient(s) today", "", len(rows)))

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The queue could not be read: %1").replace("%1", str(error)))


SEARCH_KINDS = ("kana", "patient_id", "birth_date", "phone", "reference_number")


class SearchPanel(QWidget):
    """Patient search by kana prefix, patient ID, birth date, phone or 照会番号."""

    patient_activated = Signal(str)

    def __init__(
        self,
        worker: Worker,
        search: Callable[[str, str], list[PatientRow]] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._search = search
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Search by"))
        labels = {
            "kana": self.tr("Kana (beginning)"),
            "patient_id": self.tr("Patient ID"),
            "birth_date": self.tr("Birth date (YYYY-MM-DD)"),
            "phone": self.tr("Phone"),
            "reference_number": self.tr("照会番号"),
        }
        for kind in SEARCH_KINDS:
            self.kind.addItem(labels[kind], kind)
        self.query = QLineEdit()
        self.query.setAccessibleName(self.tr("Search text"))
        self.query.setPlaceholderText(self.tr("e.g. ヤマダ"))
        self.query.returnPressed.connect(self.run_search)
        self.button = QPushButton(self.tr("&Search"))
        self.button.setAccessibleName(self.tr("Search patients"))
        self.button.clicked.connect(self.run_search)
        self.model = PatientModel(self)
        self.view = _table(self.model, self.tr("Search results"))
        self.view.doubleClicked.connect(self._activated)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Search status"))
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.query, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.view)

    def set_search(self, search: Callable[[str, str], list[PatientRow]] | None) -> None:
        self._search = search

    def run_search(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.status.setText(self.tr("Type what to search for."))
            return
        if self._search is None:
            self.status.setText(self.tr("No database is open."))
            return
        kind = str(self.kind.currentData())
        search = self._search
        self.status.setText(self.tr("Searching…"))
        self._worker.submit(lambda: search(kind, text), on_result=self._loaded, on_error=self._failed)

    def _loaded(self, rows: list[PatientRow]) -> None:
        self.model.set_rows(rows)
        self.status.setText(self.tr("%n patient(s) found", "", len(rows)))

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The search failed: %1").replace("%1", str(error)))

    def _activated(self, index: QModelIndex) -> None:
        self.patient_activated.emit(self.model.row_at(index.row()).patient_id)


def dataclass_field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
