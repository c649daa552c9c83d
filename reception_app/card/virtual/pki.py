"""The project's test CA and the per-profile RSA-2048 keys and X.509 certificates of the virtual cards.

Keys are committed PEM files under `resources/cards/` (test-only; `scripts/make_test_ca.py` regenerates them), so no
test has to generate RSA keys. Certificates are issued on the fly: validity is relative to today and everything in
the TBS is derived from the profile and the date, so a certificate is byte-identical within a day (PKCS#1 v1.5
signatures are deterministic).
"""

from __future__ import annotations

import base64
import functools
import hashlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

from reception_app.card.virtual.errors import ProfileError
from reception_app.card.virtual.profile import CardProfile, CertificateValidity
from reception_app.paths import resource

# Real JPKI values (domain notes §3); the signature-certificate policy OID is UNCONFIRMED (not in the notes).
AUTH_POLICY_OID = x509.ObjectIdentifier("1.2.392.200149.8.5.1.3.30")
SIGN_POLICY_OID = x509.ObjectIdentifier("1.2.392.200149.8.5.1.1.10")  # UNCONFIRMED
CERT_LIFETIME = timedelta(days=5 * 365 + 1)
VALIDITY_OFFSETS = {  # how today sits in the validity window of each profile kind
    CertificateValidity.VALID: "issued 365 days ago",
    CertificateValidity.EXPIRING: "expires in 30 days",
    CertificateValidity.EXPIRED: "expired 60 days ago",
}
OCSP_URL = {"auth": "http://ocsp-auth.jpki-test.invalid/", "sign": "http://ocsp-sign.jpki-test.invalid/"}
CA_VALIDITY = (datetime(2020, 1, 1, tzinfo=UTC), datetime(2049, 12, 31, 23, 59, 59, tzinfo=UTC))
TEST_MARK = "TEST ONLY - not a J-LIS CA"


def ca_name(kind: str) -> x509.Name:
    """Like the real issuer (C=JP, O=JPKI, OU=JPKI for ..., OU=J-LIS) but visibly a test CA."""
    purpose = "JPKI for user authentication" if kind == "auth" else "JPKI for digital signature"
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "JPKI TEST"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, purpose),
            x509.NameAttribute(
                NameOID.ORGANIZATIONAL_UNIT_NAME, "Japan Agency for Local Authority Information Systems"
            ),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, TEST_MARK),
        ]
    )


def cards_dir() -> Path:
    return resource("cards")


def ca_key_path(kind: str) -> Path:
    return cards_dir() / "ca" / f"{kind}-ca.key.pem"


def ca_cert_path(kind: str) -> Path:
    return cards_dir() / "ca" / f"{kind}-ca.cert.pem"


def card_key_path(profile_id: str, kind: str) -> Path:
    return cards_dir() / "keys" / f"{profile_id}.{kind}.key.pem"


@functools.cache
def _load_key(path: Path) -> rsa.RSAPrivateKey:
    if not path.is_file():
        raise ProfileError(f"Test key {path.name} is missing: run scripts/make_test_ca.py.")
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ProfileError(f"Test key {path.name} is not an RSA key.")
    return key


def load_card_key(profile_id: str, kind: str) -> rsa.RSAPrivateKey:
    return _load_key(card_key_path(profile_id, kind))


def load_ca_key(kind: str) -> rsa.RSAPrivateKey:
    return _load_key(ca_key_path(kind))


@functools.cache
def _load_ca_cert(kind: str) -> x509.Certificate:
    path = ca_cert_path(kind)
    if not path.is_file():
        raise ProfileError(f"Test CA certificate {path.name} is missing: run scripts/make_test_ca.py.")
    return x509.load_pem_x509_certificate(path.read_bytes())


def ca_certificate(kind: str = "auth") -> x509.Certificate:
    """The test CA that issues the virtual cards' authentication ("auth") or signature ("sign") certificates."""
    return _load_ca_cert(kind)


def ca_certificate_der(kind: str = "auth") -> bytes:
    """DER of the test CA certificate: what JPKI EF 000B (auth) / 0002 (sign) hold; for chain checks."""
    return _load_ca_cert(kind).public_bytes(serialization.Encoding.DER)


def opaque_subject_id(profile_id: str, kind: str = "auth") -> str:
    """A 23-character uppercase alphanumeric CN like `840444E37PAFHN08220003A`, derived from the profile id.

    Letters at fixed places keep digit runs short (never anything that looks like a 12-digit number).
    """
    digest = hashlib.sha256(f"jpki-test-subject:{kind}:{profile_id}".encode()).digest()
    digits = f"{int.from_bytes(digest[:8], 'big') % 10**6:06d}"
    b32 = base64.b32encode(digest[8:]).decode("ascii")
    letters = [c for c in b32 if c.isalpha()]
    cn = f"{digits}{letters[0]}{b32[:5]}{letters[1]}{b32[5:10]}0003A"
    assert len(cn) == 23
    return cn


