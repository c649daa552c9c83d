"""Everything the kiosk says, in one place. Source text is English; the Japanese (with furigana markup
`漢字[かんじ]`) is in resources/translations/reception_ja.ts. The kiosk shows both languages at once: the chosen one
large, the other below it, so it keeps a Japanese translator loaded whatever the UI language is."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from reception_app.ui.i18n import QT_TRANSLATE_NOOP, load_translator
from reception_app.ui.widgets.furigana import plain_text

CONTEXT = "Kiosk"

WELCOME = QT_TRANSLATE_NOOP("Kiosk", "Please place your My Number Card on the reader.")
WELCOME_SUB = QT_TRANSLATE_NOOP("Kiosk", "Reception")
READING = QT_TRANSLATE_NOOP("Kiosk", "Reading your card. Please do not remove it.")
PIN_PROMPT = QT_TRANSLATE_NOOP("Kiosk", "Please enter your 4-digit PIN.")
PIN_TRIES = QT_TRANSLATE_NOOP("Kiosk", "Tries left: %1")
PIN_HIDE = QT_TRANSLATE_NOOP("Kiosk", "Cover the keypad with your hand while you type.")
LAST_TRY = QT_TRANSLATE_NOOP(
    "Kiosk", "Only one try is left. If the PIN is wrong again, the card is locked and only your city office can "
    "unlock it."
)
LAST_TRY_QUESTION = QT_TRANSLATE_NOOP("Kiosk", "Are you sure of your PIN?")
CHECKING = QT_TRANSLATE_NOOP("Kiosk", "Checking your insurance. Please wait.")
DONE = QT_TRANSLATE_NOOP("Kiosk", "Check-in is complete.")
DONE_NUMBER = QT_TRANSLATE_NOOP("Kiosk", "Your number")
DONE_TICKET = QT_TRANSLATE_NOOP("Kiosk", "Please take your ticket and wait until your number is called.")
DONE_GREETING = QT_TRANSLATE_NOOP("Kiosk", "%1, thank you.")
ASK_STAFF = QT_TRANSLATE_NOOP("Kiosk", "Please ask the staff at the reception desk.")
FACE_PROMPT = QT_TRANSLATE_NOOP(
    "Kiosk", "Please place your card on the face-recognition card reader and look at its camera."
)
FACE_HINT = QT_TRANSLATE_NOOP("Kiosk", "Check-in continues by itself once the reader has recognised you.")
PIN_BLOCKED = QT_TRANSLATE_NOOP("Kiosk", "The card's PIN is locked. You can use face recognition instead.")
PIN_BLOCKED_HINT = QT_TRANSLATE_NOOP("Kiosk", "Only your city office can unlock the PIN.")
REMOVE_CARD = QT_TRANSLATE_NOOP("Kiosk", "Please take your card with you.")
WRONG_PIN = QT_TRANSLATE_NOOP("Kiosk", "The PIN is not correct. Please enter it again.")
CONSENT_MEDICAL = QT_TRANSLATE_NOOP(
    "Kiosk", "May this clinic see your past medical and medication records?"
)
CONSENT_MEDICAL_HINT = QT_TRANSLATE_NOOP(
    "Kiosk", "Records of your treatments, medicines and operations. They help the doctor treat you safely. You "
    "can check in whichever you choose."
)
CONSENT_CHECKUP = QT_TRANSLATE_NOOP("Kiosk", "May this clinic see your health checkup results?")
CONSENT_CHECKUP_HINT = QT_TRANSLATE_NOOP(
    "Kiosk", "Results of the specific health checkup and similar checkups. You can check in whichever you choose."
)
STAFF_CALLED = QT_TRANSLATE_NOOP("Kiosk", "A member of staff is on the way. Please wait here.")
STAFF_CALLED_HINT = QT_TRANSLATE_NOOP(
    "Kiosk", "Your check-in is kept. To go on by yourself, press Continue."
)
TAKE_CARD = QT_TRANSLATE_NOOP("Kiosk", "Please take your card.")
TAKE_CARD_HINT = QT_TRANSLATE_NOOP("Kiosk", "Then the next person can use the reader.")
CARD_BACK = QT_TRANSLATE_NOOP("Kiosk", "The card came off the reader. Please place it on the reader again.")
CARD_BACK_HINT = QT_TRANSLATE_NOOP("Kiosk", "Please leave the card on the reader until check-in is complete.")
IDLE_COUNTDOWN = QT_TRANSLATE_NOOP("Kiosk", "The screen goes back to the start in %1 seconds.")
IDLE_HINT = QT_TRANSLATE_NOOP("Kiosk", "To go on, touch the screen or press Continue.")

BTN_OK = QT_TRANSLATE_NOOP("Kiosk", "OK")
BTN_CLEAR = QT_TRANSLATE_NOOP("Kiosk", "Clear")
BTN_FINISH = QT_TRANSLATE_NOOP("Kiosk", "Finish")
BTN_STOP = QT_TRANSLATE_NOOP("Kiosk", "Cancel")
BTN_CONTINUE = QT_TRANSLATE_NOOP("Kiosk", "Continue")
BTN_AGREE = QT_TRANSLATE_NOOP("Kiosk", "I agree")
BTN_DISAGREE = QT_TRANSLATE_NOOP("Kiosk", "I do not agree")
BTN_BACK = QT_TRANSLATE_NOOP("Kiosk", "Delete")
BTN_ASK_STAFF = QT_TRANSLATE_NOOP("Kiosk", "Ask the staff")
BTN_ENTER_PIN = QT_TRANSLATE_NOOP("Kiosk", "Enter the PIN")
BTN_USE_FACE = QT_TRANSLATE_NOOP("Kiosk", "Use face recognition instead")
BTN_START_OVER = QT_TRANSLATE_NOOP("Kiosk", "Back to the start")
BTN_LANGUAGE = QT_TRANSLATE_NOOP("Kiosk", "日本語 / English")

# Why the patient is sent to the desk: friendly words only. Internal codes, IDs and raw messages never show.
REASONS: dict[str, str] = {
    "pin_blocked": QT_TRANSLATE_NOOP("Kiosk", "The card's PIN is locked. The staff will help you."),
    "pin_last_try": QT_TRANSLATE_NOOP("Kiosk", "The staff will help you check in without using the last try."),
    "card_removed": QT_TRANSLATE_NOOP("Kiosk", "The card was removed before reading finished."),
    "card_unreadable": QT_TRANSLATE_NOOP("Kiosk", "The card could not be read."),
    "not_my_number_card": QT_TRANSLATE_NOOP("Kiosk", "This card cannot be used here."),
    "qualification_invalid": QT_TRANSLATE_NOOP("Kiosk", "Your insurance needs to be checked at the desk."),
    "needs_registration": QT_TRANSLATE_NOOP("Kiosk", "This seems to be your first visit. The staff will register you."),
    "needs_staff_choice": QT_TRANSLATE_NOOP("Kiosk", "The staff need to confirm who you are."),
    "offline": QT_TRANSLATE_NOOP("Kiosk", "The insurance check is not available right now."),
    "timeout": QT_TRANSLATE_NOOP("Kiosk", "It took too long."),
    "face_timeout": QT_TRANSLATE_NOOP("Kiosk", "The face recognition did not finish in time."),
    "cancelled": QT_TRANSLATE_NOOP("Kiosk", "Check-in was stopped."),
    "error": QT_TRANSLATE_NOOP("Kiosk", "Something unexpected happened."),
}


class Bilingual:
    """Japanese and English for one source string, whichever the UI language is."""

    def __init__(self) -> None:
        self._ja: QTranslator | None = load_translator("ja")

    def ja(self, source: str) -> str:
        if self._ja is None:
            return source
        return self._ja.translate(CONTEXT, source) or source

    @staticmethod
    def en(source: str) -> str:
        return source

    def markup_pair(self, source: str, primary: str) -> tuple[str, str]:
        """(primary markup, secondary markup): the Japanese keeps its furigana in either place."""
        if primary == "ja":
            return self.ja(source), source
        return source, self.ja(source)

    def pair(self, source: str, primary: str) -> tuple[str, str]:
        """(primary markup, secondary plain text) for the chosen kiosk language."""
        if primary == "ja":
            return self.ja(source), source
        return source, plain_text(self.ja(source))
