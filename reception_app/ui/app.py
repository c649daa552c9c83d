"""The QApplication and what the GUI needs before any window: fonts, the language, a screen to show it on.
The entry point that builds the app on these is `compose/gui.py`."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reception_app.config import LANGUAGES, SiteConfig, SiteConfigError, save_config
from reception_app.ui import gc_guard
from reception_app.ui.fonts import apply_japanese_font

APP_ORGANISATION = "reception-app"
APP_DISPLAY_NAME = "reception-app"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, made once (tests and the screenshot script reuse an existing one)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        gc_guard.install(existing)
        return existing
    # Fractional scale factors (125 %, 150 % on Windows laptops) are passed through instead of rounded, so text
    # and layouts stay crisp and in proportion.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName(APP_ORGANISATION)
    QCoreApplication.setApplicationName(APP_DISPLAY_NAME)
    app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setFont(apply_japanese_font(app.font()))
    gc_guard.install(app)
    return app


def resolve_language(requested: str | None, settings: SiteConfig, *, remember: bool = True) -> str:
    """`--lang` wins and is remembered (unless `remember` is False: a settings file that could not be read is not
    overwritten with defaults); otherwise the saved setting; Japanese by default."""
    for lang in LANGUAGES:
        if requested == lang:
            if remember and settings.language != lang:
                try:
                    save_config(settings.replace(language=lang))
                except SiteConfigError as exc:  # e.g. a read-only folder: the flag still holds for this run
                    print(f"reception-app: {exc}", file=sys.stderr)
            return lang
    return settings.language if settings.language in LANGUAGES else "ja"


def no_screen_message() -> str | None:
    """Without a screen Qt aborts the whole process with a plugin error; say plainly what to do instead."""
    if not sys.platform.startswith(("linux", "freebsd")):
        return None
    if any(os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        return None
    return (
        "reception-app: there is no screen to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
        "  Start it from a desktop session; on a machine without a screen, view it over VNC with\n"
        "  QT_QPA_PLATFORM=vnc:port=5900 reception-app --demo, or check it with\n"
        "  xvfb-run -a reception-app --demo --self-test"
    )
