"""req/res file client against the terminal simulator on real folders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from reception_app.connect.errors import OqsResultError, ReqResFolderError, ReqResMalformed, ReqResTimeout
from reception_app.connect.reqres import ReqResClient
from reception_app.connect.simulator.faults import FaultPanel
from reception_app.connect.simulator.profiles import ProfileSet
from reception_app.connect.simulator.terminal import TerminalSimulator
from reception_app.connect.source import EligibilityQuery, InsuranceKey, QueryNotSupported, ReqResSource
from reception_app.eligibility.xml import parse_result

pytestmark = pytest.mark.timeout(30)

VISIT = dt.date(2026, 11, 25)


@pytest.fixture()
def terminal(tmp_path: Path) -> Iterator[TerminalSimulator]:
    term = TerminalSimulator(tmp_path / "OQS", ProfileSet(), FaultPanel(), poll_interval=0.02)
    term.start()
    yield term
    term.stop()


def rc(term: TerminalSimulator, timeout: float = 5.0) -> ReqResClient:
    return ReqResClient(term.root, institution_code=term.institution_code, timeout=timeout, poll_interval=0.02)


KOUKI = {"insurer_number": "39120019", "symbol": None, "number": "００１２３４５６", "branch": None,
         "birth_date": dt.date(1940, 1, 20)}


def test_qualify_by_insurance_number(terminal: TerminalSimulator) -> None:
    profile = terminal.profiles.get("elder-kouki-10pct")
    first = profile.insurance()[0]
    assert first.insurer_number == KOUKI["insurer_number"]
    answer = rc(terminal).qualify(**KOUKI, visit_date=VISIT)  # type: ignore[arg-type]
    r = answer.result.results[0]
    assert (r.name, r.partial_contribution_ratio) == ("高橋　キヨ", "010")
    assert answer.result.header.arbitrary_file_identifier == answer.file_identifier
    assert answer.result.header.reference_classification == "2"
    assert list(terminal.req_dir.iterdir()) == []  # consumed
    assert list(terminal.res_dir.iterdir()) == []  # our answer, removed after reading


def test_unknown_insurance_is_validity_4(terminal: TerminalSimulator) -> None:
    answer = rc(terminal).qualify(insurer_number="06130488", symbol="1", number="2", branch="00",
                                  birth_date="19900101", visit_date=VISIT)
    assert answer.result.qualification_validity == "4" and answer.result.results == []


def test_still_processing_then_final(terminal: TerminalSimulator) -> None:
    terminal.faults.update({"terminal": {"processing_before_final": 2}})
    answer = rc(terminal).qualify(**KOUKI)  # type: ignore[arg-type]
    assert answer.result.header.segment_of_result == "1"


def test_never_final_times_out_with_the_error_code(terminal: TerminalSimulator) -> None:
    terminal.faults.update({"terminal": {"segment_of_result": "2"}})
    with pytest.raises(ReqResTimeout) as info:
        rc(terminal, timeout=0.8).qualify(**KOUKI)  # type: ignore[arg-type]
    assert "EOQS0001" in str(info.value) and info.value.code == "reqres_timeout"
    assert list(terminal.req_dir.glob("OQS*")) == []


def test_no_terminal_times_out(tmp_path: Path) -> None:
    for sub in ("req", "res"):
        (tmp_path / sub).mkdir()
    client = ReqResClient(tmp_path, institution_code="1311234569", timeout=0.3, poll_interval=0.02)
    with pytest.raises(ReqResTimeout):
        client.qualify(**KOUKI)  # type: ignore[arg-type]
    assert list((tmp_path / "req").iterdir()) == []  # withdrawn


def test_malformed_answer(terminal: TerminalSimulator) -> None:
    terminal.faults.update({"terminal": {"malformed": True}})
    with pytest.raises(ReqResMalformed) as info:
        rc(terminal, timeout=0.8).qualify(**KOUKI)  # type: ignore[arg-type]
    assert info.value.code == "reqres_malformed"


def test_slowly_written_answer_is_read_whole(terminal: TerminalSimulator) -> None:
    terminal.faults.update({"terminal": {"partial_write_s": 0.3}})
    answer = rc(terminal).qualify(**KOUKI)  # type: ignore[arg-type]
    assert answer.result.results[0].birth_date == "19400120"


def test_missing_share_is_a_folder_error(tmp_path: Path) -> None:
    client = ReqResClient(tmp_path / "nowhere", institution_code="1311234569", timeout=0.3)
    with pytest.raises(ReqResFolderError) as info:
        client.qualify(**KOUKI)  # type: ignore[arg-type]
    assert info.value.code == "reqres_folder_unavailable"


def test_request_is_written_atomically(tmp_path: Path) -> None:
    for sub in ("req", "res"):
        (tmp_path / sub).mkdir()
    seen: list[bytes] = []
    client = ReqResClient(tmp_path, institution_code="1311234569", timeout=0.2, poll_interval=0.05)
    original = client._write_atomically

    def spy(path: Path, data: bytes) -> None:
        original(path, data)
        seen.append(path.read_bytes())
        assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left behind

    client._write_atomically = spy  # type: ignore[method-assign]
    with pytest.raises(ReqResTimeout):
        client.qualify(**KOUKI)  # type: ignore[arg-type]
    assert seen and b"<InsurerNumber>39120019</InsurerNumber>" in seen[0]


def test_reference_number_registration_then_face_result_carries_it(terminal: TerminalSimulator) -> None:
    answer = rc(terminal).register_reference_number(
        reference_number="P-000123", insurer_number="39120019", symbol=None, number="００１２３４５６", branch=None)
    assert answer.result.ok
    written = terminal.simulate_reader("elder-kouki-10pct", visit_date=VISIT)
    face = parse_result(written[0].read_bytes())
    assert face.results[0].reference_number == "P-000123"


def test_reference_number_for_unknown_person_is_refused(terminal: TerminalSimulator) -> None:
    with pytest.raises(OqsResultError) as info:
        rc(terminal).register_reference_number(reference_number="P-1", insurer_number="06130488", symbol="x",
                                               number="y", branch="00")
    assert info.value.error_code == "EOQS1404"


def test_source_interface(terminal: TerminalSimulator) -> None:
    source = ReqResSource(rc(terminal))
    with pytest.raises(QueryNotSupported):
        source.fetch(EligibilityQuery())
    out = source.fetch(EligibilityQuery(visit_date=VISIT, insurance=InsuranceKey(**KOUKI)))  # type: ignore[arg-type]
    assert out.source == "reqres" and out.raw.startswith(b"<?xml") and out.result.results[0].sex1 == "2"
