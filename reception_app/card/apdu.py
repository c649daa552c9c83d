"""ISO 7816-4 command and response APDUs (short lengths only, as the My Number Card uses them).

Cases: 1 = header only; 2 = header + Le; 3 = header + Lc + data; 4 = header + Lc + data + Le.
Le is the number of bytes expected; on the wire Le=00 means 256.
"""

from __future__ import annotations

from dataclasses import dataclass

from reception_app.card.constants import (
    SW1_MORE_DATA,
    SW1_WRONG_LE,
    SW_RETRIES_BASE,
    SW_RETRIES_MASK,
    Aid,
    Ins,
    StatusWord,
)
from reception_app.card.errors import MalformedResponseError

MAX_SHORT_LE = 256
MAX_SHORT_LC = 255


@dataclass(frozen=True)
class CommandApdu:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None  # None: no Le field; 1..256 expected bytes (256 is encoded as 00)

    def __post_init__(self) -> None:
        for name in ("cla", "ins", "p1", "p2"):
            value = getattr(self, name)
            if not 0 <= value <= 0xFF:
                raise ValueError(f"{name} must be one byte, got {value!r}")
        if len(self.data) > MAX_SHORT_LC:
            raise ValueError(f"command data of {len(self.data)} bytes does not fit a short APDU")
        if self.le is not None and not 1 <= self.le <= MAX_SHORT_LE:
            raise ValueError(f"Le must be 1..256, got {self.le!r}")

    @property
    def case(self) -> int:
        if not self.data:
            return 1 if self.le is None else 2
        return 3 if self.le is None else 4

    def encode(self) -> bytes:
        out = bytearray((self.cla, self.ins, self.p1, self.p2))
        if self.data:
            out.append(len(self.data))
            out += self.data
        if self.le is not None:
            out.append(self.le & 0xFF)  # 256 -> 00
        return bytes(out)

    @classmethod
    def decode(cls, raw: bytes) -> CommandApdu:
        if len(raw) < 4:
            raise ValueError(f"a command APDU has at least 4 bytes, got {len(raw)}")
        cla, ins, p1, p2 = raw[:4]
        body = raw[4:]
        if not body:
            return cls(cla, ins, p1, p2)
        if len(body) == 1:
            return cls(cla, ins, p1, p2, le=body[0] or MAX_SHORT_LE)
        lc = body[0]
        if lc == 0:
            raise ValueError("extended-length APDUs are not supported")
        if len(body) == 1 + lc:
            return cls(cla, ins, p1, p2, data=bytes(body[1:]))
        if len(body) == 2 + lc:
            return cls(cla, ins, p1, p2, data=bytes(body[1 : 1 + lc]), le=body[-1] or MAX_SHORT_LE)
        raise ValueError(f"Lc={lc} does not match a body of {len(body)} bytes")

    def with_le(self, le: int) -> CommandApdu:
        return CommandApdu(self.cla, self.ins, self.p1, self.p2, self.data, le)

    def header(self) -> str:
        """The four header bytes as hex, for logs (never the data: it may hold a PIN)."""
        return f"{self.cla:02X} {self.ins:02X} {self.p1:02X} {self.p2:02X}"


@dataclass(frozen=True)
class ResponseApdu:
    data: bytes
    sw1: int
    sw2: int

    @classmethod
    def decode(cls, raw: bytes) -> ResponseApdu:
        if len(raw) < 2:
            raise MalformedResponseError(f"response of {len(raw)} byte(s) has no status word")
        return cls(bytes(raw[:-2]), raw[-2], raw[-1])

    def encode(self) -> bytes:
        return self.data + bytes((self.sw1, self.sw2))

    @property
    def sw_int(self) -> int:
        return (self.sw1 << 8) | self.sw2

    @property
    def sw(self) -> StatusWord | int:
        try:
            return StatusWord(self.sw_int)
        except ValueError:
            return self.sw_int

    @property
    def ok(self) -> bool:
        return self.sw_int == StatusWord.OK

    @property
    def more_data(self) -> bool:
        return self.sw1 == SW1_MORE_DATA

    @property
    def wrong_le(self) -> bool:
        return self.sw1 == SW1_WRONG_LE

    @property
    def retries_left(self) -> int | None:
        """x for a 63Cx status word, else None."""
        if self.sw_int & SW_RETRIES_MASK == SW_RETRIES_BASE:
            return self.sw2 & 0x0F
        return None


def sw_text(sw: int) -> str:
    try:
        return f"{sw:04X} ({StatusWord(sw).name})"
    except ValueError:
        return f"{sw:04X}"


# --- Builders for the commands this app sends ---------------------------------------------------------------


def select_aid(aid: Aid | bytes) -> CommandApdu:
    """SELECT by DF name, P2=0C: no FCI returned."""
    return CommandApdu(0x00, Ins.SELECT, 0x04, 0x0C, bytes(aid))


def select_ef(fid: int) -> CommandApdu:
    """SELECT an EF under the current DF by its 2-byte file id, P2=0C."""
    return CommandApdu(0x00, Ins.SELECT, 0x02, 0x0C, fid.to_bytes(2, "big"))


def read_binary(offset: int, le: int) -> CommandApdu:
    """READ BINARY of the current EF with a 15-bit offset (P1 bit 8 clear)."""
    if not 0 <= offset <= 0x7FFF:
        raise ValueError(f"READ BINARY offset must be 0..0x7FFF, got {offset}")
    return CommandApdu(0x00, Ins.READ_BINARY, offset >> 8, offset & 0xFF, le=le)


def verify(pin: bytes | None = None) -> CommandApdu:
    """VERIFY the currently selected PIN key; with no data it only asks the retry counter (spends nothing)."""
    return CommandApdu(0x00, Ins.VERIFY, 0x00, 0x80, pin or b"")


def get_response(le: int) -> CommandApdu:
    return CommandApdu(0x00, Ins.GET_RESPONSE, 0x00, 0x00, le=le)


def compute_digital_signature(digest_info: bytes) -> CommandApdu:
    """`80 2A 00 80`: the card pads the DigestInfo (PKCS#1 v1.5 type 1) and signs with the selected key."""
    return CommandApdu(0x80, Ins.COMPUTE_DIGITAL_SIGNATURE, 0x00, 0x80, digest_info, le=MAX_SHORT_LE)
