"""和暦 display, age on a date and the 未就学 rule. Qt has no Japanese calendar, so the era table is ours.

Era boundaries (reception_flow.md §5): 明治 1868-01-25 (this table's start, as commonly used), 大正 1912-07-30,
昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01. Year 1 is written 元年 in the long form.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from reception_app.eligibility.digits import WAREKI_PART, require_number
from reception_app.errors import AppError


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    start: dt.date


ERAS: Final[tuple[Era, ...]] = (
    Era("令和", "R", dt.date(2019, 5, 1)),
    Era("平成", "H", dt.date(1989, 1, 8)),
    Era("昭和", "S", dt.date(1926, 12, 25)),
    Era("大正", "T", dt.date(1912, 7, 30)),
    Era("明治", "M", dt.date(1868, 1, 25)),
)
_BY_KEY: Final[dict[str, Era]] = {**{era.name: era for era in ERAS}, **{era.letter: era for era in ERAS}}


class EraError(AppError, ValueError):  # a ValueError too: date parsing's callers catch that
    code = "bad_wareki"


def era_of(day: dt.date) -> tuple[Era, int]:
    """(era, year in era) for a date; ValueError before 明治."""
    for era in ERAS:
        if day >= era.start:
            return era, day.year - era.start.year + 1
    raise EraError(f"{day.isoformat()} is before 明治")


def to_wareki(day: dt.date) -> str:
    """`昭和46年10月15日`; year 1 as 元年."""
    era, year = era_of(day)
    year_text = "元" if year == 1 else str(year)
    return f"{era.name}{year_text}年{day.month}月{day.day}日"


def to_wareki_short(day: dt.date) -> str:
    """`S46.10.15` (two-digit fields, year 1 as 01)."""
    era, year = era_of(day)
    return f"{era.letter}{year:02d}.{day.month:02d}.{day.day:02d}"


# re.ASCII: \d is 0–9 only (NFKC has folded full-width digits before matching).
_SHORT = re.compile(r"^\s*([MTSHR])\s*(\d{1,2})[./](\d{1,2})[./](\d{1,2})\s*$", re.IGNORECASE | re.ASCII)
_LONG = re.compile(
    r"^\s*(明治|大正|昭和|平成|令和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$", re.ASCII
)


def parse_wareki(text: str) -> dt.date:
    """`S46.10.15` or `昭和46年10月15日` (元年 accepted) → date. Rejects dates outside the era."""
    normal = unicodedata.normalize("NFKC", text)
    match = _SHORT.match(normal) or _LONG.match(normal)
    if match is None:
        raise EraError(f"not a 和暦 date: {text!r}")
    era = _BY_KEY[match.group(1).upper() if len(match.group(1)) == 1 else match.group(1)]
    year = 1 if match.group(2) == "元" else require_number(match.group(2), WAREKI_PART)
    month, day_of_month = require_number(match.group(3), WAREKI_PART), require_number(match.group(4), WAREKI_PART)
    try:
        day = dt.date(era.start.year + year - 1, month, day_of_month)
    except ValueError as exc:
        raise EraError(f"not a date: {text!r}") from exc
    if year < 1 or day < era.start or era_of(day)[0] != era:
        raise EraError(f"{text!r} is outside {era.name}")
    return day


_COMPACT = re.compile(r"^\s*([MTSHR])\s*(\d{2})(\d{2})(\d{2})\s*$", re.IGNORECASE)  # S630309
_GREGORIAN = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")  # 1988-3-9, 1988年3月9日
_GREGORIAN_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")  # 19880309


def parse_date_entry(text: str) -> dt.date:
    """A date as staff type it: 和暦 (`S63.3.9`, `S630309`, `昭和63年3月9日`, 元年) or 西暦 (`1988-03-09`,
    `1988/3/9`, `19880309`, `1988年3月9日`); full-width digits too. Raises EraError when it is no date."""
    normal = unicodedata.normalize("NFKC", text).strip()
    compact = _COMPACT.match(normal)
    if compact is not None:
        letter, year, month, day = compact.groups()
        return parse_wareki(f"{letter}{year}.{month}.{day}")
    gregorian = _GREGORIAN.match(normal) or _GREGORIAN_COMPACT.match(normal)
    if gregorian is not None:
        try:
            return dt.date(*(require_number(part, WAREKI_PART) for part in gregorian.groups()))
        except ValueError as exc:
            raise EraError(f"not a date: {text!r}") from exc
    return parse_wareki(normal)


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Completed years on `on` (a person born on 29 Feb gets older on 1 Mar in common years)."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def preschool_end(birth_date: dt.date) -> dt.date:
    """The last day of 未就学: the first 31 March on or after 6歳に達する日 (the day before the 6th birthday).
    Birth dates within 8 years of the calendar's end (dt.MAXYEAR) give `dt.date.max` rather than overflow."""
    if birth_date.year > dt.MAXYEAR - 8:
        return dt.date.max
    try:
        sixth = birth_date.replace(year=birth_date.year + 6)
    except ValueError:  # 29 Feb
        sixth = dt.date(birth_date.year + 6, 3, 1)
    reaches_six = sixth - dt.timedelta(days=1)
    march_31 = dt.date(reaches_six.year, 3, 31)
    return march_31 if reaches_six <= march_31 else dt.date(reaches_six.year + 1, 3, 31)


def is_preschool(birth_date: dt.date, on: dt.date) -> bool:
    """未就学: from birth until the end of `preschool_end`."""
    if on.year - birth_date.year > 7 or on < birth_date:  # preschool_end: at most 31 March of the 7th year
        return False
    return birth_date <= on <= preschool_end(birth_date)
