"""The eligibility panel's HTML: one small function per section of the typed merged view (`MergedEligibility`),
in the order staff read them: status, processing message, warnings, patient, 照会番号, insurance, consents,
高齢受給者, 限度額, 特定疾病, 医療券, subsidies in claim order, 「本日の窓口負担の目安」, visit date, then the raw
elements behind the 詳細 toggle ("nothing hidden", but not in the way).

Every value is a labelled row in the desk's language: codes in words (eligibility_codes.py; an unknown code reads
「コード N（意味不明）」), dates in 和暦 with the year in 西暦, amounts in yen. Apart from `eligibility_panel` so
that the window's first paint does not wait for pydantic (the models' import).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from reception_app.eligibility import codes
from reception_app.eligibility.copay import estimate_visit, terms_for
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
from reception_app.ui.dates import date_time_text, era_and_gregorian, japanese_dates
from reception_app.ui.desk import eligibility_codes as ec
from reception_app.ui.desk.eligibility_panel import (
    DETAILS_HIDE,
    DETAILS_SHOW,
    GAIJI,
    KNOWN_FIELDS,
    NO_ICON,
    OK_ICON,
    STYLE,
    WARN_ICON,
    empty_html,
    lang_is_ja,
    mark_gaiji,
    tr,
)

MUTED_DASH = '<span class="muted">—</span>'
# The medical cost the estimate's example is worked for (医療費 = 点数 × 10 円: 1,000 点).
EXAMPLE_COST_YEN = 10_000


def _is_empty(value: object) -> bool:
    """What the panel leaves out: a missing value, a blank text, an empty list or mapping."""
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, list | dict) and not value)


def _text(value: str | None) -> str:
    return MUTED_DASH if value is None or not value.strip() else mark_gaiji(value)


def _date(value: str | None, lang: str) -> str:
    return MUTED_DASH if not value else html.escape(era_and_gregorian(value, lang))


def _yen(value: int | None, lang: str) -> str:
    if value is None:
        return MUTED_DASH
    return f"{value:,}円" if lang == "ja" else f"¥{value:,}"


def _yen_text(value: str | None, lang: str) -> str:
    """An amount as the file writes it ("5000"); the text itself when it is no number."""
    cleaned = (value or "").strip().replace(",", "")
    if cleaned.isascii() and cleaned.isdigit():
        return _yen(int(cleaned), lang)
    return _text(value)


def _ratio(percent: int | None, lang: str) -> str:
    """The patient's share: 「3割」 on the Japanese desk (「15%」 when it is no whole 割), "30%" in English."""
    if percent is None:
        return MUTED_DASH
    if percent == 0:
        return html.escape(tr("none"))
    if lang == "ja" and percent % 10 == 0:
        return f"{percent // 10}割"
    return f"{percent}%"


def _month(value: str | None, lang: str) -> str:
    """`202506` → 令和7年（2025年）6月 / 2025-06."""
    text = (value or "").strip()
    if len(text) != 6 or not text.isdigit():
        return _text(value)
    year, month = int(text[:4]), int(text[4:])
    if lang != "ja":
        return f"{year:04d}-{month:02d}"
    shown = era_and_gregorian(f"{text}01", lang)  # 令和7年（2025年）6月1日: the day dropped
    return html.escape(shown[: shown.rindex("月") + 1] if "月" in shown else shown)


def _time(value: str | None, lang: str) -> str:
    """`20250601093000` (a consent's time) → a date and time in the desk's language."""
    text = (value or "").strip()
    if len(text) >= 12 and text[:12].isdigit():
        try:
            return html.escape(date_time_text(datetime.strptime(text[:12], "%Y%m%d%H%M"), lang))
        except ValueError:
            pass
    return _text(value)


def _coded(table: dict[str, str], code: str | None) -> str:
    meaning = ec.coded(table, code)
    return html.escape(meaning) if meaning else MUTED_DASH


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "<table>" + "".join(f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in pairs) + "</table>"


def _active(flag: bool) -> str:
    if flag:
        return f'<span class="good">{OK_ICON} {html.escape(tr("valid on the visit day"))}</span>'
    return f'<span class="bad">{NO_ICON} {html.escape(tr("NOT valid on the visit day"))}</span>'


