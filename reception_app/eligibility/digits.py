"""The ONE strict parser of numbers read from result files, and the table of the numeric fields it reads.

Every digit string from a file (ratios, yen amounts) becomes an `int` here and nowhere else, so that no other `int()`
sees file data. The rules:

- ASCII digits only. Where the field's table row allows full-width (`full_width`), NFKC folds full-width digits
  (０–９) first; any other character NFKC would turn into a digit (superscripts, circled digits) and every other
  script's digits (for which `str.isdigit()` is true but which are not ASCII) are refused as `not_digits`.
- A length limit per field (`max_digits`), checked before conversion: an over-long string is `too_long`, never
  Python's 4,300-digit `int()` error.
- Outcomes are typed: `parse_number` returns a `ParsedNumber` (the value, or the problem and the field's element name),
  `require_number` raises `NumberFieldError` (a `ResultFileError`, code `bad_number`). Neither carries the text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

from reception_app.eligibility.errors import ResultFileError

NumberProblem = Literal["", "empty", "not_digits", "too_long"]
# Full-width digits: the only non-ASCII characters NFKC may fold into the ASCII digits the parser accepts.
_FULL_WIDTH_DIGITS: Final = frozenset("０１２３４５６７８９")
_ASCII_DIGITS: Final = frozenset("0123456789")
_SPACES: Final = " \t\n\r\u3000"
# A text longer than this (whitespace included) is refused before any normalisation, whatever the field.
_MAX_TEXT: Final = 64


@dataclass(frozen=True)
class NumberField:
    """One numeric element of the layout: its name (for warnings), how many digits it may have, whether full-width
    digits are accepted and whether "," groups thousands (yen amounts)."""

    element: str
    max_digits: int
    full_width: bool = False
    grouping: bool = False
    source: str = ""


# The numeric fields the reader interprets. Sources: online_qualification.md §2 ("3 digits, 010 = 1割") for the
# ratios; the PMH registration API v0.1.1 for the PMH amounts (the PMH element names are PROVISIONAL, see
# docs/pmh-layout.md). Full-width digits are accepted where earlier versions accepted them (NFKC): the public sources
# do not say the layout forbids them (UNCONFIRMED).
NUMBER_FIELDS: Final[dict[str, NumberField]] = {
    field.element: field
    for field in (
        NumberField("InsuredPartialContributionRatio", 3, full_width=True, source="online_qualification.md §2"),
        NumberField("ElderlyRecipientContributionRatio", 3, full_width=True, source="online_qualification.md §2"),
        NumberField("SelfPayAmount", 9, full_width=True, grouping=True, source="online_qualification.md §2 (医療券)"),
        NumberField("MaxCopaymentAmount", 9, full_width=True, grouping=True, source="PMH API v0.1.1"),
        NumberField("PerVisitCopaymentAmount", 9, full_width=True, grouping=True, source="not in PMH v0.1.1"),
        NumberField("CopaymentRatio", 3, full_width=True, source="not in PMH v0.1.1 (percent)"),
    )
}
# Fields of text the app itself parses (not file data): 和暦 parts typed at the desk.
WAREKI_PART: Final = NumberField("wareki", 4, full_width=True)


class NumberFieldError(ResultFileError):
    """A number that `require_number` cannot read. Names the element and the problem, never the text."""

    code = "result_number_unreadable"

    def __init__(self, element: str, problem: NumberProblem) -> None:
        super().__init__("bad_number", f"the number in {element} cannot be read: {problem}")
        self.element = element
        self.problem = problem


@dataclass(frozen=True)
class ParsedNumber:
    """The outcome of parsing one field: `value` when it could be read, else `problem` (empty text is `empty`)."""

    element: str
    value: int | None
    problem: NumberProblem = ""

    @property
    def ok(self) -> bool:
        return self.value is not None


def _field(field: NumberField | str) -> NumberField:
    if isinstance(field, NumberField):
        return field
    return NUMBER_FIELDS.get(field) or NumberField(field, 9)


def _digits_of(text: str, field: NumberField) -> tuple[str, NumberProblem]:
    """(the ASCII digit string of `text`, "") or ("", the problem)."""
    if len(text) > _MAX_TEXT:
        return "", "too_long"
    value = text.strip(_SPACES)
    if not value:
        return "", "empty"
    if not value.isascii():
        if not field.full_width:
            return "", "not_digits"
        if any(char not in _FULL_WIDTH_DIGITS and char != "，" and not char.isascii() for char in value):
            return "", "not_digits"  # superscripts, circled digits, other scripts' digits: refused before NFKC
        value = unicodedata.normalize("NFKC", value)
    if field.grouping and "," in value:
        groups = value.split(",")
        if not 1 <= len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]):
            return "", "not_digits"
        value = "".join(groups)
    if any(char not in _ASCII_DIGITS for char in value):
        return "", "not_digits"
    if len(value) > field.max_digits:
        return "", "too_long"
    return value, ""


def parse_number(text: str | None, field: NumberField | str) -> ParsedNumber:
    """The number in `text` for `field` (a `NumberField` or an element name of `NUMBER_FIELDS`). Never raises."""
    spec = _field(field)
    if text is None:
        return ParsedNumber(spec.element, None, "empty")
    digits, problem = _digits_of(text, spec)
    if problem:
        return ParsedNumber(spec.element, None, problem)
    return ParsedNumber(spec.element, int(digits), "")  # the only int() on file data


def number_or_none(text: str | None, field: NumberField | str) -> int | None:
    """`parse_number(...).value`: None when empty or unreadable (for callers that warn elsewhere)."""
    return parse_number(text, field).value


def require_number(text: str | None, field: NumberField | str) -> int:
    """The number, or `NumberFieldError` naming the field."""
    parsed = parse_number(text, field)
    if parsed.value is None:
        raise NumberFieldError(parsed.element, parsed.problem or "empty")
    return parsed.value


def digit_values(text: str) -> list[int] | None:
    """The values of the digits of an ASCII digit string (for check digits), None when it has anything else."""
    if not text.isascii() or not text.isdigit():
        return None
    return [ord(char) - 48 for char in text]
