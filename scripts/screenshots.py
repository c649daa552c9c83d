"""Renders every main screen of the desk and the kiosk, in Japanese and English, into PNG files.

`make screenshots` runs it under Xvfb (real xcb platform) with the Japanese font installed:
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py docs/screenshots
The desk screens come from real check-ins in demo mode (simulator reader, OQS/PMH simulator, demo database).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reception_app.config import SiteConfig  # noqa: E402
from reception_app.ui.app import create_application  # noqa: E402
from reception_app.ui.fonts import pick_japanese_family  # noqa: E402
from reception_app.ui.i18n import Translations  # noqa: E402

DEMO_PIN = "1234"  # the synthetic demo cards' PIN (resources/cards/profiles)
KIOSK_SIZE = (1280, 800)
DESK_SIZE = (1500, 940)


def pump(app: QApplication, seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_for(app: QApplication, condition: Callable[[], bool], timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def save(app: QApplication, widget: QWidget, path: Path) -> None:
    pump(app, 0.3)
    widget.grab().save(str(path))
    print(f"screenshots: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def save_dialog(app: QApplication, desk: Any, path: Path) -> None:
    """Saves the dialog the desk shows for the check-in (waits for it to open); a missing one stops the run."""
    if not wait_for(app, lambda: desk.current_dialog is not None):
        raise SystemExit(f"screenshots: no dialog open for {path.name}")
    save(app, desk.current_dialog, path)


def kiosk_shots(app: QApplication, out: Path, lang: str) -> None:
    from reception_app.ui.kiosk.window import KioskWindow

    kiosk = KioskWindow(lambda u, p: False, language=lang, idle_timeout_s=600)
    kiosk.resize(*KIOSK_SIZE)
    kiosk.show()
    steps: list[tuple[str, Callable[[], None]]] = [
        ("welcome", kiosk.show_welcome),
        ("reading", kiosk.show_reading),
        ("pin", lambda: (kiosk.show_pin(3), kiosk.keypad.buttons["1"].click(), kiosk.keypad.buttons["2"].click())),
        ("last_try", lambda: kiosk.show_pin(1)),
        ("pin_face", lambda: kiosk.show_pin(3, face_offered=True)),  # the card identified the chart
        ("pin_blocked", kiosk.show_pin_blocked),
        ("face", kiosk.show_face_wait),
        ("ask_staff_face_timeout", lambda: kiosk.show_ask_staff("face_timeout")),
        ("checking", kiosk.show_checking),
        ("done", lambda: kiosk.show_done(12, "佐藤　美咲")),
        ("ask_staff", lambda: kiosk.show_ask_staff("pin_blocked")),
    ]
    for name, show in steps:
        show()
        save(app, kiosk, out / f"kiosk-{name}-{lang}.png")
    kiosk.unlock("screenshots")


def desk_shots(app: QApplication, out: Path, lang: str, translations: Translations) -> None:
    from reception_app.compose.session import AppSession

    with tempfile.TemporaryDirectory(prefix="reception-shots-") as tmp:
        settings = SiteConfig(language=lang)
        session = AppSession(settings, translations, demo=True, data_dir=Path(tmp))
        session.start()
        try:
            desk: Any = session.open_desk()
            desk.resize(*DESK_SIZE)
            desk.show()
            save(app, desk, out / f"desk-idle-{lang}.png")
            driver = desk.ctx.driver
            services = session.services

            def state() -> str:
                return str(driver.view.state) if driver.view is not None else "no session"

            def run_to(profile: str, want: set[str], pin: str | None = DEMO_PIN) -> Any:
                """Places the card of `profile` on the reader; if the desk shows its PIN pad, the patient types `pin`
                on its buttons (as a person would); waits for the check-in to reach a state in `want`."""
                from reception_app.ui.desk.dialogs import PatientPinDialog

                before = driver.view.session_id if driver.view is not None else None
                services.insert_card(profile)

                def arrived() -> bool:
                    return driver.view is not None and driver.view.session_id != before and state() in want

                def pin_pad_up() -> bool:
                    return isinstance(desk.current_dialog, PatientPinDialog)

                if pin and "awaiting_pin" not in want:
                    if not wait_for(app, lambda: arrived() or pin_pad_up()):
                        raise SystemExit(f"screenshots: {profile} never reached {want} or the PIN pad (at {state()})")
                    if not arrived():
                        pad = desk.current_dialog
                        for key in [*pin, "ok"]:
                            pad.keypad.buttons[key].click()
                if not wait_for(app, arrived):
                    raise SystemExit(f"screenshots: {profile} never reached {want} (at {state()})")
                return driver.view

            def finish() -> None:
                if driver.view is not None and not driver.view.ended:
                    driver.cancel()
                    wait_for(app, lambda: driver.view.ended)
                if desk.current_dialog is not None:  # the staff close whatever is still open
                    desk.current_dialog.close()
                services.remove_card()
                pump(app, 0.3)

            # a returning patient with a subsidy, checked in
            run_to("child-local-subsidy", {"completed"})
            desk.queue.refresh()
            save(app, desk, out / f"desk-checked-in-{lang}.png")
            finish()
            # PIN entry for the patient at the desk
            run_to("elder-70-74", {"awaiting_pin"}, pin=None)
            pump(app, 0.3)
            save_dialog(app, desk, out / f"desk-pin-dialog-{lang}.png")
            finish()
            # ● name with two candidates: staff must choose
            run_to("gaiji-name", {"awaiting_candidate_choice"})
            pump(app, 0.5)
            save(app, desk, out / f"desk-two-candidates-{lang}.png")
            save_dialog(app, desk, out / f"desk-match-dialog-{lang}.png")
            finish()
            # insurance change: relink with confirmation
            run_to("insurance-change", {"awaiting_relink_confirmation"})
            pump(app, 0.5)
            save_dialog(app, desk, out / f"desk-relink-dialog-{lang}.png")
            finish()
            # 医療扶助 with tickets, and 高齢受給者 with 限度額
            run_to("seikatsu-hogo-a1", {"completed"})
            save(app, desk, out / f"desk-medical-assistance-{lang}.png")
            finish()
            # gateway down: offline from the cache
            run_to("adult-seishin-21", {"completed"})
            finish()
            services.set_gateway_down(True)
            run_to("adult-seishin-21", {"completed", "awaiting_declaration", "awaiting_candidate_choice", "failed"})
            desk.check_gateway()
            pump(app, 0.5)
            save(app, desk, out / f"desk-offline-{lang}.png")
            finish()
            services.set_gateway_down(False)
            desk.check_gateway()
            # invalid qualification
            run_to("lost-qualification", {"awaiting_declaration", "completed", "failed"})
            save(app, desk, out / f"desk-invalid-{lang}.png")
            finish()
            face_results_shots(app, desk, services, out, lang)
            # settings with a problem shown, staff login
            from reception_app.ui.desk.settings_dialog import SettingsDialog
            from reception_app.ui.staff_dialog import StaffLoginDialog

            dialog = SettingsDialog(SiteConfig(language=lang, gateway_url="ftp://example", kiosk_idle_timeout_s=5))
            dialog.show()
            dialog.try_save()
            save(app, dialog, out / f"desk-settings-{lang}.png")
            dialog.close()
            login = StaffLoginDialog(desk.ctx.staff_verifier, desk)
            login.show()
            save(app, login, out / f"desk-staff-login-{lang}.png")
            login.close()
            desk.close()
        finally:
            session.stop()


def face_results_shots(app: QApplication, desk: Any, services: Any, out: Path, lang: str) -> None:
    """Face-reader results no check-in could take: the status-bar indicator and the list (Shift+F3)."""
    for profile in ("adult-nanbyo-54", "gaiji-name"):  # the patients used the face reader before any check-in waited
        services.face_reader(profile)
    if not wait_for(app, lambda: desk.held_faces.count >= 2):
        raise SystemExit("screenshots: the face results were not held")
    save(app, desk, out / f"desk-face-results-waiting-{lang}.png")
    desk.held_faces.show_list()
    dialog = desk.held_faces.dialog
    if not wait_for(app, lambda: dialog.model.rowCount() >= 2 and not dialog.is_loading):
        raise SystemExit("screenshots: the face results were not listed")
    save(app, dialog, out / f"desk-face-results-{lang}.png")
    dialog.close()


def ticket_shot(out: Path, lang: str) -> None:
    from datetime import datetime

    from reception_app.ui.ticket import TicketData, ticket_image

    ticket_image(TicketData(12, datetime(2026, 11, 25, 9, 41), "シミュレータ内科クリニック")).save(
        str(out / f"ticket-{lang}.png"))


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else ROOT / "docs" / "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    if pick_japanese_family() is None:
        print("screenshots: no Japanese font installed (fonts-noto-cjk): refusing to render boxes", file=sys.stderr)
        return 2
    translations = Translations()
    for lang in ("ja", "en"):
        if not translations.install(lang):
            print(f"screenshots: translation {lang} missing: run `make translations`", file=sys.stderr)
            return 2
        kiosk_shots(app, out, lang)
        desk_shots(app, out, lang, translations)
        ticket_shot(out, lang)
    QTimer.singleShot(0, app.quit)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