def _period(start: str | None, end: str | None, lang: str) -> str:
    if not start and not end:
        return ""
    first = era_and_gregorian(start, lang) if start else "…"
    last = era_and_gregorian(end, lang) if end else "…"
    return f"{html.escape(first)} – {html.escape(last)}"


def _validity(item: ElderlyView | LimitView | SpecificDiseaseView | MedicalTicketView, lang: str) -> str:
    return _period(item.valid_from, item.valid_to, lang) + " " + _active(item.active_on_visit)


def _heading(text: str) -> str:
    return f"<h3>{html.escape(tr(text))}</h3>"


def render_html(
    merged: MergedEligibility | None,
    *,
    offline: bool = False,
    offline_confirmed_at: datetime | None = None,
    extra_warnings: tuple[str, ...] = (),
    lang: str | None = None,
    details: bool = False,
) -> str:
    """The panel's HTML for one merged eligibility, one section after another (pure function: tests call it).
    `details`: the raw elements are shown (the 詳細 toggle)."""
    lang = lang or ("ja" if lang_is_ja() else "en")
    if merged is None:
        return empty_html()
    parts = [
        STYLE,
        _offline_html(offline_confirmed_at, lang) if offline else "",
        _status_html(merged),
        _processing_html(merged.processing),
        _warnings_html(merged.warnings, extra_warnings, lang),
        _patient_html(merged.patient, lang) if merged.patient is not None else "",
        _reference_html(merged.reference_number),
        _insurance_html(merged.insurance, merged.patient, lang) if merged.insurance is not None else "",
        _consents_html(merged.consents, lang),
        _elderly_html(merged.elderly, lang) if merged.elderly is not None else "",
        _limit_html(merged.limit, lang) if merged.limit is not None else "",
        _diseases_html(merged.specific_diseases, lang),
        _tickets_html(merged.medical_tickets, lang),
        _subsidies_html(merged.subsidies, lang),
        _estimate_html(merged, lang),
        _rows([(tr("Visit date"), html.escape(era_and_gregorian(merged.visit_date.isoformat(), lang)))]),
        _details_html(merged, lang) if details else _details_link(merged),
    ]
    return "".join(parts)


def _offline_html(confirmed_at: datetime | None, lang: str) -> str:
    when = date_time_text(confirmed_at, lang) if confirmed_at else tr("unknown")
    return (
        f'<p class="offline"><b>{WARN_ICON} {html.escape(tr("OFFLINE"))}</b> — '
        f"{html.escape(tr('Last confirmed on %1. Re-confirmation is queued for when the connection is back.'))}"
        "</p>"
    ).replace("%1", html.escape(when))


def _status_html(merged: MergedEligibility) -> str:
    cls = "good" if merged.status in words.GOOD_STATUS and merged.final else "bad"
    icon = OK_ICON if cls == "good" else WARN_ICON
    status_words = words.word(words.STATUS, merged.status, merged.status)
    return f'<h2 class="{cls}">{icon} {html.escape(status_words)}</h2>'


def _processing_html(processing: ProcessingView) -> str:
    """ProcessingResultMessage verbatim (e.g. the certificate-expiry notice); its code is in the details."""
    if not processing.message:
        return ""
    return f'<p class="warn">{WARN_ICON} {mark_gaiji(processing.message)}</p>'


_SEVERITY_LABEL = {"error": "Error", "info": "Note"}


def _warning_text(warning: EligibilityWarning, lang: str) -> str:
    text = warning.message_en if lang == "en" and warning.message_en else warning.message
    return japanese_dates(text, lang)


def _warning_row(css: str, icon: str, label: str, text: str) -> str:
    return (
        f'<tr><td class="{css}">{icon} {html.escape(label)}</td>'
        f'<td class="{css}"><b>{mark_gaiji(text)}</b></td></tr>'
    )


