"""The check-in handed to ORCA: the chart and the merged eligibility view mapped onto ORCA's patient record
(patientmodv2), and the 受付 (acceptmodv2) with the department and physician chosen at the desk.

`FIELD_MAP` is the one mapping table (ours → ORCA's element, with the ORCA page it is documented on); docs/handoff.md
prints the same table. A test checks that every ORCA element the mapping writes is in it.

Errors come through as the connector raised them (`connect.orca.errors`): K0 (`OrcaPossibleDuplicate`) reaches the
staff to decide, nothing is merged; 90 was already retried by the client.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reception_app.connect.orca.client import (
    AcceptanceInput,
    AcceptanceResult,
    OrcaClient,
    OrcaCode,
    OrcaHealthInsurance,
    OrcaPatientInput,
    OrcaPublicInsurance,
    PatientModResult,
)
from reception_app.eligibility.models import MergedEligibility
from reception_app.store.base import Patient, Visit

ORCA_API = "https://www.orca.med.or.jp/receipt/tec/api/"
PATIENTMOD = ORCA_API + "patientmod.html"
PATIENTGET = ORCA_API + "patientget.html"
ACCEPTMOD = ORCA_API + "acceptmod.html"
SYSTEMKANRI = ORCA_API + "systemkanri.html"

MEDICAL_ASSISTANCE_CARD = "A1"
SEX = {"male": "1", "female": "2"}  # ORCA Sex: 1 男, 2 女 (unknown: left out)


@dataclass(frozen=True)
class FieldMapping:
    ours: str
    orca: str  # ORCA's element (path in the request record)
    page: str  # the ORCA page that documents it
    confirmed: bool  # False: the element name is UNCONFIRMED on that page (docs/handoff.md)


FIELD_MAP: tuple[FieldMapping, ...] = (
    FieldMapping("Patient.patient_id", "Patient_ID", PATIENTGET, True),
    FieldMapping("Patient.name (漢字)", "WholeName", PATIENTGET, True),
    FieldMapping("Patient.kana (カナ)", "WholeName_inKana", PATIENTGET, True),
    FieldMapping("Patient.birth_date", "BirthDate", PATIENTGET, True),
    FieldMapping("Patient.sex", "Sex", PATIENTGET, True),
    FieldMapping("merged patient.post_number", "Home_Address_Information/Address_ZipCode", PATIENTGET, True),
    FieldMapping("Patient.address", "Home_Address_Information/WholeAddress1", PATIENTGET, True),
    FieldMapping("Patient.phone", "Home_Address_Information/PhoneNumber1", PATIENTGET, True),
    FieldMapping("insurance.insurer_number (保険者番号)", "HealthInsurance_Information/InsuranceProvider_Number",
                 PATIENTGET, True),
    FieldMapping("insurance.symbol (記号)", "HealthInsurance_Information/HealthInsuredPerson_Symbol", PATIENTGET, True),
    FieldMapping("insurance.number (番号)", "HealthInsurance_Information/HealthInsuredPerson_Number", PATIENTGET, True),
    FieldMapping("insurance.branch (枝番)", "HealthInsurance_Information/HealthInsuredPerson_Branch_Number",
                 PATIENTMOD, False),
    FieldMapping("patient.personal_family (本人/家族)", "HealthInsurance_Information/RelationToInsuredPerson",
                 PATIENTGET, True),
    FieldMapping("insurance.qualification_date", "HealthInsurance_Information/Certificate_StartDate", PATIENTGET, True),
    FieldMapping("insurance.card_expiration_date", "HealthInsurance_Information/Certificate_ExpiredDate",
                 PATIENTGET, True),
    FieldMapping("subsidy.payer_number (公費負担者番号)",
                 "HealthInsurance_Information/PublicInsurance_Information/PublicInsurer_Number", PATIENTGET, True),
    FieldMapping("subsidy.recipient_number (受給者番号)",
                 "HealthInsurance_Information/PublicInsurance_Information/PublicInsuredPerson_Number", PATIENTMOD,
                 False),
    FieldMapping("subsidy.valid_from", "HealthInsurance_Information/PublicInsurance_Information/Certificate_IssuedDate",
                 PATIENTGET, True),
    FieldMapping("subsidy.valid_to", "HealthInsurance_Information/PublicInsurance_Information/Certificate_ExpiredDate",
                 PATIENTGET, True),
    FieldMapping("the desk's department", "Department_Code (acceptreq)", ACCEPTMOD, True),
    FieldMapping("the desk's physician", "Physician_Code (acceptreq)", ACCEPTMOD, True),
    FieldMapping("Visit.checked_in_at (date)", "Acceptance_Date (acceptreq)", ACCEPTMOD, True),
    FieldMapping("Visit.checked_in_at (time)", "Acceptance_Time (acceptreq)", ACCEPTMOD, True),
    FieldMapping("ORCA's answer", "Acceptance_Id (acceptres; sent back to cancel)", ACCEPTMOD, True),
)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _date(value: object) -> str:
    text = _text(value)
    return text if len(text) == 10 and text[4] == "-" and text[7] == "-" else ""


def orca_patient(patient: Patient, merged: MergedEligibility | None) -> OrcaPatientInput:
    """The chart and the merged view as ORCA's patient record (FIELD_MAP). Only the 公費 valid on the visit day go
    (an expired certificate is the desk's to check on paper, not ORCA's to claim)."""
    insurance = None
    public: list[OrcaPublicInsurance] = []
    zip_code = ""
    if merged is not None:
        ins, person = merged.insurance, merged.patient
        zip_code = _text(person.post_number).replace("-", "") if person is not None else ""
        insurer = _text(ins.insurer_number) if ins is not None else ""
        if ins is not None and insurer and _text(ins.card_classification) != MEDICAL_ASSISTANCE_CARD:
            insurance = OrcaHealthInsurance(
                provider_number=insurer, symbol=_text(ins.symbol), number=_text(ins.number),
                branch=_text(ins.branch), relation=_text(person.personal_family) if person is not None else "",
                start=_date(ins.qualification_date), end=_date(ins.card_expiration_date))
        public = [OrcaPublicInsurance(payer_number=_text(sub.payer_number),
                                      recipient_number=_text(sub.recipient_number),
                                      start=_date(sub.valid_from), end=_date(sub.valid_to))
                  for sub in merged.subsidies if sub.active_on_visit and _text(sub.payer_number)]
    return OrcaPatientInput(
        patient_id=patient.patient_id, name=patient.name.strip(), kana=patient.kana.strip(),
        birth_date=patient.birth_date.isoformat(), sex=SEX.get(patient.sex, ""), zip_code=zip_code,
        address=patient.address.strip(), phone=patient.phone.strip(), insurance=insurance, public=tuple(public))


@dataclass(frozen=True)
class OrcaChoice:
    """What the desk chose from ORCA's own lists for this 受付."""

    department: OrcaCode
    physician: OrcaCode


