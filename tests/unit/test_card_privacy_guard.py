"""The privacy guard at the lowest layer: APDUs that could reach the individual number are never sent.

Each refusal is checked on the virtual card's own trace: the card must not have seen the command at all.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reception_app.card.apdu import CommandApdu, read_binary, select_aid, select_ef, verify
from reception_app.card.backends.simulator import SimulatorBackend
from reception_app.card.constants import Aid, JpkiFile, TextFile, VisualFile
from reception_app.card.errors import PrivacyGuardError
from reception_app.card.transport import CardConnection
from reception_app.card.virtual import VirtualMyNumberCard


@pytest.fixture()
def rig() -> Iterator[tuple[CardConnection, VirtualMyNumberCard]]:
    backend = SimulatorBackend()
    card = backend.insert("adult-seishin-21")
    conn = CardConnection(backend.connect(), timeout_s=1.0)
    yield conn, card
    conn.disconnect()


def _refused(conn: CardConnection, card: VirtualMyNumberCard, cmd: CommandApdu) -> PrivacyGuardError:
    before = len(card.trace)
    with pytest.raises(PrivacyGuardError) as info:
        conn.transmit(cmd)
    assert len(card.trace) == before, "the refused APDU reached the card"
    assert info.value.code == "privacy_guard"
    return info.value


def test_visual_ap_cannot_be_selected(rig: tuple[CardConnection, VirtualMyNumberCard]) -> None:
    conn, card = rig
    _refused(conn, card, select_aid(Aid.VISUAL))
    # A partial DF name could reach it by prefix matching on the card.
    _refused(conn, card, CommandApdu(0x00, 0xA4, 0x04, 0x00, bytes(Aid.VISUAL)[:9]))


def test_text_ap_number_file_is_refused_exactly_as_in_the_brief(
    rig: tuple[CardConnection, VirtualMyNumberCard],
) -> None:
    conn, card = rig
    assert conn.transmit(select_aid(Aid.TEXT)).ok
    error = _refused(conn, card, CommandApdu.decode(bytes.fromhex("00A4020C020001")))
    assert "0001" in str(error) and "TEXT" in str(error)
    _refused(conn, card, select_ef(TextFile.COLLATION_A))  # 照合番号A
    _refused(conn, card, CommandApdu(0x00, 0xA4, 0x00, 0x0C, bytes.fromhex("0001")))  # by FID from the MF form
    _refused(conn, card, CommandApdu(0x00, 0xA4, 0x09, 0x0C, bytes.fromhex("00020001")))  # by path
    _refused(conn, card, CommandApdu(0x00, 0xB0, 0x81, 0x00, le=256))  # READ BINARY by short EF id 1
    _refused(conn, card, CommandApdu(0x00, 0x20, 0x00, 0x80 | 0x14, b"0000"))  # VERIFY with key ref 14
    # The harmless files of the same AP still work.
    assert conn.transmit(select_ef(TextFile.PIN)).ok


def test_same_fid_is_allowed_in_the_jpki_ap(rig: tuple[CardConnection, VirtualMyNumberCard]) -> None:
    conn, card = rig
    assert conn.transmit(select_aid(Aid.JPKI)).ok
    # EF 0001 of the JPKI AP is the signature certificate: not a privacy file; the card answers (it needs a PIN).
    resp = conn.transmit(select_ef(JpkiFile.SIGN_CERT))
    assert resp.ok
    assert card.trace.entries[-1].header == bytes.fromhex("00A4020C")


def test_guard_is_strict_when_no_ap_is_known(rig: tuple[CardConnection, VirtualMyNumberCard]) -> None:
    conn, card = rig
    for fid in (TextFile.MY_NUMBER, TextFile.COLLATION_A, VisualFile.MY_NUMBER_IMAGE, VisualFile.COLLATION_A):
        _refused(conn, card, select_ef(fid))
    # A failed SELECT of an AP leaves us not knowing where we are: strict again.
    assert conn.transmit(select_aid(Aid.JPKI)).ok
    assert not conn.transmit(select_aid(bytes.fromhex("A000000003"))).ok
    assert conn.selected_ap is None
    _refused(conn, card, select_ef(JpkiFile.SIGN_CERT))


def test_unparseable_select_is_refused(rig: tuple[CardConnection, VirtualMyNumberCard]) -> None:
    conn, card = rig
    _refused(conn, card, CommandApdu(0x00, 0xA4, 0x02, 0x0C, b"\x00"))


def test_reads_in_jpki_ap_pass(rig: tuple[CardConnection, VirtualMyNumberCard]) -> None:
    conn, _card = rig
    assert conn.transmit(select_aid(Aid.JPKI)).ok
    assert conn.transmit(select_ef(JpkiFile.AUTH_PIN)).ok
    assert conn.transmit(verify()).retries_left == 3
    assert conn.transmit(select_ef(JpkiFile.TOKEN_INFO)).ok
    assert conn.transmit(read_binary(0, 32)).data.startswith(b"JPKIAPICCTOKEN2")


def test_guard_also_holds_for_code_using_a_backend_connection_directly() -> None:
    backend = SimulatorBackend()
    card = backend.insert("adult-seishin-21")
    raw = backend.connect()  # no CardConnection around it
    assert raw.transmit(select_aid(Aid.TEXT).encode())[-2:] == b"\x90\x00"
    seen = len(card.trace)
    with pytest.raises(PrivacyGuardError):
        raw.transmit(bytes.fromhex("00A4020C020001"))
    with pytest.raises(PrivacyGuardError):
        raw.transmit(select_aid(Aid.VISUAL).encode())
    with pytest.raises(PrivacyGuardError):
        raw.transmit(bytes.fromhex("00A4020C0500"))  # unparseable: Lc says 5, no data follows
    assert len(card.trace) == seen
