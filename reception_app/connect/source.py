"""One interface over the three ways eligibility reaches the desk: face folder, req/res files, PIN gateway.

The reception flow calls `source.fetch(query)` off the GUI thread and gets an `EligibilityOutcome` (parsed result,
PMH subsidies, the raw file, which path it came from and when). Each source needs different parts of the query:
- `FaceFolderSource`: `face_match` (which waiting result belongs to this session) and `since`;
- `ReqResSource`: `insurance` (保険者番号, 記号, 番号, 枝番, 生年月日);
- `GatewaySource`: `signer` (the card, after the PIN) and `consents`.
"""

from __future__ import annotations

import abc
import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import ClassVar, Protocol

from reception_app.connect import gateway_protocol as proto
from reception_app.connect.errors import ConnectError, GatewayProtocolError, OqsResultError
from reception_app.connect.face_watcher import FaceDelivery, FaceWatcher, Held, Spawn
from reception_app.connect.gateway_client import GatewayClient
from reception_app.connect.reqres import ReqResClient
from reception_app.eligibility.errors import ResultFileError
from reception_app.eligibility.models import QualificationResult, Subsidy
from reception_app.eligibility.xml import parse_result


class SourceKind(StrEnum):
    FACE = "face"
    REQRES = "reqres"
    GATEWAY = "gateway"


class QueryNotSupported(ConnectError):
    code = "query_not_supported"
    default_message = "This eligibility source cannot answer this kind of query."


class FaceResultTimeout(ConnectError):
    code = "face_result_timeout"
    default_message = "No result arrived from the face reader in time."


class AmbiguousFaceResult(ConnectError):
    code = "face_result_ambiguous"
    default_message = "Several face-reader results could belong to this patient; choose one by hand."


class OqsStillProcessing(OqsResultError):
    code = "oqs_still_processing"
    default_message = "The online qualification system has not finished; please try again."


@dataclass(frozen=True)
class InsuranceKey:
    insurer_number: str
    symbol: str | None
    number: str
    branch: str | None
    birth_date: dt.date | str


class ChallengeSigner(Protocol):
    """The card side of the PIN path: signs `data` with the authentication key (PIN already verified)."""

    def sign(self, data: bytes) -> tuple[bytes, bytes]:
        """Returns (signature, authentication certificate DER)."""
        ...


@dataclass(frozen=True)
class EligibilityQuery:
    visit_date: dt.date = field(default_factory=dt.date.today)
    insurance: InsuranceKey | None = None
    signer: ChallengeSigner | None = None
    consents: proto.Consents = field(default_factory=proto.Consents)
    face_match: Callable[[QualificationResult], bool] | None = None
    since: float | None = None  # time.monotonic() when the session opened: older face results are not ours


@dataclass(frozen=True)
class EligibilityOutcome:
    result: QualificationResult
    subsidies: tuple[Subsidy, ...]
    raw: bytes
    source: SourceKind
    confirmed_at: dt.datetime
    reference: str = ""  # face delivery id, req/res file identifier or gateway challenge id
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step (benchmarks, diagnostics)
    # Face results offered again (after a handler failure or a restart): when first offered (local time), and the
    # reason it was held for the staff when the app last stopped (None: it was not held).
    received_at: dt.datetime | None = None
    held_reason: str | None = None


def outcome_from(
    raw: bytes,
    result: QualificationResult,
    source: SourceKind,
    reference: str = "",
    timings: dict[str, float] | None = None,
) -> EligibilityOutcome:
    return EligibilityOutcome(
        result=result,
        subsidies=tuple(result.all_subsidies()),
        raw=raw,
        source=source,
        confirmed_at=dt.datetime.now(dt.UTC),
        reference=reference,
        timings=timings or {},
    )


class EligibilitySource(abc.ABC):
    kind: ClassVar[SourceKind]

    @abc.abstractmethod
    def fetch(self, query: EligibilityQuery, *, timeout: float | None = None) -> EligibilityOutcome:
        """Blocks (call it off the GUI thread); raises a ConnectError subclass on failure."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Releases threads and connections."""


class GatewaySource(EligibilitySource):
    kind = SourceKind.GATEWAY

    def __init__(self, client: GatewayClient) -> None:
        self.client = client

    def fetch(self, query: EligibilityQuery, *, timeout: float | None = None) -> EligibilityOutcome:
        if query.signer is None:
            raise QueryNotSupported("The PIN path needs the card (signer) in the query.")
        t0 = time.perf_counter()
        challenge = self.client.get_challenge()
        t1 = time.perf_counter()
        data = challenge.data_to_sign(query.visit_date, self.client.config.institution_code)
        signature, certificate = query.signer.sign(data)
        t2 = time.perf_counter()
        confirmation = self.client.confirm(
            challenge,
            certificate_der=certificate,
            signature=signature,
            visit_date=query.visit_date,
            consents=query.consents,
        )
        t3 = time.perf_counter()
        try:
            result = parse_result(confirmation.result_xml)
        except ResultFileError as exc:
            raise GatewayProtocolError(f"The gateway's result file cannot be read ({exc.problem}).") from exc
        _check_final(result)
        t4 = time.perf_counter()
        timings = {"challenge": t1 - t0, "card_sign": t2 - t1, "confirm": t3 - t2, "parse": t4 - t3}
        return outcome_from(confirmation.result_xml, result, self.kind, challenge.challenge_id, timings)

    def close(self) -> None:
        self.client.close()


