"""The PyInstaller one-folder bundle: built from `installer/reception-app.spec` (as `make dist` does), then run
without the venv: `--version`, `doctor` (pyscard, sqlcipher3, httpx and fontconfig work inside the bundle) and, under
Xvfb, `--demo --self-test` (one simulated check-in without a person, exit 0).

The cold build takes ~55 s on 2 vCPUs, so it runs inside `make test`. `make test-dist` builds `dist/reception-app`
with `make dist` and runs only these tests against it (RECEPTION_APP_BUNDLE points them at an existing bundle).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reception_app import __version__
from tests.conftest import require_service
from tests.integration.installer_support import REPO_ROOT, doctor_env, refused_port, write_settings

pytestmark = [pytest.mark.dist, pytest.mark.timeout(600)]

EXE = "reception-app.exe" if sys.platform == "win32" else "reception-app"
BUILD_BUDGET_S = 300  # a build slower than this is a regression worth a look, not a flaky machine


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    given = os.environ.get("RECEPTION_APP_BUNDLE")
    if given:
        path = Path(given) if Path(given).is_absolute() else REPO_ROOT / given  # tests run with other cwds
        assert (path / EXE).is_file(), f"RECEPTION_APP_BUNDLE={given} has no {EXE}"
        yield path
        return
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    require_service(pyinstaller.exists(), "PyInstaller in the venv (pip install -e .[dev])")
    require_service(shutil.which("objdump") is not None, "binutils (objdump), which PyInstaller needs")
    # As `make dist` does: compile the translations first (the bundle ships .qm files, never .ts).
    subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "build_translations.py")], check=True, timeout=120)
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    proc = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "ERROR", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(REPO_ROOT / "installer" / "reception-app.spec")],
        capture_output=True, text=True, timeout=BUILD_BUDGET_S, cwd=REPO_ROOT,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr[-4000:]
    path = work / "dist" / "reception-app"
    size_mb = sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6
    print(f"bundle built in {elapsed:.1f} s, {size_mb:.0f} MB")
    yield path
    shutil.rmtree(work, ignore_errors=True)  # ~230 MB


def test_version_runs_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    proc = subprocess.run([str(bundle / EXE), "--version"], capture_output=True, text=True, timeout=60, cwd=tmp_path,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})  # no venv, no PYTHONPATH
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"reception-app {__version__}"


def test_bundle_layout(bundle: Path) -> None:
    internal = bundle / "_internal"
    resources = internal / "resources"
    assert (bundle / EXE).is_file()
    # resources/ goes in whole (but no translation sources); compiled translations when the checkout has them.
    shipped = {p.relative_to(REPO_ROOT / "resources") for p in (REPO_ROOT / "resources").rglob("*")
               if p.is_file() and p.suffix != ".ts" and not p.name.startswith(".")}
    bundled = {p.relative_to(resources) for p in resources.rglob("*") if p.is_file()}
    assert shipped <= bundled, sorted(str(p) for p in shipped - bundled)[:10]
    assert not list(resources.rglob("*.ts"))
    assert (resources / "icons" / "reception-app.png").is_file()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert (plugins / "platforms" / "libqxcb.so").is_file()
    assert (plugins / "platforms" / "libqoffscreen.so").is_file()
    assert list((plugins / "printsupport").glob("*")) or list((plugins / "platforms").glob("*"))
    assert not (internal / "pytest").exists() and not (internal / "_pytest").exists()
    assert list((internal / "smartcard" / "scard").glob("_scard*")), "pyscard's extension is missing"
    assert not list(internal.glob("libpcsclite*")), "libpcsclite must come from the OS (it must match its pcscd)"


def test_doctor_runs_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    from reception_app.store import PassphraseKey, open_store

    db = tmp_path / "reception.db"
    open_store(db, PassphraseKey("bundle-test-passphrase"), mode="create").close()
    folders = {}
    for role in ("face", "req", "res"):
        (tmp_path / role).mkdir()
        folders[f"{role}_dir"] = str(tmp_path / role)
    write_settings(tmp_path / "config", {
        **folders, "institution_code": "3410712362", "gateway_url": f"http://127.0.0.1:{refused_port()}",
        "db_path": str(db), "db_key_source": "passphrase",
    })
    env = doctor_env(tmp_path / "config", tmp_path / "data", {"DB_PASS": "bundle-test-passphrase"})
    env.pop("PYTHONPATH")
    proc = subprocess.run([str(bundle / EXE), "doctor", "--json", "--lang", "en", "--passphrase-env", "DB_PASS"],
                          capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path,
                          stdin=subprocess.DEVNULL)
    checks = {c["check"]: c for c in json.loads(proc.stdout)["checks"]}
    assert proc.returncode == 1  # the gateway is down on purpose
    assert checks["gateway"]["code"] == "gateway_unreachable"  # httpx works in the bundle
    assert checks["database"]["code"] == "database_ok"  # sqlcipher3 works in the bundle
    assert checks["font"]["code"] == "font_ok"
    assert checks["institution_code"]["code"] == "institution_ok"
    # pyscard works in the bundle: the machine's pcscd answers, or is named as missing, never a crash.
    assert checks["pcsc_service"]["code"] in ("pcsc_ok", "pcsc_service_unavailable")


def test_demo_self_test_under_xvfb(bundle: Path, tmp_path: Path) -> None:
    xvfb_run = shutil.which("xvfb-run")
    require_service(xvfb_run is not None, "xvfb-run (Debian xvfb)")
    assert xvfb_run is not None
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RECEPTION_APP_", "QT_", "PYTHON"))}
    env.update({"RECEPTION_APP_DATA": str(tmp_path / "data"), "RECEPTION_APP_CONFIG": str(tmp_path / "config"),
                "HOME": str(tmp_path)})
    env.pop("DISPLAY", None)
    proc = subprocess.run(
        [xvfb_run, "-a", "-s", "-screen 0 1280x800x24", str(bundle / EXE), "--demo", "--self-test"],
        capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 0, f"stdout:\n{proc.stdout[-3000:]}\nstderr:\n{proc.stderr[-3000:]}"
