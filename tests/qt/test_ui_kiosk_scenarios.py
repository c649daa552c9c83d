"""The kiosk over the real stack (acceptance 1 on the kiosk, and 4): a patient checks in alone; anything unusual
ends in "please ask the staff"; at no moment does the screen show an internal ID, an insurance number, raw XML or
anyone's data but the current patient's own name after check-in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reception_app.card.constants import JpkiFile
from reception_app.connect.simulator.profiles import default_profiles
from reception_app.ui.kiosk.window import KioskWindow
from tests.qt.ui_helpers import DEMO_PIN, forbidden_on_kiosk, type_pin, wait_until


class KioskRig:
    def __init__(self, qtbot: QtBot, session: Any, window: KioskWindow) -> None:
        self.qtbot = qtbot
        self.session = session
        self.window = window
        self.services = session.services
        self.driver = session.kiosk_controller.driver
        self.seen: list[list[str]] = []
        self.driver.view_changed.connect(lambda _view: self.seen.append(window.visible_texts()))

    def texts(self) -> list[str]:
        return self.window.visible_texts()

    def type_pin(self, pin: str) -> None:
        type_pin(self.qtbot, self.window.keypad, pin)

    def wait_until(self, condition: Callable[[], object], timeout: float = 20.0,
                   what: str | Callable[[], str] = "condition") -> None:
        wait_until(self.qtbot, condition, timeout, what)

    def screen_is(self, name: str, timeout: float = 20.0) -> None:
        self.wait_until(lambda: self.window.current_screen() == name, timeout,
                        lambda: f"the kiosk screen {name!r} (now {self.window.current_screen()!r}, state "
                                f"{self.driver.view.state if self.driver.view else None})")

    def consent(self, medical: bool = True, checkups: bool = True) -> None:
        """The patient answers the two consent screens (診療・薬剤情報, then 特定健診)."""
        self.screen_is("consent_medical")
        buttons = self.window.consent_agree if medical else self.window.consent_disagree
        self.qtbot.mouseClick(buttons["medical"], Qt.MouseButton.LeftButton)
        self.screen_is("consent_checkup")
        buttons = self.window.consent_agree if checkups else self.window.consent_disagree
        self.qtbot.mouseClick(buttons["checkup"], Qt.MouseButton.LeftButton)

    def visits(self) -> list[Any]:
        return list(self.services.store.queue(self.services.clock().date()))

    def secrets(self, profile: str) -> list[str]:
        """Everything about this person and the clinic's records that must never be on the patient's screen."""
        out = list(self.services.seeded.values())  # every patient ID
        oqs = default_profiles().get(profile)
        for record in oqs.insurance():
            out += [record.insurer_number or "", record.symbol or "", record.number or ""]
        from reception_app.card.virtual.pki import opaque_subject_id

        out.append(opaque_subject_id(profile))
        return [s for s in out if s and len(s) >= 2]


@pytest.fixture()
def kiosk(qtbot: QtBot, ui_lang, tmp_path: Path, app_data_dir: Path) -> Iterator[KioskRig]:
    from reception_app.compose.session import AppSession
    from reception_app.config import SiteConfig

    session = AppSession(SiteConfig(kiosk_idle_timeout_s=70, kiosk_face_wait_s=45), ui_lang, demo=True,
                         data_dir=tmp_path / "demo")
    session.start()
    window = session.open_kiosk()
    window.resize(1280, 800)
    window.show()
    rig = KioskRig(qtbot, session, window)
    try:
        yield rig
    finally:
        view = rig.driver.view
        if view is not None and not view.ended:
            rig.driver.cancel()
            rig.wait_until(lambda: rig.driver.view.ended, what="the session to end")
        window.unlock("test")
        session.stop()


def assert_clean(rig: KioskRig, profile: str) -> None:
    for texts in [*rig.seen, rig.texts()]:
        assert forbidden_on_kiosk(texts, rig.secrets(profile)) == []


def test_returning_patient_checks_in_alone(kiosk: KioskRig):
    pid = kiosk.services.seeded["seishin"]
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    assert "3" in kiosk.window.tries_label.text()
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("done")
    texts = " ".join(kiosk.texts())
    assert "001" in texts and "佐藤" in texts  # the queue number and the patient's own name only
    visits = kiosk.visits()
    assert [(v.patient_id, v.channel) for v in visits] == [(pid, "kiosk")]
    who = [r.details.get("staff_user") for r in kiosk.services.store.audit_records(limit=10_000)
           if r.action == "reception.check_in"]
    assert who == ["kiosk:kiosk-1"]  # the audit log names the kiosk that checked the patient in
    assert_clean(kiosk, "adult-seishin-21")


def test_wrong_pin_says_so_in_words_with_the_tries_left(kiosk: KioskRig):
    kiosk.services.insert_card("adult-nanbyo-54")
    kiosk.consent()
    kiosk.screen_is("pin")
    assert not kiosk.window.wrong_pin_shown
    kiosk.type_pin("9999")
    kiosk.wait_until(lambda: kiosk.window.current_screen() == "pin" and "2" in kiosk.window.tries_label.text(),
                     what="two tries left on the keypad screen")
    texts = " ".join(kiosk.texts())
    assert "暗証番号が違います。もう一度入力してください" in texts
    assert "The PIN is not correct. Please enter it again." in texts
    assert "残り回数: 2回" in texts
    assert "残[のこ]り回数[かいすう]" in kiosk.window.tries_label.markup()
    assert kiosk.visits() == []
    kiosk.type_pin(DEMO_PIN)  # the right one: checked in, and the message is gone
    kiosk.screen_is("done")
    assert not any("暗証番号が違います" in t for t in kiosk.texts())
    assert_clean(kiosk, "adult-nanbyo-54")


def test_the_consent_answers_travel_in_the_gateway_query(kiosk: KioskRig):
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.screen_is("consent_medical")
    texts = " ".join(kiosk.texts())
    assert "過去の診療とお薬の情報を、この医療機関に提供しますか" in texts and "I agree" in texts
    kiosk.consent(medical=True, checkups=False)
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("done")
    sent = kiosk.services.simulator.backend.consents[-1]
    assert (sent.medication_info, sent.diagnosis_info, sent.operation_info) == (True, True, True)
    assert sent.health_checkup_info is False
    assert len(kiosk.visits()) == 1


def test_no_consent_is_given_unless_the_patient_agrees(kiosk: KioskRig):
    kiosk.services.insert_card("adult-nanbyo-54")
    kiosk.consent(medical=False, checkups=False)
    kiosk.screen_is("pin")
    kiosk.type_pin("9999")  # a wrong PIN: the answers are kept, not asked again
    kiosk.wait_until(lambda: kiosk.window.wrong_pin_shown, what="the wrong-PIN message")
    assert kiosk.window.current_screen() == "pin"
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("done")
    sent = kiosk.services.simulator.backend.consents[-1]
    assert (sent.medication_info, sent.diagnosis_info, sent.health_checkup_info) == (False, False, False)


def test_cancel_on_the_consent_and_pin_screens_ends_the_check_in(kiosk: KioskRig):
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.screen_is("consent_medical")
    stop = [b for b in kiosk.window.screens["consent_medical"].findChildren(QPushButton)
            if b.isVisible() and "やめる" in b.text()]
    assert len(stop) == 1
    stop[0].click()
    kiosk.wait_until(lambda: str(kiosk.driver.view.state) == "cancelled", what="the check-in cancelled")
    kiosk.screen_is("take_card")  # the card is still there: take it, rather than "place your card"
    assert "カードをお取りください" in " ".join(kiosk.texts())
    kiosk.services.remove_card()
    kiosk.screen_is("welcome")
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    assert "やめる" in kiosk.window.pin_stop_button.text() and "Cancel" in kiosk.window.pin_stop_button.text()
    kiosk.qtbot.mouseClick(kiosk.window.pin_stop_button, Qt.MouseButton.LeftButton)
    kiosk.wait_until(lambda: str(kiosk.driver.view.state) == "cancelled", what="the check-in cancelled")
    kiosk.screen_is("take_card")
    assert kiosk.visits() == []


def test_the_idle_countdown_shows_the_seconds_and_a_touch_goes_on(kiosk: KioskRig):
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.window.set_idle_countdown(10)
    kiosk.window.set_idle_timeout(10.2)  # 0.2 s quiet, then the 10-second countdown
    kiosk.wait_until(lambda: kiosk.window.counting_down, 5, "the countdown")
    assert kiosk.window.seconds_left() in (9, 10)
    texts = " ".join(kiosk.texts())
    assert "最初の画面に戻ります" in texts and "seconds" in texts
    assert any(f"あと{n}秒" in texts for n in (9, 10))
    kiosk.qtbot.mouseClick(kiosk.window.countdown_continue, Qt.MouseButton.LeftButton)  # 「続ける」
    assert not kiosk.window.counting_down and kiosk.window.current_screen() == "pin"
    assert str(kiosk.driver.view.state) == "awaiting_pin"  # the check-in is still there
    kiosk.window.set_idle_countdown(0.3)
    kiosk.window.set_idle_timeout(0.4)
    kiosk.screen_is("take_card", 5)
    kiosk.wait_until(lambda: str(kiosk.driver.view.state) == "timed_out", what="the session to time out")
    kiosk.services.remove_card()
    kiosk.screen_is("welcome")


def test_the_done_screen_leaves_as_soon_as_the_card_is_lifted(kiosk: KioskRig):
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("done")
    assert "佐藤" in " ".join(kiosk.texts())
    assert any("{" in m and "|" in m for m in kiosk.window.visible_markup())  # the name with its reading
    kiosk.services.remove_card()
    kiosk.screen_is("welcome", 5)
    assert not any("佐藤" in t or "001" in t for t in kiosk.texts())


def test_the_done_screen_leaves_after_a_few_seconds_and_asks_for_the_card(kiosk: KioskRig):
    kiosk.window.set_done_return(0.4)
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("done")
    kiosk.screen_is("take_card", 5)
    texts = " ".join(kiosk.texts())
    assert "カードをお取りください" in texts and "Please take your card." in texts
    assert "佐藤" not in texts and "001" not in texts


def test_a_card_pulled_at_the_pin_screen_asks_to_put_it_back(kiosk: KioskRig):
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.services.remove_card()
    kiosk.screen_is("card_back")
    texts = " ".join(kiosk.texts())
    assert "もう一度カードを置いてください" in texts and "Please place it on the reader again." in texts
    assert str(kiosk.driver.view.state) == "card_removed" and kiosk.visits() == []
    kiosk.services.insert_card("adult-seishin-21")  # put back: a new check-in starts
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("done")
    assert [v.patient_id for v in kiosk.visits()] == [kiosk.services.seeded["seishin"]]


def test_blocked_pin_sends_the_patient_to_the_staff(kiosk: KioskRig):
    kiosk.services.insert_card("pin-blocked")
    kiosk.screen_is("ask_staff")
    assert kiosk.window.reason == "pin_blocked"
    assert kiosk.visits() == []
    assert_clean(kiosk, "pin-blocked")


def test_one_try_left_is_refused_without_confirmation(kiosk: KioskRig):
    kiosk.services.insert_card("pin-one-try-left")
    kiosk.consent()
    kiosk.screen_is("last_try")
    card = kiosk.services.backend.card_in(None)
    kiosk.window.last_try_staff.click()  # the patient calls the staff: nothing spent, the place kept
    kiosk.screen_is("staff_called")
    assert str(kiosk.driver.view.state) == "awaiting_pin" and not kiosk.driver.view.ended
    assert card.tries_left("jpki", JpkiFile.AUTH_PIN) == 1
    assert kiosk.visits() == []
    assert_clean(kiosk, "pin-one-try-left")


def test_one_try_left_confirmed_then_checked_in(kiosk: KioskRig):
    kiosk.services.insert_card("pin-one-try-left")
    kiosk.consent()
    kiosk.screen_is("last_try")
    kiosk.window.last_try_enter.click()
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("done")
    assert [v.patient_id for v in kiosk.visits()] == [kiosk.services.seeded["onetry"]]


def test_two_candidates_never_show_on_the_kiosk(kiosk: KioskRig):
    kiosk.services.insert_card("gaiji-name")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("ask_staff")
    assert kiosk.window.reason == "needs_staff_choice"
    kiosk.wait_until(lambda: kiosk.driver.view.ended, what="the kiosk session to end")
    joined = " ".join(t for texts in kiosk.seen for t in texts)
    assert "齋藤" not in joined and "斎藤" not in joined and "●" not in joined  # no candidate, no raw name
    assert kiosk.visits() == []
    assert_clean(kiosk, "gaiji-name")


def test_a_new_patient_is_sent_to_the_desk(kiosk: KioskRig):
    kiosk.services.insert_card("iphone-token")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("ask_staff")
    assert kiosk.window.reason == "needs_registration"
    assert kiosk.visits() == []
    assert_clean(kiosk, "iphone-token")


def test_card_pulled_mid_read_asks_the_staff_or_restarts(kiosk: KioskRig):
    card = kiosk.services.insert_card("adult-seishin-21")
    card.faults.pull_after_apdus = 3
    kiosk.wait_until(lambda: kiosk.driver.view is not None and kiosk.driver.view.ended, what="the pulled card")
    kiosk.screen_is("card_back")  # 「もう一度カードを置いてください」, not a trip to the desk
    assert kiosk.visits() == []
    assert_clean(kiosk, "adult-seishin-21")


def test_timeout_ends_the_session_and_wipes_the_screen(kiosk: KioskRig):
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.qtbot.mouseClick(kiosk.window.keypad.buttons["1"], Qt.MouseButton.LeftButton)
    kiosk.window.set_idle_countdown(0.2)
    kiosk.window.set_idle_timeout(0.3)
    kiosk.screen_is("take_card", 5)  # wiped; the card is still on the reader: 「カードをお取りください」
    kiosk.wait_until(lambda: str(kiosk.driver.view.state) == "timed_out", what="the session to time out")
    assert kiosk.window.keypad.length == 0 and kiosk.visits() == []


def test_demo_kiosk_is_driven_from_the_qa_window(kiosk: KioskRig, qtbot):
    qa = kiosk.session.open_qa_window()
    assert qa is not None
    qtbot.addWidget(qa)
    qa.profile.setCurrentIndex(qa.profile.findData("adult-seishin-21"))
    qa.insert_card()
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.wait_until(lambda: any("A4" in line for line in qa.trace_lines()), what="the APDU trace")
    # headers and status words only: no command data, so nothing of a PIN or a file's content
    assert all(len(line.split("→")[0].split()) <= 8 for line in qa.trace_lines())
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("done")
    assert any(" 20 " in line for line in qa.trace_lines())  # the VERIFY is traced, its PIN is not
    assert not any(DEMO_PIN in line.split("→")[0] for line in qa.trace_lines())


def test_returning_patient_by_insurance_key(kiosk: KioskRig):
    kiosk.services.insert_card("adult-nanbyo-54")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("done")
    assert [v.patient_id for v in kiosk.visits()] == [kiosk.services.seeded["nanbyo"]]
    assert_clean(kiosk, "adult-nanbyo-54")


def test_invalid_qualification_goes_to_the_desk(kiosk: KioskRig):
    kiosk.services.insert_card("lost-qualification")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("ask_staff")
    assert kiosk.window.reason == "qualification_invalid"
    assert kiosk.visits() == []
    assert_clean(kiosk, "lost-qualification")


def test_insurance_change_goes_to_the_desk(kiosk: KioskRig):
    kiosk.services.insert_card("insurance-change")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("ask_staff")
    assert kiosk.window.reason == "needs_staff_choice"
    kiosk.wait_until(lambda: kiosk.driver.view.ended, what="the kiosk session to end")
    assert kiosk.visits() == []  # the relink waits for a member of staff
    assert_clean(kiosk, "insurance-change")


def test_gateway_down_goes_to_the_desk(kiosk: KioskRig):
    kiosk.services.set_gateway_down(True)
    kiosk.services.set_terminal_down(True)
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("ask_staff")
    assert kiosk.window.reason == "offline"
    assert any("保険の確認ができません" in t for t in kiosk.texts())
    assert kiosk.visits() == []
    assert_clean(kiosk, "adult-seishin-21")


# --- the face reader instead of the PIN (only for a chart the card identified) ------------------------------------

def choose_face(rig: KioskRig, button: Any) -> None:
    assert button.isVisible() and "顔認証で確認する" in button.text()
    button.click()
    rig.screen_is("face")
    rig.wait_until(lambda: str(rig.driver.view.state) == "awaiting_face_result", what="the session to wait for a face")
    texts = " ".join(rig.texts())
    assert "顔認証付きカードリーダー" in texts and "face-recognition card reader" in texts


def snapshot_sources(rig: KioskRig, *keys: str) -> list[Any]:
    store = rig.services.store
    return [s.source if (s := store.latest_snapshot_for_patient(rig.services.seeded[k], "test")) else None
            for k in keys]


def test_card_then_face_reader_instead_of_the_pin(kiosk: KioskRig):
    pid = kiosk.services.seeded["seishin"]
    kiosk.services.insert_card("adult-seishin-21")  # linked to the chart: the card identified the patient
    kiosk.consent()
    kiosk.screen_is("pin")
    choose_face(kiosk, kiosk.window.pin_face_button)
    kiosk.services.remove_card()  # the patient takes the card to the face reader: the kiosk keeps waiting
    kiosk.wait_until(lambda: "card_removed_after_read" in kiosk.driver.view.warnings, what="the card taken")
    assert kiosk.window.current_screen() == "face" and str(kiosk.driver.view.state) == "awaiting_face_result"
    kiosk.services.face_reader("adult-seishin-21")  # the simulated face reader writes the result for that person
    kiosk.screen_is("done")
    texts = " ".join(kiosk.texts())
    assert "001" in texts and "佐藤" in texts
    assert [(v.patient_id, v.channel) for v in kiosk.visits()] == [(pid, "kiosk")]
    assert snapshot_sources(kiosk, "seishin") == ["face"]
    assert kiosk.services.face_router.held == []
    assert kiosk.driver.view.matched_by and kiosk.driver.view.state == "completed"
    assert_clean(kiosk, "adult-seishin-21")


def test_a_face_result_for_someone_else_never_lands_on_the_kiosk(kiosk: KioskRig):
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    choose_face(kiosk, kiosk.window.pin_face_button)
    before = snapshot_sources(kiosk, "seishin", "nanbyo")
    kiosk.services.face_reader("adult-nanbyo-54")  # another patient at the face reader meanwhile
    router = kiosk.services.face_router
    kiosk.wait_until(lambda: len(router.held) == 1, what="the other patient's result held for the staff")
    assert router.held[0].reason == "no_open_session"  # this session did not accept it, and nobody else waits
    assert kiosk.window.current_screen() == "face" and str(kiosk.driver.view.state) == "awaiting_face_result"
    kiosk.window.set_face_wait_timeout(0.3)  # then the kiosk's wait runs out
    kiosk.screen_is("ask_staff", 5)
    assert kiosk.window.reason == "face_timeout"
    kiosk.wait_until(lambda: kiosk.driver.view.ended, what="the kiosk session to end")
    assert str(kiosk.driver.view.state) == "timed_out"
    assert kiosk.visits() == [] and snapshot_sources(kiosk, "seishin", "nanbyo") == before
    assert len(router.held) == 1  # still there for the staff to assign at the desk
    joined = " ".join(t for texts in [*kiosk.seen, kiosk.texts()] for t in texts)
    assert "鈴木" not in joined and "スズキ" not in joined  # nothing of the other patient on the kiosk
    assert_clean(kiosk, "adult-seishin-21")
    assert_clean(kiosk, "adult-nanbyo-54")


def test_the_site_configuration_sets_the_kiosk_timeouts(kiosk: KioskRig):
    assert (kiosk.window.idle_timeout_ms(), kiosk.window.face_wait_ms()) == (70_000, 45_000)


def test_the_face_wait_times_out_and_nothing_is_written(kiosk: KioskRig):
    kiosk.window.set_face_wait_timeout(0.5)
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    choose_face(kiosk, kiosk.window.pin_face_button)
    kiosk.screen_is("ask_staff", 5)
    assert kiosk.window.reason == "face_timeout"
    texts = " ".join(kiosk.texts())
    assert "顔認証が時間内に終わりませんでした" in texts and "The face recognition did not finish in time." in texts
    kiosk.wait_until(lambda: kiosk.driver.view.ended, what="the kiosk session to end")
    assert str(kiosk.driver.view.state) == "timed_out"
    assert kiosk.visits() == [] and snapshot_sources(kiosk, "seishin") == [None]
    kiosk.services.face_reader("adult-seishin-21")  # a result arriving late finds no open session: held
    router = kiosk.services.face_router
    kiosk.wait_until(lambda: len(router.held) == 1, what="the late result held for the staff")
    assert kiosk.visits() == [] and kiosk.window.current_screen() == "ask_staff"
    kiosk.window.set_idle_countdown(0.1)
    kiosk.window.set_idle_timeout(0.2)  # and the idle timeout wipes the screen as always
    kiosk.screen_is("take_card", 5)  # the card was never taken to the face reader: take it first
    kiosk.services.remove_card()
    kiosk.screen_is("welcome", 5)
    assert_clean(kiosk, "adult-seishin-21")


def test_a_pin_locked_on_the_kiosk_offers_the_face_reader(kiosk: KioskRig):
    pid = kiosk.services.seeded["seishin"]
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.type_pin("9999")
    kiosk.wait_until(lambda: kiosk.window.current_screen() == "pin" and "2" in kiosk.window.tries_label.text(),
                     what="two tries left")
    kiosk.type_pin("9999")
    kiosk.screen_is("last_try")
    assert kiosk.window.last_try_face.isVisible()
    kiosk.window.last_try_enter.click()  # the patient insists: the last try is spent, the PIN is locked
    kiosk.screen_is("pin")
    kiosk.type_pin("9999")
    kiosk.screen_is("pin_blocked")
    card = kiosk.services.backend.card_in(None)
    assert card.tries_left("jpki", JpkiFile.AUTH_PIN) == 0
    assert str(kiosk.driver.view.state) == "pin_blocked" and not kiosk.driver.view.ended  # not cancelled: a choice
    assert any("市区町村" in t for t in kiosk.texts())
    choose_face(kiosk, kiosk.window.blocked_face)
    kiosk.services.face_reader("adult-seishin-21")
    kiosk.screen_is("done")
    assert [v.patient_id for v in kiosk.visits()] == [pid] and snapshot_sources(kiosk, "seishin") == ["face"]
    assert_clean(kiosk, "adult-seishin-21")


def test_no_face_button_for_a_card_that_identified_nobody(kiosk: KioskRig):
    kiosk.services.insert_card("adult-nanbyo-54")  # the chart exists but this card is not linked to it (yet)
    kiosk.consent()
    kiosk.screen_is("pin")
    assert not kiosk.window.pin_face_button.isVisible()
    assert not any("顔認証" in t for t in kiosk.texts())
    kiosk.window.face_requested.emit()  # even if asked: the kiosk never waits for just anybody's face result
    assert kiosk.window.current_screen() == "pin" and str(kiosk.driver.view.state) == "awaiting_pin"
    kiosk.services.face_reader("adult-nanbyo-54")
    kiosk.wait_until(lambda: len(kiosk.services.face_router.held) == 1, what="the result held for the staff")
    assert str(kiosk.driver.view.state) == "awaiting_pin" and kiosk.visits() == []


# --- 「職員を呼ぶ」: an alert on the desk, the patient's place kept -------------------------------------------------

@pytest.fixture()
def desk_beside(kiosk: KioskRig, ui_lang, tmp_path: Path) -> Iterator[Any]:
    """The desk as its own program on the same database (another session: its own reader, its own simulator)."""
    from reception_app.compose.session import AppSession
    from reception_app.config import SiteConfig

    session = AppSession(SiteConfig(), ui_lang, demo=True, data_dir=tmp_path / "demo")
    session.start()
    desk = session.open_desk()
    desk.show()
    desk.staff_calls.set_interval(100)
    try:
        yield desk
    finally:
        desk.close()
        session.stop()


def call_actions(rig: KioskRig) -> list[tuple[str, str]]:
    return [(r.action, str(r.details.get("outcome") or r.details.get("step")))
            for r in rig.services.store.audit_records(limit=100_000) if r.action.startswith("kiosk.staff_call")]


def test_calling_the_staff_alerts_the_desk_and_keeps_the_check_in(kiosk: KioskRig, desk_beside: Any):
    desk = desk_beside
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.consent()
    kiosk.screen_is("pin")
    kiosk.qtbot.mouseClick(kiosk.window.pin_help_button, Qt.MouseButton.LeftButton)  # 「職員を呼ぶ」
    kiosk.screen_is("staff_called")
    texts = " ".join(kiosk.texts())
    assert "職員を呼びました。このままお待ちください" in texts and "A member of staff is on the way." in texts
    assert str(kiosk.driver.view.state) == "awaiting_pin" and not kiosk.driver.view.ended  # not cancelled
    kiosk.wait_until(lambda: "kiosk-1" in desk.staff_calls.text, what="the alert on the desk")
    assert "職員を呼んでいます" in desk.staff_calls.text and "暗証番号の入力" in desk.staff_calls.text
    kiosk.qtbot.mouseClick(kiosk.window.staff_called_continue, Qt.MouseButton.LeftButton)  # 「続ける」
    kiosk.screen_is("pin")
    kiosk.type_pin(DEMO_PIN)
    kiosk.screen_is("done")  # the same check-in goes through
    kiosk.wait_until(lambda: desk.staff_calls.text == "", what="the alert gone once the patient is checked in")
    assert call_actions(kiosk) == [("kiosk.staff_call", "pin"), ("kiosk.staff_call_end", "checked_in")]
    assert len(kiosk.visits()) == 1


def test_the_desk_answers_a_call_and_the_patient_can_still_cancel(kiosk: KioskRig, desk_beside: Any):
    desk = desk_beside
    kiosk.services.insert_card("adult-seishin-21")
    kiosk.screen_is("consent_medical")
    kiosk.qtbot.mouseClick(kiosk.window.screens["consent_medical"].findChild(QPushButton, "consent_medical_staff"),
                           Qt.MouseButton.LeftButton)
    kiosk.screen_is("staff_called")
    kiosk.wait_until(lambda: "同意の画面" in desk.staff_calls.text, what="the alert on the desk")
    desk.staff_calls.answer("kiosk-1")  # a member of staff goes over: the alert leaves the desks
    kiosk.wait_until(lambda: desk.staff_calls.text == "", what="the answered alert gone")
    # the answer is recorded on the desk's worker: the patient's やめる below comes after it
    kiosk.wait_until(lambda: ("kiosk.staff_call_end", "answered") in call_actions(kiosk), what="the answer recorded")
    assert not desk.staff_calls.alert.isVisible()
    kiosk.qtbot.mouseClick(kiosk.window.staff_called_stop, Qt.MouseButton.LeftButton)  # 「やめる」
    kiosk.wait_until(lambda: str(kiosk.driver.view.state) == "cancelled", what="the check-in cancelled")
    kiosk.screen_is("take_card")
    assert call_actions(kiosk)[:2] == [("kiosk.staff_call", "consent"), ("kiosk.staff_call_end", "answered")]
    assert kiosk.visits() == []