def validity_window(validity: CertificateValidity, today: date) -> tuple[datetime, datetime]:
    midnight = datetime(today.year, today.month, today.day, tzinfo=UTC)
    if validity is CertificateValidity.VALID:
        not_before = midnight - timedelta(days=365)
        return not_before, not_before + CERT_LIFETIME
    not_after = midnight + (timedelta(days=30) if validity is CertificateValidity.EXPIRING else -timedelta(days=60))
    return not_after - CERT_LIFETIME, not_after


def _serial(profile_id: str, kind: str, not_before: datetime) -> int:
    # A short integer like the real ones (e.g. 0x012D57CA); changes whenever the certificate does.
    digest = hashlib.sha256(f"{kind}:{profile_id}:{not_before.date().isoformat()}".encode()).digest()
    return 0x01000000 | int.from_bytes(digest[:3], "big")


def _crl_dp_name(kind: str, prefecture: str, municipality: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "JPKI TEST"),
            x509.NameAttribute(
                NameOID.ORGANIZATIONAL_UNIT_NAME,
                "JPKI for user authentication" if kind == "auth" else "JPKI for digital signature",
            ),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "CRL Distribution Points"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, prefecture),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{municipality} CRLDP"),
        ]
    )


def _issuer_alt_name(kind: str) -> x509.Name:
    purpose = "利用者証明用" if kind == "auth" else "署名用"
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"公的個人認証サービス{purpose}（テスト）"),
        ]
    )


def _build(
    profile: CardProfile,
    kind: str,
    today: date,
    subject: x509.Name,
    key_usage: x509.KeyUsage,
    policy: x509.ObjectIdentifier,
) -> x509.Certificate:
    ca_key = load_ca_key(kind)
    ca_cert = ca_certificate(kind)
    key = load_card_key(profile.id, kind)
    not_before, not_after = validity_window(profile.certificate.validity, today)
    spec = profile.certificate
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(_serial(profile.id, kind, not_before))
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(key_usage, critical=True)
        .add_extension(x509.CertificatePolicies([x509.PolicyInformation(policy, None)]), critical=False)
        .add_extension(x509.IssuerAlternativeName([x509.DirectoryName(_issuer_alt_name(kind))]), critical=False)
        .add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(OCSP_URL[kind])
                    )
                ]
            ),
            critical=False,
        )
        .add_extension(
            x509.CRLDistributionPoints(
                [
                    x509.DistributionPoint(
                        full_name=[x509.DirectoryName(_crl_dp_name(kind, spec.prefecture, spec.municipality))],
                        relative_name=None,
                        reasons=None,
                        crl_issuer=None,
                    )
                ]
            ),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
    )
    if kind == "auth":
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
    return builder.sign(ca_key, hashes.SHA256())


_KU_AUTH = x509.KeyUsage(
    digital_signature=True,
    content_commitment=False,
    key_encipherment=False,
    data_encipherment=False,
    key_agreement=False,
    key_cert_sign=False,
    crl_sign=False,
    encipher_only=False,
    decipher_only=False,
)
_KU_SIGN = x509.KeyUsage(
    digital_signature=True,
    content_commitment=True,
    key_encipherment=False,
    data_encipherment=False,
    key_agreement=False,
    key_cert_sign=False,
    crl_sign=False,
    encipher_only=False,
    decipher_only=False,
)


@functools.lru_cache(maxsize=128)
def _issue_cached(profile_json: str, kind: str, today: date) -> bytes:
    profile = CardProfile.model_validate_json(profile_json)
    if kind == "auth":
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
                x509.NameAttribute(NameOID.COMMON_NAME, opaque_subject_id(profile.id, "auth")),
            ]
        )
        cert = _build(profile, kind, today, subject, _KU_AUTH, AUTH_POLICY_OID)
    else:
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
                x509.NameAttribute(NameOID.LOCALITY_NAME, profile.certificate.prefecture),
                x509.NameAttribute(NameOID.LOCALITY_NAME, profile.certificate.municipality),
                x509.NameAttribute(NameOID.COMMON_NAME, opaque_subject_id(profile.id, "sign")),
            ]
        )
        cert = _build(profile, kind, today, subject, _KU_SIGN, SIGN_POLICY_OID)
    return cert.public_bytes(serialization.Encoding.DER)


def utc_today() -> date:
    return datetime.now(UTC).date()


def issue_certificate_der(profile: CardProfile, kind: str = "auth", today: date | None = None) -> bytes:
    """DER certificate for the profile's authentication ("auth") or signature ("sign") key, valid relative to today."""
    if kind not in ("auth", "sign"):
        raise ValueError(f"unknown certificate kind {kind!r}")
    # Only the fields that shape the certificate form the cache key (faults and PIN counters do not).
    key_fields = profile.model_dump_json(include={"id", "holder", "certificate"})
    return _issue_cached(key_fields, kind, today or utc_today())


# The names the brief announced; `__test__ = False` keeps pytest from collecting them when a test imports them.
test_ca_certificate = ca_certificate
test_ca_certificate_der = ca_certificate_der
for _alias in (ca_certificate, ca_certificate_der):
    setattr(_alias, "__test__", False)  # noqa: B010