def _warnings_html(warnings: list[EligibilityWarning], extra_codes: tuple[str, ...], lang: str) -> str:
    """The merge's warnings once each (the same doubt about several results reads as one), then the check-in's own
    warnings in words."""
    if not warnings and not extra_codes:
        return ""
    items = []
    seen: set[tuple[str, str]] = set()
    for warning in warnings:
        key = (warning.code, _warning_text(warning, lang))
        if key not in seen:
            seen.add(key)
            css = "bad" if warning.severity == "error" else "warn"
            icon = NO_ICON if warning.severity == "error" else WARN_ICON
            label = tr(_SEVERITY_LABEL.get(warning.severity, "Warning"))
            items.append(_warning_row(css, icon, label, key[1]))
    for code in extra_codes:
        items.append(_warning_row("warn", WARN_ICON, tr("Warning"), ec.coded(ec.CHECKIN_WARNINGS, code)))
    return f"{_heading('Warnings')}<table>{''.join(items)}</table>"


def _birth_text(patient: PatientView, lang: str) -> str:
    age = f" — {html.escape(tr('age %1').replace('%1', str(patient.age)))}" if patient.age is not None else ""
    return _date(patient.birth_date, lang) + age


def _post_number(value: str | None) -> str:
    digits = (value or "").strip().replace("-", "")
    if len(digits) == 7 and digits.isdigit():
        return f"〒{digits[:3]}-{digits[3:]}"
    return _text(value)


def _patient_html(patient: PatientView, lang: str) -> str:
    name = patient.name or ""
    rows = [(tr("Name"), _text(name))]
    if patient.name_of_other:
        rows.append((tr("Other name (通称名)"), _text(patient.name_of_other)))
    rows += [
        (tr("Kana"), _text(patient.name_kana)),
        (tr("Birth date"), _birth_text(patient, lang)),
        # the words of the UI's language; the result's (Japanese) text only for a code the UI does not know
        (tr("Sex"), html.escape(words.word(words.SEX, str(patient.sex or ""), patient.sex_text or "")) or MUTED_DASH),
        (tr("Postal code"), _post_number(patient.post_number)),
        (tr("Address (as the insurer holds it)"), _text(patient.address)),
    ]
    if patient.insured_name:
        rows.append((tr("Insured person (被保険者)"), _text(patient.insured_name)))
    html_text = f"{_heading('Patient')}{_rows(rows)}"
    if GAIJI in name or patient.name_has_gaiji:
        html_text += (
            f'<p class="warn">{WARN_ICON} <span class="gaiji">{GAIJI}</span> '
            f"{html.escape(tr('marks a character the OQS could not send (外字). Keep the chart spelling.'))}</p>"
        )
    return html_text


def _reference_html(reference_number: str | None) -> str:
    return _rows([(tr("照会番号 (reference number)"), _text(reference_number))]) if reference_number else ""


def _partial_ratio(code: str | None, lang: str) -> str:
    """InsuredPartialContributionRatio: 3 digits of percent ("010" = 1割)."""
    text = (code or "").strip()
    if len(text) == 3 and text.isdigit():
        return _ratio(int(text), lang)
    return _coded({}, code)


def _insurance_html(insurance: InsuranceView, patient: PatientView | None, lang: str) -> str:
    number = f"{insurance.symbol or ''}・{insurance.number or ''}".strip("・")
    branch = f" ({html.escape(tr('branch'))} {_text(insurance.branch)})" if insurance.branch else ""
    basis = _coded(ec.COPAY_BASIS, insurance.copay_basis)
    rows = [
        (tr("Copay"), f"<b>{_ratio(insurance.copay_ratio_percent, lang)}</b> — {basis}"),
        (tr("Insurer"), f"{_text(insurance.insurer_number)} {_text(insurance.insurer_name)}"),
        (tr("Symbol and number"), _text(number) + branch),
        (tr("Card"), _coded(ec.CARD_CLASSIFICATION, insurance.card_classification)),
    ]
    if patient is not None and patient.personal_family:
        rows.append((tr("Insured or family (本人・家族)"), _coded(ec.PERSONAL_FAMILY, patient.personal_family)))
    if insurance.partial_contribution_ratio:
        rows.append((tr("Partial contribution ratio (一部負担金割合)"),
                     _partial_ratio(insurance.partial_contribution_ratio, lang)))
    if insurance.preschool:
        rows.append((tr("Preschool (未就学)"), _coded(ec.PRESCHOOL, insurance.preschool)))
    dates = (
        ("Qualified since (資格取得日)", insurance.qualification_date),
        ("Qualification lost on (資格喪失日)", insurance.disqualification_date),
        ("Card issued on (交付年月日)", insurance.certificate_issuance_date),
        ("Card valid from (有効開始日)", insurance.card_valid_date),
        ("Card valid until (有効終了日)", insurance.card_expiration_date),
    )
    rows += [(tr(label), _date(value, lang)) for label, value in dates if value]
    if insurance.reason_of_loss:
        rows.append((tr("Reason of loss (喪失事由)"), _coded(ec.REASON_OF_LOSS, insurance.reason_of_loss)))
    return f"{_heading('Insurance')}{_rows(rows)}"


