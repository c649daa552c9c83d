"""Typed errors of the eligibility domain. Each has a stable snake_case `code`; the UI translates by code."""

from __future__ import annotations

# code → English message template. The UI shows its own (Japanese first) text keyed by the same code.
RESULT_FILE_MESSAGES: dict[str, str] = {
    "empty": "the file is empty",
    "too_large": "the file is larger than the limit of {limit} bytes",
    "encoding": "the file cannot be decoded: {detail}",
    "forbidden_dtd": "the file contains a DOCTYPE or entity declaration, which result files never have",
    "malformed": "the file is not well-formed XML: {detail}",
    "wrong_root": "the root element is {detail}, expected XmlMsg",
    "unwritable": "the value cannot be written to XML: {detail}",
}


class EligibilityError(Exception):
    """Base of the domain's errors."""

    code = "eligibility_error"


class ResultFileError(EligibilityError):
    """An OQS/PMH XML file that cannot be read (or a model that cannot be written)."""

    def __init__(self, code: str, message: str | None = None, **details: object) -> None:
        template = RESULT_FILE_MESSAGES.get(code, code)
        text = message or template.format(**{"detail": "", "limit": "?", **details})
        super().__init__(text)
        self.code = code
        self.message = text

    def __str__(self) -> str:
        return self.message
