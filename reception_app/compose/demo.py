"""The whole headless stack for `reception-app --demo`, the self-test and the scenario tests, in one call:

    services = DemoServices.start(data_dir)      # simulator reader, OQS/PMH simulator on loopback, demo database
    session = services.new_session(Channel.DESK, listener)
    services.insert_card("adult-seishin-21"); session.start_with_card(services.open_card()); ...
    services.stop()

All people are synthetic (resources/cards/profiles + resources/oqs/profiles, same ids). The demo database is a
real SQLCipher file in `data_dir` with a random raw key kept beside it (`demo.key`: demo data only; a database
from an older version, keyed with DEMO_PASSPHRASE, still opens).

With `network_in_background=True` (the GUI) the OQS/PMH simulator, the eligibility sources and the face watcher
start on a lane at `begin_network()` (the GUI calls it after the window's first paint) or at the first
`wait_network()`: the reader and the database, all a card needs to be read and identified,
are ready at once; a check-in that reaches the eligibility step waits for the connections (`network_ready`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reception_app.card.backends.simulator import SimulatorBackend
from reception_app.config import DEFAULTS
from reception_app.paths import resource
from reception_app.reception.app_services import LazyMerger, ReceptionServices, Sources, local_now
from reception_app.reception.lanes import Lanes
from reception_app.reception.models import Consents
from reception_app.reception.ports import PrinterPort
from reception_app.store import PassphraseKey, RawKey, SQLCipherLocation, open_store
from reception_app.store.base import InsuranceIds, LinkRequest, Patient, Sex, Store

if TYPE_CHECKING:  # the simulators (httpx, TLS, XML) load on the network thread, off the start path
    from reception_app.card.virtual import VirtualMyNumberCard
    from reception_app.connect.simulator import OqsSimulator

log = logging.getLogger(__name__)

DEMO_PASSPHRASE = "demo-only-passphrase"  # synthetic demo data only; never used for a real database
DEMO_DB_NAME = "demo.db"
# Demo only: the demo database's raw key sits beside it in plain text. It guards nothing (the data are synthetic and
# the old passphrase was in this file anyway); it only spares the ~100 ms scrypt KDF a passphrase costs at start.
# A real database never does this (keyring or passphrase, reception_app/store/keys.py).
DEMO_KEY_NAME = "demo.key"
DEMO_ACTOR = "staff:demo"

# The simulated terminal answers at once: a terminal-down fault shows after this, sooner than a site's
# reqres_timeout_s (30 s, reception_app/config).
DEMO_REQRES_TIMEOUT_S = 15.0


@dataclass(frozen=True)
class SeedPatient:
    """A chart in the demo database. `profile` ties it to the synthetic card/OQS profiles of the same id."""

    key: str  # seed name, used by tests and the QA panel
    profile: str | None
    name: str
    kana: str
    birth_date: dt.date
    sex: Sex
    address: str = ""
    reference_number: bool = False  # register the patient ID as 照会番号 in the simulator
    insurance: str = "profile"  # "profile" (the OQS profile's current insurance) | "old" | "none"
    card_link: bool = False  # the card certificate is already linked (お帰りなさい)


# UNCONFIRMED-free synthetic data; what each row makes happen is in the comment.
OLD_INSURANCE = InsuranceIds("06130012", "旧１", "７７", "01")  # insurance-change: the chart's previous insurer
SEED: tuple[SeedPatient, ...] = (
    # returning patients by 照会番号 (card linked too: "お帰りなさい")
    SeedPatient("seishin", "adult-seishin-21", "佐藤　美咲", "サトウ　ミサキ", dt.date(1988, 3, 9), "female",
                "埼玉県川口市本町４－１－８", reference_number=True, card_link=True),
    SeedPatient("kouki", "elder-kouki-10pct", "高橋　キヨ", "タカハシ　キヨ", dt.date(1940, 1, 20), "female",
                "千葉県松戸市根本３８７－５", reference_number=True, card_link=True),
    SeedPatient("child", "child-local-subsidy", "山田　陽太", "ヤマダ　ヨウタ", dt.date(2022, 6, 15), "male",
                "東京都調布市小島町２－３６－１", reference_number=True),
    # returning patients by insurance key only
    SeedPatient("nanbyo", "adult-nanbyo-54", "鈴木　健一", "スズキ　ケンイチ", dt.date(1975, 11, 2), "male",
                "神奈川県横浜市中区本町１－１"),
    SeedPatient("elder7074", "elder-70-74", "木村　正", "キムラ　タダシ", dt.date(1954, 4, 10), "male"),
    SeedPatient("hogo", "seikatsu-hogo-a1", "伊藤　誠", "イトウ　マコト", dt.date(1968, 7, 7), "male"),
    SeedPatient("expired", "expired-cert", "小林　和子", "コバヤシ　カズコ", dt.date(1958, 8, 30), "female"),
    SeedPatient("expiring", "expiring-cert", "山本　勇", "ヤマモト　イサム", dt.date(1961, 9, 15), "male"),
    SeedPatient("onetry", "pin-one-try-left", "松本　由美", "マツモト　ユミ", dt.date(1979, 6, 6), "female"),
    SeedPatient("lost", "lost-qualification", "渡辺　直子", "ワタナベ　ナオコ", dt.date(1992, 12, 24), "female"),
    # two charts with the same kana + birth date (OQS sends ●藤　恵): staff must choose
    SeedPatient("saito1", None, "齋藤　恵", "サイトウ　メグミ", dt.date(1983, 5, 5), "female",
                "東京都新宿区西新宿２－８－１", insurance="none"),
    SeedPatient("saito2", None, "斎藤　恵", "サイトウ　メグミ", dt.date(1983, 5, 5), "female",
                "大阪府大阪市北区中之島１－３－２０", insurance="none"),
    # insurance change: 照会番号 known, the chart still has the old insurer → relink with confirmation
    SeedPatient("change", "insurance-change", "中村　翔", "ナカムラ　ショウ", dt.date(1995, 4, 1), "male",
                "福岡県福岡市中央区天神１－８－１", reference_number=True, insurance="old"),
)
# Not in the database on purpose (new registration): android-token, iphone-token, pin-blocked, gaiji via card.


@dataclass(kw_only=True)
class DemoServices(ReceptionServices):
    data_dir: Path
    seeded: dict[str, str] = field(default_factory=dict)  # seed key -> patient id
    _simulator: OqsSimulator | None = None

    @classmethod
    def start(
        cls,
        data_dir: Path,
        *,
        face_watch: bool = True,
        query_timeout: float = DEFAULTS.gateway_query_timeout_s,
        reqres_timeout: float = DEMO_REQRES_TIMEOUT_S,
        clock: Callable[[], dt.datetime] | None = None,
        reconfirm_interval_s: float = 0.0,
        network_in_background: bool = False,
        printer: PrinterPort | None = None,
        backend: SimulatorBackend | None = None,
        lanes: Lanes | None = None,
    ) -> DemoServices:
        """Starts everything (well under a second). Reuses the demo database in `data_dir` if one is there.
        `printer`: the 受付票 printer, made by the layer above (Qt: ui/ticket.py's QtTicketPrinter; None: no
        ticket). `backend`: the simulator reader the window already watches (a new one if None). `lanes`: the
        GUI's (AppSession owns and shuts them down); None: the stack's own, shut down by `stop()`."""
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        now = clock or local_now
        store, fresh = _open_demo_store(data_dir)
        try:
            seeded = _seed(store) if fresh else _seeded_ids(store)
            # no sources yet: the eligibility adapter waits for `network_ready`, set by _start_network
            sources = Sources(gateway=None, reqres_client=None, face_dir=None, ledger_dir=data_dir / "face-ledger")
            services = cls.assemble(
                store, backend or SimulatorBackend(), DEMO_ACTOR, sources, printer=printer,
                clock=now, query_timeout=query_timeout, reqres_timeout=reqres_timeout,
                data_dir=data_dir, seeded=seeded, network_pending=True, lanes=lanes,
                # synthetic patients say yes on every consent screen, so the demo shows PMH subsidies etc.
                default_consents=Consents.all_given(),
            )
        except BaseException:
            store.close()
            raise

        def network() -> None:
            services._start_network(face_watch=face_watch, query_timeout=query_timeout,
                                    reqres_timeout=reqres_timeout, reconfirm_interval_s=reconfirm_interval_s)

        if network_in_background:  # started by begin_network() (the GUI: after its first paint) or wait_network()
            services.start_network_thread(network, now=False)
        else:
            try:
                network()
            except BaseException:
                services.stop()
                raise
            if services.network_error is not None:
                services.stop()
                raise services.network_error
        return services

    def _start_network(self, *, face_watch: bool, query_timeout: float, reqres_timeout: float,
                       reconfirm_interval_s: float) -> None:
        """The simulator on loopback, the PIN gateway and req/res sources, the face watcher and the demo staff
        user. Sets `network_ready` when done, or `network_error`."""
        try:
            from reception_app.compose.site import gateway_source
            from reception_app.connect.reqres import ReqResClient
            from reception_app.connect.simulator import OqsSimulator
            from reception_app.connect.tls import TlsConfig

            simulator = OqsSimulator(self.data_dir / "oqs", port=0).start()
            self._simulator = simulator
            for seed in SEED:  # the simulator's OQS knows the 照会番号 registered before today
                if seed.reference_number and seed.profile and seed.key in self.seeded:
                    simulator.terminal.registered_reference_numbers[seed.profile] = self.seeded[seed.key]
            reqres_client = ReqResClient(
                simulator.folder, institution_code=simulator.institution_code, timeout=reqres_timeout,
                poll_interval=0.05,
            )
            sources = Sources(
                gateway=gateway_source(simulator.base_url, simulator.institution_code, TlsConfig(), query_timeout),
                reqres_client=reqres_client,
                face_dir=simulator.folder / "face" if face_watch else None,
                ledger_dir=self.data_dir / "face-ledger",
            )
            self.connect_sources(sources)
            ensure_demo_staff(self.store)
            if isinstance(self.merger, LazyMerger):
                self.merger.warm()  # here rather than at the first eligibility result
        except BaseException as exc:  # the GUI shows it as "offline"; a check-in that waits gets a clear error
            self.network_error = exc
            log.error("demo connections did not start: %s", type(exc).__name__)
        finally:
            self.network_ready.set()
        if self.network_error is None and reconfirm_interval_s > 0:
            self.start_reconfirm_loop(reconfirm_interval_s)

    @property
    def simulator(self) -> OqsSimulator:
        """The OQS/PMH simulator (waits for the network thread; raises if it failed to start)."""
        self.wait_network()
        assert self._simulator is not None
        return self._simulator

    @property
    def simulator_if_ready(self) -> OqsSimulator | None:
        """The simulator if it is up, without waiting (the GUI thread asks this)."""
        return self._simulator if self.network_ready.is_set() else None

    def _stop_extra(self) -> None:
        if self._simulator is not None:
            self._simulator.stop()

    # --- QA / tests ------------------------------------------------------------------------------------------------

    @property
    def simulator_backend(self) -> SimulatorBackend:
        assert isinstance(self.backend, SimulatorBackend)
        return self.backend

    def insert_card(self, profile_id: str, reader: str | None = None) -> VirtualMyNumberCard:
        return self.simulator_backend.insert(profile_id, reader)

    def remove_card(self, reader: str | None = None) -> None:
        self.simulator_backend.remove(reader)

    def face_reader(self, profile_id: str) -> list[Path]:
        """The patient authenticates on the (simulated) face reader: a result file lands in the face folder."""
        return self.simulator.terminal.simulate_reader(profile_id, visit_date=self.clock().date())

    def set_gateway_down(self, down: bool) -> None:
        """QA/tests: the eligibility gateway answers 503 (unreachable) until set back."""
        self.simulator.faults.update({"gateway": {"http_status": 503 if down else 0, "fail_count": 0}})

    def set_terminal_down(self, down: bool) -> None:
        """QA/tests: the OQS terminal stops answering req files (the req/res path times out)."""
        if down:
            self.simulator.terminal.stop()
        else:
            self.simulator.terminal.start()


def _insurance_of(profile_id: str) -> InsuranceIds | None:
    """The current insurance of an OQS profile, read from its JSON (the simulator's pydantic profile loader would
    bring httpx and the simulator's TLS into the start path: ~150 ms). Same fields as `OqsProfile.insurance()`;
    tests/unit/test_reception_demo_start.py compares the two."""
    data = json.loads(resource("oqs", "profiles", f"{profile_id}.json").read_text(encoding="utf-8"))
    results = data.get("results") or []
    first = results[0] if results else {}
    insurer, number = first.get("InsurerNumber"), first.get("InsuredIdentificationNumber")
    if not insurer or not number:
        return None
    return InsuranceIds(insurer, first.get("InsuredCardSymbol") or "", number, first.get("InsuredBranchNumber") or "")


DEMO_STAFF_LOGIN = "demo"
DEMO_STAFF_PASSWORD = "demo-staff"  # synthetic demo database only (documented in docs/ui.md)


def ensure_demo_staff(store: Store) -> None:
    """The demo staff login (two scrypt hashes, ~80 ms: on the network thread, not before the first card)."""
    if store.authenticate(DEMO_STAFF_LOGIN, DEMO_STAFF_PASSWORD) is None:
        try:
            store.add_staff_user(DEMO_STAFF_LOGIN, "Demo staff", "clerk", DEMO_STAFF_PASSWORD, "system:demo")
        except Exception as exc:  # already there with another password: the demo still runs, login says so
            log.warning("demo staff user not added: %s", type(exc).__name__)


def _open_demo_store(data_dir: Path) -> tuple[Store, bool]:
    """(store, fresh). A new demo database gets a random raw key in `demo.key` (no KDF; demo only, see DEMO_KEY_NAME);
    one from an older version without a key file still opens with DEMO_PASSPHRASE."""
    db_path = data_dir / DEMO_DB_NAME
    key_path = data_dir / DEMO_KEY_NAME
    if db_path.exists():
        if not key_path.exists():
            return open_store(db_path, PassphraseKey(DEMO_PASSPHRASE)), False
        key = RawKey(bytes.fromhex(key_path.read_text().strip()))
        return open_store(SQLCipherLocation(db_path, warm_up=False), key), False
    key = RawKey(secrets.token_bytes(32))
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key.key.hex())
    try:
        # No warm-up: a few dozen synthetic patients fit in the cache as they are read.
        return open_store(SQLCipherLocation(db_path, warm_up=False), key, mode="create"), True
    except BaseException:
        for leftover in (db_path, key_path):  # no half-made demo database for the next start to trip on
            leftover.unlink(missing_ok=True)
        raise


def _seed(store: Store) -> dict[str, str]:
    from reception_app.card.virtual.pki import opaque_subject_id

    ids: dict[str, str] = {}
    with store.transaction():
        for seed in SEED:
            patient = store.register_patient(
                Patient("", seed.name, seed.kana, seed.birth_date, seed.sex, seed.address, notes=f"demo:{seed.key}"),
                DEMO_ACTOR,
            )
            pid = patient.patient_id
            ids[seed.key] = pid
            insurance = None
            if seed.insurance == "old":
                insurance = OLD_INSURANCE
            elif seed.insurance == "profile" and seed.profile:
                insurance = _insurance_of(seed.profile)
            request = LinkRequest(
                reference_number=pid if seed.reference_number else None,
                insurance=insurance,
                cert_subject=opaque_subject_id(seed.profile) if seed.card_link and seed.profile else None,
            )
            if request.reference_number or request.insurance or request.cert_subject:
                store.link(pid, request, DEMO_ACTOR)
    return ids


def _seeded_ids(store: Store) -> dict[str, str]:
    """Seed key -> patient id of an existing demo database (the seed key is in the chart's notes)."""
    ids: dict[str, str] = {}
    for seed in SEED:
        for patient in store.find_by_kana_and_birth_date(seed.kana, seed.birth_date):
            if patient.notes == f"demo:{seed.key}":
                ids[seed.key] = patient.patient_id
    return ids
