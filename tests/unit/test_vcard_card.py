"""The virtual My Number Card at the APDU level: every command path, PIN counters, security status, privacy flags."""

from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from reception_app.card.constants import DEFAULT_ATR, Aid, JpkiFile, StatusWord, TextFile, TokenLabel, VisualFile
from reception_app.card.virtual import VirtualMyNumberCard, ca_certificate_der, load_profile
from reception_app.card.virtual.filesystem import MY_NUMBER_PLACEHOLDER
from reception_app.card.virtual.tlv import basic_four_offsets, decode_basic_four
from tests.unit.vcard_helpers import (
    read_binary,
    read_der,
    select_ap,
    select_ef,
    sha256_digest_info,
    sign,
    tx,
    verify,
)

OK = StatusWord.OK


@pytest.fixture()
def card() -> VirtualMyNumberCard:
    return VirtualMyNumberCard(load_profile("adult-seishin-21"))


def test_atr_is_a_real_cards(card: VirtualMyNumberCard) -> None:
    assert card.atr == DEFAULT_ATR == bytes.fromhex("3BE000FF8131FE4514")


def test_select_ap_by_aid_without_fci(card: VirtualMyNumberCard) -> None:
    assert tx(card, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01") == (b"", OK)
    assert card.selected_ap == "jpki"


def test_select_ap_with_p2_00_returns_fci_with_df_name(card: VirtualMyNumberCard) -> None:
    data, sw = tx(card, "00 A4 04 00 0A D3 92 F0 00 26 01 00 00 00 01")
    assert sw == OK
    assert data[0] == 0x6F and data[2] == 0x84 and data[4:] == Aid.JPKI.value


def test_unknown_aid_and_missing_ef_answer_6a82(card: VirtualMyNumberCard) -> None:
    assert tx(card, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 99")[1] == StatusWord.FILE_NOT_FOUND
    assert card.selected_ap is None
    assert select_ap(card, Aid.JPKI) == OK
    assert select_ef(card, 0x1234) == StatusWord.FILE_NOT_FOUND


def test_select_ef_before_any_ap_is_file_not_found(card: VirtualMyNumberCard) -> None:
    assert select_ef(card, JpkiFile.AUTH_CERT) == StatusWord.FILE_NOT_FOUND


def test_select_with_unsupported_p2_is_rejected(card: VirtualMyNumberCard) -> None:
    assert tx(card, "00 A4 04 08 0A D3 92 F0 00 26 01 00 00 00 01")[1] == StatusWord.INCORRECT_P1P2


def test_read_token_info_label_for_plastic_card(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    assert select_ef(card, JpkiFile.TOKEN_INFO) == OK
    data, sw = read_binary(card, 0, 0)  # Le=00 asks for 256; the EF is 160 bytes
    assert sw == StatusWord.END_OF_FILE_WARNING
    assert len(data) == 160
    assert data[:32] == TokenLabel.PLASTIC.value.encode().ljust(32, b" ")


def test_le_00_means_256(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_CERT)
    data, sw = read_binary(card, 0, 0)
    assert (len(data), sw) == (256, OK)


def test_read_binary_uses_15_bit_offsets_and_signals_end_of_file(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_CERT)
    full = read_der(card)
    ef_size = 0x0800
    data, sw = read_binary(card, ef_size - 16, 0)  # runs past the end: the rest and 6282
    assert (len(data), sw) == (16, StatusWord.END_OF_FILE_WARNING)
    assert set(data) == {0xFF}  # filler after the DER object
    assert read_binary(card, ef_size, 1)[1] == StatusWord.WRONG_P1P2  # at the end: 6B00
    assert read_binary(card, 0x7FFF, 1)[1] == StatusWord.WRONG_P1P2  # the largest 15-bit offset
    assert read_binary(card, 0x0100, 16)[0] == full[0x100:0x110]  # P1 is the high byte of the offset
    assert tx(card, "00B0800001")[1] == StatusWord.FUNCTION_NOT_SUPPORTED  # P1 bit 8: short EF id, not offered


def test_auth_certificate_is_exactly_ef_000a(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_CERT)
    assert read_der(card) == card.auth_certificate_der
    select_ef(card, JpkiFile.AUTH_CA_CERT)
    assert read_der(card) == ca_certificate_der("auth")


def test_read_binary_needs_a_selected_binary_ef(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    assert read_binary(card, 0, 4)[1] == StatusWord.COMMAND_NOT_ALLOWED
    select_ef(card, JpkiFile.AUTH_KEY)
    assert read_binary(card, 0, 4)[1] == 0x6981
    select_ef(card, JpkiFile.AUTH_PIN)
    assert read_binary(card, 0, 4)[1] == 0x6981


def test_read_binary_without_le_is_wrong_length(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.TOKEN_INFO)
    assert tx(card, "00B00000")[1] == StatusWord.WRONG_LENGTH


def test_cert_presence_file(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.CERT_PRESENCE)
    assert read_binary(card, 0, 3) == (b"\x8f\x8f\x00", OK)


def test_child_card_has_no_signature_certificate() -> None:
    child = VirtualMyNumberCard(load_profile("child-local-subsidy"))
    select_ap(child, Aid.JPKI)
    select_ef(child, JpkiFile.CERT_PRESENCE)
    data, _ = read_binary(child, 0, 3)
    assert data[0] != 0x8F
    assert select_ef(child, JpkiFile.SIGN_KEY) == StatusWord.FILE_NOT_FOUND
    assert child.signature_certificate_der is None


@pytest.mark.parametrize("pin_fid", [JpkiFile.AUTH_PIN, JpkiFile.SIGN_PIN])
def test_retry_query_spends_nothing_on_both_jpki_pins(card: VirtualMyNumberCard, pin_fid: int) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, pin_fid)
    expected = 0x63C3 if pin_fid == JpkiFile.AUTH_PIN else 0x63C5
    assert verify(card, None) == expected
    assert verify(card, None) == expected  # OpenSC binds only if both PIN EFs answer 63Cx


def test_wrong_pin_decrements_and_success_resets(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_PIN)
    assert verify(card, "9999") == 0x63C2
    assert verify(card, None) == 0x63C2
    assert card.tries_left("jpki", JpkiFile.AUTH_PIN) == 2
    assert verify(card, "1234") == OK
    assert card.tries_left("jpki", JpkiFile.AUTH_PIN) == 3
    assert verify(card, None) == OK  # already verified in this AP session


def test_pin_blocks_at_zero(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_PIN)
    assert [verify(card, "0000") for _ in range(3)] == [0x63C2, 0x63C1, 0x63C0]
    assert verify(card, None) == 0x63C0
    assert verify(card, "1234") == StatusWord.AUTH_METHOD_BLOCKED  # even the right PIN
    assert card.tries_left("jpki", JpkiFile.AUTH_PIN) == 0


def test_signature_password_has_five_tries(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.SIGN_PIN)
    assert verify(card, "WRONG1") == 0x63C4
    assert verify(card, "ABC123") == OK


def test_pin_counters_persist_across_reset_but_security_status_does_not(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_PIN)
    verify(card, "0000")
    verify(card, "1234")
    verify(card, "0000")
    card.reset()
    assert card.selected_ap is None
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_PIN)
    assert verify(card, None) == 0x63C2


def test_profile_tries_left_are_loaded() -> None:
    one = VirtualMyNumberCard(load_profile("pin-one-try-left"))
    select_ap(one, Aid.JPKI)
    select_ef(one, JpkiFile.AUTH_PIN)
    assert verify(one, None) == 0x63C1
    blocked = VirtualMyNumberCard(load_profile("pin-blocked"))
    select_ap(blocked, Aid.JPKI)
    select_ef(blocked, JpkiFile.AUTH_PIN)
    assert verify(blocked, None) == 0x63C0
    assert verify(blocked, "1234") == StatusWord.AUTH_METHOD_BLOCKED


def test_verify_needs_a_selected_pin_ef(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_CERT)
    assert verify(card, "1234") == StatusWord.COMMAND_NOT_ALLOWED


def test_sign_verifies_with_the_certificate_public_key(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_PIN)
    assert verify(card, "1234") == OK
    assert select_ef(card, JpkiFile.AUTH_KEY) == OK
    challenge = b"nonce from the gateway"
    signature, sw = sign(card, sha256_digest_info(challenge))
    assert sw == OK and len(signature) == 256
    cert = x509.load_der_x509_certificate(card.auth_certificate_der)
    public_key = cert.public_key()
    public_key.verify(signature, challenge, padding.PKCS1v15(), hashes.SHA256())  # type: ignore[union-attr]


def test_signature_key_signs_after_password(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.SIGN_PIN)
    verify(card, "ABC123")
    select_ef(card, JpkiFile.SIGN_KEY)
    signature, sw = sign(card, sha256_digest_info(b"document"))
    assert sw == OK
    sign_der = card.signature_certificate_der
    assert sign_der is not None
    key = x509.load_der_x509_certificate(sign_der).public_key()
    key.verify(signature, b"document", padding.PKCS1v15(), hashes.SHA256())  # type: ignore[union-attr]


def test_sign_without_pin_is_security_status_not_satisfied(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_KEY)
    assert sign(card, sha256_digest_info(b"x"))[1] == StatusWord.SECURITY_STATUS_NOT_SATISFIED


def test_sign_rejects_malformed_input_and_wrong_le(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_PIN)
    verify(card, "1234")
    select_ef(card, JpkiFile.AUTH_KEY)
    assert sign(card, b"\x01" * 32)[1] == StatusWord.WRONG_DATA  # a bare hash is not a DigestInfo
    assert sign(card, sha256_digest_info(b"x")[:-1])[1] == StatusWord.WRONG_DATA  # truncated hash
    assert sign(card, sha256_digest_info(b"x"), le="80")[1] == 0x6C00  # resend with Le=00
    assert tx(card, b"\x00\x2a\x00\x80\x33" + sha256_digest_info(b"x") + b"\x00")[1] == StatusWord.INS_NOT_SUPPORTED


def test_sign_needs_the_key_ef_selected(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_PIN)
    verify(card, "1234")
    assert sign(card, sha256_digest_info(b"x"))[1] == StatusWord.COMMAND_NOT_ALLOWED


def test_security_status_is_cleared_by_selecting_an_ap(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_PIN)
    verify(card, "1234")
    select_ap(card, Aid.TEXT)
    select_ap(card, Aid.JPKI)  # back again: the verification is gone
    select_ef(card, JpkiFile.AUTH_KEY)
    assert sign(card, sha256_digest_info(b"x"))[1] == StatusWord.SECURITY_STATUS_NOT_SATISFIED
    select_ef(card, JpkiFile.AUTH_PIN)
    assert verify(card, None) == 0x63C3


def test_change_pin_after_verify(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_PIN)
    assert tx(card, "00 24 01 80 04 35 36 37 38")[1] == StatusWord.SECURITY_STATUS_NOT_SATISFIED
    verify(card, "1234")
    assert tx(card, "00 24 01 80 03 35 36 37")[1] == StatusWord.WRONG_DATA
    assert tx(card, "00 24 01 80 04 35 36 37 38")[1] == OK
    card.reset()
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_PIN)
    assert verify(card, "5678") == OK


def test_unknown_instruction_and_class(card: VirtualMyNumberCard) -> None:
    assert tx(card, "00CA010000")[1] == StatusWord.INS_NOT_SUPPORTED
    assert tx(card, "A0 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01")[1] == StatusWord.CLA_NOT_SUPPORTED
    assert tx(card, "00A4")[1] == StatusWord.WRONG_LENGTH  # shorter than a header
    assert tx(card, "00A4040C05D392")[1] == StatusWord.WRONG_LENGTH  # Lc says more than is there


# -- phone tokens ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile_id", "label"), [("android-token", TokenLabel.ANDROID), ("iphone-token", TokenLabel.IPHONE)]
)
def test_phone_token_rules(profile_id: str, label: TokenLabel) -> None:
    phone = VirtualMyNumberCard(load_profile(profile_id))
    assert select_ap(phone, Aid.TEXT) == StatusWord.FILE_NOT_FOUND  # JPKI AP only
    assert select_ap(phone, Aid.VISUAL) == StatusWord.FILE_NOT_FOUND
    assert select_ap(phone, Aid.JPKI) == OK
    select_ef(phone, JpkiFile.TOKEN_INFO)
    assert read_binary(phone, 0, 32)[0] == label.value.encode().ljust(32, b" ")
    select_ef(phone, JpkiFile.AUTH_CERT)
    assert read_binary(phone, 0, 4)[1] == StatusWord.SECURITY_STATUS_NOT_SATISFIED  # PIN first
    select_ef(phone, JpkiFile.AUTH_PIN)
    assert verify(phone, "1234") == OK
    select_ef(phone, JpkiFile.AUTH_CERT)
    assert read_der(phone) == phone.auth_certificate_der


