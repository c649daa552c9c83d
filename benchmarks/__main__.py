"""Runs every benchmark module and writes one report with the machine described.

Each `benchmarks/bench_*.py` defines `run() -> str`, a Markdown section. Ratios within one run are what count:
these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import platform
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine_description() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gib = f"{int(line.split()[1]) / 1024 / 1024:.1f}"
                break
    except OSError:
        pass
    return (
        f"- date: {dt.datetime.now().isoformat(timespec='seconds')}\n"
        f"- host: {platform.node()} ({platform.system()} {platform.release()}, {platform.machine()})\n"
        f"- cpu: {cpu}, {os.cpu_count()} logical cores; memory {mem_gib} GiB\n"
        f"- python: {sys.version.split()[0]}\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", help="benchmark modules to run (default: all)")
    parser.add_argument("--out", default=str(HERE / "results" / "latest.md"))
    args = parser.parse_args()
    names = args.names or sorted(p.stem for p in HERE.glob("bench_*.py"))
    sections = [f"# Benchmark results\n\n{machine_description()}"]
    failed = False
    for name in names:
        module_name = name if name.startswith("bench_") else f"bench_{name}"
        print(f"== {module_name}", flush=True)
        try:
            module = importlib.import_module(f"benchmarks.{module_name}")
            section = module.run()
        except Exception:
            failed = True
            section = f"## {module_name}\n\nFAILED:\n\n```\n{traceback.format_exc()}```\n"
        print(section, flush=True)
        sections.append(section)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(sections), encoding="utf-8")
    print(f"results written to {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
