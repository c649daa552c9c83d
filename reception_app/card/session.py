"""MyNumberCard: what the app does with a My Number Card, on any backend, through one CardConnection.

Identify (JPKI AP + token label), read the authentication certificate with the fewest APDUs, query a PIN's retry
counter without spending a try, verify the authentication PIN, sign a challenge, read the basic 4 info with the
券面事項入力補助 PIN. Never the individual number: the connection's privacy guard refuses those APDUs outright.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Concatenate, ParamSpec, TypeVar

from reception_app.card import ber
from reception_app.card.apdu import (
    CommandApdu,
    ResponseApdu,
    compute_digital_signature,
    read_binary,
    select_aid,
    select_ef,
    verify,
)
from reception_app.card.certificate import signature_verifies
from reception_app.card.constants import SHA256_DIGEST_INFO_PREFIX, Aid, JpkiFile, StatusWord, TextFile, TokenLabel
from reception_app.card.errors import (
    ApplicationNotFoundError,
    CardDataError,
    CertificateInvalidError,
    FileNotFoundOnCardError,
    InvalidPinFormatError,
    LastPinTryRefusedError,
    MalformedResponseError,
    NotAMyNumberCardError,
    PinBlockedError,
    PinKind,
    SecurityStatusNotSatisfiedError,
    SignatureInvalidError,
    UnexpectedStatusError,
    WrongPinError,
)
from reception_app.card.transport import CardConnection

READ_CHUNK = 256  # the most a short READ BINARY returns (Le=00)
MAX_OFFSET = 0x7FFF  # READ BINARY offsets are 15 bits
TOKEN_LABEL_LENGTH = 32  # the label is the first 32 bytes of the 160-byte CK_TOKEN_INFO in EF 0006
RSA2048_SIGNATURE_LENGTH = 256
BLOCKED_SWS = frozenset({StatusWord.AUTH_METHOD_BLOCKED, 0x6983})  # 6983: "authentication method blocked" (ISO)

# What other cards answer to a SELECT of an application they do not have (ISO 7816-4; 6999 from JavaCard's
# "applet selection failed"). Any other status to a SELECT AP is card trouble, not "this is another card".
NO_SUCH_APPLICATION = frozenset({0x6A82, 0x6A81, 0x6A86, 0x6A87, 0x6D00, 0x6E00, 0x6999})

TAG_BASIC_FOUR = b"\xff\x20"
TAG_NAME, TAG_ADDRESS, TAG_BIRTH, TAG_SEX = b"\xdf\x22", b"\xdf\x23", b"\xdf\x24", b"\xdf\x25"


class TokenType(StrEnum):
    PLASTIC = "plastic"
    ANDROID = "android"
    IPHONE = "iphone"
    JUKI_CARD = "juki-card"  # the old 住基カード's JPKI token
    UNKNOWN = "unknown"  # a JPKI AP with a label we do not know: still read as a JPKI card

    @property
    def is_phone(self) -> bool:
        return self in (TokenType.ANDROID, TokenType.IPHONE)


TOKEN_TYPES: dict[str, TokenType] = {
    TokenLabel.PLASTIC: TokenType.PLASTIC,
    TokenLabel.ANDROID: TokenType.ANDROID,
    TokenLabel.IPHONE: TokenType.IPHONE,
    TokenLabel.JUKI_CARD: TokenType.JUKI_CARD,
}

# PIN rules (domain/mynumber_card.md §1): which EF holds each PIN, its format, and how many tries a fresh one has.
PIN_RULES: dict[PinKind, tuple[str, str]] = {
    PinKind.AUTH: (r"[0-9]{4}", "4 digits"),
    PinKind.TEXT: (r"[0-9]{4}", "4 digits"),
    PinKind.SIGN: (r"[A-Z0-9]{6,16}", "6 to 16 capital letters and digits"),
}


class Sex(StrEnum):
    """JIS X 0303 / ISO 5218 codes, as the card stores them."""

    UNKNOWN = "0"
    MALE = "1"
    FEMALE = "2"
    NOT_APPLICABLE = "9"


@dataclass(frozen=True)
class CardIdentity:
    token_type: TokenType
    label: str
    # False when the type was inferred without reading EF 0006: a token that hands out its certificate before any
    # PIN is a card, not a phone (see MyNumberCard.identify_and_read_certificate).
    label_read: bool = True

    @property
    def is_phone(self) -> bool:
        return self.token_type.is_phone


@dataclass(frozen=True)
class PinStatus:
    tries_left: int | None  # None when the card only said "already verified"
    blocked: bool
    verified: bool = False  # verified earlier in this card session


@dataclass(frozen=True)
class SignedChallenge:
    signature: bytes = field(repr=False)
    certificate_der: bytes = field(repr=False)
    digest_algorithm: str = "sha256"


@dataclass(frozen=True)
class BasicFourInfo:
    """Personal data: kept out of repr so that it never lands in a log by accident."""

    name: str = field(repr=False)
    address: str = field(repr=False)
    birth_date: date = field(repr=False)
    sex: Sex = field(repr=False)


def check_pin_format(kind: PinKind, pin: str) -> bytes:
    pattern, rule = PIN_RULES[kind]
    value = pin.upper() if kind is PinKind.SIGN else pin  # the card stores the signature password upper-cased
    if not re.fullmatch(pattern, value):
        raise InvalidPinFormatError(kind, rule)
    return value.encode("ascii")


def _raise_for_status(resp: ResponseApdu, what: str) -> None:
    if resp.ok:
        return
    if resp.sw_int == StatusWord.SECURITY_STATUS_NOT_SATISFIED:
        raise SecurityStatusNotSatisfiedError()
    if resp.sw_int == StatusWord.FILE_NOT_FOUND:
        raise FileNotFoundOnCardError(f"The card has no {what}.")
    raise UnexpectedStatusError(resp.sw_int, what)


def parse_basic_four(data: bytes) -> BasicFourInfo:
    """FF20 { DF21 offsets, DF22 name, DF23 address, DF24 birth YYYYMMDD, DF25 sex }, UTF-8, read generically."""
    try:
        outer = ber.read_tlv(data)
        if outer.tag != TAG_BASIC_FOUR:
            raise CardDataError("The card-information file does not start with the basic 4 info record.")
        fields = {item.tag: item.value for item in ber.children(outer.value)}
        birth = fields[TAG_BIRTH].decode("ascii")
        return BasicFourInfo(
            name=fields[TAG_NAME].decode("utf-8"),
            address=fields[TAG_ADDRESS].decode("utf-8"),
            birth_date=date(int(birth[0:4]), int(birth[4:6]), int(birth[6:8])),
            sex=Sex(fields[TAG_SEX].decode("ascii")),
        )
    except CardDataError:
        raise
    except (ber.BerError, KeyError, ValueError) as exc:  # UnicodeDecodeError is a ValueError
        raise CardDataError("The basic 4 info on the card is not in the expected format.") from exc


P = ParamSpec("P")
R = TypeVar("R")


def _in_transaction(method: Callable[Concatenate[MyNumberCard, P], R]) -> Callable[Concatenate[MyNumberCard, P], R]:
    """Runs a public operation inside one card transaction: no other program can change the selected AP or the
    security status between its APDUs."""

    def wrapper(self: MyNumberCard, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self.connection.transaction():
            return method(self, *args, **kwargs)

    functools.update_wrapper(wrapper, method)  # (not @wraps: its typed result hides the signature from mypy)
    return wrapper


class MyNumberCard:
    def __init__(self, connection: CardConnection) -> None:
        self.connection = connection
        self._identity: CardIdentity | None = None
        self._auth_cert: bytes | None = None

    def _send(self, cmd: CommandApdu) -> ResponseApdu:
        return self.connection.transmit(cmd)

    # --- building blocks ---------------------------------------------------------------------------------------

    def _select_ap(self, aid: Aid) -> None:
        if self.connection.selected_ap is aid:
            return  # already selected in this card session: a second SELECT would only cost an APDU
        resp = self._send(select_aid(aid))
        if resp.ok:
            return
        if resp.sw_int not in NO_SUCH_APPLICATION:
            raise UnexpectedStatusError(resp.sw_int, f"the selection of the {aid.name} application")
        if aid is Aid.JPKI:
            raise NotAMyNumberCardError()
        raise ApplicationNotFoundError()

    def _select_ef(self, fid: int, what: str) -> None:
        _raise_for_status(self._send(select_ef(fid)), what)

    def _read_record(self, what: str, first_le: int = READ_CHUNK) -> bytes:
        """The BER object in the selected EF: one READ of first_le, its length from the header, then the rest."""
        resp = self._send(read_binary(0, first_le))
        if not (resp.ok or resp.sw_int == StatusWord.END_OF_FILE_WARNING):
            _raise_for_status(resp, what)
        buf = bytearray(resp.data)
        try:
            total = ber.total_length(bytes(buf))
        except ber.BerError as exc:
            raise CardDataError(f"The {what} on the card is not in the expected format.") from exc
        if total - 1 > MAX_OFFSET:
            raise CardDataError(f"The {what} on the card is larger than a card file can be.")
        while len(buf) < total:
            resp = self._send(read_binary(len(buf), min(READ_CHUNK, total - len(buf))))
            if not (resp.ok or resp.sw_int == StatusWord.END_OF_FILE_WARNING):
                _raise_for_status(resp, what)
            if not resp.data:
                raise MalformedResponseError(f"The card stopped sending the {what} before its end.")
            buf += resp.data
        return bytes(buf[:total])

    def _pin_status(self, kind: PinKind) -> PinStatus:
        resp = self._send(verify())  # no data: the retry counter only, spends nothing
        tries = resp.retries_left
        if tries is not None:
            return PinStatus(tries, tries == 0)
        if resp.ok:
            return PinStatus(None, False, verified=True)
        if resp.sw_int in BLOCKED_SWS:
            return PinStatus(0, True)
        _raise_for_status(resp, f"{kind.value} PIN")
        raise AssertionError("unreachable")

    def _verify(self, kind: PinKind, pin_fid: int, value: bytes, allow_last_try: bool) -> None:
        self._select_ef(pin_fid, f"{kind.value} PIN")
        status = self._pin_status(kind)
        if status.verified:
            return
        if status.blocked:
            raise PinBlockedError(kind)
        if status.tries_left == 1 and not allow_last_try:
            raise LastPinTryRefusedError(kind)
        resp = self._send(verify(value))
        if resp.ok:
            return
        tries = resp.retries_left
        if tries == 0 or resp.sw_int in BLOCKED_SWS:
            raise PinBlockedError(kind)
        if tries is not None:
            raise WrongPinError(kind, tries)
        _raise_for_status(resp, f"{kind.value} PIN")

    # --- public API --------------------------------------------------------------------------------------------

    @_in_transaction
    def identify(self) -> CardIdentity:
        """Selects the JPKI AP and reads the token label. Raises NotAMyNumberCardError for any other card."""
        self._select_ap(Aid.JPKI)
        self._select_ef(JpkiFile.TOKEN_INFO, "token information file")
        resp = self._send(read_binary(0, TOKEN_LABEL_LENGTH))
        _raise_for_status(resp, "token information file")
        label = resp.data[:TOKEN_LABEL_LENGTH].rstrip(b" \x00").decode("ascii", "replace")
        self._identity = CardIdentity(TOKEN_TYPES.get(label, TokenType.UNKNOWN), label)
        return self._identity

    @property
    def identity(self) -> CardIdentity | None:
        """What identify() or identify_and_read_certificate() found, if either ran on this session."""
        return self._identity

    @_in_transaction
    def identify_and_read_certificate(self, pin: str | None = None) -> tuple[CardIdentity, bytes]:
        """Card-in path in the minimum APDUs: SELECT AP + SELECT EF + ceil(length / 256) READ BINARY.

        The JPKI AP answering its SELECT is what identifies a My Number Card. A token that hands out its
        authentication certificate before any PIN is a card; only a token that wants the PIN first (a smartphone)
        costs the two extra APDUs of the token label, to tell Android from iPhone. Without `pin` such a token raises
        SecurityStatusNotSatisfiedError after `identity` is known, so the caller can ask for the PIN.
        """
        if pin is not None:
            check_pin_format(PinKind.AUTH, pin)
        self._select_ap(Aid.JPKI)
        if self._auth_cert is None:
            self._read_auth_certificate_in_ap(pin, learn_token=True)
        assert self._auth_cert is not None
        if self._identity is None:
            self._identity = CardIdentity(TokenType.PLASTIC, TokenLabel.PLASTIC.value, label_read=False)
        return self._identity, self._auth_cert

    @_in_transaction
    def read_auth_certificate(self, pin: str | None = None) -> bytes:
        """The authentication certificate (DER) in SELECT AP + SELECT EF + ceil(length / 256) READ BINARY.

        A smartphone token needs the authentication PIN first: pass `pin` (or verify before).
        """
        if self._auth_cert is not None:
            return self._auth_cert
        if pin is not None:
            check_pin_format(PinKind.AUTH, pin)
        self._select_ap(Aid.JPKI)
        if pin is not None and self._identity is not None and self._identity.is_phone:
            self.verify_auth_pin(pin)
        return self._read_auth_certificate_in_ap(pin, learn_token=False)

    def _read_auth_certificate_in_ap(self, pin: str | None, *, learn_token: bool) -> bytes:
        """With the JPKI AP selected: SELECT EF + the BER read. A token that wants the PIN first (a smartphone) has
        its label read when `learn_token`, then gets `pin` (if given) and is read again; without a PIN the card's
        refusal is raised."""
        self._select_ef(JpkiFile.AUTH_CERT, "authentication certificate")
        try:
            der = self._read_record("authentication certificate")
        except SecurityStatusNotSatisfiedError:
            if learn_token:
                self.identify()
            if pin is None:
                raise
            self.verify_auth_pin(pin)
            self._select_ef(JpkiFile.AUTH_CERT, "authentication certificate")
            der = self._read_record("authentication certificate")
        if der[:1] != b"\x30":
            raise CertificateInvalidError()
        self._auth_cert = der
        return der

    @_in_transaction
    def auth_pin_status(self) -> PinStatus:
        """Tries left on the authentication PIN, without spending one."""
        self._select_ap(Aid.JPKI)
        self._select_ef(JpkiFile.AUTH_PIN, "authentication PIN")
        return self._pin_status(PinKind.AUTH)

    @_in_transaction
    def text_pin_status(self) -> PinStatus:
        """Tries left on the 券面事項入力補助 PIN, without spending one."""
        self._select_ap(Aid.TEXT)
        self._select_ef(TextFile.PIN, "card-information PIN")
        return self._pin_status(PinKind.TEXT)

    @_in_transaction
    def verify_auth_pin(self, pin: str, allow_last_try: bool = False) -> None:
        """Raises WrongPinError(tries_left), PinBlockedError, or LastPinTryRefusedError (1 try left, not allowed)."""
        value = check_pin_format(PinKind.AUTH, pin)  # before any APDU: a malformed PIN never costs a try
        self._select_ap(Aid.JPKI)
        self._verify(PinKind.AUTH, JpkiFile.AUTH_PIN, value, allow_last_try)

    @_in_transaction
    def sign_challenge(self, challenge: bytes, pin: str, allow_last_try: bool = False) -> SignedChallenge:
        """Signs SHA-256(challenge) with the authentication key (`80 2A 00 80`, card-side PKCS#1 v1.5 padding)."""
        if not challenge:
            raise ValueError("an empty challenge cannot be signed")
        check_pin_format(PinKind.AUTH, pin)
        self.verify_auth_pin(pin, allow_last_try)
        self._select_ef(JpkiFile.AUTH_KEY, "authentication key")
        digest_info = SHA256_DIGEST_INFO_PREFIX + hashlib.sha256(challenge).digest()
        resp = self._send(compute_digital_signature(digest_info))
        _raise_for_status(resp, "signature request")
        if len(resp.data) != RSA2048_SIGNATURE_LENGTH:
            raise MalformedResponseError(f"The card returned a signature of {len(resp.data)} bytes instead of 256.")
        der = self.read_auth_certificate()
        # Checked here so that a garbled answer is caught at the card, not as a rejection by the gateway.
        if not signature_verifies(der, resp.data, challenge):
            raise SignatureInvalidError()
        return SignedChallenge(resp.data, der, "sha256")

    @_in_transaction
    def read_basic_four(self, text_pin: str, allow_last_try: bool = False) -> BasicFourInfo:
        """Name, address, birth date and sex from the 券面事項入力補助 AP, opened with its 4-digit PIN."""
        value = check_pin_format(PinKind.TEXT, text_pin)
        self._select_ap(Aid.TEXT)
        self._verify(PinKind.TEXT, TextFile.PIN, value, allow_last_try)
        self._select_ef(TextFile.BASIC_FOUR, "basic 4 info file")
        return parse_basic_four(self._read_record("basic 4 info"))
