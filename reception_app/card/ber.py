"""Minimal BER-TLV reading for what the card returns: certificate headers and the basic 4 info record.

Tags: one byte, or more when the low 5 bits of the first are all set (FF 20, DF 22). Lengths: short form, or
81 / 82 / 83 followed by 1-3 length bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_LENGTH_BYTES = 3


class BerError(ValueError):  # parsing only: card/session.py turns it into CardDataError (an AppError)
    pass


@dataclass(frozen=True)
class Tlv:
    tag: bytes
    value: bytes
    end: int  # position just after this TLV in the buffer it was read from


def read_header(data: bytes, pos: int = 0) -> tuple[bytes, int, int]:
    """(tag, value length, position of the value) of the TLV at pos."""
    if pos >= len(data):
        raise BerError("no TLV: end of data")
    start = pos
    pos += 1
    if data[start] & 0x1F == 0x1F:
        while True:
            if pos >= len(data):
                raise BerError("tag runs past the end of data")
            pos += 1
            if not data[pos - 1] & 0x80:
                break
    tag = bytes(data[start:pos])
    if pos >= len(data):
        raise BerError("length missing")
    first = data[pos]
    pos += 1
    if first < 0x80:
        return tag, first, pos
    count = first & 0x7F
    if count == 0 or count > MAX_LENGTH_BYTES:
        raise BerError(f"unsupported length form {first:#04x}")
    if pos + count > len(data):
        raise BerError("length runs past the end of data")
    return tag, int.from_bytes(data[pos : pos + count], "big"), pos + count


def read_tlv(data: bytes, pos: int = 0) -> Tlv:
    tag, length, value_pos = read_header(data, pos)
    end = value_pos + length
    if end > len(data):
        raise BerError("value runs past the end of data")
    return Tlv(tag, bytes(data[value_pos:end]), end)


def total_length(header: bytes) -> int:
    """Length of the whole TLV (header + value) whose first bytes are `header` (needs only the header)."""
    _tag, length, value_pos = read_header(header)
    return value_pos + length


def children(value: bytes) -> list[Tlv]:
    """The TLVs inside a constructed value, stopping at filler (00 or FF where a tag would start)."""
    out: list[Tlv] = []
    pos = 0
    while pos < len(value) and value[pos] not in (0x00,) and value[pos : pos + 2] != b"\xff\xff":
        item = read_tlv(value, pos)
        out.append(item)
        pos = item.end
    return out
