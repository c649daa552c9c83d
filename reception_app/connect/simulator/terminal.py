"""The simulated OQS terminal (資格確認端末): writes face results and answers `req` files in `res`.

Folder layout as on a real terminal share: `<root>/face`, `<root>/req`, `<root>/res`. Faults imitate what clinics
see: slow (partial) writes, files taken away by other software right after writing, duplicates, "still processing"
answers and malformed files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import secrets
import threading
import time
from pathlib import Path

from reception_app.connect.simulator.faults import FaultPanel, TerminalFaults
from reception_app.connect.simulator.profiles import (
    DEFAULT_INSTITUTION_CODE,
    ProfileSet,
    build_result,
    face_file_name,
    render_result,
    search_key_of,
)
from reception_app.eligibility.errors import ResultFileError
from reception_app.eligibility.models import (
    QualificationRequest,
    QualificationResult,
    ReferenceRegistrationRequest,
    ReferenceRegistrationResult,
    ResultHeader,
)
from reception_app.eligibility.xml import parse_request, write_reference_registration_result

log = logging.getLogger(__name__)

REQ_PATTERN = re.compile(r"^(OQSsiquc01|OQSsiimm01)req_(.+)\.xml$", re.IGNORECASE)


def write_slowly(path: Path, data: bytes, pause_s: float) -> None:
    """Writes the first half, pauses (the file is visible and incomplete), then the rest, like a slow SMB copy."""
    with open(path, "wb") as fh:
        if pause_s > 0:
            half = len(data) // 2
            fh.write(data[:half])
            fh.flush()
            time.sleep(pause_s)
            fh.write(data[half:])
        else:
            fh.write(data)


class TerminalSimulator:
    def __init__(
        self,
        root: Path,
        profiles: ProfileSet,
        faults: FaultPanel | None = None,
        *,
        institution_code: str = DEFAULT_INSTITUTION_CODE,
        poll_interval: float = 0.05,
    ) -> None:
        self.root = Path(root)
        self.face_dir = self.root / "face"
        self.req_dir = self.root / "req"
        self.res_dir = self.root / "res"
        for folder in (self.face_dir, self.req_dir, self.res_dir):
            folder.mkdir(parents=True, exist_ok=True)
        self.profiles = profiles
        self.faults = faults or FaultPanel()
        self.institution_code = institution_code
        self.poll_interval = poll_interval
        self.registered_reference_numbers: dict[str, str] = {}  # profile id -> 照会番号 registered here
        self.answered: list[str] = []  # req file names answered
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # --- face folder ----------------------------------------------------------------------------------------------

    def result_for(
        self,
        profile_id: str,
        *,
        visit_date: dt.date | None = None,
        segment_of_result: str = "1",
        reference_classification: str = "1",
        file_identifier: str | None = None,
        encoding: str = "Shift_JIS",
    ) -> QualificationResult:
        profile = self.profiles.get(profile_id)
        with self._lock:
            ref = self.registered_reference_numbers.get(profile_id)
        if ref:
            profile = profile.model_copy(update={"reference_number": ref})
        return build_result(
            profile,
            visit_date=visit_date or dt.date.today(),
            institution_code=self.institution_code,
            segment_of_result=segment_of_result,
            reference_classification=reference_classification,
            file_identifier=file_identifier,
            encoding=encoding,
        )

    def face_bytes(self, profile_id: str, *, visit_date: dt.date | None = None, encoding: str | None = None) -> bytes:
        enc = encoding or self.faults.terminal_copy().encoding
        return render_result(self.result_for(profile_id, visit_date=visit_date, encoding=enc), enc)

    def new_face_name(self, when: dt.datetime | None = None) -> str:
        return face_file_name(self.institution_code, secrets.token_hex(8), when or dt.datetime.now())

    def simulate_reader(self, profile_id: str, *, visit_date: dt.date | None = None) -> list[Path]:
        """A patient authenticated at the face reader: writes the result file (with the current faults)."""
        faults = self.faults.terminal_copy()
        data = b"<XmlMsg><MessageHeader>" if faults.malformed else self.face_bytes(profile_id, visit_date=visit_date)
        return self.write_face_file(
            data,
            self.new_face_name(),
            partial_write_s=faults.partial_write_s,
            rename_away=faults.rename_away,
            duplicate=faults.duplicate,
        )

    def write_face_file(
        self,
        data: bytes,
        name: str,
        *,
        partial_write_s: float = 0.0,
        rename_away: str = "",
        duplicate: bool = False,
    ) -> list[Path]:
        """Writes one face file; returns where its copies finally are (after renames and duplicates)."""
        path = self.face_dir / name
        write_slowly(path, data, partial_write_s)
        final = [path]
        if rename_away == "trash":  # MynaReception: other software moves files into face/trash
            trash = self.face_dir / "trash"
            trash.mkdir(exist_ok=True)
            os.replace(path, trash / name)
            final = [trash / name]
        elif rename_away == "rename":  # renamed in place by other software, still matching the pattern
            renamed = path.with_name(path.stem + "_moved.xml")
            os.replace(path, renamed)
            final = [renamed]
        if duplicate:
            copy = self.face_dir / (path.stem + "_dup.xml")
            write_slowly(copy, data, 0.0)
            final.append(copy)
        return final

    # --- req/res -------------------------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="oqs-terminal", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def _run(self) -> None:
        pending: dict[str, float] = {}
        while not self._stop.is_set():
            try:
                names = sorted(n for n in os.listdir(self.req_dir) if REQ_PATTERN.match(n))
            except OSError:
                names = []
            for name in names:
                if name not in pending:
                    pending[name] = time.monotonic()
                    threading.Thread(target=self._answer, args=(name,), daemon=True).start()
            for name in list(pending):
                if name not in names and time.monotonic() - pending[name] > 60:
                    del pending[name]
            self._stop.wait(self.poll_interval)

    def _answer(self, req_name: str) -> None:
        try:
            self._answer_unsafe(req_name)
        except Exception:
            log.exception("terminal simulator failed to answer %s", req_name)

    def _answer_unsafe(self, req_name: str) -> None:
        faults = self.faults.terminal_copy()
        req_path = self.req_dir / req_name
        data = b""
        for _ in range(40):  # the client writes atomically, but be as tolerant as the real terminal
            try:
                data = req_path.read_bytes()
                parsed = parse_request(data)
                break
            except (OSError, ResultFileError):
                if self._stop.wait(0.05):
                    return
        else:
            log.warning("terminal simulator: unreadable request %s", req_name)
            return
        if faults.res_latency_ms and self._stop.wait(faults.res_latency_ms / 1000):
            return
        res_path = self.res_dir / re.sub("req", "res", req_name, count=1, flags=re.IGNORECASE)
        enc = faults.encoding
        for _ in range(faults.processing_before_final):
            self._write_res(res_path, self._processing_answer(parsed, enc), faults)
            if self._stop.wait(0.1):
                return
        if faults.segment_of_result and faults.segment_of_result != "1":
            answer = self._processing_answer(parsed, enc, faults.segment_of_result)
        elif faults.malformed:
            answer = b"<XmlMsg><MessageHeader><SegmentOfResult>1"
        elif isinstance(parsed, ReferenceRegistrationRequest):
            answer = self._register(parsed, enc)
        else:
            answer = self._qualify(parsed, enc)
        self._write_res(res_path, answer, faults)
        with contextlib.suppress(OSError):
            req_path.unlink()  # the terminal consumes the request
        with self._lock:
            self.answered.append(req_name)

    def _write_res(self, path: Path, data: bytes, faults: TerminalFaults) -> None:
        if faults.partial_write_s:
            write_slowly(path, data, faults.partial_write_s)
            return
        tmp = path.with_name("." + path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)

    def _processing_answer(
        self, req: QualificationRequest | ReferenceRegistrationRequest, encoding: str, segment: str = "2"
    ) -> bytes:
        header = ResultHeader(
            process_execution_time=dt.datetime.now().strftime("%Y%m%d%H%M%S"),
            medical_institution_code=self.institution_code,
            arbitrary_file_identifier=req.arbitrary_file_identifier,
            segment_of_result=segment,
            error_code="EOQS0001" if segment == "2" else "EOQS9999",
            error_message="処理中です（シミュレータ）" if segment == "2" else "異常終了（シミュレータ）",
            character_code_identifier="1" if encoding.lower() != "utf-8" else "0",
        )
        return render_result(QualificationResult(header=header), encoding)

    def _qualify(self, req: QualificationRequest, encoding: str) -> bytes:
        info = req.search_info
        key = search_key_of(info.insurer_number, info.symbol, info.number, info.branch, info.birth_date)
        profile_id = self.profiles.for_search(key)
        visit = _date_or_today(req.qualification_confirmation_date)
        if profile_id is None:
            header = ResultHeader(
                process_execution_time=dt.datetime.now().strftime("%Y%m%d%H%M%S"),
                qualification_confirmation_date=visit.strftime("%Y%m%d"),
                medical_institution_code=self.institution_code,
                arbitrary_file_identifier=req.arbitrary_file_identifier,
                reference_classification="2",
                segment_of_result="1",
                character_code_identifier="1" if encoding.lower() != "utf-8" else "0",
            )
            result = QualificationResult(
                header=header, processing_result_status="1", qualification_validity="4", search_info=info
            )
            return render_result(result, encoding)
        result = self.result_for(
            profile_id,
            visit_date=visit,
            reference_classification="2",
            file_identifier=req.arbitrary_file_identifier,
            encoding=encoding,
        ).model_copy(update={"search_info": info})
        return render_result(result, encoding)

    def _register(self, req: ReferenceRegistrationRequest, encoding: str) -> bytes:
        info = req.info
        key4 = search_key_of(info.insurer_number, info.symbol, info.number, info.branch, "")[:4]
        match = next((pid for pid, p in self.profiles.by_id.items() if p.search_key()[:4] == key4), None)
        ok = match is not None and bool(info.reference_number)
        if match is not None and info.reference_number:
            with self._lock:
                self.registered_reference_numbers[match] = info.reference_number
        result = ReferenceRegistrationResult(
            header=ResultHeader(
                process_execution_time=dt.datetime.now().strftime("%Y%m%d%H%M%S"),
                medical_institution_code=self.institution_code,
                arbitrary_file_identifier=req.arbitrary_file_identifier,
                segment_of_result="1",
                character_code_identifier="1" if encoding.lower() != "utf-8" else "0",
            ),
            processing_result_status="1" if ok else "2",
            processing_result_code=None if ok else "EOQS1404",
            processing_result_message=None if ok else "該当する資格情報がありません（シミュレータ）",
            info=info,
        )
        return write_reference_registration_result(result, encoding)


def _date_or_today(text: str | None) -> dt.date:
    try:
        return dt.datetime.strptime((text or "").strip(), "%Y%m%d").date()
    except ValueError:
        return dt.date.today()
