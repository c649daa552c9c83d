"""Typed errors of the connectivity layer.

Every user-facing error has a stable snake_case `code` (the UI translates by code) and a clear English `str()`.
Messages never contain PINs, insurance numbers or raw payloads.
"""

from __future__ import annotations

from reception_app.errors import AppError


class ConnectError(AppError):
    """Base of every connectivity error."""

    code = "connect_error"
    default_message = "Eligibility could not be obtained."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


# --- request/response files (OQS terminal `req`/`res`) -------------------------------------------------------


class ReqResError(ConnectError):
    code = "reqres_error"
    default_message = "The OQS terminal request failed."


class ReqResTimeout(ReqResError):
    code = "reqres_timeout"
    default_message = "The OQS terminal did not answer in time."


class ReqResMalformed(ReqResError):
    code = "reqres_malformed"
    default_message = "The OQS terminal wrote a result file that could not be read."


class ReqResFolderError(ReqResError):
    code = "reqres_folder_unavailable"
    default_message = "The OQS terminal's shared folder cannot be reached."


class OqsResultError(ConnectError):
    """The terminal answered with an error (SegmentOfResult final but not normal, or ProcessingResultStatus 2)."""

    code = "oqs_result_error"
    default_message = "The online qualification system returned an error."

    def __init__(self, message: str | None = None, *, error_code: str = "", error_message: str = "") -> None:
        self.error_code = error_code
        self.error_message = error_message
        detail = f" ({error_code}: {error_message})" if error_code or error_message else ""
        super().__init__((message or self.default_message) + detail)


# --- HTTPS gateway ---------------------------------------------------------------------------------------------


class GatewayError(ConnectError):
    code = "gateway_error"
    default_message = "The eligibility gateway failed."


class GatewayTimeout(GatewayError):
    code = "gateway_timeout"
    default_message = "The eligibility gateway did not answer in time."


class GatewayUnavailable(GatewayError):
    code = "gateway_unavailable"
    default_message = "The eligibility gateway is unavailable (refused the connection or answered with a server error)."


class GatewayTlsError(GatewayError):
    code = "gateway_tls_error"
    default_message = "The eligibility gateway's TLS identity could not be verified."


class GatewayProtocolError(GatewayError):
    code = "gateway_protocol_error"
    default_message = "The eligibility gateway sent an answer that does not follow the protocol."


class ChallengeExpired(GatewayError):
    code = "challenge_expired"
    default_message = "The sign-in challenge expired; please try again."


class ChallengeReplayed(GatewayError):
    code = "challenge_replayed"
    default_message = "The sign-in challenge was already used; please try again."


class SignatureRejected(GatewayError):
    code = "signature_rejected"
    default_message = "The card's signature or certificate was not accepted."


class GatewayRequestRejected(GatewayError):
    """The gateway understood the request and refused it for another reason (see `server_code`)."""

    code = "gateway_request_rejected"
    default_message = "The eligibility gateway refused the request."

    def __init__(self, message: str | None = None, *, server_code: str = "") -> None:
        self.server_code = server_code
        super().__init__(message)


# --- face folder -----------------------------------------------------------------------------------------------


class FaceFolderError(ConnectError):
    code = "face_folder_unavailable"
    default_message = "The OQS terminal's face folder cannot be reached."


class LedgerError(ConnectError):
    code = "ledger_error"
    default_message = "The processed-results ledger cannot be written."
