"""Headless check-in scenarios over the real stack: the simulator reader with virtual My Number Cards, the OQS/PMH
simulator over loopback HTTP (gateway) and its req/res + face folders, and a real SQLCipher demo database.

Each scenario checks the SessionView and what is in the store (visits, links, snapshots, audit).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reception_app.card.constants import JpkiFile
from reception_app.card.virtual import VirtualMyNumberCard
from reception_app.card.virtual.pki import opaque_subject_id
from reception_app.compose.demo import DemoServices
from reception_app.reception.checkin import CheckInSession
from reception_app.reception.models import Channel
from reception_app.reception.view import KioskScreen, SessionView, State
from reception_app.ui.ticket import QtTicketPrinter
from tests.integration.waiting import poll

INS_VERIFY = 0x20


@pytest.fixture()
def services(tmp_path: Path, qapp: object) -> Iterator[DemoServices]:
    # the desk's 受付票 printer (Qt's PDF writer needs the application object pytest-qt's `qapp` makes)
    printer = QtTicketPrinter(tmp_path / "tickets")
    svc = DemoServices.start(tmp_path / "demo", query_timeout=5.0, reqres_timeout=3.0, printer=printer)
    try:
        yield svc
    finally:
        svc.stop()


def pin_verifications(card: VirtualMyNumberCard) -> int:
    """VERIFY commands that carried a PIN (the ones that can spend a try); a bare VERIFY only reads the counter."""
    return sum(1 for e in card.trace.entries if e.ins == INS_VERIFY and e.lc)


def auth_tries(card: VirtualMyNumberCard) -> int:
    return card.tries_left("jpki", JpkiFile.AUTH_PIN)


def start(services: DemoServices, profile: str, channel: Channel = Channel.DESK,
          views: list[SessionView] | None = None) -> tuple[CheckInSession, VirtualMyNumberCard, SessionView]:
    card = services.insert_card(profile)
    session = services.new_session(channel, views.append if views is not None else None, staff_user="staff:1")
    view = session.start_with_card(services.open_card())
    return session, card, view


def today_queue(services: DemoServices) -> list[tuple[str, int, bool, bool]]:
    day = services.clock().date()
    return [(v.patient_id, v.queue_number, v.offline, v.declaration) for v in services.store.queue(day)]


def actions(services: DemoServices, subject: str | None = None) -> list[str]:
    return [r.action for r in services.store.audit_records(limit=10_000) if subject is None or r.subject == subject]


def test_returning_patient_by_reference_number(services: DemoServices) -> None:
    pid = services.seeded["seishin"]
    views: list[SessionView] = []
    session, card, view = start(services, "adult-seishin-21", views=views)
    assert view.state == State.AWAITING_PIN and view.pin_tries_left == 3 and view.token_type == "plastic"
    assert view.suggested_patient is not None and view.suggested_patient.patient_id == pid  # お帰りなさい
    assert pin_verifications(card) == 0  # the counter was read without spending a try
    view = session.submit_pin("1234")
    assert view.state == State.COMPLETED and view.end_reason == "checked_in" and view.matched_by == "reference_number"
    assert view.queue_number == 1 and view.merged is not None
    assert view.merged.reference_number == pid and view.merged.insurance is not None
    assert [sub.law_code for sub in view.merged.subsidies] == ["21"]  # PMH: 精神通院 (demo consents)
    assert today_queue(services) == [(pid, 1, False, False)]
    snap = services.store.latest_snapshot_for_patient(pid, "test")
    assert snap is not None and snap.source == "pin" and snap.raw.startswith(b"<?xml")
    assert "reception.check_in" in actions(services, pid)
    assert view.ticket_path is not None and Path(view.ticket_path).read_bytes().startswith(b"%PDF-")
    assert [v.state for v in views][-1] == State.COMPLETED and {State.READING_CARD, State.QUERYING} <= {
        v.state for v in views
    }
    assert pin_verifications(card) == 1


def test_returning_patient_by_insurance_key_then_by_reference_number(services: DemoServices) -> None:
    pid = services.seeded["nanbyo"]
    session, _, view = start(services, "adult-nanbyo-54")
    assert view.suggested_patient is None
    view = session.submit_pin("1234")
    assert view.state == State.COMPLETED and view.matched_by == "insurance_key"
    assert services.background.drain(10)  # OQSsiimm01req ran in the background
    assert services.simulator.terminal.registered_reference_numbers["adult-nanbyo-54"] == pid
    found = services.store.find_by_reference_number(pid)
    assert found is not None and found.patient_id == pid
    link = services.store.current_link(pid)
    assert link is not None and link.cert_subject == opaque_subject_id("adult-nanbyo-54")
    assert {"reception.card_linked", "reception.reference_number_registered"} <= set(actions(services, pid))
    services.remove_card()
    session, _, view = start(services, "adult-nanbyo-54")  # next visit: the fast path
    assert view.suggested_patient is not None and view.suggested_patient.patient_id == pid
    view = session.submit_pin("1234")
    assert view.state == State.COMPLETED and view.matched_by == "reference_number" and view.queue_number == 2


def test_new_registration_from_a_phone_token_with_basic_four(services: DemoServices) -> None:
    session, _, view = start(services, "android-token")
    assert view.state == State.AWAITING_PIN and view.token_type == "android" and view.certificate_status is None
    view = session.submit_pin("1234")
    assert view.state == State.AWAITING_REGISTRATION and view.patient is None
    form = view.registration_form
    assert form is not None and form.birth_date is not None and form.birth_date.isoformat() == "1990-10-10"
    assert today_queue(services) == []
    view = session.read_basic_four("1234")  # a phone token has no text AP: a clear error, the form stays
    assert view.state == State.AWAITING_REGISTRATION and view.error_code == "card_error"
    view = session.register_new(form)
    assert view.state == State.COMPLETED and view.matched_by == "new_registration" and view.patient is not None
    pid = view.patient.patient_id
    stored = services.store.get_patient(pid)
    assert stored is not None and stored.name == form.name and stored.sex == "male"
    link = services.store.current_link(pid)
    assert link is not None and link.insurance is not None and link.cert_subject == opaque_subject_id("android-token")
    assert today_queue(services) == [(pid, 1, False, False)]
    assert {"reception.patient_registered", "reception.insurance_linked", "reception.check_in"} <= set(
        actions(services, pid)
    )


def test_staff_decline_candidates_and_register_with_the_basic_four_address(services: DemoServices) -> None:
    session, card, view = start(services, "gaiji-name")
    view = session.submit_pin("1234")
    assert view.state == State.AWAITING_CANDIDATE
    view = session.decline_candidates()
    assert view.state == State.AWAITING_REGISTRATION and view.registration_form is not None
    assert view.registration_form.name == "●藤　恵"  # as OQS sent it; staff correct the 外字
    view = session.read_basic_four("1234")  # the patient's 券面事項入力補助 PIN
    form = view.registration_form
    assert form is not None and form.address == card.profile.holder.address and view.error_code is None
    view = session.register_new(form.__class__(**{**form.__dict__, "name": "齋藤　恵"}))
    assert view.state == State.COMPLETED and view.patient is not None
    assert services.store.get_patient(view.patient.patient_id).address == card.profile.holder.address  # type: ignore[union-attr]
    assert len(services.store.find_by_kana_and_birth_date("サイトウメグミ", form.birth_date)) == 3  # type: ignore[arg-type]


def test_two_candidates_staff_must_choose(services: DemoServices) -> None:
    saito1, saito2 = services.seeded["saito1"], services.seeded["saito2"]
    session, _, view = start(services, "gaiji-name")
    view = session.submit_pin("1234")
    assert view.state == State.AWAITING_CANDIDATE and view.patient is None
    assert {c.patient.patient_id for c in view.candidates} == {saito1, saito2}
    assert all("name" in c.differences and "birth_date" not in c.differences for c in view.candidates)
    assert "gaiji_in_name" in view.warnings
    # nothing was picked or written before the staff's choice
    assert today_queue(services) == [] and services.store.find_by_cert_subject(opaque_subject_id("gaiji-name")) is None
    assert not any(a.startswith("reception.") for a in actions(services))
    view = session.choose_candidate(saito2)
    assert view.state == State.COMPLETED and view.patient is not None and view.patient.patient_id == saito2
    assert view.matched_by == "staff_choice:kana_birth_date"
    assert today_queue(services) == [(saito2, 1, False, False)]
    assert services.store.get_patient(saito2).name == "斎藤　恵"  # type: ignore[union-attr]  # chart name kept


def test_relink_after_an_insurance_change(services: DemoServices) -> None:
    pid = services.seeded["change"]
    session, _, view = start(services, "insurance-change")
    view = session.submit_pin("1234")
    assert view.state == State.AWAITING_RELINK and view.relink_old == "06130012 ***77"
    assert view.relink_new is not None and view.relink_new != view.relink_old
    link = services.store.current_link(pid)
    assert link is not None and link.insurance is not None and link.insurance.insurer_number == "06130012"
    assert today_queue(services) == []
    view = session.confirm_relink()
    assert view.state == State.COMPLETED
    history = services.store.link_history(pid)
    current = services.store.current_link(pid)
    assert current is not None and current.insurance is not None and current.insurance.insurer_number != "06130012"
    assert any(h.insurance_key and h.insurance_key.startswith("06130012") and not h.active for h in history)
    records = [r for r in services.store.audit_records(limit=10_000) if r.subject == pid]
    relinked = [r for r in records if r.action == "reception.insurance_relinked"]
    assert len(relinked) == 1
    assert relinked[0].details["old_key"] == "06130012 ***77" and relinked[0].details["new_key"] == view.relink_new
    assert relinked[0].details["confirmed_by"] == "staff:1"
    assert any(r.action == "link.relink" for r in records)  # the store's own record of the key change


def test_invalid_qualification(services: DemoServices) -> None:
    pid = services.seeded["lost"]
    session, _, view = start(services, "lost-qualification", Channel.KIOSK)
    view = session.submit_pin("1234")
    assert view.state == State.AWAITING_DECLARATION and view.qualification_validity == "2"
    assert "qualification_invalid" in view.warnings
    assert view.for_kiosk().screen == KioskScreen.ASK_STAFF
    assert today_queue(services) == []
    view = session.proceed_with_declaration()  # staff take over: 被保険者資格申立書
    assert view.state == State.COMPLETED and view.declaration
    assert today_queue(services) == [(pid, 1, False, True)]


def test_blocked_pin(services: DemoServices) -> None:
    session, card, view = start(services, "pin-blocked")
    assert view.state == State.PIN_BLOCKED and view.pin_tries_left == 0 and view.error_code == "pin_blocked"
    assert "municipal" in (view.error_message or "")
    assert view.for_kiosk().screen == KioskScreen.ASK_STAFF
    assert pin_verifications(card) == 0 and not services.simulator.backend.confirmed
    view = session.cancel()
    assert view.state == State.CANCELLED and today_queue(services) == []


def test_one_try_left_refused_until_confirmed(services: DemoServices) -> None:
    pid = services.seeded["onetry"]
    session, card, view = start(services, "pin-one-try-left", Channel.KIOSK)
    assert view.pin_tries_left == 1 and view.last_try_confirmation_required
    assert view.for_kiosk().screen == KioskScreen.CONFIRM_LAST_TRY
    view = session.submit_pin("1234")
    assert view.state == State.AWAITING_PIN and view.error_code == "last_try_requires_confirmation"
    assert pin_verifications(card) == 0 and auth_tries(card) == 1  # no try spent
    view = session.submit_pin("1234", confirm_last_try=True)
    assert view.state == State.COMPLETED and pin_verifications(card) == 1
    kiosk = view.for_kiosk()
    assert kiosk.screen == KioskScreen.DONE and kiosk.queue_number == 1 and pid not in repr(kiosk)
    assert today_queue(services) == [(pid, 1, False, False)]


def test_card_pulled_mid_read(services: DemoServices) -> None:
    card = services.insert_card("adult-seishin-21")
    card.faults.pull_after_apdus = 4  # pulled while the certificate is being read
    session = services.new_session()
    view = session.start_with_card(services.open_card())
    assert view.state == State.CARD_REMOVED and view.end_reason == "card_removed"
    assert today_queue(services) == [] and not any(a.startswith("reception.") for a in actions(services))
    # the backend is ready for the next card
    services.remove_card()
    session, _, view = start(services, "adult-seishin-21")
    assert view.state == State.AWAITING_PIN


def test_card_pulled_while_waiting_for_the_pin(services: DemoServices) -> None:
    session, _, view = start(services, "adult-seishin-21")
    services.remove_card()
    view = session.card_removed()
    assert view.state == State.CARD_REMOVED and today_queue(services) == []


def test_gateway_down_offline_from_cache_then_reconfirmed(services: DemoServices) -> None:
    pid = services.seeded["seishin"]
    session, _, view = start(services, "adult-seishin-21")
    assert session.submit_pin("1234").state == State.COMPLETED  # online: the snapshot is cached
    first = services.store.latest_snapshot_for_patient(pid, "test")
    assert first is not None
    services.remove_card()
    services.set_gateway_down(True)
    services.set_terminal_down(True)
    session, card, view = start(services, "adult-seishin-21")
    view = session.submit_pin("1234")
    assert view.state == State.AWAITING_CANDIDATE and view.offline
    assert view.offline_confirmed_at == first.confirmed_at
    assert view.offline_label is not None and view.offline_label.startswith("offline, last confirmed on ")
    assert pin_verifications(card) == 0  # no challenge from a dead gateway: no PIN try spent
    view = session.choose_candidate(pid)
    assert view.state == State.COMPLETED
    assert today_queue(services)[-1] == (pid, 2, True, False)
    assert [p.patient_id for p in services.store.pending_reconfirmations()] == [pid]
    report = services.reconfirmer.run_pending()  # still down: nothing changes
    assert report.still_offline and report.confirmed == []
    services.set_gateway_down(False)
    services.set_terminal_down(False)
    report = services.reconfirmer.run_pending()
    assert report.confirmed == [pid] and services.store.pending_reconfirmations() == []
    latest = services.store.latest_snapshot_for_patient(pid, "test")
    assert latest is not None and latest.confirmed_at > first.confirmed_at and latest.source == "insurance_number"
    assert "reception.reconfirmed" in actions(services, pid)


def test_face_path_result_arriving(services: DemoServices) -> None:
    pid = services.seeded["nanbyo"]
    views: list[SessionView] = []
    session = services.new_session(Channel.DESK, views.append)
    session.await_face_result()
    assert session.state == State.AWAITING_FACE
    services.face_reader("adult-nanbyo-54")
    poll(lambda: session.state == State.COMPLETED)
    view = session.view
    assert view.matched_by == "insurance_key" and view.patient is not None and view.patient.patient_id == pid
    snap = services.store.latest_snapshot_for_patient(pid, "test")
    assert snap is not None and snap.source == "face"
    assert today_queue(services) == [(pid, 1, False, False)]


def test_face_result_is_never_guessed_between_two_open_sessions(services: DemoServices) -> None:
    a = services.new_session()
    b = services.new_session()
    a.await_face_result()
    b.await_face_result()
    services.face_reader("adult-nanbyo-54")
    poll(lambda: len(services.face_router.held) == 1)
    assert services.face_router.held[0].reason == "ambiguous"
    assert a.state == b.state == State.AWAITING_FACE and today_queue(services) == []
    held = services.face_router.held[0]
    assert services.face_router.assign(held.reference, b) is b  # the staff's choice
    assert b.state == State.COMPLETED and a.state == State.AWAITING_FACE


@pytest.fixture()
def quick_services(tmp_path: Path) -> Iterator[DemoServices]:
    svc = DemoServices.start(tmp_path / "quick", query_timeout=1.5, reqres_timeout=1.0, face_watch=False)
    try:
        yield svc
    finally:
        svc.stop()


def test_a_hanging_gateway_is_cut_by_the_timeout_and_goes_offline(quick_services: DemoServices) -> None:
    services = quick_services
    services.simulator.faults.update({"gateway": {"hang_s": 20.0}})
    session, card, _ = start(services, "adult-seishin-21")
    t0 = time.monotonic()
    view = session.submit_pin("1234")
    elapsed = time.monotonic() - t0
    assert view.offline and view.state == State.AWAITING_DECLARATION  # nothing cached yet for this patient
    assert elapsed < services.query_timeout + 2.0
    assert pin_verifications(card) == 0
    view = session.timeout()  # e.g. the kiosk timer: a defined end, nothing written
    assert view.state == State.TIMED_OUT and view.for_kiosk().screen == KioskScreen.ENDED
    assert today_queue(services) == []


def test_iphone_token_wrong_pin_then_right(services: DemoServices) -> None:
    session, card, view = start(services, "iphone-token")
    assert view.state == State.AWAITING_PIN and view.token_type == "iphone"
    view = session.submit_pin("0000")
    assert view.state == State.AWAITING_PIN and view.error_code == "wrong_pin" and view.pin_tries_left == 2
    assert auth_tries(card) == 2 and not services.simulator.backend.confirmed
    view = session.submit_pin("1234")
    assert view.state == State.AWAITING_REGISTRATION and view.certificate_status is not None


def test_by_insurance_number_without_a_card(services: DemoServices) -> None:
    from reception_app.connect.simulator.profiles import default_profiles
    from reception_app.reception.models import InsuranceKey

    pid = services.seeded["elder7074"]
    record = default_profiles().get("elder-70-74").insurance()[0]
    key = InsuranceKey(record.insurer_number or "", record.symbol or "", record.number or "", record.branch or "")
    session = services.new_session()
    view = session.by_insurance_number(key, services.store.get_patient(pid).birth_date)  # type: ignore[union-attr]
    assert view.state == State.COMPLETED and view.matched_by == "insurance_key"
    assert view.merged is not None and view.merged.elderly is not None  # 高齢受給者 in the merged view
    snap = services.store.latest_snapshot_for_patient(pid, "test")
    assert snap is not None and snap.source == "insurance_number"
    assert today_queue(services) == [(pid, 1, False, False)]


def test_card_pulled_while_signing(services: DemoServices) -> None:
    session, card, view = start(services, "adult-seishin-21")
    card.faults.pull_after_apdus = card.apdu_count + 2  # gone between the PIN and the signature
    view = session.submit_pin("1234")
    assert view.state == State.CARD_REMOVED and view.end_reason == "card_removed"
    assert today_queue(services) == [] and not services.simulator.backend.confirmed
    assert not any(a.startswith("reception.") for a in actions(services))
