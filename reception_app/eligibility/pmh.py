"""PMH participation lists and programs, shipped as data (resources/tables/pmh_*.json, built from the seed
documents by scripts/build_pmh_tables.py). Reads only the app's own tables."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from reception_app.eligibility.normalize import name_key
from reception_app.eligibility.numbers import PREFECTURES
from reception_app.paths import resource

PARTICIPATION_FILE = "pmh_participation.json"
PROGRAMS_FILE = "pmh_programs.json"
# The list the merge checks against: the widest (participating or planned by the end of 令和7年度).
DEFAULT_LIST = "planned_r7_end"


@dataclass(frozen=True)
class ParticipationList:
    key: str
    source: str
    as_of: str
    prefectures: frozenset[str]
    municipalities: dict[str, frozenset[str]]


@cache
def _load(name: str) -> Any:
    return json.loads(resource("tables", name).read_text(encoding="utf-8"))


@cache
def participation(key: str = DEFAULT_LIST) -> ParticipationList:
    raw = _load(PARTICIPATION_FILE)["lists"][key]
    return ParticipationList(
        key=key,
        source=raw["source"],
        as_of=raw["as_of"],
        prefectures=frozenset(raw["prefectures"]),
        municipalities={pref: frozenset(names) for pref, names in raw["municipalities"].items()},
    )


def programs() -> list[dict[str, str]]:
    loaded: list[dict[str, str]] = _load(PROGRAMS_FILE)["programs"]
    return loaded


@dataclass(frozen=True)
class AddressPlace:
    prefecture: str
    municipality: str | None  # None when the address does not start with a listed municipality


_PREFECTURE_SUFFIXES = ("都", "道", "府", "県")
_ADDRESS_PREFIX = 32  # characters of an address that hold its prefecture, county and municipality


def locate(address: str | None, key: str = DEFAULT_LIST) -> AddressPlace | None:
    """The prefecture and listed municipality at the start of an address; None when no prefecture is found.

    Only the first `_ADDRESS_PREFIX` characters are looked at (prefecture, county and municipality fit in them; a
    hostile 10 MB address costs nothing more), and the address as written is tried before its NFKC form: most are
    written in the listed form already, and NFKC costs more than the rest of the look-up."""
    if not address:
        return None
    head = address[:_ADDRESS_PREFIX]
    place = _locate_in(head, key)
    if place is not None and place.municipality is not None:
        return place
    return _locate_in(name_key(head), key)


def _locate_in(text: str, key: str) -> AddressPlace | None:
    if not text:
        return None
    lengths, prefectures = _prefectures()
    for pref_length in lengths:  # the longest prefecture name the text starts with
        pref = text[:pref_length]
        if pref in prefectures:
            rest = text[pref_length:]
            county = rest.find("郡")
            candidates = (rest, rest[county + 1 :]) if 0 < county <= 5 else (rest,)  # "河東郡上士幌町…"
            name_lengths, names = _municipalities(key, pref)
            for length in name_lengths:  # the longest listed name that starts a candidate
                for candidate in candidates:
                    if candidate[:length] in names:
                        return AddressPlace(pref, candidate[:length])
            return AddressPlace(pref, None)
    return None


@cache
def _prefectures() -> tuple[tuple[int, ...], frozenset[str]]:
    """(the lengths of the prefecture names, longest first; the names)."""
    names = frozenset(PREFECTURES.values())
    return tuple(sorted({len(name) for name in names}, reverse=True)), names


@cache
def _municipalities(key: str, prefecture: str) -> tuple[tuple[int, ...], frozenset[str]]:
    """(the lengths of the listed names, longest first; the names) of one prefecture."""
    names = participation(key).municipalities.get(prefecture, frozenset())
    return tuple(sorted({len(name) for name in names}, reverse=True)), names


def first_municipality(address: str | None) -> str | None:
    """A best guess of the municipality name after the prefecture (for messages only)."""
    text = name_key(address)
    for pref in PREFECTURES.values():
        if text.startswith(pref):
            rest = text[len(pref) :]
            county = rest.find("郡")
            if 0 < county <= 5:
                rest = rest[county + 1 :]
            for index, char in enumerate(rest):
                if char in "市区町村" and index > 0:
                    return rest[: index + 1]
            return None
    return None
