"""`reception-app check-in`: one check-in without a window, through the desk's own state machine.

Card → certificate → PIN → eligibility (gateway) → merge → patient match → today's queue → 受付票 (PDF), with
`CheckInSession` and the site's services (cli/site.py), on the store named by `--store` (the site's by default).
Without `--gateway` the OQS/PMH simulator (gateway and terminal folders) is started in-process on loopback.

Where the desk would ask the staff (several candidates, an insurance change to confirm, a new registration, the
被保険者資格申立書 path) the command stops, exits 3 and prints that choice as JSON; run it again with the answer:
`--patient-id ID`, `--register` or `--declaration`. Nothing personal is logged; the PIN is never printed; the
12-digit individual number is never read; insurance numbers are shown masked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reception_app.card.backends import READER_SPEC_HELP, ReaderBackend, open_backend
from reception_app.cli import site as site_mod
from reception_app.config import DEFAULTS
from reception_app.reception.models import (
    BasicFour,
    Candidate,
    CertificateFacts,
    Channel,
    Consents,
    InsuranceKey,
    PatientRecord,
    PersonFacts,
)
from reception_app.reception.ports import CardPort
from reception_app.reception.view import SessionView, State, Step

if TYPE_CHECKING:
    from reception_app.reception.app_services import ReceptionServices
    from reception_app.reception.checkin import CheckInSession

EXIT_OK = 0
EXIT_ERROR = 2
EXIT_CHOICE = 3

EXIT_CODES_HELP = """\
exit codes:
  0  checked in: the visit is in today's queue and its 受付票 PDF is written
  2  error: bad option, card (wrong or blocked PIN, card pulled, not a My Number Card), eligibility
     refused, store (missing, locked, wrong key) or an answer that does not fit (--patient-id not offered)
  3  the staff must choose: the choice is printed as JSON on stdout (candidates, relink, registration,
     declaration); run again with --patient-id ID, --register or --declaration

The PIN is asked in a terminal when --pin is not given (--pin is visible to other users of the computer).
RECEPTION_APP_DB_PASSPHRASE gives a passphrase-keyed store's passphrase without a prompt."""

# The desk states in which the session waits for a member of staff: the command reports them as a choice.
CHOICE_STATES = {
    State.AWAITING_CANDIDATE: "candidate",
    State.AWAITING_RELINK: "relink",
    State.AWAITING_REGISTRATION: "registration",
    State.AWAITING_DECLARATION: "declaration",
}


# --- what the command line decides for the staff ---------------------------------------------------------------


@dataclass(frozen=True)
class StaffAnswer:
    """The answers given on the command line to what the desk would ask the staff."""

    patient_id: str | None = None  # this candidate / confirm the relink to this chart
    register: bool = False  # none of the candidates: register a new chart from the eligibility result
    declaration: bool = False  # no valid result: go on with a 被保険者資格申立書


@dataclass(frozen=True)
class Refusal:
    """The session refused an answer (the state stayed): the machine's error code and message."""

    code: str
    message: str


# --- timings ------------------------------------------------------------------------------------------------------


@dataclass
class CheckInTimings:
    """Seconds per part of one check-in, for `--timings` and the connectivity benchmark."""

    card_io: float = 0.0  # connect, identify, certificate, PIN status, PIN verify + signature, release
    eligibility: float = 0.0  # the query: gateway round trips, result parsing and the first merge (card time out)
    store: float = 0.0  # the check-in transaction (patient?, links, visit, snapshot, audit)
    ticket: float = 0.0  # the 受付票 PDF
    app: float = 0.0  # everything else: state machine, identification and match look-ups, merge with the chart
    total: float = 0.0
    steps: dict[str, float] = field(default_factory=dict)


class TimedCard:
    """A `CardPort` that adds the time spent in the card to `seconds` (card I/O, apart from the app's own)."""

    def __init__(self, inner: CardPort) -> None:
        self.inner = inner
        self.seconds = 0.0

    def _timed(self, call: Callable[[], Any]) -> Any:  # Any: each port method's own result, passed through
        t0 = time.perf_counter()
        try:
            return call()
        finally:
            self.seconds += time.perf_counter() - t0

    def identify(self) -> str:
        return str(self._timed(self.inner.identify))

    def read_certificate(self, pin: str | None = None, *, allow_last_try: bool = False) -> CertificateFacts:
        facts: CertificateFacts = self._timed(lambda: self.inner.read_certificate(pin, allow_last_try=allow_last_try))
        return facts

    def pin_tries_left(self) -> int:
        return int(self._timed(self.inner.pin_tries_left))

    def sign(self, challenge: bytes, pin: str, *, allow_last_try: bool = False) -> bytes:
        return bytes(self._timed(lambda: self.inner.sign(challenge, pin, allow_last_try=allow_last_try)))

    def read_basic_four(self, text_pin: str) -> BasicFour:
        four: BasicFour = self._timed(lambda: self.inner.read_basic_four(text_pin))
        return four

    def close(self) -> None:
        self._timed(self.inner.close)


