"""Property tests (acceptance 3): write → read is identity; hostile input raises only ResultFileError, quickly."""

from __future__ import annotations

import contextlib
import resource
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reception_app.eligibility.errors import ResultFileError
from reception_app.eligibility.models import (
    ElderlyRecipientCertificateInfo,
    InsuranceQualification,
    LimitApplicationCertificateRelatedInfo,
    MedicalTicketInfo,
    QualificationConfirmSearchInfo,
    QualificationResult,
    ResultHeader,
    SpecificDiseasesCertificateInfo,
    Subsidy,
    XmlModel,
)
from reception_app.eligibility.xml import parse_request, parse_result, write_result

DATA = Path(__file__).resolve().parent.parent / "data" / "oqs"
SAMPLES = [path.read_bytes() for path in sorted(DATA.glob("*.xml"))]

# Any text XML 1.0 can carry as element content after parsing (no control characters, no surrogates, no \r which
# XML turns into \n, no U+FFFE/FFFF).
xml_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn"), blacklist_characters="\ufffe\uffff"),
    max_size=12,
) | st.sampled_from(["", " ", "　", "髙﨑", "①", "～", "〜", "●", "ｼｹﾝ ﾀﾛｳ", "０２８２‐００１", "  273128", "<&>\"'"])
extra_bags = st.dictionaries(st.from_regex(r"Zz[A-Za-z]{1,6}", fullmatch=True), xml_text, max_size=2)


def model_strategy(cls: type[XmlModel]) -> st.SearchStrategy[Any]:
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for name, info in cls.model_fields.items():
        if name == "extra":
            fields[name] = extra_bags
        elif info.annotation in (str | None, str):
            fields[name] = st.none() | xml_text
    return st.fixed_dictionaries(fields).map(lambda values: cls.model_construct(**values))


def _with(base: st.SearchStrategy[Any], **children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.tuples(base, st.fixed_dictionaries(children)).map(
        lambda pair: pair[0].model_copy(update=pair[1])
    )


subsidies = st.lists(model_strategy(Subsidy), max_size=2)
results = _with(
    model_strategy(InsuranceQualification),
    elderly=st.none() | model_strategy(ElderlyRecipientCertificateInfo),
    limit=st.none() | model_strategy(LimitApplicationCertificateRelatedInfo),
    specific_diseases=st.lists(model_strategy(SpecificDiseasesCertificateInfo), max_size=2),
    medical_tickets=st.lists(model_strategy(MedicalTicketInfo), max_size=2),
    subsidies=subsidies,
)
qualification_results = _with(
    model_strategy(QualificationResult),
    header=model_strategy(ResultHeader),
    search_info=st.none() | model_strategy(QualificationConfirmSearchInfo),
    results=st.lists(results, max_size=2),
    subsidies=subsidies,
    root_extra=extra_bags,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(result=qualification_results, encoding=st.sampled_from(["cp932", "utf-8"]))
def test_write_then_read_is_identity(result: QualificationResult, encoding: str) -> None:
    again = parse_result(write_result(result, encoding=encoding))
    assert again.model_dump() == result.model_dump()


def _only_typed_errors(data: bytes) -> None:
    started = time.perf_counter()
    try:
        parse_result(data, max_bytes=1 << 20)
    except ResultFileError as exc:
        assert exc.problem in {"empty", "too_large", "encoding", "forbidden_dtd", "malformed", "wrong_root"}
    with contextlib.suppress(ResultFileError):
        parse_request(data, max_bytes=1 << 20)
    assert time.perf_counter() - started < 2.0


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_raise_only_typed_errors(data: bytes) -> None:
    _only_typed_errors(data)


@st.composite
def mutated_samples(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        kind = draw(st.sampled_from(["flip", "delete", "insert", "duplicate"]))
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from([b"<", b">", b"&", b"<!DOCTYPE x>", b"<X>", b"</X>", b"\x82", b"\x00",
                                                b"&#0;", b"<![CDATA[", b"]]>", b"<?pi x?>", b"<!--", b"-->"]))
        else:
            end = min(len(data), at + draw(st.integers(1, 200)))
            data[at:at] = data[at:end]
    return bytes(data)


@settings(max_examples=300, deadline=None)
@given(mutated_samples())
def test_mutated_valid_files_raise_only_typed_errors(data: bytes) -> None:
    _only_typed_errors(data)


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("depth", [300, 10_000, 1_000_000])
def test_deep_nesting_is_bounded(depth: int) -> None:
    data = b"<XmlMsg><MessageBody>" + b"<a>" * depth + b"x" + b"</a>" * depth + b"</MessageBody></XmlMsg>"
    before = _peak_rss_mib()
    started = time.perf_counter()
    with pytest.raises(ResultFileError) as info:
        parse_result(data)
    assert info.value.problem == "malformed"  # libxml2 refuses depth > 256 without huge_tree
    assert time.perf_counter() - started < 5.0
    assert _peak_rss_mib() - before < 300


def test_moderate_nesting_of_unknown_elements_is_kept() -> None:
    data = b"<XmlMsg><MessageBody>" + b"<a>" * 100 + b"x" + b"</a>" * 100 + b"</MessageBody></XmlMsg>"
    result = parse_result(data)
    assert list(result.extra.values()) == ["x"]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<XmlMsg><MessageBody><ProcessingResultMessage>&lol9;</ProcessingResultMessage></MessageBody></XmlMsg>"""

HOSTILE = {
    "billion_laughs": BILLION_LAUGHS,
    "external_entity": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><XmlMsg>&e;'
    b"</XmlMsg>",
    "external_dtd": b'<?xml version="1.0"?><!DOCTYPE XmlMsg SYSTEM "http://127.0.0.1:9/x.dtd"><XmlMsg/>',
    "parameter_entity": b'<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p"> %p;]><XmlMsg/>',
    "lowercase_doctype": b"<!doctype XmlMsg><XmlMsg/>",
    "undeclared_entity": b"<XmlMsg><MessageBody><Name>&lol9;</Name></MessageBody></XmlMsg>",
    "shift_jis_dtd": '<?xml version="1.0" encoding="Shift_JIS"?><!DOCTYPE 試験 [<!ENTITY a "b">]><XmlMsg/>'.encode(
        "cp932"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_documents_are_refused_quickly(name: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ResultFileError) as info:
        parse_result(HOSTILE[name])
    assert info.value.problem in {"forbidden_dtd", "malformed"}
    assert time.perf_counter() - started < 1.0


def test_xinclude_is_not_processed() -> None:
    data = (b'<XmlMsg xmlns:xi="http://www.w3.org/2001/XInclude"><MessageBody>'
            b'<xi:include href="file:///etc/passwd" parse="text"/></MessageBody></XmlMsg>')
    result = parse_result(data)
    assert result.extra == {"include": ""}  # kept as an unknown element, never fetched


def test_size_limit_is_checked_before_parsing() -> None:
    big = b"<XmlMsg>" + b" " * (2 << 20) + b"</XmlMsg>"
    with pytest.raises(ResultFileError) as info:
        parse_result(big, max_bytes=1 << 20)
    assert info.value.problem == "too_large"
