"""Installer and first run: PyInstaller bundle build time and size, bundled start-up, and `doctor` wall time.

The bundle is built cold (fresh work folder) into a temp folder, as `make dist` would, bounded at 5 minutes.
`doctor` is timed from the venv (all checks; the gateway points at a refused loopback port, so the number includes
a connection refusal, not a timeout).
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_TARGET_S = 90.0  # above this the bundle test would move out of `make test` into `make test-dist`
SIZE_TARGET_MB = 250.0  # platform.md measured ~200 MB for this stack; PySide6-Essentials only
START_TARGET_S = 2.0  # `--version` from the bundle, cold-ish
DOCTOR_TARGET_S = 5.0
DOCTOR_ROUNDS = 5


def _bundle_size_mb(path: Path) -> float:
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def _refused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _doctor_times(tmp: Path) -> list[float]:
    config = tmp / "config"
    config.mkdir()
    (config / "reception-app.ini").write_text(
        f"[General]\ninstitution_code=3410712362\ngateway_url=http://127.0.0.1:{_refused_port()}\n", encoding="utf-8"
    )
    env = {**os.environ, "RECEPTION_APP_CONFIG": str(config), "RECEPTION_APP_DATA": str(tmp / "data")}
    times = []
    for _ in range(DOCTOR_ROUNDS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reception_app", "doctor", "--json"], env=env, capture_output=True,
                       stdin=subprocess.DEVNULL, timeout=60, check=False)
        times.append(time.perf_counter() - started)
    return times


def run() -> str:
    lines = ["## Installer and first run", ""]
    with tempfile.TemporaryDirectory(prefix="bench-installer-") as name:
        tmp = Path(name)
        doctor = _doctor_times(tmp)
        doctor_median = statistics.median(doctor)
        pyinstaller = Path(sys.executable).parent / "pyinstaller"
        if not pyinstaller.exists() or shutil.which("objdump") is None:
            lines.append("- bundle: not measured (PyInstaller or binutils missing)")
        else:
            subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True, timeout=120)
            started = time.perf_counter()
            proc = subprocess.run(
                [str(pyinstaller), "--noconfirm", "--log-level", "ERROR", "--distpath", str(tmp / "dist"),
                 "--workpath", str(tmp / "build"), str(ROOT / "installer" / "reception-app.spec")],
                capture_output=True, text=True, timeout=300, cwd=ROOT,
            )
            build_s = time.perf_counter() - started
            bundle = tmp / "dist" / "reception-app"
            if proc.returncode != 0:
                lines.append(f"- bundle build FAILED after {build_s:.1f} s: {proc.stderr[-300:]}")
            else:
                size = _bundle_size_mb(bundle)
                starts = []
                for _ in range(5):
                    t0 = time.perf_counter()
                    subprocess.run([str(bundle / "reception-app"), "--version"], capture_output=True, timeout=60,
                                   check=True)
                    starts.append(time.perf_counter() - t0)
                start = statistics.median(starts)
                lines += [
                    "| measure | value | target | met |",
                    "|---|---|---|---|",
                    f"| cold one-folder build (`make dist` without cache) | {build_s:.1f} s | < {BUILD_TARGET_S:.0f} s "
                    f"| {'yes' if build_s < BUILD_TARGET_S else 'no'} |",
                    f"| bundle size | {size:.0f} MB | < {SIZE_TARGET_MB:.0f} MB "
                    f"| {'yes' if size < SIZE_TARGET_MB else 'no'} |",
                    f"| bundled `--version`, median of 5 | {start * 1000:.0f} ms | < {START_TARGET_S:.0f} s "
                    f"| {'yes' if start < START_TARGET_S else 'no'} |",
                ]
        lines.append(
            f"| `doctor --json` (venv, all checks), median of {DOCTOR_ROUNDS} | {doctor_median * 1000:.0f} ms "
            f"| < {DOCTOR_TARGET_S:.0f} s | {'yes' if doctor_median < DOCTOR_TARGET_S else 'no'} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
