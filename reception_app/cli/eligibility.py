"""`reception-app eligibility show FILE.xml [--visit-date D] [--chart CHART.json] [--json]`.

For people: a readable merged view (Japanese labels first). With --json: the schema of docs/eligibility-json.md.
A file that cannot be read exits with 2 and a one-line reason on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reception_app.eligibility.errors import ResultFileError
from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import Chart, MergedEligibility, PatientView
from reception_app.eligibility.xml import parse_result

EXIT_UNREADABLE = 2


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("eligibility", help="OQS results, PMH subsidies and the merged eligibility view")
    commands = group.add_subparsers(dest="eligibility_command", metavar="SUBCOMMAND")
    show = commands.add_parser("show", help="show the merged eligibility of one result file")
    show.add_argument("file", type=Path, help="an OQSsiquc01res (face or req/res) XML file")
    show.add_argument("--visit-date", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
    show.add_argument("--chart", type=Path, default=None, help="the clinic's chart as JSON, for comparison")
    show.add_argument("--json", action="store_true", help="machine-readable JSON")
    show.set_defaults(handler=show_command)
    group.set_defaults(handler=lambda args: _usage(group))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    return EXIT_UNREADABLE


def _fail(reason: str) -> int:
    print(f"error: {reason}", file=sys.stderr)
    return EXIT_UNREADABLE


def show_command(args: argparse.Namespace) -> int:
    merged = _read_and_merge(args)
    if isinstance(merged, int):
        return merged
    if args.json:
        payload = merged.to_json()
        del merged  # the export shares its texts with the view; the view's own containers are not needed any more
        # Written as it is encoded (the same text as json.dumps): a bulk file's export is never one string in memory.
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(render_text(merged))
    return 0


def _read_and_merge(args: argparse.Namespace) -> MergedEligibility | int:
    """The merged view of the file, or the exit code. The file's bytes and models are released on return (peak memory
    of a bulk file: the export is written after them)."""
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        return _fail(f"cannot read {args.file}: {exc.strerror or exc}")
    try:
        result = parse_result(data)
    except ResultFileError as exc:
        return _fail(f"{args.file}: {exc.problem}: {exc}")
    del data
    chart = None
    if args.chart is not None:
        try:
            chart = Chart.model_validate(json.loads(Path(args.chart).read_text(encoding="utf-8")))
        except (OSError, ValueError, ValidationError) as exc:
            first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return _fail(f"chart {args.chart}: {first_line}")
    return merge(result, (), chart, args.visit_date or dt.date.today())


def _line(label: str, value: object) -> str:
    return f"  {label}: {value}" if value not in (None, "", [], {}) else ""


def render_text(merged: MergedEligibility) -> str:
    """A readable view for people: status, patient, insurance, ratio, certificates, subsidies, warnings."""
    # A file without a result has no patient or insurance: their lines are left out (as for empty fields).
    p = merged.patient or PatientView()
    ins = merged.insurance
    lines = [
        f"資格: {merged.status_text} ({merged.status})" + ("" if merged.final else "  ※未確定 / not final"),
        f"受診日: {merged.visit_date.isoformat()}",
        "患者:",
        _line("氏名", p.name),
        _line("カナ", p.name_kana),
        _line("通称名", p.name_of_other),
        _line("生年月日", " ".join(str(x) for x in (p.birth_date, p.birth_date_wareki or "") if x)),
        _line("年齢", p.age),
        _line("性別", p.sex_text),
        _line("住所", p.address),
        "保険:",
    ]
    if ins is not None:
        lines += [
            _line("保険者", " ".join(x for x in (ins.insurer_number, ins.insurer_name) if x)),
            _line("記号・番号・枝番", " / ".join(x or "-" for x in (ins.symbol, ins.number, ins.branch))),
            _line("種別", ins.card_classification_text),
            _line("負担割合", f"{ins.copay_ratio_percent}% ({ins.copay_basis_text})"
                  if ins.copay_ratio_percent is not None else ""),
        ]
    if merged.limit:
        lines.append(_line("限度額区分", f"{merged.limit.class_text} ({merged.limit.valid_to}まで)"))
    for item in merged.specific_diseases:
        lines.append(_line("特定疾病", f"{item.category_text} 自己負担 {item.self_pay_yen}円"))
    for ticket in merged.medical_tickets:
        state = "有効" if ticket.active_on_visit else "期間外"
        lines.append(_line("医療券", f"{ticket.valid_from}〜{ticket.valid_to} {state} 本人支払額 "
                                     f"{ticket.self_pay_amount}"))
    if merged.subsidies:
        lines.append("公費・医療費助成（請求順）:")
        for sub in merged.subsidies:
            state = "有効" if sub.active_on_visit else "期間外→紙の受給者証を確認"
            cap = f" 上限 {sub.monthly_cap_yen}円/月" if sub.monthly_cap_yen is not None else ""
            lines.append(f"  {sub.claim_order}. [{sub.law_code}] {sub.name or sub.law_name} {sub.payer_number} / "
                         f"{sub.recipient_number} {sub.valid_from or ''}〜{sub.valid_to or ''} {state}{cap}")
    if merged.reference_number:
        lines.append(f"照会番号: {merged.reference_number}")
    if len(merged.results) > 1:
        lines.append(f"資格情報: {len(merged.results)}件")
    if merged.warnings:
        lines.append("注意:")
        lines.extend(f"  - [{w.code}] {w.message}" for w in merged.warnings)
    return "\n".join(line for line in lines if line)
