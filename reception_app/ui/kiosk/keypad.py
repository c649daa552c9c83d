"""The kiosk's numeric keypad for the 4-digit card PIN. The digits live only in this widget until OK, are then
handed over once and wiped; they are never shown (only dots) and never logged."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

PIN_LENGTH = 4


class PinKeypad(QWidget):
    pin_entered = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, make_button: Callable[[], QPushButton] = QPushButton
    ) -> None:
        """`make_button`: the keys' button type (the kiosk's show furigana)."""
        super().__init__(parent)
        self._digits: list[str] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("PIN keypad"))
        self.dots = QLabel()
        self.dots.setObjectName("pinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setAccessibleName(self.tr("PIN digits entered"))
        grid = QGridLayout()
        grid.setSpacing(10)
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]):
            button = make_button()
            button.setObjectName(f"key_{key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the physical keys go to the keypad itself
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setMinimumSize(110, 64)
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            self.buttons[key] = button
            grid.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.dots)
        layout.addLayout(grid)
        self.set_labels("OK", "Clear")
        self._refresh()

    def set_labels(self, ok: str, clear: str) -> None:
        for digit in "0123456789":
            self.buttons[digit].setText(digit)
            self.buttons[digit].setAccessibleName(digit)
        self.buttons["ok"].setText(ok)
        self.buttons["ok"].setAccessibleName(ok)
        self.buttons["clear"].setText(clear)
        self.buttons["clear"].setAccessibleName(clear)

    @property
    def length(self) -> int:
        return len(self._digits)

    def clear(self) -> None:
        self._digits.clear()
        self._refresh()

    def _press(self, key: str) -> None:
        if key == "clear":
            self._digits.clear()
        elif key == "ok":
            if len(self._digits) == PIN_LENGTH:
                pin = "".join(self._digits)
                self._digits.clear()
                self._refresh()
                self.pin_entered.emit(pin)
                return
        elif len(self._digits) < PIN_LENGTH:
            self._digits.append(key)
        self._refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self._press(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._press("ok")
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Escape):
            self._press("clear")
        else:
            super().keyPressEvent(event)

    def _refresh(self) -> None:
        self.dots.setText(" ".join(["●"] * len(self._digits) + ["○"] * (PIN_LENGTH - len(self._digits))))
        self.buttons["ok"].setEnabled(len(self._digits) == PIN_LENGTH)
