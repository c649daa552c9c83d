"""`reception-app doctor [--json] [--lang en]`: what this PC is missing for reception, in plain words.

The checks live in `reception_app.reception.doctor` (headless). This module adds what only the CLI layer may do:
on a machine without fontconfig (Windows) it asks Qt which installed fonts can show Japanese.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import Any

from reception_app.config import SiteConfigError, load_config
from reception_app.reception.doctor import DoctorOptions, exit_code, format_report, run_checks
from reception_app.reception.doctor_messages import Lang
from reception_app.reception.errors import FontProbeUnavailable


def qt_japanese_families() -> list[str]:
    """Families Qt can use for Japanese (the font database the windows will use)."""
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # without a screen Qt would abort the process
    try:
        from PySide6.QtGui import QFontDatabase, QGuiApplication
    except ImportError as exc:
        raise FontProbeUnavailable(f"Qt cannot be loaded: {exc}") from exc
    app = QGuiApplication.instance() or QGuiApplication([])
    del app
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))


PASSPHRASE_PROMPT = {
    "ja": "データベースのパスフレーズ (確認だけに使い、保存しません。空のまま Enter で省略): ",
    "en": "Database passphrase (used for this check only, never stored; Enter to skip): ",
}


def _ask_passphrase(lang: Lang) -> str | None:
    """At a terminal, ask for the passphrase when the settings say the database uses one (and it exists)."""
    try:
        settings = load_config()
    except SiteConfigError:  # the report names the problem
        return None
    if settings.db_key_source != "passphrase" or not settings.resolved_db_path().exists():
        return None
    try:
        text = getpass.getpass(PASSPHRASE_PROMPT[lang])
    except (EOFError, KeyboardInterrupt):
        return None
    return text or None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check this PC: smart-card service, readers, Japanese font, folders, gateway, database",
        description="Checks everything reception needs and says what is missing and what to do. "
        "Exit code 0 when nothing FAILs (warnings allowed), 1 otherwise.",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    # Its own dest: a subcommand default would otherwise overwrite `reception-app --lang en doctor`.
    parser.add_argument("--lang", dest="doctor_lang", choices=("ja", "en"), default=None,
                        help="language of the report (default Japanese)")
    parser.add_argument("--passphrase-env", metavar="VARIABLE",
                        help="name of an environment variable holding the database passphrase "
                        "(at a terminal, the doctor asks for it instead)")
    parser.add_argument("--timeout", type=float, default=3.0, metavar="SECONDS",
                        help="timeout for the gateway check (default 3)")
    parser.set_defaults(handler=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    chosen = args.doctor_lang or getattr(args, "lang", None)
    lang: Lang = "en" if chosen == "en" else "ja"
    passphrase = os.environ.get(args.passphrase_env) if args.passphrase_env else None
    if passphrase is None and sys.stdin.isatty():
        passphrase = _ask_passphrase(lang)
    options = DoctorOptions(passphrase=passphrase, timeout_s=args.timeout, font_probe=qt_japanese_families)
    results = run_checks(options=options)
    if args.json:
        payload = {"lang": lang, "exit_code": exit_code(results), "checks": [r.to_dict(lang) for r in results]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(format_report(results, lang))
    return exit_code(results)
