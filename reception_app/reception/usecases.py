"""What the desk asks of the registry besides a check-in: today's queue, the patient search, the staff sign-in.

Typed use cases over the `Store` contract, so the windows never query a store backend themselves (issue 11: "the UI
calls these, never the store"). Every call may block on the database: the windows run them through their worker.
A later issue checks the signed-in staff member's rights here, not in the widgets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the desk's tables import this module at start-up; the store package loads with the services
    from reception_app.store.base import Patient, Store

_SEX_CODES = {"male": "1", "female": "2"}  # the codes the tables show in words (ui/words.SEX); anything else: 3


@dataclass(frozen=True)
class QueueEntry:
    """One visit of today's queue, as the desk lists it."""

    queue_number: int
    checked_in_at: dt.datetime
    patient_id: str
    name: str
    kana: str
    channel: str
    status: str


@dataclass(frozen=True)
class PatientSummary:
    """One patient found by the search: enough to recognise them, nothing about their insurance."""

    patient_id: str
    name: str
    kana: str
    birth_date: dt.date | None
    sex: str  # "1" male, "2" female, "3" other or not known
    phone: str = ""


class SearchKind(StrEnum):
    KANA = "kana"
    PATIENT_ID = "patient_id"
    BIRTH_DATE = "birth_date"
    PHONE = "phone"
    REFERENCE_NUMBER = "reference_number"


class RegistryUseCases:
    """The registry as the desk reads it. `clock` says what "today" is (the site's local time)."""

    def __init__(self, store: Store, clock: Callable[[], dt.datetime]) -> None:
        self._store = store
        self._clock = clock

    def queue_today(self) -> list[QueueEntry]:
        entries: list[QueueEntry] = []
        for visit in self._store.queue(self._clock().date()):
            patient = self._store.get_patient(visit.patient_id)
            entries.append(QueueEntry(
                queue_number=visit.queue_number, checked_in_at=visit.checked_in_at, patient_id=visit.patient_id,
                name=patient.name if patient else "", kana=patient.kana if patient else "",
                channel=str(visit.channel), status=str(visit.status)))
        return entries

    def search(self, kind: SearchKind | str, text: str) -> list[PatientSummary]:
        """Patients by kana prefix, patient ID, birth date (ISO), phone or 照会番号; an unusable query finds none."""
        try:
            kind = SearchKind(kind)
        except ValueError:
            return []
        return [_summary(p) for p in self._find(kind, text.strip())]

    def _find(self, kind: SearchKind, text: str) -> list[Patient]:
        if kind is SearchKind.KANA:
            return self._store.find_by_kana_prefix(text)
        if kind is SearchKind.BIRTH_DATE:
            try:
                return self._store.find_by_birth_date(dt.date.fromisoformat(text))
            except ValueError:
                return []
        if kind is SearchKind.PHONE:
            return self._store.find_by_phone(text)
        one = (self._store.get_patient(text) if kind is SearchKind.PATIENT_ID
               else self._store.find_by_reference_number(text))
        return [one] if one is not None else []

    def likely_duplicates(self, name: str, kana: str, birth_date: dt.date | None) -> list[PatientSummary]:
        """Charts a new registration may duplicate: the same birth date with the same kana or the same name (after
        normalisation: width, spaces, hiragana/katakana)."""
        if birth_date is None:
            return []
        from reception_app.eligibility.normalize import kana_key, name_key

        want_kana, want_name = kana_key(kana), name_key(name)
        found = [
            p for p in self._store.find_by_birth_date(birth_date)
            if (want_kana and kana_key(p.kana) == want_kana) or (want_name and name_key(p.name) == want_name)
        ]
        return [_summary(p) for p in found]

    def verify_staff(self, login: str, password: str) -> bool:
        """A staff member's password (the store audits the attempt)."""
        return self._store.authenticate(login, password) is not None


def _summary(patient: Patient) -> PatientSummary:
    return PatientSummary(patient.patient_id, patient.name, patient.kana, patient.birth_date,
                          _SEX_CODES.get(str(patient.sex), "3"), patient.phone)
