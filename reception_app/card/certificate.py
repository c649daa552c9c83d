"""The JPKI authentication certificate, parsed with `cryptography`.

An expired certificate is a warning, not a failure: the card still serves as 保険証 for three months after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from reception_app.card.errors import CertificateInvalidError

EXPIRING_WITHIN = dt.timedelta(days=90)


class CertificateStatus(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"  # within EXPIRING_WITHIN of not_after: warn the cardholder to renew
    EXPIRED = "expired"  # a warning only


@dataclass(frozen=True)
class CertificateInfo:
    subject_cn: str  # the opaque 23-character id: identifies the card, reveals no personal data
    serial: int
    issuer: str
    not_before: dt.datetime
    not_after: dt.datetime
    status: CertificateStatus
    days_left: int  # negative when expired

    @property
    def is_warning(self) -> bool:
        return self.status is not CertificateStatus.VALID


def load_certificate(der: bytes) -> x509.Certificate:
    try:
        return x509.load_der_x509_certificate(der)
    except ValueError as exc:
        raise CertificateInvalidError() from exc


def certificate_status(not_after: dt.datetime, now: dt.datetime) -> CertificateStatus:
    if now > not_after:
        return CertificateStatus.EXPIRED
    if not_after - now <= EXPIRING_WITHIN:
        return CertificateStatus.EXPIRING
    return CertificateStatus.VALID


def parse_certificate(der: bytes, now: dt.datetime | None = None) -> CertificateInfo:
    cert = load_certificate(der)
    now = now or dt.datetime.now(dt.UTC)
    cns = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    cn = cns[0].value if cns else ""
    not_after = cert.not_valid_after_utc
    return CertificateInfo(
        subject_cn=cn if isinstance(cn, str) else cn.decode("utf-8", "replace"),
        serial=cert.serial_number,
        issuer=cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=not_after,
        status=certificate_status(not_after, now),
        days_left=(not_after - now).days,
    )


def signature_verifies(der: bytes, signature: bytes, message: bytes) -> bool:
    """Whether `signature` is an RSA PKCS#1 v1.5 SHA-256 signature of `message` by the certificate's key."""
    key = load_certificate(der).public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise CertificateInvalidError("The certificate does not hold an RSA key.")
    try:
        key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return False
    return True
