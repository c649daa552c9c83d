"""Face-reader results no check-in could take (the router holds them for the staff; reception/held_faces.py).

Without this they were invisible. As in a mature reception product (CLINICS: 「未登録の資格情報があります」 →
compare → link), the desk shows how many wait (a status-bar indicator, refreshed on the worker every few seconds),
lists them (when received, kana, name, birth date, masked insurance, why held) and lets the staff either start a
check-in with one (the usual match follows: candidates for the staff to choose, never an automatic pick) or discard
a stale one (audited). The window only creates `HeldFaces(window)` and a menu action calling `show_list`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reception_app.reception.view import SessionView, State
from reception_app.ui.desk.tables import RowTableModel
from reception_app.ui.i18n import QT_TRANSLATE_NOOP
from reception_app.ui.worker import Worker

if TYPE_CHECKING:
    from reception_app.reception.held_faces import HeldFaceRow
    from reception_app.ui.context import UiContext

HELD_FACES_CHECK_MS = 3_000  # how often the indicator asks the router (a list length: costs nothing)
INDICATOR_STYLE = "QToolButton { background: #fff3cd; color: #7a4b00; font-weight: bold; padding: 1px 8px; }"

# Why the router held a result (HeldResult.reason), in words for the staff.
REASONS: dict[str, str] = {
    "no_open_session": QT_TRANSLATE_NOOP("FaceResults", "No check-in was waiting for a face result"),
    "ambiguous": QT_TRANSLATE_NOOP("FaceResults", "More than one check-in could take it, or the check-in refused it"),
    "session_busy": QT_TRANSLATE_NOOP("FaceResults", "The check-in was busy"),
}


def reason_words(code: str) -> str:
    source = REASONS.get(code)
    return QCoreApplication.translate("FaceResults", source) if source else code


class FaceResultsModel(RowTableModel["HeldFaceRow"]):  # (a string: the row type loads with the services)
    """The held results, one row each (`HeldFaceRow`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                ("received_at", QT_TRANSLATE_NOOP("Tables", "Received")),
                ("kana", QT_TRANSLATE_NOOP("Tables", "Kana")),
                ("name", QT_TRANSLATE_NOOP("Tables", "Name")),
                ("birth_date", QT_TRANSLATE_NOOP("Tables", "Birth date")),
                ("sex", QT_TRANSLATE_NOOP("Tables", "Sex")),
                ("insurance", QT_TRANSLATE_NOOP("Tables", "Insurance (masked)")),
                ("reason", QT_TRANSLATE_NOOP("Tables", "Why it waits")),
            ],
            parent,
        )

    def display(self, row: HeldFaceRow, name: str) -> str:
        if name == "received_at":
            value = row.received_at
            if not isinstance(value, datetime):
                return ""
            today = datetime.now(value.tzinfo).date()
            return value.strftime("%H:%M") if value.date() == today else value.strftime("%Y-%m-%d %H:%M")
        if name == "reason":
            return reason_words(str(row.reason))
        if name == "insurance":
            return str(row.insurance) or "—"
        return super().display(row, name)


