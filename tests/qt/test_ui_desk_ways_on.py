"""Issue 12, point 4 on screen: every dialog has a way on. The relink question offers 「紐付けずに受付」 and 中止 as
well as the relink; after a relink the "insurance differs" warning is gone; a blocked PIN offers the insurance number
and 目視確認 (the staff type what the card shows, the check-in is marked as such)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reception_app.ui.desk.dialogs import MatchDialog, RelinkDialog, VisualCheckDialog
from tests.qt.ui_helpers import DEMO_PIN, DemoDesk

INSURANCE_DIFFERS = "保険者番号・記号・番号・枝番がカルテと異なります"


def relink_dialog(h: DemoDesk) -> RelinkDialog:
    h.insert("insurance-change", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"awaiting_relink_confirmation"})
    return h.dialog(RelinkDialog, "the relink dialog")


def actions(h: DemoDesk) -> list[str]:
    return [r.action for r in h.services.store.audit_records(limit=10_000)]


def test_the_relink_question_offers_to_check_in_without_relinking(qtbot, demo_desk):
    dialog = relink_dialog(demo_desk)
    assert dialog.keep.text() == "紐付けずに受付" and dialog.keep.isEnabled()


def test_checking_in_without_relinking_keeps_the_old_insurance_link(qtbot, demo_desk):
    h = demo_desk
    pid = h.services.seeded["change"]
    before = h.services.store.current_link(pid)
    qtbot.mouseClick(relink_dialog(h).keep, Qt.MouseButton.LeftButton)
    h.until({"completed"})
    assert h.services.store.current_link(pid).insurance_key == before.insurance_key


def test_checking_in_without_relinking_is_audited(qtbot, demo_desk):
    h = demo_desk
    qtbot.mouseClick(relink_dialog(h).keep, Qt.MouseButton.LeftButton)
    h.until({"completed"})
    assert "reception.insurance_relink_declined" in actions(h)


def test_cancelling_the_relink_question_ends_the_check_in(qtbot, demo_desk):
    h = demo_desk
    qtbot.mouseClick(relink_dialog(h).stop, Qt.MouseButton.LeftButton)
    h.until({"cancelled"})
    assert h.visits_today() == []


def test_after_a_relink_the_insurance_warning_is_gone(qtbot, demo_desk):
    h = demo_desk
    dialog = relink_dialog(h)
    assert INSURANCE_DIFFERS in h.desk.eligibility.plain_text()
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    h.until({"completed"})
    assert INSURANCE_DIFFERS not in h.desk.eligibility.plain_text()


def blocked(h: DemoDesk) -> None:
    h.insert("pin-blocked", {"pin_blocked"})


def test_a_blocked_pin_offers_the_insurance_number(qtbot, demo_desk):
    blocked(demo_desk)
    assert demo_desk.desk.checkin.insurance_button.isEnabled()


def test_a_blocked_pin_offers_the_visual_check(qtbot, demo_desk):
    blocked(demo_desk)
    assert demo_desk.desk.checkin.visual_button.isEnabled()


def visual_check(h: DemoDesk) -> None:
    """The staff compare the photo, type what the card shows, then register the new patient."""
    blocked(h)
    h.qtbot.mouseClick(h.desk.checkin.visual_button, Qt.MouseButton.LeftButton)
    dialog = h.dialog(VisualCheckDialog, "the visual check")
    assert not dialog.ok.isEnabled()  # not before the photo was compared
    dialog.form.name.setText("試験　花子")
    dialog.form.kana.setText("しけん　はなこ")
    dialog.form.birth_date.setText("S55.1.1")
    dialog.form.sex.setCurrentIndex(dialog.form.sex.findData("2"))
    dialog.photo_checked.setChecked(True)
    h.qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    h.until({"awaiting_registration"})
    match = h.dialog(MatchDialog, "the registration form")
    h.qtbot.mouseClick(match.register_button, Qt.MouseButton.LeftButton)
    h.until({"completed"})


def test_a_visual_check_ends_in_a_check_in(qtbot, demo_desk):
    h = demo_desk
    visual_check(h)
    assert len(h.visits_today()) == 1


def test_a_visual_check_is_marked_as_such(qtbot, demo_desk):
    h = demo_desk
    visual_check(h)
    check_in = [r for r in h.services.store.audit_records(limit=10_000) if r.action == "reception.check_in"]
    assert check_in[-1].details["visual_check"] == "true"


def test_the_session_view_carries_the_visual_check(qtbot, demo_desk):
    h = demo_desk
    visual_check(h)
    assert h.view.visual_check