class OrcaHandoff:
    """The hand-off use case over one `OrcaClient` (blocking: call it from the stack's background work)."""

    def __init__(self, client: OrcaClient) -> None:
        self.client = client

    def lists(self, day: dt.date) -> tuple[list[OrcaCode], list[OrcaCode]]:
        """ORCA's departments and physicians valid on `day` (the desk chooses from these)."""
        return self.client.departments(day), self.client.physicians(day)

    def send_patient(self, patient: Patient, merged: MergedEligibility | None) -> PatientModResult:
        """Registers the patient (class 01) or, if ORCA has them, updates them (class 02) with the insurance and
        公費 of the merged view."""
        record = orca_patient(patient, merged)
        if self.client.get_patient(patient.patient_id) is None:
            return self.client.register_patient(record)
        return self.client.update_patient(record)

    def accept(self, visit: Visit, choice: OrcaChoice) -> AcceptanceResult:
        at = visit.checked_in_at if visit.checked_in_at.tzinfo is None else visit.checked_in_at.astimezone()
        return self.client.register_acceptance(AcceptanceInput(
            patient_id=visit.patient_id, department_code=choice.department.code,
            physician_code=choice.physician.code, accepted_at=at.replace(tzinfo=None)))

    def cancel(self, visit: Visit, acceptance_id: str) -> AcceptanceResult:
        return self.client.cancel_acceptance(visit.patient_id, acceptance_id, visit.visit_date)

    def hand_off(self, patient: Patient, merged: MergedEligibility | None, visit: Visit,
                 choice: OrcaChoice) -> tuple[PatientModResult, AcceptanceResult]:
        return self.send_patient(patient, merged), self.accept(visit, choice)
