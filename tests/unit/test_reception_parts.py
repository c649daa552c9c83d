"""Unit tests of the reception layer's parts: adapters over the real lower layers, router, re-confirmer (the
受付票 printer is Qt's: tests/qt/test_ui_app.py and the CLI's tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reception_app.card.backends.simulator import SimulatorBackend
from reception_app.eligibility.xml import parse_result
from reception_app.paths import resource
from reception_app.reception import errors
from reception_app.reception.adapters.card import MyNumberCardAdapter
from reception_app.reception.adapters.eligibility import EligibilityMerger, facts_of
from reception_app.reception.adapters.store import StoreAdapter
from reception_app.reception.checkin import CheckInSession, SessionDeps
from reception_app.reception.face import FaceRouter
from reception_app.reception.models import (
    InsuranceKey,
    PatientRecord,
    RegistrationForm,
    differing_fields,
)
from reception_app.reception.reconfirm import Reconfirmer
from reception_app.reception.view import State
from reception_app.store import PassphraseKey, open_store
from tests.unit.reception_fakes import (
    NOW,
    FakeEligibility,
    FakeMerger,
    FakeOutcome,
    InlineBackground,
    ListPrinter,
    MemoryStore,
)
from tests.unit.test_reception_checkin import INS_A, facts, patient

SAMPLES = resource("samples", "oqs")


# --- card adapter over the simulator backend and virtual cards -------------------------------------------------


def test_card_adapter_reads_a_virtual_card_and_translates_pin_errors() -> None:
    backend = SimulatorBackend()
    backend.insert("pin-one-try-left")
    card = MyNumberCardAdapter.connect(backend)
    assert card.identify() == "plastic"
    cert = card.read_certificate()
    assert len(cert.subject) == 23 and cert.status.value == "valid" and cert.der[:1] == b"\x30"
    assert card.pin_tries_left() == 1
    with pytest.raises(errors.LastTryRefused):
        card.sign(b"challenge", "9999")
    assert card.pin_tries_left() == 1  # refused before anything reached the card
    with pytest.raises(errors.InvalidInput):
        card.sign(b"challenge", "12")
    backend.remove()
    with pytest.raises(errors.CardRemoved):
        card.pin_tries_left()
    card.close()  # releasing a pulled card is harmless


def test_the_sites_apdu_timeout_reaches_the_card() -> None:
    """`card_apdu_timeout_s`: a card slower than the site's limit counts as mute; the same card within it reads."""
    backend = SimulatorBackend()
    backend.insert("adult-seishin-21").faults.latency_ms = 400
    with pytest.raises(errors.CardFault):
        MyNumberCardAdapter.connect(backend, apdu_timeout_s=0.2).identify()
    assert MyNumberCardAdapter.connect(backend, apdu_timeout_s=2.0).identify() == "plastic"


def test_card_adapter_wrong_pin_and_blocked() -> None:
    backend = SimulatorBackend()
    backend.insert("adult-seishin-21")
    card = MyNumberCardAdapter.connect(backend)
    card.identify()
    with pytest.raises(errors.WrongPin) as info:
        card.sign(b"challenge", "0000")
    assert info.value.tries_left == 2
    assert len(card.sign(b"challenge", "1234")) == 256
    backend.insert("pin-blocked")
    blocked = MyNumberCardAdapter.connect(backend)
    blocked.identify()
    assert blocked.pin_tries_left() == 0
    with pytest.raises(errors.PinBlocked):
        blocked.sign(b"challenge", "1234", allow_last_try=True)


def test_card_adapter_expired_certificate_is_reported_not_raised() -> None:
    backend = SimulatorBackend()
    backend.insert("expired-cert")
    card = MyNumberCardAdapter.connect(backend)
    card.identify()
    assert card.read_certificate().status.value == "expired"


# --- eligibility adapter over real sample files ------------------------------------------------------------------


def test_facts_from_a_real_result_file() -> None:
    result = parse_result((SAMPLES / "OQSsiquc01res_face_demo_gaiji_name.xml").read_bytes())
    f = facts_of(result)
    assert "●" in f.name and f.kana and f.birth_date is not None and f.insurance is not None
    merged = EligibilityMerger().merge(result, None, dt.date(2026, 11, 25))
    assert "gaiji_in_name" in merged.warnings and '"status"' in merged.json


