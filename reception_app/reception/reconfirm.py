"""Re-confirmation of offline check-ins once the connection is back: by insurance number (the card is gone by
then), updating the cached snapshot and closing the pending item. Runs off the GUI thread."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from reception_app.config import DEFAULTS
from reception_app.errors import AppError
from reception_app.reception.checkin import OFFLINE_ERRORS
from reception_app.reception.ports import Clock, EligibilityPort, MergePort, StorePort

log = logging.getLogger(__name__)


@dataclass
class ReconfirmReport:
    confirmed: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # patient id -> reason code
    still_offline: bool = False


class Reconfirmer:
    def __init__(
        self,
        store: StorePort,
        eligibility: EligibilityPort,
        merger: MergePort,
        clock: Clock,
        timeout: float = DEFAULTS.reqres_timeout_s,  # re-confirmation asks by insurance number: the req/res path
    ) -> None:
        self.store = store
        self.eligibility = eligibility
        self.merger = merger
        self.clock = clock
        self.timeout = timeout

    def run_pending(self) -> ReconfirmReport:
        report = ReconfirmReport()
        for patient_id in self.store.pending_reconfirmations():
            patient = self.store.patient(patient_id)
            if patient is None or patient.insurance is None:
                report.skipped[patient_id] = "no_insurance_on_file"  # stays pending: staff check by hand
                continue
            try:
                outcome = self.eligibility.by_insurance_number(
                    patient.insurance, patient.birth_date, timeout=self.timeout
                )
            except OFFLINE_ERRORS:
                report.still_offline = True  # try again later; nothing changed
                break
            except Exception as exc:
                report.skipped[patient_id] = exc.code if isinstance(exc, AppError) else "eligibility_error"
                continue
            merged = self.merger.merge(outcome, patient, self.clock().date())
            with self.store.transaction():
                self.store.save_snapshot(
                    patient_id, merged.json, outcome.raw, str(outcome.source), outcome.confirmed_at,
                )
                self.store.complete_reconfirmation(patient_id)
                self.store.audit(
                    "reconfirmed", {"patient_id": patient_id, "warnings": ",".join(merged.warnings)}
                )
            report.confirmed.append(patient_id)
        return report
