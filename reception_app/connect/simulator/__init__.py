"""OQS/PMH simulator: the eligibility gateway (HTTP/HTTPS on 127.0.0.1) and the OQS terminal's folders.

In-process use (tests, demo app):

    sim = OqsSimulator(folder, port=0).start()   # port 0 = a free port
    sim.base_url, sim.faults.update({...}), sim.terminal.simulate_reader("child-local-subsidy")
    sim.stop()

Docs: docs/oqs-simulator.md.
"""

from __future__ import annotations

import datetime as dt
import ssl
import tempfile
import threading
from pathlib import Path
from typing import Any

from cryptography import x509

from reception_app.card.virtual.pki import test_ca_certificate
from reception_app.connect import gateway_protocol as proto
from reception_app.connect.simulator.faults import FaultPanel
from reception_app.connect.simulator.gateway_server import GatewayBackend, GatewayHttpServer, GatewayRejection
from reception_app.connect.simulator.profiles import (
    DEFAULT_INSTITUTION_CODE,
    ProfileSet,
    build_result,
    render_result,
)
from reception_app.connect.simulator.server_cert import ServerIdentity, make_server_identity
from reception_app.connect.simulator.terminal import TerminalSimulator

__all__ = ["FaultPanel", "OqsSimulator"]


class OqsSimulator:
    def __init__(
        self,
        folder: Path,
        port: int = 0,
        profiles_dir: Path | None = None,
        *,
        tls: bool = False,
        institution_code: str = DEFAULT_INSTITUTION_CODE,
        trusted_cas: list[x509.Certificate] | None = None,
        faults: FaultPanel | None = None,
        client_ca: Path | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.profiles = ProfileSet(profiles_dir)
        self.faults = faults or FaultPanel()
        self.institution_code = institution_code
        self.terminal = TerminalSimulator(self.folder, self.profiles, self.faults, institution_code=institution_code)
        self.backend = GatewayBackend(
            trusted_cas=trusted_cas if trusted_cas is not None else [test_ca_certificate("auth")],
            profile_for_subject=self.profiles.for_subject,
            render=self._render,
            faults=self.faults,
        )
        self._requested_port = port
        self._tls = tls
        self._client_ca = client_ca  # with TLS: require client certificates issued by this CA (mTLS)
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self.identity: ServerIdentity | None = None
        self._server: GatewayHttpServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ----------------------------------------------------------------------------------------------

    def start(self) -> OqsSimulator:
        ssl_context = None
        if self._tls:
            self._tmp = tempfile.TemporaryDirectory(prefix="oqs-sim-tls-")
            self.identity = make_server_identity(Path(self._tmp.name))
            ssl_context = self.identity.ssl_context()
            if self._client_ca is not None:
                ssl_context.verify_mode = ssl.CERT_REQUIRED
                ssl_context.load_verify_locations(cafile=str(self._client_ca))
        self._server = GatewayHttpServer(self._requested_port, self.backend, self._control, ssl_context)
        self._thread = threading.Thread(target=self._server.serve_forever, name="oqs-gateway", daemon=True)
        self._thread.start()
        self.terminal.start()
        return self

    def stop(self) -> None:
        self.terminal.stop()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> OqsSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the simulator is not running")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"{'https' if self._tls else 'http'}://127.0.0.1:{self.port}"

    # --- internals ----------------------------------------------------------------------------------------------

    def _render(self, profile_id: str, visit_date: dt.date, consents: proto.Consents, segment: str) -> bytes:
        encoding = self.faults.terminal_copy().encoding
        profile = self.profiles.get(profile_id)
        ref = self.terminal.registered_reference_numbers.get(profile_id)
        if ref:
            profile = profile.model_copy(update={"reference_number": ref})
        result = build_result(
            profile,
            visit_date=visit_date,
            institution_code=self.institution_code,
            segment_of_result=segment,
            include_subsidies=consents.medical_subsidy_info,
            encoding=encoding,
        )
        return render_result(result, encoding)

    def _control(self, method: str, path: str, body: Any) -> Any:
        """The small control API for the QA panel and tests (docs/oqs-simulator.md)."""
        if method == "GET" and path == "/_control":
            return {
                "faults": self.faults.snapshot(),
                "profiles": self.profiles.ids(),
                "confirmed": list(self.backend.confirmed),
                "folder": str(self.folder),
            }
        if method == "POST" and path == "/_control":
            if not isinstance(body, dict):
                raise GatewayRejection(400, proto.ERROR_BAD_REQUEST, "expected {gateway: {...}, terminal: {...}}")
            return {"faults": self.faults.update(body)}
        if method == "POST" and path == "/_control/reset":
            self.faults.reset()
            return {"faults": self.faults.snapshot()}
        if method == "POST" and path == "/_control/face":
            profile_id = str((body or {}).get("profile", ""))
            if profile_id not in self.profiles.by_id:
                raise GatewayRejection(404, proto.ERROR_NO_PROFILE, f"no profile {profile_id!r}")
            written = self.terminal.simulate_reader(profile_id)
            return {"written": [p.name for p in written]}
        raise GatewayRejection(404, proto.ERROR_NOT_FOUND, "no such control endpoint")
