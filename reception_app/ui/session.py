"""Composes the running app: the services (demo: simulator reader + OQS/PMH simulator + demo database; otherwise
the configured ones), the Qt driver of the check-in state machine, the reader monitor, and the windows."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from reception_app.paths import user_data_dir
from reception_app.reception.models import Channel
from reception_app.ui.context import UiContext
from reception_app.ui.desk.tables import PatientRow, QueueRow
from reception_app.ui.first_paint import after_first_paint
from reception_app.ui.i18n import Translations
from reception_app.ui.settings import AppSettings, save_settings
from reception_app.ui.worker import Worker

log = logging.getLogger(__name__)

DEMO_STAFF_LOGIN = "demo"  # the same as reception/demo.py's, which adds it (not imported here: start-up cost)
DEMO_STAFF_PASSWORD = "demo-staff"  # synthetic demo database only (documented in docs/ui.md)
_SEX = {"male": "1", "female": "2"}


class AppSession:
    def __init__(
        self,
        settings: AppSettings,
        translations: Translations | None = None,
        *,
        demo: bool = False,
        data_dir: Path | None = None,
        background_start: bool = False,
    ) -> None:
        self.settings = settings
        # True (the app, the benchmark): in demo mode the OQS/PMH simulator, the gateway and the face watcher start
        # on a thread while the window comes up; a check-in that reaches them waits. False: all up when start() returns.
        self.background_start = background_start
        self.translations = translations
        self.demo = demo
        self.data_dir = data_dir
        self.services: Any = None
        self.worker: Worker | None = None
        self.monitor: Any = None
        self.problem: str | None = None
        self.staff_user: str | None = None  # login of the staff member logged in at the desk
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._windows: list[QWidget] = []
        self._drivers: list[Any] = []

    # --- lifecycle --------------------------------------------------------------------------------------------
    def start(self) -> None:
        self.worker = Worker()
        if self.demo:
            _preload_store()
            from reception_app.reception.demo import DemoServices
            from reception_app.ui.ticket import QtTicketPrinter  # only with services (QPdfWriter, segno)

            folder = self.data_dir or (user_data_dir() / "demo")
            self.services = DemoServices.start(
                folder, network_in_background=self.background_start,
                printer=QtTicketPrinter(folder / "tickets", self.settings.printer_name))
            from reception_app.ui.reader_monitor import ReaderMonitor

            self.monitor = ReaderMonitor(self.services.backend)
            self.monitor.start()
        else:
            self._start_site()

    def _start_site(self) -> None:
        """The site's own stack (PC/SC reader, the configured gateway and OQS folders, the encrypted database), from
        the settings the set-up wizard wrote. Anything missing or wrong: the desk opens and says what, in words."""
        from PySide6.QtCore import QSettings

        from reception_app.ui.settings import settings_file

        # a quick look first: an unconfigured computer starts without loading the whole stack
        if not QSettings(str(settings_file()), QSettings.Format.IniFormat).value("institution_code"):
            self.problem = "not_configured"
            return
        _preload_store()
        from reception_app.settings import SettingsError
        from reception_app.settings import load_settings as load_site_settings

        try:
            site = load_site_settings()
        except SettingsError as exc:
            self.problem = str(exc)
            return
        if not site.institution_code:
            self.problem = "not_configured"
            return
        passphrase = None
        if site.db_key_source == "passphrase":
            passphrase = self.ask_passphrase()
            if passphrase is None:
                self.problem = "no_passphrase"
                return
        from reception_app.reception.app_services import ReceptionServices  # the whole stack: only when set up

        try:
            self.services = ReceptionServices.from_settings(site, passphrase=passphrase)
        except Exception as exc:  # typed errors of the store/connect layers carry a clear message
            self.problem = f"{getattr(exc, 'code', type(exc).__name__)}: {exc}"
            return
        from reception_app.ui.ticket import QtTicketPrinter

        pdf_dir = Path(self.settings.ticket_pdf_dir) if self.settings.ticket_pdf_dir else user_data_dir() / "tickets"
        self.services.printer = QtTicketPrinter(pdf_dir, self.settings.printer_name)
        from reception_app.ui.reader_monitor import ReaderMonitor

        self.monitor = ReaderMonitor(self.services.backend)
        self.monitor.start()

    def ask_passphrase(self) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(
            None,
            QCoreApplication.translate("AppSession", "Database passphrase"),
            QCoreApplication.translate("AppSession", "Passphrase of the reception database:"),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def stop(self) -> None:
        if self.services is not None:
            self.services.abandon_network()  # workers waiting for connections that never started: let them go
        if self.monitor is not None:
            self.monitor.stop()
            self.monitor = None
        for driver in self._drivers:
            view = driver.view
            if view is not None and not view.ended:
                driver.interrupt("cancel")
            driver.wait_idle(10_000)
        if self.worker is not None:
            self.worker.wait_for_done(10_000)
        if self.services is not None:
            self.services.stop()
            self.services = None
        if self._tmp is not None:
            self._tmp.cleanup()

    def _begin_network_after_first_paint(self, window: QWidget) -> None:
        """The connections' start (simulator, TLS, XML models: a few hundred ms of CPU) waits for the window's first
        paint, so it does not slow the window down (a thread holds the GIL too)."""
        services = self.services
        if services is not None and not services.network_ready.is_set():
            after_first_paint(window, services.begin_network)

    def wait_ready_for_card(self, timeout_s: float = 10.0) -> bool:
        """True once a card placed now would be read: the reader's watcher is subscribed (the services, the store
        and the check-in code are loaded by start()). The eligibility connections may still be starting."""
        return self.monitor is not None and self.monitor.wait_watching(timeout_s)

    def when_network_ready(self, fn: Callable[[], None]) -> None:
        """Calls fn on the GUI thread once the eligibility connections are up (at once if they are); never if they
        failed to start (the connection status says offline)."""
        services = self.services
        if services is None or services.network_ready.is_set():
            if services is None or services.network_error is None:
                fn()
            return
        assert self.worker is not None, "start() first"
        self.worker.submit(lambda: services.wait_network(begin=False), on_result=lambda _: fn(),
                           on_error=lambda exc: log.warning("connections not up: %s", type(exc).__name__))

    # --- what the windows get ---------------------------------------------------------------------------------
    def make_driver(self, channel: Channel) -> Any:
        from reception_app.ui.driver import QtSessionDriver

        services = self.services

        def factory(listener: Any) -> Any:
            # who is behind the check-in, for the audit log: the logged-in staff member, or the kiosk by name
            actor = f"kiosk:{self.settings.kiosk_name}" if channel == Channel.KIOSK else (
                f"staff:{self.staff_user}" if self.staff_user else "")
            return services.new_session(channel, listener, staff_user=actor)

        driver = QtSessionDriver(factory)
        self._drivers.append(driver)
        return driver

    def context(self, channel: Channel = Channel.DESK) -> UiContext:
        assert self.worker is not None, "start() first"
        ctx = UiContext(worker=self.worker, settings=self.settings, demo=self.demo,
                        save_settings=self._save_settings, on_language_changed=self._language_changed)
        services = self.services
        if services is None:
            return ctx
        ctx.driver = self.make_driver(channel)
        ctx.monitor = self.monitor
        ctx.connect_card = lambda reader: services.open_card(reader or None)
        ctx.queue_fetch = lambda: queue_rows(services.store, services.clock().date())
        ctx.search = lambda kind, text: search_rows(services.store, kind, text)
        ctx.staff_verifier = lambda login, password: services.store.authenticate(login, password) is not None
        ctx.on_staff_login = self._staff_logged_in
        ctx.gateway_check = lambda: gateway_alive(services)
        ctx.reconfirm = services.reconfirmer.run_pending
        ctx.qa = services if self.demo else None  # the QA panel needs the simulators
        if not services.network_ready.is_set():  # still starting: the desk says "connecting…" and waits for them
            ctx.network_wait = lambda: services.wait_network(begin=False)
        return ctx

    def open_desk(self) -> QWidget:
        from reception_app.ui.desk.window import DeskWindow

        window = DeskWindow(self.context(Channel.DESK))
        if self.problem == "not_configured":
            window.statusBar().showMessage(QCoreApplication.translate(
                "DeskWindow",
                "This computer is not set up yet: run File → Set-up wizard, or start with --demo to try the app."))
        elif self.problem == "no_passphrase":
            window.statusBar().showMessage(QCoreApplication.translate(
                "DeskWindow", "The database stays closed without its passphrase: restart the app to enter it."))
        elif self.problem:
            window.statusBar().showMessage(QCoreApplication.translate(
                "DeskWindow", "The reception services could not start: %1").replace("%1", self.problem))
        self._windows.append(window)
        self._begin_network_after_first_paint(window)
        return window

    def open_kiosk(self) -> QWidget:
        from reception_app.ui.kiosk.controller import KioskController
        from reception_app.ui.kiosk.window import KioskWindow

        ctx = self.context(Channel.KIOSK)
        window = KioskWindow(ctx.staff_verifier, language=self.settings.language,
                             idle_timeout_s=self.settings.kiosk_idle_timeout_s)
        if ctx.driver is not None:
            self.kiosk_controller = KioskController(window, ctx.driver, monitor=ctx.monitor,
                                                    connect_card=ctx.connect_card)
        self._windows.append(window)
        self._begin_network_after_first_paint(window)
        return window

    def open_qa_window(self) -> QWidget | None:
        """The QA panel on its own (demo kiosk): the simulator reader and the OQS simulator's controls."""
        if self.services is None or not self.demo or self.worker is None:
            return None
        from reception_app.ui.qa_panel import QaPanel

        panel = QaPanel(self.services, self.worker)
        panel.setWindowTitle(QCoreApplication.translate("AppSession", "QA panel (demo)"))
        panel.resize(520, 900)
        if self.monitor is not None:
            self.monitor.reader_event.connect(lambda kind, reader: panel.refresh_readers())
        self._windows.append(panel)
        return panel

    def _staff_logged_in(self, login: str) -> None:
        self.staff_user = login

    def _save_settings(self, settings: AppSettings) -> None:
        self.settings = settings
        save_settings(settings)

    def _language_changed(self, lang: str) -> None:
        if self.translations is not None:
            self.translations.install(lang)


