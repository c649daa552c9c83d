import os
import subprocess
import sys

from reception_app import __version__
from reception_app.cli import build_parser


def test_version_flag_prints_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "reception_app", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"reception-app {__version__}"


def test_parser_knows_modes() -> None:
    args = build_parser().parse_args(["--demo", "--lang", "en"])
    assert args.demo is True and args.lang == "en"


def test_no_screen_gives_a_clear_message_instead_of_a_qt_abort() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run(
        [sys.executable, "-m", "reception_app", "--demo"], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 2
    assert "no screen" in out.stderr and "xvfb-run" in out.stderr
    assert "Aborted" not in out.stderr and "Traceback" not in out.stderr