class ViewTimes:
    """The session's listener: when each view arrived, and how much card time had passed by then."""

    def __init__(self, card: TimedCard) -> None:
        self.card = card
        self.marks: list[tuple[float, float, State, Step]] = []  # (perf_counter, card seconds, state, step)

    def __call__(self, view: SessionView) -> None:
        self.marks.append((time.perf_counter(), self.card.seconds, view.state, view.step))

    def first(self, *, state: State | None = None, step: Step | None = None) -> tuple[float, float] | None:
        for at, card_s, st, sp in self.marks:
            if (state is None or st == state) and (step is None or sp == step):
                return at, card_s
        return None


def _timings(times: ViewTimes, started: float, connect_s: float) -> CheckInTimings:
    ended = time.perf_counter()
    t = CheckInTimings(card_io=connect_s + times.card.seconds, total=connect_s + ended - started)
    query, merged = times.first(state=State.QUERYING), times.first(step=Step.MERGE)
    if query is not None and merged is not None:  # less the signature the card made meanwhile
        t.eligibility = max(0.0, (merged[0] - query[0]) - (merged[1] - query[1]))
    checking, printing = times.first(state=State.CHECKING_IN), times.first(step=Step.PRINT)
    done = times.first(state=State.COMPLETED)
    if checking is not None and printing is not None:
        t.store = printing[0] - checking[0]
        if done is not None:
            t.ticket = done[0] - printing[0] - (done[1] - printing[1])  # less releasing the card
    t.app = max(0.0, t.total - t.card_io - t.eligibility - t.store - t.ticket)
    t.steps = {"card_connect": connect_s, "eligibility_query": t.eligibility, "store": t.store, "ticket": t.ticket}
    return t


# --- one check-in ---------------------------------------------------------------------------------------------


@dataclass
class CheckInRun:
    """How one check-in ended: the last view (completed, ended, or waiting for the staff), a refused answer."""

    view: SessionView
    timings: CheckInTimings
    refusal: Refusal | None = None


def run_checkin(
    services: ReceptionServices,
    pin: str,
    *,
    answer: StaffAnswer = StaffAnswer(),  # frozen: one shared default is safe
    consents: Consents | None = None,
    allow_last_try: bool = False,
    reader: str | None = None,
    staff_user: str = "",
) -> CheckInRun:
    """One card on `reader` through the desk's state machine, as far as `answer` lets it go. A session left waiting
    for the staff is cancelled (the card released, nothing written)."""
    t0 = time.perf_counter()
    card = TimedCard(services.open_card(reader))
    connect_s = time.perf_counter() - t0
    times = ViewTimes(card)
    started = time.perf_counter()
    session = services.new_session(Channel.DESK, times, staff_user=staff_user)
    try:
        view, refusal = _drive(session, card, pin, answer, consents, allow_last_try)
    finally:
        if not session.view.ended:
            session.cancel()  # releases the card; the staff's choice is the next run's
        services.face_router.close(session)  # no face result is awaited: the router need not keep it
    return CheckInRun(view, _timings(times, started, connect_s), refusal)


def _drive(
    session: CheckInSession, card: CardPort, pin: str, answer: StaffAnswer, consents: Consents | None,
    allow_last_try: bool,
) -> tuple[SessionView, Refusal | None]:
    view = session.start_with_card(card)
    if view.state == State.AWAITING_PIN:
        view = session.submit_pin(pin, confirm_last_try=allow_last_try, consents=consents)
    while not view.ended:
        step = _next_command(session, view, answer)
        if step is None:
            return view, None
        before = view.state
        view = step()
        if view.state == before:  # the machine refused the answer; the error says why
            return view, Refusal(view.error_code or "invalid_input", view.error_message or "refused")
    return view, None


