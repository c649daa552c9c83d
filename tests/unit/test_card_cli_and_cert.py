"""`reception-app card status / read-cert` on the simulator, and certificate parsing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509

from reception_app.card.certificate import CertificateStatus, certificate_status, parse_certificate
from reception_app.card.errors import CertificateInvalidError
from reception_app.card.virtual import VirtualMyNumberCard, load_profile
from reception_app.cli import main


def test_status_shows_reader_card_token_and_tries(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["card", "status", "--reader", "simulator", "--card", "android-token"]) == 0
    out = capsys.readouterr().out
    assert "Simulator Reader 0: card present" in out
    assert "Token: android (JPKIAPGPSETOKEN)" in out and "Authentication PIN: 3 tries left" in out


def test_status_of_a_blocked_card_and_of_an_empty_reader(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["card", "status", "--reader", "simulator", "--card", "pin-blocked"]) == 0
    assert "BLOCKED" in capsys.readouterr().out
    assert main(["card", "status", "--reader", "simulator"]) == 1
    assert "Card: none" in capsys.readouterr().out


def test_read_cert_prints_the_certificate_and_writes_pem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pem = tmp_path / "auth.pem"
    assert main(["card", "read-cert", "--reader", "simulator", "--card", "expired-cert", "--pem", str(pem)]) == 0
    out = capsys.readouterr().out
    expected = VirtualMyNumberCard(load_profile("expired-cert")).auth_certificate
    assert f"Serial: {expected.serial_number:#x}" in out and "WARNING: expired" in out
    assert x509.load_pem_x509_certificate(pem.read_bytes()) == expected


def test_read_cert_on_a_phone_asks_for_the_pin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["card", "read-cert", "--reader", "simulator", "--card", "iphone-token"]) == 1
    assert "--ask-pin" in capsys.readouterr().err


def test_bad_reader_spec_and_card_without_simulator(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["card", "status", "--reader", "usb"]) == 1
    assert "use 'pcsc', 'pcsc:NAME' or 'simulator'" in capsys.readouterr().err
    assert main(["card", "status", "--reader", "pcsc", "--card", "adult-seishin-21"]) == 1
    assert "--card works only with --reader simulator" in capsys.readouterr().err


def test_certificate_status_thresholds() -> None:
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert certificate_status(now + dt.timedelta(days=91), now) is CertificateStatus.VALID
    assert certificate_status(now + dt.timedelta(days=90), now) is CertificateStatus.EXPIRING
    assert certificate_status(now - dt.timedelta(seconds=1), now) is CertificateStatus.EXPIRED


def test_parse_certificate_fields() -> None:
    card = VirtualMyNumberCard(load_profile("adult-seishin-21"))
    info = parse_certificate(card.auth_certificate_der)
    assert info.serial == card.auth_certificate.serial_number and len(info.subject_cn) == 23
    assert info.status is CertificateStatus.VALID and not info.is_warning and info.days_left > 90
    with pytest.raises(CertificateInvalidError):
        parse_certificate(b"\x30\x03\x02\x01\x01")
