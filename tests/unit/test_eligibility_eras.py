"""和暦 display and parsing at the era boundaries, age, and the 未就学 rule."""

from __future__ import annotations

import datetime as dt

import pytest

from reception_app.eligibility.eras import (
    EraError,
    age_on,
    is_preschool,
    parse_wareki,
    preschool_end,
    to_wareki,
    to_wareki_short,
)

D = dt.date


@pytest.mark.parametrize(
    ("day", "long", "short"),
    [
        (D(1926, 12, 24), "大正15年12月24日", "T15.12.24"),
        (D(1926, 12, 25), "昭和元年12月25日", "S01.12.25"),
        (D(1971, 10, 15), "昭和46年10月15日", "S46.10.15"),
        (D(1989, 1, 7), "昭和64年1月7日", "S64.01.07"),
        (D(1989, 1, 8), "平成元年1月8日", "H01.01.08"),
        (D(2019, 4, 30), "平成31年4月30日", "H31.04.30"),  # not 2018 (a public FHIR CodeSystem has that bug)
        (D(2019, 5, 1), "令和元年5月1日", "R01.05.01"),
        (D(2025, 6, 1), "令和7年6月1日", "R07.06.01"),
        (D(1912, 7, 29), "明治45年7月29日", "M45.07.29"),
        (D(1912, 7, 30), "大正元年7月30日", "T01.07.30"),
    ],
)
def test_boundaries(day: dt.date, long: str, short: str) -> None:
    assert to_wareki(day) == long
    assert to_wareki_short(day) == short
    assert parse_wareki(long) == day
    assert parse_wareki(short) == day


def test_parse_variants_and_rejections() -> None:
    assert parse_wareki("S46.10.15") == D(1971, 10, 15)
    assert parse_wareki("ｓ４６．１０．１５") == D(1971, 10, 15)  # full/half width
    assert parse_wareki("令和元年5月1日") == D(2019, 5, 1)
    with pytest.raises(EraError):
        parse_wareki("平成31年5月1日")  # that day is 令和
    with pytest.raises(EraError):
        parse_wareki("令和元年4月30日")
    with pytest.raises(EraError):
        parse_wareki("S46.02.30")
    with pytest.raises(EraError):
        to_wareki(D(1800, 1, 1))


def test_age_on() -> None:
    assert age_on(D(1980, 4, 15), D(2025, 4, 14)) == 44
    assert age_on(D(1980, 4, 15), D(2025, 4, 15)) == 45
    assert age_on(D(2000, 2, 29), D(2025, 2, 28)) == 24
    assert age_on(D(2000, 2, 29), D(2025, 3, 1)) == 25


def test_preschool_rule() -> None:
    # 6歳に達する日 is the day before the 6th birthday; 未就学 lasts to the first 31 March on or after it.
    assert preschool_end(D(2019, 4, 2)) == D(2026, 3, 31)
    assert preschool_end(D(2019, 4, 1)) == D(2025, 3, 31)  # reaches 6 on 2025-03-31
    assert preschool_end(D(2019, 1, 10)) == D(2025, 3, 31)
    assert is_preschool(D(2019, 4, 2), D(2026, 3, 31))
    assert not is_preschool(D(2019, 4, 2), D(2026, 4, 1))
    assert is_preschool(D(2019, 4, 1), D(2025, 3, 31))
    assert not is_preschool(D(2019, 4, 1), D(2025, 4, 1))
