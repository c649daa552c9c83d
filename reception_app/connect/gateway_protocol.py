"""Wire format of the eligibility gateway, version 1 (documented in docs/gateway-protocol.md).

Shared by the client (`gateway_client`) and the simulator's server, so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
CHALLENGE_PATH = "/v1/challenge"
CONFIRM_PATH = "/v1/confirm"
SIGNED_DATA_PREFIX = b"reception-app/eligibility-gateway/v1\x00"
NONCE_BYTES = 32

# Error codes the server may send (body `error.code`), mapped to client exceptions in gateway_client.
ERROR_CHALLENGE_EXPIRED = "challenge_expired"
ERROR_CHALLENGE_REPLAYED = "challenge_replayed"
ERROR_CHALLENGE_UNKNOWN = "challenge_unknown"
ERROR_SIGNATURE_INVALID = "signature_invalid"
ERROR_CERTIFICATE_UNTRUSTED = "certificate_untrusted"
ERROR_CERTIFICATE_EXPIRED = "certificate_expired"
ERROR_BAD_REQUEST = "bad_request"
ERROR_UNSUPPORTED_VERSION = "unsupported_version"
ERROR_NOT_FOUND = "not_found"
ERROR_NO_PROFILE = "no_eligibility_record"
ERROR_INTERNAL = "internal_error"
ERROR_UNAVAILABLE = "unavailable"


def signed_data(nonce: bytes, visit_date: dt.date, institution_code: str) -> bytes:
    """The exact bytes the card signs (RSA PKCS#1 v1.5 over DigestInfo(SHA-256(these bytes))).

    prefix ‖ nonce (32 raw bytes) ‖ visit date as 8 ASCII digits YYYYMMDD ‖ institution code as 10 ASCII digits.
    Binding the visit date and the institution stops a signature from being replayed elsewhere or on another day.
    """
    return SIGNED_DATA_PREFIX + nonce + visit_date.strftime("%Y%m%d").encode("ascii") + institution_code.encode("ascii")


def signed_digest(nonce: bytes, visit_date: dt.date, institution_code: str) -> bytes:
    """SHA-256 of `signed_data`: what goes into the DigestInfo the card's authentication key signs."""
    return hashlib.sha256(signed_data(nonce, visit_date, institution_code)).digest()


class _Body(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class ChallengeResponse(_Body):
    version: Literal[1]
    challenge_id: str = Field(min_length=8, max_length=128)
    nonce: str  # base64 of NONCE_BYTES random bytes
    expires_at: dt.datetime  # timezone-aware
    signed_data: str = "prefix||nonce||visit_date(YYYYMMDD)||institution_code"


class Consents(_Body):
    """The patient's answers on the consent screens (all default to not consented)."""

    medication_info: bool = False
    diagnosis_info: bool = False
    health_checkup_info: bool = False
    operation_info: bool = False
    limit_application_info: bool = False
    medical_subsidy_info: bool = False  # PMH: 医療費助成の受給者証を利用する


class ConfirmRequest(_Body):
    version: Literal[1]
    challenge_id: str
    certificate: str  # base64 DER of the card's 利用者証明用電子証明書
    signature: str  # base64 RSA signature over DigestInfo(SHA-256(signed_data))
    visit_date: dt.date
    medical_institution_code: str = Field(pattern=r"^[0-9]{10}$")
    consents: Consents = Consents()


class ConfirmResponse(_Body):
    version: Literal[1]
    result_xml: str  # base64 of the OQS result file (OQSsiquc01res format; PMH subsidies inside)
    result_encoding: str = "Shift_JIS"
    confirmed_at: dt.datetime


class ErrorDetail(_Body):
    code: str
    message: str = ""


class ErrorResponse(_Body):
    version: int = PROTOCOL_VERSION
    error: ErrorDetail
