"""Eligibility: parse + merge of a typical face file and of a ~10 MB bulk result, next to bare lxml parsing of the
same bytes in the same run. Targets: < 2 ms median per face file; ≤ 3× bare lxml."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from reception_app.eligibility.merge import merge
from reception_app.eligibility.xml import parse_result, write_result

ROOT = Path(__file__).resolve().parent.parent
FACE = ROOT / "tests" / "data" / "oqs" / "valid_general_sjis.xml"
VISIT = dt.date(2025, 6, 1)


def _times(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def _bare_lxml(data: bytes) -> Callable[[], object]:
    # lxml's own decoder (what a naive reader would do); parser options as secure as ours.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    utf8 = data.decode("cp932").split("?>", 1)[1].encode("utf-8") if data.startswith(b"<?xml") else data
    return lambda: etree.fromstring(utf8, parser)


def _bulk(target_bytes: int) -> bytes:
    face = parse_result(FACE.read_bytes())
    person = face.results[0]
    one = len(write_result(face))
    per_person = len(write_result(face.model_copy(update={"results": [person, person]}))) - one
    count = max(1, (target_bytes - one) // per_person + 1)
    many = [person.model_copy(update={"reference_number": f"P{n:07d}"}) for n in range(count)]
    return write_result(face.model_copy(update={"results": many}))


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def run() -> str:
    face = FACE.read_bytes()
    ours = _times(lambda: merge(parse_result(face), (), None, VISIT), 2000)
    bare = _times(_bare_lxml(face), 2000)
    face_median, face_p95 = statistics.median(ours) * 1000, _ms(ours, 0.95)
    bare_median = statistics.median(bare) * 1000
    bulk = _bulk(10 * 1024 * 1024)
    bulk_ours = _times(lambda: merge(parse_result(bulk), (), None, VISIT), 5)
    bulk_bare = _times(_bare_lxml(bulk), 5)
    bulk_median, bulk_bare_median = statistics.median(bulk_ours) * 1000, statistics.median(bulk_bare) * 1000
    parse_only = _times(lambda: parse_result(bulk), 5)
    parse_median = statistics.median(parse_only) * 1000
    face_ratio = face_median / bare_median
    bulk_ratio = bulk_median / bulk_bare_median
    parse_ratio = parse_median / bulk_bare_median
    met_face = face_median < 2.0
    return "\n".join([
        "## Eligibility (OQS result parse + merge)",
        "",
        f"Face file: {FACE.name} ({len(face)} bytes, Shift_JIS); bulk: {len(bulk) / 1e6:.1f} MB, "
        f"{len(parse_result(bulk).results)} results. Bare lxml = etree.fromstring of the same document "
        "(UTF-8 re-encoded, since lxml cannot decode cp932 names) with the same secure options.",
        "",
        "| case | ours median | ours p95 | bare lxml median | ratio |",
        "|---|---|---|---|---|",
        f"| face file: parse + merge | {face_median:.3f} ms | {face_p95:.3f} ms | {bare_median:.3f} ms | "
        f"{face_ratio:.1f}× |",
        f"| 10 MB bulk: parse + merge | {bulk_median:.0f} ms | {_ms(bulk_ours, 0.95):.0f} ms | "
        f"{bulk_bare_median:.0f} ms | {bulk_ratio:.1f}× |",
        f"| 10 MB bulk: parse only | {parse_median:.0f} ms | {_ms(parse_only, 0.95):.0f} ms | "
        f"{bulk_bare_median:.0f} ms | {parse_ratio:.1f}× |",
        "",
        f"- Target < 2 ms median per face file: {'met' if met_face else 'NOT met'} ({face_median:.3f} ms).",
        f"- Target ≤ 3× bare lxml: face {'met' if face_ratio <= 3 else 'NOT met'} ({face_ratio:.1f}×), "
        f"bulk {'met' if bulk_ratio <= 3 else 'NOT met'} ({bulk_ratio:.1f}×). Bare lxml only builds a tree; ours "
        "also decodes cp932 in Python, builds the models and merges (age, ratio, subsidies, warnings).",
    ]) + "\n"


if __name__ == "__main__":
    print(run())
