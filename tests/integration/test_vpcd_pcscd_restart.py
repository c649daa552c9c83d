"""The vpcd bridge reconnects by itself when pcscd restarts (issue 2, build item 4), on a real pcscd.

The test runs a private pcscd (own socket, own vpcd ports, own mount namespace for its pid file: see
installer_support.PrivatePcscd) so that stopping it does not disturb the pcscd the rest of the suite uses. The card
is read by a separate process pointed at that pcscd with PCSCLITE_CSOCK_NAME.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reception_app.card.virtual import VirtualMyNumberCard, load_profile
from reception_app.card.vpcd import VpcdBridge
from tests.conftest import REPO_ROOT, require_service
from tests.integration.installer_support import PrivatePcscd, private_pcscd_possible

pytestmark = [pytest.mark.pcsc, pytest.mark.timeout(90)]

READ_CERT = """
import sys
from reception_app.card.backends import open_backend
from reception_app.card.session import MyNumberCard
from reception_app.card.transport import CardConnection
backend = open_backend("pcsc")
session = MyNumberCard(CardConnection(backend.connect(None)))
_, der = session.identify_and_read_certificate()
sys.stdout.write(der.hex())
"""


def _read_certificate(env: dict[str, str], within_s: float) -> bytes:
    """Polls (with a deadline) until a PC/SC client on the private pcscd reads the card's certificate."""
    deadline = time.monotonic() + within_s
    last = ""
    while time.monotonic() < deadline:
        run = subprocess.run(
            [sys.executable, "-c", READ_CERT], env=env, capture_output=True, text=True, timeout=30, check=False
        )
        if run.returncode == 0 and run.stdout:
            return bytes.fromhex(run.stdout)
        last = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else f"exit {run.returncode}"
        time.sleep(0.2)
    raise AssertionError(f"the card was not readable within {within_s} s: {last}")


def test_the_bridge_reconnects_when_pcscd_restarts(tmp_path: Path) -> None:
    require_service(private_pcscd_possible(), "root, unshare and the vpcd driver for a private pcscd")
    daemon = PrivatePcscd(tmp_path / "pcscd").start()
    card = VirtualMyNumberCard(load_profile("adult-seishin-21"))
    events: list[str] = []
    bridge = VpcdBridge(card, port=daemon.port, on_event=events.append)
    env = {**os.environ, **daemon.env(), "PYTHONPATH": str(REPO_ROOT)}
    bridge.start()
    try:
        assert bridge.wait_connected(10)
        assert _read_certificate(env, 20) == card.auth_certificate_der

        daemon.stop()  # pcscd goes away: vpcd's socket closes under the card
        deadline = time.monotonic() + 10
        while bridge.connected and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not bridge.connected and bridge.is_running(), "the bridge should wait for pcscd, not exit"

        before = bridge.connections
        daemon.start()  # same ports: the bridge finds vpcd again on its own
        assert bridge.wait_connected(20), events
        # a new connection (pcscd may probe the reader more than once while it starts, so not an exact count)
        assert bridge.connections > before
        assert _read_certificate(env, 20) == card.auth_certificate_der
    finally:
        bridge.stop()
        daemon.stop()
    assert any("reconnecting" in e for e in events), events
    assert not card.trace.privacy_violations
