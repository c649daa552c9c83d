"""Card layer: APDUs and wall time to identify a card and read its authentication certificate.

In-process (simulator backend) and through pyscard -> pcscd -> vpcd -> `reception-app vcard serve`, set against the
minimum (SELECT AP + SELECT EF + ceil(certificate length / 256) READ BINARY) and against OpenSC's
`pkcs15-tool --read-certificate 01` reading the same certificate through the same virtual reader. APDUs are counted
on the virtual card's own trace.
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reception_app.card.backends.pcsc import PcscBackend
from reception_app.card.backends.simulator import SimulatorBackend
from reception_app.card.session import MyNumberCard
from reception_app.card.transport import CardConnection
from reception_app.card.virtual import VirtualMyNumberCard, load_profile

PROFILE = "adult-seishin-21"
ROUNDS_IN_PROCESS = 200
ROUNDS_PCSC = 30
SLOT = int(os.environ.get("RECEPTION_APP_VPCD_SLOT", "0"))
PORT = 35963 + SLOT
READER = f"Virtual PCD 00 {SLOT:02d}"
OPENSC_JPKI_ONLY = "app default {\n  card_drivers = jpki, internal;\n}\n"
WAIT_S = 15.0


def _minimum(cert_len: int) -> int:
    return 2 + math.ceil(cert_len / 256)


def _measure(
    open_session: Callable[[], MyNumberCard], apdus_so_far: Callable[[], int], rounds: int, expected: bytes
) -> dict[str, float]:
    """Per round, on a fresh connection: identify + read, and (another fresh connection) the read alone."""
    both_t: list[float] = []
    read_t: list[float] = []
    both_n: set[int] = set()
    read_n: set[int] = set()
    for _ in range(rounds):
        session = open_session()
        n0, t0 = apdus_so_far(), time.perf_counter()
        _, der = session.identify_and_read_certificate()  # the card-in path the app uses
        both_t.append(time.perf_counter() - t0)
        both_n.add(apdus_so_far() - n0)
        session.connection.disconnect()
        assert der == expected, "the certificate read differs from the profile's"
        session = open_session()
        n0, t0 = apdus_so_far(), time.perf_counter()
        session.read_auth_certificate()
        read_t.append(time.perf_counter() - t0)
        read_n.add(apdus_so_far() - n0)
        session.connection.disconnect()
    assert len(both_n) == 1 and len(read_n) == 1, "APDU counts varied between rounds"
    return {
        "both_apdus": both_n.pop(),
        "both_ms": statistics.median(both_t) * 1000,
        "read_apdus": read_n.pop(),
        "read_ms": statistics.median(read_t) * 1000,
        "read_p95_ms": sorted(read_t)[int(len(read_t) * 0.95) - 1] * 1000,
    }


def _in_process() -> tuple[dict[str, float], int]:
    backend = SimulatorBackend()
    card = backend.insert(PROFILE)
    expected = card.auth_certificate_der
    stats = _measure(
        lambda: MyNumberCard(CardConnection(backend.connect())), lambda: len(card.trace), ROUNDS_IN_PROCESS, expected
    )
    return stats, len(expected)


def _trace_lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def _wait_card(backend: PcscBackend, present: bool) -> None:
    deadline = time.monotonic() + WAIT_S
    while any(r.name == READER and r.card_present for r in backend.list_readers()) != present:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{READER}: card {'did not appear' if present else 'did not leave'}")
        time.sleep(0.02)


def _through_pcscd(work: Path) -> tuple[dict[str, float], dict[str, int | str], bool]:
    trace = work / "trace.jsonl"
    if any(r.name == READER and r.card_present for r in PcscBackend(READER).list_readers()):
        raise RuntimeError(f"{READER} already holds a card (another process): set RECEPTION_APP_VPCD_SLOT")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reception_app",
            "vcard",
            "serve",
            "--profile",
            PROFILE,
            "--port",
            str(PORT),
            "--trace-file",
            str(trace),
            "--quiet",
        ],
    )
    backend = PcscBackend(READER)
    try:
        _wait_card(backend, True)
        expected = VirtualMyNumberCard(load_profile(PROFILE)).auth_certificate_der
        stats = _measure(
            lambda: MyNumberCard(CardConnection(backend.connect())), lambda: _trace_lines(trace), ROUNDS_PCSC, expected
        )
        opensc, identical = _opensc(work, trace, expected)
    finally:
        proc.terminate()
        proc.wait(10)
    return stats, opensc, identical


def _opensc(work: Path, trace: Path, expected: bytes) -> tuple[dict[str, int | str], bool]:
    tool = shutil.which("pkcs15-tool")
    if tool is None:
        return {"jpki_only": "pkcs15-tool not installed", "default": "pkcs15-tool not installed"}, False
    conf = work / "opensc-jpki.conf"
    conf.write_text(OPENSC_JPKI_ONLY, encoding="utf-8")
    out: dict[str, int | str] = {}
    identical = True
    for name, env in (("jpki_only", {"OPENSC_CONF": str(conf)}), ("default", {})):
        n0 = _trace_lines(trace)
        pem = work / f"opensc-{name}.pem"
        run = subprocess.run(
            [tool, "--reader", READER, "--read-certificate", "01", "--output", str(pem)],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=120,
        )
        if run.returncode != 0:
            out[name] = f"failed: {run.stderr.strip()[:200]}"
            identical = False
            continue
        out[name] = _trace_lines(trace) - n0
        from cryptography import x509
        from cryptography.hazmat.primitives.serialization import Encoding

        got = x509.load_pem_x509_certificate(pem.read_bytes()).public_bytes(Encoding.DER)
        identical = identical and got == expected
    return out, identical


def run() -> str:
    lines = ["## Card layer: identify + read the authentication certificate", ""]
    sim, cert_len = _in_process()
    minimum = _minimum(cert_len)
    lines += [
        f"Certificate: {cert_len} bytes (profile `{PROFILE}`). Minimum for the read: SELECT AP + SELECT EF + "
        f"ceil({cert_len}/256) READ BINARY = **{minimum} APDUs**. The app's card-in path "
        "(`MyNumberCard.identify_and_read_certificate`) identifies the card by the JPKI AP answering its SELECT and "
        "reads the token label (EF 0006, 2 more APDUs) only when a token withholds its certificate until the PIN "
        "(a smartphone).",
        "",
        "| Path | APDUs: read alone (fresh connection) | APDUs: identify + read | median ms: read | "
        "p95 ms: read | median ms: identify + read | rounds |",
        "|---|---|---|---|---|---|---|",
        f"| in-process (simulator) | {sim['read_apdus']} | {sim['both_apdus']} | {sim['read_ms']:.3f} | "
        f"{sim['read_p95_ms']:.3f} | {sim['both_ms']:.3f} | {ROUNDS_IN_PROCESS} |",
    ]
    pcsc_ok = True
    opensc: dict[str, int | str] = {}
    identical = False
    try:
        with tempfile.TemporaryDirectory(prefix="bench-card-") as tmp:
            pc, opensc, identical = _through_pcscd(Path(tmp))
        lines.append(
            f"| pyscard -> pcscd -> vpcd -> vcard serve | {pc['read_apdus']} | {pc['both_apdus']} | "
            f"{pc['read_ms']:.3f} | {pc['read_p95_ms']:.3f} | {pc['both_ms']:.3f} | {ROUNDS_PCSC} |"
        )
    except Exception as exc:  # pcscd or vpcd missing: say so in the report rather than lose the in-process numbers
        pcsc_ok = False
        pc = {}
        lines.append(f"| through pcscd | not measured: {exc} | | | | | |")
    lines += [
        "",
        f"OpenSC 0.23 `pkcs15-tool --read-certificate 01` through `{READER}` (APDUs on the card's trace, includes "
        "its driver probing and PKCS#15 binding):",
        "",
        f"- with `card_drivers = jpki, internal`: **{opensc.get('jpki_only', 'not run')}** APDUs",
        f"- with the default configuration: **{opensc.get('default', 'not run')}** APDUs",
        f"- OpenSC's certificate byte-identical to the profile's: {'yes' if identical else 'NO / not run'}",
        "",
    ]
    at_min = sim["both_apdus"] == sim["read_apdus"] == minimum and (
        not pcsc_ok or pc["both_apdus"] == pc["read_apdus"] == minimum
    )
    jpki_only = opensc.get("jpki_only")
    fewer = isinstance(jpki_only, int) and pcsc_ok and pc["both_apdus"] < jpki_only
    lines += [
        f"- Target *exactly the minimum* for identify + read: {'MET' if at_min else 'NOT MET'} "
        f"({sim['both_apdus']} in-process"
        + (f", {pc['both_apdus']} through pcscd" if pcsc_ok else "")
        + f" vs minimum {minimum}).",
        f"- Target *fewer APDUs than OpenSC*: {'MET' if fewer else 'NOT MET / not measured'} "
        f"(identify + read {pc.get('both_apdus', '?')} vs OpenSC's leanest {jpki_only}).",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
