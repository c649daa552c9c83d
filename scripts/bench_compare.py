"""Side by side in one run: the same benchmarks on an earlier commit and on this tree (`make bench-compare`).

    python scripts/bench_compare.py BASE_REF [bench names...]   (default: ui reception)

The earlier commit is checked out into a temporary git worktree; each tree runs its own `benchmarks/` (their code
follows each tree's API) with itself first on PYTHONPATH and this tree's virtual environment. The two are run in
turn, one benchmark at a time (base, then this tree); then the GUI-thread stall test of each tree, three times
interleaved, with every attempt's worst gap. The report (`benchmarks/results/compare-<base>.md`) holds both and the
machine: compare the two within it, never with a figure from another run (the machines are shared and noisy).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STALL_TEST = "tests/qt/test_ui_responsiveness.py"
STALL_RUNS = 3
sys.path.insert(0, str(ROOT))

from benchmarks.__main__ import machine_description  # noqa: E402  (the path above makes it importable)


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(tree), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONSTARTUP", None)
    return env


def _benchmarks(tree: Path, names: list[str], out: Path) -> str:
    subprocess.run([sys.executable, "-m", "benchmarks", *names, "--out", str(out)], cwd=tree, env=_env(tree),
                   check=False)
    text = out.read_text(encoding="utf-8") if out.exists() else "(no report written)\n"
    return text.split("\n", 1)[1] if text.startswith("# ") else text  # each tree's own title line goes


def _stall_attempts(tree: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", STALL_TEST],
                          cwd=tree, env=_env(tree), capture_output=True, text=True, check=False)
    lines = [line.strip(". ") for line in done.stdout.splitlines() if re.search(r"event loop:|passed|failed", line)]
    return "\n".join(lines) or done.stdout[-1500:]


def _worktree(base: str, parent: Path) -> Path:
    tree = parent / "base"
    subprocess.run(["git", "worktree", "add", "--detach", str(tree), base], cwd=ROOT, check=True,
                   capture_output=True)
    subprocess.run([sys.executable, "scripts/build_translations.py"], cwd=tree, env=_env(tree), check=True,
                   capture_output=True)
    return tree


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    base, names = argv[0], argv[1:] or ["ui", "reception"]
    short = subprocess.run(["git", "rev-parse", "--short", base], cwd=ROOT, check=True, capture_output=True,
                           text=True).stdout.strip()
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp:
        parent = Path(tmp)
        tree = _worktree(base, parent)
        try:
            sections: dict[str, list[str]] = {f"base {short}": [], f"this tree {head}": []}
            for name in names:  # one benchmark at a time on each tree, in turn: the machine's noise hits both alike
                for label, where in zip(sections, (tree, ROOT), strict=True):
                    sections[label].append(_benchmarks(where, [name], parent / f"{label.split()[0]}-{name}.md"))
            stalls: dict[str, list[str]] = {f"base {short}": [], f"this tree {head}": []}
            for _ in range(STALL_RUNS):  # interleaved, so the machine's noise hits both alike
                for label, where in zip(stalls, (tree, ROOT), strict=True):
                    stalls[label].append(_stall_attempts(where))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
    report = [f"# Benchmarks side by side: {short} and {head}", "", machine_description()]
    for name, *texts in zip(names, *sections.values(), strict=True):
        for label, text in zip(sections, texts, strict=True):
            report += [f"# {name}: {label}", "", text.strip(), ""]
    report += ["# The GUI-thread stall test (tests/qt/test_ui_responsiveness.py), each tree's attempts", ""]
    for label, text in stalls.items():
        report += [f"## {label}", "", "```", *text, "```", ""]
    out = ROOT / "benchmarks" / "results" / f"compare-{short}.md"
    out.write_text("\n".join(report), encoding="utf-8")
    print(f"results written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
