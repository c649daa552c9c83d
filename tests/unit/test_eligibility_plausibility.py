"""Plausibility warnings (issue 13, Build 4): each implausible value of a result file is a warning naming the element,
never its value."""

from __future__ import annotations

import datetime as dt

import pytest

from reception_app.eligibility.merge import merge
from reception_app.eligibility.models import MergedEligibility
from reception_app.eligibility.xml import parse_result
from tests.oqs_files import result_file

VISIT = dt.date(2025, 6, 1)


def merged(data: bytes) -> MergedEligibility:
    return merge(parse_result(data), (), None, VISIT)


def late_elderly(ratio: str) -> MergedEligibility:
    return merged(result_file(person={"Birthdate": "19450115", "InsuredPartialContributionRatio": ratio}))


def elderly(ratio: str) -> MergedEligibility:
    raw = (f"<ElderlyRecipientCertificateInfo><ElderlyRecipientValidStartDate>20240801"
           f"</ElderlyRecipientValidStartDate><ElderlyRecipientValidEndDate>20260731</ElderlyRecipientValidEndDate>"
           f"<ElderlyRecipientContributionRatio>{ratio}</ElderlyRecipientContributionRatio>"
           f"</ElderlyRecipientCertificateInfo>")
    return merged(result_file(person={"Birthdate": "19530115"}, raw_person=raw))


@pytest.mark.parametrize("ratio", ["050", "999", "5"])
def test_implausible_late_elderly_ratio_is_warned(ratio: str) -> None:
    assert "implausible_ratio" in late_elderly(ratio).warning_codes()


def test_late_elderly_ratio_longer_than_the_field_is_a_bad_number() -> None:
    assert "bad_number" in late_elderly("20300101").warning_codes()


@pytest.mark.parametrize("ratio", ["050", "999", "20300101"])
def test_implausible_late_elderly_ratio_is_not_reported_as_the_ratio(ratio: str) -> None:
    view = late_elderly(ratio)
    assert view.insurance is not None and (view.insurance.copay_ratio_percent, view.insurance.copay_basis) == (
        None, "unknown")


@pytest.mark.parametrize(("ratio", "percent"), [("010", 10), ("020", 20), ("030", 30), ("1", 10), ("3", 30)])
def test_plausible_late_elderly_ratios_are_used(ratio: str, percent: int) -> None:
    view = late_elderly(ratio)
    assert view.insurance is not None and view.insurance.copay_ratio_percent == percent


def test_plausible_late_elderly_ratio_has_no_warning() -> None:
    assert "implausible_ratio" not in late_elderly("010").warning_codes()


@pytest.mark.parametrize("ratio", ["050", "999"])
def test_implausible_elderly_recipient_ratio_is_warned(ratio: str) -> None:
    assert "implausible_ratio" in elderly(ratio).warning_codes()


def test_implausible_ratio_warning_names_the_element_only() -> None:
    warning = next(w for w in late_elderly("999").warnings if w.code == "implausible_ratio")
    assert warning.message_en == ("The copay ratio in InsuredPartialContributionRatio is not 0, 10, 20 or 30 %; no "
                                  "ratio is derived from it, check the card")


@pytest.mark.parametrize("birth", ["18000101", "18890101"])
def test_age_over_130_is_warned(birth: str) -> None:
    assert "implausible_age" in merged(result_file(person={"Birthdate": birth})).warning_codes()


def test_age_over_130_is_not_shown() -> None:
    view = merged(result_file(person={"Birthdate": "18000101"}))
    assert view.patient is not None and view.patient.age is None


def test_implausible_birth_date_decides_no_ratio() -> None:
    view = merged(result_file(person={"Birthdate": "18000101"}))
    assert view.insurance is not None and view.insurance.copay_basis == "unknown"


def test_birth_date_after_the_confirmation_date_is_warned() -> None:
    warnings = merged(result_file(person={"Birthdate": "20300101"})).warnings
    assert [w.message_en for w in warnings if w.code == "date_after_confirmation"] == [
        "The date in Birthdate is after the confirmation date; check it"]


def test_birth_date_after_the_confirmation_date_gives_no_negative_age() -> None:
    view = merged(result_file(person={"Birthdate": "20300101"}))
    assert view.patient is not None and view.patient.age is None


