"""Gateway client against the simulator over real HTTP(S) on loopback: happy path and every typed failure.

Each failure must arrive as its typed error within the configured timeout (pytest-timeout is only the guard).
"""

from __future__ import annotations

import datetime as dt
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from reception_app.connect import gateway_protocol as proto
from reception_app.connect.errors import (
    ChallengeExpired,
    ChallengeReplayed,
    GatewayProtocolError,
    GatewayTimeout,
    GatewayTlsError,
    GatewayUnavailable,
    SignatureRejected,
)
from reception_app.connect.gateway_client import GatewayClient, GatewayConfig
from reception_app.connect.signers import SoftwareCardSigner
from reception_app.connect.simulator import OqsSimulator
from reception_app.connect.source import EligibilityQuery, GatewaySource, OqsStillProcessing
from reception_app.connect.tls import TlsConfig

pytestmark = pytest.mark.timeout(30)

VISIT = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OqsSimulator]:
    with OqsSimulator(tmp_path_factory.mktemp("oqs"), 0) as s:
        yield s


@pytest.fixture(scope="module")
def tls_sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OqsSimulator]:
    with OqsSimulator(tmp_path_factory.mktemp("oqs-tls"), 0, tls=True) as s:
        yield s


@pytest.fixture(autouse=True)
def _reset(sim: OqsSimulator) -> None:
    sim.faults.reset()


def client(s: OqsSimulator, **kw: object) -> GatewayClient:
    return GatewayClient(GatewayConfig(s.base_url, s.institution_code, **kw))  # type: ignore[arg-type]


def fetch(c: GatewayClient, profile: str = "adult-seishin-21", **signer_kw: str) -> object:
    return GatewaySource(c).fetch(
        EligibilityQuery(visit_date=VISIT, signer=SoftwareCardSigner(profile, **signer_kw),
                         consents=proto.Consents(medical_subsidy_info=True))
    )


def timed(fn: object) -> tuple[BaseException, float]:
    t0 = time.monotonic()
    try:
        fn()  # type: ignore[operator]
    except BaseException as exc:
        return exc, time.monotonic() - t0
    raise AssertionError("expected an error")


def test_confirm_returns_the_profile_result_and_subsidies(sim: OqsSimulator) -> None:
    with client(sim) as c:
        out = fetch(c, "adult-seishin-21")
    profile = sim.profiles.get("adult-seishin-21")
    assert out.result.results[0].name == profile.results[0]["Name"]  # type: ignore[attr-defined]
    assert out.result.header.qualification_confirmation_date == "20261125"  # type: ignore[attr-defined]
    assert [s.payer_number for s in out.subsidies] == [  # type: ignore[attr-defined]
        s["MedicalSubsidyInsurerNumber"] for s in profile.subsidies]
    assert out.subsidies[0].monthly_cap_yen == 5000  # type: ignore[attr-defined]


def test_no_pmh_consent_means_no_subsidies(sim: OqsSimulator) -> None:
    with client(sim) as c:
        out = GatewaySource(c).fetch(EligibilityQuery(visit_date=VISIT, signer=SoftwareCardSigner("adult-nanbyo-54")))
    assert out.subsidies == ()
    assert out.result.results[0].birth_date == "19751102"


def test_timeout_is_typed_and_bounded(sim: OqsSimulator) -> None:
    sim.faults.update({"gateway": {"hang_s": 5.0}})
    with client(sim, read_timeout=0.4, total_timeout=1.0, challenge_retries=1, backoff_initial=0.05) as c:
        exc, took = timed(c.get_challenge)
    assert isinstance(exc, GatewayTimeout) and exc.code == "gateway_timeout"
    assert took < 1.5


