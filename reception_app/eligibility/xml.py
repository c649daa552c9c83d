"""Read and write OQS XML: qualification results (face and req/res), requests, 照会番号 registration.

Reading is defensive: a size limit, any DOCTYPE or entity declaration refused before parsing, lxml with entities,
DTDs, network and huge trees off. Bytes are decoded here in Python as cp932 (Shift_JIS declaration) or UTF-8, never by
lxml: lxml rejects 髙, 﨑, ① under a Shift_JIS declaration and maps 0x8160 to 〜 instead of ～ (platform.md). Without
a declaration the header's CharacterCodeIdentifier decides (0 UTF-8, 1 Shift_JIS). Unknown elements, any order,
empty elements, namespaces and spec-version name variants (`xml_names.ELEMENT_ALIASES`) are accepted; unknown
elements are kept in the models' `extra`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import threading
from collections.abc import Iterable
from functools import cache
from typing import Any, Literal

from lxml import etree

from reception_app.eligibility.errors import ResultFileError
from reception_app.eligibility.models import (
    QualificationConfirmSearchInfo,
    QualificationRequest,
    QualificationResult,
    ReferenceNumberRegistrationInfo,
    ReferenceRegistrationRequest,
    ReferenceRegistrationResult,
    ResultHeader,
    Subsidy,
    XmlModel,
)
from reception_app.eligibility.xml_names import (
    BODY_ELEMENT,
    FLAT_LISTS,
    HEADER_ELEMENT,
    REQUEST_HEADER_ELEMENTS,
    ROOT_ELEMENT,
    canonical,
)
from reception_app.gc_policy import paused as paused_gc

DEFAULT_MAX_BYTES = 32 * 1024 * 1024  # a bulk result of several thousand people fits; a face file is a few KB
_BULK_BYTES = 256 * 1024  # above this, the garbage collector is paused while the models are built (gc_policy.py)
Encoding = Literal["cp932", "utf-8"]

_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?\?>", re.DOTALL)
_DECLARED_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_CHARACTER_CODE = re.compile(rb"<(?:\w+:)?CharacterCodeIdentifier>\s*([01])\s*<")
_FORBIDDEN = re.compile(r"<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)", re.IGNORECASE)
# The same on UTF-8 bytes (ASCII never occurs inside a multi-byte UTF-8 sequence). XML allows nothing between "<!"
# and the keyword, so what the str pattern's wider whitespace adds is malformed anyway.
_FORBIDDEN_BYTES = re.compile(rb"<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)", re.IGNORECASE)
_CHUNK = 1 << 20  # documents above this are decoded chunk by chunk (bounded memory)
_SNIFF = 1 << 16  # bytes looked at for UTF-8 under a Shift_JIS reading …
_SNIFF_WINDOW = 512  # … from the first non-ASCII byte among them
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_SHIFT_JIS_NAMES = frozenset({"shift_jis", "shift-jis", "sjis", "x-sjis", "cp932", "ms932", "windows-31j", "ms_kanji"})
_UTF8_NAMES = frozenset({"utf-8", "utf8"})
_UTF8_BOM = b"\xef\xbb\xbf"
_MAX_DEPTH = 64  # result files are at most 6 levels deep; extras deeper than this are flattened no further

_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


_PARSERS = threading.local()


def _parser() -> etree.XMLParser:
    """One parser per thread (lxml parsers are not thread-safe and the watcher may parse from a worker thread); making
    one costs more than parsing a face file with it. The input is always UTF-8 without declaration (`utf8_document`),
    so the encoding is fixed rather than guessed from the first bytes."""
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.XMLParser(encoding="utf-8", **_PARSER_OPTIONS)
    return parser


# ---------------------------------------------------------------------------------------------------------- decoding


def _body(data: bytes, max_bytes: int) -> tuple[bytes, Encoding]:
    """The document bytes without BOM and declaration, and their encoding. Raises ResultFileError."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ResultFileError("encoding", detail=f"expected bytes, got {type(data).__name__}")
    if type(data) is not bytes:
        data = bytes(data)
    if len(data) > max_bytes:
        raise ResultFileError("too_large", limit=max_bytes)
    if data.isspace() or not data:
        raise ResultFileError("empty")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ResultFileError("encoding", detail="UTF-16 is not a result-file encoding")
    declaration = _DECLARATION.match(data)
    encoding = _choose_encoding(data, declaration)
    return (data[declaration.end() :] if declaration else data), encoding


