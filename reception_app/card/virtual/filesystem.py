"""The virtual card's applications and files, built from a profile.

What exists, who may read it and which files are privacy-sensitive is decided here; `card.py` only runs the
commands. PIN counters live in `PinFile` objects owned by the card, so they survive a reset like on a real card.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cryptography.hazmat.primitives.asymmetric import rsa

from reception_app.card.constants import Aid, JpkiFile, TextFile, VisualFile
from reception_app.card.virtual import pki
from reception_app.card.virtual.profile import CardProfile
from reception_app.card.virtual.tlv import BasicFour, encode_basic_four

TOKEN_INFO_SIZE = 160
CERT_EF_SIZE = 0x0800  # certificate EFs are fixed-size; bytes after the DER object are FF filler
BASIC_FOUR_EF_SIZE = 0x0200
FILLER = 0xFF

# The individual-number file of the text AP: `FF 10 0C` + 12 bytes + `FF FF` (17 bytes, like a real card), but the
# 12 bytes are letters, so the placeholder is not a number and fails any check-digit test.
MY_NUMBER_PLACEHOLDER = b"\xff\x10\x0c" + b"X" * 12 + b"\xff\xff"

# 照合番号A (the individual number itself) can never be verified on this card.
UNVERIFIABLE = None


@dataclass
class PinFile:
    fid: int
    value: str | None = field(repr=False)  # None: no value ever matches (照合番号A placeholder)
    tries_left: int
    max_tries: int
    privacy: bool = False


@dataclass
class BinaryFile:
    fid: int
    content: bytes
    read_keys: tuple[int, ...] = ()  # any one of these PIN EFs verified opens the file; empty = free
    privacy: bool = False


@dataclass
class KeyFile:
    fid: int
    key: rsa.RSAPrivateKey
    pin_fid: int


CardFile = PinFile | BinaryFile | KeyFile


@dataclass
class Application:
    name: str  # "jpki", "text", "visual", "juki": used in the trace
    aid: bytes
    files: dict[int, CardFile]

    def privacy_fids(self) -> set[int]:
        return {fid for fid, f in self.files.items() if isinstance(f, PinFile | BinaryFile) and f.privacy}


def _pad(content: bytes, size: int) -> bytes:
    if len(content) >= size:
        return content
    return content + bytes([FILLER]) * (size - len(content))


def _cert_ef(fid: int, der: bytes, read_keys: tuple[int, ...] = ()) -> BinaryFile:
    size = CERT_EF_SIZE if len(der) <= CERT_EF_SIZE else -(-len(der) // 256) * 256
    return BinaryFile(fid, _pad(der, size), read_keys)


def token_info(profile: CardProfile) -> bytes:
    """EF 0006: a 160-byte CK_TOKEN_INFO whose first 32 bytes are the space-padded token label."""
    label = profile.token.label.value.encode("ascii").ljust(32, b" ")
    manufacturer = b"J-LIS TEST".ljust(32, b" ")
    model = b"".ljust(16, b" ")
    serial = b"".ljust(16, b" ")
    head = label + manufacturer + model + serial
    return head + b"\x00" * (TOKEN_INFO_SIZE - len(head))


def build_applications(profile: CardProfile, today: date) -> dict[str, Application]:
    """The APs of a card for `profile`: JPKI always; text and visual on plastic cards only."""
    pins = profile.pins
    has_sign = profile.certificate.signature_certificate
    auth_cert = pki.issue_certificate_der(profile, "auth", today)
    jpki_files: dict[int, CardFile] = {
        JpkiFile.TOKEN_INFO: BinaryFile(JpkiFile.TOKEN_INFO, token_info(profile)),
        JpkiFile.CERT_PRESENCE: BinaryFile(JpkiFile.CERT_PRESENCE, b"\x8f\x8f\x00" if has_sign else b"\x00\x8f\x00"),
        # Phone tokens: the authentication certificate needs the PIN first (myna f68cefd).
        JpkiFile.AUTH_CERT: _cert_ef(
            JpkiFile.AUTH_CERT, auth_cert, (JpkiFile.AUTH_PIN,) if profile.token.is_phone else ()
        ),
        JpkiFile.AUTH_CA_CERT: _cert_ef(JpkiFile.AUTH_CA_CERT, pki.ca_certificate_der("auth")),
        JpkiFile.AUTH_KEY: KeyFile(JpkiFile.AUTH_KEY, pki.load_card_key(profile.id, "auth"), JpkiFile.AUTH_PIN),
        JpkiFile.AUTH_PIN: PinFile(JpkiFile.AUTH_PIN, pins.auth.value, pins.auth.tries_left, 3),
        JpkiFile.SIGN_CA_CERT: _cert_ef(JpkiFile.SIGN_CA_CERT, pki.ca_certificate_der("sign")),
        JpkiFile.SIGN_PIN: PinFile(JpkiFile.SIGN_PIN, pins.signature.value, pins.signature.tries_left, 5),
    }
    if has_sign:
        sign_cert = pki.issue_certificate_der(profile, "sign", today)
        jpki_files[JpkiFile.SIGN_CERT] = _cert_ef(JpkiFile.SIGN_CERT, sign_cert, (JpkiFile.SIGN_PIN,))
        jpki_files[JpkiFile.SIGN_KEY] = KeyFile(
            JpkiFile.SIGN_KEY, pki.load_card_key(profile.id, "sign"), JpkiFile.SIGN_PIN
        )
    else:
        # A child's card: the EF is there but holds only filler.
        jpki_files[JpkiFile.SIGN_CERT] = BinaryFile(JpkiFile.SIGN_CERT, _pad(b"", CERT_EF_SIZE), (JpkiFile.SIGN_PIN,))
    apps = {"jpki": Application("jpki", Aid.JPKI.value, jpki_files)}
    if profile.token.is_phone:
        return apps  # smartphone tokens present the JPKI AP only

    holder = profile.holder
    basic_four = encode_basic_four(BasicFour(holder.name, holder.address, holder.birth_date, holder.sex))
    text_files: dict[int, CardFile] = {
        TextFile.MY_NUMBER: BinaryFile(
            TextFile.MY_NUMBER, MY_NUMBER_PLACEHOLDER, (TextFile.PIN, TextFile.COLLATION_A), privacy=True
        ),
        TextFile.BASIC_FOUR: BinaryFile(TextFile.BASIC_FOUR, _pad(basic_four, BASIC_FOUR_EF_SIZE), (TextFile.PIN,)),
        TextFile.PIN: PinFile(TextFile.PIN, pins.text.value, pins.text.tries_left, 3),
        TextFile.COLLATION_A: PinFile(TextFile.COLLATION_A, UNVERIFIABLE, 10, 10, privacy=True),
    }
    visual_files: dict[int, CardFile] = {
        VisualFile.MY_NUMBER_IMAGE: BinaryFile(
            VisualFile.MY_NUMBER_IMAGE, b"", (VisualFile.COLLATION_A,), privacy=True
        ),
        VisualFile.COLLATION_A: PinFile(VisualFile.COLLATION_A, UNVERIFIABLE, 10, 10, privacy=True),
    }
    apps["text"] = Application("text", Aid.TEXT.value, text_files)
    apps["visual"] = Application("visual", Aid.VISUAL.value, visual_files)
    apps["juki"] = Application("juki", Aid.JUKI.value, {})
    return apps
