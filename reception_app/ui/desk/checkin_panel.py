"""The live check-in panel: the pipeline's steps with where we are, the state in words, the suggested patient,
the error with what to do, and the staff's actions for the current step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reception_app.reception.view import END_STATES, SessionView, State
from reception_app.ui import words

DONE_MARK, CURRENT_MARK, TODO_MARK, FAIL_MARK = "✔", "▶", "○", "✖"


class CheckInPanel(QWidget):
    pin_requested = Signal()
    face_requested = Signal()
    insurance_requested = Signal()
    cancel_requested = Signal()
    declaration_requested = Signal()
    visual_check_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Check-in progress"))
        heading = self.tr("Check-in")
        self.title = QLabel(f"<b>{heading}</b>")
        self.state_label = QLabel()
        self.state_label.setObjectName("stateLabel")
        self.state_label.setAccessibleName(self.tr("Check-in state"))
        self.state_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.state_label.setWordWrap(True)
        self.steps: dict[str, QLabel] = {}
        grid = QGridLayout()
        for row, code in enumerate(words.STEP_ORDER):
            mark = QLabel(TODO_MARK)
            name = QLabel(words.word(words.STEPS, code))
            mark.setAccessibleName(words.word(words.STEPS, code))
            mark.setFixedWidth(24)
            self.steps[code] = mark
            grid.addWidget(mark, row, 0)
            grid.addWidget(name, row, 1)
        grid.setColumnStretch(1, 1)
        self.suggestion = QLabel()
        self.suggestion.setObjectName("suggestion")
        self.suggestion.setWordWrap(True)
        self.suggestion.setAccessibleName(self.tr("Suggested patient"))
        self.message = QLabel()
        self.message.setObjectName("checkinMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Check-in message"))
        self.queue_label = QLabel()
        self.queue_label.setObjectName("queueLabel")
        self.queue_label.setAccessibleName(self.tr("Queue number"))
        self.queue_label.setStyleSheet("font-size: 22pt; font-weight: bold; color: #0b4f9c;")

        self.pin_button = QPushButton(self.tr("Patient enters &PIN…"))
        self.pin_button.setAccessibleName(self.tr("Patient enters PIN"))
        self.pin_button.clicked.connect(self.pin_requested)
        self.face_button = QPushButton(self.tr("Use the &face reader"))
        self.face_button.setAccessibleName(self.tr("Use the face reader"))
        self.face_button.clicked.connect(self.face_requested)
        self.insurance_button = QPushButton(self.tr("By &insurance number…"))
        self.insurance_button.setAccessibleName(self.tr("Eligibility by insurance number"))
        self.insurance_button.clicked.connect(self.insurance_requested)
        self.declaration_button = QPushButton(self.tr("Continue with a &declaration (申立書)"))
        self.declaration_button.setAccessibleName(self.tr("Continue with a declaration"))
        self.declaration_button.clicked.connect(self.declaration_requested)
        self.visual_button = QPushButton(self.tr("&Visual check of the card (目視確認)…"))
        self.visual_button.setAccessibleName(self.tr("Visual check of the card"))
        self.visual_button.clicked.connect(self.visual_check_requested)
        self.cancel_button = QPushButton(self.tr("&Cancel check-in"))
        self.cancel_button.setAccessibleName(self.tr("Cancel check-in"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        buttons = QVBoxLayout()
        for b in (self.pin_button, self.face_button, self.insurance_button, self.visual_button,
                  self.declaration_button, self.cancel_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state_label)
        layout.addLayout(grid)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.message)
        layout.addWidget(self.queue_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.show_view(None)

    def show_view(self, view: SessionView | None) -> None:
        """Shows a SessionView (None: no session yet)."""
        state = view.state if view is not None else State.IDLE
        step = str(view.step) if view is not None else "waiting"
        self.state_label.setText(words.word(words.STATES, state.value, state.value))
        order = list(words.STEP_ORDER)
        current = order.index(step) if step in order else (len(order) if step == "done" else -1)
        failed = state in END_STATES - {State.COMPLETED} or state is State.PIN_BLOCKED
        for i, step_code in enumerate(order):
            mark = self.steps[step_code]
            if step == "done" or state is State.COMPLETED or i < current:
                mark.setText(DONE_MARK)
                mark.setStyleSheet("color: #0d5b1d;")
            elif i == current:
                mark.setText(FAIL_MARK if failed else CURRENT_MARK)
                mark.setStyleSheet("color: #8b1206; font-weight: bold;" if failed else "color: #0b4f9c;")
            else:
                mark.setText(TODO_MARK)
                mark.setStyleSheet("color: #888;")
        suggested = view.suggested_patient if view is not None else None
        if suggested is not None and state is not State.COMPLETED:
            self.suggestion.setText(self.tr("Card linked to: %1 (check that this is the patient)").replace(
                "%1", suggested.name))
        else:
            self.suggestion.setText("")
        code: str | None = None
        if view is not None:
            code = view.error_code or view.end_reason
        if view is not None and code and state is not State.COMPLETED:
            text = words.error_words(code, view.error_message)
            if code == "wrong_pin" and view.pin_tries_left is not None:
                text += " " + self.tr("Tries left: %1").replace("%1", str(view.pin_tries_left))
            self.message.setText(f"⚠ {text}")
            self.message.setStyleSheet("background: #fde4e1; color: #8b1206; padding: 4px;")
        else:
            self.message.setText("")
            self.message.setStyleSheet("")
        number = view.queue_number if view is not None else None
        self.queue_label.setText(self.tr("No. %1").replace("%1", f"{number:03d}") if number else "")
        # a check-in that ended (done, cancelled, failed) leaves the desk free for the next patient, as F3 and F4 do
        free = state is State.IDLE or (view is not None and view.ended)
        self.pin_button.setEnabled(state is State.AWAITING_PIN)
        self.face_button.setEnabled(free or state in (State.AWAITING_PIN, State.PIN_BLOCKED))
        self.insurance_button.setEnabled(free or state in (State.AWAITING_PIN, State.PIN_BLOCKED))
        self.visual_button.setEnabled(state is State.PIN_BLOCKED)
        self.declaration_button.setEnabled(state is State.AWAITING_DECLARATION)
        self.cancel_button.setEnabled(view is not None and not view.ended and state is not State.IDLE)
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
