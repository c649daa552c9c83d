"""The patient kiosk: one step per screen, large type with furigana, Japanese and English together, the consent
screens, a PIN keypad with the tries left, 「やめる」 and 「職員を呼ぶ」 on every step, a countdown before the
timeout that wipes everything, 「カードをお取りください」 while a card is left, and no way out without a staff
credential.

The window only shows and asks; the check-in itself is driven from outside (the reception state machine through
its Qt adapter) by calling the `show_*` methods and listening to the signals. Nothing here ever shows an internal
ID, an insurance number or a raw message: screens take only the patient's own display name and a queue number.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reception_app.config import DEFAULTS
from reception_app.ui.kiosk import texts as T
from reception_app.ui.kiosk.buttons import KioskButton
from reception_app.ui.kiosk.keypad import PinKeypad
from reception_app.ui.staff_dialog import StaffLoginDialog, StaffVerifier
from reception_app.ui.widgets.furigana import FuriganaLabel, plain_text

SCREENS = (
    "welcome", "reading", "consent_medical", "consent_checkup", "pin", "last_try", "pin_blocked", "face", "checking",
    "done", "ask_staff", "staff_called", "take_card", "card_back",
)
FACE_WAIT_S = DEFAULTS.kiosk_face_wait_s  # the site sets it: kiosk_face_wait_s (docs/configuration.md)
DEFAULT_IDLE_TIMEOUT_S = DEFAULTS.kiosk_idle_timeout_s
IDLE_COUNTDOWN_S = 10.0  # the last part of the idle time: "back to the start in 10 seconds", touch to go on
DONE_RETURN_S = 8.0  # the done screen goes back to the start after this (at once when the card is lifted)
STAFF_WAIT_S = 180.0  # after 「職員を呼ぶ」 the screen waits this long for the staff (instead of the idle time)
# Screens without the idle timeout: nothing to wipe, their own limit (face wait, done), or a card to take first.
NO_IDLE = frozenset({"welcome", "face", "done", "take_card"})
CORNER_TAPS = 5
CORNER_WINDOW_S = 4.0

KIOSK_STYLE = """
QWidget#kiosk { background: #f7f9fc; }
FuriganaLabel#secondary { color: #39424e; }
FuriganaLabel#tries { color: #0b4f9c; font-weight: bold; }
FuriganaLabel#warning { color: #9c2b00; font-weight: bold; }
FuriganaLabel#buttonSecondary { color: #39424e; }
QPushButton#primary FuriganaLabel#buttonSecondary { color: #e6eefa; }
QPushButton#primary FuriganaLabel { color: white; }
QWidget#countdown { background: rgba(247, 249, 252, 235); }
QLabel#queueNumber { color: #0b4f9c; font-size: 120px; font-weight: bold; }
QLabel#pinDots { font-size: 48px; letter-spacing: 12px; }
QPushButton { font-size: 30px; padding: 14px 28px; border-radius: 10px; background: #ffffff;
              border: 2px solid #8aa4c8; }
QPushButton:pressed { background: #dbe7f7; }
QPushButton:disabled { color: #a0a0a0; border-color: #d0d0d0; }
QPushButton#primary { background: #0b4f9c; color: white; border-color: #0b4f9c; }
QPushButton#staffCorner { background: transparent; border: none; }
"""


class _Screen(QWidget):
    """A title (furigana, chosen language), the other language below it, then the screen's own content."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"screen_{name}")
        self.title = FuriganaLabel(point_size=34)
        self.title.setObjectName("title")
        self.secondary = FuriganaLabel(point_size=18)
        self.secondary.setObjectName("secondary")
        self.body = QVBoxLayout()
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.secondary)
        layout.addSpacing(16)
        layout.addLayout(self.body, 4)
        layout.addStretch(1)
        layout.addLayout(self.buttons)


class KioskWindow(QWidget):
    pin_entered = Signal(str)
    """The patient typed 4 digits and pressed OK (the PIN is not kept here afterwards)."""
    consents_answered = Signal(bool, bool)
    """(診療・薬剤情報, 特定健診): the patient's answers on the two consent screens."""
    staff_help_requested = Signal()
    """「職員を呼ぶ」: the desk is to be told; the patient's check-in stays where it is."""
    cancel_requested = Signal()
    """「やめる」: the patient stops the check-in (the screen goes back to the start)."""
    timed_out = Signal()
    face_requested = Signal()
    """The patient chose the face reader instead of the PIN (the controller decides whether it is offered)."""
    face_wait_timed_out = Signal()
    """No face result within the face wait: the window now asks the patient to see the staff."""
    language_changed = Signal(str)
    exit_granted = Signal(str)
    """A staff member (user name) unlocked the kiosk; the window closes."""

    def __init__(
        self,
        verifier: StaffVerifier | None = None,
        *,
        language: str = "ja",
        idle_timeout_s: float = DEFAULT_IDLE_TIMEOUT_S,
        face_wait_s: float = FACE_WAIT_S,
        countdown_s: float = IDLE_COUNTDOWN_S,
        done_return_s: float = DONE_RETURN_S,
        staff_wait_s: float = STAFF_WAIT_S,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("Reception kiosk"))
        self.setAccessibleName(self.tr("Reception kiosk"))
        self.setStyleSheet(KIOSK_STYLE)
        self._verifier = verifier
        self._language = language
        self._texts = T.Bilingual()
        self._unlocked = False
        self._corner_taps: list[float] = []
        self._tries_left = 0
        self._wrong_pin = False
        self._reason = "error"
        self._staff_dialog: StaffLoginDialog | None = None
        self._queue_number = ""
        self._patient_name = ""
        self._patient_kana = ""
        self._card_present = False
        self._medical_consent: bool | None = None
        self._before_call = ""  # the screen the patient called the staff from (「続ける」 goes back to it)
        self._idle_total_ms = 1
        self._countdown_ms = max(int(countdown_s * 1000), 1)
        self._staff_wait_ms = max(int(staff_wait_s * 1000), 1)
        self._countdown_deadline = 0.0
        self._face_wait = QTimer(self)  # created before the screens: leaving the face screen stops it
        self._face_wait.setSingleShot(True)
        self._face_wait.timeout.connect(self._on_face_wait_over)
        self.set_face_wait_timeout(face_wait_s)
        self._done_timer = QTimer(self)
        self._done_timer.setSingleShot(True)
        self._done_timer.timeout.connect(self._on_done_over)
        self.set_done_return(done_return_s)

        self.stack = QStackedWidget()
        self.screens: dict[str, _Screen] = {}
        for name in SCREENS:
            screen = _Screen(name)
            self.screens[name] = screen
            self.stack.addWidget(screen)
        self._build_screens()

        self.staff_corner = QPushButton(self)
        self.staff_corner.setObjectName("staffCorner")
        self.staff_corner.setAccessibleName(self.tr("Staff menu"))
        self.staff_corner.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff_corner.setFixedSize(70, 70)
        self.staff_corner.clicked.connect(self._corner_tapped)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._build_countdown()

        # Staff keyboard shortcut: a combination a patient does not press by chance
        self._shortcut = QShortcut(QKeySequence("Ctrl+Alt+Shift+S"), self)
        self._shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self._shortcut.activated.connect(self.request_staff_exit)

        self._idle = QTimer(self)  # the quiet part of the idle time; then the countdown
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._start_countdown)
        self._countdown = QTimer(self)  # the countdown's end: the timeout
        self._countdown.setSingleShot(True)
        self._countdown.setTimerType(Qt.TimerType.PreciseTimer)
        self._countdown.timeout.connect(self._on_idle)
        self._tick = QTimer(self)  # the seconds shown while counting down
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._show_seconds_left)
        self.set_idle_timeout(idle_timeout_s)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.show_welcome()

    # --- building -------------------------------------------------------------------------------------------
    def _button(self, source: str, name: str, *, primary: bool = False) -> KioskButton:
        button = KioskButton()
        button.setObjectName("primary" if primary else name)
        button.setProperty("source_text", source)
        button.setProperty("role_name", name)
        return button

    def _line(self, name: str = "", point_size: float = 22) -> FuriganaLabel:
        label = FuriganaLabel(point_size=point_size)
        if name:
            label.setObjectName(name)
        return label

    def _stop_button(self, screen: str) -> KioskButton:
        button = self._button(T.BTN_STOP, f"{screen}_stop")
        button.clicked.connect(self._stop_pressed)
        return button

    def _call_button(self, screen: str, *, primary: bool = False) -> KioskButton:
        button = self._button(T.BTN_ASK_STAFF, f"{screen}_staff", primary=primary)
        button.clicked.connect(self._call_staff)
        return button

    def _row(self, screen: str, *buttons: QPushButton) -> None:
        row = self.screens[screen].buttons
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)

    def _build_screens(self) -> None:
        s = self.screens
        self.language_button = self._button(T.BTN_LANGUAGE, "language")
        self.language_button.clicked.connect(self.toggle_language)
        s["welcome"].buttons.addStretch(1)
        s["welcome"].buttons.addWidget(self.language_button)

        self.reading_stop = self._stop_button("reading")
        self._row("reading", self.reading_stop)

        # The consent screens (as the certified face readers ask at every visit): 診療・薬剤情報, then 特定健診
        self.consent_hints: dict[str, FuriganaLabel] = {}
        self.consent_agree: dict[str, KioskButton] = {}
        self.consent_disagree: dict[str, KioskButton] = {}
        for kind in ("medical", "checkup"):
            name = f"consent_{kind}"
            hint = self._line(point_size=22)
            s[name].body.addWidget(hint)
            self.consent_hints[kind] = hint
            agree = self._button(T.BTN_AGREE, f"{name}_agree", primary=True)
            disagree = self._button(T.BTN_DISAGREE, f"{name}_disagree")
            agree.clicked.connect(lambda _=False, k=kind: self._consent(k, True))
            disagree.clicked.connect(lambda _=False, k=kind: self._consent(k, False))
            self.consent_agree[kind] = agree
            self.consent_disagree[kind] = disagree
            self._row(name, self._stop_button(name), self._call_button(name), disagree, agree)

        self.keypad = PinKeypad(make_button=lambda: KioskButton(point_size=20, minimum_height=46))
        self.keypad.pin_entered.connect(self._on_pin)
        for key_button in self.keypad.buttons.values():  # the PIN screen holds more lines than the desk's pad
            key_button.setMinimumSize(110, 46)
        self.wrong_pin_label = self._line("warning", point_size=18)
        self.tries_label = self._line("tries", point_size=24)
        self.pin_hint = self._line(point_size=16)
        s["pin"].body.addWidget(self.wrong_pin_label)
        s["pin"].body.addWidget(self.tries_label)
        s["pin"].body.addWidget(self.pin_hint)
        pad_row = QHBoxLayout()
        pad_row.addStretch(1)
        pad_row.addWidget(self.keypad, 2)
        pad_row.addStretch(1)
        s["pin"].body.addLayout(pad_row)
        self.pin_stop_button = self._stop_button("pin")
        self.pin_help_button = self._call_button("pin")
        self.pin_face_button = self._button(T.BTN_USE_FACE, "pin_face")
        self.pin_face_button.clicked.connect(self.face_requested)
        self._row("pin", self.pin_stop_button, self.pin_help_button, self.pin_face_button)

        self.last_try_wrong = self._line("warning", point_size=24)
        s["last_try"].body.addWidget(self.last_try_wrong)
        self.last_try_question = self._line(point_size=26)
        s["last_try"].body.addWidget(self.last_try_question)
        self.last_try_staff = self._call_button("last_try", primary=True)
        self.last_try_enter = self._button(T.BTN_ENTER_PIN, "last_try_enter")
        self.last_try_enter.clicked.connect(lambda: self._go("pin"))
        self.last_try_face = self._button(T.BTN_USE_FACE, "last_try_face")
        self.last_try_face.clicked.connect(self.face_requested)
        for button in (self.pin_face_button, self.last_try_face):  # shown by show_pin(face_offered=True) only
            button.setVisible(False)
        self._row("last_try", self._stop_button("last_try"), self.last_try_staff, self.last_try_face,
                  self.last_try_enter)

        # A locked PIN, the card having identified the patient's chart: the face reader instead of the staff
        self.blocked_hint = self._line(point_size=24)
        s["pin_blocked"].body.addWidget(self.blocked_hint)
        self.blocked_staff = self._call_button("pin_blocked")
        self.blocked_face = self._button(T.BTN_USE_FACE, "blocked_face", primary=True)
        self.blocked_face.clicked.connect(self.face_requested)
        self._row("pin_blocked", self._stop_button("pin_blocked"), self.blocked_staff, self.blocked_face)

        # Waiting for the face reader's result (routed to this session only if it is the same person)
        self.face_hint = self._line(point_size=24)
        s["face"].body.addWidget(self.face_hint)
        self.face_staff = self._call_button("face")
        self._row("face", self._stop_button("face"), self.face_staff)

        self.checking_stop = self._stop_button("checking")
        self._row("checking", self.checking_stop)

        self.greeting = self._line(point_size=20)
        self.number_caption = self._line(point_size=20)
        self.queue_label = QLabel()
        self.queue_label.setObjectName("queueNumber")
        self.queue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_note = self._line(point_size=18)
        self.remove_card_note = self._line("warning", point_size=20)
        for w in (self.greeting, self.number_caption, self.queue_label, self.ticket_note, self.remove_card_note):
            s["done"].body.addWidget(w)
        self.done_button = self._button(T.BTN_FINISH, "done_ok", primary=True)
        self.done_button.clicked.connect(self.show_welcome)
        self._row("done", self.done_button)

        self.reason_label = self._line("reason", point_size=26)
        s["ask_staff"].body.addWidget(self.reason_label)
        self.ask_staff_call = self._call_button("ask_staff")
        self.ask_staff_button = self._button(T.BTN_START_OVER, "start_over", primary=True)
        self.ask_staff_button.clicked.connect(self.show_welcome)
        self._row("ask_staff", self.ask_staff_call, self.ask_staff_button)

        self.staff_called_hint = self._line(point_size=22)
        s["staff_called"].body.addWidget(self.staff_called_hint)
        self.staff_called_stop = self._stop_button("staff_called")
        self.staff_called_continue = self._button(T.BTN_CONTINUE, "staff_called_continue", primary=True)
        self.staff_called_continue.clicked.connect(self._continue_after_call)
        self._row("staff_called", self.staff_called_stop, self.staff_called_continue)

        self.take_card_hint = self._line(point_size=22)
        s["take_card"].body.addWidget(self.take_card_hint)

        self.card_back_hint = self._line(point_size=22)
        s["card_back"].body.addWidget(self.card_back_hint)
        self.card_back_stop = self._stop_button("card_back")
        self._row("card_back", self.card_back_stop, self._call_button("card_back"))

        self._titles = {
            "welcome": T.WELCOME,
            "reading": T.READING,
            "consent_medical": T.CONSENT_MEDICAL,
            "consent_checkup": T.CONSENT_CHECKUP,
            "pin": T.PIN_PROMPT,
            "last_try": T.LAST_TRY,
            "pin_blocked": T.PIN_BLOCKED,
            "face": T.FACE_PROMPT,
            "checking": T.CHECKING,
            "done": T.DONE,
            "ask_staff": T.ASK_STAFF,
            "staff_called": T.STAFF_CALLED,
            "take_card": T.TAKE_CARD,
            "card_back": T.CARD_BACK,
        }

    def _build_countdown(self) -> None:
        """Over the whole window while the idle time runs out: the seconds left and 「続ける」."""
        self.countdown = QWidget(self)
        self.countdown.setObjectName("countdown")
        self.countdown.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.countdown_label = self._line("warning", point_size=30)
        self.countdown_hint = self._line(point_size=22)
        self.countdown_continue = self._button(T.BTN_CONTINUE, "countdown_continue", primary=True)
        self.countdown_continue.clicked.connect(self._restart_idle)
        box = QVBoxLayout(self.countdown)
        box.setContentsMargins(80, 80, 80, 80)
        box.addStretch(1)
        box.addWidget(self.countdown_label)
        box.addWidget(self.countdown_hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.countdown_continue)
        row.addStretch(1)
        box.addLayout(row)
        box.addStretch(1)
        self.countdown.hide()

    # --- language -------------------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        return self._language

    def set_language(self, lang: str) -> None:
        self._language = lang
        self._retranslate()
        self.language_changed.emit(lang)

    def toggle_language(self) -> None:
        self.set_language("en" if self._language == "ja" else "ja")

    def _both(self, source: str, label: FuriganaLabel, *values: str, one_line: bool = False) -> None:
        """The chosen language with furigana, the other below it (`one_line`: beside it, where room is short);
        `%1`… filled with `values`."""
        primary, secondary = self._texts.markup_pair(source, self._language)
        for index, value in enumerate(values, start=1):
            primary = primary.replace(f"%{index}", value)
            secondary = secondary.replace(f"%{index}", value)
        joint = "   /   " if one_line else "\n"
        label.setMarkup(f"{primary}{joint}{secondary}" if plain_text(primary) != plain_text(secondary) else primary)

    def _retranslate(self) -> None:
        for name, screen in self.screens.items():
            primary, secondary = self._texts.markup_pair(self._titles[name], self._language)
            screen.title.setMarkup(primary)
            screen.secondary.setMarkup(secondary)
        for button in self.findChildren(KioskButton):
            source = button.property("source_text")
            if source:
                primary, secondary = self._texts.markup_pair(str(source), self._language)
                button.set_texts(primary, "" if source == T.BTN_LANGUAGE else secondary)
        ok_p, _ = self._texts.markup_pair(T.BTN_OK, self._language)
        clear_p, _ = self._texts.markup_pair(T.BTN_CLEAR, self._language)
        self.keypad.set_labels(ok_p, clear_p)  # one language on the keys: the PIN screen has no room for two
        self._both(T.CONSENT_MEDICAL_HINT, self.consent_hints["medical"])
        self._both(T.CONSENT_CHECKUP_HINT, self.consent_hints["checkup"])
        tries = str(self._tries_left)
        self._both(T.PIN_TRIES, self.tries_label, tries, one_line=True)
        for label in (self.wrong_pin_label, self.last_try_wrong):
            label.setVisible(self._wrong_pin)
            self._both(T.WRONG_PIN, label, one_line=label is self.wrong_pin_label)
        self._both(T.PIN_HIDE, self.pin_hint, one_line=True)
        self.pin_hint.setVisible(not self._wrong_pin)  # the PIN screen's room: the message instead of the hint
        self._both(T.LAST_TRY_QUESTION, self.last_try_question)
        self._both(T.PIN_BLOCKED_HINT, self.blocked_hint)
        self._both(T.FACE_HINT, self.face_hint)
        self._both(T.DONE_NUMBER, self.number_caption, one_line=True)
        self.queue_label.setText(self._queue_number)
        if self._patient_name:
            name = self._patient_name
            if self._patient_kana and not set("|{}[]") & set(name + self._patient_kana):
                name = f"{{{name}|{self._patient_kana}}}"  # the patient's own name with its reading
            self._both(T.DONE_GREETING, self.greeting, name, one_line=True)
        else:
            self.greeting.setMarkup("")
        self._both(T.DONE_TICKET, self.ticket_note)
        self._both(T.REMOVE_CARD, self.remove_card_note, one_line=True)
        reason_source = T.REASONS.get(self._reason, T.REASONS["error"])
        self._both(reason_source, self.reason_label)
        self._both(T.STAFF_CALLED_HINT, self.staff_called_hint)
        self._both(T.TAKE_CARD_HINT, self.take_card_hint)
        self._both(T.CARD_BACK_HINT, self.card_back_hint)
        self._both(T.IDLE_HINT, self.countdown_hint)
        self._show_seconds_left()

    # --- screens (called by the driver) ---------------------------------------------------------------------
    def current_screen(self) -> str:
        widget = self.stack.currentWidget()
        for name, screen in self.screens.items():
            if screen is widget:
                return name
        return ""

    def _go(self, name: str) -> None:
        self._retranslate()
        if name != "face":
            self._face_wait.stop()
        if name != "done":
            self._done_timer.stop()
        self.stack.setCurrentWidget(self.screens[name])
        if name == "pin":
            self.keypad.setFocus(Qt.FocusReason.OtherFocusReason)
        self._restart_idle()

    def wipe(self) -> None:
        """Forget everything about the last patient: PIN digits, name, number, reason, answers."""
        self.keypad.clear()
        self._face_wait.stop()
        self._done_timer.stop()
        self._tries_left = 0
        self._wrong_pin = False
        self._queue_number = ""
        self._patient_name = ""
        self._patient_kana = ""
        self._reason = "error"
        self._medical_consent = None
        self._before_call = ""

    def show_welcome(self) -> None:
        """The start: 「カードを置いてください」, or 「カードをお取りください」 while a card is still on the reader."""
        self.wipe()
        self._go("take_card" if self._card_present else "welcome")

    def set_card_present(self, present: bool) -> None:
        """The reader says whether a card is on it. Lifting it leaves the done screen (nobody else reads the
        name) and the 「カードをお取りください」 screen at once."""
        self._card_present = present
        if not present and self.current_screen() in ("done", "take_card"):
            self.show_welcome()

    @property
    def card_present(self) -> bool:
        return self._card_present

    def show_reading(self) -> None:
        self._go("reading")

    def ask_consents(self) -> None:
        """The two consent screens, then `consents_answered(medical, checkup)`."""
        self.keypad.clear()
        self._medical_consent = None
        self._go("consent_medical")

    def _consent(self, kind: str, given: bool) -> None:
        if kind == "medical":
            self._medical_consent = given
            self._go("consent_checkup")
            return
        medical = bool(self._medical_consent)
        self._medical_consent = None
        self.consents_answered.emit(medical, given)

    def show_pin(
        self, tries_left: int, face_offered: bool = False, *, wrong_pin: bool = False, last_try_confirmed: bool = False
    ) -> None:
        """Asks for the PIN. At one try left the patient first sees a warning and may go to the staff instead;
        with none left the kiosk refuses and sends the patient to the desk. `face_offered`: the card identified
        the patient's chart, so the face reader may be used instead (a button on these screens). `wrong_pin`: the
        last PIN was not correct (said in words above the tries left). `last_try_confirmed`: the patient already
        chose to use the last try (straight to the keypad)."""
        self.keypad.clear()
        self._tries_left = tries_left
        self._wrong_pin = wrong_pin
        self.pin_face_button.setVisible(face_offered)
        self.last_try_face.setVisible(face_offered)
        if tries_left <= 0:
            if face_offered:
                self.show_pin_blocked()
            else:
                self.show_ask_staff("pin_blocked")
        elif tries_left == 1 and not last_try_confirmed:
            self._go("last_try")
        else:
            self._go("pin")

    @property
    def wrong_pin_shown(self) -> bool:
        """The 「暗証番号が違います」 line is on the PIN screens."""
        return self._wrong_pin

    def show_pin_blocked(self) -> None:
        """The PIN is locked: the face reader, or the staff (only for a chart the card identified)."""
        self.keypad.clear()
        self._tries_left = 0
        self._wrong_pin = False
        self._go("pin_blocked")

    def show_face_wait(self) -> None:
        """The "please use the face reader" screen. It waits up to the face wait (not the idle timeout: nobody
        touches the kiosk meanwhile), then `face_wait_timed_out` and "please ask the staff". Calling it again keeps
        the running wait."""
        if self.current_screen() == "face":
            return
        self.keypad.clear()
        self._go("face")
        self._face_wait.start()

    def set_face_wait_timeout(self, seconds: float) -> None:
        self._face_wait.setInterval(max(int(seconds * 1000), 1))
        if self._face_wait.isActive():
            self._face_wait.start()

    def face_wait_ms(self) -> int:
        return int(self._face_wait.interval())

    def _on_face_wait_over(self) -> None:
        if self.current_screen() != "face":
            return
        self.face_wait_timed_out.emit()
        self.show_ask_staff("face_timeout")

    def show_checking(self) -> None:
        self._go("checking")

    def show_done(self, queue_number: int | str, patient_name: str = "", patient_kana: str = "") -> None:
        """Only the patient's own display name (optional, with its reading) and the queue number. Back to the
        start after the done time, or as soon as the card is lifted."""
        self._queue_number = f"{int(queue_number):03d}" if str(queue_number).isdigit() else str(queue_number)
        self._patient_name = patient_name
        self._patient_kana = patient_kana
        self._wrong_pin = False
        self._go("done")
        self._done_timer.start()

    def set_done_return(self, seconds: float) -> None:
        self._done_timer.setInterval(max(int(seconds * 1000), 1))
        if self._done_timer.isActive():
            self._done_timer.start()

    def _on_done_over(self) -> None:
        if self.current_screen() == "done":
            self.show_welcome()

    def show_ask_staff(self, reason: str) -> None:
        """`reason` is a code from texts.REASONS; anything unknown shows the generic text."""
        self.keypad.clear()
        self._reason = reason if reason in T.REASONS else "error"
        self._go("ask_staff")

    def show_card_back(self) -> None:
        """The card came off before the kiosk was done with it: put it back (a new check-in starts when it is)."""
        self.keypad.clear()
        self._wrong_pin = False
        self._go("card_back")

    @property
    def reason(self) -> str:
        return self._reason

    @property
    def tries_left(self) -> int:
        return self._tries_left

    def _on_pin(self, pin: str) -> None:
        self._restart_idle()
        self.pin_entered.emit(pin)

    def _call_staff(self) -> None:
        """「職員を呼ぶ」: the desk is told, the patient waits here, their place in the check-in kept."""
        current = self.current_screen()
        if current != "staff_called":
            self._before_call = current
        self.keypad.clear()
        self._go("staff_called")
        self.staff_help_requested.emit()

    @property
    def called_from(self) -> str:
        """The screen the patient called the staff from ("" when no call is waiting)."""
        return self._before_call

    def _continue_after_call(self) -> None:
        back = self._before_call or "welcome"
        if back == "welcome":
            self.show_welcome()
        else:
            self._go(back)

    def _stop_pressed(self) -> None:
        """「やめる」: the check-in stops, nothing is kept; the card (if still there) is to be taken."""
        self.cancel_requested.emit()
        self.show_welcome()

    # --- idle timeout ---------------------------------------------------------------------------------------
    def set_idle_timeout(self, seconds: float) -> None:
        """The whole idle time; its last `countdown` seconds show the countdown."""
        self._idle_total_ms = max(int(seconds * 1000), 1)
        self._restart_idle()

    def set_idle_countdown(self, seconds: float) -> None:
        self._countdown_ms = max(int(seconds * 1000), 1)
        self._restart_idle()

    def set_staff_wait(self, seconds: float) -> None:
        self._staff_wait_ms = max(int(seconds * 1000), 1)
        self._restart_idle()

    def idle_timeout_ms(self) -> int:
        return self._idle_total_ms

    def countdown_ms(self) -> int:
        return self._countdown_ms

    @property
    def counting_down(self) -> bool:
        return self.countdown.isVisible()

    def seconds_left(self) -> int:
        """Whole seconds the countdown shows (0 when not counting)."""
        if not self._countdown.isActive():
            return 0
        shown = math.ceil(self._countdown.remainingTime() / 1000)
        return max(min(shown, math.ceil(self._countdown_ms / 1000)), 0)

    def _restart_idle(self) -> None:
        self._countdown.stop()
        self._tick.stop()
        self.countdown.hide()
        if self.current_screen() in NO_IDLE:  # the face wait has its own limit (then "ask the staff", then wiped)
            self._idle.stop()
            return
        total = self._staff_wait_ms if self.current_screen() == "staff_called" else self._idle_total_ms
        self._idle.start(max(total - self._countdown_ms, 1))

    def _start_countdown(self) -> None:
        if self.current_screen() in NO_IDLE:
            return
        self.countdown.setGeometry(self.rect())
        self.countdown.show()
        self.countdown.raise_()
        self._countdown.start(self._countdown_ms)
        self._tick.start()
        self._show_seconds_left()

    def _show_seconds_left(self) -> None:
        if hasattr(self, "_countdown"):
            self._both(T.IDLE_COUNTDOWN, self.countdown_label, str(self.seconds_left()))

    def _on_idle(self) -> None:
        self._tick.stop()
        self.countdown.hide()
        if self.current_screen() in NO_IDLE:
            self._restart_idle()
            return
        self.timed_out.emit()
        self.show_welcome()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin):
            self._restart_idle()
        return False

    # --- leaving the kiosk ----------------------------------------------------------------------------------
    def resizeEvent(self, event: object) -> None:
        self.countdown.setGeometry(self.rect())
        self.staff_corner.move(0, 0)
        self.staff_corner.raise_()

    def _corner_tapped(self) -> None:
        now = time.monotonic()
        self._corner_taps = [t for t in self._corner_taps if now - t < CORNER_WINDOW_S] + [now]
        if len(self._corner_taps) >= CORNER_TAPS:
            self._corner_taps.clear()
            self.request_staff_exit()

    def make_staff_dialog(self) -> StaffLoginDialog:
        return StaffLoginDialog(self._verifier, self, purpose=self.tr("A staff login is needed to leave the kiosk."))

    def request_staff_exit(self) -> bool:
        dialog = self.make_staff_dialog()
        self._staff_dialog = dialog  # tests reach it while it is open
        accepted = dialog.exec() == StaffLoginDialog.DialogCode.Accepted and dialog.staff_user is not None
        self._staff_dialog = None
        if accepted and dialog.staff_user:
            self.unlock(dialog.staff_user)
            return True
        return False

    def unlock(self, staff_user: str) -> None:
        self._unlocked = True
        self.wipe()
        self.exit_granted.emit(staff_user)
        self.close()

    @property
    def unlocked(self) -> bool:
        return self._unlocked

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unlocked:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            event.accept()
        else:
            event.ignore()

    # --- for tests and screenshots --------------------------------------------------------------------------
    def visible_texts(self) -> list[str]:
        """Every text a patient can see right now (labels, furigana labels, buttons)."""
        found: list[str] = []
        for widget in self.findChildren(QWidget):
            if not widget.isVisibleTo(self):
                continue
            if isinstance(widget, FuriganaLabel | QLabel | QPushButton):
                found.append(widget.text())
        return [t for t in found if t]

    def visible_markup(self) -> list[str]:
        """The furigana markup of every visible line (what a test checks for readings above the kanji)."""
        return [w.markup() for w in self.findChildren(FuriganaLabel) if w.isVisibleTo(self) and w.markup()]
