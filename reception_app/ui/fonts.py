"""Checks that a font able to show Japanese is installed; without one, every label is a row of boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED_FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "IPAGothic", "IPAexGothic", "Yu Gothic UI", "Meiryo",
                      "MS UI Gothic", "Hiragino Sans", "Source Han Sans JP")


def japanese_families() -> list[str]:
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))


def pick_japanese_family() -> str | None:
    available = japanese_families()
    for family in PREFERRED_FAMILIES:
        if family in available:
            return family
    return available[0] if available else None


def missing_font_message() -> str:
    return (
        "reception-app: no font with Japanese characters is installed, so Japanese text would show as boxes.\n"
        "Install one, e.g. on Debian/Ubuntu: sudo apt-get install fonts-noto-cjk (or fonts-ipafont-gothic)."
    )


def apply_japanese_font(base: QFont) -> QFont:
    """The application font with a Japanese family first in its fallback list (the UI stays readable in both)."""
    family = pick_japanese_family()
    font = QFont(base)
    if family:
        families = [base.family(), family] if base.family() and base.family() != family else [family]
        font.setFamilies([family, *[f for f in families if f != family]])
    return font
