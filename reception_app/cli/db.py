"""`reception-app db ...`: create, inspect, verify, purge and rekey the encrypted database.

The passphrase is asked with a prompt when needed. RECEPTION_APP_DB_PASSPHRASE (and RECEPTION_APP_DB_NEW_PASSPHRASE
for `rekey --to passphrase`) supply it without a prompt: a test and automation aid, not for a clinic PC, where the
environment of a process can be read by its user's other programs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from reception_app.cli import site
from reception_app.config import SiteConfigError
from reception_app.store import (
    DEFAULT_SNAPSHOT_RETENTION_DAYS,
    KeyedStore,
    KeyMethod,
    KeyringKey,
    PostgresLocation,
    Store,
    StoreError,
    StoreLocation,
    StoreUnsupportedError,
    key_source,
    open_store,
)
from reception_app.store.keys import keyring_available

PASSPHRASE_ENV = site.PASSPHRASE_ENV
NEW_PASSPHRASE_ENV = "RECEPTION_APP_DB_NEW_PASSPHRASE"

_TEXT = {
    "prompt": "Database passphrase: ",
    "prompt_new": "New database passphrase: ",
    "prompt_again": "Repeat the new passphrase: ",
    "mismatch": "The two passphrases differ; nothing was changed.",
    "created": "Created {path} (schema version {version}; {method}).",
    "created_server": "Created the store on {path} (schema version {version}; a shared PostgreSQL server).",
    "audit_ok": "Audit log OK: {count} records, chain intact.",
    "audit_bad": "Audit log BROKEN at record {record_id}: {problem} ({count} records checked up to it).",
    "audit_bad_schema": "Audit log BROKEN: {problem} (all {count} records themselves are intact).",
    "purge": "{verb} {count} eligibility snapshot(s) confirmed before {cutoff}. Audit records are never purged.",
    "rekeyed": "The database key was changed; {method}.",
}
_METHOD_NAMES = {"keyring": "the key is kept in the OS keyring", "passphrase": "the key is derived from the passphrase"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("db", help="the encrypted database: init, info, verify-audit, purge, rekey")
    commands = parser.add_subparsers(dest="db_command", metavar="DB_COMMAND", required=True)

    def add(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = commands.add_parser(name, help=help_text)
        site.add_store_option(sub)
        sub.set_defaults(handler=_guarded(handler))
        return sub

    init = add("init", "create a new encrypted database (refuses if one exists)", _init)
    init.add_argument(
        "--key",
        choices=("keyring", "passphrase"),
        default=None,
        help="where the key lives (default: the OS keyring if there is one, else a passphrase)",
    )
    info = add("info", "schema version and row counts, today's visits among them (no personal data)", _info)
    info.add_argument("--json", action="store_true", help="print them as JSON")
    add("verify-audit", "check the audit log's hash chain; exit 1 and name the first bad record if broken", _verify)
    purge = add("purge", "delete eligibility snapshots older than the retention period", _purge)
    purge.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    purge.add_argument("--older-than-days", type=int, default=DEFAULT_SNAPSHOT_RETENTION_DAYS, metavar="N")
    rekey = add("rekey", "re-encrypt under a new key (keyring or passphrase, either way)", _rekey)
    rekey.add_argument("--to", choices=("keyring", "passphrase"), required=True, dest="to_method")


def _guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except StoreError as exc:
            print(f"error [{exc.code}]: {exc.message}", file=sys.stderr)
            return 2
        except SiteConfigError as exc:  # no --store, and the site's settings cannot be read
            print(f"error [{exc.code}]: {exc}", file=sys.stderr)
            return 2

    return run


def _path(args: argparse.Namespace) -> StoreLocation:
    """A file, or a shared server (`postgresql://`); shown without its password wherever it is printed."""
    return site.store_location(args)


def _actor() -> str:
    return site.cli_actor()


def _ask_passphrase() -> str:
    return os.environ.get(PASSPHRASE_ENV) or getpass.getpass(_TEXT["prompt"])


def _ask_new_passphrase(env: str) -> str | None:
    from_env = os.environ.get(env)
    if from_env:
        return from_env
    first = getpass.getpass(_TEXT["prompt_new"])
    if getpass.getpass(_TEXT["prompt_again"]) != first:
        print(_TEXT["mismatch"], file=sys.stderr)
        return None
    return first


def _open(args: argparse.Namespace) -> Store:
    # A file: the keyring first, then a prompt. A server: its credentials are in the URL or libpq's password file.
    return open_store(_path(args), KeyringKey(passphrase=_ask_passphrase))


def _init(args: argparse.Namespace) -> int:
    location = _path(args)
    if isinstance(location, PostgresLocation):
        with open_store(location, KeyringKey(), mode="create") as store:
            version = store.schema_version()
        print(_TEXT["created_server"].format(path=location, version=version))
        return 0
    method: KeyMethod = args.key or ("keyring" if keyring_available() else "passphrase")
    passphrase = None
    if method == "passphrase":
        passphrase = _ask_new_passphrase(PASSPHRASE_ENV)
        if passphrase is None:
            return 2
    with open_store(location, key_source(method, passphrase), mode="create") as store:
        version = store.schema_version()
    print(_TEXT["created"].format(path=location, version=version, method=_METHOD_NAMES[method]))
    return 0


def _info(args: argparse.Namespace) -> int:
    today = dt.date.today()  # the reception PC's local day, as the queue counts it
    with _open(args) as store:
        info = store.info()
        visits_today = len(store.queue(today))
    if args.json:
        print(json.dumps({
            "path": str(_path(args)), "backend": info.backend, "schema_version": info.schema_version,
            "counts": dict(sorted(info.counts.items())), "visits_today": visits_today, "today": today.isoformat(),
        }, indent=2))
        return 0
    print(f"path: {_path(args)}")
    print(f"backend: {info.backend}")
    print(f"schema version: {info.schema_version}")
    for table, count in sorted(info.counts.items()):
        print(f"{table}: {count}")
    print(f"visits today ({today.isoformat()}): {visits_today}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    with _open(args) as store:
        result = store.verify_audit()
    if result.ok:
        print(_TEXT["audit_ok"].format(count=result.records))
        return 0
    if result.first_bad_id is None:
        print(_TEXT["audit_bad_schema"].format(problem=result.problem, count=result.records))
    else:
        print(_TEXT["audit_bad"].format(record_id=result.first_bad_id, problem=result.problem, count=result.records))
    return 1


def _purge(args: argparse.Namespace) -> int:
    with _open(args) as store:
        report = store.purge(args.older_than_days, args.dry_run, _actor())
    verb = "Would delete" if report.dry_run else "Deleted"
    print(_TEXT["purge"].format(verb=verb, count=report.snapshots, cutoff=report.cutoff.isoformat(timespec="seconds")))
    return 0


def _rekey(args: argparse.Namespace) -> int:
    if isinstance(_path(args), PostgresLocation):  # refused before any prompt: a server's data has no app key
        raise StoreUnsupportedError("changing the key of a store the app does not encrypt itself")
    new_passphrase = None
    if args.to_method == "passphrase":
        new_passphrase = _ask_new_passphrase(NEW_PASSPHRASE_ENV)
        if new_passphrase is None:
            return 2
    with _open(args) as store:
        if not isinstance(store, KeyedStore):
            raise StoreUnsupportedError("changing the key of a store the app does not encrypt itself")
        store.rekey(args.to_method, _actor(), new_passphrase)
    print(_TEXT["rekeyed"].format(method=_METHOD_NAMES[args.to_method]))
    return 0
