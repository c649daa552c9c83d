"""The QA panel drives the simulators for real, and the desk's patient search finds patients in the store."""

from __future__ import annotations

from reception_app.ui.qa_panel import parse_forced_sw
from tests.qt.ui_helpers import DemoDesk


def test_forced_status_words_are_parsed_or_refused_with_the_bad_part():
    assert parse_forced_sw("20=6983, 88=6a80") == {"20": "6983", "88": "6A80"}
    assert parse_forced_sw("") == {}
    for bad in ("20=69", "zz=6983", "20:6983"):
        try:
            parse_forced_sw(bad)
        except ValueError as exc:
            assert str(exc) == bad
        else:
            raise AssertionError(f"{bad!r} accepted")


def test_panel_faults_reach_the_card_and_the_simulators(qtbot, demo_desk: DemoDesk):
    panel = demo_desk.desk.qa_panel
    panel.apply_card_faults()
    assert "先にカード" in panel.card_faults_status.text() or "Insert a card" in panel.card_faults_status.text()
    panel.profile.setCurrentIndex(panel.profile.findData("adult-nanbyo-54"))
    panel.insert_card()
    demo_desk.wait_until(lambda: demo_desk.services.backend.card_in(None) is not None, what="the inserted card")
    demo_desk.until({"awaiting_pin"})
    card = demo_desk.services.backend.card_in(None)
    panel.card_latency.setValue(5)
    panel.forced_sw.setText("20=6983")
    assert panel.apply_card_faults()
    assert card.faults.latency_ms == 5 and card.faults.forced_sw == {"20": "6983"}
    panel.forced_sw.setText("nonsense")
    assert not panel.apply_card_faults() and "nonsense" in panel.card_faults_status.text()
    panel.gw_latency.setValue(150)
    panel.gw_down.setChecked(True)
    panel.apply_gateway_faults()
    gateway = demo_desk.services.simulator.faults.snapshot()["gateway"]
    assert gateway["latency_ms"] == 150 and gateway["drop_connection"] is True
    panel.reset_simulator_faults()
    assert demo_desk.services.simulator.faults.snapshot()["gateway"]["drop_connection"] is False
    panel.remove_card()
    demo_desk.wait_until(lambda: str(demo_desk.view.state) == "card_removed", what="the desk to see the card go")


def test_patient_search_by_kana_and_by_id(qtbot, demo_desk: DemoDesk):
    search = demo_desk.desk.search
    demo_desk.desk.show_search()
    search.query.setText("サトウ")
    search.run_search()
    demo_desk.wait_until(lambda: search.model.rowCount() > 0, what="search results")
    assert {row.patient_id for row in search.model.rows()} == {demo_desk.services.seeded["seishin"]}
    search.kind.setCurrentIndex(search.kind.findData("patient_id"))
    search.query.setText(demo_desk.services.seeded["kouki"])
    search.run_search()
    demo_desk.wait_until(lambda: search.model.rowCount() == 1 and search.model.row_at(0).name.startswith("高橋"),
                         what="the patient by ID")
    search.query.setText("")
    search.run_search()
    assert search.status.text()  # asks what to search for
