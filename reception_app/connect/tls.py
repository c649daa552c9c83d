"""TLS set-up for the gateway client: CA bundle, SPKI pinning and client certificates (mTLS).

Pinning is checked right after the handshake, before any request byte (certificate, signature) is sent, by wrapping
httpcore's network backend: Python's `ssl` has no verify callback.
"""

from __future__ import annotations

import base64
import hashlib
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpcore
import httpx
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from reception_app.connect.errors import GatewayTlsError


@dataclass(frozen=True)
class TlsConfig:
    """How the client trusts the gateway and proves itself.

    - `ca_bundle`: PEM file of the CAs to trust (instead of the system store).
    - `pinned_spki_sha256`: SHA-256 of the server certificate's SubjectPublicKeyInfo (hex or base64). With pins and
      no `ca_bundle`, the chain is not checked (self-signed gateways) but the key must match a pin.
    - `client_cert`/`client_key`: PEM files for mutual TLS.
    """

    ca_bundle: Path | None = None
    pinned_spki_sha256: tuple[str, ...] = ()
    client_cert: Path | None = None
    client_key: Path | None = None
    client_key_password: str | None = None


def spki_sha256(certificate_der: bytes) -> bytes:
    cert = x509.load_der_x509_certificate(certificate_der)
    spki = cert.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(spki).digest()


def _normalise_pin(pin: str) -> bytes:
    pin = pin.strip()
    if pin.lower().startswith("sha256/"):
        pin = pin[7:]
    try:
        raw = bytes.fromhex(pin.replace(":", ""))
        if len(raw) == 32:
            return raw
    except ValueError:
        pass
    raw = base64.b64decode(pin, validate=True)
    if len(raw) != 32:
        raise ValueError("an SPKI pin must be a SHA-256 digest (hex or base64)")
    return raw


def build_ssl_context(config: TlsConfig) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=str(config.ca_bundle) if config.ca_bundle else None)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    if config.pinned_spki_sha256 and config.ca_bundle is None:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE  # the pin check in _PinningStream replaces chain validation
    if config.client_cert is not None:
        ctx.load_cert_chain(
            str(config.client_cert),
            str(config.client_key) if config.client_key else None,
            config.client_key_password,
        )
    return ctx


class _PinningStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, pins: frozenset[bytes]) -> None:
        self._inner = inner
        self._pins = pins

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls_stream = self._inner.start_tls(ssl_context, server_hostname, timeout)
        ssl_object = tls_stream.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(True) if ssl_object is not None else None
        if not der or spki_sha256(der) not in self._pins:
            tls_stream.close()
            raise GatewayTlsError("The eligibility gateway's certificate does not match the pinned key.")
        return tls_stream

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _PinningBackend(httpcore.NetworkBackend):
    def __init__(self, pins: frozenset[bytes]) -> None:
        self._inner = httpcore.SyncBackend()
        self._pins = pins

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _PinningStream(stream, self._pins)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def build_transport(config: TlsConfig) -> httpx.HTTPTransport:
    """An httpx transport honouring `config`; with pins, connections whose key is not pinned fail before sending."""
    ctx = build_ssl_context(config)
    transport = httpx.HTTPTransport(verify=ctx, trust_env=False)
    if config.pinned_spki_sha256:
        pins = frozenset(_normalise_pin(p) for p in config.pinned_spki_sha256)
        # httpx exposes no network-backend hook; its transport delegates to this pool (httpx 0.28 layout).
        transport._pool = httpcore.ConnectionPool(ssl_context=ctx, network_backend=_PinningBackend(pins))
    return transport
