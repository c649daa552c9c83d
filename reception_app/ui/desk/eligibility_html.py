"""The eligibility panel's HTML: one small function per section of the typed merged view (`MergedEligibility`),
in the order staff read them: status, processing message, warnings, patient, 照会番号, insurance, 高齢受給者, 限度額,
特定疾病, 医療券, subsidies in claim order, visit date, then every other field ("nothing hidden").

Apart from `eligibility_panel` so that the window's first paint does not wait for pydantic (the models' import).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from reception_app.eligibility.models import (
    ConsentView,
    ElderlyView,
    EligibilityWarning,
    InsuranceView,
    LimitView,
    MedicalTicketView,
    MergedEligibility,
    MergedSection,
    PatientView,
    ProcessingView,
    SpecificDiseaseView,
    SubsidyView,
)
from reception_app.ui import words
from reception_app.ui.dates import date_time_text, era_and_gregorian
from reception_app.ui.desk.eligibility_panel import (
    GAIJI,
    KNOWN_FIELDS,
    NO_ICON,
    OK_ICON,
    SKIP_INNER,
    STYLE,
    WARN_ICON,
    empty_html,
    field_label,
    lang_is_ja,
    mark_gaiji,
    tr,
)


def _is_date_key(key: str) -> bool:
    return key.endswith(("date", "_from", "_to")) and not key.endswith("wareki")


def _is_empty(value: object) -> bool:
    """What the panel leaves out: a missing value, an empty text, list or mapping."""
    return value is None or (isinstance(value, str | list | dict) and not value)


def _mapping(value: object) -> Mapping[str, object] | None:
    """A section or a mapping as (key, value) pairs in export order; None for anything else."""
    if isinstance(value, MergedSection):
        return dict(value.entries())
    if isinstance(value, dict):
        return value
    return None


def _cell(value: object, key: str = "") -> str:
    if _is_empty(value):
        return '<span class="muted">—</span>'
    if isinstance(value, bool):
        return html.escape(tr("yes") if value else tr("no"))
    if key and _is_date_key(key) and isinstance(value, str):
        return html.escape(era_and_gregorian(value))
    pairs = _mapping(value)
    if pairs is not None:
        return "; ".join(
            f"{html.escape(str(k))}: {_cell(v, str(k))}"
            for k, v in pairs.items()
            if k not in SKIP_INNER and not _is_empty(v)
        )
    if isinstance(value, list):
        return "<br>".join(_cell(v) for v in value)
    return mark_gaiji(str(value))


def _yen(value: int | None) -> str:
    return '<span class="muted">—</span>' if value is None else f"¥{value:,}"


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "<table>" + "".join(f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in pairs) + "</table>"


def _dict_rows(data: Mapping[str, object], skip: frozenset[str] = frozenset()) -> str:
    return _rows(
        [
            (field_label(k), _cell(v, k))
            for k, v in data.items()
            if k not in skip and k not in SKIP_INNER and not _is_empty(v)
        ]
    )


def _active(flag: bool) -> str:
    if flag:
        return f'<span class="good">{OK_ICON} {html.escape(tr("valid on the visit day"))}</span>'
    return f'<span class="bad">{NO_ICON} {html.escape(tr("NOT valid on the visit day"))}</span>'


def _period(start: str | None, end: str | None) -> str:
    if not start and not end:
        return ""
    first = era_and_gregorian(start) if start else "…"
    last = era_and_gregorian(end) if end else "…"
    return f"{html.escape(first)} – {html.escape(last)}"


def _validity(item: ElderlyView | LimitView | SpecificDiseaseView | MedicalTicketView) -> str:
    return _period(item.valid_from, item.valid_to) + " " + _active(item.active_on_visit)


def _heading(text: str) -> str:
    return f"<h3>{html.escape(tr(text))}</h3>"


def render_html(
    merged: MergedEligibility | None,
    *,
    offline: bool = False,
    offline_confirmed_at: datetime | None = None,
    extra_warnings: tuple[str, ...] = (),
    lang: str | None = None,
) -> str:
    """The panel's HTML for one merged eligibility, one section after another (pure function: tests call it)."""
    lang = lang or ("ja" if lang_is_ja() else "en")
    if merged is None:
        return empty_html()
    parts = [
        STYLE,
        _offline_html(offline_confirmed_at) if offline else "",
        _status_html(merged),
        _processing_html(merged.processing),
        _warnings_html(merged.warnings, extra_warnings, lang),
        _patient_html(merged.patient) if merged.patient is not None else "",
        _reference_html(merged.reference_number),
        _insurance_html(merged.insurance) if merged.insurance is not None else "",
        _elderly_html(merged.elderly) if merged.elderly is not None else "",
        _limit_html(merged.limit) if merged.limit is not None else "",
        _certificates_html("特定疾病 (specific diseases)", merged.specific_diseases),
        _certificates_html("医療扶助 tickets (医療券)", merged.medical_tickets),
        _subsidies_html(merged.subsidies),
        _estimate_html(merged.unknown_fields.get("copay_estimate")),
        _rows([(tr("Visit date"), html.escape(era_and_gregorian(merged.visit_date.isoformat())))]),
        _other_html(merged),
    ]
    return "".join(parts)


