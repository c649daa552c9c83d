"""The kiosk on screen: furigana, the PIN keypad with tries and the refusal at one try, the timeout that wipes,
the staff credential needed to leave, and Japanese/English together."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from reception_app.ui.kiosk import texts as T
from reception_app.ui.kiosk.window import KioskWindow
from reception_app.ui.staff_dialog import StaffLoginDialog
from reception_app.ui.widgets.furigana import FuriganaLabel, RubySegment, parse_ruby, plain_text
from tests.qt.ui_helpers import wait_until

STAFF = ("kiosk-admin", "correct horse")


def verifier(user: str, password: str) -> bool:
    return (user, password) == STAFF


def make_kiosk(qtbot, **kwargs) -> KioskWindow:
    kwargs.setdefault("countdown_s", 0.2)  # the countdown's own test sets it long
    window = KioskWindow(verifier, **kwargs)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def test_parse_ruby_markup():
    assert parse_ruby("受付[うけつけ]をします") == [RubySegment("受付", "うけつけ"), RubySegment("をします")]
    assert parse_ruby("お{今日|きょう}は") == [RubySegment("お"), RubySegment("今日", "きょう"), RubySegment("は")]
    assert plain_text("暗証番号[あんしょうばんごう]を入力[にゅうりょく]") == "暗証番号を入力"
    assert parse_ruby("no ruby [here]") == [RubySegment("no ruby [here]")]


def test_furigana_label_reserves_room_for_readings(qtbot):
    plain = FuriganaLabel("受付します", point_size=20)
    ruby = FuriganaLabel("受付[うけつけ]します", point_size=20)
    qtbot.addWidget(plain)
    qtbot.addWidget(ruby)
    assert ruby.heightForWidth(600) > plain.heightForWidth(600)
    assert ruby.text() == "受付します" and ruby.accessibleName() == "受付します"
    # narrow: the text wraps onto more lines rather than being cut off
    assert ruby.heightForWidth(90) > ruby.heightForWidth(600)


def test_kiosk_shows_japanese_with_furigana_and_english(qtbot, ui_lang):
    kiosk = make_kiosk(qtbot, language="ja")
    title = kiosk.screens["welcome"].title
    assert "[" in title.markup() and "読取機" in title.text()  # furigana markup from the .ts
    assert kiosk.screens["welcome"].secondary.text() == T.WELCOME  # English below
    kiosk.set_language("en")
    assert kiosk.screens["welcome"].title.text() == T.WELCOME
    assert "マイナンバーカード" in kiosk.screens["welcome"].secondary.text()
    kiosk.unlock("test")


def test_keypad_masks_digits_and_hands_over_the_pin_once(qtbot, ui_lang):
    kiosk = make_kiosk(qtbot)
    kiosk.show_pin(3)
    assert kiosk.current_screen() == "pin"
    assert "3" in kiosk.tries_label.text() and "残り回数" in kiosk.tries_label.text()
    got: list[str] = []
    kiosk.pin_entered.connect(got.append)
    for key in "123":
        qtbot.mouseClick(kiosk.keypad.buttons[key], Qt.MouseButton.LeftButton)
    assert not kiosk.keypad.buttons["ok"].isEnabled()
    assert kiosk.keypad.dots.text().count("●") == 3 and "1" not in kiosk.keypad.dots.text()
    qtbot.mouseClick(kiosk.keypad.buttons["4"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.keypad.buttons["5"], Qt.MouseButton.LeftButton)  # a fifth digit is ignored
    qtbot.mouseClick(kiosk.keypad.buttons["ok"], Qt.MouseButton.LeftButton)
    assert got == ["1234"]
    assert kiosk.keypad.length == 0  # wiped after handing over
    # the physical keys (a テンキー) work too
    kiosk.keypad.setFocus()
    qtbot.keyClicks(kiosk.keypad, "9876")
    qtbot.keyClick(kiosk.keypad, Qt.Key.Key_Return)
    assert got == ["1234", "9876"]
    kiosk.unlock("test")


def test_one_try_left_asks_first_and_offers_the_staff(qtbot, ui_lang):
    kiosk = make_kiosk(qtbot)
    kiosk.show_pin(1)
    assert kiosk.current_screen() == "last_try"
    texts = " ".join(kiosk.visible_texts())
    assert "残りは1回" in texts and "Only one try is left" in texts
    asked: list[bool] = []
    kiosk.staff_help_requested.connect(lambda: asked.append(True))
    qtbot.mouseClick(kiosk.last_try_staff, Qt.MouseButton.LeftButton)
    assert asked == [True] and kiosk.current_screen() == "staff_called"  # the desk is told; the place is kept
    qtbot.mouseClick(kiosk.staff_called_continue, Qt.MouseButton.LeftButton)
    assert kiosk.current_screen() == "last_try"
    # the other choice leads to the keypad, still showing the single try
    kiosk.show_pin(1)
    qtbot.mouseClick(kiosk.last_try_enter, Qt.MouseButton.LeftButton)
    assert kiosk.current_screen() == "pin" and "1" in kiosk.tries_label.text()
    kiosk.unlock("test")


def test_blocked_pin_is_refused_with_ask_the_staff(qtbot, ui_lang):
    kiosk = make_kiosk(qtbot)
    kiosk.show_pin(0)
    assert kiosk.current_screen() == "ask_staff" and kiosk.reason == "pin_blocked"
    assert not kiosk.keypad.isVisible()
    assert any("ロック" in t for t in kiosk.visible_texts())
    kiosk.unlock("test")


def test_face_buttons_only_when_offered_and_the_face_wait_has_its_own_limit(qtbot, ui_lang):
    kiosk = make_kiosk(qtbot, idle_timeout_s=60)
    kiosk.show_pin(3)
    assert not kiosk.pin_face_button.isVisible()  # not offered: PIN or staff only
    kiosk.show_pin(3, face_offered=True)
    assert kiosk.pin_face_button.isVisible() and "顔認証で確認する" in kiosk.pin_face_button.text()
    assert "Use face recognition instead" in kiosk.pin_face_button.text()
    kiosk.show_pin(1, face_offered=True)
    assert kiosk.current_screen() == "last_try" and kiosk.last_try_face.isVisible()
    kiosk.show_pin(0, face_offered=True)  # locked, but the card identified the chart: the face reader is offered
    assert kiosk.current_screen() == "pin_blocked" and kiosk.blocked_face.isVisible()
    texts = " ".join(kiosk.visible_texts())
    assert "暗証番号がロックされています" in texts and "市区町村" in texts and "city office" in texts
    requested: list[bool] = []
    kiosk.face_requested.connect(lambda: requested.append(True))
    qtbot.mouseClick(kiosk.blocked_face, Qt.MouseButton.LeftButton)
    assert requested == [True]
    # the face screen: one step, furigana, both languages; the idle timer does not cut the wait short
    kiosk.set_idle_timeout(0.1)
    kiosk.set_face_wait_timeout(0.6)
    timed_out: list[str] = []
    kiosk.timed_out.connect(lambda: timed_out.append("idle"))
    kiosk.face_wait_timed_out.connect(lambda: timed_out.append("face"))
    kiosk.show_face_wait()
    title = kiosk.screens["face"].title
    assert "[" in title.markup() and "顔認証付きカードリーダー" in title.text()
    assert "face-recognition card reader" in kiosk.screens["face"].secondary.text()
    screens: list[str] = []
    wait_until(qtbot, lambda: screens.append(kiosk.current_screen()) or kiosk.current_screen() != "face", 5,
               "the face wait")
    assert set(screens) == {"face", "ask_staff"} and timed_out == ["face"] and kiosk.reason == "face_timeout"
    assert any("顔認証が時間内に終わりませんでした" in t for t in kiosk.visible_texts())
    wait_until(qtbot, lambda: kiosk.current_screen() == "welcome", 5, "the idle timeout after the face wait")
    assert timed_out == ["face", "idle"]
    kiosk.unlock("test")


def test_idle_timeout_wipes_back_to_the_start(qtbot, ui_lang):
    kiosk = make_kiosk(qtbot, idle_timeout_s=60)
    kiosk.set_idle_timeout(0.3)
    kiosk.show_done(7, "佐藤　美咲")
    assert "佐藤　美咲" in " ".join(kiosk.visible_texts())
    timed_out: list[bool] = []
    kiosk.timed_out.connect(lambda: timed_out.append(True))
    kiosk.show_pin(3)
    qtbot.mouseClick(kiosk.keypad.buttons["5"], Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: kiosk.current_screen() == "welcome", 5, "the timeout")
    assert timed_out == [True]
    assert kiosk.keypad.length == 0 and kiosk.tries_left == 0
    assert not any("佐藤" in t or "007" in t for t in kiosk.visible_texts())
    kiosk.unlock("test")


def test_kiosk_cannot_be_closed_without_a_staff_credential(qtbot, ui_lang):
    kiosk = make_kiosk(qtbot)
    kiosk.close()
    assert kiosk.isVisible() and not kiosk.unlocked  # Alt+F4 / close does nothing

    def answer(user: str, password: str) -> None:
        dialog = QApplication.activeModalWidget()  # the login the kiosk shows on top of itself
        assert isinstance(dialog, StaffLoginDialog) and dialog.isVisible()
        dialog.user.setText(user)
        dialog.password.setText(password)
        dialog.try_login()
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(50, lambda: answer("kiosk-admin", "wrong"))
    assert kiosk.request_staff_exit() is False
    assert kiosk.isVisible() and not kiosk.unlocked

    QTimer.singleShot(50, lambda: answer(*STAFF))
    exits: list[str] = []
    kiosk.exit_granted.connect(exits.append)
    assert kiosk.request_staff_exit() is True
    assert exits == ["kiosk-admin"] and kiosk.unlocked and not kiosk.isVisible()


def test_hidden_corner_opens_the_staff_login_only_after_five_taps(qtbot, ui_lang, monkeypatch):
    kiosk = make_kiosk(qtbot)
    opened: list[bool] = []
    monkeypatch.setattr(kiosk, "request_staff_exit", lambda: opened.append(True) or False)
    for _ in range(4):
        qtbot.mouseClick(kiosk.staff_corner, Qt.MouseButton.LeftButton)
    assert opened == []
    qtbot.mouseClick(kiosk.staff_corner, Qt.MouseButton.LeftButton)
    assert opened == [True]
    kiosk.unlock("test")


def test_no_staff_accounts_means_no_way_out(qtbot, ui_lang):
    kiosk = KioskWindow(None)
    qtbot.addWidget(kiosk)
    kiosk.show()
    dialog = kiosk.make_staff_dialog()
    assert not dialog.buttons.buttons()[0].isEnabled() or "職員アカウント" in dialog.message.text()
    dialog.user.setText("anyone")
    dialog.password.setText("anything")
    dialog.try_login()
    assert dialog.staff_user is None
    kiosk.close()
    assert kiosk.isVisible()
    kiosk.unlock("test")


JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff々]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
INTERNAL_KEY = re.compile(r"\b[a-z]+_[a-z_]+\b")


def every_screen(kiosk: KioskWindow) -> Iterator[str]:
    """Shows each patient screen in turn (as the controller would), yielding its name."""
    steps = [
        ("welcome", kiosk.show_welcome), ("reading", kiosk.show_reading), ("consent_medical", kiosk.ask_consents),
        ("consent_checkup", lambda: kiosk.consent_agree["medical"].click()),
        ("pin", lambda: kiosk.show_pin(3, True)), ("pin", lambda: kiosk.show_pin(2, True, wrong_pin=True)),
        ("last_try", lambda: kiosk.show_pin(1, True, wrong_pin=True)), ("pin_blocked", kiosk.show_pin_blocked),
        ("face", kiosk.show_face_wait), ("checking", kiosk.show_checking),
        ("done", lambda: kiosk.show_done(12, "高橋　キヨ", "タカハシ　キヨ")),
        ("staff_called", lambda: kiosk.pin_help_button.click()), ("card_back", kiosk.show_card_back),
    ]
    steps += [("ask_staff", lambda r=reason: kiosk.show_ask_staff(r)) for reason in T.REASONS]
    for name, show in steps:
        if name == "staff_called":
            kiosk.show_pin(3)
        show()
        assert kiosk.current_screen() == name
        yield name
    kiosk.set_card_present(True)
    kiosk.show_welcome()
    assert kiosk.current_screen() == "take_card"
    yield "take_card"
    kiosk.set_idle_countdown(5)
    kiosk.set_idle_timeout(5.01)
    kiosk.show_pin(3)
    wait_until(kiosk_qtbot[0], lambda: kiosk.counting_down, 5, "the countdown")
    yield "countdown"


kiosk_qtbot: list[Any] = []


def test_every_japanese_line_has_furigana_and_no_english_key_or_iso_date(qtbot, ui_lang):
    kiosk_qtbot[:] = [qtbot]
    problems: set[str] = set()
    for lang in ("ja", "en"):
        kiosk = make_kiosk(qtbot, language=lang)
        kiosk.set_language(lang)
        for screen in every_screen(kiosk):
            for markup in kiosk.visible_markup():
                for line in re.split(r"\n|   /   ", markup):  # each language's line (below, or beside)
                    own_text = "".join(seg.base for seg in parse_ruby(line) if not seg.ruby)  # not the name
                    if not JAPANESE.search(own_text) or line == T.BTN_LANGUAGE:
                        continue
                    for segment in parse_ruby(line):
                        if not segment.ruby and KANJI.search(segment.base):
                            problems.add(f"{lang}/{screen}: no furigana on {segment.base!r} in {line!r}")
                    if ENGLISH_WORD.search(plain_text(line)):
                        problems.add(f"{lang}/{screen}: an English word in {line!r}")
            for text in kiosk.visible_texts():
                if ISO_DATE.search(text) or INTERNAL_KEY.search(text):
                    problems.add(f"{lang}/{screen}: {text!r}")
        kiosk.unlock("test")
    assert sorted(problems) == [], "\n".join(sorted(problems))


def test_cancel_and_call_the_staff_on_every_step(qtbot, ui_lang):
    kiosk = make_kiosk(qtbot)
    asked: list[str] = []
    kiosk.cancel_requested.connect(lambda: asked.append("cancel"))
    for show, name in [(kiosk.show_reading, "reading"), (kiosk.ask_consents, "consent_medical"),
                       (lambda: kiosk.show_pin(3), "pin"), (lambda: kiosk.show_pin(1), "last_try"),
                       (kiosk.show_pin_blocked, "pin_blocked"), (kiosk.show_face_wait, "face"),
                       (kiosk.show_checking, "checking"), (kiosk.show_card_back, "card_back")]:
        show()
        buttons = [b for b in kiosk.screens[name].findChildren(QPushButton) if b.isVisibleTo(kiosk)]
        stop = [b for b in buttons if b.text().startswith("やめる")]
        assert len(stop) == 1, name
        if name not in ("reading", "checking"):
            assert any(b.text().startswith("職員を呼ぶ") for b in buttons), name
        qtbot.mouseClick(stop[0], Qt.MouseButton.LeftButton)
        assert kiosk.current_screen() == "welcome"
    assert len(asked) == 8
    kiosk.unlock("test")
