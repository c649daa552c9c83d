"""Page-cache tuning of the store: the size of SQLite's decrypted-page cache and a one-off background warm-up.

SQLCipher decrypts and HMAC-checks every page it reads from the file (or the OS cache); a page already in SQLite's
own page cache costs nothing more than in plain SQLite. A desk keeps one connection open all day, so once the pages
of the lookup paths are in that cache, encrypted lookups run as fast as plain ones. The warm-up reads those pages
once, right after opening, on a background thread, in small chunks under the store's lock, so a real query waits at
most for one chunk (about a millisecond).

What is read, in order: the patient-ID index, the current-link indexes (insurance key, 照会番号, certificate), then,
only if the whole file fits in the cache, the `links` and `patients` rows and the kana index. When the file is
larger than the cache, only the indexes are read, up to `INDEX_SHARE` of the cache (estimated from the key bytes),
so that the warm-up never evicts its own pages and leaves room for the rows that lookups bring in.

Settings: `SQLCipherStore.open(..., cache_kib=..., warm_up=...)`, or the environment variables
`RECEPTION_APP_DB_CACHE_MIB` (an integer, MiB) and `RECEPTION_APP_DB_WARM_UP` (`0` turns the warm-up off).
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections.abc import Callable
from typing import Any

# The cache is an upper bound: SQLite allocates pages only as they are read. 64 MiB holds a whole database of
# ~100,000 patients (a 50,000-patient file is ~28 MB), the usual size of a clinic.
DEFAULT_CACHE_KIB = 64 * 1024
DEFAULT_WARM_UP = True
CACHE_ENV = "RECEPTION_APP_DB_CACHE_MIB"
WARM_UP_ENV = "RECEPTION_APP_DB_WARM_UP"
CHUNK_ROWS = 1000  # rows per locked step: ~10 index pages or ~50 row pages, well under a millisecond
PAUSE_S = 0.0001  # between chunks
START_DELAY_S = 0.05
INDEX_SHARE = 0.75  # of the cache, for the indexes when the file does not fit
FILE_SHARE = 0.9  # the file must fit in this share of the cache for the rows to be read too
_ENTRY_OVERHEAD = 12  # bytes per index entry besides the key (rowid, record header, cell pointer)
_PAGE_FILL = 0.9


@dataclasses.dataclass(frozen=True)
class Tuning:
    cache_kib: int = DEFAULT_CACHE_KIB
    warm_up: bool = DEFAULT_WARM_UP


def resolve(cache_kib: int | None = None, warm_up: bool | None = None) -> Tuning:
    """Explicit arguments first, then the environment, then the defaults (an unreadable value falls back)."""
    if cache_kib is None:
        text = os.environ.get(CACHE_ENV, "").strip()
        cache_kib = int(text) * 1024 if text.isdigit() and int(text) > 0 else DEFAULT_CACHE_KIB
    if warm_up is None:
        text = os.environ.get(WARM_UP_ENV, "").strip().lower()
        warm_up = DEFAULT_WARM_UP if not text else text not in ("0", "false", "no", "off")
    return Tuning(max(cache_kib, 1024), warm_up)


@dataclasses.dataclass(frozen=True)
class _Scan:
    name: str
    sql: str  # selects the chunk key; parameters: the last key read, the chunk size
    start: object  # below every key
    is_index: bool


# Covering scans (INDEXED BY, so that a plan change cannot turn them into table scans) and rowid-ordered row scans.
_INDEX_SCANS = (
    _Scan(
        "patients (patient_id)",
        "SELECT patient_id FROM patients INDEXED BY sqlite_autoindex_patients_1 WHERE patient_id > ?"
        " ORDER BY patient_id LIMIT ?",
        "",
        True,
    ),
    *(
        _Scan(
            index,
            f"SELECT {column} FROM links INDEXED BY {index} WHERE valid_to IS NULL AND {column} > ?"
            f" ORDER BY {column} LIMIT ?",
            "",
            True,
        )
        for index, column in (
            ("links_insurance_current", "insurance_key"),
            ("links_reference_current", "reference_number"),
            ("links_cert_current", "cert_subject"),
        )
    ),
)
_ROW_SCANS = (
    *(
        _Scan(table, f"SELECT rowid FROM {table} NOT INDEXED WHERE rowid > ? ORDER BY rowid LIMIT ?", -(2**63), False)
        for table in ("links", "patients")
    ),
    _Scan(
        "patients_kana_key",
        "SELECT kana_key FROM patients INDEXED BY patients_kana_key WHERE kana_key > ? ORDER BY kana_key LIMIT ?",
        "",
        True,
    ),
)


@dataclasses.dataclass
class WarmUpReport:
    seconds: float = 0.0
    rows: int = 0
    chunks: int = 0
    scans: list[str] = dataclasses.field(default_factory=list)
    whole_file: bool = False
    stopped: str = ""  # why it ended early: "closed", "budget", or an error name


def plan(file_bytes: int, cache_kib: int) -> tuple[list[_Scan], float | None]:
    """The scans to run and the estimated byte budget for the indexes (None: everything fits)."""
    budget = cache_kib * 1024
    if file_bytes <= budget * FILE_SHARE:
        return [*_INDEX_SCANS, *_ROW_SCANS], None
    return list(_INDEX_SCANS), budget * INDEX_SHARE


def warm_up(conn: Any, lock: threading.RLock, cache_kib: int, closed: Callable[[], bool]) -> WarmUpReport:
    """Reads the lookup paths into the page cache; best effort (an error just ends it: the next real query will
    meet the same error and report it)."""
    report = WarmUpReport()
    time.sleep(START_DELAY_S)  # let the opener's first queries (and Thread.start) go first
    started = time.perf_counter()
    try:
        with lock:
            if closed():
                report.stopped = "closed"
                return report
            page_count = int(conn.execute("PRAGMA page_count").fetchone()[0])
            page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        scans, index_budget = plan(page_count * page_size, cache_kib)
        report.whole_file = index_budget is None
        estimated = 0.0
        for scan in scans:
            last = scan.start
            while True:
                with lock:
                    if closed():
                        report.stopped = "closed"
                        return report
                    rows = conn.execute(scan.sql, (last, CHUNK_ROWS)).fetchall()
                report.chunks += 1
                report.rows += len(rows)
                if not rows:
                    break
                last = rows[-1][0]
                if index_budget is not None:
                    estimated += sum(len(str(row[0]).encode()) + _ENTRY_OVERHEAD for row in rows) / _PAGE_FILL
                    if estimated >= index_budget:
                        report.stopped = "budget"
                        report.scans.append(scan.name + " (part)")
                        return report
                if len(rows) < CHUNK_ROWS:
                    break
                time.sleep(PAUSE_S)  # frees the lock and the GIL, so that a waiting query runs now
            report.scans.append(scan.name)
    except Exception as exc:  # best effort, see the docstring
        report.stopped = type(exc).__name__
    finally:
        report.seconds = time.perf_counter() - started
    return report
