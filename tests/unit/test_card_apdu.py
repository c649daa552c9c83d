"""APDU encoding/decoding, status words, BER reading and the basic 4 info parser."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reception_app.card import ber
from reception_app.card.apdu import CommandApdu, ResponseApdu, read_binary, select_aid, select_ef, verify
from reception_app.card.constants import Aid, StatusWord
from reception_app.card.errors import CardDataError, MalformedResponseError
from reception_app.card.session import Sex, parse_basic_four


def test_cases_encode_as_iso7816_short_apdus() -> None:
    assert CommandApdu(0x00, 0x20, 0x00, 0x80).encode() == bytes.fromhex("00200080")  # case 1: PIN retry query
    assert read_binary(0x0100, 256).encode() == bytes.fromhex("00B0010000")  # case 2, Le=00 means 256
    assert select_ef(0x000A).encode() == bytes.fromhex("00A4020C02000A")  # case 3
    assert select_aid(Aid.JPKI).encode() == bytes.fromhex("00A4040C0AD392F000260100000001")
    case4 = CommandApdu(0x80, 0x2A, 0x00, 0x80, b"\x01\x02", le=256)
    assert case4.encode() == bytes.fromhex("802A0080020102" + "00") and case4.case == 4


@given(
    header=st.tuples(*[st.integers(0, 255)] * 4),
    data=st.binary(max_size=255),
    le=st.one_of(st.none(), st.integers(1, 256)),
)
def test_decode_inverts_encode(header: tuple[int, int, int, int], data: bytes, le: int | None) -> None:
    cmd = CommandApdu(*header, data=data, le=le)
    assert CommandApdu.decode(cmd.encode()) == cmd


def test_invalid_commands_are_rejected() -> None:
    with pytest.raises(ValueError):
        read_binary(0x8000, 1)  # P1 bit 8 would turn the offset into a short EF id
    with pytest.raises(ValueError):
        CommandApdu(0, 0xB0, 0, 0, le=257)
    with pytest.raises(ValueError):
        CommandApdu.decode(bytes.fromhex("00A4040C0AD3"))  # Lc says 10, 1 byte follows


def test_response_status_words() -> None:
    resp = ResponseApdu.decode(b"\x01\x02\x90\x00")
    assert resp.data == b"\x01\x02" and resp.ok and resp.sw is StatusWord.OK
    assert ResponseApdu.decode(b"\x63\xc2").retries_left == 2
    assert ResponseApdu.decode(b"\x63\xc0").retries_left == 0
    assert ResponseApdu.decode(b"\x6a\x82").sw is StatusWord.FILE_NOT_FOUND
    assert ResponseApdu.decode(b"\x12\x34").sw == 0x1234  # unknown words stay ints
    assert ResponseApdu.decode(b"\x61\x10").more_data and ResponseApdu.decode(b"\x6c\x20").wrong_le
    with pytest.raises(MalformedResponseError):
        ResponseApdu.decode(b"\x90")


def test_verify_without_data_is_the_retry_query() -> None:
    assert verify().case == 1 and verify(b"1234").encode() == bytes.fromhex("002000800431323334")


def test_ber_total_length_from_a_certificate_header() -> None:
    assert ber.total_length(bytes.fromhex("30820509")) == 0x0509 + 4
    assert ber.total_length(bytes.fromhex("3081FF")) == 0xFF + 3
    assert ber.total_length(bytes.fromhex("3005")) == 7
    with pytest.raises(ber.BerError):
        ber.total_length(bytes.fromhex("3084"))  # 4-byte lengths: not a card file


def _basic_four_bytes(name: str, address: str, birth: str, sex: str) -> bytes:
    def tlv(tag: bytes, value: bytes) -> bytes:
        n = len(value)
        length = bytes([n]) if n < 0x80 else (bytes([0x81, n]) if n < 0x100 else bytes([0x82, n >> 8, n & 0xFF]))
        return tag + length + value

    body = tlv(b"\xdf\x21", bytes(8))
    for tag, value in ((b"\xdf\x22", name), (b"\xdf\x23", address), (b"\xdf\x24", birth), (b"\xdf\x25", sex)):
        body += tlv(tag, value.encode("utf-8"))
    return tlv(b"\xff\x20", body) + b"\xff" * 5  # filler after the record, as on the card


def test_basic_four_parses_short_and_long_lengths() -> None:
    short = parse_basic_four(_basic_four_bytes("試験　花子", "東京都千代田区１－１", "19900102", "2"))
    assert (short.name, short.address, short.birth_date, short.sex) == (
        "試験　花子",
        "東京都千代田区１－１",
        date(1990, 1, 2),
        Sex.FEMALE,
    )
    long_address = "北海道" + "試" * 60  # > 127 bytes of UTF-8: an 81 length, and the record needs 82
    parsed = parse_basic_four(_basic_four_bytes("試験　太郎", long_address, "20010203", "1"))
    assert parsed.address == long_address and parsed.sex is Sex.MALE
    assert "試験" not in repr(parsed)  # personal data stays out of logs


@pytest.mark.parametrize(
    "raw",
    [
        b"\x30\x03\x01\x02\x03",  # not FF20
        _basic_four_bytes("試験", "東京", "1990010", "1"),  # short birth date
        _basic_four_bytes("試験", "東京", "19900102", "7"),  # unknown sex code
        _basic_four_bytes("試験", "東京", "19900102", "1")[:20],  # truncated
    ],
)
def test_malformed_basic_four_is_a_typed_error(raw: bytes) -> None:
    with pytest.raises(CardDataError):
        parse_basic_four(raw)
