"""Check digits (worked examples of the domain notes §3), 法別番号 table and claim priority, prefectures."""

from __future__ import annotations

import pytest

from reception_app.eligibility.numbers import (
    CLAIM_ORDER,
    check_digit,
    check_institution_code,
    check_insurer_number,
    check_payer_number,
    check_recipient_number,
    claim_priority,
    insurer_prefecture,
    law_code,
    prefecture_name,
)


@pytest.mark.parametrize(
    ("number", "checker"),
    [
        ("06130488", check_insurer_number),  # 組合, 東京 (MHLW example)
        ("33120015", check_insurer_number),  # 共済
        ("54016027", check_payer_number),  # 難病, 北海道
        ("273128", check_insurer_number),  # 国保組合, 大阪 (6 digits)
        ("3410712362", check_institution_code),  # 医療機関 (MHLW example)
    ],
)
def test_worked_examples_pass(number: str, checker: object) -> None:
    assert callable(checker)
    result = checker(number)
    assert result.ok, result
    assert result.expected_check_digit == int(number[-1])


def test_worked_example_check_digits_computed() -> None:
    assert check_digit("0613048") == 8
    assert check_digit("3312001") == 5
    assert check_digit("5401602") == 7
    assert check_digit("27312") == 8
    assert check_digit("341071236") == 2
    assert check_digit("123456") == 6


@pytest.mark.parametrize("wrong", ["06130487", "33120010", "273129"])
def test_wrong_check_digit_is_reported_with_the_expected_one(wrong: str) -> None:
    result = check_insurer_number(wrong)
    assert not result.ok and result.reason == "bad_check_digit"
    assert result.expected_check_digit is not None and result.expected_check_digit != int(wrong[-1])


def test_normalised_forms_and_reasons() -> None:
    assert check_insurer_number("  273128").ok  # space-padded request form
    assert check_insurer_number("０６１３０４８８").ok  # full-width digits
    assert check_insurer_number("").reason == "empty"
    assert check_insurer_number("0613048A").reason == "not_digits"
    assert check_insurer_number("0613048").reason == "wrong_length"
    assert check_insurer_number("06990484").reason == "bad_prefecture"
    assert check_institution_code("341071236").reason == "wrong_length"
    assert check_payer_number("5401602").reason == "wrong_length"


def test_recipient_numbers() -> None:
    good = check_recipient_number("1234566")
    assert good is not None and good.ok
    bad = check_recipient_number("1234567")
    assert bad is not None and bad.reason == "bad_check_digit"
    assert check_recipient_number("LOCAL-ABC-000001") is None  # local numbers: no known rule


def test_law_codes_names_and_priority() -> None:
    assert law_code("54").name == "指定難病"
    assert law_code("12").name == "生活保護 医療扶助"
    assert law_code("88").national is False and "地方単独" in law_code("88").name
    assert claim_priority("21") < claim_priority("54") < claim_priority("12") < claim_priority("80")
    assert CLAIM_ORDER[-1] == "12"
    assert claim_priority("88") == claim_priority("80")  # all local programs after the national ones


def test_prefectures_including_alternate_codes() -> None:
    assert prefecture_name("13") == "東京都"
    assert prefecture_name("63") == "東京都"  # 13 + 50
    assert prefecture_name("47") == "沖縄県" and prefecture_name("97") == "沖縄県"
    assert prefecture_name("48") is None and prefecture_name("00") is None
    assert insurer_prefecture("06130488") == "13" and insurer_prefecture("273128") == "27"
