"""Run something once a window has painted for the first time: start-up work that the first card does not need
(the demo's connections, the QA panel) waits for it, so it does not slow the window down (a Python thread holds the
GIL too)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def after_first_paint(window: QWidget, fn: Callable[[], None]) -> None:
    """Calls `fn` once on the GUI thread, right after `window`'s first paint (or after FALLBACK_MS if it never
    paints, e.g. a window that stays hidden)."""
    _FirstPaint(window, fn)


class _FirstPaint(QObject):
    """The event filter behind `after_first_paint` (a child of the window: it goes with it)."""

    FALLBACK_MS = 1000
    # A class default as well: Qt may call the filter while the Python side is being torn down, after its instance
    # attributes are gone (seen as "no attribute '_fn'" under load).
    _fn: Callable[[], None] | None = None

    def __init__(self, window: QWidget, fn: Callable[[], None]) -> None:
        super().__init__(window)
        self._fn: Callable[[], None] | None = fn
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._fn is not None and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._fire)  # once this paint is done
        return False

    def _fire(self) -> None:
        fn, self._fn = self._fn, None
        if fn is not None:
            parent = self.parent()
            if isinstance(parent, QWidget):
                parent.removeEventFilter(self)
            fn()
