"""Issue 12, acceptance 3: in the desk scenarios no screen shows an internal key, an English word in the Japanese UI
or an ISO date in a Japanese sentence. Every widget's text is walked (tests/qt/text_walk.py) at each step a person
at the desk sees."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reception_app.ui.desk.dialogs import MatchDialog, RelinkDialog, VisualCheckDialog
from tests.qt.text_walk import problems_in_japanese, texts_of
from tests.qt.ui_helpers import DEMO_PIN, DemoDesk


def seen(h: DemoDesk) -> list[str]:
    """The problems on the desk and the dialog it shows now."""
    texts = texts_of(h.desk)
    dialog = h.desk.current_dialog
    if dialog is not None:
        texts += texts_of(dialog)
    if h.desk.duplicate_question is not None:
        texts += texts_of(h.desk.duplicate_question)
    readers = tuple(h.desk.ctx.monitor.readers()) if h.desk.ctx.monitor is not None else ()
    return problems_in_japanese(texts, readers)


def test_a_returning_patient_checked_in(qtbot, demo_desk):
    h = demo_desk
    h.insert("adult-seishin-21", {"awaiting_pin"})
    assert seen(h) == []
    h.pin(DEMO_PIN, {"completed"})
    assert seen(h) == []


def test_two_candidates(qtbot, demo_desk):
    h = demo_desk
    h.insert("gaiji-name", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"awaiting_candidate_choice"})
    dialog = h.dialog(MatchDialog, "the match dialog")
    assert seen(h) == []
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    h.until({"awaiting_registration"})
    assert seen(h) == []


def test_the_relink_question(qtbot, demo_desk):
    h = demo_desk
    h.insert("insurance-change", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"awaiting_relink_confirmation"})
    h.dialog(RelinkDialog, "the relink dialog")
    assert seen(h) == []


def test_a_blocked_pin_and_the_visual_check(qtbot, demo_desk):
    h = demo_desk
    h.insert("pin-blocked", {"pin_blocked"})
    assert seen(h) == []
    qtbot.mouseClick(h.desk.checkin.visual_button, Qt.MouseButton.LeftButton)
    h.dialog(VisualCheckDialog, "the visual check")
    assert seen(h) == []


def test_offline_from_the_cache(qtbot, demo_desk):
    h = demo_desk
    h.insert("adult-seishin-21", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"completed"})
    h.finish()
    h.services.set_gateway_down(True)
    h.services.set_terminal_down(True)
    h.insert("adult-seishin-21", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"awaiting_candidate_choice"})
    h.dialog(MatchDialog, "the match dialog")
    assert seen(h) == []


def test_an_offline_registration(qtbot, demo_desk):
    h = demo_desk
    h.services.set_gateway_down(True)
    h.services.set_terminal_down(True)
    h.insert("iphone-token", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"awaiting_declaration"})
    assert seen(h) == []
    qtbot.mouseClick(h.desk.checkin.declaration_button, Qt.MouseButton.LeftButton)
    dialog = h.dialog(MatchDialog, "the registration form")
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)  # empty: every problem said
    assert seen(h) == []