class FaceResultsDialog(QDialog):
    """The list of held results with "Check in with this result" and "Discard". Not modal: the desk goes on.
    `fetch` and `discard` block (they run on the worker)."""

    checkin_requested = Signal(str)
    """The staff chose a result (its reference) to check in with."""
    changed = Signal()
    """A result was discarded (the indicator refreshes)."""

    def __init__(
        self,
        worker: Worker,
        fetch: Callable[[], list[HeldFaceRow]] | None,
        discard: Callable[[str], bool] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._fetch = fetch
        self._discard = discard
        self._loading = False
        self.setWindowTitle(self.tr("Unassigned face-reader results"))
        self.setAccessibleName(self.tr("Unassigned face-reader results"))
        self.resize(980, 420)
        intro = QLabel(self.tr(
            "Results from the face reader that no check-in could take. Compare the person with the patient in front "
            "of you, then check in with the result (the patient match follows as usual) or discard a stale one."))
        intro.setWordWrap(True)
        self.model = FaceResultsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Unassigned face-reader results"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Face-reader results status"))
        self.status.setWordWrap(True)
        # No default button: Enter in the list starts nothing by itself (the buttons have their own keys).
        self.checkin_button = self._button(self.tr("&Check in with this result"),
                                           self.tr("Check in with this result"), self.check_in)
        self.discard_button = self._button(self.tr("&Discard…"), self.tr("Discard this result"), self.discard)
        self.refresh_button = self._button(self.tr("&Refresh"), self.tr("Refresh the list"), self.refresh)
        self.close_button = self._button(self.tr("Close"), self.tr("Close the list"), self.close)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # Delete in the list: discard (asks first)
        delete.activated.connect(self.discard)
        buttons = QHBoxLayout()
        buttons.addWidget(self.checkin_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setAutoDefault(False)
        button.setDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    # --- data -------------------------------------------------------------------------------------------------
    @property
    def is_loading(self) -> bool:
        """True while the list is being read (the rows shown may be about to change)."""
        return self._loading

    def refresh(self) -> None:
        if self._fetch is None:
            self.status.setText(self.tr("No reception services are running."))
            return
        if self._loading:
            return
        self._loading = True
        self._worker.submit(self._fetch, on_result=self._loaded, on_error=self._failed)

    def _loaded(self, rows: list[HeldFaceRow]) -> None:
        self._loading = False
        keep = self.selected_reference()
        self.model.set_rows(rows)
        index = next((i for i, r in enumerate(rows) if r.reference == keep), 0 if rows else -1)
        if index >= 0:
            self.view.selectRow(index)
        self.status.setText(self.tr("%n face-reader result(s) waiting", "", len(rows)) if rows
                            else self.tr("No face-reader results are waiting."))
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.status.setText(self.tr("The list could not be read: %1").replace("%1", str(error)))

    def selected_reference(self) -> str | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() is not None else []
        if not rows or rows[0].row() >= self.model.rowCount():
            return None
        return str(self.model.row_at(rows[0].row()).reference)

    def _update_buttons(self) -> None:
        chosen = self.selected_reference() is not None
        self.checkin_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen and self._discard is not None)

    # --- actions ----------------------------------------------------------------------------------------------
    def check_in(self) -> None:
        reference = self.selected_reference()
        if reference is not None:
            self.checkin_requested.emit(reference)

    def discard(self) -> None:
        reference, discard = self.selected_reference(), self._discard
        if reference is None or discard is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard the face-reader result"), self.tr(
            "Discard this face-reader result? It is removed from the list; the patient uses the face reader again "
            "if they still need to check in."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter keeps it
        box.setAccessibleName(self.tr("Discard the face-reader result"))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Discard"))
        box.button(QMessageBox.StandardButton.Yes).setAccessibleName(self.tr("Discard"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep"))
        box.button(QMessageBox.StandardButton.No).setAccessibleName(self.tr("Keep"))
        self.confirm_box = box
        box.finished.connect(lambda code: self._confirmed(reference, discard)
                             if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes) else None)
        box.open()

    def _confirmed(self, reference: str, discard: Callable[[str], bool]) -> None:
        self.status.setText(self.tr("Discarding…"))
        self._worker.submit(lambda: discard(reference), on_result=self._discarded, on_error=self._failed)

    def _discarded(self, done: object) -> None:
        if not done:
            self.status.setText(self.tr("That result was no longer waiting."))
        self.changed.emit()
        self.refresh()


class HeldFaces(QObject):
    """The desk's part: the status-bar indicator 「未割当の顔認証結果 N件」 (refreshed on the worker), the list
    (`show_list`), and a check-in started from a held result on the desk's driver."""

    def __init__(self, window: QMainWindow, ctx: UiContext) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._counting = False
        self._driver_wired = False
        self.count = 0
        self.dialog: FaceResultsDialog | None = None
        self.indicator = QToolButton()
        self.indicator.setAutoRaise(True)
        self.indicator.setStyleSheet(INDICATOR_STYLE)
        self.indicator.setAccessibleName(self.tr("Unassigned face-reader results"))
        self.indicator.setToolTip(self.tr("Face-reader results no check-in could take: open the list (Shift+F3)"))
        self.indicator.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.indicator.clicked.connect(self.show_list)
        self.indicator.hide()  # shown while results wait
        window.statusBar().addPermanentWidget(self.indicator)
        self.timer = QTimer(self)
        self.timer.setInterval(HELD_FACES_CHECK_MS)
        self.timer.timeout.connect(self.refresh)
        self.services_ready()

    def services_ready(self) -> None:
        """Wires in the services (at once, or when they attach after the window showed: AppSession)."""
        ctx = self._ctx
        if ctx.held_face_count is not None and not self.timer.isActive():
            self.timer.start()
            QTimer.singleShot(0, self.refresh)
        if ctx.driver is not None and not self._driver_wired:
            self._driver_wired = True
            ctx.driver.view_changed.connect(self._view_changed)
            ctx.driver.command_failed.connect(lambda *_: self.refresh())

    @property
    def available(self) -> bool:
        return self._ctx.held_face_results is not None

    # --- the indicator ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Asks the router how many results wait (on the worker; one question at a time)."""
        count = self._ctx.held_face_count
        if count is None or self._counting:
            return
        self._counting = True
        self._ctx.worker.submit(count, on_result=self._counted, on_error=self._count_failed)

    def _counted(self, n: object) -> None:
        self._counting = False
        self.count = int(n) if isinstance(n, int) else 0
        self.indicator.setText(self.tr("Unassigned face-reader results: %n", "", self.count))
        self.indicator.setVisible(self.count > 0)
        dialog = self.dialog
        if dialog is not None and dialog.isVisible() and dialog.model.rowCount() != self.count:
            dialog.refresh()

    def _count_failed(self, error: BaseException) -> None:
        self._counting = False

    def _view_changed(self, view: SessionView) -> None:
        if view.ended or view.state in (State.AWAITING_FACE, State.QUERYING):
            self.refresh()  # a result may have been taken or held again: the count follows at once

    # --- the list ---------------------------------------------------------------------------------------------
    def show_list(self) -> None:
        if not self.available:
            self._window.statusBar().showMessage(self.tr("No reception services are running."), 8000)
            return
        if self.dialog is None:
            self.dialog = FaceResultsDialog(self._ctx.worker, self._ctx.held_face_results,
                                            self._ctx.discard_face_result, self._window)
            self.dialog.checkin_requested.connect(self.check_in)
            self.dialog.changed.connect(self.refresh)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.view.setFocus()

    # --- check in with a held result ------------------------------------------------------------------------------
    def check_in(self, reference: str) -> None:
        """A new desk check-in takes the held result (or the one already waiting for a face result does); the
        window's usual dialogs follow (candidates, registration, relink)."""
        driver, start = self._ctx.driver, self._ctx.checkin_from_face_result
        if driver is None or start is None:
            return
        view = driver.view
        if view is not None and not view.ended and view.state not in (State.IDLE, State.AWAITING_FACE):
            self._window.statusBar().showMessage(
                self.tr("Finish or cancel the current check-in first (Ctrl+Shift+X)."), 10_000)
            return
        if view is None or view.ended:
            driver.new_session()
        if self.dialog is not None:
            self.dialog.hide()  # the check-in's own dialogs come next
        driver.run_with(self.tr("Check-in with a face-reader result"),
                        lambda session: start(reference, session))
