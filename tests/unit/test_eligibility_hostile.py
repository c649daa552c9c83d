"""Hostile result files (issue 13): odd numbers and dates never raise out of the reader or the merge."""

from __future__ import annotations

import datetime as dt

import pytest

from reception_app.eligibility.errors import ResultFileError
from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import MergedEligibility
from reception_app.eligibility.xml import parse_result
from tests.oqs_files import result_file

VISIT = dt.date(2025, 6, 1)
# Characters for which str.isdigit() is true but int() refuses them, or over-long digit runs, as the file has them
# (character references reach any code point).
ODD_DIGITS = ["&#x1369;", "&#x00B2;&#x2070;", "&#x2460;", "&#x10A40;", "&#x0663;&#x0660;", "9" * 5000, "1" * 50]


def merged(data: bytes) -> MergedEligibility:
    return merge(parse_result(data), (), None, VISIT)


def person_file(element: str, raw_value: str) -> bytes:
    person: dict[str, str | None] = {"Birthdate": "19500115"}  # 75 and over: the late-elderly ratio applies
    return result_file(person=person, raw_person=f"<{element}>{raw_value}</{element}>")


@pytest.mark.parametrize("value", ODD_DIGITS)
def test_odd_late_elderly_ratio_gives_no_ratio_from_it(value: str) -> None:
    view = merged(person_file("InsuredPartialContributionRatio", value))
    assert view.insurance is not None and view.insurance.copay_basis != "late_elderly"


@pytest.mark.parametrize("value", ODD_DIGITS)
def test_odd_late_elderly_ratio_is_a_bad_number_warning(value: str) -> None:
    assert "bad_number" in merged(person_file("InsuredPartialContributionRatio", value)).warning_codes()


def _bad_number_texts() -> str:
    view = merged(person_file("InsuredPartialContributionRatio", "987654321987654321"))
    warning = next(w for w in view.warnings if w.code == "bad_number")
    return warning.message + " " + warning.message_en


def test_bad_number_warning_names_the_element() -> None:
    assert "InsuredPartialContributionRatio" in _bad_number_texts()


def test_bad_number_warning_never_shows_the_value() -> None:
    assert "987654" not in _bad_number_texts()


@pytest.mark.parametrize("value", ODD_DIGITS)
def test_odd_elderly_ratio_does_not_raise(value: str) -> None:
    raw = f"<ElderlyRecipientCertificateInfo><ElderlyRecipientContributionRatio>{value}"
    raw += "</ElderlyRecipientContributionRatio></ElderlyRecipientCertificateInfo>"
    view = merged(result_file(person={"Birthdate": "19530115"}, raw_person=raw))
    assert view.elderly is not None and view.elderly.contribution_ratio_percent is None


@pytest.mark.parametrize("value", ODD_DIGITS)
def test_odd_self_pay_amount_of_a_medical_ticket_does_not_raise(value: str) -> None:
    raw = f"<PublicExpenseResultList><MedicalTicketInfo><SelfPayAmount>{value}</SelfPayAmount></MedicalTicketInfo>"
    raw += "</PublicExpenseResultList>"
    view = merged(result_file(person={"InsuredCardClassification": "A1", "InsurerNumber": "12130011"}, raw_person=raw))
    assert [s.monthly_cap_yen for s in view.subsidies if s.source == "medical_assistance"] == [None]


@pytest.mark.parametrize("value", ODD_DIGITS)
def test_odd_pmh_amounts_do_not_raise(value: str) -> None:
    raw = (f"<MedicalSubsidyResultList><MedicalSubsidyInfo><MedicalSubsidyInsurerNumber>54136015"
           f"</MedicalSubsidyInsurerNumber><MaxCopaymentAmount>{value}</MaxCopaymentAmount>"
           f"<CopaymentRatio>{value}</CopaymentRatio><PerVisitCopaymentAmount>{value}</PerVisitCopaymentAmount>"
           f"</MedicalSubsidyInfo></MedicalSubsidyResultList>")
    view = merged(result_file(raw_body=raw))
    assert [(s.monthly_cap_yen, s.copay_ratio_percent, s.per_visit_cap_yen) for s in view.subsidies] == [
        (None, None, None)]


@pytest.mark.parametrize("birth", ["99991231", "99940101", "00010101", "１９８０－０１－１５", "&#x0661;980-01-15"])
def test_extreme_and_odd_birth_dates_do_not_raise(birth: str) -> None:
    view = merged(result_file(person={"Birthdate": None}, raw_person=f"<Birthdate>{birth}</Birthdate>"))
    assert view.patient is not None


def test_extreme_confirmation_date_does_not_raise() -> None:
    data = result_file(header={"QualificationConfirmationDate": "99991231"}, person={"Birthdate": "99991230"})
    assert merge(parse_result(data)).visit_date == dt.date(9999, 12, 31)


def test_repeated_unknown_siblings_are_numbered_in_order() -> None:
    result = parse_result(result_file(raw_body="<Zz>a</Zz><Zz>b</Zz><Zz>c</Zz>"))
    assert result.extra == {"Zz": "a", "Zz[2]": "b", "Zz[3]": "c"}


def test_repeated_nested_unknown_elements_are_numbered_per_path() -> None:
    result = parse_result(result_file(raw_body="<Zz><Y>a</Y><Y>b</Y></Zz><Zz><Y>c</Y></Zz>"))
    assert result.extra == {"Zz/Y": "a", "Zz/Y[2]": "b", "Zz[2]/Y": "c"}


def test_repeated_known_leaf_keeps_the_first_and_every_repeat() -> None:
    result = parse_result(result_file(person={"Name": None}, raw_person="<Name>a</Name>" * 3))
    assert (result.results[0].name, result.results[0].extra) == ("a", {"Name": "a", "Name[2]": "a"})


def test_sixteen_thousand_repeats_are_all_kept() -> None:
    result = parse_result(result_file(raw_body="<Zz/>" * 16_000))
    assert len(result.extra) == 16_000


def _large(encoding: str, declaration: str, pad: str = "試") -> bytes:
    # Over one chunk (1 MiB) of non-ASCII text, with a two- or three-byte character across every chunk boundary.
    return result_file(body={"ProcessingResultMessage": pad * 700_001}, encoding=encoding, declaration=declaration)


@pytest.mark.parametrize(("encoding", "declaration"), [("cp932", "Shift_JIS"), ("utf-8", "UTF-8")])
def test_large_non_ascii_files_read_whole(encoding: str, declaration: str) -> None:
    assert parse_result(_large(encoding, declaration)).processing_result_message == "試" * 700_001


def test_large_file_with_a_bad_byte_is_an_encoding_error() -> None:
    data = _large("utf-8", "UTF-8").replace("試".encode(), b"\xff", 1)
    with pytest.raises(ResultFileError) as info:
        parse_result(data)
    assert info.value.problem == "encoding"


def test_large_non_ascii_file_with_a_doctype_is_refused() -> None:
    data = _large("cp932", "Shift_JIS").replace(b"<XmlMsg>", b"<!DOCTYPE XmlMsg><XmlMsg>", 1)
    with pytest.raises(ResultFileError) as info:
        parse_result(data)
    assert info.value.problem == "forbidden_dtd"
