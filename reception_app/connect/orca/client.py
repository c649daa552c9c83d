"""The ORCA API client: one class over httpx, ORCA's JSON format (`format=json`, one top-level record per request
and answer), HTTPS with Basic auth and/or a client certificate (WebORCA).

Endpoints (ORCA's pages, https://www.orca.med.or.jp/receipt/tec/api/…):

| call | endpoint | page |
|---|---|---|
| `get_patient` | GET /api01rv2/patientgetv2?id=… | patientget.html |
| `departments`, `physicians` | POST /api01rv2/system01lstv2 (Request_Number 01 / 02) | systemkanri.html |
| `register_patient`, `update_patient` | POST /orca12/patientmodv2?class=01 / 02 | patientmod.html |
| `register_acceptance`, `cancel_acceptance` | POST /orca11/acceptmodv2 (Request_Number 01 / 02) | acceptmod.html |

Api_Result, as issue 16 asks it to be handled (docs/handoff.md): all zeros is success; a K-code other than K0 is
success with a warning for the staff; K0 (possible duplicate patient) raises `OrcaPossibleDuplicate` and nothing is
merged; 16 raises `OrcaDuplicate`; 90 (in use by another terminal) is retried with exponential back-off, then
raises `OrcaBusy`; any other code raises `OrcaApiError` naming it. Nothing personal is logged: the log lines name
the endpoint, the Api_Result and the attempt.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeAlias

import httpx

from reception_app.connect.orca.errors import (
    OrcaApiError,
    OrcaAuthFailed,
    OrcaBusy,
    OrcaDuplicate,
    OrcaError,
    OrcaPossibleDuplicate,
    OrcaProtocolError,
    OrcaTimeout,
    OrcaUnavailable,
)
from reception_app.connect.tls import TlsConfig, build_transport

log = logging.getLogger(__name__)

JsonValue: TypeAlias = str | int | float | bool | list["JsonValue"] | dict[str, "JsonValue"] | None
Record: TypeAlias = dict[str, JsonValue]

PATIENT_GET = "/api01rv2/patientgetv2"
SYSTEM_LIST = "/api01rv2/system01lstv2"
PATIENT_MOD = "/orca12/patientmodv2"
ACCEPT_MOD = "/orca11/acceptmodv2"

CLASS_REGISTER = "01"  # patientmodv2 class / acceptmodv2 Request_Number
CLASS_UPDATE = "02"  # patientmodv2 class=02
REQUEST_CANCEL = "02"  # acceptmodv2 Request_Number=02
LIST_DEPARTMENTS = "01"  # system01lstv2 Request_Number
LIST_PHYSICIANS = "02"

RESULT_POSSIBLE_DUPLICATE = "K0"
RESULT_DUPLICATE = "16"
RESULT_BUSY = "90"


@dataclass(frozen=True)
class OrcaConfig:
    base_url: str  # e.g. https://weborca.example.jp or http://orca.local:8000
    user: str = ""  # Basic auth (ORCA user ID); "" = none (a client certificate alone)
    password: str = ""
    tls: TlsConfig = field(default_factory=TlsConfig)  # CA bundle, client certificate (WebORCA)
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    busy_retries: int = 4  # Api_Result 90: tries after the first
    backoff_initial: float = 0.5  # seconds; doubled per try, capped by backoff_max
    backoff_max: float = 4.0


# --- typed inputs ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrcaPublicInsurance:
    """One 公費 as ORCA takes it (PublicInsurance_Information)."""

    payer_number: str  # PublicInsurer_Number (公費負担者番号)
    recipient_number: str  # PublicInsuredPerson_Number (受給者番号)
    start: str = ""  # Certificate_IssuedDate, YYYY-MM-DD
    end: str = ""  # Certificate_ExpiredDate
    class_code: str = ""  # PublicInsurance_Class: ORCA's own 公費の種類 code; "" = ORCA derives it from the number


@dataclass(frozen=True)
class OrcaHealthInsurance:
    """The insurance card (HealthInsurance_Information)."""

    provider_number: str  # InsuranceProvider_Number (保険者番号)
    symbol: str = ""  # HealthInsuredPerson_Symbol (記号)
    number: str = ""  # HealthInsuredPerson_Number (番号)
    branch: str = ""  # HealthInsuredPerson_Branch_Number (枝番)
    relation: str = ""  # RelationToInsuredPerson: 1 本人, 2 家族
    start: str = ""  # Certificate_StartDate
    end: str = ""  # Certificate_ExpiredDate


@dataclass(frozen=True)
class OrcaPatientInput:
    patient_id: str  # Patient_ID: the clinic's patient number
    name: str  # WholeName (漢字)
    kana: str  # WholeName_inKana (カナ)
    birth_date: str  # BirthDate, YYYY-MM-DD
    sex: str  # Sex: 1 男, 2 女
    zip_code: str = ""  # Home_Address_Information.Address_ZipCode
    address: str = ""  # Home_Address_Information.WholeAddress1
    phone: str = ""  # Home_Address_Information.PhoneNumber1
    insurance: OrcaHealthInsurance | None = None  # None: 医療扶助 only, or no insurance
    public: tuple[OrcaPublicInsurance, ...] = ()


@dataclass(frozen=True)
class AcceptanceInput:
    patient_id: str
    department_code: str  # Department_Code, from `departments()`
    physician_code: str  # Physician_Code, from `physicians()`
    accepted_at: dt.datetime  # Acceptance_Date, Acceptance_Time
    medical_information: str = ""  # Medical_Information (診療内容), ORCA's code; "" = ORCA's default


# --- typed results ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrcaWarning:
    code: str  # the K-code, or "" for an Api_Warning_Message
    message: str  # ORCA's text, shown to staff (never logged)


@dataclass(frozen=True)
class OrcaOutcome:
    api_result: str
    message: str
    warnings: tuple[OrcaWarning, ...] = ()
    attempts: int = 1  # > 1 when Api_Result 90 was retried


@dataclass(frozen=True)
class OrcaCode:
    """A department (診療科) or a physician (ドクター) of ORCA's system lists."""

    code: str
    name: str


