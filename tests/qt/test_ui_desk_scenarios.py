"""Acceptance 1 on screen: the desk driven through the check-in scenarios over the real stack (simulator reader
with virtual cards, the OQS/PMH simulator over loopback HTTP, the SQLCipher demo database). Each checks what the
staff see (state, panel, dialog) and what is in the store (visits, links, audit)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reception_app.card.constants import JpkiFile
from reception_app.compose.session import DEMO_STAFF_LOGIN, DEMO_STAFF_PASSWORD
from reception_app.eligibility.normalize import kana_key
from reception_app.ui.dates import date_time_text
from reception_app.ui.desk.dialogs import MatchDialog, PatientPinDialog, RelinkDialog
from reception_app.ui.staff_dialog import StaffLoginDialog
from tests.qt.ui_helpers import DEMO_PIN, DemoDesk, type_pin


def visits(h: DemoDesk) -> list[tuple[str, int]]:
    return [(v.patient_id, v.queue_number) for v in h.visits_today()]


def actions(h: DemoDesk, subject: str | None = None) -> list[str]:
    return [r.action for r in h.services.store.audit_records(limit=10_000) if subject is None or r.subject == subject]


def test_returning_patient_by_reference_number(qtbot, demo_desk):
    h = demo_desk
    pid = h.services.seeded["seishin"]
    view = h.insert("adult-seishin-21", {"awaiting_pin"})
    # the desk opened the patient's PIN pad by itself, and says who it probably is
    assert isinstance(h.desk.current_dialog, PatientPinDialog)
    assert "佐藤" in h.desk.checkin.suggestion.text()
    view = h.pin(DEMO_PIN, {"completed"})
    assert view.matched_by == "reference_number"
    assert h.desk.checkin.state_label.text() == "受付完了"
    assert f"{view.queue_number:03d}" in h.desk.checkin.queue_label.text()
    assert "有効" in h.desk.eligibility.plain_text() and "佐藤" in h.desk.eligibility.plain_text()
    assert visits(h) == [(pid, 1)]
    assert "reception.check_in" in actions(h, pid)
    h.wait_until(lambda: h.desk.queue.model.rowCount() == 1, what="the queue to show the visit")
    assert h.desk.queue.model.row_at(0).patient_id == pid


def test_returning_patient_by_insurance_key(qtbot, demo_desk):
    h = demo_desk
    pid = h.services.seeded["nanbyo"]
    h.insert("adult-nanbyo-54", {"awaiting_pin"})
    view = h.pin(DEMO_PIN, {"completed"})
    assert view.matched_by == "insurance_key" and view.patient.patient_id == pid
    text = h.desk.eligibility.plain_text()
    assert "鈴木" in text and "保険" in text
    # what the result says about subsidies is on screen either way: the subsidy, or "check the paper 受給者証"
    assert "指定難病" in text or "紙の受給者証" in text
    assert visits(h) == [(pid, 1)]


def test_new_registration_from_the_prefilled_form(qtbot, demo_desk):
    h = demo_desk
    h.insert("iphone-token", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"awaiting_registration"})
    dialog = h.dialog(MatchDialog, "the registration dialog")
    assert dialog.pages.currentWidget() is dialog.form_page
    assert "吉田" in dialog.form.name.text() and dialog.form.kana.text()  # prefilled from the result
    assert visits(h) == []  # nothing registered before the staff say so
    dialog.form.phone.setText("03-0000-0000")
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    view = h.until({"completed"})
    assert view.matched_by == "new_registration"
    patient = h.services.store.get_patient(view.patient.patient_id)
    assert patient is not None and "吉田" in patient.name and patient.phone == "03-0000-0000"
    assert visits(h) == [(patient.patient_id, 1)]


def test_two_candidates_the_staff_must_choose(qtbot, demo_desk):
    h = demo_desk
    saito1, saito2 = h.services.seeded["saito1"], h.services.seeded["saito2"]
    h.insert("gaiji-name", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"awaiting_candidate_choice"})
    dialog = h.dialog(MatchDialog, "the match dialog")
    assert len(dialog.choose_buttons) == 2
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.choose_buttons)  # Enter picks nobody
    assert dialog.diff_cells, "differences must be highlighted"
    assert "●" in h.desk.eligibility.plain_text()
    qtbot.wait(200)
    assert str(h.view.state) == "awaiting_candidate_choice" and h.view.patient is None
    assert visits(h) == []  # never an automatic pick
    qtbot.mouseClick(dialog.choose_buttons[1], Qt.MouseButton.LeftButton)
    view = h.until({"completed"})
    assert view.patient.patient_id == saito2 and view.matched_by.startswith("staff_choice")
    assert visits(h) == [(saito2, 1)] and saito1 != saito2


def log_in(h: DemoDesk, login: str, password: str) -> bool:
    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, StaffLoginDialog) and w.isVisible())
        dialog.user.setText(login)
        dialog.password.setText(password)
        dialog.try_login()
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(50, fill)
    return h.desk.login()


def test_relink_after_an_insurance_change(qtbot, demo_desk):
    h = demo_desk
    pid = h.services.seeded["change"]
    assert not log_in(h, "demo", "wrong password")
    assert log_in(h, DEMO_STAFF_LOGIN, DEMO_STAFF_PASSWORD)
    assert DEMO_STAFF_LOGIN in h.desk.staff_status.text()
    h.insert("insurance-change", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"awaiting_relink_confirmation"})
    dialog = h.dialog(RelinkDialog, "the relink dialog")
    assert dialog.old.text() == "06130012 ***77" and h.view.relink_new in dialog.new.text()
    assert visits(h) == []
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    h.until({"completed"})
    assert visits(h) == [(pid, 1)]
    relinked = [r for r in h.services.store.audit_records(limit=10_000) if r.action == "reception.insurance_relinked"]
    assert len(relinked) == 1 and relinked[0].details["old_key"] == "06130012 ***77"
    assert relinked[0].details["confirmed_by"] == f"staff:{DEMO_STAFF_LOGIN}"  # who confirmed, in the audit log


def test_invalid_qualification(qtbot, demo_desk):
    h = demo_desk
    h.insert("lost-qualification", {"awaiting_pin"})
    view = h.pin(DEMO_PIN, {"awaiting_declaration"})
    assert view.qualification_validity == "2"
    assert "無効" in h.desk.eligibility.plain_text()
    assert h.desk.checkin.declaration_button.isEnabled()
    assert visits(h) == []
    qtbot.mouseClick(h.desk.checkin.declaration_button, Qt.MouseButton.LeftButton)
    view = h.until({"completed"})
    assert view.declaration
    assert [(v.patient_id, v.declaration) for v in h.visits_today()] == [(h.services.seeded["lost"], True)]


def test_blocked_pin(qtbot, demo_desk):
    h = demo_desk
    view = h.insert("pin-blocked", {"pin_blocked"})
    assert view.pin_tries_left == 0
    assert "市区町村" in h.desk.checkin.message.text()
    assert not h.desk.checkin.pin_button.isEnabled() and h.desk.checkin.face_button.isEnabled()
    assert not isinstance(h.desk.current_dialog, PatientPinDialog)
    assert visits(h) == []


def test_one_try_left_needs_the_staff_to_confirm(qtbot, demo_desk):
    h = demo_desk
    view = h.insert("pin-one-try-left", {"awaiting_pin"})
    card = h.services.backend.card_in(None)
    assert view.pin_tries_left == 1
    box = h.dialog(QMessageBox, "the one-try warning")
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    # saying no spends nothing and opens no keypad
    box.button(QMessageBox.StandardButton.No).click()
    assert not isinstance(h.desk.current_dialog, PatientPinDialog)
    assert card.tries_left("jpki", JpkiFile.AUTH_PIN) == 1
    # asked again, the staff confirm: the keypad opens and the PIN goes in with the confirmation
    h.desk.ask_pin()
    box = h.dialog(QMessageBox, "the one-try warning, asked again")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    pad = h.desk.current_dialog
    assert isinstance(pad, PatientPinDialog) and "1" in pad.tries.text()
    type_pin(qtbot, pad.keypad, DEMO_PIN)
    h.until({"completed"})
    assert visits(h) == [(h.services.seeded["onetry"], 1)]


def test_card_pulled_mid_read(qtbot, demo_desk):
    h = demo_desk
    view = h.insert("adult-seishin-21", {"card_removed", "failed"}, faults={"pull_after_apdus": 4})
    assert view.state == "card_removed"
    assert "外されました" in h.desk.checkin.message.text()
    assert visits(h) == [] and not any(a.startswith("reception.") for a in actions(h))
    # ready for the next card
    h.services.remove_card()
    h.insert("adult-seishin-21", {"awaiting_pin"})


def test_gateway_down_offline_from_the_cache_then_reconfirmed(qtbot, demo_desk):
    h = demo_desk
    pid = h.services.seeded["seishin"]
    h.insert("adult-seishin-21", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"completed"})
    first = h.services.store.latest_snapshot_for_patient(pid, "test")
    h.finish()
    h.services.set_gateway_down(True)
    h.services.set_terminal_down(True)
    h.insert("adult-seishin-21", {"awaiting_pin"})
    # offline, the cached result's patient is offered for the staff to confirm (never checked in by itself)
    view = h.pin(DEMO_PIN, {"awaiting_candidate_choice"})
    assert view.offline and view.offline_confirmed_at == first.confirmed_at
    text = h.desk.eligibility.plain_text()
    assert "オフライン" in text and f"最終確認は{date_time_text(first.confirmed_at, 'ja')}です。" in text
    assert "オフライン" in h.desk.connection_status.text()
    match = h.dialog(MatchDialog, "the match dialog")
    assert len(match.choose_buttons) == 1
    qtbot.mouseClick(match.choose_buttons[0], Qt.MouseButton.LeftButton)
    h.until({"completed"})
    assert [p.patient_id for p in h.services.store.pending_reconfirmations()] == [pid]
    # the connection comes back: the desk notices and re-confirms
    h.services.set_gateway_down(False)
    h.services.set_terminal_down(False)
    h.desk.check_gateway()
    h.wait_until(lambda: h.services.store.pending_reconfirmations() == [], 20, "the re-confirmation")
    h.wait_until(lambda: "オンライン" in h.desk.connection_status.text(), what="online status")
    latest = h.services.store.latest_snapshot_for_patient(pid, "test")
    assert latest.confirmed_at > first.confirmed_at
    assert "reception.reconfirmed" in actions(h, pid)


def test_face_path_result_arriving(qtbot, demo_desk):
    h = demo_desk
    pid = h.services.seeded["nanbyo"]
    h.desk.use_face_reader()
    h.wait_until(lambda: h.view is not None and str(h.view.state) == "awaiting_face_result", what="waiting for face")
    assert h.desk.checkin.state_label.text() == "顔認証リーダーの結果を待っています"
    h.services.face_reader("adult-nanbyo-54")
    view = h.until({"completed"})
    assert view.patient.patient_id == pid
    assert "鈴木" in h.desk.eligibility.plain_text()
    assert visits(h) == [(pid, 1)]
    snap = h.services.store.latest_snapshot_for_patient(pid, "test")
    assert snap is not None and snap.source == "face"


def test_none_of_the_candidates_register_with_the_address_from_the_card(qtbot, demo_desk):
    h = demo_desk
    h.insert("gaiji-name", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"awaiting_candidate_choice"})
    dialog = h.dialog(MatchDialog, "the match dialog")
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    h.until({"awaiting_registration"})
    assert h.desk.current_dialog is dialog and dialog.pages.currentWidget() is dialog.form_page
    assert dialog.form.kana.text() and dialog.form.value().birth_date.year == 1983  # prefilled from the result
    dialog.form.name.setText("齋藤　恵")  # the staff write the name the OQS could not send (●)
    dialog.form.address.clear()
    qtbot.mouseClick(dialog.basic_four_button, Qt.MouseButton.LeftButton)
    pad = dialog.findChildren(PatientPinDialog)[-1]
    type_pin(qtbot, pad.keypad, DEMO_PIN)  # the patient types the 券面事項入力補助 PIN
    card = h.services.backend.card_in(None)
    h.wait_until(lambda: dialog.form.address.text() == card.profile.holder.address, what="the address from the card")
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    view = h.until({"completed"})
    patient = h.services.store.get_patient(view.patient.patient_id)
    assert patient.address == card.profile.holder.address
    assert view.patient.patient_id not in (h.services.seeded["saito1"], h.services.seeded["saito2"])


def held_list(h: DemoDesk, rows: int) -> Any:
    """Opens the list of unassigned face-reader results (the menu action, Shift+F3) and waits for `rows` rows."""
    h.desk.held_faces_action.trigger()
    dialog = h.desk.held_faces.dialog
    assert dialog is not None and dialog.isVisible()
    h.wait_until(lambda: dialog.model.rowCount() == rows and not dialog.is_loading,
                 what=f"{rows} held result(s) listed")
    return dialog


def cells(dialog: Any, row: int) -> list[str]:
    model = dialog.model
    return [str(model.data(model.index(row, col))) for col in range(model.columnCount())]


def test_face_result_nobody_waited_for_checked_in_from_the_list(qtbot, demo_desk):
    h = demo_desk
    pid = h.services.seeded["nanbyo"]
    indicator = h.desk.held_faces.indicator
    assert not indicator.isVisible()
    h.services.face_reader("adult-nanbyo-54")  # the patient used the face reader before any check-in waited
    h.wait_until(indicator.isVisible, what="the indicator of unassigned face results")  # refreshed by its timer
    assert indicator.text() == "未割当の顔認証結果 1件"
    assert visits(h) == [] and str(h.view.state if h.view else "idle") in ("idle", "cancelled")
    dialog = held_list(h, 1)
    text = cells(dialog, 0)
    assert kana_key(text[1]) == kana_key("スズキ　ケンイチ")  # as the OQS sent it (half-width kana)
    assert text[2:4] == ["鈴木　健一", "昭和50年（1975年）11月2日"]
    assert text[5].endswith("***08") and not any("３３０８" in t or "3308" in t for t in text)  # masked
    assert text[6] == "受付が顔認証結果を待っていませんでした"
    assert dialog.checkin_button.isEnabled() and not dialog.checkin_button.isDefault()
    qtbot.mouseClick(dialog.checkin_button, Qt.MouseButton.LeftButton)
    view = h.until({"completed"})  # the usual match: the result's insurance key finds the one chart
    assert view.matched_by == "insurance_key"
    assert view.patient.patient_id == pid and not dialog.isVisible()
    assert h.desk.checkin.state_label.text() == "受付完了" and "鈴木" in h.desk.eligibility.plain_text()
    assert visits(h) == [(pid, 1)]
    snap = h.services.store.latest_snapshot_for_patient(pid, "test")
    assert snap is not None and snap.source == "face"
    def assigned_records() -> list:
        return [r for r in h.services.store.audit_records(limit=10_000) if r.action == "reception.face_result_assigned"]

    # audited on the session's lane once the session accepted the result, before the check-in ran: no wait here
    assigned = assigned_records()
    assert len(assigned) == 1 and assigned[0].details["session_id"] == view.session_id
    assert "鈴木" not in str(assigned[0].details) and "３３０８" not in str(assigned[0].details)
    h.wait_until(lambda: not indicator.isVisible(), what="the indicator to go")
    assert h.services.face_router.held == []
    dialog = held_list(h, 0)
    assert dialog.status.text() == "待っている顔認証結果はありません。" and not dialog.checkin_button.isEnabled()


def test_stale_face_result_discarded_from_the_list(qtbot, demo_desk):
    h = demo_desk
    indicator = h.desk.held_faces.indicator
    h.services.face_reader("adult-seishin-21")
    h.wait_until(indicator.isVisible, what="the indicator of unassigned face results")
    dialog = held_list(h, 1)
    assert "佐藤" in cells(dialog, 0)[2]
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box.isVisible() and box.defaultButton() is box.button(QMessageBox.StandardButton.No)  # Enter keeps it
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    h.wait_until(lambda: dialog.model.rowCount() == 0 and not dialog.is_loading, what="the list to empty")
    assert dialog.status.text() == "待っている顔認証結果はありません。"
    h.wait_until(lambda: not indicator.isVisible(), what="the indicator to go")
    assert h.services.face_router.held == [] and visits(h) == []
    discarded = [r for r in h.services.store.audit_records(limit=10_000)
                 if r.action == "reception.face_result_discarded"]
    assert len(discarded) == 1 and discarded[0].details["held_reason"] == "no_open_session"
    assert "佐藤" not in str(discarded[0].details) and discarded[0].subject is None
    assert not any(a in ("reception.check_in", "reception.face_result_assigned") for a in actions(h))


def test_held_face_result_with_two_candidates_waits_for_the_staff(qtbot, demo_desk):
    h = demo_desk
    saito1, saito2 = h.services.seeded["saito1"], h.services.seeded["saito2"]
    h.services.face_reader("gaiji-name")  # OQS sends ●藤　恵: two charts サイトウ メグミ 1983-05-05
    h.wait_until(h.desk.held_faces.indicator.isVisible, what="the indicator of unassigned face results")
    dialog = held_list(h, 1)
    assert "●" in cells(dialog, 0)[2]
    qtbot.mouseClick(dialog.checkin_button, Qt.MouseButton.LeftButton)
    h.until({"awaiting_candidate_choice"})
    match = h.dialog(MatchDialog, "the match dialog")
    assert len(match.choose_buttons) == 2 and not any(b.isDefault() for b in match.choose_buttons)
    assert visits(h) == [] and h.view.patient is None  # never an automatic pick
    assert h.services.face_router.held == []  # the check-in has it now
    qtbot.mouseClick(match.choose_buttons[0], Qt.MouseButton.LeftButton)
    view = h.until({"completed"})
    assert view.patient.patient_id in (saito1, saito2) and view.matched_by.startswith("staff_choice")
    assert visits(h) == [(view.patient.patient_id, 1)]
    snap = h.services.store.latest_snapshot_for_patient(view.patient.patient_id, "test")
    assert snap is not None and snap.source == "face"


def test_held_face_result_taken_meanwhile_says_so(qtbot, demo_desk):
    h = demo_desk
    h.services.face_reader("adult-nanbyo-54")
    h.wait_until(h.desk.held_faces.indicator.isVisible, what="the indicator of unassigned face results")
    dialog = held_list(h, 1)
    h.services.held_faces.discard(dialog.model.row_at(0).reference)  # gone before the staff click
    qtbot.mouseClick(dialog.checkin_button, Qt.MouseButton.LeftButton)
    h.wait_until(lambda: "もう待っていません" in h.desk.statusBar().currentMessage(), what="the message")
    assert str(h.view.state) == "idle" and visits(h) == []
    h.wait_until(lambda: not h.desk.held_faces.indicator.isVisible(), what="the indicator to go")


def test_after_a_check_in_the_face_reader_button_starts_the_next_one(qtbot, demo_desk):
    # the first patient is checked in and the card is still on the reader; the next patient uses the face reader
    h = demo_desk
    h.insert("adult-nanbyo-54", {"awaiting_pin"})
    h.pin(DEMO_PIN, {"completed"})
    qtbot.mouseClick(h.desk.checkin.face_button, Qt.MouseButton.LeftButton)
    h.until({"awaiting_face_result"})