def test_merge_with_the_chart_reports_differences() -> None:
    result = parse_result((SAMPLES / "OQSsiquc01res_face_demo_valid_general_sjis.xml").read_bytes())
    f = facts_of(result)
    assert f.birth_date is not None
    chart = PatientRecord("000001", "別人　太郎", "ベツジン　タロウ", f.birth_date, f.sex, "")
    merged = EligibilityMerger().merge(result, chart, dt.date(2026, 11, 25))
    assert merged.warnings and differing_fields(chart, f) >= {"name", "kana"}


# --- store adapter over a real SQLCipher file --------------------------------------------------------------------


@pytest.fixture()
def sqlcipher(tmp_path: Path) -> StoreAdapter:
    store = open_store(tmp_path / "t.db", PassphraseKey("unit-test-passphrase"), mode="create")
    return StoreAdapter(store, "staff:7")


def test_store_adapter_links_move_without_losing_other_keys(sqlcipher: StoreAdapter) -> None:
    a = sqlcipher.create_patient(RegistrationForm("佐藤　美咲", "サトウ　ミサキ", dt.date(1988, 3, 9), "2"))
    b = sqlcipher.create_patient(RegistrationForm("佐藤　美咲", "サトウ　ミサキ", dt.date(1988, 3, 9), "2"))
    assert a.sex == "2" and a.patient_id != b.patient_id
    sqlcipher.link_insurance(a.patient_id, INS_A)
    sqlcipher.link_card(a.patient_id, "CN-A")
    found = sqlcipher.find_by_card_subject("CN-A")
    assert found is not None and found.insurance == INS_A  # the card link kept the insurance
    sqlcipher.link_card(b.patient_id, "CN-A")  # staff moved the card to b
    assert sqlcipher.find_by_card_subject("CN-A").patient_id == b.patient_id  # type: ignore[union-attr]
    assert sqlcipher.patient(a.patient_id).insurance == INS_A  # type: ignore[union-attr]
    assert len(sqlcipher.find_by_kana_birth_date("サトウミサキ", dt.date(1988, 3, 9))) == 2


def test_store_adapter_transaction_rolls_back(sqlcipher: StoreAdapter) -> None:
    with pytest.raises(RuntimeError), sqlcipher.transaction():
        p = sqlcipher.create_patient(RegistrationForm("伊藤　誠", "イトウ　マコト", dt.date(1968, 7, 7), "1"))
        sqlcipher.add_visit(p.patient_id, dt.date(2026, 11, 25), "desk", offline=False, declaration=False)
        raise RuntimeError("power cut")
    assert sqlcipher.find_by_kana_birth_date("イトウマコト", dt.date(1968, 7, 7)) == []
    assert sqlcipher.store.queue(dt.date(2026, 11, 25)) == []


def test_checkin_failure_in_the_real_store_writes_nothing(sqlcipher: StoreAdapter, tmp_path: Path) -> None:
    elig = FakeEligibility()
    elig.answers[INS_A.key] = FakeOutcome(facts())
    deps = SessionDeps(store=sqlcipher, eligibility=elig, merger=FakeMerger(), printer=ListPrinter(),
                       background=InlineBackground(), clock=lambda: NOW)
    session = CheckInSession(deps)
    session.by_insurance_number(INS_A, dt.date(1988, 3, 9))
    assert session.state == State.AWAITING_REGISTRATION
    before = len(sqlcipher.store.audit_records(limit=10_000))
    view = session.register_new(RegistrationForm("佐藤　美咲", "サトウ　ミサキ", dt.date(1988, 3, 9), "9"))
    assert view.state == State.AWAITING_REGISTRATION and view.error_code == "invalid_input"  # sex 9: refused
    sqlcipher.store.close()  # the disk goes away under the check-in
    view = session.register_new(RegistrationForm("佐藤　美咲", "サトウ　ミサキ", dt.date(1988, 3, 9), "2"))
    assert view.state == State.FAILED and view.end_reason == "store_error"
    reopened = open_store(tmp_path / "t.db", PassphraseKey("unit-test-passphrase"))
    try:
        assert reopened.find_by_kana_and_birth_date("サトウミサキ", dt.date(1988, 3, 9)) == []
        assert len(reopened.audit_records(limit=10_000)) == before
    finally:
        reopened.close()