@pytest.mark.parametrize(
    ("element", "value"),
    [
        ("InsuredCertificateIssuanceDate", "20250602"),
        ("PharmacistsInfoConsTime", "20250602090000"),
        ("LimitApplicationCertificateRelatedConsTime", "20991231235959"),
    ],
)
def test_other_dates_that_cannot_be_in_the_future_are_warned(element: str, value: str) -> None:
    warnings = merged(result_file(person={element: value})).warnings
    assert [w.message_en for w in warnings if w.code == "date_after_confirmation"] == [
        f"The date in {element} is after the confirmation date; check it"]


def test_dates_that_may_be_in_the_future_are_not_warned() -> None:
    data = result_file(person={"InsuredCardExpirationDate": "20300331", "QualificationDate": "20250401"})
    assert "date_after_confirmation" not in merged(data).warning_codes()


def test_valid_result_without_any_result_is_warned() -> None:
    assert "valid_without_person" in merged(result_file(people=0)).warning_codes()


def test_valid_result_whose_result_holds_no_person_is_warned() -> None:
    empty = {"Name": None, "NameKana": None, "Birthdate": None, "InsuredIdentificationNumber": None}
    assert "valid_without_person" in merged(result_file(person=empty)).warning_codes()


def test_not_found_without_a_person_is_not_warned() -> None:
    data = result_file(people=0, body={"QualificationValidity": "4"})
    assert "valid_without_person" not in merged(data).warning_codes()


def _subsidy(ratio: str) -> bytes:
    raw = (f"<MedicalSubsidyResultList><MedicalSubsidyInfo><MedicalSubsidyInsurerNumber>54136015"
           f"</MedicalSubsidyInsurerNumber><CopaymentRatio>{ratio}</CopaymentRatio></MedicalSubsidyInfo>"
           f"</MedicalSubsidyResultList>")
    return result_file(raw_body=raw)


def test_subsidy_ratio_over_100_is_warned() -> None:
    assert "implausible_subsidy_ratio" in merged(_subsidy("150")).warning_codes()


def test_subsidy_ratio_over_100_is_not_used() -> None:
    assert [s.copay_ratio_percent for s in merged(_subsidy("150")).subsidies] == [None]


def test_subsidy_ratio_of_100_is_used() -> None:
    assert [s.copay_ratio_percent for s in merged(_subsidy("100")).subsidies] == [100]


def test_declared_encoding_differing_from_the_character_code_is_warned() -> None:
    data = result_file(header={"CharacterCodeIdentifier": "1"}, encoding="utf-8", declaration="UTF-8")
    assert "encoding_differs_from_character_code" in merged(data).warning_codes()


def test_consistent_encoding_is_not_warned() -> None:
    data = result_file(header={"CharacterCodeIdentifier": "1"}, encoding="cp932", declaration="Shift_JIS")
    assert "encoding_differs_from_character_code" not in merged(data).warning_codes()


# Latin names whose UTF-8 bytes are also valid Shift_JIS (as ﾃｩ, ﾃｼ): read as Shift_JIS they are mojibake, no error.
LATIN_PERSON: dict[str, str | None] = {"Name": "José Müller", "InsurerName": "Müller", "NameKana": "JOSE"}


def test_utf8_bytes_under_a_shift_jis_declaration_are_warned() -> None:
    data = result_file(header={"CharacterCodeIdentifier": "1"}, person=LATIN_PERSON, encoding="utf-8",
                       declaration="Shift_JIS")
    assert "bytes_look_like_utf8" in merged(data).warning_codes()


def test_shift_jis_bytes_under_a_shift_jis_declaration_are_not_doubted() -> None:
    data = result_file(header={"CharacterCodeIdentifier": "1"}, encoding="cp932", declaration="Shift_JIS")
    assert "bytes_look_like_utf8" not in merged(data).warning_codes()


def test_plausible_file_has_no_plausibility_warning() -> None:
    plausibility = {"implausible_ratio", "implausible_age", "date_after_confirmation", "valid_without_person",
                    "implausible_subsidy_ratio", "encoding_differs_from_character_code", "bytes_look_like_utf8"}
    assert plausibility.isdisjoint(merged(result_file()).warning_codes())
