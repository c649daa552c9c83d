"""`reception-app --demo --self-test`: the installer's check that the app really works. In demo mode, insert a card
profile, run one check-in without a person (the demo PIN is typed by the test), and exit 0; non-zero with a reason.

It drives the same desk window, Qt driver, state machine and services as a person would, so a broken bundle (a
missing Qt plugin, translation, font, table or the SQLCipher module) fails here."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

SELF_TEST_PROFILE = "adult-seishin-21"
SELF_TEST_PIN = "1234"  # the synthetic demo card's PIN (resources/cards/profiles), never a real one
DEADLINE_S = 60.0


def _say(message: str) -> None:
    print(f"self-test: {message}", file=sys.stderr)


def run_self_test(args: argparse.Namespace) -> int:
    if not getattr(args, "demo", False):
        _say("FAIL: --self-test runs only with --demo (it uses the simulator reader and synthetic patients)")
        return 2
    from reception_app.compose.session import AppSession
    from reception_app.config import SiteConfig
    from reception_app.ui.app import create_application
    from reception_app.ui.fonts import pick_japanese_family
    from reception_app.ui.i18n import Translations

    app = create_application()
    translations = Translations()
    if not translations.install("ja"):
        _say("FAIL: the Japanese translation (reception_ja.qm) is missing: run `make translations`")
        return 3
    if pick_japanese_family() is None:
        _say("WARNING: no Japanese font installed; text would show as boxes")
    with tempfile.TemporaryDirectory(prefix="reception-selftest-") as tmp:
        session = AppSession(SiteConfig(), translations, demo=True, data_dir=Path(tmp))
        try:
            session.start()
            desk = session.open_desk()
            desk.show()
            return _check_in(app, session, desk)
        except Exception as exc:
            _say(f"FAIL: {type(exc).__name__}: {exc}")
            return 1
        finally:
            session.stop()


def _check_in(app: QApplication, session: object, desk: object) -> int:
    from reception_app.compose.session import AppSession
    from reception_app.ui.desk.window import DeskWindow

    assert isinstance(session, AppSession) and isinstance(desk, DeskWindow)
    driver = desk.ctx.driver
    if driver is None:
        _say(f"FAIL: the services did not start ({session.problem})")
        return 1
    states: list[str] = []
    pin_sent = False

    def on_view(view: object) -> None:
        nonlocal pin_sent
        state = str(getattr(view, "state", ""))
        states.append(state)
        if state == "awaiting_pin" and not pin_sent:
            pin_sent = True
            desk._close_dialog()  # no person at the keypad: the test types the demo PIN itself
            driver.submit_pin(SELF_TEST_PIN)

    from reception_app.compose.demo import DemoServices

    services = session.services
    assert isinstance(services, DemoServices), "the self-test runs on the demo"
    driver.view_changed.connect(on_view)
    services.insert_card(SELF_TEST_PROFILE)  # the reader monitor sees it and the desk starts a check-in
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        app.processEvents()
        view = driver.view
        if view is not None and view.ended:
            break
        time.sleep(0.01)
    view = driver.view
    if view is None or not view.ended:
        _say(f"FAIL: no check-in within {DEADLINE_S:.0f} s (states seen: {' → '.join(dict.fromkeys(states))})")
        return 1
    if str(view.state) != "completed":
        _say(f"FAIL: the check-in ended as {view.state} ({view.end_reason or view.error_code})")
        return 1
    visits = services.store.queue(services.clock().date())
    if not any(v.queue_number == view.queue_number for v in visits):
        _say("FAIL: the check-in is not in the database")
        return 1
    _say(f"OK: checked in {SELF_TEST_PROFILE} as No. {view.queue_number:03d} (validity {view.qualification_validity})")
    return 0