def test_iphone_last_command_is_accepted_only_on_iphone() -> None:
    assert tx(VirtualMyNumberCard(load_profile("iphone-token")), "80FC0000")[1] == OK
    assert tx(VirtualMyNumberCard(load_profile("android-token")), "80FC0000")[1] == StatusWord.CLA_NOT_SUPPORTED


# -- text AP and privacy --------------------------------------------------------------------------------------------


def test_basic_four_needs_the_text_pin_and_round_trips(card: VirtualMyNumberCard) -> None:
    assert select_ap(card, Aid.TEXT) == OK
    select_ef(card, TextFile.BASIC_FOUR)
    assert read_binary(card, 0, 0)[1] == StatusWord.SECURITY_STATUS_NOT_SATISFIED
    select_ef(card, TextFile.PIN)
    assert verify(card, None) == 0x63C3
    assert verify(card, "1234") == OK
    select_ef(card, TextFile.BASIC_FOUR)  # no AP re-select between VERIFY and READ (like myna)
    data, sw = read_binary(card, 0, 0)
    assert sw == OK
    info = decode_basic_four(data)
    holder = card.profile.holder
    assert (info.name, info.address, info.birth_date, info.sex) == (
        holder.name,
        holder.address,
        holder.birth_date,
        holder.sex,
    )
    offsets = basic_four_offsets(data)
    assert [data[o : o + 2] for o in offsets] == [b"\xdf\x22", b"\xdf\x23", b"\xdf\x24", b"\xdf\x25"]
    assert not card.trace.privacy_violations