def _offline_html(confirmed_at: datetime | None) -> str:
    when = date_time_text(confirmed_at) if confirmed_at else tr("unknown")
    return (
        f'<p class="offline"><b>{WARN_ICON} {html.escape(tr("OFFLINE"))}</b> — '
        f"{html.escape(tr('last confirmed on %1').replace('%1', when))}. "
        f"{html.escape(tr('Re-confirmation is queued for when the connection is back.'))}</p>"
    )


def _status_html(merged: MergedEligibility) -> str:
    cls = "good" if merged.status in words.GOOD_STATUS and merged.final else "bad"
    icon = OK_ICON if cls == "good" else WARN_ICON
    status_words = words.word(words.STATUS, merged.status, merged.status)
    return f'<h2 class="{cls}">{icon} {html.escape(status_words)}</h2>'


def _processing_html(processing: ProcessingView) -> str:
    """ProcessingResultMessage verbatim (e.g. the certificate-expiry notice), with its code."""
    if not processing.message:
        return ""
    code = f" ({html.escape(processing.code)})" if processing.code else ""
    return f'<p class="warn">{WARN_ICON} {mark_gaiji(processing.message)}{code}</p>'


_SEVERITY_LABEL = {"error": "Error", "info": "Note"}


def _warning_text(warning: EligibilityWarning, lang: str) -> str:
    return warning.message_en if lang == "en" and warning.message_en else warning.message


def _warning_row(warning: EligibilityWarning, lang: str) -> str:
    css = "bad" if warning.severity == "error" else "warn"
    icon = NO_ICON if warning.severity == "error" else WARN_ICON
    label = tr(_SEVERITY_LABEL.get(warning.severity, "Warning"))
    return (
        f'<tr><td class="{css}">{icon} {html.escape(label)}</td>'
        f'<td class="{css}"><b>{mark_gaiji(_warning_text(warning, lang))}</b></td></tr>'
    )


def _warnings_html(warnings: list[EligibilityWarning], extra_codes: tuple[str, ...], lang: str) -> str:
    """The merge's warnings once each (the same doubt about several results reads as one), then the check-in's own
    warning codes."""
    if not warnings and not extra_codes:
        return ""
    items = []
    seen: set[tuple[str, str]] = set()
    for warning in warnings:
        key = (warning.code, _warning_text(warning, lang))
        if key not in seen:
            seen.add(key)
            items.append(_warning_row(warning, lang))
    items += [f'<tr><td class="warn">{WARN_ICON}</td><td class="warn"><b>{html.escape(code)}</b></td></tr>'
              for code in extra_codes]
    return f"{_heading('Warnings')}<table>{''.join(items)}</table>"


def _birth_text(patient: PatientView) -> str:
    age = f" — {html.escape(tr('age %1').replace('%1', str(patient.age)))}" if patient.age is not None else ""
    return html.escape(era_and_gregorian(patient.birth_date)) + age


