"""Composes the running app: the services (demo: simulator reader + OQS/PMH simulator + demo database; otherwise
the configured ones), the Qt driver of the check-in state machine, the reader monitor, and the windows.

It owns the app's one executor, the lanes (reception/lanes.py): the services, the drivers, the reader monitor and
the Qt bridge (ui/worker.py) all run their background work there, and `stop()` shuts them down once, with the one
timeout (`SHUTDOWN_TIMEOUT_S`), before the services close their connections and the store."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from reception_app.config import SiteConfig
from reception_app.paths import user_data_dir
from reception_app.reception.lanes import SHUTDOWN_TIMEOUT_S, Lanes
from reception_app.ui import gc_guard
from reception_app.ui.context import UiContext
from reception_app.ui.error_texts import error_text_with_code
from reception_app.ui.first_paint import after_first_paint
from reception_app.ui.i18n import Translations
from reception_app.ui.worker import Worker

if TYPE_CHECKING:  # start-up time: the window shows before these load (docs/ui.md, "Start-up")
    from reception_app.card.backends.base import ReaderBackend
    from reception_app.card.backends.simulator import SimulatorBackend
    from reception_app.compose.demo import DemoServices
    from reception_app.reception.app_services import ReceptionServices
    from reception_app.reception.checkin import CheckInSession, Listener
    from reception_app.ui.desk.window import DeskWindow
    from reception_app.ui.driver import QtSessionDriver
    from reception_app.ui.kiosk.controller import KioskController
    from reception_app.ui.reader_monitor import ReaderMonitor

log = logging.getLogger(__name__)

DEMO_STAFF_LOGIN = "demo"  # the same as reception/demo.py's, which adds it (not imported here: start-up cost)
DEMO_STAFF_PASSWORD = "demo-staff"  # synthetic demo database only (documented in docs/ui.md)


class AppSession:
    def __init__(
        self,
        settings: SiteConfig,
        translations: Translations | None = None,
        *,
        demo: bool = False,
        data_dir: Path | None = None,
        background_start: bool = False,
    ) -> None:
        self.settings = settings
        # True (the app, the benchmark): start() opens only the reader and its watcher; the window shows, and after
        # its first paint the services (store, check-in code, then the eligibility connections) load on the worker
        # and attach; a card placed meanwhile is read once they have (docs/ui.md, "Start-up").
        # False (tests, self-test): everything is up when start() returns, the connections included.
        self.background_start = background_start
        self.translations = translations
        self.demo = demo
        self.data_dir = data_dir
        self.services: ReceptionServices | None = None
        self.lanes = Lanes()  # the one owner of background work (threads start on demand)
        self.worker: Worker | None = None
        self.monitor: ReaderMonitor | None = None
        self.backend: ReaderBackend | None = None  # the reader the monitor watches
        self.problem: str | None = None  # "not_configured", "no_passphrase", or the words of what stopped the start
        self.staff_user: str | None = None  # login of the staff member logged in at the desk
        self._windows: list[QWidget] = []
        self._desks: list[DeskWindow] = []
        self._drivers: list[QtSessionDriver] = []
        self.kiosk_controller: KioskController | None = None
        self._contexts: list[tuple[UiContext, str, QWidget]] = []  # (context, channel, window) to fill on attach
        self._build: Callable[[], ReceptionServices] | None = None  # builds the services on the worker (background)
        self._building = False
        self._lock = threading.Lock()
        self._stopping = False
        self._built: ReceptionServices | None = None  # built, not yet attached (stop() must still stop them)
        self._attached = threading.Event()
        self._when_attached: list[Callable[[], None]] = []

    # --- lifecycle --------------------------------------------------------------------------------------------
    def start(self) -> None:
        self.worker = Worker(self.lanes)
        if self.demo:
            folder = self.data_dir or (user_data_dir() / "demo")
            settings = self.settings

            def build(backend: SimulatorBackend | None) -> ReceptionServices:
                from reception_app.compose.demo import DemoServices
                from reception_app.ui.ticket import QtTicketPrinter  # only with services (QPdfWriter, segno)

                return DemoServices.start(
                    folder, network_in_background=self.background_start, backend=backend,
                    printer=QtTicketPrinter(folder / "tickets", settings.printer_name or ""), lanes=self.lanes)

            if self.background_start:
                from reception_app.card.backends.simulator import SimulatorBackend

                backend = SimulatorBackend()
                self._watch(backend)
                self._build = lambda: build(backend)
            else:
                _preload_store(self.lanes)
                self._attach(build(None))
        else:
            self._start_site()

    def _watch(self, backend: ReaderBackend) -> None:
        from reception_app.ui.reader_monitor import ReaderMonitor

        self.backend = backend
        self.monitor = ReaderMonitor(backend, self.lanes)
        self.monitor.start()

    def _start_site(self) -> None:
        """The site's own stack (PC/SC reader, the configured gateway and OQS folders, the encrypted database), from
        the settings the set-up wizard wrote. Anything missing or wrong: the desk opens and says what, in words."""
        from reception_app.config import SiteConfigError, load_config

        try:  # the file as it is now (the wizard may have just written it); cheap: no stack is loaded before this
            site = load_config()
        except SiteConfigError as exc:  # the desk names the file and the option, in the person's language
            self.problem = error_text_with_code(exc)
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
        pdf_dir = self.settings.ticket_pdf_dir or user_data_dir() / "tickets"
        printer_name = self.settings.printer_name or ""  # "" = the default printer

        def build(backend: ReaderBackend | None) -> ReceptionServices:
            from reception_app.compose.site import site_services_from_settings  # the whole stack: only when set up
            from reception_app.ui.ticket import QtTicketPrinter

            return site_services_from_settings(site, passphrase=passphrase, backend=backend,
                                               printer=QtTicketPrinter(pdf_dir, printer_name), lanes=self.lanes)

        if self.background_start:
            from reception_app.card.backends import open_backend

            try:
                backend = open_backend(site.reader_spec())
            except Exception as exc:  # a reader setting the backends do not know: the desk says so
                self.problem = error_text_with_code(exc)
                return
            self._watch(backend)
            self._build = lambda: build(backend)
            return
        _preload_store(self.lanes)
        try:
            self._attach(build(None))
        except Exception as exc:  # typed errors of the store/connect layers: their translated words
            log.warning("the reception services could not start: %s", type(exc).__name__)
            self.problem = error_text_with_code(exc)

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
        """No new work (connections never begun, the face watcher, the reader monitor), open check-ins cancelled,
        then the lanes' one shutdown with the one timeout; only then the services close what they opened."""
        with self._lock:
            self._stopping = True  # services still being built are stopped by whoever finishes them
        if self.services is not None:
            self.services.stop_intake()  # lanes waiting for connections that never started: let them go
        if self.monitor is not None:
            self.monitor.stop()
            self.monitor = None
        for driver in self._drivers:
            view = driver.view
            if view is not None and not view.ended:
                driver.cancel()
        if not self.lanes.shutdown(SHUTDOWN_TIMEOUT_S):
            log.warning("background work still running at exit: closing the services anyway")
        with self._lock:
            built, self._built = self._built, None
        if built is not None and built is not self.services:  # built, but the GUI never got to attach it
            built.stop()
        if self.services is not None:
            self.services.stop()
            self.services = None

    def _load_after_first_paint(self, window: QWidget) -> None:
        """What the first card does not need waits for the window's first paint, so it does not slow the window
        down (a thread holds the GIL too): the services (background start), then the connections (simulator, TLS,
        XML models: a few hundred ms of CPU)."""
        if self._build is not None:
            after_first_paint(window, self._begin_build)
            return
        services = self.services
        if services is not None and not services.network_ready.is_set():
            after_first_paint(window, services.begin_network)

    def _begin_build(self) -> None:
        build = self._build
        if build is None or self._building or self.worker is None:
            return
        self._building = True

        def run() -> ReceptionServices | None:
            _preload_store(self.lanes)  # its scrypt self-check releases the GIL: overlaps the rest of the imports
            services = build()
            with self._lock:
                if self._stopping:  # the app closed while they were built: nobody will attach them
                    services.stop()
                    return None
                self._built = services
            return services

        self.worker.submit(run, on_result=self._built_ready, on_error=self._build_failed, lane="services-build")

    def _built_ready(self, services: ReceptionServices | None) -> None:
        if services is None or self._stopping:
            return
        self._attach(services)
        services.begin_network()  # the window has painted: the connections start now

    def _build_failed(self, exc: BaseException) -> None:
        """The services could not start (a wrong database key, a full disk…): every window says what, in words."""
        self.problem = error_text_with_code(exc)
        log.warning("the reception services could not start: %s", type(exc).__name__)
        for desk in self._desks:  # the kiosk only ever says "please ask the staff"
            desk.show_start_problem(self.problem)

    def _attach(self, services: ReceptionServices) -> None:
        """The services are up: fill in every window's context and let the windows wire themselves to them."""
        self.services = services
        if self.monitor is None:  # not watched yet (the reader came with the services)
            self._watch(services.backend)
        for ctx, channel, window in self._contexts:
            self._fill_context(ctx, channel)
            if channel == "kiosk":
                self._attach_kiosk(window, ctx)
        for desk in self._desks:
            desk.services_ready()
        self._attached.set()
        gc_guard.freeze_what_the_start_made()
        from reception_app.ui.ticket import QtTicketPrinter  # loaded with the services already

        printer = services.printer
        if isinstance(printer, QtTicketPrinter) and self.worker is not None:  # the first ticket's font work, now
            self.worker.submit(printer.warm_up,
                               on_error=lambda exc: log.warning("ticket warm-up: %s", type(exc).__name__))
        waiting, self._when_attached = self._when_attached, []
        for fn in waiting:
            fn()

    @property
    def services_attached(self) -> bool:
        return self._attached.is_set()

    def when_services_attached(self, fn: Callable[[], None]) -> None:
        """Calls fn on the GUI thread once the services are attached (at once if they are)."""
        if self._attached.is_set():
            fn()
        else:
            self._when_attached.append(fn)

    def wait_ready_for_card(self, timeout_s: float = 10.0) -> bool:
        """True once a card placed now is detected: the reader's watcher is subscribed. With a background start the
        services may still be loading then; a card placed meanwhile is read as soon as they attach."""
        return self.monitor is not None and self.monitor.wait_watching(timeout_s)

    def when_network_ready(self, fn: Callable[[], None]) -> None:
        """Calls fn on the GUI thread once the eligibility connections are up (at once if they are); never if they
        failed to start (the connection status says offline)."""
        if self._build is not None and not self._attached.is_set():  # the services themselves are still loading
            self.when_services_attached(lambda: self.when_network_ready(fn))
            return
        services = self.services
        if services is None or services.network_ready.is_set():
            if services is None or services.network_error is None:
                fn()
            return
        assert self.worker is not None, "start() first"
        self.worker.submit(lambda: services.wait_network(begin=False), on_result=lambda _: fn(),
                           on_error=lambda exc: log.warning("connections not up: %s", type(exc).__name__))

    # --- what the windows get ---------------------------------------------------------------------------------
    def make_driver(self, channel: str) -> QtSessionDriver:
        from reception_app.reception.models import Channel
        from reception_app.ui.driver import QtSessionDriver

        services = self.services
        assert services is not None, "a driver is made once the services are attached"
        kind = Channel(channel)

        def factory(listener: Listener | None) -> CheckInSession:
            # who is behind the check-in, for the audit log: the logged-in staff member, or the kiosk by name
            actor = f"kiosk:{self.settings.kiosk_name}" if kind == Channel.KIOSK else (
                f"staff:{self.staff_user}" if self.staff_user else "")
            return services.new_session(kind, listener, staff_user=actor)

        driver = QtSessionDriver(factory, self.lanes)
        self._drivers.append(driver)
        return driver

    def context(self, channel: str = "desk") -> UiContext:
        assert self.worker is not None, "start() first"
        ctx = UiContext(worker=self.worker, settings=self.settings, demo=self.demo,
                        save_settings=self._save_settings, on_language_changed=self._language_changed)
        ctx.monitor = self.monitor
        ctx.services_pending = self._build is not None and self.services is None
        self._fill_context(ctx, channel)
        return ctx

    def _fill_context(self, ctx: UiContext, channel: str) -> None:
        services = self.services
        if services is None:
            return
        ctx.services_pending = False
        ctx.driver = self.make_driver(channel)
        ctx.connect_card = lambda reader: services.open_card(reader or None)
        registry = services.registry
        ctx.queue_fetch = registry.queue_today
        ctx.search = registry.search
        ctx.likely_duplicates = registry.likely_duplicates
        ctx.staff_verifier = registry.verify_staff
        ctx.on_staff_login = self._staff_logged_in
        ctx.gateway_check = services.gateway_alive
        ctx.reconfirm = services.reconfirmer.run_pending
        calls = services.staff_calls
        if channel == "kiosk":  # 「職員を呼ぶ」 travels to the desks through the shared database
            kiosk = self.settings.kiosk_name
            ctx.call_staff = lambda step: calls.call(kiosk, step)
            ctx.end_staff_call = lambda outcome: calls.end(kiosk, outcome)
        if channel == "desk":  # face results the router held for the staff (never on the kiosk)
            def staff() -> str:
                return f"staff:{self.staff_user}" if self.staff_user else ""

            ctx.staff_calls = calls.open_calls
            ctx.answer_staff_call = lambda kiosk_name: calls.answer(kiosk_name, staff())

            ctx.held_face_count = lambda: services.held_faces.count()
            ctx.held_face_results = lambda: services.held_faces.rows()
            ctx.discard_face_result = lambda ref: services.held_faces.discard(ref, staff_user=staff())
            ctx.checkin_from_face_result = lambda ref, session: services.held_faces.start_checkin(
                ref, session, staff_user=staff())
        ctx.qa = self._demo_services()  # the QA panel needs the simulators
        if not services.network_ready.is_set():  # still starting: the desk says "connecting…" and waits for them
            ctx.network_wait = lambda: services.wait_network(begin=False)

    def open_desk(self) -> QWidget:
        from reception_app.ui.desk.window import DeskWindow

        ctx = self.context("desk")
        window = DeskWindow(ctx)
        self._contexts.append((ctx, "desk", window))
        if self.problem == "not_configured":
            window.statusBar().showMessage(QCoreApplication.translate(
                "DeskWindow",
                "This computer is not set up yet: run File → Set-up wizard, or start with --demo to try the app."))
        elif self.problem == "no_passphrase":
            window.statusBar().showMessage(QCoreApplication.translate(
                "DeskWindow", "The database stays closed without its passphrase: restart the app to enter it."))
        elif self.problem:
            window.show_start_problem(self.problem)
        self._windows.append(window)
        self._desks.append(window)
        self._load_after_first_paint(window)
        return window

    def open_kiosk(self) -> QWidget:
        from reception_app.ui.kiosk.window import KioskWindow

        ctx = self.context("kiosk")

        def verify(login: str, password: str) -> bool:  # the store may attach after the window is up
            return ctx.staff_verifier is not None and ctx.staff_verifier(login, password)

        window = KioskWindow(verify, language=self.settings.language,
                             idle_timeout_s=self.settings.kiosk_idle_timeout_s,
                             face_wait_s=self.settings.kiosk_face_wait_s)
        self._contexts.append((ctx, "kiosk", window))
        if ctx.driver is not None:
            self._attach_kiosk(window, ctx)
        self._windows.append(window)
        self._load_after_first_paint(window)
        return window

    def _attach_kiosk(self, window: QWidget, ctx: UiContext) -> None:
        from reception_app.ui.kiosk.controller import KioskController
        from reception_app.ui.kiosk.window import KioskWindow

        assert isinstance(window, KioskWindow) and ctx.driver is not None  # attached once the services are up
        self.kiosk_controller = KioskController(window, ctx.driver, monitor=ctx.monitor,
                                                connect_card=ctx.connect_card, worker=ctx.worker,
                                                call_staff=ctx.call_staff, end_staff_call=ctx.end_staff_call)
        if ctx.monitor is not None:  # a card placed while the services loaded: read it now
            for reader in ctx.monitor.readers_with_card()[:1]:
                self.kiosk_controller.start(reader)

    def _demo_services(self) -> DemoServices | None:
        """The demo's stack (simulators to drive), or None on a real site (which never loads the demo module)."""
        if not self.demo or self.services is None:
            return None
        from reception_app.compose.demo import DemoServices

        assert isinstance(self.services, DemoServices)
        return self.services

    def open_qa_window(self) -> QWidget | None:
        """The QA panel on its own (demo kiosk): the simulator reader and the OQS simulator's controls."""
        demo = self._demo_services()
        if demo is None or self.worker is None:
            return None
        from reception_app.ui.qa_panel import QaPanel

        panel = QaPanel(demo, self.worker)
        panel.setWindowTitle(QCoreApplication.translate("AppSession", "QA panel (demo)"))
        panel.resize(520, 900)
        if self.monitor is not None:
            self.monitor.reader_event.connect(lambda kind, reader: panel.refresh_readers())
        self._windows.append(panel)
        return panel

    def _staff_logged_in(self, login: str) -> None:
        self.staff_user = login

    def _save_settings(self, settings: SiteConfig) -> None:
        from reception_app.config import SiteConfigError, save_config

        self.settings = settings
        try:
            save_config(settings)
        except SiteConfigError as exc:  # a read-only folder: the change holds for this run, the log says why
            log.warning("the settings were not saved: %s", exc)

    def _language_changed(self, lang: str) -> None:
        if self.translations is not None:
            self.translations.install(lang)


def _preload_store(lanes: Lanes) -> None:
    """Imports the store on a lane while this thread loads the card stack: the store's import runs scrypt once
    (~45 ms, with the GIL released), so that part overlaps instead of adding up. The main thread's own import of
    the store waits for this one (import locks) and raises any error itself."""

    def load() -> None:
        with contextlib.suppress(Exception):  # the main thread's own import says what went wrong
            import reception_app.store  # noqa: F401

    lanes.submit("preload-store", load)
