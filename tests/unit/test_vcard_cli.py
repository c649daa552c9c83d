"""`reception-app vcard list` and the argument checks of `vcard serve` (serving itself: tests/integration)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reception_app.cli import main


def test_list_prints_every_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vcard", "list"]) == 0
    out = capsys.readouterr().out
    assert "pin-blocked" in out and "tries=0" in out and "iphone" in out
    assert len(out.strip().splitlines()) == 15


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vcard", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_id = {r["id"]: r for r in rows}
    assert by_id["expired-cert"]["certificate"] == "expired"
    assert by_id["android-token"]["token"] == "android"
    assert "1234" not in json.dumps(rows)  # PINs are never printed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--profile", "nobody"], "No card profile 'nobody'"),
        (["--profile", "adult-seishin-21", "--port", "0"], "is not a TCP port"),
        (["--profile", "adult-seishin-21", "--forced-sw", "B0"], "CMD=SW"),
        (["--profile", "adult-seishin-21", "--forced-sw", "B0=XYZ"], "invalid fault option"),
        (["--profile", "adult-seishin-21", "--latency-ms", "-5"], "invalid fault option"),
    ],
)
def test_serve_rejects_bad_input_clearly(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vcard", "serve", *args]) == 2
    assert message in capsys.readouterr().err


def test_serve_rejects_an_unwritable_trace_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing-dir" / "trace.jsonl"
    assert main(["vcard", "serve", "--profile", "adult-seishin-21", "--trace-file", str(target)]) == 2
    assert "cannot open the trace file" in capsys.readouterr().err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_exits_cleanly_on_a_signal_without_vpcd(signum: int) -> None:
    """Nothing listens on the port: the bridge keeps retrying until SIGTERM/SIGINT (Ctrl-C), then exits 0."""
    import socket

    with socket.create_server(("127.0.0.1", 0)) as tmp:
        free_port = tmp.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "reception_app", "vcard", "serve", "--profile", "adult-seishin-21",
         "--host", "127.0.0.1", "--port", str(free_port)],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stderr is not None
    first_line = proc.stderr.readline()  # printed once the card is built and the bridge starts
    assert "serving on vpcd" in first_line
    proc.send_signal(signum)
    assert proc.wait(10) == 0
    assert "stopped" in proc.stderr.read()
