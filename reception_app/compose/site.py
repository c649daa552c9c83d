"""A real site's headless stack, built once from its settings: the PC/SC reader (or the one the window already
watches), the configured gateway and OQS terminal folders, the keyring- or passphrase-keyed store.

The desk, the kiosk and the headless commands all come here (through `compose.session` or `cli/site.py`); the
store backend is chosen here and nowhere above it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reception_app.card.backends import ReaderBackend, open_backend
from reception_app.reception.app_services import ReceptionServices, Sources, local_now
from reception_app.reception.lanes import Lanes
from reception_app.reception.ports import PrinterPort
from reception_app.store.base import Store

if TYPE_CHECKING:  # httpx, TLS and the XML models load with the first connection, not with this module
    from reception_app.connect.source import GatewaySource
    from reception_app.connect.tls import TlsConfig
    from reception_app.settings import ReceptionSettings


def _default_tls() -> TlsConfig:
    from reception_app.connect.tls import TlsConfig

    return TlsConfig()


@dataclass(frozen=True)
class ServiceConfig:
    """Plain values for a real site (`site_services_from_settings` maps the settings file onto this)."""

    institution_code: str
    reader: str = "pcsc"  # card.backends spec: "pcsc", "pcsc:NAME" or "simulator"
    gateway_url: str = ""  # "" = no PIN path (face reader / insurance number only)
    tls: TlsConfig = field(default_factory=lambda: _default_tls())
    face_dir: Path | None = None
    req_dir: Path | None = None
    res_dir: Path | None = None
    db_path: Path | None = None  # None = the store's default path
    db_passphrase: str | None = None  # None = the keyring's key
    ledger_dir: Path | None = None  # processed face results (default: beside the database)
    actor: str = "system"
    query_timeout: float = 15.0
    reqres_timeout: float = 30.0
    reconfirm_interval_s: float = 60.0  # 0 = no automatic re-confirmation loop


def open_site_store(db_path: Path | None, passphrase: str | None) -> Store:
    """The site's store. The one place a backend is named (a later issue adds PostgreSQL beside it)."""
    from reception_app.store.sqlcipher import SQLCipherStore

    return SQLCipherStore.open(db_path, passphrase=passphrase)


def site_services(
    config: ServiceConfig, *, backend: ReaderBackend | None = None, printer: PrinterPort | None = None,
    lanes: Lanes | None = None,
) -> ReceptionServices:
    """`backend`: the reader the window already watches (opened from `config.reader` if None). `printer`: the
    受付票 printer (Qt: ui/ticket.py's QtTicketPrinter); None prints no ticket. `lanes`: the GUI's (AppSession
    owns and shuts them down); None: the stack's own, shut down by its `stop()` (the headless commands)."""
    store = open_site_store(config.db_path, config.db_passphrase)
    try:
        services = ReceptionServices.assemble(
            store, backend or open_backend(config.reader), config.actor, site_sources(config), printer=printer,
            clock=local_now, query_timeout=config.query_timeout, reqres_timeout=config.reqres_timeout, lanes=lanes,
        )
    except BaseException:
        store.close()
        raise
    if config.reconfirm_interval_s > 0:
        services.start_reconfirm_loop(config.reconfirm_interval_s)
    return services


def service_config(settings: ReceptionSettings, *, passphrase: str | None = None) -> ServiceConfig:
    """The settings file's values as the stack takes them."""
    from reception_app.connect.tls import TlsConfig

    def path(value: str) -> Path | None:
        return Path(value) if value else None

    return ServiceConfig(
        institution_code=settings.institution_code, reader=settings.reader_spec(), gateway_url=settings.gateway_url,
        tls=TlsConfig(ca_bundle=path(settings.ca_bundle), client_cert=path(settings.client_cert),
                      client_key=path(settings.client_key)),
        face_dir=path(settings.face_dir), req_dir=path(settings.req_dir), res_dir=path(settings.res_dir),
        db_path=settings.resolved_db_path(),
        db_passphrase=passphrase if settings.db_key_source == "passphrase" else None,
    )


def site_services_from_settings(
    settings: ReceptionSettings, *, passphrase: str | None = None, backend: ReaderBackend | None = None,
    printer: PrinterPort | None = None, lanes: Lanes | None = None,
) -> ReceptionServices:
    """From the settings file the windows and the wizard write."""
    return site_services(service_config(settings, passphrase=passphrase), backend=backend, printer=printer,
                         lanes=lanes)


def gateway_source(base_url: str, institution_code: str, tls: TlsConfig, query_timeout: float) -> GatewaySource:
    from reception_app.connect.gateway_client import GatewayClient, GatewayConfig
    from reception_app.connect.source import GatewaySource

    return GatewaySource(
        GatewayClient(
            GatewayConfig(
                base_url=base_url, institution_code=institution_code, tls=tls,
                read_timeout=min(10.0, query_timeout), total_timeout=query_timeout,
            )
        )
    )


def site_sources(config: ServiceConfig) -> Sources:
    from reception_app.connect.reqres import ReqResClient

    gateway = None
    if config.gateway_url:
        gateway = gateway_source(config.gateway_url, config.institution_code, config.tls, config.query_timeout)
    reqres_client = None
    if config.req_dir is not None and config.res_dir is not None:
        reqres_client = ReqResClient(
            config.req_dir.parent, institution_code=config.institution_code, timeout=config.reqres_timeout,
            req_dir=config.req_dir, res_dir=config.res_dir,  # the folders may sit apart
        )
    ledger = config.ledger_dir or (config.db_path.parent if config.db_path else Path.cwd()) / "face-ledger"
    return Sources(gateway, reqres_client, config.face_dir, ledger)
