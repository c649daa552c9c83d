"""Staff login: a user name and password checked by a verifier (the store's staff users). Used by the desk to log
in and by the kiosk before anyone may leave it. The password is never kept beyond the check."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

StaffVerifier = Callable[[str, str], bool]
MAX_ATTEMPTS = 3


class StaffLoginDialog(QDialog):
    def __init__(self, verifier: StaffVerifier | None, parent: QWidget | None = None, *, purpose: str = "") -> None:
        super().__init__(parent)
        self._verifier = verifier
        self._attempts = 0
        self.staff_user: str | None = None
        self.setWindowTitle(self.tr("Staff login"))
        self.setAccessibleName(self.tr("Staff login"))
        self.setModal(True)
        self.purpose = QLabel(purpose or self.tr("Enter a staff user name and password."))
        self.purpose.setWordWrap(True)
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("Staff user name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Staff password"))
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.user)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Log in"))
        ok.setAccessibleName(self.tr("Log in"))
        ok.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.purpose)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if verifier is None:
            self.message.setText(self.tr("No staff accounts are set up. Create one with the database tools."))
            ok.setEnabled(False)
        self.user.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_login(self) -> None:
        user, password = self.user.text().strip(), self.password.text()
        self.password.clear()
        if self._verifier is None:
            return
        if not user or not password:
            self.message.setText(self.tr("Enter both the user name and the password."))
            return
        try:
            ok = self._verifier(user, password)
        except Exception:  # the store is unreachable: refuse, and say so
            ok = False
            self.message.setText(self.tr("The staff list cannot be read right now."))
            return
        if ok:
            self.staff_user = user
            self.accept()
            return
        self._attempts += 1
        if self._attempts >= MAX_ATTEMPTS:
            self.message.setText(self.tr("Too many wrong attempts."))
            self.reject()
            return
        self.message.setText(self.tr("Wrong user name or password."))
