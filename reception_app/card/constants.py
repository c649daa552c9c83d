"""My Number Card identifiers and ISO 7816-4 codes shared by the host side and the virtual card.

Sources: `shared/domain/mynumber_card.md` §1 (myna, OpenSC card-jpki.c, myna-card).
"""

from __future__ import annotations

from enum import Enum, IntEnum, StrEnum


class Aid(bytes, Enum):
    """Application identifiers (DF names) selected with `00 A4 04 0C`."""

    JPKI = bytes.fromhex("D392F000260100000001")  # 公的個人認証AP
    TEXT = bytes.fromhex("D3921000310001010408")  # 券面事項入力補助AP
    VISUAL = bytes.fromhex("D3921000310001010402")  # 券面事項確認AP: never selected by this app
    JUKI = bytes.fromhex("D3921000310001010401")  # 住基AP: never used


class JpkiFile(IntEnum):
    TOKEN_INFO = 0x0006
    CERT_PRESENCE = 0x0008
    AUTH_CERT = 0x000A
    AUTH_CA_CERT = 0x000B
    AUTH_KEY = 0x0017
    AUTH_PIN = 0x0018
    SIGN_CERT = 0x0001
    SIGN_CA_CERT = 0x0002
    SIGN_KEY = 0x001A
    SIGN_PIN = 0x001B


class TextFile(IntEnum):
    MY_NUMBER = 0x0001  # the individual number: forbidden to select or read
    BASIC_FOUR = 0x0002
    PIN = 0x0011
    COLLATION_A = 0x0014  # 照合番号A is the individual number itself: forbidden


class VisualFile(IntEnum):
    MY_NUMBER_IMAGE = 0x0005  # forbidden
    COLLATION_A = 0x0013  # forbidden


class Ins(IntEnum):
    SELECT = 0xA4
    READ_BINARY = 0xB0
    VERIFY = 0x20
    CHANGE_REFERENCE_DATA = 0x24
    GET_RESPONSE = 0xC0
    COMPUTE_DIGITAL_SIGNATURE = 0x2A


class TokenLabel(StrEnum):
    """First 32 bytes of JPKI EF 0006, space/NUL padded."""

    PLASTIC = "JPKIAPICCTOKEN2"
    JUKI_CARD = "JPKIAPICCTOKEN"
    ANDROID = "JPKIAPGPSETOKEN"
    IPHONE = "JPKIAPIOSTOKEN"


class StatusWord(IntEnum):
    OK = 0x9000
    END_OF_FILE_WARNING = 0x6282
    WRONG_LENGTH = 0x6700
    SECURITY_STATUS_NOT_SATISFIED = 0x6982
    AUTH_METHOD_BLOCKED = 0x6984
    CONDITIONS_NOT_SATISFIED = 0x6985
    COMMAND_NOT_ALLOWED = 0x6986
    WRONG_DATA = 0x6A80
    FUNCTION_NOT_SUPPORTED = 0x6A81
    FILE_NOT_FOUND = 0x6A82
    INCORRECT_P1P2 = 0x6A86
    WRONG_P1P2 = 0x6B00  # also "offset beyond end of file" on READ BINARY
    INS_NOT_SUPPORTED = 0x6D00
    CLA_NOT_SUPPORTED = 0x6E00
    NO_PRECISE_DIAGNOSIS = 0x6F00


# 61xx: more data, send GET RESPONSE with Le=xx; 6Cxx: wrong Le, resend with Le=xx; 63Cx: x tries left.
SW1_MORE_DATA = 0x61
SW1_WRONG_LE = 0x6C
SW_RETRIES_MASK = 0xFFF0
SW_RETRIES_BASE = 0x63C0

# Real-card ATR that OpenSC 0.23 names `jpki` (platform.md); detection is by SELECT AID, never by ATR.
DEFAULT_ATR = bytes.fromhex("3BE000FF8131FE4514")

# SHA-256 DigestInfo prefix (DER) that precedes the 32-byte hash given to COMPUTE DIGITAL SIGNATURE.
SHA256_DIGEST_INFO_PREFIX = bytes.fromhex("3031300D060960864801650304020105000420")
