"""One MyNumberCard suite, run on both backends (acceptance 2):

- `simulator`: in-process virtual reader;
- `pcsc`: pyscard -> real pcscd -> vpcd -> `reception-app vcard serve` (subprocess).

Every flow's trace is checked for individual-number access when the rig closes (acceptance 6), and most tests also
check it explicitly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from reception_app.card.backends import ReaderEvent, ReaderEventKind, ReaderWatcher
from reception_app.card.certificate import CertificateStatus, parse_certificate
from reception_app.card.errors import (
    ApplicationNotFoundError,
    InvalidPinFormatError,
    LastPinTryRefusedError,
    NotAMyNumberCardError,
    PinBlockedError,
    SecurityStatusNotSatisfiedError,
    WrongPinError,
)
from reception_app.card.session import Sex, TokenType
from reception_app.card.virtual import load_profile
from tests.integration.card_rig import Apdu, CardRig, SimulatorRig, assert_no_individual_number_access, open_rig

pytestmark = pytest.mark.timeout(60)

SELECT_AID = bytes.fromhex("00A4040C")
SELECT_EF = bytes.fromhex("00A4020C")
READ_BINARY = 0xB0
VERIFY = 0x20


@pytest.fixture(params=["simulator", pytest.param("pcsc", marks=pytest.mark.pcsc)])
def rig(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CardRig]:
    rig = open_rig(request.param, request, tmp_path)
    try:
        yield rig
    finally:
        rig.close()
    for trace in rig.traces:  # acceptance 6 on every card of every test
        assert_no_individual_number_access(trace)


def _verifies(trace: list[Apdu]) -> list[Apdu]:
    """VERIFY commands that carried a PIN (the retry query carries none)."""
    return [e for e in trace if e.ins == VERIFY and e.lc]


@pytest.mark.parametrize(
    ("profile", "token"),
    [("adult-seishin-21", TokenType.PLASTIC), ("android-token", TokenType.ANDROID), ("iphone-token", TokenType.IPHONE)],
)
def test_identify_by_token_label(rig: CardRig, profile: str, token: TokenType) -> None:
    rig.insert(profile)
    identity = rig.session().identify()
    assert identity.token_type is token and identity.label.startswith("JPKIAP")
    trace = rig.trace()
    assert trace[0].header == SELECT_AID  # by SELECT of the JPKI AP, never by ATR
    assert_no_individual_number_access(trace)


def test_a_card_without_the_jpki_ap_is_not_a_my_number_card(rig: CardRig) -> None:
    rig.insert("adult-seishin-21", forced_sw={"00A4040C0AD392F000260100000001": "6A82"})
    with pytest.raises(NotAMyNumberCardError) as info:
        rig.session().identify()
    assert info.value.code == "not_a_my_number_card" and "not a My Number Card" in str(info.value)


def test_certificate_read_uses_exactly_the_minimum_apdus(rig: CardRig) -> None:
    expected = rig.insert("adult-seishin-21")
    der = rig.session().read_auth_certificate()
    assert der == expected
    trace = rig.trace()
    reads = math.ceil(len(expected) / 256)
    assert len(trace) == 2 + reads, [e.header.hex() for e in trace]
    assert trace[0].header == SELECT_AID and trace[1].header == SELECT_EF and trace[1].ef == 0x000A
    assert all(e.ins == READ_BINARY and e.sw == 0x9000 for e in trace[2:])
    assert trace[2].le == 256  # first read: 256 bytes, then only what the DER length says is left
    assert_no_individual_number_access(trace)


def test_card_in_identifies_and_reads_the_certificate_in_the_minimum_apdus(rig: CardRig) -> None:
    expected = rig.insert("adult-seishin-21")
    identity, der = rig.session().identify_and_read_certificate()
    assert der == expected
    assert identity.token_type is TokenType.PLASTIC and not identity.is_phone and not identity.label_read
    trace = rig.trace()
    assert len(trace) == 2 + math.ceil(len(expected) / 256), [e.header.hex() for e in trace]
    assert trace[0].header == SELECT_AID and trace[1].ef == 0x000A
    assert_no_individual_number_access(trace)


@pytest.mark.parametrize(
    ("profile", "token"), [("android-token", TokenType.ANDROID), ("iphone-token", TokenType.IPHONE)]
)
def test_card_in_on_a_phone_reads_the_label_and_asks_for_the_pin(rig: CardRig, profile: str, token: TokenType) -> None:
    expected = rig.insert(profile)
    session = rig.session()
    with pytest.raises(SecurityStatusNotSatisfiedError):
        session.identify_and_read_certificate()
    assert session.identity is not None and session.identity.token_type is token and session.identity.label_read
    assert not _verifies(rig.trace())  # no try spent before the patient typed a PIN
    identity, der = session.identify_and_read_certificate("1234")
    assert der == expected and identity.token_type is token
    assert len(_verifies(rig.trace())) == 1


def test_pin_status_spends_no_try(rig: CardRig) -> None:
    rig.insert("adult-seishin-21")
    session = rig.session()
    first = session.auth_pin_status()
    second = session.auth_pin_status()
    assert first.tries_left == second.tries_left == 3 and not first.blocked
    trace = rig.trace()
    assert not _verifies(trace)
    assert [e.sw for e in trace if e.ins == VERIFY] == [0x63C3, 0x63C3]
    assert_no_individual_number_access(trace)


def test_wrong_pin_costs_exactly_one_try_and_says_how_many_are_left(rig: CardRig) -> None:
    rig.insert("adult-seishin-21")
    session = rig.session()
    with pytest.raises(WrongPinError) as info:
        session.verify_auth_pin("9999")
    assert info.value.tries_left == 2 and "2 tries left" in str(info.value)
    assert len(_verifies(rig.trace())) == 1
    assert session.auth_pin_status().tries_left == 2
    session.verify_auth_pin("1234")  # a correct PIN resets the counter
    assert session.auth_pin_status().verified or session.auth_pin_status().tries_left == 3
    assert_no_individual_number_access(rig.trace())


def test_malformed_pin_is_refused_before_the_card_sees_it(rig: CardRig) -> None:
    rig.insert("adult-seishin-21")
    with pytest.raises(InvalidPinFormatError):
        rig.session().verify_auth_pin("12a4")
    assert rig.trace() == []


def test_blocked_pin_says_it_is_blocked_and_where_to_reset(rig: CardRig) -> None:
    rig.insert("pin-blocked")
    session = rig.session()
    assert session.auth_pin_status().blocked
    with pytest.raises(PinBlockedError) as info:
        session.sign_challenge(b"challenge", "1234")
    message = str(info.value)
    assert "blocked" in message and "市区町村の窓口" in message and "convenience-store" in message
    assert not _verifies(rig.trace())  # nothing more is spent on a blocked PIN
    assert_no_individual_number_access(rig.trace())


def test_last_try_is_refused_unless_allowed(rig: CardRig) -> None:
    rig.insert("pin-one-try-left")
    session = rig.session()
    with pytest.raises(LastPinTryRefusedError) as info:
        session.verify_auth_pin("1234")
    assert info.value.code == "last_pin_try_refused"
    assert not _verifies(rig.trace())
    session.verify_auth_pin("1234", allow_last_try=True)
    assert len(_verifies(rig.trace())) == 1
    assert_no_individual_number_access(rig.trace())


def test_signature_verifies_with_the_certificates_public_key(rig: CardRig) -> None:
    expected = rig.insert("adult-seishin-21")
    challenge = hashlib.sha256(b"gateway nonce").digest() + b"\x00\x01"
    signed = rig.session().sign_challenge(challenge, "1234")
    assert signed.certificate_der == expected and signed.digest_algorithm == "sha256"
    key = x509.load_der_x509_certificate(signed.certificate_der).public_key()
    assert isinstance(key, rsa.RSAPublicKey)
    key.verify(signed.signature, challenge, padding.PKCS1v15(), hashes.SHA256())  # raises if it does not verify
    sign_apdus = [e for e in rig.trace() if e.header == bytes.fromhex("802A0080")]
    assert len(sign_apdus) == 1 and sign_apdus[0].lc == 51 and sign_apdus[0].ef == 0x0017
    assert_no_individual_number_access(rig.trace())


def test_basic_four_info(rig: CardRig) -> None:
    rig.insert("adult-seishin-21")
    holder = load_profile("adult-seishin-21").holder
    info = rig.session().read_basic_four("1234")
    assert (info.name, info.address, info.birth_date, info.sex) == (
        holder.name,
        holder.address,
        holder.birth_date,
        Sex(holder.sex),
    )
    trace = rig.trace()
    assert {e.ap for e in trace} == {"text"} and 0x0002 in {e.ef for e in trace}
    assert_no_individual_number_access(trace)


@pytest.mark.parametrize("profile", ["android-token", "iphone-token"])
def test_phone_tokens_need_the_pin_and_carry_only_jpki(rig: CardRig, profile: str) -> None:
    expected = rig.insert(profile)
    session = rig.session()
    assert session.identify().is_phone
    with pytest.raises(SecurityStatusNotSatisfiedError):
        session.read_auth_certificate()
    assert session.read_auth_certificate("1234") == expected
    signed = session.sign_challenge(b"nonce", "1234")
    assert signed.certificate_der == expected
    with pytest.raises(ApplicationNotFoundError):
        session.read_basic_four("1234")
    assert_no_individual_number_access(rig.trace())


@pytest.mark.parametrize(
    ("profile", "status"),
    [("expired-cert", CertificateStatus.EXPIRED), ("expiring-cert", CertificateStatus.EXPIRING)],
)
def test_expired_and_expiring_certificates_are_warnings(rig: CardRig, profile: str, status: CertificateStatus) -> None:
    rig.insert(profile)
    info = parse_certificate(rig.session().read_auth_certificate())
    assert info.status is status and info.is_warning
    assert len(info.subject_cn) == 23
    assert (info.not_after - info.not_before) > dt.timedelta(days=4 * 365)
    assert_no_individual_number_access(rig.trace())


def test_the_trace_check_catches_individual_number_access() -> None:
    """The acceptance-6 checker itself must fail on a real violation (sent around the guard, straight to the card)."""
    rig = SimulatorRig()
    rig.insert("adult-seishin-21")
    assert rig.card is not None
    rig.card.transmit(bytes.fromhex("00A4040C0AD3921000310001010408"))
    rig.card.transmit(bytes.fromhex("00A4020C020001"))
    with pytest.raises(AssertionError, match="privacy violation"):
        assert_no_individual_number_access(rig.trace())


def _events_until(watcher: ReaderWatcher, kind: ReaderEventKind, reader: str, within_s: float) -> list[ReaderEvent]:
    deadline = time.monotonic() + within_s
    seen: list[ReaderEvent] = []
    while time.monotonic() < deadline:
        seen += watcher.next_events(0.2)
        if ReaderEvent(kind, reader) in seen:
            return seen
    raise AssertionError(f"no {kind} on {reader} within {within_s} s; saw {seen}")


def test_watcher_reports_insert_and_removal(rig: CardRig) -> None:
    watcher = rig.backend.watch()
    try:
        primed = watcher.next_events(0.5)
        assert ReaderEvent(ReaderEventKind.READER_ADDED, rig.reader) in primed
        assert ReaderEvent(ReaderEventKind.CARD_INSERTED, rig.reader) not in primed
        rig.insert("adult-seishin-21")
        _events_until(watcher, ReaderEventKind.CARD_INSERTED, rig.reader, 10)
        rig.pull()
        _events_until(watcher, ReaderEventKind.CARD_REMOVED, rig.reader, 10)
    finally:
        watcher.close()


@pytest.mark.pcsc
def test_cli_reads_the_certificate_through_pcscd(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    import subprocess
    import sys

    rig = open_rig("pcsc", request, tmp_path)
    try:
        expected = rig.insert("expiring-cert")
        pem = tmp_path / "auth.pem"
        base = [sys.executable, "-m", "reception_app", "card"]
        status = subprocess.run(
            [*base, "status", "--reader", f"pcsc:{rig.reader}"], capture_output=True, text=True, timeout=60
        )
        assert status.returncode == 0, status.stderr
        assert f"{rig.reader}: card present" in status.stdout and "Token: plastic" in status.stdout
        assert "Authentication PIN: 3 tries left" in status.stdout
        read = subprocess.run(
            [*base, "read-cert", "--reader", f"pcsc:{rig.reader}", "--pem", str(pem)],
            capture_output=True, text=True, timeout=60,
        )
        assert read.returncode == 0, read.stderr
        assert "WARNING: expires soon" in read.stdout
        assert x509.load_pem_x509_certificate(pem.read_bytes()) == x509.load_der_x509_certificate(expected)
    finally:
        rig.close()
    for trace in rig.traces:
        assert_no_individual_number_access(trace)


@pytest.mark.pcsc
@pytest.mark.timeout(60)
def test_other_programs_wait_while_a_session_operation_runs(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """PC/SC shares the card; a session operation holds a transaction so that nobody changes the selected AP
    between its APDUs. A second connection (standing for another program) cannot start one meanwhile."""
    from reception_app.card.errors import CardTimeoutError

    rig = open_rig("pcsc", request, tmp_path)
    try:
        expected = rig.insert("adult-seishin-21")
        ours = rig.session()
        other = rig.backend.connect(rig.reader)
        with ours.connection.transaction():
            start = time.monotonic()
            with pytest.raises(CardTimeoutError):
                other.begin_transaction(timeout_s=0.5)
            assert time.monotonic() - start >= 0.5
            assert ours.read_auth_certificate() == expected  # nested operations share the outer transaction
        other.disconnect()
        third = rig.backend.connect(rig.reader)  # after ours ended, others get their turn
        third.begin_transaction(timeout_s=5)
        third.end_transaction()
        third.disconnect()
    finally:
        rig.close()
    for trace in rig.traces:
        assert_no_individual_number_access(trace)


@pytest.mark.pcsc
@pytest.mark.timeout(60)
def test_a_reset_by_another_program_is_reported_and_recovered(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    from smartcard import scard

    from reception_app.card.errors import CardResetError

    rig = open_rig("pcsc", request, tmp_path)
    try:
        expected = rig.insert("adult-seishin-21")
        ours = rig.session()
        ours.identify()
        # Another program connects and resets the card on leaving.
        hr, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        hr, card, _protocol = scard.SCardConnect(ctx, rig.reader, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T1)
        assert hr == scard.SCARD_S_SUCCESS
        scard.SCardDisconnect(card, scard.SCARD_RESET_CARD)
        scard.SCardReleaseContext(ctx)
        with pytest.raises(CardResetError):
            ours.auth_pin_status()
        assert ours.connection.selected_ap is None  # the guard forgot the selection with the card
        assert ours.read_auth_certificate() == expected  # the same connection works again
    finally:
        rig.close()
    for trace in rig.traces:
        assert_no_individual_number_access(trace)
