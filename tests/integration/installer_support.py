"""Helpers for the installer/doctor tests: a private pcscd, a virtual card over vpcd, the settings file, doctor runs.

A private pcscd (its own socket, its own vpcd ports, started in a mount namespace so that its pid file does not clash
with the machine's pcscd) lets a test take readers or cards away without disturbing other tests that use the shared
one. Clients reach it through PCSCLITE_CSOCK_NAME.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

REPO_ROOT = Path(__file__).resolve().parents[2]
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")


def free_port_pair() -> int:
    """A port P with P and P+1 free (vpcd opens two readers on consecutive ports)."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            if port >= 65535:
                continue
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
                return int(port)
    raise RuntimeError("no pair of free ports")


def refused_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def private_pcscd_possible() -> bool:
    return (
        sys.platform.startswith("linux")
        and os.geteuid() == 0
        and shutil.which("pcscd") is not None
        and shutil.which("unshare") is not None
        and VPCD_DRIVER.exists()
    )


@dataclass
class PrivatePcscd:
    root: Path
    with_vpcd: bool = True

    def __post_init__(self) -> None:
        self.run_dir = self.root / "run"
        self.conf_dir = self.root / "reader.conf.d"
        self.port = free_port_pair() if self.with_vpcd else 0
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def socket_path(self) -> Path:
        return self.run_dir / "pcscd.comm"

    def env(self) -> dict[str, str]:
        return {"PCSCLITE_CSOCK_NAME": str(self.socket_path)}

    def start(self) -> PrivatePcscd:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        if self.with_vpcd:
            (self.conf_dir / "vpcd").write_text(
                'FRIENDLYNAME "Virtual PCD"\n'
                f"DEVICENAME   /dev/null:0x{self.port:X}\n"
                f"LIBPATH      {VPCD_DRIVER}\n"
                f"CHANNELID    0x{self.port:X}\n"
            )
        # The bind mount gives this pcscd its own /run/pcscd (pid file + socket), visible outside as run_dir.
        script = f'mount --bind "{self.run_dir}" /run/pcscd && exec pcscd -f -c "{self.conf_dir}"'
        self.proc = subprocess.Popen(
            ["unshare", "-m", "sh", "-c", script],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PCSCLITE_CSOCK_NAME": str(self.socket_path)},
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"private pcscd exited with {self.proc.returncode}")
            if self.socket_path.exists() and (not self.with_vpcd or _port_open(self.port)):
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("private pcscd did not come up within 10 s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            pass
    except OSError:
        return False
    return True


def write_settings(config_dir: Path, values: Mapping[str, Any]) -> Path:
    """Writes the settings file as a site's file looks: `[General]`, plain `name = value` lines, as given (a
    test may write a value the app would refuse)."""
    config_dir.mkdir(parents=True, exist_ok=True)
    path = config_dir / "reception-app.ini"
    lines = ["[General]"]
    for key, value in values.items():
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        lines.append(f"{key} = {text}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def doctor_env(config_dir: Path, data_dir: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RECEPTION_APP_", "PCSCLITE_"))}
    env.update({
        "RECEPTION_APP_CONFIG": str(config_dir),
        "RECEPTION_APP_DATA": str(data_dir),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # no OS keyring, the same on every machine
        "PYTHONPATH": str(REPO_ROOT),
    })
    env.update(extra or {})
    return env


@dataclass
class DoctorRun:
    returncode: int
    checks: dict[str, dict[str, Any]]
    stdout: str

    def status(self, check: str) -> str:
        return str(self.checks[check]["status"])

    def code(self, check: str) -> str:
        return str(self.checks[check]["code"])


def run_doctor(env: Mapping[str, str], *args: str, prefix: list[str] | None = None, lang: str = "en") -> DoctorRun:
    cmd = [*(prefix or []), sys.executable, "-m", "reception_app", "doctor", "--json", "--lang", lang, *args]
    proc = subprocess.run(cmd, env=dict(env), capture_output=True, text=True, timeout=60, cwd=REPO_ROOT,
                          stdin=subprocess.DEVNULL)
    try:
        payload = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(f"doctor did not print JSON (rc {proc.returncode}): {proc.stdout}\n{proc.stderr}") from exc
    checks = {c["check"]: c for c in payload["checks"]}
    assert payload["exit_code"] == proc.returncode
    return DoctorRun(proc.returncode, checks, proc.stdout)



class MemoryKeyring(KeyringBackend):
    """An OS keyring stand-in for subprocesses, named by PYTHON_KEYRING_BACKEND: available, empty at start, gone with
    the process. For "the keyring has no key for this database"."""

    priority = 1  # type: ignore[assignment]  # > 0: a usable keyring

    def __init__(self) -> None:
        super().__init__()
        self._store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._store.pop((service, username), None)
