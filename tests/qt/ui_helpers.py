"""Shared pieces of the UI tests (tests/qt/test_ui_*.py): the app's translations, a demo desk on real services,
and polling with a deadline (never a fixed sleep)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from reception_app.ui.i18n import Translations

ROOT = Path(__file__).resolve().parents[2]
DEMO_PIN = "1234"  # the synthetic demo cards' PIN (resources/cards/profiles)


def ensure_translations_built() -> None:
    """`make test` builds the .qm files first; a bare pytest run builds them here so nothing is skipped."""
    import subprocess
    import sys

    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True, capture_output=True)


@pytest.fixture()
def ui_lang(qapp: QApplication) -> Iterator[Translations]:
    from reception_app.ui import gc_guard

    gc_guard.install(qapp)  # as the app does: no garbage collection of Qt objects on worker threads
    ensure_translations_built()
    translations = Translations()
    assert translations.install("ja"), "reception_ja.qm must load"
    yield translations
    translations.install("en")


def wait_until(condition: Callable[[], bool], timeout: float = 20.0, what: str = "condition") -> None:
    app = QApplication.instance()
    assert app is not None
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return
        time.sleep(0.005)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class DemoDesk:
    """A desk window on the real demo services (simulator reader, OQS/PMH simulator on loopback, SQLCipher)."""

    def __init__(self, session: Any, desk: Any) -> None:
        self.session = session
        self.desk = desk
        self.services = session.services
        self.driver = desk.ctx.driver
        self.views: list[Any] = []
        self.driver.view_changed.connect(self.views.append)

    @property
    def view(self) -> Any:
        return self.driver.view

    def insert(self, profile: str, want: set[str], *, faults: dict[str, Any] | None = None) -> Any:
        before = self.view.session_id if self.view is not None else None
        card = self.services.insert_card(profile)
        if faults:
            from reception_app.card.virtual import CardFaults

            card.faults = CardFaults(**faults)
        wait_until(lambda: self.view is not None and self.view.session_id != before and str(self.view.state) in want,
                   what=f"{profile} to reach {sorted(want)} (now {self.view.state if self.view else None})")
        return self.view

    def pin(self, pin: str, want: set[str], *, confirm_last_try: bool = False) -> Any:
        version = self.view.version
        self.desk._close_dialog()
        self.driver.submit_pin(pin, confirm_last_try=confirm_last_try)
        wait_until(lambda: self.view.version > version and str(self.view.state) in want,
                   what=f"state in {sorted(want)} after the PIN (now {self.view.state})")
        return self.view

    def until(self, want: set[str], timeout: float = 20.0) -> Any:
        wait_until(lambda: str(self.view.state) in want, timeout, what=f"state in {sorted(want)}")
        return self.view

    def finish(self) -> None:
        if self.view is not None and not self.view.ended:
            self.driver.cancel()
            wait_until(lambda: self.view.ended, what="the session to end")
        self.desk._close_dialog()
        self.services.remove_card()
        self.session.worker.wait_for_done(5000)

    def visits_today(self) -> list[Any]:
        return list(self.services.store.queue(self.services.clock().date()))

    def audit_actions(self) -> list[str]:
        store = self.services.store
        records = store.audit_records() if hasattr(store, "audit_records") else []
        return [r.action for r in records]


@pytest.fixture()
def demo_desk(qapp: QApplication, ui_lang: Translations, tmp_path: Path, app_data_dir: Path) -> Iterator[DemoDesk]:
    from reception_app.compose.session import AppSession
    from reception_app.ui.settings import AppSettings

    session = AppSession(AppSettings(), ui_lang, demo=True, data_dir=tmp_path / "demo")
    session.start()
    desk = session.open_desk()
    desk.show()
    harness = DemoDesk(session, desk)
    try:
        yield harness
    finally:
        harness.finish()
        desk.close()
        session.stop()


# What must never appear on a patient's kiosk screen.
XML_RE = re.compile(r"<[A-Za-z/?!]")
LONG_DIGITS_RE = re.compile(r"[0-9０-９]{6,}")  # insurer numbers (6/8), 受給者番号, patient IDs, certificate ids


def forbidden_on_kiosk(texts: list[str], secrets: list[str]) -> list[str]:
    bad = []
    for text in texts:
        if XML_RE.search(text) or LONG_DIGITS_RE.search(text):
            bad.append(text)
        for secret in secrets:
            if secret and secret in text:
                bad.append(f"{text!r} contains {secret!r}")
    return bad
