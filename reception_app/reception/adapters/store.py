"""`StorePort` over `store.Store` (any backend): records in, records out, one actor per adapter."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import cast

from reception_app.reception.models import InsuranceKey, PatientRecord, RegistrationForm, Snapshot
from reception_app.store.base import (
    Channel as StoreChannel,
)
from reception_app.store.base import (
    InsuranceIds,
    LinkRequest,
    Patient,
    Sex,
    SnapshotInput,
    SnapshotSource,
    Store,
)

# OQS/JIS sex codes (Sex1: 1 男, 2 女, 3 未設定) ↔ the store's words.
SEX_TO_STORE: dict[str, Sex] = {"1": "male", "2": "female"}
SEX_FROM_STORE: dict[str, str] = {"male": "1", "female": "2", "unknown": "3"}

# The check-in's source names → the store's snapshot sources.
SOURCE_TO_STORE: dict[str, SnapshotSource] = {
    "pin": "pin",
    "gateway": "pin",
    "face": "face",
    "insurance": "insurance_number",
    "insurance_number": "insurance_number",
    "reqres": "insurance_number",
    "offline": "offline",
}


def _ids(key: InsuranceKey) -> InsuranceIds:
    return InsuranceIds(key.insurer_number, key.symbol, key.number, key.branch)


def _key(ids: InsuranceIds | None) -> InsuranceKey | None:
    return InsuranceKey(ids.insurer_number, ids.symbol, ids.number, ids.branch) if ids is not None else None


class StoreAdapter:
    """`actor` is the audit "who" ("staff:<id>", "kiosk:<name>", "system"); the desk sets it at staff login."""

    def __init__(self, store: Store, actor: str) -> None:
        self.store = store
        self.actor = actor

    def transaction(self) -> AbstractContextManager[None]:
        return self.store.transaction()

    def _record(self, patient: Patient | None) -> PatientRecord | None:
        if patient is None:
            return None
        link = self.store.current_link(patient.patient_id)
        return PatientRecord(
            patient_id=patient.patient_id,
            name=patient.name,
            kana=patient.kana,
            birth_date=patient.birth_date,
            sex=SEX_FROM_STORE.get(patient.sex, "3"),
            address=patient.address,
            insurance=_key(link.insurance) if link is not None else None,
        )

    def patient(self, patient_id: str) -> PatientRecord | None:
        return self._record(self.store.get_patient(patient_id))

    def find_by_reference_number(self, reference_number: str) -> PatientRecord | None:
        return self._record(self.store.find_by_reference_number(reference_number))

    def find_by_insurance_key(self, key: str) -> PatientRecord | None:
        return self._record(self.store.find_by_insurance_key(key))

    def find_by_kana_birth_date(self, kana: str, birth_date: dt.date) -> list[PatientRecord]:
        found = self.store.find_by_kana_and_birth_date(kana, birth_date)
        return [r for r in (self._record(p) for p in found) if r is not None]

    def find_by_card_subject(self, subject: str) -> PatientRecord | None:
        return self._record(self.store.find_by_cert_subject(subject))

    def create_patient(self, form: RegistrationForm) -> PatientRecord:
        assert form.birth_date is not None  # RegistrationForm.problems() was checked before
        stored = self.store.register_patient(
            Patient(
                patient_id="",  # the store assigns the next free ID
                name=form.name,
                kana=form.kana,
                birth_date=form.birth_date,
                sex=SEX_TO_STORE.get(form.sex, "unknown"),
                address=form.address,
                phone=form.phone,
            ),
            self.actor,
        )
        record = self._record(stored)
        assert record is not None
        return record

    def _relink(self, patient_id: str, change: Callable[[LinkRequest], LinkRequest]) -> None:
        """The patient's current link with one field changed (`change`); nothing left: unlinked."""
        link = self.store.current_link(patient_id)
        current = LinkRequest(link.reference_number, link.insurance, link.cert_subject) if link else LinkRequest()
        wanted = change(current)
        if wanted == LinkRequest():
            self.store.unlink(patient_id, self.actor)
        else:
            self.store.link(patient_id, wanted, self.actor)

    def link_card(self, patient_id: str, subject: str) -> None:
        holder = self.store.find_by_cert_subject(subject)
        if holder is not None and holder.patient_id != patient_id:  # staff moved the card to another patient
            self._relink(holder.patient_id, lambda link: replace(link, cert_subject=None))
        self._relink(patient_id, lambda link: replace(link, cert_subject=subject))

    def link_insurance(self, patient_id: str, insurance: InsuranceKey) -> None:
        holder = self.store.find_by_insurance_key(insurance.key)
        if holder is not None and holder.patient_id != patient_id:
            self._relink(holder.patient_id, lambda link: replace(link, insurance=None))
        self._relink(patient_id, lambda link: replace(link, insurance=_ids(insurance)))

    def link_reference_number(self, patient_id: str, reference_number: str) -> None:
        self._relink(patient_id, lambda link: replace(link, reference_number=reference_number))

    def add_visit(self, patient_id: str, visit_date: dt.date, channel: str, *, offline: bool, declaration: bool) -> int:
        visit = self.store.check_in(
            patient_id, cast(StoreChannel, channel), self.actor, day=visit_date, offline=offline,
            declaration=declaration,
        )
        return visit.queue_number

    def save_snapshot(
        self, patient_id: str, merged_json: str, raw: bytes, source: str, confirmed_at: dt.datetime
    ) -> None:
        link = self.store.current_link(patient_id)
        self.store.save_snapshot(
            SnapshotInput(
                confirmed_at=confirmed_at,
                source=SOURCE_TO_STORE.get(source, "pin"),
                summary=json.loads(merged_json),
                raw=raw,
                patient_id=patient_id,
                insurance=link.insurance if link else None,
                cert_subject=link.cert_subject if link else None,
            ),
            self.actor,
        )

    def latest_snapshot(self, patient_id: str) -> Snapshot | None:
        snap = self.store.latest_snapshot_for_patient(patient_id, self.actor)
        if snap is None:
            return None
        return Snapshot(patient_id, json.dumps(snap.summary, ensure_ascii=False), snap.source, snap.confirmed_at)

    def queue_reconfirmation(self, patient_id: str, reason: str) -> None:
        self.store.add_pending_reconfirmation(patient_id, None, reason, self.actor)

    def pending_reconfirmations(self) -> list[str]:
        return sorted({p.patient_id for p in self.store.pending_reconfirmations()})

    def complete_reconfirmation(self, patient_id: str) -> None:
        with self.store.transaction():
            for pending in self.store.pending_reconfirmations():
                if pending.patient_id == patient_id:
                    self.store.resolve_reconfirmation(pending.id, self.actor)

    def audit(self, action: str, details: dict[str, str]) -> None:
        self.store.audit(self.actor, f"reception.{action}", details.get("patient_id"), dict(details))
