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
