"""The staff desk: reader and connection status, the live check-in, the merged eligibility panel, today's queue,
patient search, and the dialogs that need a person's decision. Works from the keyboard alone (menu shortcuts,
tab order, default buttons)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from reception_app.reception.view import SessionView, State
from reception_app.ui.context import UiContext
from reception_app.ui.desk.checkin_panel import CheckInPanel
from reception_app.ui.desk.eligibility_panel import EligibilityPanel
from reception_app.ui.desk.face_results import HeldFaces
from reception_app.ui.desk.staff_calls import StaffCallAlerts
from reception_app.ui.desk.tables import QueuePanel, SearchPanel
from reception_app.ui.error_texts import error_text
from reception_app.ui.first_paint import after_first_paint

if TYPE_CHECKING:  # the dialogs load when first opened (or right after the first paint): start-up time
    from reception_app.reception.models import RegistrationForm
    from reception_app.reception.reconfirm import ReconfirmReport
    from reception_app.reception.usecases import PatientSummary
    from reception_app.ui.desk.dialogs import PatientPinDialog

GATEWAY_CHECK_MS = 30_000


class DeskWindow(QMainWindow):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff_user: str | None = None
        self._open_dialog: QDialog | None = None
        self._duplicate_box: QMessageBox | None = None
        self._dialog_key: tuple[str, str, int] | None = None
        self._reconfirming = False
        self._offline_shown = False
        # (snapshot JSON, offline, confirmed at) last shown: the panel is laid out again only when one changes
        self._eligibility_shown: tuple[str | None, bool, datetime | None] | None = None
        self.setWindowTitle(self.tr("Reception desk") + (self.tr(" — DEMO (synthetic data)") if ctx.demo else ""))
        self.setAccessibleName(self.tr("Reception desk"))
        self.resize(1400, 900)

        self.checkin = CheckInPanel()
        self.eligibility = EligibilityPanel()
        self.queue = QueuePanel(ctx.worker, ctx.queue_fetch)
        self.search = SearchPanel(ctx.worker, ctx.search)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Queue and search"))
        self.tabs.addTab(self.queue, self.tr("Today's &queue"))
        self.tabs.addTab(self.search, self.tr("Patient &search"))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.eligibility)
        right.addWidget(self.tabs)
        right.setSizes([560, 300])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.checkin)
        main.addWidget(right)
        main.setSizes([330, 1070])
        self.setCentralWidget(main)

        self.reader_status = QLabel(self.tr("Reader: not found yet"))
        self.reader_status.setAccessibleName(self.tr("Reader status"))
        self.connection_status = QLabel(self._connection_text())
        self.connection_status.setAccessibleName(self.tr("Connection status"))
        self.staff_status = QLabel(self.tr("Not logged in"))
        self.staff_status.setAccessibleName(self.tr("Staff user"))
        # permanent: messages shown in the status bar never hide the reader and connection state
        self.statusBar().addPermanentWidget(self.reader_status)
        self.statusBar().addPermanentWidget(self.connection_status)
        self.statusBar().addPermanentWidget(self.staff_status)
        if ctx.demo:
            demo = QLabel(self.tr("DEMO — synthetic patients only"))
            demo.setStyleSheet("background: #6a1b9a; color: white; padding: 2px 8px; font-weight: bold;")
            demo.setAccessibleName(self.tr("Demo mode"))
            self.statusBar().addPermanentWidget(demo)

        self.qa_dock: QDockWidget | None = None
        if ctx.qa is not None and (ctx.demo or ctx.settings.show_qa_panel):
            if ctx.network_wait is None:
                self._build_qa_dock()
            else:  # after the first paint; its simulator controls come alive when the simulators are up
                after_first_paint(self, self._build_qa_dock)

        # face-reader results no check-in could take: status-bar indicator, list (Shift+F3), check-in from one
        self.held_faces = HeldFaces(self, ctx)
        self.staff_calls = StaffCallAlerts(self, ctx)  # 「職員を呼ぶ」 at a kiosk (ui/desk/staff_calls.py)
        self._build_menus()
        # Built once, right after the first paint: creating it while a card waits would cost the GUI thread
        # ~100 ms; doing it before the window shows would delay the start.
        self._pin_dialog: PatientPinDialog | None = None
        if not ctx.services_pending:  # else once they attach: their loading comes first (GIL)
            after_first_paint(self, self._warm_up)  # ~25 ms the first paint need not wait for
        self.checkin.pin_requested.connect(self.ask_pin)
        self.checkin.face_requested.connect(self.use_face_reader)
        self.checkin.insurance_requested.connect(self.by_insurance_number)
        self.checkin.cancel_requested.connect(self.cancel_checkin)
        self.checkin.declaration_requested.connect(self.proceed_with_declaration)
        self.checkin.visual_check_requested.connect(self.visual_check)
        self.search.patient_activated.connect(self._patient_activated)
        if ctx.monitor is not None:
            ctx.monitor.reader_event.connect(self.on_reader_event)
            ctx.monitor.failed.connect(self._reader_failed)
            self._show_reader_state()
        self._gateway_timer = QTimer(self)
        self._gateway_timer.setInterval(GATEWAY_CHECK_MS)
        self._gateway_timer.timeout.connect(self.check_gateway)
        if not ctx.services_pending:
            self._wire_services()
        self.setTabOrder(self.checkin, self.eligibility)
        self.setTabOrder(self.eligibility, self.tabs)

    def _connection_text(self) -> str:
        if self.ctx.services_pending or self.ctx.network_wait is not None:
            return self.tr("Eligibility service: connecting…")
        return self.tr("Eligibility service: not checked")

    def _wire_services(self) -> None:
        ctx = self.ctx
        if ctx.driver is not None:
            ctx.driver.view_changed.connect(self.on_view)
            ctx.driver.command_failed.connect(self._command_failed)
        if ctx.gateway_check is not None:
            self._gateway_timer.start()
            QTimer.singleShot(0, self.check_gateway)
        QTimer.singleShot(0, self.queue.refresh)

    def services_ready(self) -> None:
        """The services attached after the window showed (AppSession's background start): wire them in, and read a
        card that was placed while they loaded."""
        ctx = self.ctx
        self.queue.set_fetch(ctx.queue_fetch)
        self.search.set_search(ctx.search)
        self.connection_status.setText(self._connection_text())
        self._wire_services()
        self.held_faces.services_ready()
        self._show_reader_state()
        self.staff_calls.services_ready()
        if ctx.monitor is not None:
            for reader in ctx.monitor.readers_with_card()[:1]:
                self.start_card_checkin(reader)
        # then what the first card does not need, one event-loop turn each
        QTimer.singleShot(0, self._warm_up)
        if ctx.qa is not None and (ctx.demo or ctx.settings.show_qa_panel) and self.qa_dock is None:
            QTimer.singleShot(0, self._build_qa_dock)

    def show_start_problem(self, problem: str) -> None:
        """The services could not start: say what in the status bar, and stop saying "connecting…"."""
        self.statusBar().showMessage(self.tr("The reception services could not start: %1").replace("%1", problem))
        self._gateway_result(False)

    def _build_qa_dock(self) -> None:
        from reception_app.ui.qa_panel import QaPanel

        ctx = self.ctx
        assert ctx.qa is not None, "only the demo has simulators to drive"
        self.qa_panel = QaPanel(ctx.qa, ctx.worker)
        self.qa_dock = QDockWidget(self.tr("QA panel"), self)
        self.qa_dock.setObjectName("qaDock")
        self.qa_dock.setAccessibleName(self.tr("QA panel"))
        self.qa_dock.setWidget(self.qa_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.qa_dock)
        if ctx.monitor is not None:
            ctx.monitor.reader_event.connect(lambda kind, reader: self.qa_panel.refresh_readers())
        if hasattr(self, "view_menu"):  # built after the menus (after the first paint)
            self.view_menu.addAction(self.qa_dock.toggleViewAction())
        if ctx.network_wait is not None:
            panel = self.qa_panel
            ctx.worker.submit(ctx.network_wait, on_result=lambda _: panel.simulators_ready(),
                              on_error=lambda exc: None)

    @property
    def current_dialog(self) -> QDialog | None:
        """The dialog the desk is showing for the check-in (PIN pad, warning, match, relink), or None."""
        dialog = self._open_dialog
        return dialog if dialog is not None and dialog.isVisible() else None

    @property
    def pin_dialog(self) -> PatientPinDialog:
        if self._pin_dialog is None:
            from reception_app.ui.desk.dialogs import PatientPinDialog

            self._pin_dialog = PatientPinDialog(None, self)
        return self._pin_dialog

    def _warm_up(self) -> None:
        self.pin_dialog.ensurePolished()
        self.pin_dialog.adjustSize()
        self.pin_dialog.grab()
        self.eligibility.warm_up()

    # --- menus and shortcuts --------------------------------------------------------------------------------
    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.login_action = self._action(self.tr("Staff &login…"), "Ctrl+L", self.login)
        self.settings_action = self._action(self.tr("&Settings…"), "Ctrl+,", self.open_settings)
        self.setup_action = self._action(self.tr("Set-up &wizard…"), None, self.open_setup_wizard)
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close)
        for a in (self.login_action, self.settings_action, self.setup_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        checkin_menu = bar.addMenu(self.tr("&Check-in"))
        self.pin_action = self._action(self.tr("Patient enters &PIN…"), "F2", self.ask_pin)
        self.face_action = self._action(self.tr("Use the &face reader"), "F3", self.use_face_reader)
        self.insurance_action = self._action(self.tr("By &insurance number…"), "F4", self.by_insurance_number)
        self.cancel_action = self._action(self.tr("&Cancel check-in"), "Ctrl+Shift+X", self.cancel_checkin)
        self.held_faces_action = self._action(self.tr("Unassigned face-reader res&ults…"), "Shift+F3",
                                              self.held_faces.show_list)
        for a in (self.pin_action, self.face_action, self.held_faces_action, self.insurance_action,
                  self.cancel_action):
            checkin_menu.addAction(a)
        view_menu = bar.addMenu(self.tr("&View"))
        self.queue_action = self._action(self.tr("Today's &queue"), "F5", self.show_queue)
        self.search_action = self._action(self.tr("Patient &search"), "Ctrl+F", self.show_search)
        view_menu.addAction(self.queue_action)
        view_menu.addAction(self.search_action)
        self.view_menu = view_menu
        if self.qa_dock is not None:
            view_menu.addAction(self.qa_dock.toggleViewAction())

    # --- reader and connection ------------------------------------------------------------------------------
    def on_reader_event(self, kind: str, reader: str) -> None:
        if kind == "card_inserted":
            self.reader_status.setText(self.tr("Reader: %1 — card present").replace("%1", reader))
            self.start_card_checkin(reader)
        elif kind == "card_removed":
            self.reader_status.setText(self.tr("Reader: %1 — no card").replace("%1", reader))
            if self.ctx.driver is not None and self.ctx.driver.view is not None and not self.ctx.driver.view.ended:
                self.ctx.driver.card_removed()
        elif kind == "reader_added":
            self.reader_status.setText(self.tr("Reader: %1 — no card").replace("%1", reader))
        elif kind == "reader_removed":
            self.reader_status.setText(self.tr("Reader: %1 disconnected").replace("%1", reader))

    def _show_reader_state(self) -> None:
        """The reader as it is now: the watcher may have reported it before this window listened."""
        monitor = self.ctx.monitor
        if monitor is None:
            return
        readers = monitor.readers()
        if not readers:
            return
        with_card = monitor.readers_with_card()
        reader = with_card[0] if with_card else readers[0]
        text = self.tr("Reader: %1 — card present") if with_card else self.tr("Reader: %1 — no card")
        self.reader_status.setText(text.replace("%1", reader))

    def _reader_failed(self, message: str) -> None:
        self.reader_status.setText(self.tr("Reader service unavailable: %1").replace("%1", message))
        self.reader_status.setStyleSheet("color: #8b1206; font-weight: bold;")

    def start_card_checkin(self, reader: str) -> None:
        driver, connect = self.ctx.driver, self.ctx.connect_card
        if driver is None or connect is None:
            return
        if driver.view is not None and not driver.view.ended and driver.view.state is not State.IDLE:
            return  # a check-in is running; the new card waits for it
        driver.new_session()
        driver.start_with_card(lambda: connect(reader))

    def check_gateway(self) -> None:
        check = self.ctx.gateway_check
        if check is None:
            return
        self.ctx.worker.submit(check, on_result=self._gateway_result, on_error=lambda e: self._gateway_result(False))

    def _gateway_result(self, ok: object) -> None:
        self._offline_shown = not ok
        if ok:
            self.connection_status.setText(self.tr("Eligibility service: online"))
            self.connection_status.setStyleSheet("color: #0d5b1d;")
            self.reconfirm_pending()
        else:
            self.connection_status.setText(self.tr("⚠ Eligibility service: OFFLINE"))
            self.connection_status.setStyleSheet("color: #8b1206; font-weight: bold;")

    def reconfirm_pending(self) -> None:
        """The connection is back: re-confirm the check-ins that were done offline (on the worker)."""
        run = self.ctx.reconfirm
        if run is None or self._reconfirming:
            return
        self._reconfirming = True
        self.ctx.worker.submit(run, on_result=self._reconfirmed, on_error=self._reconfirm_failed)

    def _reconfirmed(self, report: ReconfirmReport) -> None:
        self._reconfirming = False
        done = len(report.confirmed)
        if done:
            self.statusBar().showMessage(
                self.tr("%n offline check-in(s) re-confirmed.", "", done), 10_000)
            self.queue.refresh()

    def _reconfirm_failed(self, error: BaseException) -> None:
        self._reconfirming = False

    # --- the check-in ---------------------------------------------------------------------------------------
    def on_view(self, view: SessionView) -> None:
        self.checkin.show_view(view)
        shown = (view.eligibility_json, bool(view.offline), view.offline_confirmed_at)
        if shown != self._eligibility_shown:  # the machine reports every step: lay the panel out only on change
            self._eligibility_shown = shown
            self.eligibility.show_result(
                view.merged, offline=bool(view.offline), offline_confirmed_at=view.offline_confirmed_at
            )
        if view.offline:
            self._gateway_result(False)
        elif self._offline_shown and view.eligibility_json:
            self.check_gateway()  # a fresh answer came through: confirm the connection is back
        state = view.state
        key = (view.session_id, state, view.pin_tries_left or 0)
        if view.ended:
            self._close_dialog()
            if state is State.COMPLETED:
                self.queue.refresh()
                self.statusBar().showMessage(
                    self.tr("Checked in: No. %1").replace("%1", f"{view.queue_number or 0:03d}"), 10_000)
            return
        from reception_app.ui.desk.dialogs import MatchDialog

        if isinstance(self._open_dialog, MatchDialog) and self._open_dialog.isVisible():
            self._open_dialog.apply_view(view)
            if state is State.AWAITING_REGISTRATION:  # the staff moved from the candidates to the form: same dialog
                self._dialog_key = key
                return
        if key == self._dialog_key:
            return
        self._dialog_key = key
        if state is State.AWAITING_PIN:
            self.ask_pin()
        elif state in (State.AWAITING_CANDIDATE, State.AWAITING_REGISTRATION):
            self._open_match(view)
        elif state is State.AWAITING_RELINK:
            self._open_relink(view)

    def _close_dialog(self) -> None:
        if self._open_dialog is not None:
            self._open_dialog.close()
            self._open_dialog = None
        self._dialog_key = None

    def _show(self, dialog: QDialog) -> None:
        if self._open_dialog is not None and self._open_dialog is not dialog:
            self._open_dialog.close()
        self._open_dialog = dialog
        dialog.open()

    def ask_pin(self) -> None:
        driver = self.ctx.driver
        view = driver.view if driver is not None else None
        if view is None or view.state is not State.AWAITING_PIN:
            return
        if view.last_try_confirmation_required or view.pin_tries_left == 1:
            # the last try is never spent without the staff saying so (No is the default)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("One PIN try left"), self.tr(
                "Only one PIN try is left. If it is wrong, the card is locked and only the municipal office "
                "can reset it. Let the patient try once more?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.setAccessibleName(self.tr("One PIN try left"))
            yes = box.button(QMessageBox.StandardButton.Yes)
            box.buttonClicked.connect(lambda button: self._open_pin_dialog(view.pin_tries_left, True)
                                      if button is yes else None)
            self._show(box)
            return
        self._open_pin_dialog(view.pin_tries_left, False)

    def _open_pin_dialog(self, tries_left: int | None, confirm_last_try: bool) -> None:
        driver = self.ctx.driver
        assert driver is not None, "a PIN is asked for by a running check-in"
        dialog = self.pin_dialog
        dialog.prepare(tries_left, lambda pin: driver.submit_pin(pin, confirm_last_try=confirm_last_try))
        self._show(dialog)

    def _open_match(self, view: SessionView) -> None:
        driver = self.ctx.driver
        assert driver is not None, "candidates come from a running check-in"
        from reception_app.ui.desk.dialogs import MatchDialog

        dialog = MatchDialog(
            view.candidates,
            view.facts,
            view.registration_form,
            self,
            read_basic_four=(lambda pin: driver.read_basic_four(pin)) if view.token_type is not None else None,
            # no result vouches for the card's holder (offline, 申立書): the staff must say they compared the card
            card_link_needs_confirmation=view.facts is None and view.token_type is not None,
        )
        dialog.candidate_chosen.connect(lambda pid: driver.choose_candidate(pid))
        dialog.new_patient_requested.connect(self._decline_candidates)
        dialog.registration_submitted.connect(self._register)
        dialog.rejected.connect(self._match_rejected)
        self._show(dialog)

    def _decline_candidates(self) -> None:
        driver = self.ctx.driver
        if driver is not None and driver.view is not None and driver.view.state is State.AWAITING_CANDIDATE:
            driver.decline_candidates()

    def _register(self, form: RegistrationForm, link_card: bool) -> None:
        """The form is complete: look for charts it may duplicate first (on the worker), then register."""
        find = self.ctx.likely_duplicates
        if find is None:
            self._send_registration(form, link_card)
            return
        self.ctx.worker.submit(
            lambda: find(form.name, form.kana, form.birth_date),
            on_result=lambda found: self._confirm_not_duplicate(form, link_card, found),
            on_error=lambda exc: self._command_failed(self.tr("Looking for the same patient"), exc),
        )

    def _confirm_not_duplicate(self, form: RegistrationForm, link_card: bool, found: list[PatientSummary]) -> None:
        from reception_app.ui.desk.dialogs import MatchDialog

        if isinstance(self._open_dialog, MatchDialog):  # candidates the staff compared and declined: asked already
            declined = self._open_dialog.candidate_ids
            found = [p for p in found if p.patient_id not in declined]
        if not found:
            self._send_registration(form, link_card)
            return
        from reception_app.ui.dates import era_and_gregorian

        lines = "\n".join(
            f"・{p.name}（{p.kana}）{era_and_gregorian(p.birth_date)}  {self.tr('Patient ID')} {p.patient_id}"
            for p in found
        )
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("This patient may already have a chart"), self.tr(
            "A chart with the same birth date and the same name or kana exists:\n%1\n\nRegister a new chart "
            "anyway? If it is the same person, go back and choose that chart.").replace("%1", lines),
            QMessageBox.StandardButton.NoButton, self.current_dialog or self)
        register = box.addButton(self.tr("Register a new chart anyway"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Back to the form"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setAccessibleName(self.tr("This patient may already have a chart"))
        box.buttonClicked.connect(
            lambda button: self._send_registration(form, link_card) if button is register else None)
        self._duplicate_box = box
        box.open()

    @property
    def duplicate_question(self) -> QMessageBox | None:
        """The "may already have a chart" question, while it is open."""
        box = self._duplicate_box
        return box if box is not None and box.isVisible() else None

    def _send_registration(self, form: RegistrationForm, link_card: bool) -> None:
        driver = self.ctx.driver
        if driver is None:
            return
        from reception_app.ui.desk.dialogs import MatchDialog

        dialog = self._open_dialog
        self._decline_candidates()
        driver.register_new(form, link_card)
        if isinstance(dialog, MatchDialog):
            dialog.registered()

    def _match_rejected(self) -> None:
        self._open_dialog = None

    def _open_relink(self, view: SessionView) -> None:
        name = view.patient.name if view.patient is not None else ""
        from reception_app.ui.desk.dialogs import RelinkDialog

        dialog = RelinkDialog(name, view.relink_old or "", view.relink_new or "", self)
        driver = self.ctx.driver
        assert driver is not None, "a relink is asked for by a running check-in"
        dialog.relink_chosen.connect(lambda: driver.confirm_relink())
        dialog.keep_chosen.connect(lambda: driver.check_in_without_relink())
        dialog.rejected.connect(lambda: driver.cancel())  # 中止: the check-in ends, nothing is written
        self._show(dialog)

    def visual_check(self) -> None:
        """目視確認 for a blocked PIN: the staff type what the card shows; the check-in goes on, marked as such."""
        driver = self.ctx.driver
        if driver is None or driver.view is None or driver.view.state is not State.PIN_BLOCKED:
            return
        from reception_app.ui.desk.dialogs import VisualCheckDialog

        dialog = VisualCheckDialog(self)
        dialog.accepted.connect(lambda: driver.visual_check(dialog.value()))
        self._show(dialog)

    def use_face_reader(self) -> None:
        driver = self.ctx.driver
        if driver is None:
            return
        if driver.view is None or driver.view.ended:
            driver.new_session()
        driver.await_face_result()

    def by_insurance_number(self) -> None:
        driver = self.ctx.driver
        if driver is None:
            return
        from reception_app.ui.desk.dialogs import InsuranceNumberDialog

        dialog = InsuranceNumberDialog(self)
        if dialog.exec() != InsuranceNumberDialog.DialogCode.Accepted:
            return
        from reception_app.reception.models import InsuranceKey

        insurer, symbol, number, branch, born = dialog.value()
        # a blocked PIN (or a patient who cannot type it) keeps its session: the card's linked chart stays known
        keep = driver.view is not None and driver.view.state in (State.IDLE, State.AWAITING_PIN, State.PIN_BLOCKED)
        if not keep:
            driver.new_session()
        driver.by_insurance_number(InsuranceKey(insurer, symbol, number, branch), born)

    def proceed_with_declaration(self) -> None:
        if self.ctx.driver is not None:
            self.ctx.driver.proceed_with_declaration()

    def cancel_checkin(self) -> None:
        if self.ctx.driver is not None:
            self.ctx.driver.cancel()

    def _command_failed(self, command: str, error: BaseException) -> None:
        self.statusBar().showMessage(
            self.tr("%1 failed: %2").replace("%1", command).replace("%2", error_text(error)), 15_000
        )

    # --- queue, search, staff, settings ---------------------------------------------------------------------
    def show_queue(self) -> None:
        self.tabs.setCurrentWidget(self.queue)
        self.queue.refresh()
        self.queue.view.setFocus()

    def show_search(self) -> None:
        self.tabs.setCurrentWidget(self.search)
        self.search.query.setFocus()

    def _patient_activated(self, patient_id: str) -> None:
        self.statusBar().showMessage(self.tr("Patient %1 selected").replace("%1", patient_id), 5000)

    def login(self) -> bool:
        from reception_app.ui.staff_dialog import StaffLoginDialog

        dialog = StaffLoginDialog(self.ctx.staff_verifier, self)
        if dialog.exec() == StaffLoginDialog.DialogCode.Accepted and dialog.staff_user:
            self.staff_user = dialog.staff_user
            self.staff_status.setText(self.tr("Staff: %1").replace("%1", dialog.staff_user))
            if self.ctx.on_staff_login is not None:
                self.ctx.on_staff_login(dialog.staff_user)
            return True
        return False

    def open_settings(self) -> None:
        from reception_app.ui.desk.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx.settings, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted and dialog.result_settings is not None:
            language_changed = dialog.result_settings.language != self.ctx.settings.language
            self.ctx.settings = dialog.result_settings
            if self.ctx.save_settings is not None:
                self.ctx.save_settings(dialog.result_settings)
            self.statusBar().showMessage(self.tr("Settings saved. Reader and gateway changes apply at the next start."),
                                         8000)
            if language_changed and self.ctx.on_language_changed is not None:
                self.ctx.on_language_changed(dialog.result_settings.language)

    def open_setup_wizard(self) -> None:
        try:
            from reception_app.ui.setup_wizard import run_setup_wizard  # helper G's wizard
        except ImportError:
            QMessageBox.information(self, self.tr("Set-up wizard"), self.tr("The set-up wizard is not installed."))
            return
        run_setup_wizard(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx.driver is not None and self.ctx.driver.view is not None and not self.ctx.driver.view.ended \
                and self.ctx.driver.view.state is not State.IDLE:
            self.ctx.driver.cancel()
        event.accept()