def _next_command(
    session: CheckInSession, view: SessionView, answer: StaffAnswer
) -> Callable[[], SessionView] | None:
    """The staff's part, as the command line answered it; None when it did not (the choice is reported)."""
    state = view.state
    if state == State.AWAITING_DECLARATION and answer.declaration:
        return session.proceed_with_declaration
    if state == State.AWAITING_CANDIDATE and answer.patient_id is not None:
        chosen = answer.patient_id
        return lambda: session.choose_candidate(chosen)
    if state == State.AWAITING_CANDIDATE and answer.register:
        return session.decline_candidates
    if state == State.AWAITING_REGISTRATION and answer.register:
        form = view.registration_form
        if form is None:
            return None
        return lambda: session.register_new(form)
    if state == State.AWAITING_RELINK and answer.patient_id is not None:
        if view.patient is None or view.patient.patient_id != answer.patient_id:
            return None  # another chart than the one to relink: reported as the choice it is
        return session.confirm_relink
    return None


# --- what is printed ------------------------------------------------------------------------------------------------


def _masked(insurance: InsuranceKey | None) -> str | None:
    return insurance.masked() if insurance is not None else None


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _patient_json(patient: PatientRecord) -> dict[str, Any]:  # Any: JSON values
    return {
        "patient_id": patient.patient_id, "name": patient.name, "kana": patient.kana,
        "birth_date": _date(patient.birth_date), "sex": patient.sex, "insurance": _masked(patient.insurance),
    }


def _person_json(facts: PersonFacts | None) -> dict[str, Any] | None:  # Any: JSON values
    """Who the eligibility result is about (as the desk shows it beside the candidates)."""
    if facts is None:
        return None
    return {
        "name": facts.name, "kana": facts.kana, "birth_date": _date(facts.birth_date), "sex": facts.sex,
        "insurance": _masked(facts.insurance), "qualification_validity": facts.qualification_validity,
    }


def _candidate_json(candidate: Candidate) -> dict[str, Any]:  # Any: JSON values
    return {**_patient_json(candidate.patient), "matched_by": candidate.matched_by,
            "differences": sorted(candidate.differences)}


def choice_json(view: SessionView) -> dict[str, Any]:  # Any: JSON values
    """The staff's choice, as the desk's dialogs show it: never the individual number, insurance numbers masked."""
    kind = CHOICE_STATES[view.state]
    out: dict[str, Any] = {  # Any: JSON values
        "choice": kind, "state": view.state.value, "person": _person_json(view.facts),
        "offline": view.offline, "offline_label": view.offline_label, "warnings": list(view.warnings),
    }
    if kind == "candidate":
        out["candidates"] = [_candidate_json(c) for c in view.candidates]
        out["answer"] = "--patient-id ID (one of the candidates) or --register (none of them: a new chart)"
    elif kind == "relink":
        out["patient"] = _patient_json(view.patient) if view.patient is not None else None
        out["old_insurance"], out["new_insurance"] = view.relink_old, view.relink_new
        out["answer"] = "--patient-id ID (this chart) to move its insurance link to the new insurance"
    elif kind == "registration":
        form = view.registration_form
        out["form"] = None if form is None else {
            "name": form.name, "kana": form.kana, "birth_date": _date(form.birth_date), "sex": form.sex,
            "address": form.address,
        }
        out["answer"] = "--register (a new chart from the eligibility result)"
    else:
        out["reason"] = "offline" if view.offline else "qualification_invalid"
        out["qualification_validity"] = view.qualification_validity
        out["answer"] = "--declaration (go on with a 被保険者資格申立書)"
    return out


def _eligibility_json(view: SessionView) -> dict[str, Any] | None:  # Any: JSON values
    """A summary of the merged eligibility: no recipient numbers, the insurance masked."""
    merged = view.merged
    if merged is None:
        return None
    return {
        "status": merged.status, "status_text_en": merged.status_text_en,
        "qualification_validity": view.qualification_validity,
        "insurance": _masked(view.facts.insurance) if view.facts is not None else None,
        "copay_ratio_percent": merged.insurance.copay_ratio_percent if merged.insurance is not None else None,
        "subsidies": [
            {"law_code": sub.law_code, "law_name": sub.law_name, "payer_number": sub.payer_number,
             "active_on_visit": sub.active_on_visit, "source": sub.source}
            for sub in merged.subsidies
        ],
        "warnings": merged.warning_codes(),
    }


