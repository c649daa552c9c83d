"""The words of every error code, Japanese first (resources/translations/reception_*.ts, context "Errors"): one
table for the whole tree of reception_app/errors.py, plus the end reasons of a check-in that are no exception.

A new error is one class with its code, one line here and one message in each .ts file; tests/qt/test_error_texts.py
fails until all three exist. The screen shows an error through `error_text` (an exception) or `error_words` (a code
from a session view); %1, %2 are the error's `message_args()` (a file, an option), never personal data."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from reception_app.errors import AppError
from reception_app.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Errors"
UNEXPECTED = "app_error"  # the words of an exception outside the tree (a defect or the OS: the log has more)

ERRORS: dict[str, str] = {
    "app_error": QT_TRANSLATE_NOOP("Errors", "Something went wrong. See the log for details."),
    "internal_error": QT_TRANSLATE_NOOP("Errors", "An unexpected problem stopped the check-in; nothing was saved."),
    "timeout": QT_TRANSLATE_NOOP("Errors", "The check-in took too long and was stopped."),
    "timed_out": QT_TRANSLATE_NOOP("Errors", "The check-in took too long and was stopped."),
    "cancelled": QT_TRANSLATE_NOOP("Errors", "The check-in was cancelled."),
    "reception_error": QT_TRANSLATE_NOOP("Errors", "The check-in could not continue."),
    "card_removed": QT_TRANSLATE_NOOP("Errors", "The card was removed from the reader. Place it again to restart."),
    "not_my_number_card": QT_TRANSLATE_NOOP("Errors", "This card is not a My Number Card."),
    "wrong_pin": QT_TRANSLATE_NOOP("Errors", "The PIN was wrong."),
    "pin_blocked": QT_TRANSLATE_NOOP(
        "Errors", "The PIN is blocked. Only the municipal office (市区町村窓口) can reset it. Use the face "
        "reader, the insurance number, or 目視確認."
    ),
    "last_try_requires_confirmation": QT_TRANSLATE_NOOP(
        "Errors", "Only one PIN try is left. Confirm before the patient tries, or use another path."
    ),
    "card_error": QT_TRANSLATE_NOOP("Errors", "The card could not be read. Place it again."),
    "eligibility_offline": QT_TRANSLATE_NOOP("Errors", "The eligibility service cannot be reached (offline)."),
    "eligibility_error": QT_TRANSLATE_NOOP("Errors", "Eligibility could not be obtained."),
    "command_not_allowed": QT_TRANSLATE_NOOP("Errors", "This action is not possible at this step."),
    "invalid_input": QT_TRANSLATE_NOOP("Errors", "The input is not valid."),
    "store_error": QT_TRANSLATE_NOOP("Errors", "The record could not be saved; nothing was written. Try again."),
    "held_result_gone": QT_TRANSLATE_NOOP(
        "Errors", "That face-reader result is no longer waiting (it was discarded or taken meanwhile)."
    ),
    "reader_service_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "The smart-card service is not running. Start it (pcscd, or the Windows Smart Card "
        "service)."
    ),
    "font_probe_unavailable": QT_TRANSLATE_NOOP("Errors", "The installed fonts cannot be listed on this computer."),
    "card_layer_error": QT_TRANSLATE_NOOP("Errors", "The card could not be read."),
    "reader_unavailable": QT_TRANSLATE_NOOP("Errors", "The card reader is not available (unplugged or switched off)."),
    "pcsc_service_unavailable": QT_TRANSLATE_NOOP("Errors", "The smart-card service (PC/SC) is not running."),
    "no_reader": QT_TRANSLATE_NOOP("Errors", "No card reader was found."),
    "no_card": QT_TRANSLATE_NOOP("Errors", "There is no card on the reader."),
    "card_removed_from_reader": QT_TRANSLATE_NOOP("Errors", "The card was removed from the reader. Place it again."),
    "transport_error": QT_TRANSLATE_NOOP("Errors", "Communication with the card failed. Place it again."),
    "card_reset": QT_TRANSLATE_NOOP("Errors", "Another program reset the card. Try again."),
    "malformed_response": QT_TRANSLATE_NOOP("Errors", "The card sent an answer that cannot be understood."),
    "card_timeout": QT_TRANSLATE_NOOP("Errors", "The card did not answer in time. Place it again."),
    "not_a_my_number_card": QT_TRANSLATE_NOOP("Errors", "This card is not a My Number Card."),
    "application_not_found": QT_TRANSLATE_NOOP(
        "Errors", "This card does not carry the needed application (a smartphone carries only the "
        "certificate)."
    ),
    "file_not_found": QT_TRANSLATE_NOOP("Errors", "A file the app needs was not found on the card."),
    "security_status_not_satisfied": QT_TRANSLATE_NOOP("Errors", "The card refused: the PIN must be entered first."),
    "unexpected_status": QT_TRANSLATE_NOOP("Errors", "The card gave an unexpected answer."),
    "card_data_invalid": QT_TRANSLATE_NOOP("Errors", "Data read from the card is not in the expected format."),
    "certificate_invalid": QT_TRANSLATE_NOOP("Errors", "The certificate on the card is not valid."),
    "signature_invalid": QT_TRANSLATE_NOOP("Errors", "The card's signature does not match its certificate."),
    "pin_error": QT_TRANSLATE_NOOP("Errors", "The PIN could not be used."),
    "invalid_pin_format": QT_TRANSLATE_NOOP(
        "Errors", "The PIN is not in the right form. Nothing was sent to the card."
    ),
    "card_wrong_pin": QT_TRANSLATE_NOOP("Errors", "The PIN was wrong."),
    "card_pin_blocked": QT_TRANSLATE_NOOP(
        "Errors", "The PIN is blocked after too many wrong entries. It can be reset at the municipal office"
        " (市区町村窓口)."
    ),
    "last_pin_try_refused": QT_TRANSLATE_NOOP(
        "Errors", "Only one PIN try is left; the PIN was not sent. Confirm the last try first."
    ),
    "pin_not_set": QT_TRANSLATE_NOOP("Errors", "This card has no PIN (face authentication only). Use the face reader."),
    "privacy_guard": QT_TRANSLATE_NOOP(
        "Errors", "Refused: the command would have read the individual number (My Number)."
    ),
    "card_profile_invalid": QT_TRANSLATE_NOOP("Errors", "The virtual card's profile is missing or invalid."),
    "eligibility_layer_error": QT_TRANSLATE_NOOP("Errors", "The eligibility data could not be used."),
    "result_file_invalid": QT_TRANSLATE_NOOP(
        "Errors", "A result file from the OQS terminal or gateway cannot be read."
    ),
    "result_number_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "A number in the result file cannot be read (too long or not digits); the file was not used."
    ),
    "bad_wareki": QT_TRANSLATE_NOOP("Errors", "The Japanese-era date (和暦) is not valid."),
    "connect_error": QT_TRANSLATE_NOOP("Errors", "Eligibility could not be obtained."),
    "reqres_error": QT_TRANSLATE_NOOP("Errors", "The request to the OQS terminal failed."),
    "reqres_timeout": QT_TRANSLATE_NOOP("Errors", "The OQS terminal did not answer in time."),
    "reqres_malformed": QT_TRANSLATE_NOOP("Errors", "The OQS terminal wrote a result file that cannot be read."),
    "reqres_folder_unavailable": QT_TRANSLATE_NOOP("Errors", "The OQS terminal's shared folder cannot be reached."),
    "oqs_result_error": QT_TRANSLATE_NOOP("Errors", "The online qualification system returned an error."),
    "oqs_still_processing": QT_TRANSLATE_NOOP(
        "Errors", "The online qualification system has not finished yet. Try again shortly."
    ),
    "query_not_supported": QT_TRANSLATE_NOOP(
        "Errors", "This kind of query is not possible with the configured connection."
    ),
    "face_result_timeout": QT_TRANSLATE_NOOP("Errors", "No result came from the face reader in time."),
    "face_result_ambiguous": QT_TRANSLATE_NOOP(
        "Errors", "The face reader's result cannot be matched to this patient with certainty."
    ),
    "gateway_error": QT_TRANSLATE_NOOP("Errors", "The eligibility gateway failed."),
    "gateway_timeout": QT_TRANSLATE_NOOP("Errors", "The eligibility gateway did not answer in time."),
    "gateway_unavailable": QT_TRANSLATE_NOOP("Errors", "The eligibility gateway is not reachable."),
    "gateway_tls_error": QT_TRANSLATE_NOOP("Errors", "The gateway's certificate was not accepted."),
    "gateway_protocol_error": QT_TRANSLATE_NOOP(
        "Errors", "The eligibility gateway sent an answer that does not follow the protocol."
    ),
    "challenge_expired": QT_TRANSLATE_NOOP("Errors", "The sign-in challenge expired. Try again."),
    "challenge_replayed": QT_TRANSLATE_NOOP("Errors", "The sign-in challenge was already used. Try again."),
    "signature_rejected": QT_TRANSLATE_NOOP("Errors", "The gateway rejected the card's signature."),
    "gateway_request_rejected": QT_TRANSLATE_NOOP("Errors", "The eligibility gateway refused the request."),
    "face_folder_unavailable": QT_TRANSLATE_NOOP("Errors", "The face reader's folder cannot be read."),
    "ledger_error": QT_TRANSLATE_NOOP("Errors", "The record of processed results cannot be written."),
    "oqs_profile_invalid": QT_TRANSLATE_NOOP("Errors", "The OQS simulator's profile is missing or invalid."),
    "store_layer_error": QT_TRANSLATE_NOOP("Errors", "The database could not be used."),
    "store_wrong_key": QT_TRANSLATE_NOOP(
        "Errors", "The database %1 cannot be opened with this key or passphrase. Nothing was changed."
    ),
    "store_key_unavailable": QT_TRANSLATE_NOOP("Errors", "The database key is not available."),
    "store_keyring_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "No OS keyring is available on this computer; use a passphrase instead."
    ),
    "store_no_keyring_no_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "No OS keyring is available and no passphrase was given."
    ),
    "store_keyring_entry_missing": QT_TRANSLATE_NOOP(
        "Errors", "The OS keyring has no key for this database (another user or computer?) and no "
        "passphrase was given."
    ),
    "store_passphrase_required": QT_TRANSLATE_NOOP("Errors", "This database needs its passphrase."),
    "store_passphrase_too_short": QT_TRANSLATE_NOOP("Errors", "The passphrase is too short."),
    "store_database_missing": QT_TRANSLATE_NOOP(
        "Errors", "There is no database at %1. Create one with the set-up wizard."
    ),
    "store_database_exists": QT_TRANSLATE_NOOP("Errors", "A database already exists at %1; it was left untouched."),
    "store_database_corrupt": QT_TRANSLATE_NOOP(
        "Errors", "The database %1 is damaged. Restore it from a backup; it was not modified."
    ),
    "store_schema_too_new": QT_TRANSLATE_NOOP(
        "Errors", "The database is newer than this app. Update the app; the database was not modified."
    ),
    "store_disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full. The last change was not saved; everything saved before is intact. Free"
        " some space and try again."
    ),
    "store_read_only": QT_TRANSLATE_NOOP(
        "Errors", "The database or its folder is read-only, so nothing can be saved. Everything saved "
        "before is intact."
    ),
    "store_locked": QT_TRANSLATE_NOOP(
        "Errors", "The database is in use by another program or window. Nothing was lost; try again."
    ),
    "store_io_error": QT_TRANSLATE_NOOP(
        "Errors", "Reading or writing the database failed. The last change was not saved."
    ),
    "store_already_checked_in": QT_TRANSLATE_NOOP(
        "Errors", "This patient is already checked in today (No. %3, %1, %2); no second visit was made."
    ),
    "store_concurrent_update": QT_TRANSLATE_NOOP(
        "Errors", "Another desk changed the same record at the same moment; nothing was changed here. Look again"
        " and try once more."
    ),
    "store_server_unreachable": QT_TRANSLATE_NOOP(
        "Errors", "The shared database server %1 cannot be reached. Nothing was changed; check the network and"
        " the server, then try again."
    ),
    "store_server_auth_failed": QT_TRANSLATE_NOOP(
        "Errors", "The shared database server %1 refused the login. Nothing was changed; ask the administrator to"
        " check the account."
    ),
    "store_permission_denied": QT_TRANSLATE_NOOP(
        "Errors", "The database account may not do this on %1. Nothing was changed; ask the administrator."
    ),
    "handoff_error": QT_TRANSLATE_NOOP(
        "Errors", "The check-in could not be handed off."
    ),
    "fhir_institution_code_missing": QT_TRANSLATE_NOOP(
        "Errors", "The FHIR export needs the clinic's 10-digit institution code (医療機関コード):"
        " set it in the settings."
    ),
    "fhir_bundle_invalid": QT_TRANSLATE_NOOP(
        "Errors", "A FHIR bundle built for export did not validate; nothing was written for that visit."
    ),
    "fhir_export_folder_unwritable": QT_TRANSLATE_NOOP(
        "Errors", "The FHIR export folder cannot be written."
    ),
    "orca_error": QT_TRANSLATE_NOOP(
        "Errors", "ORCA could not be reached or refused the request."
    ),
    "orca_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "ORCA is unavailable. The check-in is kept; try again later."
    ),
    "orca_timeout": QT_TRANSLATE_NOOP(
        "Errors", "ORCA did not answer in time. The check-in is kept; try again later."
    ),
    "orca_auth_failed": QT_TRANSLATE_NOOP(
        "Errors", "ORCA refused the user ID, password or client certificate. Ask the administrator to check the"
        " ORCA settings."
    ),
    "orca_protocol_error": QT_TRANSLATE_NOOP(
        "Errors", "ORCA sent an answer in a form this app does not understand."
    ),
    "orca_api_error": QT_TRANSLATE_NOOP(
        "Errors", "ORCA refused the request (result code %1). Check the patient in ORCA."
    ),
    "orca_possible_duplicate": QT_TRANSLATE_NOOP(
        "Errors", "ORCA already has a patient who may be this one (result code %1). Check in ORCA which patient"
        " it is; nothing was registered."
    ),
    "orca_duplicate": QT_TRANSLATE_NOOP(
        "Errors", "ORCA already has this record (result code %1); nothing was registered twice."
    ),
    "orca_in_use_by_another_terminal": QT_TRANSLATE_NOOP(
        "Errors", "The record is open on another ORCA terminal (result code %1). Close it there and send again."
    ),
    "store_not_found": QT_TRANSLATE_NOOP("Errors", "The record was not found."),
    "store_duplicate_patient": QT_TRANSLATE_NOOP(
        "Errors", "A patient with this ID already exists; nothing was changed."
    ),
    "store_link_conflict": QT_TRANSLATE_NOOP(
        "Errors", "This card or insurance is already linked to another patient. Unlink it there first."
    ),
    "store_invalid_record": QT_TRANSLATE_NOOP("Errors", "The record is not valid."),
    "store_unsupported": QT_TRANSLATE_NOOP("Errors", "This database location is not supported yet."),
    "settings_error": QT_TRANSLATE_NOOP("Errors", "The settings file %1 cannot be used."),
    "settings_unreadable": QT_TRANSLATE_NOOP("Errors", "The settings file %1 cannot be read."),
    "settings_unwritable": QT_TRANSLATE_NOOP("Errors", "The settings file %1 cannot be written."),
    "settings_invalid": QT_TRANSLATE_NOOP("Errors", "The settings file %1 has a bad value for: %2."),
}


def _filled(text: str, args: Sequence[str]) -> str:
    for number, value in enumerate(args, start=1):
        text = text.replace(f"%{number}", value)
    return text


def error_words(code: str | None, message: str | None = None, args: Sequence[str] = ()) -> str:
    """Staff-facing words for an error code (a session view's `error_code` or `end_reason`); the layer's own English
    message, or the code itself, when the code is new to the UI."""
    if code and code in ERRORS:
        return _filled(QCoreApplication.translate(CONTEXT, ERRORS[code]), args)
    return message or (code or "")


def error_code(error: BaseException) -> str:
    """The code the screen names `error` by: the most specific error of the tree's, else the exception's type."""
    return error.specific().code if isinstance(error, AppError) else type(error).__name__


def error_text(error: BaseException) -> str:
    """The one way the UI words an exception: the most specific error's translated message with its values."""
    if isinstance(error, AppError):
        shown = error.specific()
        return error_words(shown.code, str(shown), shown.message_args())
    return error_words(UNEXPECTED)


def error_text_with_code(error: BaseException) -> str:
    """`error_text` with the code beside it, for problems staff may report to support (start-up)."""
    return f"{error_text(error)} ({error_code(error)})"