def _decode(body: bytes, encoding: Encoding) -> str:
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ResultFileError("encoding", detail=f"invalid {encoding} byte at offset {exc.start}") from None


def _check_no_dtd(body: bytes, text: str | None, encoding: Encoding) -> None:
    # "<!" is ASCII in both encodings and cannot be part of a cp932 double-byte character: a cheap first test.
    if b"<!" in body and _FORBIDDEN.search(text if text is not None else _decode(body, encoding)):
        raise ResultFileError("forbidden_dtd")


def decode_xml_bytes(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, Encoding]:
    """The document text (declaration removed) and the encoding used. Raises ResultFileError."""
    body, encoding = _body(data, max_bytes)
    text = _decode(body, encoding)
    _check_no_dtd(body, text, encoding)
    return text, encoding


def utf8_document(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes | bytearray, Encoding]:
    """The document as UTF-8 bytes without declaration (what lxml is given) and the encoding it was read in. The
    same checks and the same decoding as `decode_xml_bytes` (cp932 by Python, never by lxml), but no str of the whole
    document is handed to lxml: lxml would re-encode it, and an ASCII-only document needs no decoding at all (ASCII
    bytes mean the same in cp932 and UTF-8). Documents above `_CHUNK` bytes are decoded chunk by chunk, so that no
    str of the whole document exists either (a 30 MB file with kanji would be a 60 MB str). Raises ResultFileError."""
    body, encoding = _body(data, max_bytes)
    text: str | None = None
    utf8: bytes | bytearray
    if body.isascii():
        utf8 = body
    elif len(body) > _CHUNK:
        utf8 = _utf8_by_chunks(body, encoding)
        if b"<!" in utf8 and _FORBIDDEN_BYTES.search(utf8):
            raise ResultFileError("forbidden_dtd")
        return utf8, encoding
    elif encoding == "utf-8":
        text = _decode(body, encoding)  # validates: a bad byte is an "encoding" error, not a "malformed" one
        utf8 = body
    else:
        text = _decode(body, encoding)
        utf8 = text.encode("utf-8")
    _check_no_dtd(body, text, encoding)
    return utf8, encoding