def visit_json(services: ReceptionServices, view: SessionView) -> dict[str, Any]:  # Any: JSON values
    """The visit in today's queue and its ticket."""
    assert view.patient is not None and view.queue_number is not None
    number = view.queue_number
    # the chart as it is now: the check-in may have just created it or moved its insurance link
    patient = services.store_port.patient(view.patient.patient_id) or view.patient
    visit = None
    today = services.clock().date()
    for day in (today, today - dt.timedelta(days=1)):  # a check-in just before midnight is yesterday's
        visit = next((v for v in services.store.queue(day) if v.queue_number == number
                      and v.patient_id == patient.patient_id), None)
        if visit is not None:
            break
    return {
        "visit": {
            "patient_id": patient.patient_id, "queue_number": number,
            "visit_date": visit.visit_date.isoformat() if visit else None,
            "checked_in_at": visit.checked_in_at.isoformat(timespec="seconds") if visit else None,
            "channel": view.channel.value, "matched_by": view.matched_by, "offline": view.offline,
            "declaration": view.declaration,
        },
        "ticket": {"number": f"{number:03d}", "pdf": view.ticket_path},
        "patient": _patient_json(patient),
        "eligibility": _eligibility_json(view),
        "warnings": list(view.warnings),
    }


# --- the command ------------------------------------------------------------------------------------------------


def register(subparsers: Any) -> None:  # Any: argparse's private _SubParsersAction
    parser = subparsers.add_parser(
        "check-in",
        aliases=["checkin"],
        help="headless check-in through the desk's state machine: card (PIN) → eligibility → match → queue → 受付票",
        description=__doc__,
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    site_mod.add_store_option(parser)
    parser.add_argument("--reader", default="simulator", help=READER_SPEC_HELP)
    parser.add_argument("--card", help="demo card profile to place on the simulator reader (e.g. adult-seishin-21)")
    parser.add_argument("--pin", help="authentication PIN (4 digits); asked for when omitted in a terminal")
    answers = parser.add_mutually_exclusive_group()
    answers.add_argument("--patient-id", metavar="ID",
                         help="the staff's answer: check in this candidate, or confirm the relink to this chart")
    answers.add_argument("--register", action="store_true",
                         help="the staff's answer: none of the candidates; register a new chart from the result")
    parser.add_argument("--declaration", action="store_true",
                        help="the staff's answer when no valid result: go on with a 被保険者資格申立書")
    parser.add_argument("--gateway", help="gateway base URL; default: start the OQS/PMH simulator on loopback")
    parser.add_argument("--gateway-pin", action="append", default=[], help="SPKI SHA-256 pin of the gateway (hex)")
    parser.add_argument("--ca-bundle", type=Path, help="PEM CA bundle to trust for the gateway")
    parser.add_argument("--client-cert", type=Path, help="client certificate (PEM) for mutual TLS")
    parser.add_argument("--client-key", type=Path, help="client key (PEM) for mutual TLS")
    parser.add_argument("--institution", default=None,
                        help="医療機関コード (10 digits); default: the site's, else the simulator's")
    parser.add_argument("--ticket-dir", type=Path, default=None,
                        help="folder for the 受付票 PDF; default: the site's, else tickets/ in the data folder")
    parser.add_argument("--no-pmh-consent", action="store_true", help="the patient declined 医療費助成 data")
    parser.add_argument("--timeout", type=float, default=DEFAULTS.gateway_query_timeout_s,
                        help="gateway timeout per call, seconds")
    parser.add_argument("--allow-last-try", action="store_true", help="allow spending the last PIN try")
    parser.add_argument("--json", action="store_true", help="print the visit and its ticket as JSON")
    parser.add_argument("--timings", action="store_true", help="print card/eligibility/store/ticket/app timings")
    parser.set_defaults(handler=checkin_command)


def _error(args: argparse.Namespace, code: str, message: str) -> int:
    if args.json:
        print(json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False))
    else:
        print(f"error [{code}]: {message}", file=sys.stderr)
    return EXIT_ERROR


def _backend(args: argparse.Namespace) -> ReaderBackend:
    backend = open_backend(args.reader)
    if args.card:
        from reception_app.card.backends.simulator import SimulatorBackend

        if not isinstance(backend, SimulatorBackend):
            backend.close()
            raise ValueError("--card works only with --reader simulator (a PC/SC reader reads the card it holds).")
        backend.insert(args.card)
    return backend


@contextmanager
def _gateway(args: argparse.Namespace, institution: str) -> Iterator[tuple[str, Path | None]]:
    """(gateway URL, OQS terminal folder or None): `--gateway`, or the OQS/PMH simulator for as long as it runs."""
    if args.gateway:
        yield args.gateway, None
        return
    from reception_app.connect.simulator import OqsSimulator

    with tempfile.TemporaryDirectory(prefix="reception-checkin-") as tmp:
        simulator = OqsSimulator(Path(tmp), 0, institution_code=institution).start()
        try:
            yield simulator.base_url, simulator.folder
        finally:
            simulator.stop()


def _consents(args: argparse.Namespace) -> Consents:
    return Consents(medication_info=True, diagnosis_info=True, limit_application_info=True,
                    medical_subsidy_info=not args.no_pmh_consent)


