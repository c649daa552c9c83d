"""Typed errors of the smart-card layer.

Every error has a stable snake_case `code` (the UI translates by code, Japanese first) and a clear English
`str()`. The English texts live here, one per class, and never contain PINs or APDU payloads.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from reception_app.errors import AppError


class PinKind(StrEnum):
    """Which PIN a PIN error is about; the reset advice differs."""

    AUTH = "auth"  # 利用者証明用電子証明書 PIN (JPKI, 4 digits, 3 tries)
    SIGN = "sign"  # 署名用電子証明書 password (JPKI, 6-16 characters, 5 tries)
    TEXT = "text"  # 券面事項入力補助用 PIN (4 digits, 3 tries)


PIN_NAMES: dict[PinKind, str] = {
    PinKind.AUTH: "user-authentication PIN (利用者証明用電子証明書の暗証番号)",
    PinKind.SIGN: "signature password (署名用電子証明書の暗証番号)",
    PinKind.TEXT: "card-information PIN (券面事項入力補助用の暗証番号)",
}

# Where a blocked PIN is reset. The convenience-store kiosk route exists for the JPKI PINs only; for the text-AP PIN
# it is UNCONFIRMED (domain/mynumber_card.md §1), so it is not offered.
PIN_RESET_ADVICE: dict[PinKind, str] = {
    PinKind.AUTH: (
        "It can be reset at the municipality's window (市区町村の窓口), or at a convenience-store kiosk "
        "together with the smartphone app"
    ),
    PinKind.SIGN: (
        "It can be reset at the municipality's window (市区町村の窓口), or at a convenience-store kiosk "
        "together with the smartphone app"
    ),
    PinKind.TEXT: "It can be reset at the municipality's window (市区町村の窓口)",
}


class CardError(AppError):
    """Base of every error this layer raises on purpose."""

    code: ClassVar[str] = "card_layer_error"  # not "card_error": that is reception.CardFault's, shown at the desk
    default_message: ClassVar[str] = "The card could not be read."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        return str(self)


# --- Reader and transport ------------------------------------------------------------------------------------


class ReaderUnavailableError(CardError):
    code = "reader_unavailable"
    default_message = "The card reader is not available (unplugged or switched off)."


class PcscServiceUnavailableError(ReaderUnavailableError):
    code = "pcsc_service_unavailable"
    default_message = "The smart-card service (PC/SC: pcscd or WinSCard) is not running."


class NoReaderError(ReaderUnavailableError):
    code = "no_reader"
    default_message = "No card reader was found."


class NoCardError(CardError):
    code = "no_card"
    default_message = "There is no card on the reader."


class CardRemovedError(CardError):
    code = "card_removed_from_reader"  # reception.CardRemoved (what the desk sees) is "card_removed"
    default_message = "The card was removed from the reader. Please place it on the reader again."


class TransportError(CardError):
    code = "transport_error"
    default_message = "Communication with the card failed."


class CardResetError(TransportError):
    code = "card_reset"
    default_message = "Another program reset the card; please try again."


class MalformedResponseError(TransportError):
    code = "malformed_response"
    default_message = "The card sent a response that cannot be understood."


class CardTimeoutError(TransportError):
    code = "card_timeout"
    default_message = "The card did not answer in time."


# --- What the card answered ------------------------------------------------------------------------------------


class NotAMyNumberCardError(CardError):
    code = "not_a_my_number_card"
    default_message = "This card is not a My Number Card (no JPKI application was found on it)."


class ApplicationNotFoundError(CardError):
    code = "application_not_found"
    default_message = (
        "This card does not carry the requested application (a smartphone carries only the JPKI application)."
    )


class FileNotFoundOnCardError(CardError):
    code = "file_not_found"
    default_message = "A file the app needs was not found on the card."


class SecurityStatusNotSatisfiedError(CardError):
    code = "security_status_not_satisfied"
    default_message = "The card refused: the PIN must be entered first."


class UnexpectedStatusError(CardError):
    code = "unexpected_status"

    def __init__(self, sw: int, what: str = "a command") -> None:
        self.sw = sw
        super().__init__(f"The card answered {what} with the unexpected status {sw:04X}.")


class CardDataError(CardError):
    code = "card_data_invalid"
    default_message = "Data read from the card is not in the expected format."


class CertificateInvalidError(CardDataError):
    code = "certificate_invalid"
    default_message = "The certificate read from the card is not a valid X.509 certificate."


class SignatureInvalidError(CardDataError):
    code = "signature_invalid"
    default_message = "The card's signature does not verify with its certificate."


# --- PINs -----------------------------------------------------------------------------------------------------


class PinError(CardError):
    code = "pin_error"

    def __init__(self, kind: PinKind, message: str) -> None:
        self.kind = kind
        super().__init__(message)


class InvalidPinFormatError(PinError):
    code = "invalid_pin_format"

    def __init__(self, kind: PinKind, rule: str) -> None:
        super().__init__(kind, f"The {PIN_NAMES[kind]} must be {rule}. Nothing was sent to the card.")


class WrongPinError(PinError):
    code = "card_wrong_pin"  # reception.WrongPin is "wrong_pin"

    def __init__(self, kind: PinKind, tries_left: int) -> None:
        self.tries_left = tries_left
        plural = "try" if tries_left == 1 else "tries"
        super().__init__(kind, f"Wrong {PIN_NAMES[kind]}. {tries_left} {plural} left before it is blocked.")


class PinBlockedError(PinError):
    code = "card_pin_blocked"  # reception.PinBlocked is "pin_blocked"

    def __init__(self, kind: PinKind) -> None:
        self.tries_left = 0
        super().__init__(
            kind,
            f"The {PIN_NAMES[kind]} is blocked after too many wrong entries. {PIN_RESET_ADVICE[kind]}.",
        )


class LastPinTryRefusedError(PinError):
    code = "last_pin_try_refused"

    def __init__(self, kind: PinKind) -> None:
        self.tries_left = 1
        super().__init__(
            kind,
            f"Only one try of the {PIN_NAMES[kind]} is left; a wrong entry would block it, so the PIN was not "
            "sent. Confirm the last try explicitly, or ask the cardholder to reset the PIN at the "
            "municipality's window (市区町村の窓口).",
        )


class PinNotSetError(PinError):
    code = "pin_not_set"

    def __init__(self, kind: PinKind) -> None:
        super().__init__(
            kind,
            f"This card has no {PIN_NAMES[kind]} set (a face-authentication-only card); use the face-recognition "
            "reader instead.",
        )


# --- The legal line ----------------------------------------------------------------------------------------------


class PrivacyGuardError(CardError):
    """Raised before anything is sent when an APDU would touch the individual number (My Number)."""

    code = "privacy_guard"

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"Refused to send a command that would access the individual number: {reason}.")
