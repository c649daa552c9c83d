"""HTTPS client of the eligibility gateway (PIN path). Protocol: docs/gateway-protocol.md.

Only the challenge request (GET, creates nothing the client depends on) is retried, with exponential backoff; the
confirm call spends a single-use challenge and is never retried. Every call is bounded by `total_timeout`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import logging
import ssl
import time
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from reception_app.config import DEFAULTS
from reception_app.connect import gateway_protocol as proto
from reception_app.connect.errors import (
    ChallengeExpired,
    ChallengeReplayed,
    GatewayError,
    GatewayProtocolError,
    GatewayRequestRejected,
    GatewayTimeout,
    GatewayTlsError,
    GatewayUnavailable,
    SignatureRejected,
)
from reception_app.connect.tls import TlsConfig, build_transport

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

# Server error code -> client exception. One table, easy to extend.
SERVER_ERRORS: dict[str, type[GatewayError]] = {
    proto.ERROR_CHALLENGE_EXPIRED: ChallengeExpired,
    proto.ERROR_CHALLENGE_UNKNOWN: ChallengeExpired,  # forgotten by the server = too old
    proto.ERROR_CHALLENGE_REPLAYED: ChallengeReplayed,
    proto.ERROR_SIGNATURE_INVALID: SignatureRejected,
    proto.ERROR_CERTIFICATE_UNTRUSTED: SignatureRejected,
    proto.ERROR_CERTIFICATE_EXPIRED: SignatureRejected,
    proto.ERROR_UNAVAILABLE: GatewayUnavailable,
    proto.ERROR_INTERNAL: GatewayUnavailable,
}


@dataclass(frozen=True)
class GatewayConfig:
    base_url: str
    institution_code: str
    # defaults: the option declarations (reception_app/config/site.py)
    connect_timeout: float = DEFAULTS.gateway_connect_timeout_s
    read_timeout: float = DEFAULTS.gateway_read_timeout_s
    total_timeout: float = DEFAULTS.gateway_query_timeout_s  # upper bound for one public call, retries included
    challenge_retries: int = 2
    backoff_initial: float = 0.2
    backoff_max: float = 2.0
    tls: TlsConfig = field(default_factory=TlsConfig)


@dataclass(frozen=True)
class Challenge:
    challenge_id: str
    nonce: bytes
    expires_at: dt.datetime

    def data_to_sign(self, visit_date: dt.date, institution_code: str) -> bytes:
        return proto.signed_data(self.nonce, visit_date, institution_code)


@dataclass(frozen=True)
class GatewayConfirmation:
    result_xml: bytes
    result_encoding: str
    confirmed_at: dt.datetime


class GatewayClient:
    def __init__(self, config: GatewayConfig, *, transport: httpx.BaseTransport | None = None) -> None:
        self.config = config
        self._client = httpx.Client(
            base_url=config.base_url.rstrip("/"),
            transport=transport or build_transport(config.tls),
            headers={"Accept": "application/json", "User-Agent": "reception-app gateway client/1"},
            follow_redirects=False,
        )

    def __enter__(self) -> GatewayClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # --- calls --------------------------------------------------------------------------------------------------

    def get_challenge(self) -> Challenge:
        deadline = time.monotonic() + self.config.total_timeout
        delay = self.config.backoff_initial
        attempt = 0
        while True:
            try:
                body = self._call("GET", proto.CHALLENGE_PATH, None, deadline)
                parsed = _validate(proto.ChallengeResponse, body)
                return Challenge(parsed.challenge_id, _b64(parsed.nonce, "nonce"), parsed.expires_at)
            except (GatewayUnavailable, GatewayTimeout) as exc:
                attempt += 1
                remaining = deadline - time.monotonic()
                if attempt > self.config.challenge_retries or remaining <= delay:
                    raise
                log.info("gateway challenge failed (%s); retry %d in %.2fs", exc.code, attempt, delay)
                time.sleep(delay)
                delay = min(delay * 2, self.config.backoff_max)

    def confirm(
        self,
        challenge: Challenge,
        *,
        certificate_der: bytes,
        signature: bytes,
        visit_date: dt.date,
        consents: proto.Consents | None = None,
    ) -> GatewayConfirmation:
        request = proto.ConfirmRequest(
            version=1,
            challenge_id=challenge.challenge_id,
            certificate=base64.b64encode(certificate_der).decode("ascii"),
            signature=base64.b64encode(signature).decode("ascii"),
            visit_date=visit_date,
            medical_institution_code=self.config.institution_code,
            consents=consents or proto.Consents(),
        )
        deadline = time.monotonic() + self.config.total_timeout
        body = self._call("POST", proto.CONFIRM_PATH, request.model_dump(mode="json"), deadline)
        parsed = _validate(proto.ConfirmResponse, body)
        return GatewayConfirmation(_b64(parsed.result_xml, "result_xml"), parsed.result_encoding, parsed.confirmed_at)

    # --- plumbing -----------------------------------------------------------------------------------------------

    def _call(self, method: str, path: str, payload: dict[str, Any] | None, deadline: float) -> Any:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise GatewayTimeout()
        timeout = httpx.Timeout(
            connect=min(self.config.connect_timeout, remaining),
            read=min(self.config.read_timeout, remaining),
            write=min(self.config.read_timeout, remaining),
            pool=min(self.config.connect_timeout, remaining),
        )
        try:
            response = self._client.request(method, path, json=payload, timeout=timeout)
        except GatewayError:
            raise  # raised by the pinning check during the handshake
        except httpx.TimeoutException as exc:
            raise GatewayTimeout() from exc
        except httpx.TransportError as exc:
            if _is_tls_failure(exc):
                raise GatewayTlsError() from exc
            raise GatewayUnavailable() from exc
        return _interpret(response)


def _interpret(response: httpx.Response) -> Any:
    status = response.status_code
    body: Any = None
    try:
        body = response.json()
    except ValueError:
        body = None
    if 200 <= status < 300:
        if body is None:
            raise GatewayProtocolError("The eligibility gateway's answer is not JSON.")
        return body
    server_code = ""
    if isinstance(body, dict):
        try:
            server_code = proto.ErrorResponse.model_validate(body).error.code
        except ValidationError:
            server_code = ""
    exc_type = SERVER_ERRORS.get(server_code)
    if exc_type is not None:
        raise exc_type()
    if status >= 500:
        raise GatewayUnavailable(f"The eligibility gateway answered with a server error (HTTP {status}).")
    if status == 401 or status == 403:
        raise SignatureRejected()
    raise GatewayRequestRejected(
        f"The eligibility gateway refused the request (HTTP {status}, {server_code or 'no code'}).",
        server_code=server_code,
    )


def _validate(model: type[M], body: Any) -> M:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise GatewayProtocolError(
            f"The eligibility gateway's answer is malformed ({exc.error_count()} problem(s) in {model.__name__})."
        ) from exc


def _b64(value: str, what: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise GatewayProtocolError(f"The eligibility gateway sent an invalid {what}.") from exc


def _is_tls_failure(exc: BaseException) -> bool:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, ssl.SSLError):
            return True
        text = str(cur)
        if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text or "TLS" in text:
            return True
        cur = cur.__cause__ or cur.__context__
    return False
