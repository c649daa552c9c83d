"""The patient kiosk: one step per screen, large type with furigana, Japanese and English together, a PIN keypad
with the tries left, a timeout that wipes everything, and no way out without a staff credential.

The window only shows and asks; the check-in itself is driven from outside (the reception state machine through
its Qt adapter) by calling the `show_*` methods and listening to the signals. Nothing here ever shows an internal
ID, an insurance number or a raw message: screens take only the patient's own display name and a queue number.
"""

from __future__ import annotations

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
from reception_app.ui.kiosk.keypad import PinKeypad
from reception_app.ui.staff_dialog import StaffLoginDialog, StaffVerifier
from reception_app.ui.widgets.furigana import FuriganaLabel

SCREENS = ("welcome", "reading", "pin", "last_try", "pin_blocked", "face", "checking", "done", "ask_staff")
FACE_WAIT_S = DEFAULTS.kiosk_face_wait_s  # the site sets it: kiosk_face_wait_s (docs/configuration.md)
DEFAULT_IDLE_TIMEOUT_S = DEFAULTS.kiosk_idle_timeout_s
CORNER_TAPS = 5
CORNER_WINDOW_S = 4.0

KIOSK_STYLE = """
QWidget#kiosk { background: #f7f9fc; }
QLabel#secondary { color: #39424e; font-size: 22px; }
QLabel#tries { color: #0b4f9c; font-size: 30px; font-weight: bold; }
QLabel#warning { color: #9c2b00; font-size: 26px; font-weight: bold; }
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
        self.secondary = QLabel()
        self.secondary.setObjectName("secondary")
        self.secondary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.secondary.setWordWrap(True)
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
    staff_help_requested = Signal()
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
        idle_timeout_s: int = DEFAULT_IDLE_TIMEOUT_S,
        face_wait_s: float = FACE_WAIT_S,
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
        self._reason = "error"
        self._staff_dialog: StaffLoginDialog | None = None
        self._queue_number = ""
        self._patient_name = ""
        self._face_wait = QTimer(self)  # created before the screens: leaving the face screen stops it
        self._face_wait.setSingleShot(True)
        self._face_wait.timeout.connect(self._on_face_wait_over)
        self.set_face_wait_timeout(face_wait_s)

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

        # Staff keyboard shortcut: a combination a patient does not press by chance
        self._shortcut = QShortcut(QKeySequence("Ctrl+Alt+Shift+S"), self)
        self._shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self._shortcut.activated.connect(self.request_staff_exit)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)
        self.set_idle_timeout(idle_timeout_s)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.show_welcome()

    # --- building -------------------------------------------------------------------------------------------
    def _button(self, source: str, name: str, *, primary: bool = False) -> QPushButton:
        button = QPushButton()
        button.setObjectName("primary" if primary else name)
        button.setProperty("source_text", source)
        button.setProperty("role_name", name)
        return button

    def _build_screens(self) -> None:
        s = self.screens
        self.language_button = self._button(T.BTN_LANGUAGE, "language")
        self.language_button.clicked.connect(self.toggle_language)
        s["welcome"].buttons.addStretch(1)
        s["welcome"].buttons.addWidget(self.language_button)

        self.keypad = PinKeypad()
        self.keypad.pin_entered.connect(self._on_pin)
        self.tries_label = QLabel()
        self.tries_label.setObjectName("tries")
        self.tries_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_hint = QLabel()
        self.pin_hint.setObjectName("secondary")
        self.pin_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_hint.setWordWrap(True)
        s["pin"].body.addWidget(self.tries_label)
        s["pin"].body.addWidget(self.pin_hint)
        pad_row = QHBoxLayout()
        pad_row.addStretch(1)
        pad_row.addWidget(self.keypad, 2)
        pad_row.addStretch(1)
        s["pin"].body.addLayout(pad_row)
        self.pin_help_button = self._button(T.BTN_ASK_STAFF, "ask_staff")
        self.pin_help_button.clicked.connect(lambda: self._ask_staff_pressed("cancelled"))
        self.pin_face_button = self._button(T.BTN_USE_FACE, "pin_face")
        self.pin_face_button.clicked.connect(self.face_requested)
        s["pin"].buttons.addStretch(1)
        s["pin"].buttons.addWidget(self.pin_help_button)
        s["pin"].buttons.addWidget(self.pin_face_button)
        s["pin"].buttons.addStretch(1)

        self.last_try_question = FuriganaLabel(point_size=26)
        s["last_try"].body.addWidget(self.last_try_question)
        self.last_try_staff = self._button(T.BTN_ASK_STAFF, "last_try_staff", primary=True)
        self.last_try_staff.clicked.connect(lambda: self._ask_staff_pressed("pin_last_try"))
        self.last_try_enter = self._button(T.BTN_ENTER_PIN, "last_try_enter")
        self.last_try_enter.clicked.connect(lambda: self._go("pin"))
        self.last_try_face = self._button(T.BTN_USE_FACE, "last_try_face")
        self.last_try_face.clicked.connect(self.face_requested)
        for button in (self.pin_face_button, self.last_try_face):  # shown by show_pin(face_offered=True) only
            button.setVisible(False)
        s["last_try"].buttons.addWidget(self.last_try_staff)
        s["last_try"].buttons.addWidget(self.last_try_face)
        s["last_try"].buttons.addWidget(self.last_try_enter)

        # A locked PIN, the card having identified the patient's chart: the face reader instead of the staff
        self.blocked_hint = FuriganaLabel(point_size=24)
        s["pin_blocked"].body.addWidget(self.blocked_hint)
        self.blocked_staff = self._button(T.BTN_ASK_STAFF, "blocked_staff")
        self.blocked_staff.clicked.connect(lambda: self._ask_staff_pressed("pin_blocked"))
        self.blocked_face = self._button(T.BTN_USE_FACE, "blocked_face", primary=True)
        self.blocked_face.clicked.connect(self.face_requested)
        s["pin_blocked"].buttons.addStretch(1)
        s["pin_blocked"].buttons.addWidget(self.blocked_staff)
        s["pin_blocked"].buttons.addWidget(self.blocked_face)
        s["pin_blocked"].buttons.addStretch(1)

        # Waiting for the face reader's result (routed to this session only if it is the same person)
        self.face_hint = FuriganaLabel(point_size=24)
        s["face"].body.addWidget(self.face_hint)
        self.face_staff = self._button(T.BTN_ASK_STAFF, "face_staff")
        self.face_staff.clicked.connect(lambda: self._ask_staff_pressed("cancelled"))
        s["face"].buttons.addStretch(1)
        s["face"].buttons.addWidget(self.face_staff)
        s["face"].buttons.addStretch(1)

        self.number_caption = QLabel()
        self.number_caption.setObjectName("secondary")
        self.number_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.queue_label = QLabel()
        self.queue_label.setObjectName("queueNumber")
        self.queue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.greeting = QLabel()
        self.greeting.setObjectName("secondary")
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_note = FuriganaLabel(point_size=22)
        self.remove_card_note = QLabel()
        self.remove_card_note.setObjectName("warning")
        self.remove_card_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.greeting, self.number_caption, self.queue_label, self.ticket_note, self.remove_card_note):
            s["done"].body.addWidget(w)
        self.done_button = self._button(T.BTN_OK, "done_ok", primary=True)
        self.done_button.clicked.connect(self.show_welcome)
        s["done"].buttons.addStretch(1)
        s["done"].buttons.addWidget(self.done_button)

        self.reason_label = FuriganaLabel(point_size=26)
        self.reason_label.setObjectName("reason")
        self.reason_secondary = QLabel()
        self.reason_secondary.setObjectName("secondary")
        self.reason_secondary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_secondary.setWordWrap(True)
        s["ask_staff"].body.addWidget(self.reason_label)
        s["ask_staff"].body.addWidget(self.reason_secondary)
        self.ask_staff_button = self._button(T.BTN_START_OVER, "start_over", primary=True)
        self.ask_staff_button.clicked.connect(self.show_welcome)
        s["ask_staff"].buttons.addStretch(1)
        s["ask_staff"].buttons.addWidget(self.ask_staff_button)

        self._titles = {
            "welcome": T.WELCOME,
            "reading": T.READING,
            "pin": T.PIN_PROMPT,
            "last_try": T.LAST_TRY,
            "pin_blocked": T.PIN_BLOCKED,
            "face": T.FACE_PROMPT,
            "checking": T.CHECKING,
            "done": T.DONE,
            "ask_staff": T.ASK_STAFF,
        }

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

    def _retranslate(self) -> None:
        for name, screen in self.screens.items():
            primary, secondary = self._texts.pair(self._titles[name], self._language)
            screen.title.setMarkup(primary)
            screen.secondary.setText(secondary)
        for button in self.findChildren(QPushButton):
            source = button.property("source_text")
            if source:
                primary, secondary = self._texts.pair(str(source), self._language)
                from reception_app.ui.widgets.furigana import plain_text

                label = plain_text(primary)
                if source != T.BTN_LANGUAGE and _plain(primary) != secondary:
                    label = f"{label}\n{secondary}"
                button.setText(label)
                button.setAccessibleName(plain_text(primary))
        ok_p, _ = self._texts.pair(T.BTN_OK, self._language)
        clear_p, _ = self._texts.pair(T.BTN_CLEAR, self._language)
        self.keypad.set_labels(ok_p, clear_p)
        tries_p, tries_s = self._texts.pair(T.PIN_TRIES, self._language)
        self.tries_label.setText(
            f"{tries_p.replace('%1', str(self._tries_left))}   /   {tries_s.replace('%1', str(self._tries_left))}"
        )
        hint_p, hint_s = self._texts.pair(T.PIN_HIDE, self._language)
        self.pin_hint.setText(f"{_plain(hint_p)}\n{hint_s}")
        q_p, q_s = self._texts.pair(T.LAST_TRY_QUESTION, self._language)
        self.last_try_question.setMarkup(f"{q_p}\n{q_s}")
        b_p, b_s = self._texts.pair(T.PIN_BLOCKED_HINT, self._language)
        self.blocked_hint.setMarkup(f"{b_p}\n{b_s}")
        f_p, f_s = self._texts.pair(T.FACE_HINT, self._language)
        self.face_hint.setMarkup(f"{f_p}\n{f_s}")
        n_p, n_s = self._texts.pair(T.DONE_NUMBER, self._language)
        self.number_caption.setText(f"{_plain(n_p)} / {n_s}")
        self.queue_label.setText(self._queue_number)
        if self._patient_name:
            g_p, _ = self._texts.pair(T.DONE_GREETING, self._language)
            self.greeting.setText(_plain(g_p).replace("%1", self._patient_name))
        else:
            self.greeting.setText("")
        t_p, t_s = self._texts.pair(T.DONE_TICKET, self._language)
        self.ticket_note.setMarkup(f"{t_p}\n{t_s}")
        r_p, r_s = self._texts.pair(T.REMOVE_CARD, self._language)
        self.remove_card_note.setText(f"{_plain(r_p)} / {r_s}")
        reason_source = T.REASONS.get(self._reason, T.REASONS["error"])
        reason_p, reason_s = self._texts.pair(reason_source, self._language)
        self.reason_label.setMarkup(reason_p)
        self.reason_secondary.setText(reason_s)

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
        self.stack.setCurrentWidget(self.screens[name])
        if name == "pin":
            self.keypad.setFocus(Qt.FocusReason.OtherFocusReason)
        self._restart_idle()

    def wipe(self) -> None:
        """Forget everything about the last patient: PIN digits, name, number, reason."""
        self.keypad.clear()
        self._face_wait.stop()
        self._tries_left = 0
        self._queue_number = ""
        self._patient_name = ""
        self._reason = "error"

    def show_welcome(self) -> None:
        self.wipe()
        self._go("welcome")

    def show_reading(self) -> None:
        self._go("reading")

    def show_pin(self, tries_left: int, face_offered: bool = False) -> None:
        """Asks for the PIN. At one try left the patient first sees a warning and may go to the staff instead;
        with none left the kiosk refuses and sends the patient to the desk. `face_offered`: the card identified
        the patient's chart, so the face reader may be used instead (a button on these screens)."""
        self.keypad.clear()
        self._tries_left = tries_left
        self.pin_face_button.setVisible(face_offered)
        self.last_try_face.setVisible(face_offered)
        if tries_left <= 0:
            if face_offered:
                self.show_pin_blocked()
            else:
                self.show_ask_staff("pin_blocked")
        elif tries_left == 1:
            self._go("last_try")
        else:
            self._go("pin")

    def show_pin_blocked(self) -> None:
        """The PIN is locked: the face reader, or the staff (only for a chart the card identified)."""
        self.keypad.clear()
        self._tries_left = 0
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

    def show_done(self, queue_number: int | str, patient_name: str = "") -> None:
        """Only the patient's own display name (optional) and the queue number."""
        self._queue_number = f"{int(queue_number):03d}" if str(queue_number).isdigit() else str(queue_number)
        self._patient_name = patient_name
        self._go("done")

    def show_ask_staff(self, reason: str) -> None:
        """`reason` is a code from texts.REASONS; anything unknown shows the generic text."""
        self.keypad.clear()
        self._reason = reason if reason in T.REASONS else "error"
        self._go("ask_staff")

    @property
    def reason(self) -> str:
        return self._reason

    @property
    def tries_left(self) -> int:
        return self._tries_left

    def _on_pin(self, pin: str) -> None:
        self._restart_idle()
        self.pin_entered.emit(pin)

    def _ask_staff_pressed(self, reason: str) -> None:
        self.staff_help_requested.emit()
        self.show_ask_staff(reason)

    # --- idle timeout ---------------------------------------------------------------------------------------
    def set_idle_timeout(self, seconds: float) -> None:
        self._idle.setInterval(max(int(seconds * 1000), 1))
        self._restart_idle()

    def idle_timeout_ms(self) -> int:
        return int(self._idle.interval())

    def _restart_idle(self) -> None:
        if self.current_screen() == "face":  # the face wait has its own limit (then "ask the staff", then wiped)
            self._idle.stop()
            return
        self._idle.start()

    def _on_idle(self) -> None:
        if self.current_screen() == "welcome":
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


def _plain(markup: str) -> str:
    from reception_app.ui.widgets.furigana import plain_text

    return plain_text(markup)