def _consent_cell(kind: str, consent: ConsentView, lang: str) -> str:
    table = ec.SPECIFIC_DISEASES_CONSENT if kind == "specific_diseases" else ec.CONSENT_FLAG
    flag = (consent.flag or "").strip()
    if not flag:
        return MUTED_DASH
    given = flag in ec.CONSENT_GIVEN
    mark = '<span class="good">✓</span>' if given else '<span class="bad">✗</span>'
    when = f" ({_time(consent.time, lang)})" if consent.time else ""
    return f"{mark} {_coded(table, flag)}{when}"


def _consents_html(consents: Mapping[str, ConsentView], lang: str) -> str:
    """What the patient consented to at the reader, one row per kind: ✓ given / ✗ not given."""
    if not consents:
        return ""
    order = [kind for kind in ec.CONSENT_KINDS if kind in consents] + [k for k in consents if k not in ec.CONSENT_KINDS]
    rows = [(ec.coded(ec.CONSENT_KINDS, kind), _consent_cell(kind, consents[kind], lang)) for kind in order]
    return _heading("Consents") + _rows(rows)


def _elderly_html(elderly: ElderlyView, lang: str) -> str:
    rows = [(tr("Ratio"), _ratio(elderly.contribution_ratio_percent, lang)), (tr("Valid"), _validity(elderly, lang))]
    if elderly.certificate_date:
        rows.append((tr("Certificate issued on (交付年月日)"), _date(elderly.certificate_date, lang)))
    return _heading("高齢受給者 (elderly recipient)") + _rows(rows)


def _limit_html(limit: LimitView, lang: str) -> str:
    class_name = codes.LIMIT_CLASSIFICATION_FLAG.get((limit.class_code or "").strip())
    klass = f"<b>{html.escape(class_name)}</b>" if class_name else _coded({}, limit.class_code)
    rows = [
        (tr("Class"), klass),
        (tr("Certificate"), _coded(ec.LIMIT_CLASSIFICATION, limit.classification)),
        (tr("Valid"), _validity(limit, lang)),
    ]
    if limit.long_term_date:
        rows.append((tr("Long-term since (長期該当年月日)"), _date(limit.long_term_date, lang)))
    return _heading("限度額 (limit class)") + _rows(rows)


def _diseases_html(items: list[SpecificDiseaseView], lang: str) -> str:
    if not items:
        return ""
    parts = [_heading("特定疾病 (specific diseases)")]
    for item in items:
        rows = [(tr("Disease category (疾病区分)"), _coded(ec.SPECIFIC_DISEASE_CATEGORY, item.category)),
                (tr("Monthly self-pay limit (自己負担限度額)"), _yen_text(item.self_pay_yen, lang))]
        if item.certificate_date:
            rows.append((tr("Certificate issued on (交付年月日)"), _date(item.certificate_date, lang)))
        rows.append((tr("Valid"), _validity(item, lang)))
        parts.append(_rows(rows))
    return "".join(parts)


def _ticket_value(element: str, value: str, lang: str) -> str:
    if element in ec.TICKET_CODED:
        return _coded({}, value)
    if element == "MedicalTreatmentMonth":
        return _month(value, lang)
    if element == "SelfPayAmount":
        return _yen_text(value, lang)
    return _text(value)


def _ticket_rows(ticket: MedicalTicketView, lang: str) -> list[tuple[str, str]]:
    """Every element of one 医療券, labelled, in the order of the labels; the period is the validity row."""
    elements = ticket.elements
    rows = [
        (ec.tr(label), _ticket_value(element, elements[element], lang))
        for element, label in ec.TICKET_ELEMENTS.items()
        if element in elements and elements[element].strip()
    ]
    rows.append((tr("Valid"), _validity(ticket, lang)))
    return rows


