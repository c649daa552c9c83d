"""GUI entry point: `reception-app` (desk), `--kiosk`, `--demo`, `--lang`, `--self-test`: the application, the
composed session (compose/session.py) and its windows, and one way out (SIGTERM, Ctrl+C, closing)."""

from __future__ import annotations

import argparse
import os
import signal
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from reception_app.config import SiteConfig, SiteConfigError, load_config
from reception_app.ui.app import create_application, no_screen_message, resolve_language
from reception_app.ui.fonts import missing_font_message, pick_japanese_family
from reception_app.ui.i18n import Translations


def run_gui(args: argparse.Namespace) -> int:
    problem = no_screen_message()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    if getattr(args, "self_test", False):
        from reception_app.compose.selftest import run_self_test

        return run_self_test(args)
    app = create_application()
    try:
        settings = load_config()
        readable = True
    except SiteConfigError as exc:  # the windows start on the defaults; the desk names the file and the option
        print(f"reception-app: {exc}", file=sys.stderr)
        settings, readable = SiteConfig(), False
    lang = resolve_language(getattr(args, "lang", None), settings, remember=readable)
    settings = settings.replace(language=lang)
    translations = Translations()
    translations.install(lang)
    if pick_japanese_family() is None:
        print(missing_font_message(), file=sys.stderr)
        if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            QMessageBox.warning(None, "reception-app", missing_font_message())
    from reception_app.compose.session import AppSession

    # SIGTERM (service manager, shutdown) and Ctrl+C in a terminal (`make run`) end the app, kiosk included: the
    # kiosk refuses to close for a patient, and QApplication.quit() asks every window first, so this uses exit().
    # Set before anything starts, so a signal during the start is not lost; the timer below lets Python see it.
    stop_requested: list[int] = []

    def on_signal(signum: int, _frame: object) -> None:
        stop_requested.append(signum)
        app.exit(0)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    # the eligibility connections finish starting on a thread after the window shows (docs/ui.md, "Start-up")
    session = AppSession(settings, translations, demo=bool(getattr(args, "demo", False)), background_start=True)
    try:
        try:
            session.start()
        except Exception as exc:  # e.g. the demo database or the simulator's port: say what, not a traceback
            print(f"reception-app: the app could not start: {getattr(exc, 'code', type(exc).__name__)}: {exc}",
                  file=sys.stderr)
            return 1
        if getattr(args, "kiosk", False):
            window = session.open_kiosk()
            if session.demo:
                # QA: the kiosk in a window, with the QA panel beside it to insert cards and inject faults
                window.resize(1280, 800)
                window.show()

                def show_qa() -> None:
                    qa = session.open_qa_window()
                    if qa is not None:
                        qa.show()

                session.when_network_ready(show_qa)  # the panel drives the simulators, which may still be starting
            else:
                window.showFullScreen()
        else:
            desk = session.open_desk()
            desk.show()
        # a signal that came before the event loop ran: exit() did nothing then, so look again once it runs
        QTimer.singleShot(0, lambda: app.exit(0) if stop_requested else None)
        heartbeat = QTimer()
        heartbeat.start(250)
        heartbeat.timeout.connect(lambda: None)
        return int(app.exec())
    finally:
        session.stop()