class ReqResSource(EligibilitySource):
    kind = SourceKind.REQRES

    def __init__(self, client: ReqResClient) -> None:
        self.client = client

    def fetch(self, query: EligibilityQuery, *, timeout: float | None = None) -> EligibilityOutcome:
        key = query.insurance
        if key is None:
            raise QueryNotSupported("The request/response path needs the insurance numbers in the query.")
        answer = self.client.qualify(
            insurer_number=key.insurer_number,
            symbol=key.symbol,
            number=key.number,
            branch=key.branch,
            birth_date=key.birth_date,
            visit_date=query.visit_date,
            timeout=timeout,
        )
        return outcome_from(answer.raw, answer.result, self.kind, answer.file_identifier)


class FaceFolderSource(EligibilitySource):
    """Runs a FaceWatcher. Every result goes to `sink` (durable: the reception layer stores it, deduping on
    `outcome.reference` = delivery id) and into an inbox that `fetch` matches against an open session.

    A sink that returns `Held(reason)` kept the result for the staff: it stays un-settled in the ledger (offered again
    after a restart, with `held_reason` and `received_at`) until `settle(outcome.reference)`. A result offered again
    because it was held does not go into the inbox again (it is not new)."""

    kind = SourceKind.FACE

    def __init__(
        self,
        folder: Path,
        *,
        ledger_dir: Path,
        sink: Callable[[EligibilityOutcome], Held | None] | None = None,
        poll_interval: float = 1.0,
        archive_dir: Path | None = None,
        inbox_limit: int = 200,
        spawn: Spawn | None = None,
    ) -> None:
        self.sink = sink
        self._inbox: list[tuple[float, EligibilityOutcome]] = []
        self._cond = threading.Condition()
        self._inbox_limit = inbox_limit
        self.watcher: FaceWatcher[QualificationResult] = FaceWatcher(
            folder, self._accept, parse=parse_result, ledger_dir=ledger_dir, poll_interval=poll_interval,
            archive_dir=archive_dir, spawn=spawn,
        )
        self.watcher.start()

    def _accept(self, delivery: FaceDelivery[QualificationResult]) -> Held | None:
        outcome = replace(
            outcome_from(delivery.data, delivery.result, self.kind, delivery.delivery_id),
            received_at=delivery.first_offered_at.astimezone() if delivery.first_offered_at is not None else None,
            held_reason=delivery.held_reason,
        )
        answer = self.sink(outcome) if self.sink is not None else None  # raising = not accepted: offered again
        if delivery.held_reason is None:
            with self._cond:
                self._inbox.append((time.monotonic(), outcome))
                del self._inbox[: max(0, len(self._inbox) - self._inbox_limit)]
                self._cond.notify_all()
        return answer

    def settle(self, reference: str) -> bool:
        """The staff dealt with a result the sink held (checked in with it, or discarded it): `done` in the ledger,
        the file archived. False if it was not held. Blocks briefly (fsync, file move)."""
        return self.watcher.settle(reference)

    def fetch(self, query: EligibilityQuery, *, timeout: float | None = None) -> EligibilityOutcome:
        if query.face_match is None:
            raise QueryNotSupported("The face path needs a way to recognise this patient's result.")
        deadline = time.monotonic() + (60.0 if timeout is None else timeout)
        since = query.since if query.since is not None else float("-inf")
        with self._cond:
            while True:
                matches = [
                    item for item in self._inbox if item[0] >= since and query.face_match(item[1].result)
                ]
                if len(matches) > 1:
                    raise AmbiguousFaceResult()  # never guess among several candidates
                if matches:
                    self._inbox.remove(matches[0])
                    _check_final(matches[0][1].result)
                    return matches[0][1]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise FaceResultTimeout()
                self._cond.wait(remaining)

    def close(self) -> None:
        self.watcher.stop()


def _check_final(result: QualificationResult) -> None:
    segment = (result.header.segment_of_result or "1").strip()
    if segment != "1":
        raise OqsStillProcessing(
            error_code=result.header.error_code or "", error_message=result.header.error_message or ""
        )
    if result.processing_result_status not in (None, "1"):
        raise OqsResultError(
            error_code=result.processing_result_code or "", error_message=result.processing_result_message or ""
        )