@dataclass(frozen=True)
class OrcaPatient:
    patient_id: str
    name: str
    kana: str
    birth_date: str
    sex: str


@dataclass(frozen=True)
class PatientModResult:
    patient_id: str
    outcome: OrcaOutcome


@dataclass(frozen=True)
class AcceptanceResult:
    acceptance_id: str
    department_code: str
    physician_code: str
    outcome: OrcaOutcome


# --- the client ------------------------------------------------------------------------------------------------


def _str(record: Record, key: str) -> str:
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


def _record(record: Record, key: str) -> Record:
    value = record.get(key)
    return value if isinstance(value, dict) else {}


def _records(record: Record, key: str) -> list[Record]:
    value = record.get(key)
    return [item for item in value if isinstance(item, dict) and item] if isinstance(value, list) else []


def _non_empty(record: Record) -> Record:
    """ORCA's records without the empty strings (an absent element is left out, not sent empty)."""
    return {key: value for key, value in record.items() if value not in ("", None, [], {})}


def _is_success(code: str) -> bool:
    return bool(code) and set(code) == {"0"}


class OrcaClient:
    def __init__(self, config: OrcaConfig, *, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.config = config
        self._sleep = sleep
        self._client = httpx.Client(
            base_url=config.base_url.rstrip("/"),
            transport=transport or build_transport(config.tls),
            auth=httpx.BasicAuth(config.user, config.password) if config.user else None,
            timeout=httpx.Timeout(config.read_timeout, connect=config.connect_timeout),
            headers={"Accept": "application/json", "User-Agent": "reception-app orca client/1"},
            follow_redirects=False,
        )

    def __enter__(self) -> OrcaClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # --- calls --------------------------------------------------------------------------------------------------

    def get_patient(self, patient_id: str) -> OrcaPatient | None:
        """patientgetv2; None when ORCA has no such patient (Api_Result 10 or 01, see docs/handoff.md)."""
        try:
            record, _ = self._retrying("patientgetv2", lambda: self._call("GET", PATIENT_GET, {"id": patient_id}))
        except OrcaApiError as exc:
            if exc.api_result in ("01", "10") and not isinstance(exc, OrcaBusy):
                return None
            raise
        info = _record(record, "Patient_Information")
        return OrcaPatient(_str(info, "Patient_ID"), _str(info, "WholeName"), _str(info, "WholeName_inKana"),
                           _str(info, "BirthDate"), _str(info, "Sex"))

    def departments(self, base_date: dt.date) -> list[OrcaCode]:
        record = self._system_list(LIST_DEPARTMENTS, base_date)
        return [OrcaCode(_str(r, "Code"), _str(r, "WholeName")) for r in _records(record, "Department_Information")
                if _str(r, "Code")]

    def physicians(self, base_date: dt.date) -> list[OrcaCode]:
        record = self._system_list(LIST_PHYSICIANS, base_date)
        return [OrcaCode(_str(r, "Code"), _str(r, "WholeName")) for r in _records(record, "Physician_Information")
                if _str(r, "Code")]

    def register_patient(self, patient: OrcaPatientInput) -> PatientModResult:
        return self._patient_mod(CLASS_REGISTER, patient)

    def update_patient(self, patient: OrcaPatientInput) -> PatientModResult:
        return self._patient_mod(CLASS_UPDATE, patient)

    def register_acceptance(self, acceptance: AcceptanceInput) -> AcceptanceResult:
        body: Record = {"acceptreq": _non_empty({
            "Request_Number": CLASS_REGISTER,
            "Patient_ID": acceptance.patient_id,
            "Acceptance_Date": acceptance.accepted_at.date().isoformat(),
            "Acceptance_Time": acceptance.accepted_at.strftime("%H:%M:%S"),
            "Department_Code": acceptance.department_code,
            "Physician_Code": acceptance.physician_code,
            "Medical_Information": acceptance.medical_information,
        })}
        return self._acceptance(body)

    def cancel_acceptance(self, patient_id: str, acceptance_id: str, acceptance_date: dt.date) -> AcceptanceResult:
        body: Record = {"acceptreq": {
            "Request_Number": REQUEST_CANCEL,
            "Patient_ID": patient_id,
            "Acceptance_Date": acceptance_date.isoformat(),
            "Acceptance_Id": acceptance_id,
        }}
        return self._acceptance(body)

    # --- helpers ------------------------------------------------------------------------------------------------

    def _system_list(self, request_number: str, base_date: dt.date) -> Record:
        body: Record = {"system01_managereq": {"Request_Number": request_number, "Base_Date": base_date.isoformat()}}
        record, _ = self._retrying("system01lstv2", lambda: self._call(
            "POST", SYSTEM_LIST, {"class": request_number}, body))
        return record

    def _patient_mod(self, mod_class: str, patient: OrcaPatientInput) -> PatientModResult:
        insurance: Record = {}
        if patient.insurance is not None:
            ins = patient.insurance
            insurance = _non_empty({
                "InsuranceProvider_Number": ins.provider_number,
                "HealthInsuredPerson_Symbol": ins.symbol,
                "HealthInsuredPerson_Number": ins.number,
                "HealthInsuredPerson_Branch_Number": ins.branch,
                "RelationToInsuredPerson": ins.relation,
                "Certificate_StartDate": ins.start,
                "Certificate_ExpiredDate": ins.end,
            })
        publics: list[JsonValue] = [_non_empty({
            "PublicInsurance_Class": pub.class_code,
            "PublicInsurer_Number": pub.payer_number,
            "PublicInsuredPerson_Number": pub.recipient_number,
            "Certificate_IssuedDate": pub.start,
            "Certificate_ExpiredDate": pub.end,
        }) for pub in patient.public]
        if publics:
            insurance["PublicInsurance_Information"] = publics
        body: Record = {"patientmodreq": _non_empty({
            "Patient_ID": patient.patient_id,
            "WholeName": patient.name,
            "WholeName_inKana": patient.kana,
            "BirthDate": patient.birth_date,
            "Sex": patient.sex,
            "Home_Address_Information": _non_empty({
                "Address_ZipCode": patient.zip_code, "WholeAddress1": patient.address,
                "PhoneNumber1": patient.phone}),
            "HealthInsurance_Information": insurance,
        })}
        record, outcome = self._retrying("patientmodv2", lambda: self._call(
            "POST", PATIENT_MOD, {"class": mod_class}, body))
        patient_id = _str(_record(record, "Patient_Information"), "Patient_ID") or patient.patient_id
        return PatientModResult(patient_id, outcome)

    def _acceptance(self, body: Record) -> AcceptanceResult:
        record, outcome = self._retrying("acceptmodv2", lambda: self._call("POST", ACCEPT_MOD, {}, body))
        return AcceptanceResult(_str(record, "Acceptance_Id"), _str(record, "Department_Code"),
                                _str(record, "Physician_Code"), outcome)

    def _retrying(self, endpoint: str, call: Callable[[], Record]) -> tuple[Record, OrcaOutcome]:
        """Runs `call` and classifies its Api_Result; 90 is retried with back-off (the request is repeated as is:
        ORCA did nothing while the record was locked)."""
        delay = self.config.backoff_initial
        attempt = 0
        while True:
            attempt += 1
            record = call()
            try:
                return record, _classify(endpoint, record, attempt)
            except OrcaBusy:
                if attempt > self.config.busy_retries:
                    raise
                log.info("orca %s: Api_Result 90 (in use by another terminal); retry %d in %.2fs", endpoint,
                         attempt, delay)
                self._sleep(delay)
                delay = min(delay * 2, self.config.backoff_max)

    def _call(self, method: str, path: str, params: dict[str, str], body: Record | None = None) -> Record:
        query = {**params, "format": "json"}
        try:
            if method == "GET":
                response = self._client.get(path, params=query)
            else:
                response = self._client.post(
                    path, params=query, content=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                    headers={"Content-Type": "application/json; charset=utf-8"})
        except httpx.TimeoutException as exc:
            raise OrcaTimeout() from exc
        except httpx.TransportError as exc:  # refused, reset, TLS
            raise OrcaUnavailable(f"{OrcaUnavailable.default_message} ({type(exc).__name__})") from exc
        if response.status_code in (401, 403):
            raise OrcaAuthFailed()
        if response.status_code >= 500:
            raise OrcaUnavailable(f"{OrcaUnavailable.default_message} (HTTP {response.status_code})")
        if response.status_code != 200:
            raise OrcaProtocolError(f"{OrcaProtocolError.default_message} (HTTP {response.status_code})")
        try:
            data = response.json()
        except ValueError as exc:
            raise OrcaProtocolError() from exc
        if not isinstance(data, dict) or len(data) != 1:
            raise OrcaProtocolError()
        (inner,) = data.values()
        if not isinstance(inner, dict):
            raise OrcaProtocolError()
        return inner


def _classify(endpoint: str, record: Record, attempt: int) -> OrcaOutcome:
    code = _str(record, "Api_Result")
    message = _str(record, "Api_Result_Message")
    extra = tuple(OrcaWarning("", _str(w, "Api_Warning_Message"))
                  for w in _records(record, "Api_Warning_Message_Information") if _str(w, "Api_Warning_Message"))
    if _is_success(code):
        return OrcaOutcome(code, message, extra, attempt)
    if code == RESULT_POSSIBLE_DUPLICATE:
        raise OrcaPossibleDuplicate(code, message, endpoint=endpoint)
    if code.startswith("K"):
        return OrcaOutcome(code, message, (OrcaWarning(code, message), *extra), attempt)
    if code == RESULT_DUPLICATE:
        raise OrcaDuplicate(code, message, endpoint=endpoint)
    if code == RESULT_BUSY:
        raise OrcaBusy(code, message, endpoint=endpoint)
    if not code:
        raise OrcaProtocolError(f"{OrcaProtocolError.default_message} (no Api_Result from {endpoint})")
    raise OrcaApiError(code, message, endpoint=endpoint)


__all__ = [
    "AcceptanceInput", "AcceptanceResult", "OrcaClient", "OrcaCode", "OrcaConfig", "OrcaError", "OrcaHealthInsurance",
    "OrcaOutcome", "OrcaPatient", "OrcaPatientInput", "OrcaPublicInsurance", "OrcaWarning", "PatientModResult",
]
