"""The one strict number parser (issue 13, Build 3): ASCII digits, a length limit per field, typed outcomes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from reception_app.eligibility.digits import (
    NUMBER_FIELDS,
    NumberField,
    NumberFieldError,
    parse_number,
    require_number,
)
from reception_app.eligibility.errors import ResultFileError

RATIO = "InsuredPartialContributionRatio"
YEN = "MaxCopaymentAmount"
ELIGIBILITY = Path(__file__).resolve().parents[2] / "reception_app" / "eligibility"


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("010", RATIO, 10),
        (" 30 ", RATIO, 30),
        ("０１０", RATIO, 10),  # full-width where the table allows it (NFKC)
        ("5000", YEN, 5000),
        ("5,000", YEN, 5000),
        ("1,234,567", YEN, 1234567),
        ("\u3000200\u3000", YEN, 200),
    ],
)
def test_readable_numbers(text: str, field: str, value: int) -> None:
    assert parse_number(text, field).value == value


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1" * 5000, "too_long"),  # beyond Python's 4,300-digit int() limit: refused before conversion
        ("1" * 40, "too_long"),
        ("0010", "too_long"),  # 4 digits in a 3-digit field
        ("²⁰", "not_digits"),  # superscripts: isdigit() is true, NFKC would make "20"
        ("①", "not_digits"),  # circled digit
        ("፩", "not_digits"),  # Ethiopic digit: isdigit() is true, int() refuses it
        ("٣٠", "not_digits"),  # Arabic-Indic digits
        ("𝟑𝟎", "not_digits"),  # mathematical bold digits (NFKC → "30")
        ("-10", "not_digits"),
        ("1e3", "not_digits"),
        ("1_0", "not_digits"),
        ("2割", "not_digits"),
    ],
)
def test_unreadable_ratios_name_the_problem(text: str, problem: str) -> None:
    assert parse_number(text, RATIO).problem == problem


@pytest.mark.parametrize("text", ["1,00", ",100", "1,,000", "1000,", "１,０００,０"])
def test_badly_grouped_amounts_are_not_digits(text: str) -> None:
    assert parse_number(text, YEN).problem == "not_digits"


def test_full_width_refused_where_the_field_does_not_allow_it() -> None:
    assert parse_number("１０", NumberField("Half", 3)).problem == "not_digits"


def test_grouping_refused_where_the_field_does_not_allow_it() -> None:
    assert parse_number("1,000", RATIO).problem == "not_digits"


def test_outcome_names_the_element() -> None:
    assert parse_number("x", YEN).element == YEN


def test_require_number_raises_the_typed_error() -> None:
    with pytest.raises(NumberFieldError) as info:
        require_number("9" * 10_000, RATIO)
    assert (info.value.element, info.value.problem, info.value.code) == (RATIO, "too_long", "result_number_unreadable")


def test_typed_error_is_a_result_file_error_without_the_text() -> None:
    with pytest.raises(ResultFileError) as info:
        require_number("12345678901234567890", YEN)
    assert "1234" not in str(info.value)


def test_every_table_row_has_a_length_limit() -> None:
    assert all(0 < field.max_digits <= 18 for field in NUMBER_FIELDS.values())


def test_no_other_int_call_in_the_eligibility_package() -> None:
    calls = [
        path.name
        for path in sorted(ELIGIBILITY.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "int"
    ]
    assert calls == ["digits.py"]
