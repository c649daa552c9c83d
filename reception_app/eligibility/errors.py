"""Typed errors of the eligibility domain. Each has a stable snake_case `code`; the UI translates by code."""

from __future__ import annotations

from reception_app.errors import AppError

# problem → English message template: what exactly is wrong with a result file (logs, the command line). The UI
# shows the one text of `result_file_invalid`.
RESULT_FILE_MESSAGES: dict[str, str] = {
    "empty": "the file is empty",
    "too_large": "the file is larger than the limit of {limit} bytes",
    "encoding": "the file cannot be decoded: {detail}",
    "forbidden_dtd": "the file contains a DOCTYPE or entity declaration, which result files never have",
    "malformed": "the file is not well-formed XML: {detail}",
    "wrong_root": "the root element is {detail}, expected XmlMsg",
    "unwritable": "the value cannot be written to XML: {detail}",
}


class EligibilityError(AppError):
    """Base of the domain's errors."""

    code = "eligibility_layer_error"  # not "eligibility_error": that is reception.EligibilityFailed's


class ResultFileError(EligibilityError):
    """An OQS/PMH XML file that cannot be read (or a model that cannot be written). `problem` says what exactly
    (a key of RESULT_FILE_MESSAGES); the code stays one, so the tree's codes stay class-level and unique."""

    code = "result_file_invalid"

    def __init__(self, problem: str, message: str | None = None, **details: object) -> None:
        template = RESULT_FILE_MESSAGES.get(problem, problem)
        text = message or template.format(**{"detail": "", "limit": "?", **details})
        super().__init__(text)
        self.problem = problem
        self.message = text

    def __str__(self) -> str:
        return self.message