def _print_timings(t: CheckInTimings) -> None:
    print(
        f"timings: card I/O {t.card_io * 1000:.1f} ms, eligibility {t.eligibility * 1000:.1f} ms, "
        f"store {t.store * 1000:.1f} ms, ticket {t.ticket * 1000:.1f} ms, app {t.app * 1000:.1f} ms, "
        f"total {t.total * 1000:.1f} ms",
        file=sys.stderr,
    )


def checkin_command(args: argparse.Namespace) -> int:
    from reception_app.card.errors import CardError
    from reception_app.config import SiteConfigError
    from reception_app.connect.errors import ConnectError
    from reception_app.connect.simulator.profiles import DEFAULT_INSTITUTION_CODE
    from reception_app.connect.tls import TlsConfig
    from reception_app.reception.errors import ReceptionError
    from reception_app.store.errors import StoreError

    pin = args.pin
    if pin is None:
        if not sys.stdin.isatty():
            return _error(args, "pin_required", "The authentication PIN is required (--pin, or run in a terminal).")
        pin = getpass.getpass("Authentication PIN (4 digits): ")
    try:
        defaults = site_mod.site_defaults()
    except SiteConfigError as exc:
        return _error(args, exc.code, str(exc))
    institution = args.institution or defaults.institution_code or DEFAULT_INSTITUTION_CODE
    try:
        store_path = site_mod.store_path(args) if args.store is not None else defaults.store_path
        with ExitStack() as stack:
            backend = _backend(args)
            stack.callback(backend.close)
            # the 受付票 is drawn by Qt, as at the desk; the name keeps its translators alive until it is drawn
            _qt = site_mod.headless_qt(defaults.language)
            gateway_url, terminal = stack.enter_context(_gateway(args, institution))
            site = site_mod.HeadlessSite(
                store_path=store_path, store_passphrase=site_mod.store_passphrase(defaults.key_source),
                institution_code=institution, gateway_url=gateway_url,
                tls=TlsConfig(ca_bundle=args.ca_bundle, pinned_spki_sha256=tuple(args.gateway_pin),
                              client_cert=args.client_cert, client_key=args.client_key),
                query_timeout=args.timeout, ticket_dir=args.ticket_dir or defaults.ticket_dir,
                req_dir=terminal / "req" if terminal else None, res_dir=terminal / "res" if terminal else None,
            )
            services = site_mod.site_services(site, backend)
            stack.callback(services.stop)  # waits for the 照会番号 registration queued by the check-in
            answer = StaffAnswer(args.patient_id, args.register, args.declaration)
            run = run_checkin(services, pin, answer=answer, consents=_consents(args),
                              allow_last_try=args.allow_last_try, staff_user=site_mod.cli_actor())
            result = visit_json(services, run.view) if run.view.state == State.COMPLETED else None
    except (CardError, ConnectError, StoreError, ReceptionError) as exc:
        return _error(args, exc.code, getattr(exc, "message", None) or str(exc))
    except ValueError as exc:
        return _error(args, "invalid_argument", str(exc))
    if args.timings:
        _print_timings(run.timings)
    return _report(args, run, result)


# `--patient-id` given where the machine asks something it cannot answer.
_MISFITS = {
    "relink": "--patient-id names another chart than the one whose insurance changed.",
    "registration": "--patient-id: no chart fits this person (no candidates); --register makes a new chart.",
}


def _report(args: argparse.Namespace, run: CheckInRun, result: dict[str, Any] | None) -> int:  # Any: JSON
    view = run.view
    if run.refusal is not None:
        return _error(args, run.refusal.code, run.refusal.message)
    if result is not None:
        if args.json:
            print(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            print(f"checked in: ticket {result['ticket']['number']} (patient {result['visit']['patient_id']}, "
                  f"matched by {view.matched_by})")
            if view.ticket_path:
                print(f"  ticket PDF: {view.ticket_path}")
            for warning in view.warnings:
                print(f"  warning [{warning}]")
        return EXIT_OK
    if view.state in CHOICE_STATES:
        choice = choice_json(view)
        misfit = _MISFITS.get(choice["choice"]) if args.patient_id is not None else None
        if misfit is not None:  # an answer was given, to another question
            return _error(args, "invalid_input", misfit)
        print(json.dumps(choice, ensure_ascii=False, indent=2))
        return EXIT_CHOICE
    code = view.error_code or view.end_reason or view.state.value
    return _error(args, code, view.error_message or f"The check-in ended: {view.state.value}.")
