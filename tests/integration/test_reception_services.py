"""The production composition (`compose.site.site_services`) against the OQS simulator as if it were a site's
gateway and terminal, and the automatic re-confirmation loop of the demo stack."""

from __future__ import annotations

from pathlib import Path

from reception_app.card.backends.simulator import SimulatorBackend
from reception_app.compose.demo import DemoServices
from reception_app.compose.site import ServiceConfig, site_services, site_services_from_settings
from reception_app.connect.simulator import OqsSimulator
from reception_app.reception.view import State
from reception_app.store import PassphraseKey, open_store
from reception_app.ui.ticket import QtTicketPrinter
from tests.integration.waiting import poll

PASSPHRASE = "site-test-passphrase"


def test_site_composition_checks_in_over_gateway_and_reqres(tmp_path: Path, qapp: object) -> None:
    db = tmp_path / "site" / "reception.db"
    db.parent.mkdir()
    open_store(db, PassphraseKey(PASSPHRASE), mode="create").close()
    with OqsSimulator(tmp_path / "oqs", port=0) as sim:
        config = ServiceConfig(
            institution_code=sim.institution_code, reader="simulator", gateway_url=sim.base_url,
            face_dir=sim.folder / "face", req_dir=sim.folder / "req", res_dir=sim.folder / "res", db_path=db,
            db_passphrase=PASSPHRASE, actor="staff:1", query_timeout=5.0, reqres_timeout=5.0,
            reconfirm_interval_s=0,
        )
        services = site_services(config, printer=QtTicketPrinter(tmp_path / "tickets"))
        try:
            assert isinstance(services.backend, SimulatorBackend)
            services.backend.insert("adult-nanbyo-54")
            session = services.new_session()
            session.start_with_card(services.open_card())
            view = session.submit_pin("1234")
            assert view.state == State.AWAITING_REGISTRATION  # an empty clinic database
            assert view.registration_form is not None
            view = session.register_new(view.registration_form)
            assert view.state == State.COMPLETED and view.ticket_path and Path(view.ticket_path).exists()
            assert services.background.drain(10)
            pid = view.patient.patient_id  # type: ignore[union-attr]
            assert sim.terminal.registered_reference_numbers["adult-nanbyo-54"] == pid  # OQSsiimm01req via req/res
            assert services.store.find_by_reference_number(pid) is not None
        finally:
            services.stop()
    reopened = open_store(db, PassphraseKey(PASSPHRASE))
    try:
        stored = reopened.get_patient(pid)
        assert stored is not None and stored.kana == view.registration_form.kana  # type: ignore[union-attr]
        assert len(reopened.visits_of(pid)) == 1
    finally:
        reopened.close()


def test_reconfirm_loop_runs_when_the_connection_is_back(tmp_path: Path) -> None:
    services = DemoServices.start(tmp_path / "demo", query_timeout=3.0, reqres_timeout=1.0, reconfirm_interval_s=0.2)
    try:
        pid = services.seeded["seishin"]
        services.insert_card("adult-seishin-21")
        session = services.new_session()
        session.start_with_card(services.open_card())
        assert session.submit_pin("1234").state == State.COMPLETED
        services.set_gateway_down(True)
        services.set_terminal_down(True)
        session = services.new_session()
        session.start_with_card(services.open_card())
        assert session.submit_pin("1234").offline
        assert session.choose_candidate(pid).state == State.COMPLETED
        poll(lambda: services.last_reconfirm is not None and services.last_reconfirm.still_offline)
        assert [p.patient_id for p in services.store.pending_reconfirmations()] == [pid]
        services.set_terminal_down(False)
        services.set_gateway_down(False)
        poll(lambda: services.store.pending_reconfirmations() == [])
    finally:
        services.stop()


def test_from_settings_without_a_gateway_goes_straight_to_the_offline_path(tmp_path: Path) -> None:
    from reception_app.config import SiteConfig

    db = tmp_path / "reception.db"
    open_store(db, PassphraseKey(PASSPHRASE), mode="create").close()
    settings = SiteConfig(reader_backend="simulator", institution_code="1311234567", store_location=str(db),
                          db_key_source="passphrase")
    services = site_services_from_settings(settings, passphrase=PASSPHRASE)
    try:
        assert services.eligibility.gateway is None and services.face_source is None
        assert isinstance(services.backend, SimulatorBackend)
        services.backend.insert("adult-seishin-21")
        session = services.new_session()
        session.start_with_card(services.open_card())
        view = session.submit_pin("1234")
        assert view.state == State.AWAITING_DECLARATION and view.offline and view.error_code == "eligibility_offline"
    finally:
        services.stop()
