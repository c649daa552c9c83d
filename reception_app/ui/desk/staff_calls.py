"""「職員を呼ぶ」 at a kiosk, as the desk shows it: a red status-bar alert 「受付機 kiosk-1 で職員を呼んでいます
（暗証番号の入力・9:56）」 while a call is open (asked on the worker every few seconds; reception/staff_calls.py),
a beep when a new one comes, and 「対応する」 (click the alert) to take it off every desk (audited under the staff
member's name). The window only creates `StaffCallAlerts(window, ctx)` and calls `services_ready()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QToolButton

from reception_app.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from reception_app.reception.staff_calls import StaffCall
    from reception_app.ui.context import UiContext

STAFF_CALLS_CHECK_MS = 3_000
ALERT_STYLE = "QToolButton { background: #b00020; color: white; font-weight: bold; padding: 1px 10px; }"

# The kiosk screen the patient called from, in words for the staff.
STEPS: dict[str, str] = {
    "consent": QT_TRANSLATE_NOOP("StaffCalls", "consent screens"),
    "pin": QT_TRANSLATE_NOOP("StaffCalls", "PIN entry"),
    "last_try": QT_TRANSLATE_NOOP("StaffCalls", "PIN, last try"),
    "pin_blocked": QT_TRANSLATE_NOOP("StaffCalls", "PIN locked"),
    "face": QT_TRANSLATE_NOOP("StaffCalls", "waiting for the face reader"),
    "checking": QT_TRANSLATE_NOOP("StaffCalls", "checking the insurance"),
    "card_back": QT_TRANSLATE_NOOP("StaffCalls", "card came off the reader"),
    "ask_staff": QT_TRANSLATE_NOOP("StaffCalls", "sent to the desk"),
}


def call_words(call: StaffCall) -> str:
    step = STEPS.get(call.step)
    step_words = QCoreApplication.translate("StaffCalls", step) if step else ""
    local = call.called_at.astimezone()
    when = f"{local.hour}:{local.minute:02d}"
    detail = f"{step_words}・{when}" if step_words else when
    return QCoreApplication.translate("StaffCalls", "Kiosk %1 calls for staff (%2)").replace(
        "%1", call.kiosk).replace("%2", detail)


class StaffCallAlerts(QObject):
    def __init__(self, window: QMainWindow, ctx: UiContext) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._asking = False
        self.calls: list[StaffCall] = []
        self.box: QMessageBox | None = None
        self.alert = QToolButton()
        self.alert.setObjectName("staffCallAlert")
        self.alert.setAutoRaise(True)
        self.alert.setStyleSheet(ALERT_STYLE)
        self.alert.setAccessibleName(self.tr("A kiosk calls for staff"))
        self.alert.setToolTip(self.tr("A patient at a kiosk asks for help: click when you go to them"))
        self.alert.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.alert.clicked.connect(self.answer_oldest)
        self.alert.hide()
        window.statusBar().addPermanentWidget(self.alert)
        self.timer = QTimer(self)
        self.timer.setInterval(STAFF_CALLS_CHECK_MS)
        self.timer.timeout.connect(self.refresh)
        self.services_ready()

    def services_ready(self) -> None:
        if self._ctx.staff_calls is not None and not self.timer.isActive():
            self.timer.start()
            QTimer.singleShot(0, self.refresh)

    def set_interval(self, msecs: int) -> None:
        self.timer.setInterval(max(msecs, 1))

    @property
    def text(self) -> str:
        """What the alert says now ("" when no call is open)."""
        return self.alert.text() if self.alert.isVisible() else ""

    def refresh(self) -> None:
        fetch = self._ctx.staff_calls
        if fetch is None or self._asking:
            return
        self._asking = True
        self._ctx.worker.submit(fetch, on_result=self._got, on_error=self._failed, lane="desk-staff-calls")

    def _got(self, calls: object) -> None:
        self._asking = False
        new = list(calls) if isinstance(calls, list) else []
        known = {(c.kiosk, c.called_at) for c in self.calls}
        if any((c.kiosk, c.called_at) not in known for c in new):
            QApplication.beep()
        self.calls = new
        if new:
            words = call_words(new[0])
            if len(new) > 1:
                words += self.tr(" and %1 more").replace("%1", str(len(new) - 1))
            self.alert.setText("⚠ " + words)
        self.alert.setVisible(bool(new))

    def _failed(self, error: BaseException) -> None:
        self._asking = False

    def answer_oldest(self) -> None:
        """「対応する」: a member of staff goes to the kiosk of the oldest call."""
        answer = self._ctx.answer_staff_call
        if not self.calls or answer is None:
            return
        call = self.calls[0]
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Kiosk call"),
                          call_words(call) + "\n\n" + self.tr("Go to the kiosk now? The alert then leaves every desk."),
                          QMessageBox.StandardButton.NoButton, self._window)
        go = box.addButton(self.tr("I am going"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not yet"), QMessageBox.ButtonRole.RejectRole)
        self.box = box  # tests reach it while it is open
        box.exec()
        self.box = None
        if box.clickedButton() is go:
            self.answer(call.kiosk)

    def answer(self, kiosk: str) -> None:
        answer = self._ctx.answer_staff_call
        if answer is None:
            return
        self.calls = [c for c in self.calls if c.kiosk != kiosk]
        self.alert.setVisible(bool(self.calls))
        self._ctx.worker.submit(lambda: answer(kiosk), on_result=lambda _: self.refresh(), on_error=self._failed)