def _utf8_by_chunks(body: bytes, encoding: Encoding) -> bytes | bytearray:
    """`body` validated (UTF-8) or re-encoded (cp932 → UTF-8) `_CHUNK` bytes at a time; at most one chunk of text
    exists at once. The incremental decoder carries a character split between two chunks over."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(body)
    out = bytearray() if encoding == "cp932" else None
    for start in range(0, len(body), _CHUNK):
        try:
            text = decoder.decode(view[start : start + _CHUNK], final=start + _CHUNK >= len(body))
        except UnicodeDecodeError as exc:
            raise ResultFileError("encoding", detail=f"invalid {encoding} byte at offset {start + exc.start}") from None
        if out is not None:
            out += text.encode("utf-8")
    return body if out is None else out


def _choose_encoding(data: bytes, declaration: re.Match[bytes] | None) -> Encoding:
    if declaration:
        declared = _DECLARED_ENCODING.search(declaration.group(0))
        if declared:
            name = declared.group(1).decode("ascii").lower()
            if name in _SHIFT_JIS_NAMES:
                return "cp932"
            if name in _UTF8_NAMES:
                return "utf-8"
            raise ResultFileError("encoding", detail=f"unsupported declared encoding {name!r}")
    # No declared encoding: the header says which one (OQSCD005: 0 UTF-8, 1 Shift_JIS); XML's default is UTF-8.
    code = _CHARACTER_CODE.search(data[:4096])
    return "cp932" if code and code.group(1) == b"1" else "utf-8"


def _parse_tree(data: bytes, max_bytes: int) -> tuple[etree._Element, Encoding]:
    utf8, encoding = utf8_document(data, max_bytes=max_bytes)
    try:
        root = etree.fromstring(utf8, _parser())  # type: ignore[arg-type]  # any buffer; the stubs say bytes
    except etree.XMLSyntaxError as exc:
        raise ResultFileError("malformed", detail=_one_line(str(exc))) from None
    except (ValueError, TypeError) as exc:  # e.g. characters XML does not allow
        raise ResultFileError("malformed", detail=_one_line(str(exc))) from None
    if root is None:
        raise ResultFileError("malformed", detail="no root element")
    name = _local(root)
    if name != ROOT_ELEMENT:
        raise ResultFileError("wrong_root", detail=name[:60])
    return root, encoding


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


# ---------------------------------------------------------------------------------------------- elements → models


@cache
def _spec(model: type[XmlModel]) -> tuple[dict[str, str], dict[str, tuple[str, str, type[XmlModel]]]]:
    """(leaf element → field, child element → (field, item element, model)) for one model class."""
    leaves: dict[str, str] = {}
    for field_name, info in model.model_fields.items():
        if field_name == "extra" or info.alias in model.XML_CHILDREN or info.alias is None:
            continue
        if info.annotation in (str | None, str):
            leaves[info.alias] = field_name
    return leaves, dict(model.XML_CHILDREN)


def _add_extra(extra: dict[str, str], seen: dict[str, int], path: str, element: etree._Element, depth: int) -> None:
    """Keeps an unknown element under its path; the n-th element of one path is "path[n]". `seen` counts the
    elements of each path of `extra` so far: looking the next free number up costs one step, whatever the number of
    repeats (probing "path[2]", "path[3]", … made files of repeated siblings quadratic)."""
    number = seen.get(path, 0) + 1
    seen[path] = number
    key = path if number == 1 else f"{path}[{number}]"
    children = [child for child in element if isinstance(child.tag, str)]
    if not children or depth >= _MAX_DEPTH:
        extra[key] = element.text or "" if not children else "".join(str(part) for part in element.itertext())
        return
    if element.text and element.text.strip():
        extra[key] = element.text
    for child in children:
        _add_extra(extra, seen, f"{key}/{_local(child)}", child, depth + 1)


# What an element means inside one model: a leaf field, one nested model, a list of them, or an unknown element.
_SKIP, _LEAF, _ONE, _MANY, _EXTRA = range(5)
# (kind, field, item element, item model, local name, canonical name)
_Entry = tuple[int, str, str, type[XmlModel] | None, str, str]
# Per model: raw tag (with any namespace) → entry. Filled lazily; it keeps the per-element work of bulk files
# (hundreds of thousands of elements) to one dict look-up, without re-computing local and canonical names.
_TAG_TABLES: dict[type[XmlModel], dict[Any, _Entry]] = {}
# Per model: raw tag → field, for the leaf fields only (most elements): the fast path of `_fields_from`.
_LEAF_TABLES: dict[type[XmlModel], dict[Any, str]] = {}
# Raw tag → (local name, canonical name), for the items of lists.
_NAMES: dict[Any, tuple[str, str]] = {}
_CACHE_LIMIT = 4096  # unknown tags in hostile files must not grow the caches without bound


def _names(tag: Any) -> tuple[str, str]:
    names = _NAMES.get(tag)
    if names is None:
        if not isinstance(tag, str):
            return "", ""
        local = tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag
        if len(_NAMES) > _CACHE_LIMIT:
            _NAMES.clear()
        names = _NAMES[tag] = (local, canonical(local))
    return names


def _classify(model: type[XmlModel], tag: Any) -> _Entry:
    table = _TAG_TABLES.setdefault(model, {})
    leaf_table = _LEAF_TABLES.setdefault(model, {})
    if len(table) > _CACHE_LIMIT:
        table.clear()
        leaf_table.clear()
    if not isinstance(tag, str):
        entry: _Entry = (_SKIP, "", "", None, "", "")  # comment, processing instruction or entity
    else:
        leaves, children = _spec(model)
        local, name = _names(tag)
        nested = children.get(name)
        if name in leaves:
            entry = (_LEAF, leaves[name], "", None, local, name)
            leaf_table[tag] = leaves[name]
        elif nested is not None:
            entry = (_MANY if nested[1] else _ONE, nested[0], nested[1], nested[2], local, name)
        else:
            entry = (_EXTRA, "", "", None, local, name)
    table[tag] = entry
    return entry


def _fields_from(
    model: type[XmlModel],
    element: etree._Element,
    data: dict[str, Any],
    extra: dict[str, str],
    depth: int,
    seen: dict[str, int] | None = None,
) -> None:
    """The children of `element` into `data` (fields) and `extra` (everything else, by path). The first occurrence of a
    field wins; a repeated one, or a leaf field with children, is kept in `extra`."""
    table = _TAG_TABLES.get(model)
    if table is None:
        table = _TAG_TABLES[model] = {}
    lookup = table.get
    leaf = _LEAF_TABLES.setdefault(model, {}).get
    for child in element:
        tag = child.tag
        field = leaf(tag)
        if field is not None and field not in data and not len(child):  # fast path: most elements are leaves
            data[field] = child.text or ""
            continue
        entry = lookup(tag)
        if entry is None:
            entry = _classify(model, tag)
        kind = entry[0]
        if kind == _LEAF:
            field = entry[1]
            if field not in data and not len(child):
                data[field] = child.text or ""
                continue
        elif kind == _MANY:
            seen = _items(entry, child, data, extra, seen, depth)
            continue
        elif kind == _ONE:
            if entry[1] not in data:
                data[entry[1]] = _build(entry[3], child, depth + 1)  # type: ignore[arg-type]
                continue
        elif kind == _SKIP:
            continue
        if seen is None:  # made on the first element kept in `extra` (face files: none)
            seen = {}
        _add_extra(extra, seen, entry[4], child, depth + 1)


def _items(
    entry: _Entry,
    container: etree._Element,
    data: dict[str, Any],
    extra: dict[str, str],
    seen: dict[str, int] | None,
    depth: int,
) -> dict[str, int] | None:
    """The items of one list into `data[field]`; anything else in the list into `extra`. Returns `seen` (made here
    when this list keeps the first element in `extra`)."""
    _kind, field, item_name, item_model, _local_name, name = entry
    items = data.get(field)
    if items is None:
        items = data[field] = []
    flat_leaves = _spec(item_model)[0] if name in FLAT_LISTS and item_model is not None else None
    flat: dict[str, Any] | None = None
    for item in container:
        local, canonical_name = _names(item.tag)
        if not local:
            continue
        if canonical_name == item_name:
            items.append(_build(item_model, item, depth + 2))  # type: ignore[arg-type]
        elif flat_leaves is not None and canonical_name in flat_leaves and not len(item):
            # an item's field written directly in the list: a field met again starts the next item
            if flat is None:
                flat = {}
            elif flat_leaves[canonical_name] in flat:
                items.append(_construct(item_model, flat))  # type: ignore[arg-type]
                flat = {}
            flat[flat_leaves[canonical_name]] = item.text or ""
        else:
            if seen is None:
                seen = {}
            _add_extra(extra, seen, f"{name}/{local}", item, depth + 2)
    if flat:
        items.append(_construct(item_model, flat))  # type: ignore[arg-type]
    return seen


def _build(model: type[XmlModel], element: etree._Element, depth: int) -> Any:
    data: dict[str, Any] = {}
    extra: dict[str, str] = {}
    _fields_from(model, element, data, extra, depth)
    if extra:
        data["extra"] = extra
    return _construct(model, data)


@cache
def _defaults(model: type[XmlModel]) -> tuple[dict[str, Any], tuple[tuple[str, Any], ...]]:
    """(plain defaults, (field, factory) pairs) of a model, so that construction needs no introspection."""
    plain: dict[str, Any] = {}
    factories: list[tuple[str, Any]] = []
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            factories.append((name, info.default_factory))
        else:
            plain[name] = info.default
    return plain, tuple(factories)


def _construct(model: type[XmlModel], data: dict[str, Any]) -> Any:
    """Like model_construct with every field given. Every value is text taken from the file, so validation would
    only cost time (bulk files hold thousands of people), and pydantic's own default handling inspects each
    factory's signature on every call."""
    plain, factories = _defaults(model)
    values = {**plain, **data}  # field order first (plain holds every non-factory field in order)
    for name, factory in factories:
        if name not in values:
            values[name] = factory()
    # What model_construct does, without its per-field alias and default handling.
    instance = _new(model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", set(data))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


_new = object.__new__
_set = object.__setattr__


def _body_and_header(root: etree._Element) -> tuple[etree._Element | None, etree._Element | None, dict[str, str]]:
    header = body = None
    root_extra: dict[str, str] = {}
    seen: dict[str, int] = {}
    for child in root:
        if not isinstance(child.tag, str):
            continue
        name = _local(child)
        if name == HEADER_ELEMENT and header is None:
            header = child
        elif name == BODY_ELEMENT and body is None:
            body = child
        else:
            _add_extra(root_extra, seen, name, child, 1)
    return header, body, root_extra


def parse_result(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> QualificationResult:
    """An OQSsiquc01res (face or req/res) file → QualificationResult, PMH subsidies included. Raises ResultFileError."""
    root, encoding = _parse_tree(data, max_bytes)
    return result_from_tree(root, encoding, bulk=len(data) > _BULK_BYTES, encoding_doubt=_bytes_doubt(data, encoding))


def result_from_tree(
    root: etree._Element, encoding: Encoding, *, bulk: bool = False, encoding_doubt: str | None = None
) -> QualificationResult:
    """The models of a parsed result file (`parse_result` without the reading; the benchmark times it alone). With
    `bulk`, the garbage collector is paused meanwhile (reception_app/gc_policy.py)."""
    with paused_gc(bulk):
        return _result_from_tree(root, encoding, encoding_doubt)


def _result_from_tree(root: etree._Element, encoding: Encoding, encoding_doubt: str | None) -> QualificationResult:
    header_el, body_el, root_extra = _body_and_header(root)
    values: dict[str, Any] = {}
    extra: dict[str, str] = {}
    if header_el is not None:
        values["header"] = _build(ResultHeader, header_el, 2)
    else:
        values["header"] = _construct(ResultHeader, {})
    if body_el is not None:
        _fields_from(QualificationResult, body_el, values, extra, 2)
    if extra:
        values["extra"] = extra
    if root_extra:
        values["root_extra"] = root_extra
    values["source_encoding"] = encoding  # not elements: set here, not by pydantic's (slow) attribute assignment
    if encoding_doubt is not None:
        values["source_encoding_doubt"] = encoding_doubt
    result: QualificationResult = _construct(QualificationResult, values)
    return result


def _bytes_doubt(data: bytes, encoding: Encoding) -> str | None:
    """"bytes_look_like_utf8" when a file read as Shift_JIS (by its declaration or CharacterCodeIdentifier) has
    non-ASCII bytes that are valid UTF-8: cp932 decodes most UTF-8 into mojibake without an error, while Japanese
    cp932 text is almost never valid UTF-8. `_SNIFF_WINDOW` bytes from the first non-ASCII byte decide."""
    if encoding != "cp932":
        return None
    first = _NON_ASCII.search(data, 0, _SNIFF)
    if first is None:
        return None
    # Shift_JIS text fails as UTF-8 within its first characters: a short window from the first non-ASCII byte
    # decides. A character cut by the end of the window is not an error unless the file ends there.
    window = data[first.start() : first.start() + _SNIFF_WINDOW]
    try:
        codecs.utf_8_decode(window, "strict", first.start() + _SNIFF_WINDOW >= len(data))
    except UnicodeDecodeError:
        return None
    return "bytes_look_like_utf8"


def parse_subsidies(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Subsidy]:
    """Only the PMH subsidies of a result file (body-level and per person)."""
    return parse_result(data, max_bytes=max_bytes).all_subsidies()


def _parse_flat(model: type[XmlModel], data: bytes, max_bytes: int) -> Any:
    root, _encoding = _parse_tree(data, max_bytes)
    header_el, body_el, root_extra = _body_and_header(root)
    values: dict[str, Any] = {}
    extra: dict[str, str] = {}
    seen: dict[str, int] = {}
    for part in (header_el, body_el):
        if part is not None:
            _fields_from(model, part, values, extra, 2, seen)
    extra.update({f"{ROOT_ELEMENT}/{key}": value for key, value in root_extra.items()})
    if extra:
        values["extra"] = extra
    return _construct(model, values)


def parse_request(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> QualificationRequest | ReferenceRegistrationRequest:
    """An OQSsiquc01req or OQSsiimm01req (the body tells which). Raises ResultFileError."""
    if b"ReferenceNumberRegistrationInfo" in data[:max_bytes]:
        parsed: ReferenceRegistrationRequest = _parse_flat(ReferenceRegistrationRequest, data, max_bytes)
        return parsed
    request: QualificationRequest = _parse_flat(QualificationRequest, data, max_bytes)
    return request


def parse_reference_registration_result(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> ReferenceRegistrationResult:
    """An OQSsiimm01res (照会番号 registration result). Raises ResultFileError."""
    root, _encoding = _parse_tree(data, max_bytes)
    header_el, body_el, _root_extra = _body_and_header(root)
    values: dict[str, Any] = {"header": _construct(ResultHeader, {})}
    extra: dict[str, str] = {}
    if header_el is not None:
        values["header"] = _build(ResultHeader, header_el, 2)
    if body_el is not None:
        _fields_from(ReferenceRegistrationResult, body_el, values, extra, 2)
    if extra:
        values["extra"] = extra
    registration: ReferenceRegistrationResult = _construct(ReferenceRegistrationResult, values)
    return registration


# ---------------------------------------------------------------------------------------------- models → elements


def _text(parent: etree._Element, name: str, value: str) -> None:
    try:
        etree.SubElement(parent, name).text = value
    except ValueError as exc:
        raise ResultFileError("unwritable", detail=f"{name}: {exc}") from None


def _write_extra(parent: etree._Element, extra: dict[str, str]) -> None:
    """Rebuilds unknown elements from their "A/B[2]/C" paths."""
    made: dict[tuple[int, str], etree._Element] = {}
    for path, value in extra.items():
        node = parent
        segments = path.split("/")
        for index, segment in enumerate(segments):
            name = segment.split("[", 1)[0]
            last = index == len(segments) - 1
            key = (id(node), segment)
            if not last and key in made:
                node = made[key]
                continue
            try:
                child = etree.SubElement(node, name)
            except ValueError as exc:
                raise ResultFileError("unwritable", detail=f"{name}: {exc}") from None
            if not last:
                made[key] = child
            node = child
        try:
            node.text = value
        except ValueError as exc:
            raise ResultFileError("unwritable", detail=f"{path}: {exc}") from None


def _write_model(parent: etree._Element, model: XmlModel) -> None:
    for field_name, info in type(model).model_fields.items():
        if field_name != "extra" and info.alias is not None:
            _write_field(parent, model, field_name, info.alias)
    _write_extra(parent, model.extra)


def _serialise(root: etree._Element, encoding: Encoding) -> bytes:
    text = etree.tostring(root, encoding="unicode")
    declared = "Shift_JIS" if encoding == "cp932" else "UTF-8"
    document = f'<?xml version="1.0" encoding="{declared}"?>\n{text}\n'
    if encoding == "cp932" and not document.isascii():
        # Python's cp932 encoder maps a few characters onto bytes that decode to another one (〜 U+301C → 0x8160 →
        # ～ U+FF5E): those become character references too, so that what is written reads back the same.
        unsafe = {char for char in set(document) if not _cp932_round_trips(char)}
        if unsafe:
            document = "".join(f"&#{ord(char)};" if char in unsafe else char for char in document)
    # Characters cp932 cannot hold at all become character references as well (they read back the same).
    return document.encode(encoding, errors="xmlcharrefreplace")


@cache
def _cp932_round_trips(char: str) -> bool:
    try:
        return char.encode("cp932").decode("cp932") == char
    except UnicodeEncodeError:
        return True  # xmlcharrefreplace handles it


def _check_encoding(encoding: str) -> Encoding:
    name = encoding.lower()
    if name in _SHIFT_JIS_NAMES:
        return "cp932"
    if name in _UTF8_NAMES:
        return "utf-8"
    raise ResultFileError("unwritable", detail=f"unsupported encoding {encoding!r}")


def write_result(result: QualificationResult, subsidies: Iterable[Subsidy] = (), encoding: str = "cp932") -> bytes:
    """Face-format result XML. `subsidies` are added to the body-level PMH list (after the result's own)."""
    enc = _check_encoding(encoding)
    extra_subsidies = list(subsidies)
    if extra_subsidies:
        result = result.model_copy(update={"subsidies": [*result.subsidies, *extra_subsidies]})
    root = etree.Element(ROOT_ELEMENT)
    _write_model(etree.SubElement(root, HEADER_ELEMENT), result.header)
    body = etree.SubElement(root, BODY_ELEMENT)
    for field_name, info in QualificationResult.model_fields.items():
        if field_name in ("header", "root_extra", "extra") or info.alias is None:
            continue
        _write_field(body, result, field_name, info.alias)
    _write_extra(body, result.extra)
    _write_extra(root, result.root_extra)
    return _serialise(root, enc)


def _write_field(parent: etree._Element, model: XmlModel, field_name: str, alias: str) -> None:
    value = getattr(model, field_name)
    if value is None:
        return
    nested = type(model).XML_CHILDREN.get(alias)
    if isinstance(value, str):
        _text(parent, alias, value)
    elif nested is not None and nested[1]:
        if value:
            container = etree.SubElement(parent, alias)
            for item in value:
                _write_model(etree.SubElement(container, nested[1]), item)
    elif isinstance(value, XmlModel):
        _write_model(etree.SubElement(parent, alias), value)


def _write_flat(model: XmlModel, encoding: Encoding) -> bytes:
    root = etree.Element(ROOT_ELEMENT)
    header = etree.SubElement(root, HEADER_ELEMENT)
    body = etree.SubElement(root, BODY_ELEMENT)
    for field_name, info in type(model).model_fields.items():
        if field_name == "extra" or info.alias is None:
            continue
        value = getattr(model, field_name)
        if value is None:
            continue
        if isinstance(value, str):
            _text(header if info.alias in REQUEST_HEADER_ELEMENTS else body, info.alias, value)
        elif isinstance(value, XmlModel):
            _write_model(etree.SubElement(body, info.alias), value)
    _write_extra(body, model.extra)
    return _serialise(root, encoding)


def pad_insurer_number(insurer_number: str) -> str:
    """Requests carry 8 characters: 6-digit 国保 numbers get two leading spaces (never zeros)."""
    return insurer_number.strip().rjust(8)


def _yyyymmdd(value: dt.date | str) -> str:
    return value.strftime("%Y%m%d") if isinstance(value, dt.date) else value


def write_qualification_request(
    *,
    insurer_number: str,
    symbol: str | None,
    number: str,
    branch: str | None,
    birth_date: dt.date | str,
    medical_institution_code: str,
    confirmation_date: dt.date | str,
    arbitrary_file_identifier: str,
    limit_consent: bool = True,
    encoding: str = "cp932",
) -> bytes:
    """OQSsiquc01req: 資格確認 by 保険者番号 (8 characters, space-padded), 記号, 番号, 枝番 and 生年月日."""
    request = QualificationRequest(
        qualification_confirmation_date=_yyyymmdd(confirmation_date),
        medical_institution_code=medical_institution_code,
        arbitrary_file_identifier=arbitrary_file_identifier,
        search_info=QualificationConfirmSearchInfo(
            insurer_number=pad_insurer_number(insurer_number),
            symbol=symbol,
            number=number,
            branch=branch,
            birth_date=_yyyymmdd(birth_date),
            limit_consent_flag="1" if limit_consent else "0",
        ),
    )
    return write_request(request, encoding=encoding)


def write_request(request: QualificationRequest | ReferenceRegistrationRequest, encoding: str = "cp932") -> bytes:
    """Any request model as XML (the terminal simulator's tests write odd requests with it)."""
    return _write_flat(request, _check_encoding(encoding))


def write_reference_registration_request(
    *,
    reference_number: str,
    insurer_number: str,
    symbol: str | None,
    number: str,
    branch: str | None,
    medical_institution_code: str,
    arbitrary_file_identifier: str,
    encoding: str = "cp932",
) -> bytes:
    """OQSsiimm01req: register the clinic's patient ID as 照会番号 for this insured person."""
    request = ReferenceRegistrationRequest(
        medical_institution_code=medical_institution_code,
        arbitrary_file_identifier=arbitrary_file_identifier,
        info=ReferenceNumberRegistrationInfo(
            reference_number=reference_number,
            insurer_number=pad_insurer_number(insurer_number),
            symbol=symbol,
            number=number,
            branch=branch,
        ),
    )
    return write_request(request, encoding=encoding)


def write_reference_registration_result(result: ReferenceRegistrationResult, encoding: str = "cp932") -> bytes:
    """OQSsiimm01res (for the terminal simulator)."""
    root = etree.Element(ROOT_ELEMENT)
    _write_model(etree.SubElement(root, HEADER_ELEMENT), result.header)
    body = etree.SubElement(root, BODY_ELEMENT)
    for field_name, info in ReferenceRegistrationResult.model_fields.items():
        if field_name not in ("header", "extra") and info.alias is not None:
            _write_field(body, result, field_name, info.alias)
    _write_extra(body, result.extra)
    return _serialise(root, _check_encoding(encoding))
