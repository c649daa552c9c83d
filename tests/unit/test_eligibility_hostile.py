"""Hostile result files (issue 13): odd numbers and dates never raise out of the reader or the merge."""

from __future__ import annotations

import datetime as dt

import pytest

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
