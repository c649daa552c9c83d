"""Typed errors: stable codes, clear English, the blocked-PIN advice."""

from __future__ import annotations

import re

from reception_app.card import errors
from reception_app.card.errors import CardError, PinBlockedError, PinKind, WrongPinError


def _all_error_classes() -> list[type[CardError]]:
    seen: list[type[CardError]] = []
    todo: list[type[CardError]] = [CardError]
    while todo:
        cls = todo.pop()
        seen.append(cls)
        todo.extend(cls.__subclasses__())
    return [c for c in seen if c.__module__ == errors.__name__]


def test_codes_are_unique_snake_case() -> None:
    codes = [cls.code for cls in _all_error_classes()]
    assert len(codes) == len(set(codes)) and len(codes) >= 15
    assert all(re.fullmatch(r"[a-z][a-z_]*", code) for code in codes)


def test_blocked_pin_says_so_in_words_and_where_to_reset() -> None:
    auth = str(PinBlockedError(PinKind.AUTH))
    assert "is blocked" in auth and "市区町村の窓口" in auth and "convenience-store kiosk" in auth
    text = str(PinBlockedError(PinKind.TEXT))
    assert "is blocked" in text and "市区町村の窓口" in text
    assert "convenience" not in text  # kiosk reset for the text-AP PIN is UNCONFIRMED: not promised


def test_wrong_pin_reports_tries_left() -> None:
    error = WrongPinError(PinKind.AUTH, 2)
    assert error.tries_left == 2 and error.code == "card_wrong_pin" and "2 tries left" in str(error)
    assert "1 try left" in str(WrongPinError(PinKind.AUTH, 1))