def test_text_pin_counter(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.TEXT)
    select_ef(card, TextFile.PIN)
    assert verify(card, "4321") == 0x63C2
    assert card.tries_left("text", TextFile.PIN) == 2


def test_my_number_file_access_is_flagged_and_holds_no_number(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.TEXT)
    select_ef(card, TextFile.PIN)
    verify(card, "1234")
    assert not card.trace.privacy_violations
    assert select_ef(card, TextFile.MY_NUMBER) == OK
    data, sw = read_binary(card, 0, 17)
    assert sw == OK and data == MY_NUMBER_PLACEHOLDER
    assert data[:3] == b"\xff\x10\x0c" and not any(chr(b).isdigit() for b in data[3:15])
    flagged = card.trace.privacy_violations
    assert [(e.ins, e.ap, e.ef) for e in flagged] == [(0xA4, "text", 0x0001), (0xB0, "text", 0x0001)]


def test_collation_a_is_flagged_and_never_verifies(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.TEXT)
    select_ef(card, TextFile.COLLATION_A)
    assert verify(card, None) == 0x63CA
    assert len(card.trace.privacy_violations) == 2


def test_visual_ap_is_selectable_and_its_sensitive_efs_are_flagged(card: VirtualMyNumberCard) -> None:
    assert select_ap(card, Aid.VISUAL) == OK
    assert not card.trace.privacy_violations
    assert select_ef(card, VisualFile.MY_NUMBER_IMAGE) == OK
    assert read_binary(card, 0, 0)[1] == StatusWord.SECURITY_STATUS_NOT_SATISFIED
    assert select_ef(card, VisualFile.COLLATION_A) == OK
    assert [e.ef for e in card.trace.privacy_violations] == [0x0005, 0x0005, 0x0013]


