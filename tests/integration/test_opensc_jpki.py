"""OpenSC (Debian's opensc, an independent client) reads the served virtual card as a real JPKI card.

OpenSC's JPKI emulator names the authentication certificate id 01, the signature certificate 02 and their CAs 03/04
(pkcs15-jpki.c).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from reception_app.card.virtual import VirtualMyNumberCard, ca_certificate_der, load_profile
from tests.integration.vcard_serve import (  # noqa: F401  (the *_fixture names register pytest fixtures)
    ServeCard,
    VpcdSlot,
    serve_card_fixture,
    vpcd_slot_fixture,
)

pytestmark = [pytest.mark.pcsc, pytest.mark.opensc]
TOOL_TIMEOUT_S = 60

OpenSC = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(params=["jpki-only", "default-config"])
def opensc(request: pytest.FixtureRequest, opensc_tool: str, tmp_path: Path, vpcd_slot: VpcdSlot) -> OpenSC:
    """Runs an OpenSC tool on the vpcd reader, with `card_drivers = jpki, internal;` or with Debian's config."""
    env = dict(os.environ)
    if request.param == "jpki-only":
        conf = tmp_path / "opensc.conf"
        conf.write_text("app default { card_drivers = jpki, internal; }\n", encoding="utf-8")
        env["OPENSC_CONF"] = str(conf)
    else:
        env.pop("OPENSC_CONF", None)

    def run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        path = opensc_tool if tool == "pkcs15-tool" else shutil.which(tool)
        assert path is not None, f"{tool} missing (Debian opensc)"
        out = subprocess.run(
            [path, "--reader", vpcd_slot.reader, *args], env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S
        )
        assert out.returncode == 0, f"{tool} {' '.join(args)} failed: {out.stderr}"
        return out

    return run


def _expected(profile: str) -> VirtualMyNumberCard:
    return VirtualMyNumberCard(load_profile(profile), today=datetime.now(UTC).date())


def _der(pem: str) -> bytes:
    return x509.load_pem_x509_certificate(pem.encode("ascii")).public_bytes(serialization.Encoding.DER)


def _trace(served: object) -> list[dict[str, object]]:
    path: Path = served.trace_file  # type: ignore[attr-defined]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_opensc_names_the_card_jpki(serve_card: ServeCard, opensc: OpenSC) -> None:
    serve_card("adult-seishin-21")
    assert opensc("opensc-tool", "--name").stdout.strip() == "jpki"


def test_opensc_reads_the_auth_certificate_byte_identical(serve_card: ServeCard, opensc: OpenSC) -> None:
    served = serve_card("elder-kouki-10pct")
    out = opensc("pkcs15-tool", "--read-certificate", "01")
    assert _der(out.stdout) == _expected("elder-kouki-10pct").auth_certificate_der
    ca = opensc("pkcs15-tool", "--read-certificate", "03")
    assert _der(ca.stdout) == ca_certificate_der("auth")
    entries = _trace(served)
    assert entries, "OpenSC's APDUs are on the card's trace"
    assert not any(e["privacy_violation"] for e in entries)


def test_opensc_sees_the_pin_counters(serve_card: ServeCard, opensc: OpenSC) -> None:
    serve_card("pin-one-try-left")
    out = opensc("pkcs15-tool", "--list-pins").stdout
    assert "User Authentication PIN" in out and "Digital Signature PIN" in out
    tries = [line.split(":")[1].strip() for line in out.splitlines() if "Tries left" in line]
    assert tries == ["1", "5"]


@pytest.mark.parametrize("profile", ["expired-cert", "android-token"])
def test_opensc_on_other_profiles(serve_card: ServeCard, opensc: OpenSC, profile: str) -> None:
    served = serve_card(profile)
    if profile == "android-token":
        # Phone tokens need the PIN before 000A; OpenSC reads the certificate without logging in, so it must fail.
        with pytest.raises(AssertionError, match="failed"):
            opensc("pkcs15-tool", "--read-certificate", "01")
        assert any(e["header"].startswith("00B0") and e["sw"] == "6982" for e in _trace(served))
        return
    out = opensc("pkcs15-tool", "--read-certificate", "01")
    cert = x509.load_pem_x509_certificate(out.stdout.encode("ascii"))
    assert cert.not_valid_after_utc < datetime.now(UTC)  # an expired certificate is still read byte-for-byte
    assert _der(out.stdout) == _expected(profile).auth_certificate_der
