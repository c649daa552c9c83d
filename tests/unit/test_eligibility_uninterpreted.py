"""Elements kept but not interpreted (issue 13, Build 2): one visible warning naming them, never their values."""

from __future__ import annotations

import datetime as dt

from reception_app.eligibility.merge import merge, uninterpreted_elements
from reception_app.eligibility.models import EligibilityWarning
from reception_app.eligibility.xml import parse_result
from tests.oqs_files import result_file

VISIT = dt.date(2025, 6, 1)


def _warnings(data: bytes) -> list[EligibilityWarning]:
    return [w for w in merge(parse_result(data), (), None, VISIT).warnings if w.code == "elements_not_interpreted"]


def test_known_file_has_no_such_warning() -> None:
    assert _warnings(result_file()) == []


def test_unknown_and_repeated_elements_are_named_once_each_in_file_order() -> None:
    data = result_file(raw_header="<ZzHeader>h</ZzHeader>", raw_body="<ZzBody><A>1</A></ZzBody><ZzBody>2</ZzBody>",
                       raw_person="<Name>again</Name><ZzPerson>p</ZzPerson>")
    assert uninterpreted_elements(parse_result(data)) == [
        "MessageHeader/ZzHeader", "MessageBody/ZzBody", "ResultOfQualificationConfirmation/Name",
        "ResultOfQualificationConfirmation/ZzPerson"]


def test_elements_inside_certificates_are_named_by_their_certificate() -> None:
    raw = "<LimitApplicationCertificateRelatedInfo><ZzLimit>x</ZzLimit></LimitApplicationCertificateRelatedInfo>"
    assert uninterpreted_elements(parse_result(result_file(raw_person=raw))) == [
        "LimitApplicationCertificateRelatedInfo/ZzLimit"]


def test_one_warning_for_all_of_them() -> None:
    data = result_file(raw_body="<ZzA>1</ZzA><ZzB>2</ZzB>", raw_person="<ZzC>3</ZzC>")
    assert len(_warnings(data)) == 1


def test_the_warning_never_carries_the_values() -> None:
    data = result_file(raw_body="<ZzSecret>試験秘密123</ZzSecret>")
    warning = _warnings(data)[0]
    assert "試験秘密123" not in warning.message + warning.message_en


def test_many_elements_are_listed_up_to_a_limit_and_counted() -> None:
    data = result_file(raw_body="".join(f"<Zz{n}>x</Zz{n}>" for n in range(30)))
    assert _warnings(data)[0].message_en.count("MessageBody/") == 20
