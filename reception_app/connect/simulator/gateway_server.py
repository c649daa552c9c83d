"""The simulated eligibility gateway: protocol v1 (docs/gateway-protocol.md) on 127.0.0.1, stdlib HTTP server.

It checks what a real gateway must: a fresh single-use challenge (expiry, replay refused), the authentication
certificate issued by a trusted CA (the project's test CA) and within its validity (plus the 3-month grace during
which an expired card still works as 保険証), and the card's RSA PKCS#1 v1.5 signature over the signed data. The
certificate's subject CN selects the OQS profile. Revocation (CRL/OCSP) is not simulated.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import logging
import secrets
import ssl
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from pydantic import ValidationError

from reception_app.connect import gateway_protocol as proto
from reception_app.connect.simulator.faults import FaultPanel

log = logging.getLogger(__name__)

EXPIRED_CERT_GRACE = dt.timedelta(days=90)  # expired card still usable as 保険証 for 3 months (PRODUCT roster)
MAX_BODY = 256 * 1024
CHALLENGE_MEMORY_S = 600.0  # how long used/expired challenges are remembered (replay vs unknown)


@dataclass
class _ChallengeState:
    nonce: bytes
    expires_at: float  # time.time()
    used: bool = False


class GatewayRejection(Exception):  # the simulated server's control flow, sent as an HTTP error: not an AppError
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


# (profile_id, visit_date, consents, segment_of_result) -> result file bytes
ResultRenderer = Callable[[str, dt.date, proto.Consents, str], bytes]


class GatewayBackend:
    """Protocol logic without HTTP, so it can be reasoned about and tested on its own."""

    def __init__(
        self,
        *,
        trusted_cas: list[x509.Certificate],
        profile_for_subject: Callable[[str], str | None],
        render: ResultRenderer,
        faults: FaultPanel,
        encoding: Callable[[], str] = lambda: "Shift_JIS",
    ) -> None:
        self.trusted_cas = trusted_cas
        self.profile_for_subject = profile_for_subject
        self.render = render
        self.faults = faults
        self.encoding = encoding
        self._challenges: dict[str, _ChallengeState] = {}
        self._lock = threading.Lock()
        self.confirmed: list[str] = []  # profile ids, for tests and the QA panel
        self.consents: list[proto.Consents] = []  # the patient's answers each confirm carried, for tests
        self.requests: Counter[str] = Counter()  # "GET /v1/challenge" -> count, faults included

    def new_challenge(self) -> dict[str, Any]:
        ttl = self.faults.gateway_copy().challenge_ttl_s
        now = time.time()
        challenge_id = secrets.token_urlsafe(18)
        nonce = secrets.token_bytes(proto.NONCE_BYTES)
        with self._lock:
            self._forget_old(now)
            self._challenges[challenge_id] = _ChallengeState(nonce, now + ttl)
        expires = dt.datetime.fromtimestamp(now + ttl, dt.UTC)
        return proto.ChallengeResponse(
            version=1, challenge_id=challenge_id, nonce=base64.b64encode(nonce).decode(), expires_at=expires
        ).model_dump(mode="json")

    def _forget_old(self, now: float) -> None:
        stale = [cid for cid, st in self._challenges.items() if st.expires_at + CHALLENGE_MEMORY_S < now]
        for cid in stale:
            del self._challenges[cid]

    def _spend(self, challenge_id: str) -> bytes:
        """Marks the challenge used (any confirm attempt spends it) and returns its nonce."""
        now = time.time()
        with self._lock:
            state = self._challenges.get(challenge_id)
            if state is None:
                raise GatewayRejection(410, proto.ERROR_CHALLENGE_UNKNOWN, "unknown or forgotten challenge")
            if state.used:
                raise GatewayRejection(409, proto.ERROR_CHALLENGE_REPLAYED, "challenge already used")
            state.used = True
            if now > state.expires_at:
                raise GatewayRejection(410, proto.ERROR_CHALLENGE_EXPIRED, "challenge expired")
            return state.nonce

    def confirm(self, body: Any) -> dict[str, Any]:
        try:
            req = proto.ConfirmRequest.model_validate(body)
        except ValidationError as exc:
            if isinstance(body, dict) and body.get("version") not in (None, proto.PROTOCOL_VERSION):
                raise GatewayRejection(400, proto.ERROR_UNSUPPORTED_VERSION, "unsupported protocol version") from exc
            raise GatewayRejection(400, proto.ERROR_BAD_REQUEST, f"{exc.error_count()} invalid field(s)") from exc
        nonce = self._spend(req.challenge_id)
        cert = self._check_certificate(_b64(req.certificate, "certificate"))
        self._check_signature(cert, _b64(req.signature, "signature"), proto.signed_data(
            nonce, req.visit_date, req.medical_institution_code))
        subject = _common_name(cert)
        profile_id = self.profile_for_subject(subject) if subject else None
        if profile_id is None:
            raise GatewayRejection(404, proto.ERROR_NO_PROFILE, "no eligibility record for this certificate")
        segment = self.faults.gateway_copy().segment_of_result or "1"
        encoding = self.encoding()
        xml = self.render(profile_id, req.visit_date, req.consents, segment)
        with self._lock:
            self.confirmed.append(profile_id)
            self.consents.append(req.consents)
        return proto.ConfirmResponse(
            version=1,
            result_xml=base64.b64encode(xml).decode("ascii"),
            result_encoding=encoding,
            confirmed_at=dt.datetime.now(dt.UTC),
        ).model_dump(mode="json")

    def _check_certificate(self, der: bytes) -> x509.Certificate:
        try:
            cert = x509.load_der_x509_certificate(der)
        except ValueError as exc:
            raise GatewayRejection(400, proto.ERROR_BAD_REQUEST, "certificate is not DER X.509") from exc
        for ca in self.trusted_cas:
            try:
                cert.verify_directly_issued_by(ca)
                break
            except (ValueError, TypeError, InvalidSignature):
                continue
        else:
            raise GatewayRejection(401, proto.ERROR_CERTIFICATE_UNTRUSTED, "certificate not issued by a trusted CA")
        now = dt.datetime.now(dt.UTC)
        if now < cert.not_valid_before_utc or now > cert.not_valid_after_utc + EXPIRED_CERT_GRACE:
            raise GatewayRejection(401, proto.ERROR_CERTIFICATE_EXPIRED, "certificate outside its validity")
        return cert

    @staticmethod
    def _check_signature(cert: x509.Certificate, signature: bytes, data: bytes) -> None:
        key = cert.public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise GatewayRejection(401, proto.ERROR_SIGNATURE_INVALID, "only RSA authentication keys are supported")
        try:
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature as exc:
            raise GatewayRejection(401, proto.ERROR_SIGNATURE_INVALID, "signature does not verify") from exc


def _b64(value: str, what: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise GatewayRejection(400, proto.ERROR_BAD_REQUEST, f"{what} is not base64") from exc


def _common_name(cert: x509.Certificate) -> str | None:
    attrs = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    if not attrs:
        return None
    value = attrs[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


class _Handler(BaseHTTPRequestHandler):
    server: GatewayHttpServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: avoid the 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("gateway %s - %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        path = self.path.split("?", 1)[0]
        try:
            body = self._read_body() if method == "POST" else None
            if path.startswith("/_control"):
                self._send(200, self.server.control(method, path, body))
                return
            with self.server.backend._lock:
                self.server.backend.requests[f"{method} {path}"] += 1
            if not self._apply_faults():
                return
            if method == "GET" and path == proto.CHALLENGE_PATH:
                self._send(200, self.server.backend.new_challenge())
            elif method == "POST" and path == proto.CONFIRM_PATH:
                self._send(200, self.server.backend.confirm(body))
            else:
                raise GatewayRejection(404, proto.ERROR_NOT_FOUND, "no such endpoint")
        except GatewayRejection as rej:
            self._send(rej.status, {"version": 1, "error": {"code": rej.code, "message": rej.message}})
        except ValueError as exc:
            self._send(400, {"version": 1, "error": {"code": proto.ERROR_BAD_REQUEST, "message": str(exc)}})
        except Exception:
            log.exception("gateway simulator failed")
            self._send(500, {"version": 1, "error": {"code": proto.ERROR_INTERNAL, "message": "internal error"}})

    def _read_body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise GatewayRejection(413, proto.ERROR_BAD_REQUEST, "body too large")
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return None
        try:
            return json.loads(raw)
        except ValueError as exc:
            raise GatewayRejection(400, proto.ERROR_BAD_REQUEST, "body is not JSON") from exc

    def _apply_faults(self) -> bool:
        """Latency, hangs, outages, 5xx, dropped connections and malformed bodies. False = already answered."""
        panel = self.server.backend.faults
        faults = panel.gateway_copy()
        delay = faults.latency_ms / 1000.0 + faults.hang_s
        if delay > 0 and self.server.stopping.wait(delay):
            return False
        if faults.drop_connection:
            self.close_connection = True
            self.connection.close()
            return False
        if panel.in_outage():
            self._send(503, {"version": 1, "error": {"code": proto.ERROR_UNAVAILABLE, "message": "outage window"}})
            return False
        status = panel.take_http_failure()
        if status:
            self._send(status, {"version": 1, "error": {"code": proto.ERROR_INTERNAL, "message": "injected fault"}})
            return False
        if faults.malformed:
            self._send_raw(200, b"<html>this is not the gateway protocol", "text/html")
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
            pass  # the client gave up (timeout test): nothing to tell it


class GatewayHttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        port: int,
        backend: GatewayBackend,
        control: Callable[[str, str, Any], Any],
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.backend = backend
        self.control = control
        self.stopping = threading.Event()
        self._ssl_context = ssl_context
        super().__init__(("127.0.0.1", port), _Handler)

    def get_request(self) -> tuple[Any, Any]:
        sock, addr = super().get_request()
        if self._ssl_context is not None:
            sock.settimeout(10.0)  # a client that never finishes the handshake must not block a worker forever
            sock = self._ssl_context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, addr

    def finish_request(self, request: Any, client_address: Any) -> None:
        if isinstance(request, ssl.SSLSocket):
            try:
                request.do_handshake()
            except (ssl.SSLError, OSError):
                return  # e.g. a client that rejected our certificate
            request.settimeout(None)
        super().finish_request(request, client_address)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("gateway simulator connection error from %s", client_address, exc_info=True)

    def shutdown(self) -> None:
        self.stopping.set()
        super().shutdown()
