"""The headless stack the desk, the kiosk and the headless commands drive: reader backend, eligibility sources,
store, printer, background jobs, face router and re-confirmation loop.

The composition root builds it (`compose/site.py` for a real site, `compose/demo.py` on the simulators) through
`ReceptionServices.assemble`; everything above sees its typed parts and use cases (`new_session`, `open_card`,
`registry`, `held_faces`, `deps`, `stop`). All calls may block (call them off the GUI thread).

All its background work runs on one `Lanes` (reception/lanes.py): the network start, the re-confirmation ticker,
the face watcher, the 照会番号 registrations, and every session's commands and face results. Whoever owns the lanes
shuts them down once, with one timeout: the stack itself when it made them (the CLI, tests), else the composition
root that passed them in (the GUI's AppSession), which does so before `stop()`.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from reception_app.card.backends import ReaderBackend
from reception_app.config import DEFAULTS
from reception_app.reception import errors
from reception_app.reception.adapters.card import MyNumberCardAdapter
from reception_app.reception.adapters.store import StoreAdapter
from reception_app.reception.checkin import CheckInSession, Listener, SessionDeps
from reception_app.reception.face import FaceRouter
from reception_app.reception.held_faces import HeldFaceResults
from reception_app.reception.lanes import SHUTDOWN_TIMEOUT_S, BackgroundLane, Lanes
from reception_app.reception.models import Channel, Consents, InsuranceKey, PatientRecord, PersonFacts
from reception_app.reception.ports import EligibilityOutcome, MergedView, MergePort, PrinterPort
from reception_app.reception.reconfirm import Reconfirmer, ReconfirmReport
from reception_app.reception.staff_calls import StaffCalls
from reception_app.reception.usecases import RegistryUseCases
from reception_app.store.base import Store

# The connection layer (httpx, TLS, the OQS XML models: ~150 ms of imports) loads where it is first used, so the
# demo's reader and database are up without it (the demo connects on a background thread).
if TYPE_CHECKING:
    from reception_app.connect.reqres import ReqResClient
    from reception_app.connect.source import FaceFolderSource, GatewaySource
    from reception_app.eligibility.models import MergedEligibility
    from reception_app.reception.adapters.connect import ConnectEligibility

log = logging.getLogger(__name__)


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _set_event() -> threading.Event:
    event = threading.Event()
    event.set()
    return event


class LazyMerger:
    """The eligibility merger, loaded on first use (the OQS models cost ~70 ms of imports; no card needs them
    before its eligibility result). `warm()` loads it ahead, on a background thread."""

    def __init__(self) -> None:
        self._inner: MergePort | None = None
        self._lock = threading.Lock()

    def warm(self) -> MergePort:
        with self._lock:
            if self._inner is None:
                from reception_app.reception.adapters.eligibility import EligibilityMerger

                self._inner = EligibilityMerger()
            return self._inner

    def facts(self, outcome: EligibilityOutcome) -> PersonFacts:
        return self.warm().facts(outcome)

    def merge(self, outcome: EligibilityOutcome, chart: PatientRecord | None, visit_date: dt.date) -> MergedView:
        return self.warm().merge(outcome, chart, visit_date)

    def read_snapshot(self, merged_json: str) -> MergedEligibility | None:
        return self.warm().read_snapshot(merged_json)


class PendingEligibility:
    """The eligibility port while its connections still start on a background thread: a check-in that reaches the
    gateway or the terminal waits for them (up to `wait_s`), then goes on as usual. `connect_sources` puts in the
    real adapter (ConnectEligibility); `gateway` is None until then."""

    def __init__(self, ready: threading.Event, wait_s: float) -> None:
        self._ready = ready
        self._wait_s = wait_s
        self.inner: ConnectEligibility | None = None

    @property
    def gateway(self) -> GatewaySource | None:
        return self.inner.gateway if self.inner is not None else None  # type: ignore[return-value]

    def _connected(self) -> ConnectEligibility:
        if not self._ready.wait(self._wait_s) or self.inner is None:
            raise errors.EligibilityOffline("The eligibility connections are not up.")
        return self.inner

    def by_pin(
        self, certificate_der: bytes, sign: Callable[[bytes], bytes], *, timeout: float, consents: Consents
    ) -> EligibilityOutcome:
        return self._connected().by_pin(certificate_der, sign, timeout=timeout, consents=consents)

    def by_insurance_number(
        self, insurance: InsuranceKey, birth_date: dt.date | None, *, timeout: float
    ) -> EligibilityOutcome:
        return self._connected().by_insurance_number(insurance, birth_date, timeout=timeout)

    def register_reference_number(self, reference_number: str, insurance: InsuranceKey) -> None:
        self._connected().register_reference_number(reference_number, insurance)


@dataclass
class ReceptionServices:
    store: Store
    store_port: StoreAdapter
    backend: ReaderBackend
    eligibility: ConnectEligibility | PendingEligibility
    merger: MergePort
    printer: PrinterPort | None
    lanes: Lanes
    face_router: FaceRouter
    face_source: FaceFolderSource | None
    reconfirmer: Reconfirmer
    clock: Callable[[], dt.datetime]
    query_timeout: float = DEFAULTS.gateway_query_timeout_s
    apdu_timeout_s: float = DEFAULTS.card_apdu_timeout_s
    default_consents: Consents = field(default_factory=Consents)
    last_reconfirm: ReconfirmReport | None = None
    owns_lanes: bool = True  # made its own lanes (assembled without): `stop()` shuts them down
    _stopped: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)
    # Set once the eligibility connections (gateway, req/res, face watcher) are up; a real site builds them before
    # it returns, the demo may start them on a thread (`network_in_background`). `network_error`: why they are not.
    network_ready: threading.Event = field(default_factory=_set_event)
    network_error: BaseException | None = None
    _network_start: Callable[[], None] | None = None  # not yet begun (`begin_network`)
    _network_begun: bool = False
    _staff_calls: StaffCalls | None = None

    # --- composition (compose/site.py and compose/demo.py call this; nothing else builds the stack) --------------

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
        network_pending: bool = False,
        lanes: Lanes | None = None,
        **extra: Any,  # Any: a subclass's own fields (DemoServices), passed through to the dataclass
    ) -> Self:
        """The parts shared by the real and the demo stack; `extra` are a subclass's own fields.
        `network_pending`: the sources come later through `connect_sources` (see `PendingEligibility`).
        `lanes`: the composition root's (it shuts them down); None: the stack makes and owns its own."""
        owns_lanes = lanes is None
        lanes = lanes if lanes is not None else Lanes()
        store_port = StoreAdapter(store, actor)
        eligibility: ConnectEligibility | PendingEligibility
        ready = _set_event()
        if network_pending:
            ready.clear()
            eligibility = PendingEligibility(ready, max(query_timeout, reqres_timeout))
        else:
            eligibility = _connect_eligibility(sources, clock, reqres_timeout)
        merger = LazyMerger()
        router = FaceRouter(merger, lanes, clock=clock)
        face_source = _face_source(sources, router, lanes) if sources.face_dir is not None else None
        return cls(
            store=store, store_port=store_port, backend=backend, eligibility=eligibility, merger=merger,
            printer=printer, lanes=lanes, face_router=router, face_source=face_source,
            reconfirmer=Reconfirmer(store_port, eligibility, merger, clock, timeout=reqres_timeout),
            clock=clock, query_timeout=query_timeout, network_ready=ready, owns_lanes=owns_lanes, **extra,
        )

    @property
    def background(self) -> BackgroundLane:
        """The background lane (照会番号 registration): `drain()` waits for it (tests, benchmarks)."""
        return self.lanes.background

    def connect_sources(self, sources: Sources) -> None:
        """Puts in the sources of a stack assembled with `network_pending` (then set `network_ready`)."""
        assert isinstance(self.eligibility, PendingEligibility), "assembled with network_pending=True"
        self.eligibility.inner = _connect_eligibility(sources, self.clock, self.reconfirmer.timeout)
        if sources.face_dir is not None:
            self.face_source = _face_source(sources, self.face_router, self.lanes)

    def start_network_thread(self, target: Callable[[], None], *, now: bool = True) -> None:
        """Runs `target` (which must set `network_ready`) on its own lane, now or at `begin_network()` (the GUI
        calls it after the first paint; `wait_network()` calls it too, so nobody waits for a start never begun).
        The lanes' shutdown waits for it."""
        self._network_start = target
        if now:
            self.begin_network()

    def abandon_network(self) -> None:
        """Shutting down: connections never started stay so, and whoever waits for them is let go (offline)."""
        with self._lock:
            if self._network_start is None or self._network_begun or self.network_ready.is_set():
                return
            self._network_start = None
            self.network_error = errors.EligibilityOffline("The app is closing.")
            self.network_ready.set()

    def begin_network(self) -> None:
        with self._lock:
            target = self._network_start
            if target is None or self._network_begun or self._stopped:
                return
            self._network_begun = True
        self.lanes.submit("reception-network-start", target)

    def wait_network(self, timeout_s: float | None = 30.0, *, begin: bool = True) -> None:
        """Blocks until the eligibility connections are up (not on the GUI thread); raises what stopped them.
        `begin=False`: only wait (the GUI's own checks, which must not start them before the first paint)."""
        if begin:
            self.begin_network()
        if not self.network_ready.wait(timeout_s):
            raise TimeoutError("the eligibility connections did not start in time")
        if self.network_error is not None:
            raise self.network_error

    # --- lifecycle ----------------------------------------------------------------------------------------------

    def start_reconfirm_loop(self, interval_s: float) -> None:
        """Re-confirms offline check-ins in the background whenever some are pending and the connection is back."""

        def loop() -> None:
            while not self.lanes.stopping.wait(interval_s):
                try:
                    if self.store_port.pending_reconfirmations():
                        self.last_reconfirm = self.reconfirmer.run_pending()
                except Exception:
                    log.exception("re-confirmation round failed")

        self.lanes.submit("reception-reconfirm", loop)

    def stop_intake(self) -> None:
        """The first step of stopping: no new work comes in (connections never begun stay so, the face watcher
        ends its loop). Safe to call more than once."""
        self.abandon_network()
        if self.face_source is not None:
            self.face_source.close()

    def stop(self) -> None:
        """Stops taking work, lets the lanes finish (when this stack owns them: the one shutdown, with the one
        timeout; otherwise their owner shut them down first), then closes the connections, the reader, the store."""
        self.stop_intake()
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        if self.owns_lanes:
            self.lanes.shutdown(SHUTDOWN_TIMEOUT_S)
        gateway = self.eligibility.gateway
        if gateway is not None:
            gateway.close()
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
            background=self.lanes.background, clock=self.clock, query_timeout=self.query_timeout, staff_user=staff_user,
            default_consents=self.default_consents,
        )

    def new_session(
        self, channel: Channel = Channel.DESK, listener: Listener | None = None, staff_user: str = ""
    ) -> CheckInSession:
        session = CheckInSession(self.deps(staff_user), channel=channel, listener=listener)
        self.face_router.open(session)  # it may wait for a face result later; the router only picks exact fits
        return session

    def open_card(self, reader: str | None = None) -> MyNumberCardAdapter:
        return MyNumberCardAdapter.connect(self.backend, reader, apdu_timeout_s=self.apdu_timeout_s)

    @property
    def registry(self) -> RegistryUseCases:
        """Today's queue, the patient search and the staff sign-in, over the store contract."""
        return RegistryUseCases(self.store, self.clock)

    def gateway_alive(self) -> bool:
        """The gateway hands out a challenge (idempotent, no patient data): it is reachable and answering. Waits for
        the connections if they are still starting (call it off the GUI thread)."""
        try:
            self.wait_network(begin=False)
        except Exception:  # connections that failed to start: the gateway is not there
            return False
        from reception_app.connect.source import GatewaySource

        gateway = self.eligibility.gateway
        if not isinstance(gateway, GatewaySource):  # no PIN gateway at this site
            return False
        try:
            gateway.client.get_challenge()
        except Exception:  # any failure to answer is "unreachable" to the staff; the check-in itself says why
            return False
        return True

    @property
    def staff_calls(self) -> StaffCalls:
        """「職員を呼ぶ」 from a kiosk to the desks, through the shared database (reception/staff_calls.py)."""
        with self._lock:
            if self._staff_calls is None:
                self._staff_calls = StaffCalls(self.store, self.clock)
            return self._staff_calls

    @property
    def held_faces(self) -> HeldFaceResults:
        """Face-reader results the router could not give to one session, for the staff: list, discard, check in."""
        return HeldFaceResults(self.face_router, self.merger, self.store_port)


