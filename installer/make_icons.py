"""Draws the app icon (a card on a reader) and writes installer/icons/reception-app.png and .ico.

Run once by hand when the icon changes (`QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icons.py`);
the results are committed so that building the bundle needs no drawing step.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

HERE = Path(__file__).resolve().parent / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64.0
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1d4e89"))  # reader body
    p.drawRoundedRect(QRectF(6 * s, 34 * s, 52 * s, 24 * s), 5 * s, 5 * s)
    p.setBrush(QColor("#f4f6f8"))  # card
    p.drawRoundedRect(QRectF(12 * s, 8 * s, 40 * s, 30 * s), 3 * s, 3 * s)
    p.setBrush(QColor("#d4a017"))  # chip
    p.drawRoundedRect(QRectF(17 * s, 16 * s, 10 * s, 8 * s), 1.5 * s, 1.5 * s)
    p.setBrush(QColor("#2e8b57"))  # status light
    p.drawEllipse(QRectF(46 * s, 46 * s, 6 * s, 6 * s))
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    HERE.mkdir(exist_ok=True)
    draw(256).save(str(HERE / "reception-app.png"))
    draw(256).scaled(64, 64).save(str(HERE / "reception-app.ico"))  # Qt's ico writer stores one image
    return 0


if __name__ == "__main__":
    sys.exit(main())
