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
from reception_app.config import DEFAULTS, SiteConfig
from reception_app.reception.app_services import ReceptionServices, Sources, local_now
from reception_app.reception.lanes import Lanes
from reception_app.reception.ports import PrinterPort
from reception_app.store.base import Store

if TYPE_CHECKING:  # httpx, TLS and the XML models load with the first connection, not with this module
    from reception_app.connect.source import GatewaySource
    from reception_app.connect.tls import TlsConfig


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
    # defaults: the option declarations (reception_app/config/site.py, docs/configuration.md)
    query_timeout: float = DEFAULTS.gateway_query_timeout_s
    reqres_timeout: float = DEFAULTS.reqres_timeout_s
    reconfirm_interval_s: float = DEFAULTS.reconfirm_interval_s  # 0 = no automatic re-confirmation loop
    gateway_connect_timeout: float = DEFAULTS.gateway_connect_timeout_s
    gateway_read_timeout: float = DEFAULTS.gateway_read_timeout_s
    apdu_timeout_s: float = DEFAULTS.card_apdu_timeout_s


def open_site_store(db_path: Path | None, passphrase: str | None) -> Store:
    """The site's store, through the one factory (the location picks the backend)."""
    from reception_app.store import KeyringKey, open_store

    return open_store(db_path, KeyringKey(passphrase=passphrase))


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
            clock=local_now, query_timeout=config.query_timeout, reqres_timeout=config.reqres_timeout,
            apdu_timeout_s=config.apdu_timeout_s, lanes=lanes,
        )
    except BaseException:
        store.close()
        raise
    if config.reconfirm_interval_s > 0:
        services.start_reconfirm_loop(config.reconfirm_interval_s)
    return services


def service_config(settings: SiteConfig, *, passphrase: str | None = None) -> ServiceConfig:
    """The settings file's values as the stack takes them."""
    from reception_app.connect.tls import TlsConfig

    return ServiceConfig(
        institution_code=settings.institution_code or "", reader=settings.reader_spec(),
        gateway_url=settings.gateway_url or "",
        tls=TlsConfig(ca_bundle=settings.ca_bundle, client_cert=settings.client_cert, client_key=settings.client_key),
        face_dir=settings.face_dir, req_dir=settings.req_dir, res_dir=settings.res_dir,
        db_path=settings.resolved_db_path(),
        db_passphrase=passphrase if settings.db_key_source == "passphrase" else None,
        query_timeout=settings.gateway_query_timeout_s, reqres_timeout=settings.reqres_timeout_s,
        reconfirm_interval_s=settings.reconfirm_interval_s,
        gateway_connect_timeout=settings.gateway_connect_timeout_s,
        gateway_read_timeout=settings.gateway_read_timeout_s, apdu_timeout_s=settings.card_apdu_timeout_s,
    )


def site_services_from_settings(
    settings: SiteConfig, *, passphrase: str | None = None, backend: ReaderBackend | None = None,
    printer: PrinterPort | None = None, lanes: Lanes | None = None,
) -> ReceptionServices:
    """From the settings file the windows and the wizard write."""
    return site_services(service_config(settings, passphrase=passphrase), backend=backend, printer=printer,
                         lanes=lanes)


def gateway_source(
    base_url: str, institution_code: str, tls: TlsConfig, query_timeout: float, *,
    connect_timeout: float = DEFAULTS.gateway_connect_timeout_s, read_timeout: float = DEFAULTS.gateway_read_timeout_s,
) -> GatewaySource:
    from reception_app.connect.gateway_client import GatewayClient, GatewayConfig
    from reception_app.connect.source import GatewaySource

    return GatewaySource(
        GatewayClient(
            GatewayConfig(
                base_url=base_url, institution_code=institution_code, tls=tls,
                connect_timeout=min(connect_timeout, query_timeout), read_timeout=min(read_timeout, query_timeout),
                total_timeout=query_timeout,
            )
        )
    )


def site_sources(config: ServiceConfig) -> Sources:
    from reception_app.connect.reqres import ReqResClient

    gateway = None
    if config.gateway_url:
        gateway = gateway_source(config.gateway_url, config.institution_code, config.tls, config.query_timeout,
                                 connect_timeout=config.gateway_connect_timeout,
                                 read_timeout=config.gateway_read_timeout)
    reqres_client = None
    if config.req_dir is not None and config.res_dir is not None:
        reqres_client = ReqResClient(
            config.req_dir.parent, institution_code=config.institution_code, timeout=config.reqres_timeout,
            req_dir=config.req_dir, res_dir=config.res_dir,  # the folders may sit apart
        )
    ledger = config.ledger_dir or (config.db_path.parent if config.db_path else Path.cwd()) / "face-ledger"
    return Sources(gateway, reqres_client, config.face_dir, ledger)
