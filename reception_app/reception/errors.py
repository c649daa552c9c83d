"""Typed errors of the reception layer.

Each has a stable snake_case `code` (the UI translates by code, Japanese first) and a clear English `str()`.
Ports (adapters over the card, connect and store layers) raise these, so the state machine depends on one set of
error types. Messages never contain PINs, insurance numbers or raw payloads.
"""

from __future__ import annotations

from reception_app.errors import AppError


class ReceptionError(AppError):
    code = "reception_error"
    default_message = "The check-in could not continue."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


# --- card ------------------------------------------------------------------------------------------------------


class CardRemoved(ReceptionError):
    code = "card_removed"
    default_message = "The card was removed from the reader."


class NotMyNumberCard(ReceptionError):
    code = "not_my_number_card"
    default_message = "This card is not a My Number Card. Please place a My Number Card on the reader."


class WrongPin(ReceptionError):
    code = "wrong_pin"
    default_message = "The PIN was wrong."

    def __init__(self, tries_left: int, message: str | None = None) -> None:
        self.tries_left = tries_left
        super().__init__(message or f"The PIN was wrong; {tries_left} tries left.")


class PinBlocked(ReceptionError):
    code = "pin_blocked"
    default_message = (
        "The card's PIN is blocked after too many wrong entries. It can only be reset at the municipal office "
        "(市区町村窓口) or a reset-capable convenience store terminal; use the face reader or ask the staff."
    )


class LastTryRefused(ReceptionError):
    code = "last_try_requires_confirmation"
    default_message = "Only one PIN try is left; confirm before trying, or ask the staff."


class CardFault(ReceptionError):
    code = "card_error"
    default_message = "The card could not be read. Please place it again."


# --- eligibility -----------------------------------------------------------------------------------------------


class EligibilityOffline(ReceptionError):
    """Gateway or terminal unreachable: the OFFLINE branch."""

    code = "eligibility_offline"
    default_message = "The eligibility service cannot be reached."


class EligibilityFailed(ReceptionError):
    """The gateway or terminal refused or failed; `cause` (the connect layer's error, when there is one) is what the
    screen names, so a TLS failure is not shown as a generic eligibility error."""

    code = "eligibility_error"
    default_message = "Eligibility could not be obtained."

    def __init__(self, message: str | None = None, *, detail_code: str = "", cause: AppError | None = None) -> None:
        self.detail_code = detail_code or (cause.code if cause is not None else "")
        self.cause = cause
        super().__init__(message)

    def specific(self) -> AppError:
        return self.cause.specific() if self.cause is not None else self


# --- session ---------------------------------------------------------------------------------------------------


class CommandNotAllowed(ReceptionError):
    code = "command_not_allowed"
    default_message = "This action is not possible at this step of the check-in."

    def __init__(self, command: str, state: str) -> None:
        self.command = command
        self.state = state
        super().__init__(f"'{command}' is not possible while the check-in is '{state}'.")


class InvalidInput(ReceptionError):
    code = "invalid_input"
    default_message = "The input is not valid."

    def __init__(self, message: str | None = None, *, field: str = "") -> None:
        self.field = field
        super().__init__(message)


class StoreFailed(ReceptionError):
    """The check-in's transaction was rolled back. `cause` is the store's own error when it raised one (a full disk,
    a read-only folder, a locked database…): the screen names that, not this generic failure."""

    code = "store_error"
    default_message = "The record could not be saved; nothing was written. Please try again."

    def __init__(self, cause: AppError | None = None) -> None:
        self.cause = cause
        super().__init__(str(cause) if cause is not None else None)

    def specific(self) -> AppError:
        return self.cause.specific() if self.cause is not None else self


class ReaderServiceUnavailable(ReceptionError):
    """The PC/SC service cannot be reached (pcscd / Windows Smart Card service stopped): the set-up wizard's words."""

    code = "reader_service_unavailable"  # the card layer's own is "pcsc_service_unavailable"
    default_message = "The smart-card service (pcscd / Windows Smart Card service) is not running: start it."


class FontProbeUnavailable(ReceptionError):
    """The doctor has no way to list fonts on this machine (no fontconfig and no probe from the caller)."""

    code = "font_probe_unavailable"
    default_message = "The installed fonts cannot be listed on this computer."


class HeldResultGone(ReceptionError):
    """A held face-reader result the staff picked is no longer held (discarded, or taken meanwhile)."""

    code = "held_result_gone"
    default_message = "That face-reader result is no longer waiting (it was discarded or taken meanwhile)."
