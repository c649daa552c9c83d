"""Properties: the basic 4 TLV round-trips for any text; the card answers any byte string with a status word."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from reception_app.card.virtual import VirtualMyNumberCard, load_profile
from reception_app.card.virtual.tlv import BasicFour, basic_four_offsets, decode_basic_four, encode_basic_four

CARD = VirtualMyNumberCard(load_profile("adult-seishin-21"))
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120)


@given(
    name=text,
    address=text,
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    sex=st.sampled_from(["0", "1", "2", "9"]),
)
@settings(max_examples=200, deadline=None)
def test_basic_four_round_trip(name: str, address: str, birth: date, sex: str) -> None:
    info = BasicFour(name, address, birth, sex)
    data = encode_basic_four(info)
    assert decode_basic_four(data) == info
    offsets = basic_four_offsets(data)
    assert [data[o : o + 2] for o in offsets] == [b"\xdf\x22", b"\xdf\x23", b"\xdf\x24", b"\xdf\x25"]


@given(st.binary(min_size=0, max_size=300))
@settings(max_examples=500, deadline=None)
def test_any_bytes_get_a_status_word_and_never_a_crash(raw: bytes) -> None:
    response = CARD.transmit(raw)
    assert len(response) >= 2
    assert response[-2] in (0x90, 0x61, 0x62, 0x63, 0x67, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F)
