"""Issue 12, point 5 on screen: offline and registration made safe. The registration form is filled from what is
known (the result, the card's 券面事項入力補助 data with the patient's PIN), has no default birth date or sex, turns
kana into katakana, reads 和暦 and short entries; a likely duplicate needs a yes; offline, a card is linked to the
new chart only when the staff say they compared it; every message in Japanese."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reception_app.card.virtual.profile import Holder
from reception_app.ui.desk.dialogs import MatchDialog, PatientPinDialog
from tests.qt.ui_helpers import DEMO_PIN, DemoDesk, type_pin


def offline_registration_form(h: DemoDesk, profile: str = "iphone-token") -> MatchDialog:
    """A card no chart is linked to while the gateway is down: the staff go on with a 申立書 and reach the empty
    form. (The iPhone token has no 券面事項入力補助 AP; the gaiji-name card has, and its holder 齋藤 恵 has two
    charts that are not linked to the card: the case where a duplicate and a wrong link used to be made.)"""
    h.services.set_gateway_down(True)
    h.services.set_terminal_down(True)
    h.insert(profile, {"awaiting_pin"})
    h.pin(DEMO_PIN, {"awaiting_declaration"})
    h.qtbot.mouseClick(h.desk.checkin.declaration_button, Qt.MouseButton.LeftButton)
    h.until({"awaiting_registration"})
    return h.dialog(MatchDialog, "the registration form")


def read_card(h: DemoDesk, dialog: MatchDialog) -> None:
    """The patient types the 券面事項入力補助 PIN; the card's name, address, birth date and sex come in."""
    h.qtbot.mouseClick(dialog.basic_four_button, Qt.MouseButton.LeftButton)
    pad = dialog.findChildren(PatientPinDialog)[-1]
    type_pin(h.qtbot, pad.keypad, DEMO_PIN)
    h.wait_until(lambda: "読み取りました" in dialog.basic_four_status.text(), what="the card's data in the form")


def register_anyway(h: DemoDesk, dialog: MatchDialog) -> None:
    """Register; the staff answer the duplicate question (the card holder has charts) with "another person"."""
    h.qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    h.wait_until(lambda: h.desk.duplicate_question is not None, what="the duplicate question")
    box = h.desk.duplicate_question
    h.qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "別の方として新規登録"), Qt.MouseButton.LeftButton)


def card_holder(h: DemoDesk) -> Holder:
    return h.services.backend.card_in(None).profile.holder


def test_offline_the_form_starts_empty_without_default_birth_date(qtbot, demo_desk):
    dialog = offline_registration_form(demo_desk)
    assert dialog.form.birth_date.text() == ""


def test_offline_the_form_starts_without_default_sex(qtbot, demo_desk):
    dialog = offline_registration_form(demo_desk)
    assert dialog.form.sex.currentText() == "（選んでください）"


def test_offline_the_form_does_not_claim_to_be_filled_from_a_result(qtbot, demo_desk):
    dialog = offline_registration_form(demo_desk)
    assert "資格確認の結果なし" in dialog.form_page.findChild(type(dialog.form_page.children()[1])).title()


def test_the_card_fills_name_birth_date_sex_and_address(qtbot, demo_desk):
    h = demo_desk
    dialog = offline_registration_form(h, "gaiji-name")
    read_card(h, dialog)
    holder = card_holder(h)
    form = dialog.form.value()
    assert (form.name, form.birth_date, form.sex, form.address) == (
        holder.name, holder.birth_date, "2", holder.address)  # 齋藤 恵: female (Sex1 2)


def test_offline_registration_does_not_link_the_card_unless_the_staff_compared_it(qtbot, demo_desk):
    h = demo_desk
    dialog = offline_registration_form(h, "gaiji-name")
    read_card(h, dialog)
    dialog.form.kana.setText("さいとう　めぐみ")
    assert dialog.link_card.isVisible() and not dialog.link_card.isChecked()
    register_anyway(h, dialog)
    view = h.until({"completed"})
    link = h.services.store.current_link(view.patient.patient_id)
    assert link is None or link.cert_subject is None


