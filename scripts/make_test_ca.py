"""(Re)generate the TEST-ONLY key material of the virtual My Number Cards under resources/cards/.

- resources/cards/ca/{auth,sign}-ca.key.pem and .cert.pem: the project's test CAs (self-signed, marked TEST);
- resources/cards/keys/<profile>.{auth,sign}.key.pem: one RSA-2048 key per profile and certificate.

Existing files are kept unless --force is given (regenerating the CA changes every card certificate). Keys are
committed so that tests never generate RSA keys. They protect nothing: never use them outside tests and demos.

Usage: .venv/bin/python scripts/make_test_ca.py [--force]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from reception_app.card.virtual import pki
from reception_app.card.virtual.profile import list_profiles, load_profile


def _write_key(path: Path, force: bool) -> rsa.RSAPrivateKey:
    if path.exists() and not force:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        assert isinstance(key, rsa.RSAPrivateKey)
        return key
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    print(f"wrote {path}")
    return key


def _write_ca(kind: str, force: bool) -> None:
    key_path, cert_path = pki.ca_key_path(kind), pki.ca_cert_path(kind)
    regenerate = force or not key_path.exists()
    key = _write_key(key_path, force)
    if cert_path.exists() and not regenerate:
        return
    name = pki.ca_name(kind)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1 if kind == "auth" else 2)
        .not_valid_before(pki.CA_VALIDITY[0])
        .not_valid_after(pki.CA_VALIDITY[1])
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    print(f"wrote {cert_path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--force", action="store_true", help="regenerate existing keys and CA certificates too")
    args = parser.parse_args(argv)
    for kind in ("auth", "sign"):
        _write_ca(kind, args.force)
    for profile_id in list_profiles():
        profile = load_profile(profile_id)
        _write_key(pki.card_key_path(profile.id, "auth"), args.force)
        if profile.certificate.signature_certificate:
            _write_key(pki.card_key_path(profile.id, "sign"), args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