def test_short_ef_addressing_of_my_number_is_flagged(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.TEXT)
    tx(card, "00B0810000")
    assert len(card.trace.privacy_violations) == 1


def test_jpki_ef_0001_is_not_a_privacy_violation(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.SIGN_CERT)  # same FID as the text AP's My Number file, different AP
    assert read_binary(card, 0, 4)[1] == StatusWord.SECURITY_STATUS_NOT_SATISFIED
    assert not card.trace.privacy_violations


# -- trace ----------------------------------------------------------------------------------------------------------


def test_trace_has_headers_and_never_pin_data(card: VirtualMyNumberCard) -> None:
    select_ap(card, Aid.JPKI)
    select_ef(card, JpkiFile.AUTH_PIN)
    verify(card, "1234")
    entries = card.trace.entries
    assert [(e.ins, e.sw) for e in entries] == [(0xA4, OK), (0xA4, OK), (0x20, OK)]
    assert entries[2].lc == 4 and entries[2].ap == "jpki" and entries[2].ef == JpkiFile.AUTH_PIN
    assert all(e.duration_s >= 0 for e in entries)
    text = card.trace.to_jsonl()
    assert "1234" not in text and "31323334" not in text.upper()
    card.trace.clear()
    assert card.trace.entries == []


def test_a_failing_trace_listener_does_not_break_the_card(card: VirtualMyNumberCard) -> None:
    seen: list[int] = []

    def broken(entry: object) -> None:
        raise OSError("disk full")

    card.trace.subscribe(broken)
    card.trace.subscribe(lambda e: seen.append(e.ins))
    assert select_ap(card, Aid.JPKI) == OK
    assert select_ap(card, Aid.JPKI) == OK
    assert seen == [0xA4, 0xA4]
