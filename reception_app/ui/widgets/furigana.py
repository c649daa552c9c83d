"""A label that shows furigana (ruby) above kanji. Qt's rich text has no <ruby>, so this widget lays the text out
and paints the small kana itself.

Markup: a run of kanji followed by its reading in square brackets, e.g. `受付[うけつけ]をします`. `{base|reading}`
gives a reading to any text (e.g. `{今日|きょう}`). Everything else is plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ"
_TOKEN = re.compile(r"\{(?P<b>[^|{}]+)\|(?P<r>[^{}]+)\}|(?P<k>[" + _KANJI + r"]+)\[(?P<kr>[^\[\]]+)\]")


RUBY_OVERHANG = 0.8  # share of the reading's width that must fit above its own base text


@dataclass(frozen=True)
class RubySegment:
    base: str
    ruby: str = ""


def parse_ruby(markup: str) -> list[RubySegment]:
    segments: list[RubySegment] = []
    pos = 0
    for m in _TOKEN.finditer(markup):
        if m.start() > pos:
            segments.append(RubySegment(markup[pos : m.start()]))
        if m.group("b") is not None:
            segments.append(RubySegment(m.group("b"), m.group("r")))
        else:
            segments.append(RubySegment(m.group("k"), m.group("kr")))
        pos = m.end()
    if pos < len(markup):
        segments.append(RubySegment(markup[pos:]))
    return segments


def plain_text(markup: str) -> str:
    """The text without readings (for accessibility and for tests that read what is on screen)."""
    return "".join(s.base for s in parse_ruby(markup))


@dataclass
class _Unit:
    base: str
    ruby: str
    width: float
    newline: bool = False


class FuriganaLabel(QWidget):
    """Word-wrapping, centred text with readings painted above their kanji."""

    def __init__(self, markup: str = "", parent: QWidget | None = None, *, point_size: float = 28.0) -> None:
        super().__init__(parent)
        self._markup = ""
        self._point_size = point_size
        self._lines: list[list[_Unit]] = []
        self._laid_out_width = -1.0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMarkup(markup)

    # --- text -----------------------------------------------------------------------------------------------
    def setMarkup(self, markup: str) -> None:
        self._markup = markup
        self.setAccessibleName(plain_text(markup))
        self._laid_out_width = -1.0
        self.updateGeometry()
        self.update()

    def markup(self) -> str:
        return self._markup

    def text(self) -> str:
        return plain_text(self._markup)

    def setPointSize(self, size: float) -> None:
        self._point_size = size
        self._laid_out_width = -1.0
        self.updateGeometry()
        self.update()

    # --- fonts ----------------------------------------------------------------------------------------------
    def _base_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self._point_size)
        return font

    def _ruby_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(self._point_size * 0.45, 7.0))
        return font

    def _has_ruby(self) -> bool:
        return any(s.ruby for s in parse_ruby(self._markup))

    # --- layout ---------------------------------------------------------------------------------------------
    def _units(self) -> list[_Unit]:
        base_fm = QFontMetricsF(self._base_font())
        ruby_fm = QFontMetricsF(self._ruby_font())
        units: list[_Unit] = []
        for seg in parse_ruby(self._markup):
            if seg.ruby:
                # a long reading may overhang its neighbours a little (as in print) before it spreads the kanji
                ruby_w = ruby_fm.horizontalAdvance(seg.ruby) * RUBY_OVERHANG
                units.append(_Unit(seg.base, seg.ruby, max(base_fm.horizontalAdvance(seg.base), ruby_w)))
                continue
            # plain text: Latin words break at spaces, CJK characters break anywhere
            for piece in re.findall(r"\n|[A-Za-z0-9'’.,:;!?()\-/]+ ?|.", seg.base):
                if piece == "\n":
                    units.append(_Unit("", "", 0.0, newline=True))
                else:
                    units.append(_Unit(piece, "", base_fm.horizontalAdvance(piece)))
        return units

    def _layout(self, width: float) -> list[list[_Unit]]:
        lines: list[list[_Unit]] = [[]]
        used = 0.0
        for unit in self._units():
            if unit.newline:
                lines.append([])
                used = 0.0
                continue
            if lines[-1] and used + unit.width > width:
                lines.append([])
                used = 0.0
                if unit.base == " ":
                    continue
            lines[-1].append(unit)
            used += unit.width
        return lines

    def _line_height(self) -> tuple[float, float]:
        ruby_h = QFontMetricsF(self._ruby_font()).height() if self._has_ruby() else 0.0
        return ruby_h, QFontMetricsF(self._base_font()).height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        ruby_h, base_h = self._line_height()
        return int(len(self._layout(max(width, 50))) * (ruby_h + base_h) + 4)

    def sizeHint(self) -> QSize:
        width = max(self.width(), 400)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        ruby_h, base_h = self._line_height()
        return QSize(100, int(ruby_h + base_h + 4))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(self.palette().windowText().color())
        base_font, ruby_font = self._base_font(), self._ruby_font()
        ruby_fm = QFontMetricsF(ruby_font)
        base_fm = QFontMetricsF(base_font)
        ruby_h, base_h = self._line_height()
        lines = self._layout(float(self.width()))
        total_h = len(lines) * (ruby_h + base_h)
        y = max((self.height() - total_h) / 2.0, 0.0)
        for line in lines:
            line_w = sum(u.width for u in line)
            x = max((self.width() - line_w) / 2.0, 0.0)
            for unit in line:
                if unit.ruby:
                    painter.setFont(ruby_font)
                    rx = x + (unit.width - ruby_fm.horizontalAdvance(unit.ruby)) / 2.0
                    painter.drawText(QPointF(rx, y + ruby_fm.ascent()), unit.ruby)
                painter.setFont(base_font)
                bx = x + (unit.width - base_fm.horizontalAdvance(unit.base)) / 2.0
                painter.drawText(
                    QRectF(bx, y + ruby_h, unit.width + 2, base_h), Qt.AlignmentFlag.AlignLeft, unit.base
                )
                x += unit.width
            y += ruby_h + base_h
        painter.end()