def _patient_html(patient: PatientView) -> str:
    name = patient.name or ""
    rows = [
        (tr("Name"), _cell(name)),
        (tr("Kana"), _cell(patient.name_kana)),
        (tr("Birth date"), _birth_text(patient)),
        # the words of the UI's language; the result's (Japanese) text only for a code the UI does not know
        (tr("Sex"), html.escape(words.word(words.SEX, str(patient.sex or ""), patient.sex_text or ""))),
        (tr("Address (as the insurer holds it)"), _cell(patient.address)),
    ]
    if patient.name_of_other:
        rows.insert(1, (tr("Other name (通称名)"), _cell(patient.name_of_other)))
    html_text = f"{_heading('Patient')}{_rows(rows)}"
    if GAIJI in name or patient.name_has_gaiji:
        html_text += (
            f'<p class="warn">{WARN_ICON} <span class="gaiji">{GAIJI}</span> '
            f"{html.escape(tr('marks a character the OQS could not send (外字). Keep the chart spelling.'))}</p>"
        )
    return html_text


def _reference_html(reference_number: str | None) -> str:
    return _rows([(tr("照会番号 (reference number)"), _cell(reference_number))]) if reference_number else ""


# Insurance fields with a row of their own; the others get a row each after them.
_INSURANCE_SHOWN = frozenset({
    "insurer_number", "insurer_name", "symbol", "number", "branch", "copay_ratio_percent", "copay_basis",
    "copay_basis_text", "card_classification", "card_classification_text",
})


def _insurance_rest(fields: Mapping[str, object]) -> list[tuple[str, str]]:
    """Every other insurance field, in its words (the `*_text` twin) when it has them."""
    rows = []
    for key, value in fields.items():
        if key not in _INSURANCE_SHOWN and not _is_empty(value) and not key.endswith("_text"):
            twin = fields.get(f"{key}_text")
            rows.append((field_label(key), _cell(twin) if twin else _cell(value, key)))
    return rows


def _insurance_html(insurance: InsuranceView) -> str:
    ratio = "—" if insurance.copay_ratio_percent is None else f"{insurance.copay_ratio_percent}%"
    number = f"{insurance.symbol or ''} {insurance.number or ''}".strip()
    branch = f" ({html.escape(tr('branch'))} {_cell(insurance.branch)})" if insurance.branch else ""
    rows = [
        (tr("Copay"), f"<b>{html.escape(ratio)}</b> — {_cell(insurance.copay_basis_text or insurance.copay_basis)}"),
        (tr("Insurer"), f"{_cell(insurance.insurer_number)} {_cell(insurance.insurer_name)}"),
        (tr("Symbol and number"), _cell(number) + branch),
        (tr("Card"), _cell(insurance.card_classification_text or insurance.card_classification)),
        *_insurance_rest(dict(insurance.entries())),
    ]
    return f"{_heading('Insurance')}{_rows(rows)}"


def _elderly_html(elderly: ElderlyView) -> str:
    pct = elderly.contribution_ratio_percent
    ratio = "—" if pct is None else f"{pct}%"
    rows = [(tr("Ratio"), html.escape(ratio)), (tr("Valid"), _validity(elderly))]
    return _heading("高齢受給者 (elderly recipient)") + _rows(rows)


def _limit_html(limit: LimitView) -> str:
    klass = (
        f"<b>{_cell(limit.class_text or limit.class_code)}</b> "
        f"({_cell(limit.classification_text or limit.classification)})"
    )
    return _heading("限度額 (limit class)") + _rows([(tr("Class"), klass), (tr("Valid"), _validity(limit))])


# Shown on their own line under each certificate's rows.
_PERIOD_FIELDS = frozenset({"valid_from", "valid_to", "active_on_visit"})


def _certificates_html(heading: str, items: list[SpecificDiseaseView] | list[MedicalTicketView]) -> str:
    """特定疾病 or 医療券: each certificate's fields, then its validity on the visit day."""
    if not items:
        return ""
    return _heading(heading) + "".join(
        _dict_rows(dict(item.entries()), _PERIOD_FIELDS) + f"<p>{_validity(item)}</p>" for item in items
    )


_SUBSIDY_COLUMNS = (
    "#", "Program", "法別", "Payer (負担者番号)", "Recipient (受給者番号)", "Valid", "On the visit day", "Monthly cap",
)


