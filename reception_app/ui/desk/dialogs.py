"""Desk dialogs: the patient's PIN entry, candidate choice and new-patient registration, relink confirmation,
and the offline declaration question. Each reports the staff's decision through a signal; none decides alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reception_app.ui import words
from reception_app.ui.dates import era_and_gregorian
from reception_app.ui.desk.eligibility_panel import mark_gaiji
from reception_app.ui.error_texts import error_text
from reception_app.ui.kiosk.keypad import PinKeypad

if TYPE_CHECKING:
    from reception_app.reception.models import BasicFour, Candidate, PersonFacts, RegistrationForm

DIFF_STYLE = "background: #fde4e1; color: #8b1206; font-weight: bold;"


class PatientPinDialog(QDialog):
    """Turned towards the patient: they type their own PIN (staff never type or hear it)."""

    pin_entered = Signal(str)

    def __init__(self, tries_left: int | None, parent: QWidget | None = None, *, purpose: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PIN entry for the patient"))
        self.setAccessibleName(self.tr("PIN entry for the patient"))
        info = QLabel(purpose or self.tr("Please let the patient type the 4-digit PIN of the card (利用者証明用)."))
        info.setWordWrap(True)
        self.tries = QLabel()
        self.tries.setObjectName("tries")
        self._on_pin: Callable[[str], object] | None = None
        self.set_tries(tries_left)
        self.keypad = PinKeypad()
        self.keypad.set_labels(self.tr("OK"), self.tr("Clear"))
        self.keypad.pin_entered.connect(self._entered)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel PIN entry"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.tries)
        layout.addWidget(self.keypad)
        layout.addWidget(cancel)
        self.keypad.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_tries(self, tries_left: int | None) -> None:
        self.tries.setText(self.tr("Tries left: %1").replace("%1", str(tries_left)) if tries_left is not None else "")
        self.tries.setStyleSheet(DIFF_STYLE if tries_left is not None and tries_left <= 1 else "")

    def prepare(self, tries_left: int | None, on_pin: Callable[[str], object]) -> None:
        """Reuse: the desk keeps one dialog (built and laid out at start) so opening it never stalls the GUI."""
        self.keypad.clear()
        self.set_tries(tries_left)
        self._on_pin = on_pin

    def _entered(self, pin: str) -> None:
        callback, self._on_pin = self._on_pin, None
        self.pin_entered.emit(pin)
        if callback is not None:
            callback(pin)
        self.accept()


def _insurance_text(value: Any) -> str:
    if value is None:
        return ""
    masked = getattr(value, "masked", None)
    return str(masked()) if callable(masked) else str(value)


def _field_text(obj: Any, name: str) -> str:
    value = getattr(obj, name, None)
    if name == "birth_date":
        return era_and_gregorian(value) if value else ""
    if name == "sex":
        return words.word(words.SEX, str(value or ""), str(value or ""))
    if name == "insurance":
        return _insurance_text(value) or "—"
    return "" if value is None else str(value)


COMPARED = ("name", "kana", "birth_date", "sex", "address", "insurance")


class RegistrationFormWidget(QWidget):
    """The new-patient form, prefilled from the eligibility result; staff correct it before saving."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.kana = QLineEdit()
        self.kana.setAccessibleName(self.tr("Kana"))
        self.birth_date = QDateEdit()
        self.birth_date.setAccessibleName(self.tr("Birth date"))
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_date.setCalendarPopup(True)
        self.sex = QComboBox()
        self.sex.setAccessibleName(self.tr("Sex"))
        for code in ("1", "2", "3"):
            self.sex.addItem(words.word(words.SEX, code), code)
        self.address = QLineEdit()
        self.address.setAccessibleName(self.tr("Address"))
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Phone"))
        self.problems = QLabel()
        self.problems.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problems.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Kana"), self.kana)
        form.addRow(self.tr("&Birth date"), self.birth_date)
        form.addRow(self.tr("&Sex"), self.sex)
        form.addRow(self.tr("&Address"), self.address)
        form.addRow(self.tr("P&hone"), self.phone)
        form.addRow(self.problems)

    def fill(self, form: RegistrationForm | None) -> None:
        if form is None:
            return
        self.name.setText(form.name)
        self.kana.setText(form.kana)
        if form.birth_date:
            from PySide6.QtCore import QDate

            self.birth_date.setDate(QDate(form.birth_date.year, form.birth_date.month, form.birth_date.day))
        index = self.sex.findData(form.sex)
        if index >= 0:
            self.sex.setCurrentIndex(index)
        self.address.setText(form.address)
        self.phone.setText(getattr(form, "phone", ""))

    def set_address(self, address: str) -> None:
        self.address.setText(address)

    def value(self) -> RegistrationForm:
        from reception_app.reception.models import RegistrationForm

        qd = self.birth_date.date()
        return RegistrationForm(
            name=self.name.text().strip(),
            kana=self.kana.text().strip(),
            birth_date=date(qd.year(), qd.month(), qd.day()),
            sex=str(self.sex.currentData()),
            address=self.address.text().strip(),
            phone=self.phone.text().strip(),
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        self.problems.setText("\n".join(f"{words.word(words.FIELDS, k, k)}: {v}" for k, v in problems.items()))


class MatchDialog(QDialog):
    """Candidates side by side with the eligibility result, differences highlighted. Never picks by itself: the
    staff press a candidate's own button, or register a new patient from the prefilled form."""

    candidate_chosen = Signal(str)
    registration_submitted = Signal(object)
    new_patient_requested = Signal()
    """The staff say none of the candidates is this person (the form page opened)."""

    def __init__(
        self,
        candidates: Sequence[Candidate],
        facts: PersonFacts | None,
        form: RegistrationForm | None,
        parent: QWidget | None = None,
        *,
        read_basic_four: Callable[[str], Any] | None = None,
        run_in_worker: Callable[..., Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which patient is this?"))
        self.setAccessibleName(self.tr("Patient match"))
        self._read_basic_four = read_basic_four
        self._facts = facts
        self._run = run_in_worker
        self.pages = QStackedWidget()
        self.compare_page = QWidget()
        self.form_page = QWidget()
        self.pages.addWidget(self.compare_page)
        self.pages.addWidget(self.form_page)
        self.choose_buttons: list[QPushButton] = []
        self.diff_cells: list[QLabel] = []
        self._build_compare(candidates, facts)
        self._build_form(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.pages.setCurrentWidget(self.form_page if not candidates else self.compare_page)

    def _build_compare(self, candidates: Sequence[Candidate], facts: PersonFacts | None) -> None:
        layout = QVBoxLayout(self.compare_page)
        intro = QLabel(
            self.tr("Compare the eligibility result with the clinic's records. Differences are marked. Choose the "
                    "right patient, or register a new one.")
            if candidates else self.tr("No patient in the clinic's records matches. Register a new patient.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        result_heading = self.tr("Eligibility result")
        grid.addWidget(QLabel(f"<b>{result_heading}</b>"), 0, 1)
        for col, cand in enumerate(candidates, start=2):
            title = self.tr("Candidate %1").replace("%1", str(col - 1))
            id_label = self.tr("Patient ID")
            header = QLabel(f"<b>{title}</b><br>{id_label}: {cand.patient.patient_id}")
            grid.addWidget(header, 0, col)
        for row, name in enumerate(COMPARED, start=1):
            grid.addWidget(QLabel(words.word(words.FIELDS, name, name)), row, 0)
            result_cell = QLabel(mark_gaiji(_field_text(facts, name)) if facts else "")
            result_cell.setTextFormat(Qt.TextFormat.RichText)
            grid.addWidget(result_cell, row, 1)
            for col, cand in enumerate(candidates, start=2):
                text = mark_gaiji(_field_text(cand.patient, name))
                cell = QLabel(text)
                cell.setTextFormat(Qt.TextFormat.RichText)
                if name in cand.differences:
                    cell.setText(f"⚠ {text}")
                    cell.setStyleSheet(DIFF_STYLE)
                    cell.setToolTip(self.tr("Differs from the eligibility result"))
                    cell.setAccessibleDescription(self.tr("Differs from the eligibility result"))
                    self.diff_cells.append(cell)
                grid.addWidget(cell, row, col)
        for col, cand in enumerate(candidates, start=2):
            button = QPushButton(self.tr("This is the patient (%1)").replace("%1", cand.patient.patient_id))
            button.setAccessibleName(self.tr("Choose candidate %1").replace("%1", str(col - 1)))
            button.setAutoDefault(False)
            button.setDefault(False)
            button.clicked.connect(lambda _=False, pid=cand.patient.patient_id: self._choose(pid))
            self.choose_buttons.append(button)
            grid.addWidget(button, len(COMPARED) + 1, col)
        layout.addLayout(grid)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&Register a new patient…"))
        self.new_button.setAccessibleName(self.tr("Register a new patient"))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.show_form)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel the match"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

    def _build_form(self, form: RegistrationForm | None) -> None:
        layout = QVBoxLayout(self.form_page)
        box = QGroupBox(self.tr("New patient (prefilled from the eligibility result)"))
        inner = QVBoxLayout(box)
        self.form = RegistrationFormWidget()
        if form is None and self._facts is not None:
            from reception_app.reception.models import prefill_form

            form = prefill_form(self._facts)
        self.form.fill(form)
        self._form_filled = form is not None
        inner.addWidget(self.form)
        layout.addWidget(box)
        row = QHBoxLayout()
        self.basic_four_button = QPushButton(self.tr("Read the address from the card…"))
        self.basic_four_button.setAccessibleName(self.tr("Read the card's basic 4 information with the patient's PIN"))
        self.basic_four_button.setToolTip(self.tr("The patient types the 券面事項入力補助 PIN (4 digits)."))
        self.basic_four_button.setEnabled(self._read_basic_four is not None)
        self.basic_four_button.clicked.connect(self._ask_basic_four)
        self.basic_four_status = QLabel()
        row.addWidget(self.basic_four_button)
        row.addWidget(self.basic_four_status, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox()
        self.register_button = buttons.addButton(
            self.tr("Register and check in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.register_button.setAccessibleName(self.tr("Register and check in"))
        back = buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.ResetRole)
        back.setAccessibleName(self.tr("Back to the candidates"))
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel the registration"))
        self.register_button.clicked.connect(self._register)
        back.clicked.connect(lambda: self.pages.setCurrentWidget(self.compare_page))
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def show_form(self) -> None:
        self.pages.setCurrentWidget(self.form_page)
        self.new_patient_requested.emit()

    def apply_view(self, view: Any) -> None:
        """A newer SessionView while the dialog is open: take the card's address into the form, or say what failed."""
        form = getattr(view, "registration_form", None)
        if form is not None and not self._form_filled:
            self.form.fill(form)
            self._form_filled = True
        if form is not None and form.address and form.address != self.form.address.text():
            self.form.set_address(form.address)
            self.basic_four_status.setText(self.tr("Address read from the card."))
        code = getattr(view, "error_code", None)
        if code and self.basic_four_status.text() == self.tr("Reading the card…"):
            self.basic_four_status.setText(words.error_words(code, getattr(view, "error_message", None)))

    def _choose(self, patient_id: str) -> None:
        self.candidate_chosen.emit(patient_id)
        self.accept()

    def _register(self) -> None:
        form = self.form.value()
        problems = form.problems()
        if problems:
            self.form.show_problems(problems)
            return
        self.registration_submitted.emit(form)
        self.accept()

    def _ask_basic_four(self) -> None:
        reader = self._read_basic_four
        if reader is None:
            return
        dialog = PatientPinDialog(None, self, purpose=self.tr(
            "Please let the patient type the 4-digit PIN for 券面事項入力補助 (the card's text information)."))
        dialog.pin_entered.connect(lambda pin: self._read_with(pin, reader))
        dialog.open()

    def _read_with(self, pin: str, reader: Callable[[str], Any]) -> None:
        """Asks for the read; the answer comes back as a SessionView (`apply_view`) or, with a worker, directly."""
        self.basic_four_status.setText(self.tr("Reading the card…"))
        if self._run is None:
            reader(pin)
            return
        self._run(lambda: reader(pin), on_result=self._basic_four_read, on_error=self._basic_four_failed)

    def _basic_four_read(self, four: BasicFour) -> None:
        if getattr(four, "address", None):
            self.form.set_address(four.address)
            self.basic_four_status.setText(self.tr("Address read from the card."))

    def _basic_four_failed(self, error: BaseException) -> None:
        self.basic_four_status.setText(error_text(error))


class RelinkDialog(QDialog):
    """Insurance changed: show old and new (masked) and relink only when the staff confirm."""

    def __init__(self, patient_name: str, old: str, new: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insurance changed"))
        self.setMinimumWidth(460)
        self.setAccessibleName(self.tr("Insurance changed"))
        text = QLabel(self.tr("The insurance of %1 has changed. Link the new insurance to this patient?").replace(
            "%1", patient_name))
        text.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Before")), 0, 0)
        self.old = QLabel(old)
        self.old.setAccessibleName(self.tr("Old insurance"))
        grid.addWidget(self.old, 0, 1)
        grid.addWidget(QLabel(self.tr("Now")), 1, 0)
        self.new = QLabel(f"⚠ {new}")
        self.new.setStyleSheet(DIFF_STYLE)
        self.new.setAccessibleName(self.tr("New insurance"))
        grid.addWidget(self.new, 1, 1)
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(self.tr("Relink to the new insurance"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setAccessibleName(self.tr("Relink to the new insurance"))
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Do not relink"))
        cancel.setDefault(True)  # the safe choice is the default
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(grid)
        layout.addWidget(buttons)


class InsuranceNumberDialog(QDialog):
    """Eligibility by insurance number (資格確認書 and no card)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Eligibility by insurance number"))
        self.setAccessibleName(self.tr("Eligibility by insurance number"))
        self.insurer = QLineEdit()
        self.insurer.setAccessibleName(self.tr("Insurer number"))
        self.symbol = QLineEdit()
        self.symbol.setAccessibleName(self.tr("Symbol"))
        self.number = QLineEdit()
        self.number.setAccessibleName(self.tr("Number"))
        self.branch = QLineEdit()
        self.branch.setAccessibleName(self.tr("Branch number"))
        self.birth_date = QDateEdit()
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_date.setAccessibleName(self.tr("Birth date"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        form = QFormLayout()
        form.addRow(self.tr("&Insurer number (保険者番号)"), self.insurer)
        form.addRow(self.tr("S&ymbol (記号)"), self.symbol)
        form.addRow(self.tr("N&umber (番号)"), self.number)
        form.addRow(self.tr("&Branch (枝番)"), self.branch)
        form.addRow(self.tr("Birth &date"), self.birth_date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ask OQS"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("Ask OQS"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _check(self) -> None:
        insurer = self.insurer.text().strip()
        if not insurer or not self.number.text().strip():
            self.message.setText(self.tr("The insurer number and the number are required."))
            return
        digits = insurer.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        if not digits.isdigit() or len(digits) not in (6, 8):
            self.message.setText(self.tr("The insurer number has 6 or 8 digits."))
            return
        self.accept()

    def value(self) -> tuple[str, str, str, str, date]:
        qd = self.birth_date.date()
        return (self.insurer.text().strip(), self.symbol.text().strip(), self.number.text().strip(),
                self.branch.text().strip(), date(qd.year(), qd.month(), qd.day()))
