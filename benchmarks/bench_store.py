"""Store benchmark: 1,000,000 synthetic patients in SQLCipher and, with the same schema and queries, plain SQLite.

Measures open time (key derivation), lookups by insurance key and 照会番号, kana-prefix search (p50/p95, through the
Store API), and the check-in rate (one audited, fsynced transaction each). Both databases are built once into
`benchmarks/.cache/` and reused. RECEPTION_APP_BENCH_STORE_N overrides the size (for trying the bench quickly).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reception_app.eligibility.normalize import insurance_key, kana_key
from reception_app.store import keys, schema
from reception_app.store.sqlcipher import SQLCipherStore, _open_connection

CACHE = Path(__file__).resolve().parent / ".cache"
N = int(os.environ.get("RECEPTION_APP_BENCH_STORE_N", "1000000"))
PASSPHRASE = "benchmark passphrase (synthetic data)"
LOOKUPS = 5000
KANA_QUERIES = 1000
CHECKINS = 200
SEED = 20261125

FAMILY = [
    "サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ",
    "ヨシダ", "ヤマダ", "ササキ", "ヤマグチ", "マツモト", "イノウエ", "キムラ", "ハヤシ", "サイトウ", "シミズ",
    "ヤマザキ", "モリ", "アベ", "イケダ", "ハシモト", "ヤマシタ", "イシカワ", "ナカジマ", "マエダ", "フジタ",
    "オガワ", "ゴトウ", "オカダ", "ハセガワ", "ムラカミ", "コンドウ", "イシイ", "サカモト", "エンドウ", "アオキ",
]
GIVEN = ["ハナコ", "タロウ", "ユイ", "ソウタ", "ミオ", "ハルト", "アオイ", "レン", "サクラ", "イツキ", "ユウナ"]
KANJI = "山田川本中村小林佐藤鈴木高橋田渡辺伊加吉松井上森林清水池橋石岡後藤長谷近遠青"


def _patients(rng: random.Random) -> Iterator[tuple[Any, ...]]:
    now = "2026-01-01T00:00:00.000000+00:00"
    for i in range(N):
        kana = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"
        name = "".join(rng.choice(KANJI) for _ in range(rng.randint(3, 4)))
        birth = (dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(33000))).isoformat()
        phone = f"090{i:08d}"
        yield (f"{i:07d}", name, kana, kana_key(kana), birth, "unknown", "架空県", phone, phone, "", now, now)


def _links() -> Iterator[tuple[Any, ...]]:
    for i in range(N):
        insurer, symbol, number, branch = f"0{1300000 + i % 997}", f"記{i % 89}", f"{i:07d}", "01"
        ikey = insurance_key(insurer, symbol, number, branch)
        yield (f"{i:07d}", f"R{i:07d}", insurer, symbol, number, branch, ikey, None, "2026-01-01T00:00:00.000000+00:00")


def _fill(conn: Any) -> float:
    started = time.perf_counter()
    conn.execute("PRAGMA cache_size = -262144")  # 256 MiB while building, for both databases alike
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO patients (patient_id, name, kana, kana_key, birth_date, sex, address, phone, phone_key, notes,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _patients(random.Random(SEED)),
    )
    conn.executemany(
        "INSERT INTO links (patient_id, reference_number, insurer_number, insurance_symbol, insurance_number,"
        " insurance_branch, insurance_key, cert_subject, valid_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _links(),
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - started


def _paths() -> tuple[Path, Path]:
    tag = f"n{N}-v{schema.CURRENT_VERSION}"
    return CACHE / f"store-{tag}.cipher.db", CACHE / f"store-{tag}.plain.db"


def _plain_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None, check_same_thread=False)


def _build() -> dict[str, float]:
    """Builds whichever cached database is missing; returns build seconds of those built now."""
    CACHE.mkdir(parents=True, exist_ok=True)
    cipher_path, plain_path = _paths()
    built: dict[str, float] = {}
    if not cipher_path.exists():
        partial = cipher_path.with_suffix(".partial")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        store = SQLCipherStore.create(partial, method="passphrase", passphrase=PASSPHRASE)
        built["sqlcipher"] = _fill(store._conn)
        store.close()
        partial.rename(cipher_path)  # only a complete database is reused
    if not plain_path.exists():
        partial = plain_path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        conn = _plain_connection(partial)
        SQLCipherStore(conn, partial)  # same pragmas (WAL, synchronous=FULL, foreign keys)
        schema.migrate(conn)
        built["plain"] = _fill(conn)
        conn.close()
        partial.rename(plain_path)
    return built


def _open_cipher(path: Path, key: bytes | None) -> tuple[SQLCipherStore, float]:
    started = time.perf_counter()
    if key is None:
        store = SQLCipherStore.open(path, passphrase=PASSPHRASE, use_keyring=False)
    else:  # the keyring path: a raw 256-bit key, no KDF
        store = SQLCipherStore(_open_connection(path, key, create=False), path)
    store.get_patient("0000001")
    return store, time.perf_counter() - started


def _open_plain(path: Path) -> tuple[SQLCipherStore, float]:
    started = time.perf_counter()
    store = SQLCipherStore(_plain_connection(path), path)
    store.get_patient("0000001")
    return store, time.perf_counter() - started


def _close(opened: tuple[SQLCipherStore, float]) -> float:
    opened[0].close()
    return opened[1]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def _insurance_key_of(i: int) -> str:
    return insurance_key(f"0{1300000 + i % 997}", f"記{i % 89}", f"{i:07d}", "01")


Results = dict[str, tuple[float, float]]


def _interleaved(
    stores: dict[str, SQLCipherStore], call: Callable[[SQLCipherStore, Any], object], args: list[Any]
) -> dict[str, list[float]]:
    """Times `call` on both stores query by query, alternating which goes first, so that the load of this shared
    machine at any moment weighs on both sides alike (the ratio is what counts)."""
    samples: dict[str, list[float]] = {name: [] for name in stores}
    names = list(stores)
    for n, arg in enumerate(args):
        for name in names if n % 2 == 0 else reversed(names):
            started = time.perf_counter()
            call(stores[name], arg)
            samples[name].append((time.perf_counter() - started) * 1000)
    return samples


def _measure(stores: dict[str, SQLCipherStore]) -> dict[str, Results]:
    rng = random.Random(SEED + 1)
    ids = [rng.randrange(N) for _ in range(LOOKUPS)]
    ins_keys = [_insurance_key_of(i) for i in ids]
    refs = [f"R{i:07d}" for i in ids]
    prefixes = [rng.choice(FAMILY)[:2] for _ in range(KANA_QUERIES)]
    for store in stores.values():
        found = store.find_by_insurance_key(ins_keys[0])
        assert found is not None and found.patient_id == f"{ids[0]:07d}", "the benchmark data is not what it should be"
        # Warm up with other keys (interpreter, statement cache, upper B-tree levels), not the measured ones.
        warm = random.Random(SEED + 2)
        for i in (warm.randrange(N) for _ in range(300)):
            store.find_by_insurance_key(_insurance_key_of(i))
            store.find_by_reference_number(f"R{i:07d}")
            store.find_by_kana_prefix(warm.choice(FAMILY)[:2])
    visitors = [f"{rng.randrange(N):07d}" for _ in range(CHECKINS)]
    runs = {
        "insurance": _interleaved(stores, lambda s, k: s.find_by_insurance_key(k), ins_keys),
        "reference": _interleaved(stores, lambda s, r: s.find_by_reference_number(r), refs),
        "kana": _interleaved(stores, lambda s, p: s.find_by_kana_prefix(p, limit=50), prefixes),
        "checkin": _interleaved(stores, lambda s, pid: s.check_in(pid, "desk", "staff:1"), visitors),
    }
    out: dict[str, Results] = {}
    for name in stores:
        out[name] = {measure: _percentiles(samples[name]) for measure, samples in runs.items()}
        total_ms = sum(runs["checkin"][name])
        out[name]["checkin"] = (CHECKINS / (total_ms / 1000), out[name]["checkin"][1])
    return out


def run() -> str:
    overall = time.perf_counter()
    load = os.getloadavg()[0]
    built = _build()
    cipher_path, plain_path = _paths()
    salt = keys.read_file_salt(cipher_path)
    raw_key = keys.derive_key(PASSPHRASE, salt)
    # Medians of several opens: one open is a single ~1 ms sample on a shared machine.
    open_pass = statistics.median(_close(_open_cipher(cipher_path, None)) for _ in range(3))
    open_raw = statistics.median(_close(_open_cipher(cipher_path, raw_key)) for _ in range(7))
    open_plain = statistics.median(_close(_open_plain(plain_path)) for _ in range(7))
    cipher, _ = _open_cipher(cipher_path, raw_key)
    plain, _ = _open_plain(plain_path)
    measured = _measure({"sqlcipher": cipher, "plain": plain})
    results_cipher, results_plain = measured["sqlcipher"], measured["plain"]
    cipher.close()
    plain.close()

    def ratio(name: str, index: int) -> float:
        return results_cipher[name][index] / results_plain[name][index]

    build_note = "built now: " + ", ".join(f"{k} {v:.0f} s" for k, v in built.items()) if built else "reused"
    lines = [
        "## store (SQLCipher vs plain SQLite)",
        "",
        f"{N:,} synthetic patients with one link each, same schema, same Store queries and pragmas (WAL, "
        f"synchronous=FULL, 64 MiB page cache); the two databases are queried alternately, query by query. "
        f"Databases cached in `benchmarks/.cache/` ({build_note}).",
        "",
        "| measure | SQLCipher | plain SQLite | ratio | target | met |",
        "|---|---|---|---|---|---|",
        f"| open, raw key from keyring (key + first query), median of 7 | {open_raw * 1000:.1f} ms "
        f"| {open_plain * 1000:.1f} ms | {open_raw / open_plain:.1f}× | — | — |",
        f"| open, passphrase (scrypt + key + first query), median of 3 | {open_pass * 1000:.1f} ms | — | — | — | — |",
    ]
    targets = {"insurance": 2.0, "reference": 2.0, "kana": 20.0}
    labels = {
        "insurance": "lookup by insurance key",
        "reference": "lookup by 照会番号",
        "kana": "kana-prefix search (2 kana, limit 50)",
    }
    verdicts: list[str] = []
    for name, label in labels.items():
        for index, pct in ((0, "p50"), (1, "p95")):
            c, p, r = results_cipher[name][index], results_plain[name][index], ratio(name, index)
            if pct == "p95":
                under = "yes" if c < targets[name] else "NO"
                met = f"{under} (< {targets[name]:g} ms); ratio {'yes' if r <= 1.5 else 'NO'}"
                target = f"p95 < {targets[name]:g} ms, ≤ 1.5×"
            else:
                met, target = f"ratio {'yes' if r <= 1.5 else 'NO'}", "≤ 1.5×"
            lines.append(f"| {label} {pct} | {c:.3f} ms | {p:.3f} ms | {r:.2f}× | {target} | {met} |")
        p95_ok = results_cipher[name][1] < targets[name]
        ratios = [ratio(name, 0), ratio(name, 1)]
        verdicts.append(
            f"{label}: p95 < {targets[name]:g} ms {'met' if p95_ok else 'NOT met'}; encrypted/plain ≤ 1.5× "
            + ("met at p50 and p95" if max(ratios) <= 1.5 else f"NOT met (p50 {ratios[0]:.2f}×, p95 {ratios[1]:.2f}×)")
        )
    c_rate, p_rate = results_cipher["checkin"][0], results_plain["checkin"][0]
    lines.append(
        f"| check-in (audited, one fsynced transaction each) | {c_rate:.0f}/s | {p_rate:.0f}/s "
        f"| {p_rate / c_rate:.2f}× slower | — (reads are the target) | — |"
    )
    lines += ["", *[f"- {v}" for v in verdicts]]
    lines.append(
        "- why point lookups stay above 1.5× at p50: each random lookup in 1M rows reads 1–2 leaf pages that are not "
        "in the page cache; SQLCipher decrypts and HMAC-checks each one (plain SQLite copies it from the OS cache). "
        "The absolute cost is a few hundredths of a millisecond."
    )
    lines.append(f"- load average of this shared machine at the start: {load:.1f} (p95 values are noisy under load)")
    lines.append(f"- whole store benchmark: {time.perf_counter() - overall:.0f} s")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