def _preload_store() -> None:
    """Imports the store on a side thread while this one loads the card stack: the store's import runs scrypt
    once (~45 ms, with the GIL released), so that part overlaps instead of adding up. The main thread's own import
    of the store waits for this one (import locks) and raises any error itself."""

    def load() -> None:
        with contextlib.suppress(Exception):  # the main thread's own import says what went wrong
            import reception_app.store.sqlcipher  # noqa: F401

    threading.Thread(target=load, name="preload-store", daemon=True).start()


def queue_rows(store: Any, day: dt.date) -> list[QueueRow]:
    rows: list[QueueRow] = []
    for visit in store.queue(day):
        patient = store.get_patient(visit.patient_id)
        rows.append(QueueRow(
            queue_number=visit.queue_number, checked_in_at=visit.checked_in_at, patient_id=visit.patient_id,
            name=patient.name if patient else "", kana=patient.kana if patient else "",
            channel=str(visit.channel), status=str(visit.status)))
    return rows


def search_rows(store: Any, kind: str, text: str) -> list[PatientRow]:
    found: list[Any]
    if kind == "kana":
        found = store.find_by_kana_prefix(text)
    elif kind == "patient_id":
        p = store.get_patient(text)
        found = [p] if p else []
    elif kind == "birth_date":
        try:
            born = dt.date.fromisoformat(text)
        except ValueError:
            return []
        found = store.find_by_birth_date(born)
    elif kind == "phone":
        found = store.find_by_phone(text)
    elif kind == "reference_number":
        p = store.find_by_reference_number(text)
        found = [p] if p else []
    else:
        return []
    return [PatientRow(p.patient_id, p.name, p.kana, p.birth_date, _SEX.get(str(p.sex), "3"), p.phone)
            for p in found]


def gateway_alive(services: Any) -> bool:
    """The gateway hands out a challenge (idempotent, no patient data): it is reachable and answering. Waits for
    the connections if they are still starting (on the worker)."""
    try:
        services.wait_network(begin=False)
    except Exception:
        return False
    gateway = getattr(services.eligibility, "gateway", None)
    client = getattr(gateway, "client", None)
    if client is None:
        return False
    try:
        client.get_challenge()
    except Exception:
        return False
    return True
