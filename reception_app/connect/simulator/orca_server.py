"""A simulated ORCA (日医標準レセプトソフト) API on 127.0.0.1 (stdlib HTTP server), for tests and the demo.

Written from ORCA's API pages (https://www.orca.med.or.jp/receipt/tec/api/: patientget.html, patientmod.html,
acceptmod.html, systemkanri.html; docs/handoff.md names what each field comes from and what is UNCONFIRMED),
faithful on the fields the connector uses: ORCA's JSON format (`format=json`, one top-level record), Basic auth,
Api_Result / Api_Result_Message, and the results issue 16 handles:

- patientgetv2 (GET ?id=): the patient, or Api_Result 10 when there is none;
- patientmodv2 class 01 (register): 00; 16 when the Patient_ID is taken; K0 (nothing registered) when another
  patient has the same カナ and birth date; class 02 (update): 00, or 10 when there is no such patient;
- acceptmodv2 Request_Number 01 (register the 受付): 00 with a new Acceptance_Id; 10 (no patient), 11/12 (unknown
  department / physician), 16 (the same patient already accepted that day at that department, not cancelled);
  Request_Number 02 (cancel): 00, or 13 when there is no such 受付;
- system01lstv2 Request_Number 01 / 02: the departments and the physicians.

Injectable (`faults`, thread-safe): a latency, an HTTP status for the next N calls, a dropped connection (a refused
answer), and a script of Api_Result codes per endpoint (e.g. `["90", "90"]`: in use by another terminal twice, then
the real answer; `["K3"]`: the real work done, answered with a K-code warning).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeAlias
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)

Record: TypeAlias = dict[str, Any]
MAX_BODY = 256 * 1024

DEFAULT_DEPARTMENTS = (("01", "内科"), ("09", "小児科"), ("26", "眼科"))  # synthetic lists
DEFAULT_PHYSICIANS = (("10001", "シミュレータ　一郎"), ("10002", "シミュレータ　花子"))
DEFAULT_USER = "ormaster"  # the simulator's own synthetic credentials
DEFAULT_PASSWORD = "simulator-only"

# Api_Result_Message of the simulator (the texts are the simulator's; the codes are those docs/handoff.md lists)
MESSAGES = {
    "00": "処理終了", "10": "患者番号に該当する患者が存在しません", "11": "診療科が存在しません",
    "12": "ドクターが存在しません", "13": "受付IDが存在しません", "16": "既に登録されています",
    "90": "他端末使用中", "K0": "同一の患者が存在する可能性があります",
}


@dataclass
class OrcaFaults:
    latency_ms: int = 0
    http_status: int = 0  # answer with this status (e.g. 503, 401); 0 = off
    fail_count: int = 0  # with http_status: only the next N calls (0 = every call while set)
    drop_connection: bool = False  # close the socket without an answer
    api_results: dict[str, list[str]] = field(default_factory=dict)  # endpoint → Api_Result codes to answer next


@dataclass
class Acceptance:
    acceptance_id: str
    patient_id: str
    date: str
    time: str
    department_code: str
    physician_code: str
    cancelled: bool = False


class OrcaState:
    """What the simulated ORCA holds (tests read it; guarded by `lock`)."""

    def __init__(self, departments: Iterable[tuple[str, str]], physicians: Iterable[tuple[str, str]]) -> None:
        self.lock = threading.Lock()
        self.departments = dict(departments)
        self.physicians = dict(physicians)
        self.patients: dict[str, Record] = {}  # Patient_ID → the patientmodreq record as last registered/updated
        self.acceptances: dict[str, Acceptance] = {}
        self.calls: list[tuple[str, str]] = []  # (endpoint, Api_Result), in order
        self._next_acceptance = 0

    def new_acceptance_id(self) -> str:
        self._next_acceptance += 1
        return f"{self._next_acceptance:05d}"


def _now() -> tuple[str, str]:
    now = dt.datetime.now()
    return now.date().isoformat(), now.strftime("%H:%M:%S")


def _answer(name: str, code: str, **fields: Any) -> Record:
    date, time = _now()
    return {name: {"Information_Date": date, "Information_Time": time, "Api_Result": code,
                   "Api_Result_Message": MESSAGES.get(code, "シミュレータの応答"), **fields}}


def _summary(patient_id: str, record: Record) -> Record:
    return {"Patient_ID": patient_id, "WholeName": record.get("WholeName", ""),
            "WholeName_inKana": record.get("WholeName_inKana", ""), "BirthDate": record.get("BirthDate", ""),
            "Sex": record.get("Sex", "")}


class OrcaBackend:
    """The API logic without HTTP."""

    def __init__(self, state: OrcaState, faults: OrcaFaults, faults_lock: threading.Lock) -> None:
        self.state = state
        self.faults = faults
        self._faults_lock = faults_lock

    def scripted(self, endpoint: str) -> str | None:
        with self._faults_lock:
            queue = self.faults.api_results.get(endpoint)
            return queue.pop(0) if queue else None

    def patient_get(self, query: dict[str, str]) -> Record:
        patient_id = query.get("id", "")
        with self.state.lock:
            record = self.state.patients.get(patient_id)
            if record is None:
                return _answer("patientinfores", "10")
            info = {**_summary(patient_id, record),
                    "Home_Address_Information": record.get("Home_Address_Information", {}),
                    "HealthInsurance_Information": [record.get("HealthInsurance_Information", {})]}
            return _answer("patientinfores", "00", Reskey="Patient Info", Patient_Information=info)

    def system_list(self, body: Record, query: dict[str, str]) -> Record:
        request = (body.get("system01_managereq") or {}).get("Request_Number") or query.get("class", "")
        with self.state.lock:
            if request == "01":
                items = [{"Code": c, "WholeName": n, "Name1": n} for c, n in self.state.departments.items()]
                return _answer("departmentres", "00", Department_Information=items)
            if request == "02":
                items = [{"Code": c, "WholeName": n} for c, n in self.state.physicians.items()]
                return _answer("physicianres", "00", Physician_Information=items)
        return _answer("system01_manageres", "91")  # unknown request number

    def patient_mod(self, body: Record, query: dict[str, str], scripted: str | None) -> Record:
        record = body.get("patientmodreq")
        if not isinstance(record, dict):
            raise ValueError("no patientmodreq record")
        patient_id = str(record.get("Patient_ID") or "")
        mod_class = query.get("class", "")
        with self.state.lock:
            if mod_class == "01":
                if patient_id in self.state.patients:
                    return _answer("patientmodres", "16")
                for other_id, other in self.state.patients.items():
                    if (other.get("WholeName_inKana"), other.get("BirthDate")) == (
                            record.get("WholeName_inKana"), record.get("BirthDate")):
                        return _answer("patientmodres", "K0", Patient_Information=_summary(other_id, other))
            elif mod_class == "02":
                if patient_id not in self.state.patients:
                    return _answer("patientmodres", "10")
            else:
                return _answer("patientmodres", "91")
            self.state.patients[patient_id] = record
            return _answer("patientmodres", scripted or "00", Patient_Information=_summary(patient_id, record))

    def accept_mod(self, body: Record, scripted: str | None) -> Record:
        record = body.get("acceptreq")
        if not isinstance(record, dict):
            raise ValueError("no acceptreq record")
        request = record.get("Request_Number", "")
        patient_id = str(record.get("Patient_ID") or "")
        date = str(record.get("Acceptance_Date") or _now()[0])
        with self.state.lock:
            if patient_id not in self.state.patients:
                return _answer("acceptres", "10")
            if request == "02":
                found = self.state.acceptances.get(str(record.get("Acceptance_Id") or ""))
                if found is None or found.patient_id != patient_id or found.cancelled:
                    return _answer("acceptres", "13")
                found.cancelled = True
                return _answer("acceptres", scripted or "00", Acceptance_Id=found.acceptance_id,
                               Acceptance_Date=found.date, Department_Code=found.department_code,
                               Physician_Code=found.physician_code)
            if request != "01":
                return _answer("acceptres", "91")
            department = str(record.get("Department_Code") or "")
            physician = str(record.get("Physician_Code") or "")
            if department not in self.state.departments:
                return _answer("acceptres", "11")
            if physician not in self.state.physicians:
                return _answer("acceptres", "12")
            for existing in self.state.acceptances.values():
                if (existing.patient_id, existing.date, existing.department_code, existing.cancelled) == (
                        patient_id, date, department, False):
                    return _answer("acceptres", "16")
            acceptance = Acceptance(self.state.new_acceptance_id(), patient_id, date,
                                    str(record.get("Acceptance_Time") or _now()[1]), department, physician)
            self.state.acceptances[acceptance.acceptance_id] = acceptance
            return _answer("acceptres", scripted or "00", Reskey="Acceptance_Info",
                           Acceptance_Id=acceptance.acceptance_id, Acceptance_Date=acceptance.date,
                           Acceptance_Time=acceptance.time, Department_Code=department,
                           Department_WholeName=self.state.departments[department], Physician_Code=physician,
                           Physician_WholeName=self.state.physicians[physician],
                           Patient_Information=_summary(patient_id, self.state.patients[patient_id]))


ROUTES = {
    ("GET", "/api01rv2/patientgetv2"): "patientgetv2",
    ("POST", "/api01rv2/system01lstv2"): "system01lstv2",
    ("POST", "/orca12/patientmodv2"): "patientmodv2",
    ("POST", "/orca11/acceptmodv2"): "acceptmodv2",
}
RESPONSE_NAMES = {"patientgetv2": "patientinfores", "system01lstv2": "system01_manageres",
                  "patientmodv2": "patientmodres", "acceptmodv2": "acceptres"}


class _Handler(BaseHTTPRequestHandler):
    server: OrcaHttpServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("orca simulator %s - %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        sim = self.server.simulator
        try:
            body = self._read_body() if method == "POST" else {}
            if not self._authorised():
                self._send(401, {"error": "unauthorized"})
                return
            endpoint = ROUTES.get((method, url.path))
            if endpoint is None:
                self._send(404, {"error": "no such API"})
                return
            if not self._apply_faults():
                return
            if query.get("format") != "json":
                self._send_raw(200, b"<xmlio2><error>xml2 only without format=json</error></xmlio2>",
                               "application/xml")
                return
            answer = self._answer(endpoint, body, query)
            (inner,) = answer.values()
            with sim.state.lock:
                sim.state.calls.append((endpoint, str(inner.get("Api_Result", ""))))
            self._send(200, answer)
        except ValueError as exc:
            self._send(400, {"error": str(exc)})
        except Exception:
            log.exception("orca simulator failed")
            self._send(500, {"error": "internal error"})

    def _answer(self, endpoint: str, body: Record, query: dict[str, str]) -> Record:
        backend = self.server.simulator.backend
        scripted = backend.scripted(endpoint)
        if scripted is not None and not scripted.startswith("K"):  # an error: ORCA did nothing
            return _answer(RESPONSE_NAMES[endpoint], scripted)
        if endpoint == "patientgetv2":
            return backend.patient_get(query)
        if endpoint == "system01lstv2":
            return backend.system_list(body, query)
        if endpoint == "patientmodv2":
            return backend.patient_mod(body, query, scripted)
        return backend.accept_mod(body, scripted)

    def _authorised(self) -> bool:
        sim = self.server.simulator
        if not sim.user:
            return True
        expected = "Basic " + base64.b64encode(f"{sim.user}:{sim.password}".encode()).decode("ascii")
        return self.headers.get("Authorization", "") == expected

    def _read_body(self) -> Record:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ValueError("body too large")
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return {}
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("body is not a JSON object")
        return data

    def _apply_faults(self) -> bool:
        sim = self.server.simulator
        with sim.faults_lock:
            faults = sim.faults
            latency, drop = faults.latency_ms / 1000.0, faults.drop_connection
            status = faults.http_status
            if status and faults.fail_count:
                faults.fail_count -= 1
                if faults.fail_count == 0:
                    faults.http_status = 0
        if latency > 0 and self.server.stopping.wait(latency):
            return False
        if drop:
            self.close_connection = True
            self.connection.close()
            return False
        if status:
            self._send(status, {"error": "injected fault"})
            return False
        return True

    def _send(self, status: int, payload: Any) -> None:
        self._send_raw(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json")

    def _send_raw(self, status: int, data: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the client gave up


class OrcaHttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, simulator: OrcaSimulator) -> None:
        self.simulator = simulator
        self.stopping = threading.Event()
        super().__init__(("127.0.0.1", port), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("orca simulator connection error from %s", client_address, exc_info=True)

    def shutdown(self) -> None:
        self.stopping.set()
        super().shutdown()


class OrcaSimulator:
    """`OrcaSimulator().start()`; `base_url`, `state`, `faults` (change under `faults_lock`, or `inject`), `stop()`."""

    def __init__(self, *, port: int = 0, user: str = DEFAULT_USER, password: str = DEFAULT_PASSWORD,
                 departments: Iterable[tuple[str, str]] = DEFAULT_DEPARTMENTS,
                 physicians: Iterable[tuple[str, str]] = DEFAULT_PHYSICIANS) -> None:
        self.user = user
        self.password = password
        self.state = OrcaState(departments, physicians)
        self.faults = OrcaFaults()
        self.faults_lock = threading.Lock()
        self.backend = OrcaBackend(self.state, self.faults, self.faults_lock)
        self._port = port
        self._server: OrcaHttpServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> OrcaSimulator:
        self._server = OrcaHttpServer(self._port, self)
        self._thread = threading.Thread(target=self._server.serve_forever, name="orca-simulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> OrcaSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def inject(self, *, latency_ms: int | None = None, http_status: int | None = None, fail_count: int | None = None,
               drop_connection: bool | None = None, api_results: dict[str, list[str]] | None = None) -> None:
        """QA panel / tests: set the faults given (the others stay)."""
        with self.faults_lock:
            if latency_ms is not None:
                self.faults.latency_ms = latency_ms
            if http_status is not None:
                self.faults.http_status = http_status
            if fail_count is not None:
                self.faults.fail_count = fail_count
            if drop_connection is not None:
                self.faults.drop_connection = drop_connection
            if api_results is not None:
                self.faults.api_results = {key: list(codes) for key, codes in api_results.items()}

    def active_acceptances(self, patient_id: str) -> list[Acceptance]:
        with self.state.lock:
            return [a for a in self.state.acceptances.values() if a.patient_id == patient_id and not a.cancelled]

    def patient(self, patient_id: str) -> Record | None:
        with self.state.lock:
            record = self.state.patients.get(patient_id)
            return json.loads(json.dumps(record)) if record is not None else None
