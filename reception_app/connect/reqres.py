"""Request/response files on the OQS terminal's share: OQSsiquc01req (資格確認) and OQSsiimm01req (照会番号登録).

A request is written atomically into `req` (a temporary name that does not match the terminal's pattern, then a
rename); the answer is the same name with `req` → `res` in `res`, correlated again by ArbitraryFileIdentifier. An
answer with SegmentOfResult ≠ 1 is not final (the notes disagree on which code means 異常終了): keep waiting until the
timeout. A file that does not parse may be half-written: keep waiting; if it is still unreadable at the deadline,
it is reported as malformed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reception_app.config import DEFAULTS
from reception_app.connect.errors import (
    OqsResultError,
    ReqResFolderError,
    ReqResMalformed,
    ReqResTimeout,
)
from reception_app.eligibility.errors import ResultFileError
from reception_app.eligibility.models import QualificationResult, ReferenceRegistrationResult, ResultHeader
from reception_app.eligibility.xml import (
    parse_reference_registration_result,
    parse_result,
    write_qualification_request,
    write_reference_registration_request,
)

log = logging.getLogger(__name__)

QUALIFICATION_PREFIX = "OQSsiquc01req_"
REFERENCE_PREFIX = "OQSsiimm01req_"

R = TypeVar("R", QualificationResult, ReferenceRegistrationResult)


@dataclass(frozen=True)
class ReqResAnswer:
    result: QualificationResult
    raw: bytes
    file_name: str
    file_identifier: str


@dataclass(frozen=True)
class RegistrationAnswer:
    result: ReferenceRegistrationResult
    raw: bytes
    file_name: str
    file_identifier: str


def new_file_identifier() -> str:
    """ArbitraryFileIdentifier and file-name id: random, letters mixed in (never a long digit run)."""
    return "RA" + secrets.token_hex(8).upper()


class ReqResClient:
    def __init__(
        self,
        share_root: Path,
        *,
        institution_code: str,
        timeout: float = DEFAULTS.reqres_timeout_s,
        poll_interval: float = 0.2,
        encoding: str = "cp932",
        remove_answered: bool = True,
        req_dir: Path | None = None,
        res_dir: Path | None = None,
    ) -> None:
        # the terminal's `req` and `res` folders, under one share unless a site keeps them apart
        self.req_dir = Path(req_dir) if req_dir is not None else Path(share_root) / "req"
        self.res_dir = Path(res_dir) if res_dir is not None else Path(share_root) / "res"
        self.institution_code = institution_code
        self.timeout = timeout
        self.poll_interval = poll_interval
        self.encoding = encoding
        self.remove_answered = remove_answered

    def qualify(
        self,
        *,
        insurer_number: str,
        symbol: str | None,
        number: str,
        branch: str | None,
        birth_date: dt.date | str,
        visit_date: dt.date | None = None,
        limit_consent: bool = True,
        timeout: float | None = None,
    ) -> ReqResAnswer:
        """資格確認 by insurance number; raises ReqResTimeout, ReqResMalformed, OqsResultError, ReqResFolderError."""
        file_id = new_file_identifier()
        data = write_qualification_request(
            insurer_number=insurer_number,
            symbol=symbol,
            number=number,
            branch=branch,
            birth_date=birth_date,
            medical_institution_code=self.institution_code,
            confirmation_date=visit_date or dt.date.today(),
            arbitrary_file_identifier=file_id,
            limit_consent=limit_consent,
            encoding=self.encoding,
        )
        name = f"{QUALIFICATION_PREFIX}{file_id}.xml"
        raw, result = self._exchange(name, data, file_id, parse_result, timeout)
        if result.processing_result_status not in (None, "1"):
            raise OqsResultError(
                error_code=result.processing_result_code or "",
                error_message=result.processing_result_message or "",
            )
        return ReqResAnswer(result, raw, name.replace("req_", "res_", 1), file_id)

    def register_reference_number(
        self,
        *,
        reference_number: str,
        insurer_number: str,
        symbol: str | None,
        number: str,
        branch: str | None,
        timeout: float | None = None,
    ) -> RegistrationAnswer:
        """照会番号 registration (run it in the background: the day's reception must not wait on it)."""
        file_id = new_file_identifier()
        data = write_reference_registration_request(
            reference_number=reference_number,
            insurer_number=insurer_number,
            symbol=symbol,
            number=number,
            branch=branch,
            medical_institution_code=self.institution_code,
            arbitrary_file_identifier=file_id,
            encoding=self.encoding,
        )
        name = f"{REFERENCE_PREFIX}{file_id}.xml"
        raw, result = self._exchange(name, data, file_id, parse_reference_registration_result, timeout)
        if result.processing_result_status not in (None, "1"):
            raise OqsResultError(
                "The 照会番号 registration was refused.",
                error_code=result.processing_result_code or "",
                error_message=result.processing_result_message or "",
            )
        return RegistrationAnswer(result, raw, name.replace("req_", "res_", 1), file_id)

    # --- mechanics ----------------------------------------------------------------------------------------------

    def _exchange(
        self, name: str, data: bytes, file_id: str, parse: Callable[[bytes], R], timeout: float | None
    ) -> tuple[bytes, R]:
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        req_path = self.req_dir / name
        res_path = self.res_dir / name.replace("req_", "res_", 1)
        self._write_atomically(req_path, data)
        last_problem = ""
        last_header: ResultHeader | None = None
        try:
            while True:
                raw = _read_if_present(res_path)
                if raw is not None:
                    try:
                        parsed = parse(raw)
                    except ResultFileError as exc:
                        last_problem = exc.problem  # maybe still being written
                    else:
                        header = parsed.header
                        if header.arbitrary_file_identifier not in (None, "", file_id):
                            last_problem = "identifier_mismatch"
                        elif (header.segment_of_result or "1").strip() == "1":
                            if self.remove_answered:
                                _unlink_quietly(res_path)
                            return raw, parsed
                        else:
                            last_header, last_problem = header, ""
                if time.monotonic() >= deadline:
                    break
                time.sleep(min(self.poll_interval, max(0.0, deadline - time.monotonic())))
        except BaseException:
            _unlink_quietly(req_path)
            raise
        _unlink_quietly(req_path)  # a late answer to a request nobody waits for would only confuse
        if last_problem:
            raise ReqResMalformed(f"The OQS terminal's answer {res_path.name} could not be read ({last_problem}).")
        if last_header is not None:
            raise ReqResTimeout(
                "The OQS terminal was still processing when the time ran out "
                f"(SegmentOfResult {last_header.segment_of_result}, {last_header.error_code or 'no error code'})."
            )
        raise ReqResTimeout()

    def _write_atomically(self, path: Path, data: bytes) -> None:
        if not path.parent.is_dir():
            raise ReqResFolderError(f"The OQS terminal's req folder is not reachable: {path.parent}")
        tmp = path.with_name(f".{path.stem}.tmp")  # does not match OQS*req_*.xml: the terminal ignores it
        try:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            _unlink_quietly(tmp)
            raise ReqResFolderError(f"The request could not be written to the OQS terminal: {exc.strerror}") from exc


def _read_if_present(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None
    except OSError:  # locked by the terminal while it writes
        return None


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
