"""BER-TLV pieces of the text AP: the basic 4 info file (EF 0002) in the FF20 / DF21..DF25 layout.

Layout (domain notes §2, from a JPKI-TEST card): `FF20 len { DF21 08 <4 offsets> DF22 name DF23 address DF24 birth
DF25 sex }`; each offset is the 16-bit big-endian position of a field's tag from the start of the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TAG_BASIC_FOUR = b"\xff\x20"
TAG_OFFSETS = b"\xdf\x21"
TAG_NAME = b"\xdf\x22"
TAG_ADDRESS = b"\xdf\x23"
TAG_BIRTH = b"\xdf\x24"
TAG_SEX = b"\xdf\x25"


def encode_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    if n <= 0xFF:
        return bytes([0x81, n])
    if n <= 0xFFFF:
        return bytes([0x82, n >> 8, n & 0xFF])
    raise ValueError("TLV value too long")


def tlv(tag: bytes, value: bytes) -> bytes:
    return tag + encode_length(len(value)) + value


def read_tlv(data: bytes, pos: int = 0) -> tuple[bytes, bytes, int]:
    """(tag, value, next position) of the TLV at `pos`. Tags with low 5 bits all set take two bytes."""
    if pos >= len(data):
        raise ValueError("no TLV at end of data")
    tag_len = 2 if data[pos] & 0x1F == 0x1F else 1
    tag = data[pos : pos + tag_len]
    p = pos + tag_len
    first = data[p]
    if first < 0x80:
        length, p = first, p + 1
    elif first == 0x81:
        length, p = data[p + 1], p + 2
    elif first == 0x82:
        length, p = (data[p + 1] << 8) | data[p + 2], p + 3
    else:
        raise ValueError(f"unsupported TLV length byte {first:#04x}")
    if p + length > len(data):
        raise ValueError("TLV runs past the end of data")
    return tag, data[p : p + length], p + length


@dataclass(frozen=True)
class BasicFour:
    name: str
    address: str
    birth_date: date
    sex: str


def encode_basic_four(info: BasicFour) -> bytes:
    fields = [
        tlv(TAG_NAME, info.name.encode("utf-8")),
        tlv(TAG_ADDRESS, info.address.encode("utf-8")),
        tlv(TAG_BIRTH, info.birth_date.strftime("%Y%m%d").encode("ascii")),
        tlv(TAG_SEX, info.sex.encode("ascii")),
    ]
    offsets_tlv_len = 2 + 1 + 8
    inner_len = offsets_tlv_len + sum(len(f) for f in fields)
    header_len = len(TAG_BASIC_FOUR) + len(encode_length(inner_len))
    offsets = b""
    pos = header_len + offsets_tlv_len
    for f in fields:
        offsets += pos.to_bytes(2, "big")
        pos += len(f)
    return tlv(TAG_BASIC_FOUR, tlv(TAG_OFFSETS, offsets) + b"".join(fields))


def decode_basic_four(data: bytes) -> BasicFour:
    tag, body, _ = read_tlv(data)
    if tag != TAG_BASIC_FOUR:
        raise ValueError("not a basic 4 info record (FF20)")
    values: dict[bytes, bytes] = {}
    pos = 0
    while pos < len(body):
        t, v, pos = read_tlv(body, pos)
        values[t] = v
    birth = values[TAG_BIRTH].decode("ascii")
    return BasicFour(
        name=values[TAG_NAME].decode("utf-8"),
        address=values[TAG_ADDRESS].decode("utf-8"),
        birth_date=date(int(birth[:4]), int(birth[4:6]), int(birth[6:8])),
        sex=values[TAG_SEX].decode("ascii"),
    )


def basic_four_offsets(data: bytes) -> list[int]:
    """The four offsets stored in DF21."""
    _, body, _ = read_tlv(data)
    tag, value, _ = read_tlv(body)
    if tag != TAG_OFFSETS or len(value) != 8:
        raise ValueError("DF21 offsets missing")
    return [int.from_bytes(value[i : i + 2], "big") for i in range(0, 8, 2)]
