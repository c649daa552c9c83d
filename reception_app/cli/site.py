"""What the headless commands take from the site: its settings, its store, its 受付票 printer and its services.

Kept in one module so that the composition root can take it over in one place: `site_services()` is the only
function of the CLI that builds `ReceptionServices`, and `site_defaults()` the only one that reads the settings file.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reception_app import paths

if TYPE_CHECKING:  # the whole stack loads only for the commands that use it
    from PySide6.QtGui import QGuiApplication

    from reception_app.card.backends import ReaderBackend
    from reception_app.connect.tls import TlsConfig
    from reception_app.reception.app_services import ReceptionServices
    from reception_app.store import StoreLocation
    from reception_app.ui.i18n import Translations
    from reception_app.ui.ticket import QtTicketPrinter

# Supplies the database passphrase without a prompt (tests, automation): see cli/db.py.
PASSPHRASE_ENV = "RECEPTION_APP_DB_PASSPHRASE"
STORE_HELP = (
    "the store: a database file, or a shared server's postgresql:// URL (db commands; `?schema=` names the schema);"
    " default: the site's, from the settings file ({default})"
)


@dataclass(frozen=True)
class SiteDefaults:
    """What the settings file (written by the set-up wizard and the desk) says for the headless commands."""

    store_path: Path
    key_source: str  # "keyring" | "passphrase"
    ticket_dir: Path
    language: str
    institution_code: str


def site_defaults() -> SiteDefaults:
    """The site's settings (the defaults when the file is missing); raises `SiteConfigError` when unreadable."""
    from reception_app.config import load_config

    settings = load_config()
    return SiteDefaults(
        store_path=settings.resolved_db_path(), key_source=settings.db_key_source,
        ticket_dir=settings.ticket_pdf_dir or paths.user_data_dir() / "tickets",
        language=settings.language, institution_code=settings.institution_code or "",
    )


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """`--store PATH|URL`, with today's `--db PATH` kept as its alias. Kept as text: a `Path` would fold the URL's
    `//`."""
    parser.add_argument(
        "--store", "--db", dest="store", type=str, default=None, metavar="PATH|URL",
        help=STORE_HELP.format(default="reception.db in the data folder when not set"),
    )


def store_location(args: argparse.Namespace) -> StoreLocation:
    """The store the command names (a file or a `postgresql://` URL), else the site's file."""
    from reception_app.store import parse_location

    return parse_location(args.store if args.store is not None else site_defaults().store_path)


def store_path(args: argparse.Namespace) -> Path:
    """The store as a file (the commands that do not take a server yet); a URL is refused, its password unsaid."""
    from reception_app.store import StoreUnsupportedError
    from reception_app.store.dsn import is_url

    if args.store is not None and is_url(str(args.store)):
        raise StoreUnsupportedError("a shared PostgreSQL server for this command (only the db commands take one)")
    return Path(args.store) if args.store is not None else site_defaults().store_path


def store_passphrase(key_source: str) -> str | None:
    """The passphrase for a passphrase-keyed store (environment, else asked in a terminal); None: the keyring's."""
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if key_source == "passphrase" and sys.stdin.isatty():
        return getpass.getpass("Database passphrase: ")
    return None


def cli_actor() -> str:
    """Who the audit log names for a command run by hand."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


# --- the 受付票 -----------------------------------------------------------------------------------------------------


@dataclass
class HeadlessQt:
    """The Qt application a headless command needs to draw the desk's 受付票 (fonts and QPdfWriter need one).
    Keeps the translators alive for as long as the printer is used."""

    app: QGuiApplication
    translations: Translations


def headless_qt(language: str) -> HeadlessQt:
    """An offscreen QGuiApplication (or the one that exists), with the desk's font and translations, so the PDF is
    the desk's ticket: Japanese heading included."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen needed; a platform someone set is kept
    from PySide6.QtGui import QGuiApplication

    from reception_app.ui.fonts import apply_japanese_font
    from reception_app.ui.i18n import Translations

    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        app = existing
    else:
        app = QGuiApplication([sys.argv[0] if sys.argv else "reception-app"])
        app.setFont(apply_japanese_font(app.font()))
    translations = Translations()
    translations.install(language)
    return HeadlessQt(app, translations)


def ticket_printer(folder: Path) -> QtTicketPrinter:
    """The desk's 受付票 printer, to PDF files in `folder` (call `headless_qt` first)."""
    from reception_app.ui.ticket import QtTicketPrinter

    return QtTicketPrinter(folder)


# --- the services -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadlessSite:
    """What one headless check-in is built from (the command line over the site's settings)."""

    store_path: Path
    store_passphrase: str | None
    institution_code: str
    gateway_url: str
    tls: TlsConfig
    query_timeout: float
    ticket_dir: Path
    req_dir: Path | None = None  # OQS terminal folders (照会番号 registration); None: none
    res_dir: Path | None = None


def site_services(site: HeadlessSite, backend: ReaderBackend) -> ReceptionServices:
    """The desk's services (the composition root's `site_services`) for one headless command: no face watcher and
    no re-confirmation loop (the command ends after one check-in). Call `headless_qt` first (the 受付票 printer)."""
    from reception_app.compose.site import ServiceConfig
    from reception_app.compose.site import site_services as compose_site_services

    config = ServiceConfig(
        institution_code=site.institution_code, gateway_url=site.gateway_url, tls=site.tls,
        req_dir=site.req_dir, res_dir=site.res_dir, db_path=site.store_path, db_passphrase=site.store_passphrase,
        actor=cli_actor(), query_timeout=site.query_timeout, reqres_timeout=site.query_timeout,
        reconfirm_interval_s=0,
    )
    return compose_site_services(config, backend=backend, printer=ticket_printer(site.ticket_dir))
