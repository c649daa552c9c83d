"""The day's visits as FHIR JP Core bundles, one JSON file per visit (`reception-app export fhir`; the desk's
"export this visit" calls `export_visit`).

Each bundle is parsed back with `fhir.resources` before it is written (a file that is there is valid), written to a
temporary name and renamed (no half file), and the export is audited per visit (`Store.record_export`: the visit and
the file name, never a name or a number).

Which eligibility: the patient's latest snapshot, if it was confirmed for that day or before it (an offline check-in
uses the cached one, as the desk did). A later snapshot (the patient came again since) is not that visit's: the
bundle then has no Coverage and the report counts it. The outbox (issue 16, Build 3) will keep each visit's own.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from reception_app.eligibility.models import MergedEligibility
from reception_app.reception.handoff.errors import FhirExportFolderError
from reception_app.reception.handoff.fhir import VisitRecord, build_bundle, check_institution_code, parse_bundle
from reception_app.store.base import Store, Visit

EXPORT_FORMAT = "fhir-jpcore-r4"


@dataclass
class ExportReport:
    day: dt.date
    folder: Path
    files: list[Path] = field(default_factory=list)
    without_eligibility: int = 0  # bundles with no Coverage (no snapshot for that day)
    skipped_no_patient: int = 0  # a visit whose chart is gone (never expected; counted, not hidden)


def file_name(visit: Visit) -> str:
    """`2026-11-05_007_visit-123.json`: day, queue number, visit id; no name, no number of the patient."""
    return f"{visit.visit_date.isoformat()}_{visit.queue_number:03d}_visit-{visit.id}.json"


def eligibility_for(store: Store, visit: Visit, actor: str) -> MergedEligibility | None:
    snapshot = store.latest_snapshot_for_patient(visit.patient_id, actor)
    if snapshot is None or not snapshot.summary:
        return None
    try:
        merged = MergedEligibility.model_validate(snapshot.summary)
    except ValidationError:  # an older or partial summary: the bundle goes without Coverage
        return None
    return merged if merged.visit_date <= visit.visit_date else None


def visit_record(store: Store, visit: Visit, actor: str) -> VisitRecord | None:
    patient = store.get_patient(visit.patient_id)
    if patient is None:
        return None
    return VisitRecord(patient=patient, visit=visit, eligibility=eligibility_for(store, visit, actor))


def _write(folder: Path, name: str, text: str) -> Path:
    target = folder / name
    temporary = folder / f".{name}.tmp"
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise FhirExportFolderError(f"{FhirExportFolderError.default_message} ({exc.strerror or type(exc).__name__})"
                                    ) from exc
    return target


def export_visit(store: Store, visit: Visit, folder: Path, institution_code: str, actor: str,
                 *, generated_at: dt.datetime | None = None) -> tuple[Path, bool] | None:
    """Writes one visit's bundle; returns (file, had eligibility), or None when the visit has no chart."""
    record = visit_record(store, visit, actor)
    if record is None:
        return None
    bundle = build_bundle(record, institution_code, generated_at=generated_at)
    parse_bundle(bundle)  # raises FhirBundleInvalid: nothing is written for a bundle that does not read back
    path = _write(folder, file_name(visit), json.dumps(bundle, ensure_ascii=False, indent=2) + "\n")
    store.record_export(actor, visit.patient_id, {
        "format": EXPORT_FORMAT, "visit_id": visit.id, "file": path.name,
        "coverage": record.eligibility is not None,
    })
    return path, record.eligibility is not None


def export_day(store: Store, day: dt.date, folder: Path, institution_code: str, actor: str,
               *, generated_at: dt.datetime | None = None) -> ExportReport:
    """Every visit of `day` (cancelled ones too: their Encounter says so)."""
    code = check_institution_code(institution_code)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FhirExportFolderError(f"{FhirExportFolderError.default_message} ({exc.strerror or type(exc).__name__})"
                                    ) from exc
    report = ExportReport(day=day, folder=folder)
    for visit in store.queue(day):
        written = export_visit(store, visit, folder, code, actor, generated_at=generated_at)
        if written is None:
            report.skipped_no_patient += 1
            continue
        path, had_eligibility = written
        report.files.append(path)
        if not had_eligibility:
            report.without_eligibility += 1
    return report