@dataclass(frozen=True)
class Sources:
    gateway: GatewaySource | None
    reqres_client: ReqResClient | None
    face_dir: Path | None
    ledger_dir: Path


def _connect_eligibility(
    sources: Sources, clock: Callable[[], dt.datetime], reqres_timeout: float
) -> ConnectEligibility:
    from reception_app.connect.source import ReqResSource
    from reception_app.reception.adapters.connect import ConnectEligibility

    reqres = sources.reqres_client
    return ConnectEligibility(
        gateway=sources.gateway, reqres=ReqResSource(reqres) if reqres is not None else None,
        registration=reqres, today=lambda: clock().date(), registration_timeout=reqres_timeout,
    )


def _face_source(sources: Sources, router: FaceRouter, lanes: Lanes) -> FaceFolderSource:
    """The face watcher feeding the router. A result the router holds for the staff stays un-settled in the face
    ledger (`Held`: offered again after a restart) until the staff settle it: the router's `on_settled`."""
    from reception_app.connect.face_watcher import Held
    from reception_app.connect.source import FaceFolderSource

    def sink(outcome: EligibilityOutcome) -> Held | None:
        reason = router.sink(outcome)
        return None if reason is None else Held(reason)

    assert sources.face_dir is not None
    source = FaceFolderSource(sources.face_dir, ledger_dir=sources.ledger_dir, sink=sink, poll_interval=0.1,
                              spawn=lambda name, loop: lanes.submit(name, loop))
    router.on_settled = source.settle
    return source
