"""Shared pieces of the UI tests (tests/qt/test_ui_*.py): the app's translations, a demo desk on real services,
waits on pytest-qt's event loop with a deadline (never a fixed sleep), and the patient's fingers on a PIN keypad."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reception_app.ui.i18n import Translations
from reception_app.ui.kiosk.keypad import PinKeypad

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


def wait_until(qtbot: QtBot, condition: Callable[[], object], timeout: float = 20.0,
               what: str | Callable[[], str] = "condition") -> None:
    """Runs the event loop (`qtbot.waitUntil`) until `condition()` is true; fails naming `what` (a callable is asked
    at the timeout, so it can say how things stand then)."""
    __tracebackhide__ = True
    try:
        qtbot.waitUntil(lambda: bool(condition()), timeout=round(timeout * 1000))
    except qtbot.TimeoutError:
        said = what() if callable(what) else what
        raise AssertionError(f"timed out after {timeout} s waiting for {said}") from None


def type_pin(qtbot: QtBot, keypad: PinKeypad, pin: str) -> None:
    """The patient types `pin` on the keypad's buttons and presses OK."""
    for digit in pin:
        qtbot.mouseClick(keypad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keypad.buttons["ok"], Qt.MouseButton.LeftButton)


class DemoDesk:
    """A desk window on the real demo services (simulator reader, OQS/PMH simulator on loopback, SQLCipher)."""

    def __init__(self, qtbot: QtBot, session: Any, desk: Any) -> None:
        self.qtbot = qtbot
        self.session = session
        self.desk = desk
        self.services = session.services
        self.driver = desk.ctx.driver
        self.views: list[Any] = []
        self.driver.view_changed.connect(self.views.append)

    @property
    def view(self) -> Any:
        return self.driver.view

    def state_now(self) -> str:
        return str(self.view.state) if self.view is not None else "no session"

    def wait_until(self, condition: Callable[[], object], timeout: float = 20.0,
                   what: str | Callable[[], str] = "condition") -> None:
        wait_until(self.qtbot, condition, timeout, what)

    def dialog(self, kind: type[Any], what: str) -> Any:
        """Waits for the desk to show a dialog of `kind` (the one a person at the desk would now see)."""
        self.wait_until(lambda: isinstance(self.desk.current_dialog, kind), what=lambda: (
            f"{what} (the desk shows {type(self.desk.current_dialog).__name__}, state {self.state_now()})"))
        return self.desk.current_dialog

    def insert(self, profile: str, want: set[str], *, faults: dict[str, Any] | None = None) -> Any:
        before = self.view.session_id if self.view is not None else None
        card = self.services.insert_card(profile)
        if faults:
            from reception_app.card.virtual import CardFaults

            card.faults = CardFaults(**faults)
        self.wait_until(lambda: self.view is not None and self.view.session_id != before and self.state_now() in want,
                        what=lambda: f"{profile} to reach {sorted(want)} (now {self.state_now()})")
        return self.view

    def pin(self, pin: str, want: set[str]) -> Any:
        """The patient types `pin` on the PIN pad the desk shows; waits for the check-in to reach a state in `want`."""
        from reception_app.ui.desk.dialogs import PatientPinDialog

        version = self.view.version
        pad = self.dialog(PatientPinDialog, "the PIN pad")
        type_pin(self.qtbot, pad.keypad, pin)
        self.wait_until(lambda: self.view.version > version and self.state_now() in want,
                        what=lambda: f"state in {sorted(want)} after the PIN (now {self.state_now()})")
        return self.view

    def until(self, want: set[str], timeout: float = 20.0) -> Any:
        self.wait_until(lambda: self.state_now() in want, timeout,
                        what=lambda: f"state in {sorted(want)} (now {self.state_now()})")
        return self.view

    def finish(self) -> None:
        if self.view is not None and not self.view.ended:
            self.driver.cancel()
            self.wait_until(lambda: self.view.ended, what="the session to end")
        dialog = self.desk.current_dialog
        if dialog is not None:  # the staff close whatever is still open
            dialog.close()
        self.services.remove_card()
        self.session.worker.wait_for_done(5000)

    def visits_today(self) -> list[Any]:
        return list(self.services.store.queue(self.services.clock().date()))

    def audit_actions(self) -> list[str]:
        store = self.services.store
        records = store.audit_records() if hasattr(store, "audit_records") else []
        return [r.action for r in records]


@pytest.fixture()
def demo_desk(
    qtbot: QtBot, ui_lang: Translations, tmp_path: Path, app_data_dir: Path
) -> Iterator[DemoDesk]:
    from reception_app.compose.session import AppSession
    from reception_app.config import SiteConfig

    session = AppSession(SiteConfig(), ui_lang, demo=True, data_dir=tmp_path / "demo")
    session.start()
    desk = session.open_desk()
    desk.show()
    harness = DemoDesk(qtbot, session, desk)
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