# --- face router -----------------------------------------------------------------------------------------------------


def _deps(store: MemoryStore) -> SessionDeps:
    return SessionDeps(store=store, eligibility=FakeEligibility(), merger=FakeMerger(), printer=None,
                       background=InlineBackground(), clock=lambda: NOW)


def test_router_delivers_to_the_one_session_whose_expectation_fits() -> None:
    store = MemoryStore()
    store.add(patient(), ref="P00001")
    router = FaceRouter(FakeMerger())
    sato, suzuki = CheckInSession(_deps(store)), CheckInSession(_deps(store))
    for s in (sato, suzuki):
        router.open(s)
    sato.await_face_result("サトウ　ミサキ", dt.date(1988, 3, 9))
    suzuki.await_face_result("スズキ　ケンイチ", dt.date(1975, 11, 2))
    assert router.route(FakeOutcome(facts(reference_number="P00001"), source="face")) is sato
    assert sato.state == State.COMPLETED and suzuki.state == State.AWAITING_FACE and router.held == []


def test_router_holds_results_nobody_waits_for() -> None:
    router = FaceRouter(FakeMerger())
    assert router.route(FakeOutcome(facts(), source="face")) is None
    assert [h.reason for h in router.held] == ["no_open_session"]


# --- re-confirmer ----------------------------------------------------------------------------------------------------


def test_reconfirmer_waits_while_offline_then_updates_the_snapshot() -> None:
    store = MemoryStore()
    store.add(patient())
    store.add(patient("P2", insurance=None))
    store.queue_reconfirmation("P00001", "offline_check_in")
    store.queue_reconfirmation("P2", "offline_check_in")
    elig = FakeEligibility()
    elig.answers[INS_A.key] = FakeOutcome(facts(), source="reqres", confirmed_at=NOW + dt.timedelta(hours=1))
    elig.offline = True
    rc = Reconfirmer(store, elig, FakeMerger(), lambda: NOW)
    report = rc.run_pending()
    assert report.still_offline and store.reconfirm == {"P00001", "P2"}
    elig.offline = False
    report = rc.run_pending()
    assert report.confirmed == ["P00001"] and report.skipped == {"P2": "no_insurance_on_file"}
    assert store.snapshots["P00001"].confirmed_at == NOW + dt.timedelta(hours=1) and store.reconfirm == {"P2"}


def test_insurance_key_masking_never_shows_the_full_number() -> None:
    key = InsuranceKey("06139992", "記号", "１２３４５６７", "01")
    assert key.masked() == "06139992 ***67" and "12345" not in key.masked()


def test_router_forgets_sessions_the_ui_dropped() -> None:
    import gc

    router = FaceRouter(FakeMerger())
    session = CheckInSession(_deps(MemoryStore()))
    session.await_face_result()
    router.open(session)
    del session
    gc.collect()
    assert router.route(FakeOutcome(facts(), source="face")) is None
    assert [h.reason for h in router.held] == ["no_open_session"]


def test_a_stored_snapshot_reads_back_as_the_same_merged_view() -> None:
    """The offline path shows the cached result typed, as the desk showed it when it was confirmed."""
    merger = EligibilityMerger()
    sample = Path(__file__).resolve().parents[1] / "data" / "oqs" / "pmh_subsidies.xml"
    merged = merger.merge(parse_result(sample.read_bytes()), None, dt.date(2026, 11, 25))
    read = merger.read_snapshot(merged.json)
    assert read is not None and read.to_json() == merged.model.to_json()


def test_a_snapshot_this_version_cannot_read_gives_no_view() -> None:
    assert EligibilityMerger().read_snapshot('{"name": "not a merged view"}') is None
