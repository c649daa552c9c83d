"""The kiosk's buttons: the chosen language with furigana (Qt's own button text has no ruby), the other language
below it in small type. `text()` is the plain text of both, as a patient reads it (tests, accessibility)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from reception_app.ui.widgets.furigana import FuriganaLabel, plain_text


class KioskButton(QPushButton):
    def __init__(
        self, parent: QWidget | None = None, *, point_size: float = 20.0, minimum_height: int = 64
    ) -> None:
        super().__init__(parent)
        self._plain = ""
        self._minimum_height = minimum_height
        self.primary = FuriganaLabel(point_size=point_size)
        self.primary.setObjectName("buttonPrimary")
        self.secondary = FuriganaLabel(point_size=max(point_size * 0.6, 11.0))
        self.secondary.setObjectName("buttonSecondary")
        for label in (self.primary, self.secondary):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.secondary.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 4, 14, 4)
        layout.setSpacing(0)
        layout.addWidget(self.primary)
        layout.addWidget(self.secondary)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_texts(self, markup: str, secondary: str = "") -> None:
        """`markup`: the chosen language, `secondary`: the other one below it (furigana markup `漢字[かんじ]`)."""
        primary = plain_text(markup)
        shown_secondary = secondary if secondary and plain_text(secondary) != primary else ""
        self._plain = f"{primary}\n{plain_text(shown_secondary)}" if shown_secondary else primary
        self.primary.setMarkup(markup)
        self.secondary.setMarkup(shown_secondary)
        self.secondary.setVisible(bool(shown_secondary))
        self.setAccessibleName(primary)
        self.updateGeometry()

    def setText(self, text: str) -> None:  # the keypad labels its keys through it
        self.set_texts(text)

    def text(self) -> str:
        return self._plain

    def sizeHint(self) -> QSize:
        layout = self.layout()
        inner = layout.sizeHint() if layout is not None else QSize(0, 0)
        return QSize(max(inner.width() + 16, 110), max(inner.height() + 8, self._minimum_height))

    def minimumSizeHint(self) -> QSize:
        return QSize(110, self._minimum_height)
