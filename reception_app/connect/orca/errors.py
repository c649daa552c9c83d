"""Typed errors of the ORCA connector. Each has a stable snake_case `code`; `str()` names ORCA's Api_Result code,
never a name, an insurance number or ORCA's own message text (kept in `orca_message` for the staff's screen)."""

from __future__ import annotations

from reception_app.connect.errors import ConnectError


class OrcaError(ConnectError):
    code = "orca_error"
    default_message = "ORCA could not be reached or refused the request."


class OrcaUnavailable(OrcaError):
    code = "orca_unavailable"
    default_message = "ORCA is unavailable (refused the connection or answered with a server error)."


class OrcaTimeout(OrcaError):
    code = "orca_timeout"
    default_message = "ORCA did not answer in time."


class OrcaAuthFailed(OrcaError):
    code = "orca_auth_failed"
    default_message = "ORCA refused the user ID, password or client certificate (HTTP 401/403)."


class OrcaProtocolError(OrcaError):
    code = "orca_protocol_error"
    default_message = "ORCA sent an answer that is not its JSON format."


class OrcaApiError(OrcaError):
    """ORCA answered with an Api_Result that is neither success nor one of the codes handled below."""

    code = "orca_api_error"
    default_message = "ORCA refused the request"

    def __init__(self, api_result: str, orca_message: str = "", *, endpoint: str = "") -> None:
        self.api_result = api_result
        self.orca_message = orca_message
        self.endpoint = endpoint
        where = f" ({endpoint})" if endpoint else ""
        super().__init__(f"{self.default_message}{where}: Api_Result {api_result}.")

    def message_args(self) -> tuple[str, ...]:
        return (self.api_result,)


class OrcaPossibleDuplicate(OrcaApiError):
    """K0: ORCA holds a patient who may be this one. Staff decide (in ORCA); the app never merges."""

    code = "orca_possible_duplicate"
    default_message = "ORCA already has a patient who may be this one; staff must decide (nothing was registered)"


class OrcaDuplicate(OrcaApiError):
    """16: already registered (the patient number, or the 受付, exists)."""

    code = "orca_duplicate"
    default_message = "ORCA already has this record"


class OrcaBusy(OrcaApiError):
    """90: the record is in use by another terminal; raised after the retries with back-off ran out."""

    code = "orca_in_use_by_another_terminal"
    default_message = "The record is in use on another ORCA terminal; try again when it is closed there"
