"""The words for the configuration's problems: one translated text per stable problem code of
`reception_app.config.validate` (the rules themselves live there, headless, beside the option declarations)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reception_app.config import ConfigProblem, option_spec
from reception_app.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Settings"

PROBLEM_TEXTS: dict[str, str] = {
    "not_integer": QT_TRANSLATE_NOOP("Settings", "Enter a whole number."),
    "not_number": QT_TRANSLATE_NOOP("Settings", "Enter a number."),
    "not_boolean": QT_TRANSLATE_NOOP("Settings", "Enter true or false."),
    "unknown_choice": QT_TRANSLATE_NOOP("Settings", "Choose one of: %1"),
    "bad_language": QT_TRANSLATE_NOOP("Settings", "Choose Japanese or English."),
    "bad_backend": QT_TRANSLATE_NOOP("Settings", "Choose the PC/SC reader or the simulator."),
    "out_of_range": QT_TRANSLATE_NOOP("Settings", "Enter a value between %1 and %2."),
    "bad_timeout": QT_TRANSLATE_NOOP("Settings", "The kiosk timeout must be between 10 and 600 seconds."),
    "line_break": QT_TRANSLATE_NOOP("Settings", "Enter the value on one line."),
    "folder_missing": QT_TRANSLATE_NOOP("Settings", "This folder does not exist: %1"),
    "file_missing": QT_TRANSLATE_NOOP("Settings", "This file does not exist: %1"),
    "cert_key_pair": QT_TRANSLATE_NOOP("Settings", "A client certificate needs its key, and the other way round."),
    "bad_url": QT_TRANSLATE_NOOP("Settings", "The gateway address must look like https://host:port/."),
    "http_not_local": QT_TRANSLATE_NOOP("Settings", "Use https:// for a gateway on another computer."),
    "empty_kiosk_name": QT_TRANSLATE_NOOP("Settings", "Give the kiosk a name."),
    "bad_institution_code": QT_TRANSLATE_NOOP("Settings", "The medical institution code has 10 digits."),
    "store_location_not_path": QT_TRANSLATE_NOOP("Settings", "The database location must be a file path."),
}


def problem_text(problem: ConfigProblem) -> str:
    """The problem in the person's language (the English detail if a code has no words yet)."""
    source = PROBLEM_TEXTS.get(problem.code)
    if source is None:
        return problem.detail
    text = QCoreApplication.translate(CONTEXT, source)
    if problem.code == "out_of_range":
        info = option_spec(problem.option).info
        low = "" if info.minimum is None else f"{info.minimum:g}"
        high = "" if info.maximum is None else f"{info.maximum:g}"
        return text.replace("%1", low).replace("%2", high)
    if problem.code == "unknown_choice":
        return text.replace("%1", ", ".join(option_spec(problem.option).choices))
    return text.replace("%1", problem.value)