def test_offline_registration_links_the_card_when_the_staff_say_they_compared_it(qtbot, demo_desk):
    h = demo_desk
    dialog = offline_registration_form(h, "gaiji-name")
    read_card(h, dialog)
    dialog.form.kana.setText("さいとう　めぐみ")
    dialog.link_card.setChecked(True)
    register_anyway(h, dialog)
    view = h.until({"completed"})
    link = h.services.store.current_link(view.patient.patient_id)
    assert link is not None and link.cert_subject


def test_kana_typed_in_hiragana_is_stored_in_katakana(qtbot, demo_desk):
    h = demo_desk
    dialog = offline_registration_form(h, "gaiji-name")
    read_card(h, dialog)
    dialog.form.kana.setText("さいとう　ﾒｸﾞﾐ")
    register_anyway(h, dialog)
    view = h.until({"completed"})
    assert h.services.store.get_patient(view.patient.patient_id).kana == "サイトウ　メグミ"


def test_the_birth_date_is_read_from_a_short_wareki_entry(qtbot, demo_desk):
    dialog = offline_registration_form(demo_desk)
    qtbot.keyClicks(dialog.form.birth_date, "S630309")
    assert dialog.form.birth_date_shown.text() == "昭和63年（1988年）3月9日"


def test_typing_over_the_birth_date_replaces_it(qtbot, demo_desk):
    h = demo_desk
    dialog = offline_registration_form(h, "gaiji-name")
    read_card(h, dialog)
    dialog.form.birth_date.selectAll()
    qtbot.keyClicks(dialog.form.birth_date, "H1.1.8")
    assert dialog.form.birth_date_shown.text() == "平成元年（1989年）1月8日"


def test_validation_messages_are_in_japanese(qtbot, demo_desk):
    h = demo_desk
    dialog = offline_registration_form(h)
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert dialog.form.problems.text().splitlines() == [
        "氏名を入力してください。", "カナ氏名を入力してください。",
        "生年月日を入力してください（S63.3.9、S630309、1988/3/9 など）。", "性別を選んでください。",
    ]


def fill_as_saito(dialog: MatchDialog) -> None:
    """The staff type a person who already has a chart (the demo's 齋藤 恵, born 1983-05-05)."""
    dialog.form.name.setText("齋藤　恵")
    dialog.form.kana.setText("さいとう　めぐみ")
    dialog.form.birth_date.setText("S58.5.5")
    dialog.form.sex.setCurrentIndex(dialog.form.sex.findData("2"))


def test_a_likely_duplicate_is_shown_before_registering(qtbot, demo_desk):
    h = demo_desk
    dialog = offline_registration_form(h)
    fill_as_saito(dialog)
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    h.wait_until(lambda: h.desk.duplicate_question is not None, what="the duplicate question")
    assert h.services.seeded["saito1"] in h.desk.duplicate_question.text()


def test_going_back_from_the_duplicate_question_registers_nothing(qtbot, demo_desk):
    h = demo_desk
    dialog = offline_registration_form(h)
    fill_as_saito(dialog)
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    h.wait_until(lambda: h.desk.duplicate_question is not None, what="the duplicate question")
    box = h.desk.duplicate_question
    back = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert str(h.view.state) == "awaiting_registration" and h.visits_today() == []


def test_registering_anyway_after_the_duplicate_question(qtbot, demo_desk):
    h = demo_desk
    dialog = offline_registration_form(h)
    fill_as_saito(dialog)
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    h.wait_until(lambda: h.desk.duplicate_question is not None, what="the duplicate question")
    box = h.desk.duplicate_question
    anyway = next(b for b in box.buttons() if b.text() == "別の方として新規登録")
    qtbot.mouseClick(anyway, Qt.MouseButton.LeftButton)
    view = h.until({"completed"})
    assert view.patient.patient_id not in (h.services.seeded["saito1"], h.services.seeded["saito2"])
