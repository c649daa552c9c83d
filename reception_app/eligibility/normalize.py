"""Normalisation for MATCHING only. The display always keeps the original text.

OQS results carry half-width kana (`NameKana`), full-width digits and hyphens in 記号・番号 (`０２８２‐００１`) and
6-digit 国保 insurer numbers that requests pad with spaces to 8 characters. These helpers turn such values into keys
that compare equal when a person would say they are the same. Leading zeros are never stripped and an empty 枝番 is
never filled with "00" (reception_flow.md §5).
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

# Dash-like characters that NFKC leaves alone but people type for "-" in 記号・番号.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2796\ufe58\ufe63\uff0d"
_DASH_TABLE = str.maketrans({ch: "-" for ch in _DASHES})
_SPACES = re.compile(r"\s+")

# Separator between the four parts of an insurance key; cannot occur in a normalised part.
INSURANCE_KEY_SEPARATOR = "|"


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def normalize_text(text: str | None) -> str:
    """NFKC, dash variants to "-", whitespace runs to one ASCII space, trimmed. For comparing free text."""
    if not text:
        return ""
    if text.isascii() and text.isalnum():  # the usual code or number: nothing to normalise
        return text
    return _SPACES.sub(" ", _nfkc(text).translate(_DASH_TABLE)).strip()


def kana_key(text: str | None) -> str:
    """Key for kana names: NFKC (half-width → full-width kana), ひらがな → カタカナ, all spaces removed."""
    if not text:
        return ""
    return _SPACES.sub("", jaconv.hira2kata(_nfkc(text)))


def name_key(text: str | None) -> str:
    """Key for kanji names: NFKC and no spaces (the family/given separator varies between sources)."""
    if not text:
        return ""
    return _SPACES.sub("", _nfkc(text))


def insurance_part(text: str | None) -> str:
    """One of 保険者番号 / 記号 / 番号 / 枝番 for matching: NFKC, dashes to "-", no spaces. Zeros stay."""
    if not text:
        return ""
    if text.isascii() and text.isalnum():  # the usual number: nothing to normalise
        return text
    return _SPACES.sub("", _nfkc(text).translate(_DASH_TABLE))


def insurer_number_key(text: str | None) -> str:
    """保険者番号 for matching: `"  273128"` (request padding) and `"273128"` give the same key."""
    return insurance_part(text)


def insurance_key(
    insurer_number: str | None, symbol: str | None, number: str | None, branch: str | None
) -> str:
    """One key for (保険者番号, 記号, 番号, 枝番). An empty 枝番 stays empty (never "00")."""
    parts = (insurer_number_key(insurer_number), insurance_part(symbol), insurance_part(number), insurance_part(branch))
    return INSURANCE_KEY_SEPARATOR.join(part.replace(INSURANCE_KEY_SEPARATOR, "") for part in parts)