def _tickets_html(items: list[MedicalTicketView], lang: str) -> str:
    """医療扶助: each 医療券 with every field labelled, then its validity on the visit day."""
    if not items:
        return ""
    return _heading("医療扶助 tickets (医療券)") + "".join(_rows(_ticket_rows(item, lang)) for item in items)


_SUBSIDY_COLUMNS = (
    "#", "Program", "法別", "Payer (負担者番号)", "Recipient (受給者番号)", "Valid", "On the visit day", "Monthly cap",
)


def _subsidy_row(position: int, subsidy: SubsidyView, lang: str) -> str:
    law = _text(subsidy.law_code) + (f" {_text(subsidy.law_name)}" if subsidy.law_name else "")
    cells = (
        str(subsidy.claim_order or position),
        _text(subsidy.name),
        law,
        _text(subsidy.payer_number),
        _text(subsidy.recipient_number),
        _period(subsidy.valid_from, subsidy.valid_to, lang),
        _active(subsidy.active_on_visit),
        _yen(subsidy.monthly_cap_yen, lang),
    )
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _subsidies_html(subsidies: list[SubsidyView], lang: str) -> str:
    """医療券 and PMH subsidies in claim order; "none" says to check a paper 受給者証 (missing data is not "ended")."""
    heading = _heading("Subsidies (公費), in claim order")
    if not subsidies:
        none = QCoreApplication.translate(
            "EligibilityPanel", "None in the result. If the patient shows a paper 受給者証, check it."
        )
        return f'{heading}<p class="muted">{html.escape(none)}</p>'
    # headers never break inside a word (公費負担者番/号): the cells wrap, the headings do not
    head = "".join(f'<th style="white-space: nowrap;">{html.escape(tr(h))}</th>' for h in _SUBSIDY_COLUMNS)
    ordered = sorted(subsidies, key=lambda s: s.claim_order or 0)
    rows = "".join(_subsidy_row(position, subsidy, lang) for position, subsidy in enumerate(ordered, start=1))
    return f"{heading}<table><tr>{head}</tr>{rows}</table>"


def _estimate_lines(merged: MergedEligibility, lang: str) -> list[tuple[str, str]] | None:
    """The estimator's chain for today: the insurance ratio, each active 公費 in claim order with its ratio and
    caps, and what a visit of EXAMPLE_COST_YEN leaves the patient to pay. None when the ratio is unknown."""
    insurance = merged.insurance
    ratio = insurance.copay_ratio_percent if insurance is not None else None
    if insurance is None or ratio is None:
        return None
    rows = [(tr("Health insurance"), f"{_ratio(ratio, lang)} — {_coded(ec.COPAY_BASIS, insurance.copay_basis)}")]
    active = sorted((s for s in merged.subsidies if s.active_on_visit), key=lambda s: s.claim_order or 0)
    terms = [terms_for(view) for view in active]
    for position, (view, term) in enumerate(zip(active, terms, strict=True), start=1):
        parts = [_ratio(term.ratio_percent, lang) if term.ratio_percent is not None else tr("no ratio given")]
        if term.per_visit_cap_yen is not None:
            parts.append(tr("at most %1 per visit").replace("%1", _yen(term.per_visit_cap_yen, lang)))
        if term.monthly_cap_yen is not None:
            parts.append(tr("at most %1 a month").replace("%1", _yen(term.monthly_cap_yen, lang)))
        label = tr("Subsidy %1").replace("%1", str(view.claim_order or position))
        name = view.name or view.law_name or view.law_code
        colon, comma = ("：", "、") if lang == "ja" else (": ", ", ")
        rows.append((label, f"{mark_gaiji(name)}{colon}{html.escape(comma.join(parts))}"))
    example = estimate_visit(EXAMPLE_COST_YEN, ratio, terms)
    share = example.patient_pays_yen * 100 // EXAMPLE_COST_YEN
    today = tr("%1 of the medical cost").replace("%1", _ratio(share, lang)) if share else tr(
        "nothing to pay at the desk")
    caps = [t.monthly_cap_yen for t in terms if t.monthly_cap_yen is not None]
    if caps:
        cap = tr("(up to the monthly cap of %1, less what was paid this month)").replace("%1", _yen(min(caps), lang))
        today += ("" if lang == "ja" else " ") + cap
    rows.append((tr("Today"), f"<b>{today}</b>"))
    rows.append((tr("Example"), tr("a visit of %1 costs the patient %2").replace(
        "%1", _yen(EXAMPLE_COST_YEN, lang)).replace("%2", f"<b>{_yen(example.patient_pays_yen, lang)}</b>")))
    return rows


