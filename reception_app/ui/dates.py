"""Dates for the staff: 和暦 with 西暦 beside it (the era table is the eligibility layer's; Qt has none), and dates
in the desk's language: Japanese sentences get Japanese dates (2026年12月2日 5:57), never ISO ones."""

from __future__ import annotations

import re
from datetime import date, datetime

ISO_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?(?!\d)")
# an ISO date with the spaces a template put around it (「資格喪失日 2026-10-31 以降」)
_SPACED_ISO_RE = re.compile(r"( ?)" + ISO_DATE_RE.pattern + r"( ?)")


def lang_is_ja() -> bool:
    from PySide6.QtCore import QLocale

    return QLocale().language() == QLocale.Language.Japanese


def _ja(lang: str | None) -> bool:
    return lang_is_ja() if lang is None else lang == "ja"


def parse_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        text = value.strip()
        for fmt in ("%Y-%m-%d", "%Y%m%d"):
            try:
                return datetime.strptime(text[:10] if fmt == "%Y-%m-%d" else text[:8], fmt).date()
            except ValueError:
                continue
    return None


def wareki(d: date) -> str:
    """`昭和46年10月15日` from the eligibility layer's era table."""
    from reception_app.eligibility import eras

    return eras.to_wareki(d)


def era_and_gregorian(value: object, lang: str | None = None) -> str:
    """`昭和46年（1971年）10月15日` on the Japanese desk, `昭和46年10月15日 (1971-10-15)` on the English one; the input
    unchanged when it is not a date."""
    d = parse_date(value)
    if d is None:
        return "" if value is None else str(value)
    try:
        era_text = wareki(d)
    except Exception:  # the era table cannot place the date (before 明治): show the Gregorian date alone
        return date_text(d, lang)
    if _ja(lang):
        year, _, rest = era_text.partition("年")
        return f"{year}年（{d.year}年）{rest}"
    return f"{era_text} ({d.isoformat()})"


def date_text(value: date, lang: str | None = None) -> str:
    """`2026年12月2日` (ja) or `2026-12-02` (en)."""
    if _ja(lang):
        return f"{value.year}年{value.month}月{value.day}日"
    return value.isoformat()


def date_time_text(value: datetime, lang: str | None = None) -> str:
    """`2026年12月2日 5:57` (ja) or `2026-12-02 05:57` (en), in the computer's local time (the store keeps UTC)."""
    if value.tzinfo is not None:
        value = value.astimezone()
    if _ja(lang):
        return f"{date_text(value.date(), 'ja')} {value.hour}:{value.minute:02d}"
    return value.strftime("%Y-%m-%d %H:%M")


def japanese_dates(text: str, lang: str | None = None) -> str:
    """ISO dates (and date-times) inside a sentence in the desk's language: `2026-10-31` → `2026年10月31日` (ja)."""
    if not _ja(lang):
        return text

    def one(match: re.Match[str]) -> str:
        before, year, month, day, hour, minute, after = match.groups()
        try:
            d = date(int(year), int(month), int(day))
        except ValueError:
            return match.group(0)
        shown = date_text(d, "ja")
        if hour is not None:
            shown += f" {int(hour)}:{minute}"
        # a space is kept only next to Latin text: Japanese sentences have none around a date
        start, end = match.start(), match.end()
        if before and start > 0 and text[start - 1].isascii():
            shown = " " + shown
        if after and end < len(text) and text[end].isascii():
            shown += " "
        return shown

    return _SPACED_ISO_RE.sub(one, text)
