"""`reception-app export fhir --date YYYY-MM-DD --out DIR [--store PATH] [--institution-code CODE]`.

One FHIR JP Core Bundle (JSON) per visit of the day: JP_Patient, JP_Coverage for the insurance and each 公費, and
an Encounter for the check-in (docs/handoff.md). Prints the number of files and the folder, never a name.
Exit 0 when written, 2 when the store, the folder or the institution code is the problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from reception_app.cli import site


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("export", help="hand the day's check-ins to other systems (FHIR JP Core)")
    commands = group.add_subparsers(dest="export_command", metavar="FORMAT", required=True)
    fhir = commands.add_parser("fhir", help="one FHIR JP Core Bundle (JSON) per visit of a day")
    fhir.add_argument("--date", type=dt.date.fromisoformat, required=True, metavar="YYYY-MM-DD",
                      help="the day whose visits to export")
    fhir.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write the files to")
    fhir.add_argument("--institution-code", default=None, metavar="CODE",
                      help="the clinic's 10-digit 医療機関コード (default: the site's, from the settings file)")
    site.add_store_option(fhir)
    fhir.set_defaults(handler=fhir_command)


def _fail(code: str, message: str) -> int:
    print(f"error [{code}]: {message}", file=sys.stderr)
    return 2


def fhir_command(args: argparse.Namespace) -> int:
    from reception_app.compose.site import open_site_store
    from reception_app.config import SiteConfigError
    from reception_app.reception.handoff.errors import HandoffError
    from reception_app.reception.handoff.export import export_day
    from reception_app.store import StoreError

    try:
        institution_code = args.institution_code
        if institution_code is None:
            institution_code = site.site_defaults().institution_code
        passphrase = site.store_passphrase(site.site_defaults().key_source)
        with open_site_store(site.store_path(args), passphrase) as store:
            report = export_day(store, args.date, Path(args.out), institution_code, site.cli_actor())
    except HandoffError as exc:
        return _fail(exc.code, str(exc))
    except StoreError as exc:
        return _fail(exc.code, exc.message)
    except SiteConfigError as exc:
        return _fail(exc.code, str(exc))
    print(f"{len(report.files)} FHIR bundle(s) for {report.day.isoformat()} written to {report.folder}"
          + (f"; {report.without_eligibility} without eligibility (no Coverage)" if report.without_eligibility else "")
          + (f"; {report.skipped_no_patient} visit(s) without a chart skipped" if report.skipped_no_patient else ""))
    return 0
