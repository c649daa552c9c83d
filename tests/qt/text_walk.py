"""Acceptance 3 of issue 12: every text a person can read on the desk, walked widget by widget, with the checks a
native reader would make of the Japanese UI: no internal key (snake_case), no English word, no ISO date in a
Japanese sentence."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTextBrowser,
    QWidget,
)

INTERNAL_KEY_RE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
ENGLISH_WORD_RE = re.compile(r"[A-Za-z]{2,}")
ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
JAPANESE_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Words a Japanese clinic writes in Latin letters (a 和暦 entry's era letter, S63.3.9, is one letter: not a word).
ALLOWED_WORDS = frozenset({"OQS", "PMH", "HIV", "PIN", "QR", "ID", "PDF", "OK"})  # OK: as on every Japanese button
MNEMONIC_RE = re.compile(r"\(&\w\)|&(?=\w)")


def _is_visible(widget: QWidget) -> bool:
    return widget.isVisibleTo(widget.window()) and widget.window().isVisible()


def _inside_dock(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QDockWidget):  # the QA panel: a tool for the demo's testers, not staff
            return True
        parent = parent.parentWidget()
    return False


def texts_of(root: QWidget) -> list[str]:
    """Every text shown in `root` and its visible children (labels, buttons, titles, placeholders, lists, tables, the
    eligibility panel, message boxes); user-typed field values are data and left out."""
    found: list[str] = [root.windowTitle()]
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not _is_visible(widget) or _inside_dock(widget):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QTextBrowser):
            found.append(widget.toPlainText())
        elif isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            found.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QGroupBox):
            found.append(widget.title())
        elif isinstance(widget, QMessageBox):
            found.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for col in range(model.columnCount()):
                found.append(str(model.headerData(col, _horizontal()) or ""))
        if isinstance(widget, QMainWindow):
            found.append(widget.statusBar().currentMessage())
    return [MNEMONIC_RE.sub("", re.sub(r"<[^>]+>", "", t)) for t in found if t]


def _horizontal() -> Qt.Orientation:
    return Qt.Orientation.Horizontal


def problems_in_japanese(texts: list[str], data: tuple[str, ...] = ()) -> list[str]:
    """What a native reader would flag in the Japanese UI; `data` (reader names, IDs) is taken out first."""
    bad: list[str] = []
    for text in texts:
        clean = text
        for item in data:
            clean = clean.replace(item, "")
        for line in clean.splitlines():
            if INTERNAL_KEY_RE.search(line):
                bad.append(f"internal key: {line!r}")
            words = [w for w in ENGLISH_WORD_RE.findall(line) if w not in ALLOWED_WORDS]
            if words:
                bad.append(f"English {words}: {line!r}")
            if ISO_DATE_RE.search(line) and JAPANESE_RE.search(line):
                bad.append(f"ISO date in a Japanese sentence: {line!r}")
    return bad
