"""Acceptance 1 of issue 13: over structure (repeats, deep nesting, any element anywhere) and leaf values (long and
odd digit strings, dates, character references) in any encoding and declaration, reading and merging a result file
raises nothing but the reader's typed `ResultFileError`, and the export is JSON."""

from __future__ import annotations

import datetime as dt
import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reception_app.eligibility.errors import ResultFileError
from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import InsuranceQualification, QualificationResult, ResultHeader, XmlModel
from reception_app.eligibility.xml import parse_result
from reception_app.eligibility.xml_names import ELEMENT_ALIASES, PMH_LAYOUT


def _model_elements(model: type[XmlModel], seen: set[type[XmlModel]]) -> set[str]:
    if model in seen:
        return set()
    seen.add(model)
    names = {info.alias for name, info in model.model_fields.items() if info.alias and not info.alias.startswith("_")}
    for alias, (_field, item, child) in model.XML_CHILDREN.items():
        names |= {alias, *([item] if item else [])} | _model_elements(child, seen)
    return names


KNOWN = sorted(_model_elements(QualificationResult, set()) | set(ELEMENT_ALIASES) | set(PMH_LAYOUT.values()))
NAMES = st.sampled_from(KNOWN) | st.sampled_from(["Zz", "Unknown", "Extra", "a"])

# Characters the layout never has, written as character references: any code point XML allows.
_ODD_CODEPOINTS = [0x00B2, 0x2070, 0x2460, 0x1369, 0x0663, 0x0966, 0xFF11, 0x10A40, 0x1D7CF, 0x20BB7, 0x3000, 0x85]
char_refs = st.lists(st.sampled_from(_ODD_CODEPOINTS), min_size=1, max_size=6).map(
    lambda points: "".join(f"&#x{point:X};" for point in points))
digit_runs = st.integers(1, 6000).map(lambda n: "9" * n) | st.from_regex(r"[0-9]{1,12}", fullmatch=True)
dates = st.sampled_from(["20250601", "99991231", "00000000", "20250230", "19000101", "18000101", "20300101",
                         "2025-06-01", "２０２５０６０１", "R07.06.01", "0001-01-01", "9999/12/31"])
free_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<&\ufffe\uffff"),
                    max_size=20)
leaf_values = (digit_runs | dates | char_refs | free_text | st.sampled_from(["", " ", "0", "1", "2", "A1", "010", "3",
                                                                           "050", "999", "B05", "03"]))


@st.composite
def elements(draw: st.DrawFn, depth: int = 0) -> str:
    name = draw(NAMES)
    if depth >= 3 or draw(st.integers(0, 3)) > 0:
        return f"<{name}>{draw(leaf_values)}</{name}>"
    children = draw(st.lists(elements(depth + 1), max_size=4))
    return f"<{name}>{''.join(children)}</{name}>"


@st.composite
def repeated(draw: st.DrawFn) -> str:
    return draw(elements()) * draw(st.integers(1, 300))


@st.composite
def nested(draw: st.DrawFn) -> str:
    depth = draw(st.integers(1, 120))
    name = draw(NAMES)
    return f"<{name}>" * depth + draw(leaf_values) + f"</{name}>" * depth


fragments = st.lists(elements() | repeated() | nested(), max_size=6).map("".join)


def _leaves(model: type[XmlModel]) -> list[str]:
    return sorted(info.alias for name, info in model.model_fields.items()
                  if info.alias and info.alias not in model.XML_CHILDREN and not info.alias.startswith("_"))


def _all_leaves(model: type[XmlModel]) -> st.SearchStrategy[str]:
    """Every leaf element of the model, each left out or with any leaf value, in a shuffled order."""
    values = st.fixed_dictionaries({name: st.none() | leaf_values for name in _leaves(model)})
    return st.tuples(values, st.randoms(use_true_random=False)).map(lambda pair: _shuffled(pair[0], pair[1]))


def _shuffled(values: dict[str, str | None], rng: random.Random) -> str:
    parts = [f"<{name}>{value}</{name}>" for name, value in values.items() if value is not None]
    rng.shuffle(parts)
    return "".join(parts)


def known_fields(model: type[XmlModel]) -> st.SearchStrategy[str]:
    """The model's leaf elements with any values, and each nested model (or list item, repeated) the same way."""
    parts = [_all_leaves(model)]
    for alias, (_field, item, child) in model.XML_CHILDREN.items():
        inner = _all_leaves(child)
        if item:
            inner = st.lists(inner.map(lambda text, item=item: f"<{item}>{text}</{item}>"), max_size=3).map("".join)
        parts.append(st.none() | inner.map(lambda text, alias=alias: f"<{alias}>{text}</{alias}>"))
    return st.tuples(*parts).map(lambda texts: "".join(text for text in texts if text))


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    person = draw(known_fields(InsuranceQualification)) + draw(fragments)
    people = draw(st.integers(0, 3))
    header = draw(known_fields(ResultHeader)) + draw(fragments)
    body = draw(fragments)
    code = draw(st.sampled_from(["", "<CharacterCodeIdentifier>0</CharacterCodeIdentifier>",
                                 "<CharacterCodeIdentifier>1</CharacterCodeIdentifier>"]))
    validity = draw(st.sampled_from(["1", "2", "4", "5", "6", "9", ""]))
    text = (f"<XmlMsg><MessageHeader><SegmentOfResult>1</SegmentOfResult>{code}{header}</MessageHeader>"
            f"<MessageBody><ProcessingResultStatus>1</ProcessingResultStatus>"
            f"<QualificationValidity>{validity}</QualificationValidity>{body}<ResultList>"
            + f"<ResultOfQualificationConfirmation>{person}</ResultOfQualificationConfirmation>" * people
            + "</ResultList></MessageBody></XmlMsg>")
    encoding = draw(st.sampled_from(["utf-8", "cp932"]))
    declared = draw(st.sampled_from([None, "UTF-8", "Shift_JIS", "EUC-JP", "utf8"]))
    prolog = f'<?xml version="1.0" encoding="{declared}"?>' if declared else ""
    return (prolog + text).encode(encoding, errors="xmlcharrefreplace")


def _read_and_merge(data: bytes) -> str:
    try:
        result = parse_result(data)
    except ResultFileError:
        return "refused"
    merged = merge(result, (), None, dt.date(2025, 6, 1))
    json.dumps(merged.to_json(), ensure_ascii=False)
    return "read"


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents())
def test_any_structure_and_leaf_values_raise_only_typed_errors(data: bytes) -> None:
    assert _read_and_merge(data) in {"read", "refused"}
