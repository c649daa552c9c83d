"""Card profiles, the test CA and the per-profile certificates."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

from reception_app.card.virtual import (
    CardProfile,
    CertificateValidity,
    ProfileError,
    TokenType,
    VirtualMyNumberCard,
    ca_certificate,
    issue_certificate_der,
    list_profiles,
    load_profile,
    opaque_subject_id,
    pki,
)
from reception_app.card.virtual.tlv import BasicFour, basic_four_offsets, decode_basic_four, encode_basic_four

ROSTER = {
    "child-local-subsidy": ("山田　陽太", "1", date(2022, 6, 15), "plastic", "valid"),
    "adult-seishin-21": ("佐藤　美咲", "2", date(1988, 3, 9), "plastic", "valid"),
    "adult-nanbyo-54": ("鈴木　健一", "1", date(1975, 11, 2), "plastic", "valid"),
    "elder-kouki-10pct": ("高橋　キヨ", "2", date(1940, 1, 20), "plastic", "valid"),
    "elder-70-74": ("木村　正", "1", date(1954, 4, 10), "plastic", "valid"),
    "seikatsu-hogo-a1": ("伊藤　誠", "1", date(1968, 7, 7), "plastic", "valid"),
    "lost-qualification": ("渡辺　直子", "2", date(1992, 12, 24), "plastic", "valid"),
    "insurance-change": ("中村　翔", "1", date(1995, 4, 1), "plastic", "valid"),
    "expired-cert": ("小林　和子", "2", date(1958, 8, 30), "plastic", "expired"),
    "expiring-cert": ("山本　勇", "1", date(1961, 9, 15), "plastic", "expiring"),
    "gaiji-name": ("齋藤　恵", "2", date(1983, 5, 5), "plastic", "valid"),
    "android-token": ("加藤　大輔", "1", date(1990, 10, 10), "android", "valid"),
    "iphone-token": ("吉田　さくら", "2", date(2001, 2, 28), "iphone", "valid"),
    "pin-one-try-left": ("松本　由美", "2", date(1979, 6, 6), "plastic", "valid"),
    "pin-blocked": ("井上　隆", "1", date(1950, 3, 3), "plastic", "valid"),
}
DEMO_TODAY = date(2026, 11, 25)


def test_every_roster_row_has_a_profile() -> None:
    assert list_profiles() == sorted(ROSTER)


@pytest.mark.parametrize("profile_id", sorted(ROSTER))
def test_profile_matches_roster(profile_id: str) -> None:
    p = load_profile(profile_id)
    name, sex, born, token, validity = ROSTER[profile_id]
    assert (p.holder.name, p.holder.sex, p.holder.birth_date) == (name, sex, born)
    assert (p.token.value, p.certificate.validity.value) == (token, validity)
    assert re.search(r"[０-９]", p.holder.address), "addresses use full-width digits"
    assert not re.search(r"\d{12}", json.dumps(p.model_dump(mode="json"), ensure_ascii=False))


def test_municipalities_of_the_roster() -> None:
    assert load_profile("child-local-subsidy").holder.address.startswith("東京都調布市")
    assert load_profile("adult-seishin-21").holder.address.startswith("埼玉県川口市")
    assert load_profile("adult-nanbyo-54").holder.address.startswith("神奈川県横浜市")
    assert load_profile("elder-kouki-10pct").holder.address.startswith("千葉県松戸市")
    assert not load_profile("child-local-subsidy").certificate.signature_certificate


def test_pin_profiles() -> None:
    assert load_profile("pin-one-try-left").pins.auth.tries_left == 1
    assert load_profile("pin-blocked").pins.auth.tries_left == 0
    assert load_profile("adult-seishin-21").pins.signature.tries_left == 5


def test_pins_never_appear_in_repr() -> None:
    p = load_profile("adult-seishin-21")
    assert "ABC123" not in repr(p) and "ABC123" not in str(p)


def test_load_by_path_and_errors(tmp_path: Path) -> None:
    src = load_profile("adult-seishin-21").model_dump(mode="json")
    src["id"] = "custom-card"
    path = tmp_path / "custom.json"
    path.write_text(json.dumps(src), encoding="utf-8")
    assert load_profile(path).id == "custom-card"
    assert load_profile(str(path)).id == "custom-card"
    with pytest.raises(ProfileError, match="No card profile 'nobody'"):
        load_profile("nobody")
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ProfileError, match="not valid JSON"):
        load_profile(path)
    src["pins"]["auth"] = {"value": "12345", "tries_left": 3}
    path.write_text(json.dumps(src), encoding="utf-8")
    with pytest.raises(ProfileError, match="4-digit PIN") as err:
        load_profile(path)
    assert err.value.code == "card_profile_invalid"
    assert "12345" not in str(err.value).split("input_value")[0]


def test_token_labels() -> None:
    assert TokenType.ANDROID.label.value == "JPKIAPGPSETOKEN"
    assert TokenType.IPHONE.label.value == "JPKIAPIOSTOKEN"
    assert TokenType.PLASTIC.label.value == "JPKIAPICCTOKEN2"


# -- certificates ---------------------------------------------------------------------------------------------------


def _cert(profile_id: str, today: date = DEMO_TODAY) -> x509.Certificate:
    return x509.load_der_x509_certificate(issue_certificate_der(load_profile(profile_id), "auth", today))


def test_opaque_subject_id_shape_and_determinism() -> None:
    ids = {opaque_subject_id(p) for p in ROSTER}
    assert len(ids) == len(ROSTER)
    for cn in ids:
        assert re.fullmatch(r"[0-9A-Z]{23}", cn)
        assert not re.search(r"\d{12}", cn)
    assert opaque_subject_id("adult-seishin-21") == opaque_subject_id("adult-seishin-21")


def test_auth_certificate_profile() -> None:
    cert = _cert("adult-seishin-21")
    assert cert.subject.rfc4514_string() == f"CN={opaque_subject_id('adult-seishin-21')},C=JP"
    assert cert.public_key().key_size == 2048  # type: ignore[union-attr]
    assert cert.public_key().public_numbers().e == 65537  # type: ignore[union-attr]
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert ku.critical and ku.value.digital_signature and not ku.value.content_commitment
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.CLIENT_AUTH]
    policies = cert.extensions.get_extension_for_class(x509.CertificatePolicies).value
    assert [p.policy_identifier.dotted_string for p in policies] == ["1.2.392.200149.8.5.1.3.30"]
    ian = cert.extensions.get_extension_for_class(x509.IssuerAlternativeName).value
    assert "利用者証明用" in ian[0].value.rfc4514_string()
    aia = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    assert aia[0].access_method == AuthorityInformationAccessOID.OCSP
    crldp = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    dp_name = crldp[0].full_name[0].value.rfc4514_string()  # type: ignore[index]
    assert "Kawaguchi-shi CRLDP" in dp_name and "Saitama-ken" in dp_name
    issuer = cert.issuer.rfc4514_string()
    assert "TEST" in issuer and "JPKI for user authentication" in issuer
    span = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert timedelta(days=5 * 365) <= span <= timedelta(days=5 * 366)
    assert cert.serial_number < 2**32
    for attr in (NameOID.LOCALITY_NAME, NameOID.ORGANIZATION_NAME):
        assert not cert.subject.get_attributes_for_oid(attr)  # no personal data in the auth certificate


def test_certificate_chains_to_the_test_ca() -> None:
    cert = _cert("elder-kouki-10pct")
    ca = ca_certificate("auth")
    assert cert.issuer == ca.subject
    cert.verify_directly_issued_by(ca)
    ca.public_key().verify(  # type: ignore[call-arg, union-attr]
        cert.signature, cert.tbs_certificate_bytes, padding.PKCS1v15(), cert.signature_hash_algorithm
    )


def test_validity_relative_to_today() -> None:
    midnight = datetime(2026, 11, 25, tzinfo=UTC)
    valid = _cert("adult-seishin-21")
    assert valid.not_valid_before_utc < midnight < valid.not_valid_after_utc - timedelta(days=365)
    assert _cert("expiring-cert").not_valid_after_utc == midnight + timedelta(days=30)
    expired = _cert("expired-cert")
    assert expired.not_valid_after_utc == midnight - timedelta(days=60)
    assert expired.not_valid_before_utc < expired.not_valid_after_utc
    later = _cert("expiring-cert", date(2027, 3, 1))
    assert later.not_valid_after_utc == datetime(2027, 3, 31, tzinfo=UTC)  # still "expiring" on any day


def test_certificate_is_byte_identical_within_a_day() -> None:
    profile = load_profile("gaiji-name")
    first = issue_certificate_der(profile, "auth", DEMO_TODAY)
    pki._issue_cached.cache_clear()  # force a fresh signature, not the cached bytes
    assert issue_certificate_der(profile, "auth", DEMO_TODAY) == first
    assert issue_certificate_der(profile, "auth", DEMO_TODAY + timedelta(days=1)) != first


def test_card_certificate_is_the_issued_one() -> None:
    card = VirtualMyNumberCard(load_profile("adult-nanbyo-54"), today=DEMO_TODAY)
    assert card.auth_certificate_der == issue_certificate_der(card.profile, "auth", DEMO_TODAY)
    sign_der = card.signature_certificate_der
    assert sign_der is not None
    sign_cert = x509.load_der_x509_certificate(sign_der)
    sign_cert.verify_directly_issued_by(ca_certificate("sign"))
    assert sign_cert.public_key() != card.auth_certificate.public_key()


def test_profile_validation_of_faults() -> None:
    base = load_profile("adult-seishin-21").model_dump(mode="json")
    base["faults"] = {"forced_sw": {"b0": "6a 82"}, "latency_ms": 5}
    p = CardProfile.model_validate(base)
    assert p.faults.forced_sw == {"B0": "6A82"}
    base["faults"] = {"forced_sw": {"B0": "6A8"}}
    with pytest.raises(ValueError, match="2-byte status word"):
        CardProfile.model_validate(base)
    base["faults"] = {"nonsense": 1}
    with pytest.raises(ValueError):
        CardProfile.model_validate(base)


def test_certificate_validity_kinds_are_documented() -> None:
    assert {v.value for v in CertificateValidity} == {"valid", "expiring", "expired"}


# -- basic 4 TLV ----------------------------------------------------------------------------------------------------


def test_basic_four_matches_the_real_card_layout() -> None:
    """The JPKI-TEST card bytes from the domain notes: FF20 65, DF21 offsets 000E 0020 0059 0064."""
    info = BasicFour("黒桐　幹也", "東京都清瀬市観布子南１２－７－２０２", date(1980, 2, 17), "1")
    data = encode_basic_four(info)
    assert data[:3] == bytes.fromhex("FF2065")
    assert data[3:14] == bytes.fromhex("DF 21 08 00 0E 00 20 00 59 00 64")
    assert basic_four_offsets(data) == [0x0E, 0x20, 0x59, 0x64]
    assert decode_basic_four(data) == info


def test_basic_four_long_form_length_round_trip() -> None:
    info = BasicFour(
        "長い　名前",
        "京都府京都市中京区寺町通御池上る上本能寺前町４８８番地の長い長い建物名称１０１号室",
        date(1983, 5, 5),
        "2",
    )
    data = encode_basic_four(info)
    assert data[2] == 0x81  # over 127 bytes: long-form length, as mnbcard's fixed offsets assume
    offsets = basic_four_offsets(data)
    assert [data[o : o + 2] for o in offsets] == [b"\xdf\x22", b"\xdf\x23", b"\xdf\x24", b"\xdf\x25"]
    assert decode_basic_four(data + b"\xff" * 40) == info  # filler after the record is ignored