def _estimate_html(merged: MergedEligibility, lang: str) -> str:
    """「本日の窓口負担の目安」 from the estimator (eligibility/copay.py), labelled as an estimate."""
    rows = _estimate_lines(merged, lang)
    if rows is None:
        return ""
    label = tr("An estimate only: the certificate's terms and the 上限額管理票 (monthly record) decide.")
    return (
        _heading("Today's copay at the desk (an estimate)") + _rows(rows)
        + f'<p class="muted">{html.escape(label)}</p>'
    )


def _unknown_count(merged: MergedEligibility) -> int:
    """Elements nobody knows (by path) and the top-level keys of a snapshot from another version."""
    unknown = [k for k, v in merged.unknown_fields.items() if k not in KNOWN_FIELDS and not _is_empty(v)]
    return len(unknown) + len(merged.other_elements)


def _details_link(merged: MergedEligibility) -> str:
    note = ""
    unknown = _unknown_count(merged)
    if unknown:
        note = " " + html.escape(tr("(%1 more items this version cannot label)").replace("%1", str(unknown)))
    return f'<p><a href="{DETAILS_SHOW}">{html.escape(tr("Show details (the raw elements)"))}</a>{note}</p>'


def _raw_cell(value: object) -> str:
    if _is_empty(value):
        return MUTED_DASH
    if isinstance(value, MergedSection):
        return _raw_cell(dict(value.entries()))
    if isinstance(value, bool | int | date):
        return html.escape(str(value))
    if isinstance(value, Mapping):
        return "; ".join(f"{html.escape(str(k))}: {_raw_cell(v)}" for k, v in value.items() if not _is_empty(v))
    if isinstance(value, list):
        return "<br>".join(_raw_cell(v) for v in value)
    return mark_gaiji(str(value))


def _details_html(merged: MergedEligibility, lang: str) -> str:
    """詳細: every field as the result holds it (element names and codes), unknown ones included."""
    del lang
    rows = [
        (key, _raw_cell(value))
        for key, value in merged.entries()
        if key not in {"warnings", "status_text_en"} and not _is_empty(value)
    ]
    link = f'<p><a href="{DETAILS_HIDE}">{html.escape(tr("Hide details"))}</a></p>'
    return f'{link}<h3>{html.escape(tr("Details (the raw elements)"))}</h3><div class="muted">{_rows(rows)}</div>'


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
        address="東京都千代田区霞が関１－２－３", post_number="1000013", personal_family="1",
    ),
    reference_number="000000",
    insurance=InsuranceView(
        insurer_number="01130012", insurer_name="全国健康保険協会東京支部", symbol="記号", number="番号", branch="00",
        copay_ratio_percent=30, copay_basis="working_age", copay_basis_text="義務教育就学後〜69歳（3割）",
        card_classification="01", card_classification_text="被保険者証（一般）", qualification_date="2020-04-01",
    ),
    elderly=ElderlyView(
        contribution_ratio_percent=20, valid_from="2024-05-01", valid_to="2029-04-30", active_on_visit=True
    ),
    limit=LimitView(
        class_code="A04", class_text="エ", classification="01", classification_text="限度額適用認定証",
        valid_from="2026-08-01", valid_to="2027-07-31", active_on_visit=True,
    ),
    medical_tickets=[
        MedicalTicketView(
            ticket_type="1", designated_institution_name="内科クリニック", valid_from="2026-01-01",
            valid_to="2026-01-31", active_on_visit=True,
            elements={"TicketType": "1", "DesignatedMedicalInstitutionName": "内科クリニック"},
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
