"""OQS/PMH profiles of the synthetic cardholders (`resources/oqs/profiles/<id>.json`) and the result files they make.

A profile carries what OQS and PMH know about one person: insurance record(s) by XML element name, PMH subsidies,
the 照会番号 and behaviour. Its id is the card profile's id; the gateway finds it from the authentication
certificate's subject CN (`card.virtual.pki.opaque_subject_id`). Format: docs/oqs-simulator.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reception_app.card.virtual.pki import opaque_subject_id
from reception_app.eligibility.models import InsuranceQualification, QualificationResult, ResultHeader, Subsidy
from reception_app.eligibility.xml import write_result
from reception_app.errors import AppError
from reception_app.paths import resource

DEFAULT_INSTITUTION_CODE = "1311234569"  # synthetic 医療機関コード (東京都, 医科); check digit not meaningful


class ProfileLoadError(AppError, ValueError):  # a ValueError too, as loaders' callers expect
    code = "oqs_profile_invalid"


class OqsProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")
    description: str = ""
    qualification_validity: str = "1"  # OQSCD006
    processing_result_status: str = "1"  # OQSCD004
    processing_result_code: str | None = None
    processing_result_message: str | None = None  # e.g. the certificate-expiry notice, shown verbatim
    prescription_issue_select: str | None = None
    results: list[dict[str, Any]] = Field(min_length=1)  # ResultOfQualificationConfirmation, by element name
    subsidies: list[dict[str, Any]] = Field(default_factory=list)  # PMH, by element name (PMH_LAYOUT)
    reference_number: str | None = None  # 照会番号 registered before this visit

    def insurance(self) -> list[InsuranceQualification]:
        return [InsuranceQualification.model_validate(r) for r in self.results]

    def subsidy_models(self) -> list[Subsidy]:
        return [Subsidy.model_validate(s) for s in self.subsidies]

    def search_key(self) -> tuple[str, str, str, str, str]:
        """(insurer, symbol, number, branch, birth date) of the current record, NFKC-normalised, for req files."""
        first = self.insurance()[0]
        return _key(first.insurer_number, first.symbol, first.number, first.branch, first.birth_date)


def _key(*parts: str | None) -> tuple[str, str, str, str, str]:
    norm = [unicodedata.normalize("NFKC", p or "").strip().replace(" ", "") for p in parts]
    return (norm[0], norm[1], norm[2], norm[3].zfill(2) if norm[3] else "", norm[4])


def search_key_of(
    insurer: str | None, symbol: str | None, number: str | None, branch: str | None, birth: str | None
) -> tuple[str, str, str, str, str]:
    return _key(insurer, symbol, number, branch, birth)


def profiles_dir() -> Path:
    return resource("oqs", "profiles")


def load_profile(path: Path) -> OqsProfile:
    try:
        profile = OqsProfile.model_validate(json.loads(path.read_text(encoding="utf-8")))
        profile.insurance()
        profile.subsidy_models()
    except (OSError, ValueError, ValidationError) as exc:
        raise ProfileLoadError(f"OQS profile {path.name} is invalid: {exc}") from exc
    if profile.id != path.stem:
        raise ProfileLoadError(f"OQS profile {path.name} has id {profile.id!r}; the id must match the file name")
    return profile


class ProfileSet:
    """All profiles of one folder, with lookups by id, certificate subject CN and insurance search key."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or profiles_dir()
        self.by_id: dict[str, OqsProfile] = {}
        for path in sorted(self.folder.glob("*.json")):
            profile = load_profile(path)
            self.by_id[profile.id] = profile
        self._by_subject = {opaque_subject_id(pid, "auth"): pid for pid in self.by_id}
        self._by_key = {p.search_key(): pid for pid, p in self.by_id.items()}

    def ids(self) -> list[str]:
        return sorted(self.by_id)

    def get(self, profile_id: str) -> OqsProfile:
        try:
            return self.by_id[profile_id]
        except KeyError:
            raise ProfileLoadError(f"no OQS profile {profile_id!r} in {self.folder}") from None

    def for_subject(self, common_name: str) -> str | None:
        if common_name in self.by_id:  # certificates made elsewhere may carry the id itself
            return common_name
        return self._by_subject.get(common_name)

    def for_search(self, key: tuple[str, str, str, str, str]) -> str | None:
        return self._by_key.get(key)


@functools.cache
def default_profiles() -> ProfileSet:
    return ProfileSet()


def build_result(
    profile: OqsProfile,
    *,
    visit_date: dt.date,
    institution_code: str = DEFAULT_INSTITUTION_CODE,
    now: dt.datetime | None = None,
    segment_of_result: str = "1",
    reference_classification: str = "1",  # 1 マイナンバーカード, 2 被保険者証情報
    include_subsidies: bool = True,
    file_identifier: str | None = None,
    encoding: str = "Shift_JIS",
) -> QualificationResult:
    now = now or dt.datetime.now()
    final = segment_of_result == "1"
    header = ResultHeader(
        process_execution_time=now.strftime("%Y%m%d%H%M%S"),
        qualification_confirmation_date=visit_date.strftime("%Y%m%d"),
        medical_institution_code=institution_code,
        arbitrary_file_identifier=file_identifier,
        reference_classification=reference_classification,
        segment_of_result=segment_of_result,
        error_code=None if final else "EOQS0001",
        error_message=None if final else "処理中です（シミュレータ）",
        character_code_identifier="0" if encoding.lower().replace("-", "") == "utf8" else "1",
    )
    if not final:
        return QualificationResult(header=header)
    stamp = now.strftime("%Y%m%d%H%M%S")
    insurance = [_stamp_consents(r, stamp) for r in profile.insurance()]
    if profile.reference_number:
        insurance = [r.model_copy(update={"reference_number": profile.reference_number}) for r in insurance]
    return QualificationResult(
        header=header,
        processing_result_status=profile.processing_result_status,
        processing_result_code=profile.processing_result_code,
        processing_result_message=profile.processing_result_message,
        qualification_validity=profile.qualification_validity,
        prescription_issue_select=profile.prescription_issue_select,
        results=insurance,
        subsidies=profile.subsidy_models() if include_subsidies else [],
    )


_CONSENT_PAIRS = (
    ("pharmacists_consent_flag", "pharmacists_consent_time"),
    ("diagnosis_consent_flag", "diagnosis_consent_time"),
    ("operation_consent_flag", "operation_consent_time"),
    ("checkups_consent_flag", "checkups_consent_time"),
    ("limit_consent_flag", "limit_consent_time"),
    ("specific_diseases_consent_flag", "specific_diseases_consent_time"),
)


def _stamp_consents(record: InsuranceQualification, stamp: str) -> InsuranceQualification:
    """Consent times are the moment of this visit (profiles only say which consents were given)."""
    update = {
        time_field: stamp
        for flag_field, time_field in _CONSENT_PAIRS
        if getattr(record, flag_field) == "1" and getattr(record, time_field) is None
    }
    return record.model_copy(update=update) if update else record


def render_result(result: QualificationResult, encoding: str = "Shift_JIS") -> bytes:
    return write_result(result, encoding=encoding)


def face_file_name(institution_code: str, unique: str, when: dt.datetime) -> str:
    """`OQSsiquc01res_face_<institution>_<id>_<YYYYmmddHHMMSS>.xml` (the real rule is UNCONFIRMED)."""
    return f"OQSsiquc01res_face_{institution_code}_{unique}_{when.strftime('%Y%m%d%H%M%S')}.xml"
