"""Helpers for the virtual-card unit tests: send hex APDUs, read whole files, build DigestInfos."""

from __future__ import annotations

import hashlib

from reception_app.card.constants import SHA256_DIGEST_INFO_PREFIX, Aid
from reception_app.card.virtual import VirtualMyNumberCard


def tx(card: VirtualMyNumberCard, apdu: str | bytes) -> tuple[bytes, int]:
    raw = bytes.fromhex(apdu.replace(" ", "")) if isinstance(apdu, str) else apdu
    resp = card.transmit(raw)
    return resp[:-2], int.from_bytes(resp[-2:], "big")


def select_ap(card: VirtualMyNumberCard, aid: Aid) -> int:
    return tx(card, b"\x00\xa4\x04\x0c" + bytes([len(aid.value)]) + aid.value)[1]


def select_ef(card: VirtualMyNumberCard, fid: int) -> int:
    return tx(card, b"\x00\xa4\x02\x0c\x02" + fid.to_bytes(2, "big"))[1]


def read_binary(card: VirtualMyNumberCard, offset: int, le: int) -> tuple[bytes, int]:
    return tx(card, bytes([0x00, 0xB0, offset >> 8, offset & 0xFF, le & 0xFF]))


def read_der(card: VirtualMyNumberCard) -> bytes:
    """Reads the DER object in the selected EF the way a careful host does: header first, then exact length."""
    head, sw = read_binary(card, 0, 4)
    assert sw == 0x9000 and head[:2] == b"\x30\x82"
    total = int.from_bytes(head[2:4], "big") + 4
    data = b""
    while len(data) < total:
        chunk, sw = read_binary(card, len(data), min(256, total - len(data)))
        assert sw == 0x9000
        data += chunk
    return data


def verify(card: VirtualMyNumberCard, pin: str | None) -> int:
    if pin is None:
        return tx(card, "00200080")[1]
    data = pin.encode("ascii")
    return tx(card, b"\x00\x20\x00\x80" + bytes([len(data)]) + data)[1]


def sha256_digest_info(message: bytes) -> bytes:
    return SHA256_DIGEST_INFO_PREFIX + hashlib.sha256(message).digest()


def sign(card: VirtualMyNumberCard, digest_info: bytes, le: str = "00") -> tuple[bytes, int]:
    return tx(card, b"\x80\x2a\x00\x80" + bytes([len(digest_info)]) + digest_info + bytes.fromhex(le))
