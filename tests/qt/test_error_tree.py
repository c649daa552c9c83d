"""The one error tree (reception_app/errors.py): every error the app raises on purpose is an AppError with its own
code, no two errors share a code, and every code has Japanese and English words in the translation files."""

from __future__ import annotations

import importlib
import pkgutil
import re
import xml.etree.ElementTree as ET
from functools import cache

import pytest

import reception_app
from reception_app.errors import AppError
from reception_app.ui.error_texts import CONTEXT, ERRORS
from tests.qt.ui_helpers import ROOT

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@cache
def error_classes() -> tuple[type[AppError], ...]:
    """Every AppError subclass of the app: all modules imported first, so none is missed."""
    for module in pkgutil.walk_packages(reception_app.__path__, "reception_app."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: list[type[AppError]] = []
    todo: list[type[AppError]] = [AppError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    # private helpers (a shared __init__, say) carry no code of their own; tests' own subclasses are not the app's
    return tuple(c for c in found if not c.__name__.startswith("_") and c.__module__.startswith("reception_app"))


def translations(lang: str) -> dict[str, str]:
    """source → finished translation of the Errors context in reception_<lang>.ts."""
    tree = ET.parse(ROOT / "resources" / "translations" / f"reception_{lang}.ts")
    found: dict[str, str] = {}
    for context in tree.getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[message.findtext("source") or ""] = translation.text
    return found


def test_every_error_names_its_own_code() -> None:
    assert [c.__qualname__ for c in error_classes() if "code" not in vars(c)] == []


def test_no_two_errors_share_a_code() -> None:
    owners: dict[str, list[str]] = {}
    for cls in error_classes():
        owners.setdefault(cls.code, []).append(f"{cls.__module__}.{cls.__qualname__}")
    assert {code: names for code, names in owners.items() if len(names) > 1} == {}


def test_every_code_has_words_in_the_ui_table() -> None:
    assert sorted({c.code for c in error_classes()} - set(ERRORS)) == []


def test_every_code_has_japanese_words() -> None:
    japanese = translations("ja")
    codes = sorted({c.code for c in error_classes()})
    assert [code for code in codes if not JAPANESE.search(japanese.get(ERRORS.get(code, ""), ""))] == []


def test_every_code_has_english_words() -> None:
    english = translations("en")
    codes = sorted({c.code for c in error_classes()})
    assert [code for code in codes if not english.get(ERRORS.get(code, ""), "").strip()] == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_message_keeps_its_values(lang: str) -> None:
    """%1, %2 (a file, an option) appear in the translation as in the English source, or a value goes missing."""
    words = translations(lang)
    wrong = [code for code, source in ERRORS.items()
             if sorted(re.findall(r"%\d", source)) != sorted(re.findall(r"%\d", words.get(source, source)))]
    assert wrong == []