def _subsidy_row(position: int, subsidy: SubsidyView) -> str:
    law = _cell(subsidy.law_code) + (f" {_cell(subsidy.law_name)}" if subsidy.law_name else "")
    cells = (
        str(subsidy.claim_order or position),
        _cell(subsidy.name),
        law,
        _cell(subsidy.payer_number),
        _cell(subsidy.recipient_number),
        _period(subsidy.valid_from, subsidy.valid_to),
        _active(subsidy.active_on_visit),
        _yen(subsidy.monthly_cap_yen),
    )
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _subsidies_html(subsidies: list[SubsidyView]) -> str:
    """医療券 and PMH subsidies in claim order; "none" says to check a paper 受給者証 (missing data is not "ended")."""
    heading = _heading("Subsidies (公費), in claim order")
    if not subsidies:
        none = QCoreApplication.translate(
            "EligibilityPanel", "None in the result. If the patient shows a paper 受給者証, check it."
        )
        return f'{heading}<p class="muted">{html.escape(none)}</p>'
    head = "".join(f"<th>{html.escape(tr(h))}</th>" for h in _SUBSIDY_COLUMNS)
    ordered = sorted(subsidies, key=lambda s: s.claim_order or 0)
    rows = "".join(_subsidy_row(position, subsidy) for position, subsidy in enumerate(ordered, start=1))
    return f"{heading}<table><tr>{head}</tr>{rows}</table>"


def _estimate_html(estimate: object) -> str:
    """A copay estimate that a stored snapshot may carry (not a field of this version's merged view)."""
    if not estimate:
        return ""
    pairs = _mapping(estimate)
    body = _dict_rows(pairs) if pairs is not None else _cell(estimate)
    return _heading("Copay estimate (an estimate only)") + body


def _other_html(merged: MergedEligibility) -> str:
    """Every field without a section of its own (processing first), unknown ones included: nothing is hidden."""
    other = {key: value for key, value in merged.entries() if key not in KNOWN_FIELDS and not _is_empty(value)}
    other = {"processing": merged.processing, **other}
    return f'<h3>{html.escape(tr("Other details"))}</h3><div class="muted">{_dict_rows(other)}</div>'


# Every section, with synthetic values: used only to warm the panel up (no person behind it).
WARM_UP_SAMPLE = MergedEligibility(
    status="valid",
    status_text="有効",
    status_text_en="valid",
    final=True,
    visit_date=date(2026, 1, 1),
    header={},
    processing=ProcessingView(message="電子証明書の有効期限が近づいています", code="0"),
    warnings=[
        EligibilityWarning(
            code="w",
            message="氏名に外字（●）があります。カルテの表記を残し、カナと生年月日で本人確認してください",
            message_en="w",
        )
    ],
    patient=PatientView(
        name="山田　太郎", name_kana="ﾔﾏﾀﾞ ﾀﾛｳ", birth_date="1980-01-01", age=46, sex="1", sex_text="男",
        address="東京都千代田区霞が関１－２－３",
    ),
    reference_number="000000",
    insurance=InsuranceView(
        insurer_number="01130012", insurer_name="全国健康保険協会東京支部", symbol="記号", number="番号", branch="00",
        copay_ratio_percent=30, copay_basis_text="義務教育就学後〜69歳（3割）",
        card_classification_text="被保険者証（一般）", qualification_date="2020-04-01",
    ),
    elderly=ElderlyView(
        contribution_ratio_percent=20, valid_from="2024-05-01", valid_to="2029-04-30", active_on_visit=True
    ),
    limit=LimitView(
        class_text="エ", classification_text="限度額適用認定証", valid_from="2026-08-01", valid_to="2027-07-31",
        active_on_visit=True,
    ),
    medical_tickets=[
        MedicalTicketView(
            ticket_type="1", designated_institution_name="内科クリニック", valid_from="2026-01-01",
            valid_to="2026-01-31", active_on_visit=True,
        )
    ],
    subsidies=[
        SubsidyView(
            law_code="54", law_name="指定難病", payer_number="54000000", recipient_number="0000000",
            name="特定医療費（指定難病）受給者証", valid_from="2026-03-01", valid_to="2027-02-28",
            active_on_visit=True, monthly_cap_yen=10000, per_visit_cap_yen=None, copay_ratio_percent=None,
            claim_order=1, source="pmh", key="54000000|0000000", elements={},
        )
    ],
    consents={"pharmacists_info": ConsentView(flag="1", flag_text="同意あり")},
)
