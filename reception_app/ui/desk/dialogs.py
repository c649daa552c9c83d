"""Desk dialogs: the patient's PIN entry, candidate choice and new-patient registration, relink confirmation,
and the offline declaration question. Each reports the staff's decision through a signal; none decides alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from reception_app.ui.kiosk.keypad import PinKeypad

if TYPE_CHECKING:
    from reception_app.reception.models import Candidate, InsuranceKey, PatientRecord, PersonFacts, RegistrationForm
    from reception_app.reception.view import SessionView

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


def _insurance_text(value: InsuranceKey | None) -> str:
    return "" if value is None else value.masked()  # never the full number on a screen


def _field_text(obj: PersonFacts | PatientRecord, name: str) -> str:
    value = getattr(obj, name, None)  # `name` is one of the compared fields (models.COMPARED_FIELDS)
    if name == "birth_date":
        return era_and_gregorian(value) if value else ""
    if name == "sex":
        return words.word(words.SEX, str(value or ""), str(value or ""))
    if name == "insurance":
        return _insurance_text(value) or "—"
    return "" if value is None else str(value)


COMPARED = ("name", "kana", "birth_date", "sex", "address", "insurance")


def katakana(text: str) -> str:
    """Kana as the chart keeps it: full-width katakana (hiragana and half-width kana converted)."""
    import jaconv

    return str(jaconv.hira2kata(jaconv.h2z(text, kana=True, ascii=False, digit=False)))


def parse_birth_date(text: str) -> date | None:
    """A birth date as staff type it (S63.3.9, S630309, 昭和63年3月9日, 1988-03-09, 19880309); None if it is none."""
    from reception_app.eligibility.eras import EraError, parse_date_entry

    try:
        return parse_date_entry(text)
    except EraError:
        return None


class RegistrationFormWidget(QWidget):
    """The new-patient form, prefilled from what is known (the eligibility result, the card's 券面事項入力補助 data);
    staff correct it before saving. No default birth date or sex: an empty field stays empty until someone fills
    it. The birth date is typed as text (和暦 or 西暦, short forms too) and shown back in full."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.kana = QLineEdit()
        self.kana.setAccessibleName(self.tr("Kana"))
        self.kana.editingFinished.connect(lambda: self.kana.setText(katakana(self.kana.text())))
        self.birth_date = QLineEdit()
        self.birth_date.setAccessibleName(self.tr("Birth date"))
        self.birth_date.setPlaceholderText(self.tr("e.g. S63.3.9, S630309 or 1988-03-09"))
        self.birth_date_shown = QLabel()
        self.birth_date_shown.setAccessibleName(self.tr("Birth date as read"))
        self.birth_date.textChanged.connect(self._show_birth_date)
        self.sex = QComboBox()
        self.sex.setAccessibleName(self.tr("Sex"))
        self.sex.addItem(self.tr("(choose)"), "")
        for code in ("1", "2", "3"):
            self.sex.addItem(words.word(words.SEX, code), code)
        self.address = QLineEdit()
        self.address.setAccessibleName(self.tr("Address"))
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Phone"))
        self.problems = QLabel()
        self.problems.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problems.setWordWrap(True)
        born = QVBoxLayout()
        born.setContentsMargins(0, 0, 0, 0)
        born.addWidget(self.birth_date)
        born.addWidget(self.birth_date_shown)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Kana"), self.kana)
        form.addRow(self.tr("&Birth date"), born)
        form.addRow(self.tr("&Sex"), self.sex)
        form.addRow(self.tr("&Address"), self.address)
        form.addRow(self.tr("P&hone"), self.phone)
        form.addRow(self.problems)

    def _show_birth_date(self, text: str) -> None:
        if not text.strip():
            self.birth_date_shown.setText("")
            return
        born = parse_birth_date(text)
        self.birth_date_shown.setText(era_and_gregorian(born) if born is not None else self.tr(
            "Not a date yet: write it as S63.3.9, S630309 or 1988-03-09."))

    def fill(self, form: RegistrationForm | None, *, blanks_only: bool = False) -> None:
        """Takes the known values into the form; `blanks_only`: only into the fields still empty."""
        if form is None:
            return

        def put(edit: QLineEdit, value: str) -> None:
            if value and not (blanks_only and edit.text().strip()):
                edit.setText(value)

        put(self.name, form.name)
        put(self.kana, katakana(form.kana))
        if form.birth_date is not None:
            put(self.birth_date, form.birth_date.isoformat())
        index = self.sex.findData(form.sex) if form.sex else -1
        if index > 0 and not (blanks_only and self.sex.currentIndex() > 0):
            self.sex.setCurrentIndex(index)
        put(self.address, form.address)
        put(self.phone, form.phone)

    def set_address(self, address: str) -> None:
        self.address.setText(address)

    def value(self) -> RegistrationForm:
        from reception_app.reception.models import RegistrationForm

        self.kana.setText(katakana(self.kana.text()))
        return RegistrationForm(
            name=self.name.text().strip(),
            kana=self.kana.text().strip(),
            birth_date=parse_birth_date(self.birth_date.text()),
            sex=str(self.sex.currentData() or ""),
            address=self.address.text().strip(),
            phone=self.phone.text().strip(),
        )

    def problem_texts(self, form: RegistrationForm) -> list[str]:
        """What stops the form from being saved, in the desk's language (one line per field)."""
        texts = {
            "name": self.tr("Enter the name."),
            "kana": self.tr("Enter the name in kana."),
            "birth_date": self.tr("Enter the birth date (S63.3.9, S630309 or 1988-03-09).")
            if not self.birth_date.text().strip()
            else self.tr("The birth date cannot be read: write it as S63.3.9, S630309 or 1988-03-09."),
            "sex": self.tr("Choose the sex."),
        }
        return [texts.get(key, self.tr("Check this field: %1").replace("%1", words.word(words.FIELDS, key, key)))
                for key in form.problems()]

    def show_problems(self, problems: list[str]) -> None:
        self.problems.setText("\n".join(problems))


class MatchDialog(QDialog):
    """Candidates side by side with the eligibility result, differences highlighted. Never picks by itself: the
    staff press a candidate's own button, or register a new patient from the prefilled form."""

    candidate_chosen = Signal(str)
    registration_submitted = Signal(object, bool)
    """(RegistrationForm, link the card to the new chart): the desk checks for likely duplicates, then registers."""
    new_patient_requested = Signal()
    """The staff say none of the candidates is this person (the form page opened)."""

    def __init__(
        self,
        candidates: Sequence[Candidate],
        facts: PersonFacts | None,
        form: RegistrationForm | None,
        parent: QWidget | None = None,
        *,
        read_basic_four: Callable[[str], object] | None = None,
        card_link_needs_confirmation: bool = False,
    ) -> None:
        super().__init__(parent)
        self._card_link_needs_confirmation = card_link_needs_confirmation
        self.setWindowTitle(self.tr("Which patient is this?"))
        self.setAccessibleName(self.tr("Patient match"))
        self._read_basic_four = read_basic_four
        self._facts = facts
        self.pages = QStackedWidget()
        self.compare_page = QWidget()
        self.form_page = QWidget()
        self.pages.addWidget(self.compare_page)
        self.pages.addWidget(self.form_page)
        self.choose_buttons: list[QPushButton] = []
        self.diff_cells: list[QLabel] = []
        self.candidate_ids = frozenset(c.patient.patient_id for c in candidates)
        """The charts the staff saw side by side with the result (and declined, when they register)."""
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
        if form is None and self._facts is not None:
            from reception_app.reception.models import prefill_form

            form = prefill_form(self._facts)
        known = form is not None and bool(form.name or form.kana or form.birth_date)
        box = QGroupBox(self.tr("New patient (prefilled from the eligibility result)") if known else self.tr(
            "New patient (no eligibility result: read the card, or type what the patient shows)"))
        inner = QVBoxLayout(box)
        self.form = RegistrationFormWidget()
        self.form.fill(form)
        self._form_filled = form is not None
        inner.addWidget(self.form)
        layout.addWidget(box)
        row = QHBoxLayout()
        self.basic_four_button = QPushButton(self.tr("Read name, address, birth date and sex from the card…"))
        self.basic_four_button.setAccessibleName(self.tr("Read the card's basic 4 information with the patient's PIN"))
        self.basic_four_button.setToolTip(self.tr("The patient types the 券面事項入力補助 PIN (4 digits)."))
        self.basic_four_button.setEnabled(self._read_basic_four is not None)
        self.basic_four_button.clicked.connect(self._ask_basic_four)
        self.basic_four_status = QLabel()
        self.basic_four_status.setWordWrap(True)
        row.addWidget(self.basic_four_button)
        row.addWidget(self.basic_four_status, 1)
        layout.addLayout(row)
        # offline (no result vouches for the card's holder): the card is linked only when the staff say they compared
        self.link_card = QCheckBox(self.tr(
            "Link this card to the new chart: I compared the name and birth date on the card with the form"))
        self.link_card.setAccessibleName(self.tr("Link this card to the new chart"))
        self.link_card.setChecked(False)
        self.link_card.setVisible(self._card_link_needs_confirmation)
        layout.addWidget(self.link_card)
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

    def apply_view(self, view: SessionView) -> None:
        """A newer SessionView while the dialog is open: take what the card said into the form's empty fields (and
        its address), or say what failed."""
        form = view.registration_form
        reading = self.basic_four_status.text() == self.tr("Reading the card…")
        if form is not None and not self._form_filled:
            self.form.fill(form)
            self._form_filled = True
        if form is not None and reading and not view.error_code:
            self.form.fill(form, blanks_only=True)
            if form.address:
                self.form.set_address(form.address)
            self.basic_four_status.setText(self.tr(
                "Read from the card: name, address, birth date and sex. Compare them with what the patient shows."))
        code = view.error_code
        if code and reading:
            self.basic_four_status.setText(words.error_words(code, view.error_message))

    def _choose(self, patient_id: str) -> None:
        self.candidate_chosen.emit(patient_id)
        self.accept()

    def _register(self) -> None:
        form = self.form.value()
        problems = self.form.problem_texts(form)
        self.form.show_problems(problems)
        if problems:
            return
        link = self.link_card.isChecked() or not self._card_link_needs_confirmation
        self.registration_submitted.emit(form, link)  # the desk checks for duplicates, then `registered()`

    def registered(self) -> None:
        """The desk sent the registration: the dialog's work is done."""
        self.accept()

    def _ask_basic_four(self) -> None:
        reader = self._read_basic_four
        if reader is None:
            return
        dialog = PatientPinDialog(None, self, purpose=self.tr(
            "Please let the patient type the 4-digit PIN for 券面事項入力補助 (the card's text information)."))
        dialog.pin_entered.connect(lambda pin: self._read_with(pin, reader))
        dialog.open()

    def _read_with(self, pin: str, reader: Callable[[str], object]) -> None:
        """Asks for the read; the answer comes back as a SessionView (`apply_view`)."""
        self.basic_four_status.setText(self.tr("Reading the card…"))
        reader(pin)


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
        self.keep = buttons.addButton(self.tr("Check in without relinking"), QDialogButtonBox.ButtonRole.ActionRole)
        self.keep.setAccessibleName(self.tr("Check in without relinking"))
        self.stop = buttons.addButton(self.tr("Cancel the check-in"), QDialogButtonBox.ButtonRole.RejectRole)
        self.stop.setAccessibleName(self.tr("Cancel the check-in"))
        self.keep.setDefault(True)  # the safe choice is the default: nothing in the chart changes
        self.confirm.clicked.connect(lambda: self._done(self.relink_chosen))
        self.keep.clicked.connect(lambda: self._done(self.keep_chosen))
        self.stop.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    relink_chosen = Signal()
    keep_chosen = Signal()
    """The staff check the patient in on today's result without moving the chart's insurance link."""

    def _done(self, chosen: SignalInstance) -> None:
        chosen.emit()
        self.accept()


class VisualCheckDialog(QDialog):
    """目視確認 for a blocked PIN: the staff compare the card's photo with the patient and type what the card shows
    (name, kana as the patient says it, birth date, sex). The check-in is marked as a 目視確認 check-in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Visual check of the card (目視確認)"))
        self.setAccessibleName(self.tr("Visual check of the card (目視確認)"))
        intro = QLabel(self.tr(
            "The PIN is blocked. Compare the photo on the card with the patient, then type the name, birth date and "
            "sex the card shows (ask the patient for the kana). The check-in is marked as a visual check."))
        intro.setWordWrap(True)
        self.form = RegistrationFormWidget()
        self.form.address.hide()
        self.form.phone.hide()
        form_layout = self.form.layout()
        if isinstance(form_layout, QFormLayout):
            for field in (self.form.address, self.form.phone):
                label = form_layout.labelForField(field)
                if label is not None:
                    label.hide()
        self.photo_checked = QCheckBox(self.tr("I compared the photo on the card with the patient"))
        self.photo_checked.setAccessibleName(self.tr("I compared the photo on the card with the patient"))
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Continue the check-in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setAccessibleName(self.tr("Continue the check-in"))
        cancel = buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Back"))
        self.ok.setEnabled(False)
        self.photo_checked.toggled.connect(self.ok.setEnabled)
        self.ok.clicked.connect(self._check)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.photo_checked)
        layout.addWidget(buttons)

    def _check(self) -> None:
        seen = self.form.value()
        problems = self.form.problem_texts(seen)
        self.form.show_problems(problems)
        if not problems:
            self.accept()

    def value(self) -> RegistrationForm:
        return self.form.value()


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
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("e.g. S63.3.9, S630309 or 1988-03-09"))
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
        if self.birth_date.text().strip() and parse_birth_date(self.birth_date.text()) is None:
            self.message.setText(self.tr(
                "The birth date cannot be read: write it as S63.3.9, S630309 or 1988-03-09."))
            return
        self.accept()

    def value(self) -> tuple[str, str, str, str, date | None]:
        return (self.insurer.text().strip(), self.symbol.text().strip(), self.number.text().strip(),
                self.branch.text().strip(), parse_birth_date(self.birth_date.text()))
