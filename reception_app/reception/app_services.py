"""The headless stack the desk and the kiosk drive, composed once: reader backend, eligibility sources, store,
printer, background jobs, face router and re-confirmation loop.

`ReceptionServices.for_site(config)` (or `.from_settings(...)`) builds it for a real site: PC/SC reader, the
configured gateway and OQS terminal folders, the keyring- or passphrase-keyed database. `DemoServices`
(reception/demo.py) builds the same shape on the simulators. Both offer `new_session`, `open_card`, `deps` and
`stop`; all calls may block (call them from a worker thread).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from reception_app.card.backends import ReaderBackend, open_backend
from reception_app.connect.gateway_client import GatewayClient, GatewayConfig
from reception_app.connect.reqres import ReqResClient
from reception_app.connect.source import FaceFolderSource, GatewaySource, ReqResSource
from reception_app.connect.tls import TlsConfig
from reception_app.reception.adapters.card import MyNumberCardAdapter
from reception_app.reception.adapters.connect import ConnectEligibility
from reception_app.reception.adapters.eligibility import EligibilityMerger
from reception_app.reception.adapters.store import StoreAdapter
from reception_app.reception.background import ThreadBackground
from reception_app.reception.checkin import CheckInSession, Listener, SessionDeps
from reception_app.reception.face import FaceRouter
from reception_app.reception.models import Channel, Consents
from reception_app.reception.ports import PrinterPort
from reception_app.reception.printing import PdfTicketPrinter
from reception_app.reception.reconfirm import Reconfirmer, ReconfirmReport
from reception_app.store.base import Store
from reception_app.store.sqlcipher import SQLCipherStore

log = logging.getLogger(__name__)


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


@dataclass(frozen=True)
class ServiceConfig:
    """Plain values for a real site (the UI maps its settings onto this; `from_settings` reads the INI file)."""

    institution_code: str
    reader: str = "pcsc"  # card.backends spec: "pcsc", "pcsc:NAME" or "simulator"
    gateway_url: str = ""  # "" = no PIN path (face reader / insurance number only)
    tls: TlsConfig = field(default_factory=TlsConfig)
    face_dir: Path | None = None
    req_dir: Path | None = None
    res_dir: Path | None = None
    db_path: Path | None = None  # None = the store's default path
    db_passphrase: str | None = None  # None = the keyring's key
    ticket_dir: Path | None = None  # PDF tickets; the UI may inject its own printer instead
    ledger_dir: Path | None = None  # processed face results (default: beside the database)
    actor: str = "system"
    query_timeout: float = 15.0
    reqres_timeout: float = 30.0
    reconfirm_interval_s: float = 60.0  # 0 = no automatic re-confirmation loop


@dataclass
class ReceptionServices:
    store: Store
    store_port: StoreAdapter
    backend: ReaderBackend
    eligibility: ConnectEligibility
    merger: EligibilityMerger
    printer: PrinterPort | None
    background: ThreadBackground
    face_router: FaceRouter
    face_source: FaceFolderSource | None
    reconfirmer: Reconfirmer
    clock: Callable[[], dt.datetime]
    query_timeout: float = 15.0
    default_consents: Consents = field(default_factory=Consents)
    last_reconfirm: ReconfirmReport | None = None
    _stopped: bool = False
    _stop_event: threading.Event = field(default_factory=threading.Event)
    _loop: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- composition --------------------------------------------------------------------------------------------

    @classmethod
    def for_site(cls, config: ServiceConfig) -> ReceptionServices:
        store = SQLCipherStore.open(config.db_path, passphrase=config.db_passphrase)
        try:
            services = cls.assemble(
                store, open_backend(config.reader), config.actor, _sources(config),
                printer=PdfTicketPrinter(config.ticket_dir) if config.ticket_dir else None,
                clock=local_now, query_timeout=config.query_timeout, reqres_timeout=config.reqres_timeout,
            )
        except BaseException:
            store.close()
            raise
        if config.reconfirm_interval_s > 0:
            services.start_reconfirm_loop(config.reconfirm_interval_s)
        return services

    @classmethod
    def assemble(
        cls,
        store: Store,
        backend: ReaderBackend,
        actor: str,
        sources: Sources,
        *,
        printer: PrinterPort | None,
        clock: Callable[[], dt.datetime],
        query_timeout: float,
        reqres_timeout: float,
        **extra: Any,
    ) -> Self:
        """The parts shared by the real and the demo stack; `extra` are a subclass's own fields."""
        store_port = StoreAdapter(store, actor)
        reqres = sources.reqres_client
        eligibility = ConnectEligibility(
            gateway=sources.gateway, reqres=ReqResSource(reqres) if reqres is not None else None,
            registration=reqres, today=lambda: clock().date(), registration_timeout=reqres_timeout,
        )
        merger = EligibilityMerger()
        router = FaceRouter(merger)
        face_source = (
            FaceFolderSource(sources.face_dir, ledger_dir=sources.ledger_dir, sink=router.sink, poll_interval=0.1)
            if sources.face_dir is not None
            else None
        )
        return cls(
            store=store, store_port=store_port, backend=backend, eligibility=eligibility, merger=merger,
            printer=printer, background=ThreadBackground(), face_router=router, face_source=face_source,
            reconfirmer=Reconfirmer(store_port, eligibility, merger, clock, timeout=reqres_timeout),
            clock=clock, query_timeout=query_timeout, **extra,
        )

    @classmethod
    def from_settings(cls, settings: object, *, passphrase: str | None = None) -> ReceptionServices:
        """From `reception_app.settings.ReceptionSettings` (the INI file the windows write)."""
        from reception_app.settings import ReceptionSettings

        assert isinstance(settings, ReceptionSettings)
        reader = settings.reader_backend if settings.reader_backend == "simulator" else (
            f"pcsc:{settings.reader_name}" if settings.reader_name else "pcsc"
        )
        tls = TlsConfig(
            ca_bundle=Path(settings.ca_bundle) if settings.ca_bundle else None,
            client_cert=Path(settings.client_cert) if settings.client_cert else None,
            client_key=Path(settings.client_key) if settings.client_key else None,
        )
        return cls.for_site(
            ServiceConfig(
                institution_code=settings.institution_code, reader=reader, gateway_url=settings.gateway_url, tls=tls,
                face_dir=Path(settings.face_dir) if settings.face_dir else None,
                req_dir=Path(settings.req_dir) if settings.req_dir else None,
                res_dir=Path(settings.res_dir) if settings.res_dir else None,
                db_path=settings.resolved_db_path(),
                db_passphrase=passphrase if settings.db_key_source == "passphrase" else None,
                ticket_dir=Path(settings.ticket_pdf_dir) if settings.ticket_pdf_dir else None,
            )
        )

    # --- lifecycle ----------------------------------------------------------------------------------------------

    def start_reconfirm_loop(self, interval_s: float) -> None:
        """Re-confirms offline check-ins in the background whenever some are pending and the connection is back."""

        def loop() -> None:
            while not self._stop_event.wait(interval_s):
                try:
                    if self.store_port.pending_reconfirmations():
                        self.last_reconfirm = self.reconfirmer.run_pending()
                except Exception:
                    log.exception("re-confirmation round failed")

        self._loop = threading.Thread(target=loop, name="reception-reconfirm", daemon=True)
        self._loop.start()

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._stop_event.set()
        if self._loop is not None:
            self._loop.join(10)
        if self.face_source is not None:
            self.face_source.close()
        self.background.drain(10)
        self.background.shutdown()
        if self.eligibility.gateway is not None:
            self.eligibility.gateway.close()
        self._stop_extra()
        self.backend.close()
        self.store.close()

    def _stop_extra(self) -> None:
        """Hook for subclasses (the demo stops its simulator here)."""

    def __enter__(self) -> ReceptionServices:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- what the desk, the kiosk and the tests use ---------------------------------------------------------------

    def deps(self, staff_user: str = "") -> SessionDeps:
        return SessionDeps(
            store=self.store_port, eligibility=self.eligibility, merger=self.merger, printer=self.printer,
            background=self.background, clock=self.clock, query_timeout=self.query_timeout, staff_user=staff_user,
            default_consents=self.default_consents,
        )

    def new_session(
        self, channel: Channel = Channel.DESK, listener: Listener | None = None, staff_user: str = ""
    ) -> CheckInSession:
        session = CheckInSession(self.deps(staff_user), channel=channel, listener=listener)
        self.face_router.open(session)  # it may wait for a face result later; the router only picks exact fits
        return session

    def open_card(self, reader: str | None = None) -> MyNumberCardAdapter:
        return MyNumberCardAdapter.connect(self.backend, reader)


@dataclass(frozen=True)
class Sources:
    gateway: GatewaySource | None
    reqres_client: ReqResClient | None
    face_dir: Path | None
    ledger_dir: Path


def gateway_source(base_url: str, institution_code: str, tls: TlsConfig, query_timeout: float) -> GatewaySource:
    return GatewaySource(
        GatewayClient(
            GatewayConfig(
                base_url=base_url, institution_code=institution_code, tls=tls,
                read_timeout=min(10.0, query_timeout), total_timeout=query_timeout,
            )
        )
    )


def _sources(config: ServiceConfig) -> Sources:
    gateway = None
    if config.gateway_url:
        gateway = gateway_source(config.gateway_url, config.institution_code, config.tls, config.query_timeout)
    reqres_client = None
    if config.req_dir is not None and config.res_dir is not None:
        reqres_client = ReqResClient(
            config.req_dir.parent, institution_code=config.institution_code, timeout=config.reqres_timeout
        )
        reqres_client.req_dir, reqres_client.res_dir = config.req_dir, config.res_dir  # folders may sit apart
    ledger = config.ledger_dir or (config.db_path.parent if config.db_path else Path.cwd()) / "face-ledger"
    return Sources(gateway, reqres_client, config.face_dir, ledger)
