"""Codes from the layers below (states, steps, end-reason codes, eligibility status) in words for the staff,
translated by code; errors have their own table (ui/error_texts.py). One table per kind, so a new code is one line
here and one line in the .ts files."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reception_app.ui.error_texts import error_words as error_words  # errors' words: one table, ui/error_texts.py
from reception_app.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Words"

STEPS: dict[str, str] = {
    "card": QT_TRANSLATE_NOOP("Words", "Card"),
    "certificate": QT_TRANSLATE_NOOP("Words", "Certificate"),
    "identification": QT_TRANSLATE_NOOP("Words", "Identification"),
    "eligibility": QT_TRANSLATE_NOOP("Words", "Eligibility"),
    "merge": QT_TRANSLATE_NOOP("Words", "Merge"),
    "match": QT_TRANSLATE_NOOP("Words", "Patient match"),
    "register": QT_TRANSLATE_NOOP("Words", "Registration"),
    "check_in": QT_TRANSLATE_NOOP("Words", "Check-in"),
    "print": QT_TRANSLATE_NOOP("Words", "Ticket"),
}
STEP_ORDER = tuple(STEPS)

STATES: dict[str, str] = {
    "idle": QT_TRANSLATE_NOOP("Words", "Waiting for a card"),
    "reading_card": QT_TRANSLATE_NOOP("Words", "Reading the card"),
    "awaiting_pin": QT_TRANSLATE_NOOP("Words", "Waiting for the patient's PIN"),
    "pin_blocked": QT_TRANSLATE_NOOP("Words", "PIN blocked"),
    "querying": QT_TRANSLATE_NOOP("Words", "Asking for eligibility"),
    "awaiting_face_result": QT_TRANSLATE_NOOP("Words", "Waiting for the face reader's result"),
    "awaiting_declaration": QT_TRANSLATE_NOOP("Words", "No valid result: decide on the declaration (申立書)"),
    "awaiting_candidate_choice": QT_TRANSLATE_NOOP("Words", "Choose the patient"),
    "awaiting_registration": QT_TRANSLATE_NOOP("Words", "New patient: registration needed"),
    "awaiting_relink_confirmation": QT_TRANSLATE_NOOP("Words", "Insurance changed: confirm the relink"),
    "checking_in": QT_TRANSLATE_NOOP("Words", "Checking in"),
    "completed": QT_TRANSLATE_NOOP("Words", "Checked in"),
    "cancelled": QT_TRANSLATE_NOOP("Words", "Cancelled"),
    "timed_out": QT_TRANSLATE_NOOP("Words", "Timed out"),
    "card_removed": QT_TRANSLATE_NOOP("Words", "Card removed"),
    "failed": QT_TRANSLATE_NOOP("Words", "Stopped with an error"),
}

STATUS: dict[str, str] = {
    "valid": QT_TRANSLATE_NOOP("Words", "Valid (有効)"),
    "invalid": QT_TRANSLATE_NOOP("Words", "Invalid (無効)"),
    "invalid_new_qualification": QT_TRANSLATE_NOOP("Words", "Invalid: a newer qualification exists (無効・新資格あり)"),
    "not_found": QT_TRANSLATE_NOOP("Words", "No qualification found (該当資格なし)"),
    "multiple": QT_TRANSLATE_NOOP("Words", "Several qualifications found (複数該当)"),
    "valid_unregistered": QT_TRANSLATE_NOOP("Words", "Valid, not registered: medical assistance (有効・未登録)"),
    "error": QT_TRANSLATE_NOOP("Words", "Error: the result is not final"),
}
# Statuses shown as good news; everything else stands out.
GOOD_STATUS = frozenset({"valid", "valid_unregistered"})

VISIT_STATUS: dict[str, str] = {
    "waiting": QT_TRANSLATE_NOOP("Words", "Waiting"),
    "called": QT_TRANSLATE_NOOP("Words", "Called"),
    "done": QT_TRANSLATE_NOOP("Words", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("Words", "Cancelled"),
}

SEX: dict[str, str] = {
    "1": QT_TRANSLATE_NOOP("Words", "Male"),
    "2": QT_TRANSLATE_NOOP("Words", "Female"),
    "3": QT_TRANSLATE_NOOP("Words", "Not set"),
}

MATCHED_BY: dict[str, str] = {
    "reference_number": QT_TRANSLATE_NOOP("Words", "照会番号 (reference number)"),
    "insurance_key": QT_TRANSLATE_NOOP("Words", "Insurance number"),
    "card_link": QT_TRANSLATE_NOOP("Words", "Card linked earlier"),
    "kana_birth_date": QT_TRANSLATE_NOOP("Words", "Kana and birth date"),
    "offline_card_link": QT_TRANSLATE_NOOP("Words", "Card linked earlier (offline)"),
    "registered": QT_TRANSLATE_NOOP("Words", "New registration"),
    "staff_choice": QT_TRANSLATE_NOOP("Words", "Chosen by staff"),
}

FIELDS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Words", "Name"),
    "kana": QT_TRANSLATE_NOOP("Words", "Kana"),
    "birth_date": QT_TRANSLATE_NOOP("Words", "Birth date"),
    "sex": QT_TRANSLATE_NOOP("Words", "Sex"),
    "address": QT_TRANSLATE_NOOP("Words", "Address"),
    "insurance": QT_TRANSLATE_NOOP("Words", "Insurance"),
    "patient_id": QT_TRANSLATE_NOOP("Words", "Patient ID"),
    "phone": QT_TRANSLATE_NOOP("Words", "Phone"),
}


def word(table: dict[str, str], code: str | None, fallback: str = "") -> str:
    """The translated words for `code`; unknown codes show the fallback (or the code itself) rather than nothing."""
    if not code:
        return fallback
    source = table.get(code)
    if source is None:
        return fallback or code
    return QCoreApplication.translate(CONTEXT, source)
