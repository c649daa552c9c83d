"""Python's cyclic garbage collector runs in whatever thread happens to allocate; if it frees a Qt widget from a
worker thread, Qt crashes (segfault). The GUI therefore turns automatic collection off and collects on the GUI
thread from a timer instead (the approach qutebrowser takes for the same reason). The switches themselves are in
reception_app/gc_policy.py, the one place that turns the collector on or off."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from reception_app import gc_policy

INTERVAL_MS = 1000
FULL_EVERY_TICKS = 60


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._ticks = 0

    def start(self) -> None:
        gc_policy.collect_manually(True)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.collect()
        gc_policy.collect_manually(False)

    def collect(self) -> None:
        """A young-generation pass when due, like the automatic collector would, but here on the GUI thread."""
        threshold = gc.get_threshold()[0]
        if gc.get_count()[0] >= threshold:
            gc_policy.collect(0)
        if gc.get_count()[1] >= 10:
            gc_policy.collect(1)
        self._ticks += 1
        if self._ticks >= FULL_EVERY_TICKS:  # a full pass costs tens of ms: rarely, like CPython's own heuristic
            self._ticks = 0
            gc_policy.collect(2)


_installed: GuiThreadGarbageCollector | None = None


def install(parent: QObject) -> GuiThreadGarbageCollector:
    """Once per application (tests and the screenshot script call it too)."""
    global _installed
    if _installed is None:
        _installed = GuiThreadGarbageCollector(parent)
        _installed.start()
    return _installed


def freeze_what_the_start_made() -> None:
    """Called once the app's services are up. What is alive then (modules, classes, the services, the windows) lives
    as long as the app, so one full pass on the GUI thread and `gc.freeze()` take it out of the collector's sight:
    the later full passes walk only what came after (~20 ms a pass at a desk before, a GUI-thread stall of its own)."""
    gc_policy.freeze_survivors()
