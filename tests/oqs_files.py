"""Synthetic OQS result files for tests: a valid face result whose elements a test replaces, adds or repeats.

All values are invented. `result_file(person={...}, body={...})` writes one XmlMsg with one result; a value of None
leaves the element out; `raw_person` / `raw_body` are XML fragments added as they are (repeats, misplaced or unknown
elements, character references).
"""

from __future__ import annotations

from html import escape

HEADER: dict[str, str | None] = {
    "ProcessExecutionTime": "20250601093000",
    "QualificationConfirmationDate": "20250601",
    "MedicalInstitutionCode": "1311111112",
    "ArbitraryFileIdentifier": "TEST0001",
    "ReferenceClassification": "1",
    "SegmentOfResult": "1",
    "CharacterCodeIdentifier": "0",
}
BODY: dict[str, str | None] = {
    "ProcessingResultStatus": "1",
    "QualificationValidity": "1",
}
PERSON: dict[str, str | None] = {
    "InsuredCardClassification": "01",
    "InsurerNumber": "06130488",
    "InsuredCardSymbol": "1234",
    "InsuredIdentificationNumber": "5678",
    "InsuredBranchNumber": "01",
    "PersonalFamilyClassification": "1",
    "InsurerName": "試験健康保険組合",
    "Name": "試験　太郎",
    "NameKana": "ｼｹﾝ ﾀﾛｳ",
    "Sex1": "1",
    "Birthdate": "19800115",
    "QualificationDate": "20200401",
}


def _elements(values: dict[str, str | None]) -> str:
    return "".join(f"<{name}>{escape(value, quote=False)}</{name}>" for name, value in values.items()
                   if value is not None)


def result_file(
    *,
    header: dict[str, str | None] | None = None,
    body: dict[str, str | None] | None = None,
    person: dict[str, str | None] | None = None,
    raw_header: str = "",
    raw_body: str = "",
    raw_person: str = "",
    people: int = 1,
    encoding: str = "utf-8",
    declaration: str | None = "UTF-8",
) -> bytes:
    """One result file. `people=0` gives a ResultList without any result; `declaration=None` none at all."""
    head = _elements({**HEADER, **(header or {})}) + raw_header
    one = "<ResultOfQualificationConfirmation>" + _elements({**PERSON, **(person or {})}) + raw_person + (
        "</ResultOfQualificationConfirmation>")
    results = f"<ResultList>{one * people}</ResultList>"
    text = (f"<XmlMsg><MessageHeader>{head}</MessageHeader><MessageBody>{_elements({**BODY, **(body or {})})}"
            f"{results}{raw_body}</MessageBody></XmlMsg>")
    prolog = f'<?xml version="1.0" encoding="{declaration}"?>\n' if declaration is not None else ""
    return (prolog + text).encode(encoding)