def test_5xx_is_unavailable_and_challenge_retry_recovers(sim: OqsSimulator) -> None:
    sim.faults.update({"gateway": {"http_status": 503}})
    with client(sim, challenge_retries=2, backoff_initial=0.01, total_timeout=3.0) as c:
        exc, took = timed(c.get_challenge)
        assert isinstance(exc, GatewayUnavailable) and took < 3.0
        sim.faults.update({"gateway": {"http_status": 502, "fail_count": 1}})
        challenge = c.get_challenge()  # one failure, then the retry succeeds
    assert challenge.nonce and len(challenge.nonce) == proto.NONCE_BYTES


def test_confirm_is_never_retried(sim: OqsSimulator) -> None:
    with client(sim, challenge_retries=3, backoff_initial=0.01) as c:
        challenge = c.get_challenge()
        signer = SoftwareCardSigner("adult-seishin-21")
        sig, cert = signer.sign(challenge.data_to_sign(VISIT, sim.institution_code))
        sim.faults.update({"gateway": {"http_status": 503, "fail_count": 1}})
        before = sim.backend.requests["POST /v1/confirm"]
        with pytest.raises(GatewayUnavailable):
            c.confirm(challenge, certificate_der=cert, signature=sig, visit_date=VISIT)
    # One failure was injected; a retry would have succeeded and hidden it.
    assert sim.backend.requests["POST /v1/confirm"] == before + 1


def test_connection_refused_is_unavailable_quickly() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c = GatewayClient(GatewayConfig(f"http://127.0.0.1:{port}", "1311234569", total_timeout=2.0, backoff_initial=0.01))
    exc, took = timed(c.get_challenge)
    assert isinstance(exc, GatewayUnavailable) and exc.code == "gateway_unavailable"
    assert took < 2.0


def test_outage_window_and_dropped_connection(sim: OqsSimulator) -> None:
    now = time.time()
    sim.faults.update({"gateway": {"outages": [[now - 1, now + 60]]}})
    with client(sim, challenge_retries=0) as c:
        with pytest.raises(GatewayUnavailable):
            c.get_challenge()
        sim.faults.update({"gateway": {"outages": [], "drop_connection": True}})
        with pytest.raises(GatewayUnavailable):
            c.get_challenge()


def test_malformed_body_is_protocol_error(sim: OqsSimulator) -> None:
    sim.faults.update({"gateway": {"malformed": True}})
    with client(sim) as c:
        exc, took = timed(c.get_challenge)
    assert took < 5.0
    assert isinstance(exc, GatewayProtocolError) and exc.code == "gateway_protocol_error"


def test_replayed_and_stale_challenges(sim: OqsSimulator) -> None:
    signer = SoftwareCardSigner("elder-kouki-10pct")
    with client(sim) as c:
        ch = c.get_challenge()
        sig, cert = signer.sign(ch.data_to_sign(VISIT, sim.institution_code))
        c.confirm(ch, certificate_der=cert, signature=sig, visit_date=VISIT)
        with pytest.raises(ChallengeReplayed) as replay:
            c.confirm(ch, certificate_der=cert, signature=sig, visit_date=VISIT)
        assert replay.value.code == "challenge_replayed"
        sim.faults.update({"gateway": {"challenge_ttl_s": -1.0}})  # issued already expired: no waiting needed
        stale = c.get_challenge()
        sig, cert = signer.sign(stale.data_to_sign(VISIT, sim.institution_code))
        with pytest.raises(ChallengeExpired) as expired:
            c.confirm(stale, certificate_der=cert, signature=sig, visit_date=VISIT)
        assert expired.value.code == "challenge_expired"


def test_signature_bound_to_visit_date(sim: OqsSimulator) -> None:
    signer = SoftwareCardSigner("elder-kouki-10pct")
    with client(sim) as c:
        ch = c.get_challenge()
        sig, cert = signer.sign(ch.data_to_sign(VISIT - dt.timedelta(days=1), sim.institution_code))
        with pytest.raises(SignatureRejected):
            c.confirm(ch, certificate_der=cert, signature=sig, visit_date=VISIT)


def test_another_cards_key_is_rejected(sim: OqsSimulator) -> None:
    with client(sim) as c:
        exc, _ = timed(lambda: fetch(c, "adult-seishin-21", key_of="adult-nanbyo-54"))
    assert isinstance(exc, SignatureRejected) and exc.code == "signature_rejected"


