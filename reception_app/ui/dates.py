"""Dates for the staff: 和暦 with 西暦 beside it (the era table is the eligibility layer's; Qt has none)."""

from __future__ import annotations

from datetime import date, datetime


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


def era_and_gregorian(value: object) -> str:
    """`昭和46年10月15日 (1971-10-15)`; the input unchanged when it is not a date."""
    d = parse_date(value)
    if d is None:
        return "" if value is None else str(value)
    try:
        return f"{wareki(d)} ({d.isoformat()})"
    except Exception:  # the era table cannot place the date (before 明治): show the Gregorian date alone
        return d.isoformat()


def date_time_text(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")