def test_certificate_from_a_foreign_ca_is_rejected(sim: OqsSimulator) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "adult-seishin-21")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(7).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=9))
            .sign(key, hashes.SHA256()))
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import padding

    der = cert.public_bytes(serialization.Encoding.DER)
    with client(sim) as c:
        ch = c.get_challenge()
        sig = key.sign(ch.data_to_sign(VISIT, sim.institution_code), padding.PKCS1v15(), hashes.SHA256())
        with pytest.raises(SignatureRejected):
            c.confirm(ch, certificate_der=der, signature=sig, visit_date=VISIT)


def test_segment_of_result_not_final_is_typed(sim: OqsSimulator) -> None:
    sim.faults.update({"gateway": {"segment_of_result": "2"}})
    with client(sim) as c:
        exc, _ = timed(lambda: fetch(c))
    assert isinstance(exc, OqsStillProcessing) and exc.code == "oqs_still_processing"


def test_control_api_sets_faults_and_writes_face_files(sim: OqsSimulator) -> None:
    r = httpx.post(f"{sim.base_url}/_control", json={"gateway": {"latency_ms": 5}})
    assert r.status_code == 200 and r.json()["faults"]["gateway"]["latency_ms"] == 5
    bad = httpx.post(f"{sim.base_url}/_control", json={"gateway": {"no_such_knob": 1}})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_request"
    face = httpx.post(f"{sim.base_url}/_control/face", json={"profile": "gaiji-name"})
    written = face.json()["written"]
    assert len(written) == 1 and (sim.terminal.face_dir / written[0]).exists()


# --- TLS ---------------------------------------------------------------------------------------------------------


def test_tls_with_pin_and_with_ca_bundle(tls_sim: OqsSimulator) -> None:
    assert tls_sim.identity is not None
    for tls in (TlsConfig(pinned_spki_sha256=(tls_sim.identity.spki_sha256_hex,)),
                TlsConfig(ca_bundle=tls_sim.identity.cert_pem)):
        with client(tls_sim, tls=tls) as c:
            out = fetch(c, "child-local-subsidy")
        assert out.result.results[0].preschool == "1"  # type: ignore[attr-defined]


def test_tls_untrusted_certificate_is_tls_error(tls_sim: OqsSimulator) -> None:
    with client(tls_sim, total_timeout=3.0) as c:  # system CAs only: the self-signed server is not trusted
        exc, took = timed(c.get_challenge)
    assert isinstance(exc, GatewayTlsError) and exc.code == "gateway_tls_error"
    assert took < 3.0


def test_tls_wrong_pin_fails_before_sending_anything(tls_sim: OqsSimulator) -> None:
    before = len(tls_sim.backend.confirmed)
    with client(tls_sim, tls=TlsConfig(pinned_spki_sha256=("ab" * 32,))) as c:
        exc, _ = timed(lambda: fetch(c))
    assert isinstance(exc, GatewayTlsError)
    assert len(tls_sim.backend.confirmed) == before


def test_mutual_tls_requires_the_client_certificate(tmp_path: Path) -> None:
    from reception_app.connect.simulator.server_cert import make_server_identity

    client_id = make_server_identity(tmp_path / "client", "clinic-desk-01")
    with OqsSimulator(tmp_path / "oqs", 0, tls=True, client_ca=client_id.cert_pem) as s:
        assert s.identity is not None
        with_cert = TlsConfig(ca_bundle=s.identity.cert_pem, client_cert=client_id.cert_pem,
                              client_key=client_id.key_pem)
        with client(s, tls=with_cert) as c:
            assert c.get_challenge().challenge_id
        with client(s, tls=TlsConfig(ca_bundle=s.identity.cert_pem), total_timeout=3.0) as c:
            exc, took = timed(c.get_challenge)
        assert isinstance(exc, GatewayTlsError) and took < 3.0
