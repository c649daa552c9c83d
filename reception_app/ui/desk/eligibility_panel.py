"""The merged eligibility panel: one screen with everything staff need to decide what the patient pays.

It renders the eligibility JSON of the eligibility layer (`MergedEligibility.to_json()`): status in words,
insurance and copay ratio with its basis, 高齢受給者 and 限度額, 特定疾病, 医療扶助 tickets, subsidies in claim order
with their validity on the visit day, warnings that stand out (colour, icon and text), dates in 和暦 with 西暦,
● marked.
Keys it does not know are still shown under "Other details": nothing in the result is hidden.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from reception_app.ui import words
from reception_app.ui.dates import date_time_text, era_and_gregorian
from reception_app.ui.i18n import QT_TRANSLATE_NOOP

GAIJI = "●"
GAIJI_STYLE = "background-color: #ffd54f; color: #000000; font-weight: bold;"  # inline: QLabel has no <style>
WARN_ICON = "⚠"
OK_ICON = "✔"
NO_ICON = "✖"

STYLE = """
<style>
 body { font-size: 11pt; }
 h2 { margin: 4px 0; }
 h3 { margin: 10px 0 2px 0; color: #0b3d75; }
 table { border-collapse: collapse; }
 td, th { padding: 2px 8px 2px 0; vertical-align: top; }
 th { text-align: left; color: #444; font-weight: normal; }
 .good { background: #e3f4e6; color: #0d5b1d; }
 .bad { background: #fde4e1; color: #8b1206; }
 .warn { background: #fff3cd; color: #5c4300; }
 .offline { background: #ffe0b2; color: #5d2c00; }
 .gaiji { background: #ffd54f; color: #000; font-weight: bold; }
 .muted { color: #666; }
</style>
"""

# Sections with their own rendering; every other key goes to "Other details" so nothing is hidden.
_KNOWN = {
    "status",
    "status_text",
    "status_text_en",
    "final",
    "visit_date",
    "processing",
    "patient",
    "insurance",
    "elderly",
    "limit",
    "specific_diseases",
    "medical_tickets",
    "subsidies",
    "warnings",
    "reference_number",
    "copay_estimate",
}
# Inner keys not worth a row of their own (shown through a *_text twin, or internal).
_SKIP_INNER = {"elements", "extra", "key", "name_has_gaiji"}


def mark_gaiji(text: str) -> str:
    """HTML-escaped text with every ● highlighted (外字 the OQS could not send)."""
    escaped = html.escape(text)
    return escaped.replace(GAIJI, f'<span style="{GAIJI_STYLE}" title="外字">{GAIJI}</span>')


def _is_date_key(key: str) -> bool:
    return key.endswith(("date", "_from", "_to")) and not key.endswith("wareki")


def _cell(value: Any, key: str = "") -> str:
    if value is None or value == "" or value == [] or value == {}:
        return '<span class="muted">—</span>'
    if isinstance(value, bool):
        return html.escape(_tr("yes") if value else _tr("no"))
    if key and _is_date_key(key) and isinstance(value, str):
        return html.escape(era_and_gregorian(value))
    if isinstance(value, dict):
        return "; ".join(
            f"{html.escape(str(k))}: {_cell(v, str(k))}"
            for k, v in value.items()
            if k not in _SKIP_INNER and v not in (None, "", [], {})
        )
    if isinstance(value, list):
        return "<br>".join(_cell(v) for v in value)
    return mark_gaiji(str(value))


def _yen(value: Any) -> str:
    if value is None or value == "":
        return '<span class="muted">—</span>'
    try:
        return f"¥{int(value):,}"
    except (TypeError, ValueError):
        return html.escape(str(value))


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "<table>" + "".join(f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in pairs) + "</table>"


def _dict_rows(data: dict[str, Any], skip: set[str] | frozenset[str] = frozenset()) -> str:
    return _rows(
        [
            (_label(k), _cell(v, k))
            for k, v in data.items()
            if k not in skip and k not in _SKIP_INNER and v not in (None, "", [], {})
        ]
    )


def _active(flag: Any) -> str:
    if flag is None:
        return ""
    if flag:
        return f'<span class="good">{OK_ICON} {html.escape(_tr("valid on the visit day"))}</span>'
    return f'<span class="bad">{NO_ICON} {html.escape(_tr("NOT valid on the visit day"))}</span>'


def _period(item: dict[str, Any]) -> str:
    start, end = item.get("valid_from"), item.get("valid_to")
    if not start and not end:
        return ""
    first = era_and_gregorian(start) if start else "…"
    last = era_and_gregorian(end) if end else "…"
    return f"{html.escape(first)} – {html.escape(last)}"


def _pick(data: dict[str, Any], key: str, lang: str) -> str:
    """`<key>` in Japanese or `<key>_en` in English, whichever the UI shows."""
    if lang == "en" and data.get(f"{key}_en"):
        return str(data[f"{key}_en"])
    return str(data.get(key) or "")


def render_html(
    data: dict[str, Any] | None,
    *,
    offline: bool = False,
    offline_confirmed_at: datetime | None = None,
    extra_warnings: tuple[str, ...] = (),
    lang: str | None = None,
) -> str:
    """The panel's HTML for one merged eligibility JSON (pure function: tests call it directly)."""
    lang = lang or ("ja" if _lang_is_ja() else "en")
    if not data:
        empty = _tr("No eligibility result yet. Place a card on the reader.")
        return STYLE + f'<p class="muted">{html.escape(empty)}</p>'
    parts: list[str] = [STYLE]
    if offline:
        when = date_time_text(offline_confirmed_at) if offline_confirmed_at else _tr("unknown")
        parts.append(
            f'<p class="offline"><b>{WARN_ICON} {html.escape(_tr("OFFLINE"))}</b> — '
            f"{html.escape(_tr('last confirmed on %1').replace('%1', when))}. "
            f"{html.escape(_tr('Re-confirmation is queued for when the connection is back.'))}</p>"
        )
    status = str(data.get("status", ""))
    cls = "good" if status in words.GOOD_STATUS and data.get("final", True) else "bad"
    icon = OK_ICON if cls == "good" else WARN_ICON
    status_words = words.word(words.STATUS, status, status)
    parts.append(f'<h2 class="{cls}">{icon} {html.escape(status_words)}</h2>')
    processing = data.get("processing") or {}
    if processing.get("message"):
        # ProcessingResultMessage verbatim (e.g. the certificate-expiry notice)
        parts.append(
            f'<p class="warn">{WARN_ICON} {mark_gaiji(str(processing["message"]))}'
            f"{' (' + html.escape(str(processing['code'])) + ')' if processing.get('code') else ''}</p>"
        )

    warnings = list(data.get("warnings") or [])
    if warnings or extra_warnings:
        items = []
        seen: set[tuple[str, str]] = set()
        for w in warnings:
            if isinstance(w, dict):
                text = _pick(w, "message", lang) or str(w.get("message", ""))
                code, severity = str(w.get("code", "")), str(w.get("severity", "warning"))
            else:
                text, code, severity = str(w), "", "warning"
            if (code, text) in seen:
                continue
            seen.add((code, text))
            css = "bad" if severity == "error" else "warn"
            icon = NO_ICON if severity == "error" else WARN_ICON
            label = {
                "error": _tr("Error"),
                "info": _tr("Note"),
            }.get(severity, _tr("Warning"))
            items.append(
                f'<tr><td class="{css}">{icon} {html.escape(label)}</td>'
                f'<td class="{css}"><b>{mark_gaiji(text)}</b></td></tr>'
            )
        for code in extra_warnings:
            items.append(f'<tr><td class="warn">{WARN_ICON}</td><td class="warn"><b>{html.escape(code)}</b></td></tr>')
        parts.append(f"<h3>{html.escape(_tr('Warnings'))}</h3><table>{''.join(items)}</table>")

    patient = data.get("patient") or {}
    if patient:
        name = str(patient.get("name") or "")
        rows = [
            (_tr("Name"), _cell(name)),
            (_tr("Kana"), _cell(patient.get("name_kana"))),
            (
                _tr("Birth date"),
                html.escape(era_and_gregorian(patient.get("birth_date")))
                + (
                    f" — {html.escape(_tr('age %1').replace('%1', str(patient['age'])))}"
                    if patient.get("age") is not None
                    else ""
                ),
            ),
            (
                _tr("Sex"),
                # the words of the UI's language; the result's (Japanese) text only for a code the UI does not know
                html.escape(words.word(words.SEX, str(patient.get("sex") or ""), str(patient.get("sex_text") or ""))),
            ),
            (
                _tr("Address (as the insurer holds it)"),
                _cell(patient.get("address")),
            ),
        ]
        if patient.get("name_of_other"):
            rows.insert(
                1,
                (
                    _tr("Other name (通称名)"),
                    _cell(patient.get("name_of_other")),
                ),
            )
        parts.append(f"<h3>{html.escape(_tr('Patient'))}</h3>{_rows(rows)}")
        if GAIJI in name or patient.get("name_has_gaiji"):
            parts.append(
                f'<p class="warn">{WARN_ICON} <span class="gaiji">{GAIJI}</span> '
                f"{html.escape(_tr('marks a character the OQS could not send (外字). Keep the chart spelling.'))}</p>"
            )
    if data.get("reference_number"):
        parts.append(
            _rows(
                [
                    (
                        _tr("照会番号 (reference number)"),
                        _cell(data.get("reference_number")),
                    )
                ]
            )
        )

    insurance = data.get("insurance") or {}
    if insurance:
        ratio = insurance.get("copay_ratio_percent")
        ratio_text = f"{ratio}%" if ratio not in (None, "") else "—"
        basis = insurance.get("copay_basis_text") or insurance.get("copay_basis")
        number = " ".join(str(insurance.get(k) or "") for k in ("symbol", "number")).strip()
        branch = insurance.get("branch")
        rows = [
            (
                _tr("Copay"),
                f"<b>{html.escape(ratio_text)}</b> — {_cell(basis)}",
            ),
            (
                _tr("Insurer"),
                f"{_cell(insurance.get('insurer_number'))} {_cell(insurance.get('insurer_name'))}",
            ),
            (
                _tr("Symbol and number"),
                _cell(number) + (f" ({html.escape(_tr('branch'))} {_cell(branch)})" if branch else ""),
            ),
            (
                _tr("Card"),
                _cell(insurance.get("card_classification_text") or insurance.get("card_classification")),
            ),
        ]
        shown = {
            "insurer_number",
            "insurer_name",
            "symbol",
            "number",
            "branch",
            "copay_ratio_percent",
            "copay_basis",
            "copay_basis_text",
            "card_classification",
            "card_classification_text",
        }
        for key, value in insurance.items():
            if key not in shown and value not in (None, "", [], {}) and not key.endswith("_text"):
                twin = insurance.get(f"{key}_text")
                rows.append((_label(key), _cell(twin) if twin else _cell(value, key)))
        parts.append(f"<h3>{html.escape(_tr('Insurance'))}</h3>{_rows(rows)}")

    elderly = data.get("elderly")
    if elderly:
        pct = elderly.get("contribution_ratio_percent")
        parts.append(
            f"<h3>{html.escape(_tr('高齢受給者 (elderly recipient)'))}</h3>"
            + _rows(
                [
                    (
                        _tr("Ratio"),
                        html.escape(f"{pct}%" if pct is not None else "—"),
                    ),
                    (
                        _tr("Valid"),
                        _period(elderly) + " " + _active(elderly.get("active_on_visit")),
                    ),
                ]
            )
        )
    limit = data.get("limit")
    if limit:
        parts.append(
            f"<h3>{html.escape(_tr('限度額 (limit class)'))}</h3>"
            + _rows(
                [
                    (
                        _tr("Class"),
                        f"<b>{_cell(limit.get('class_text') or limit.get('class_code'))}</b> "
                        f"({_cell(limit.get('classification_text') or limit.get('classification'))})",
                    ),
                    (
                        _tr("Valid"),
                        _period(limit) + " " + _active(limit.get("active_on_visit")),
                    ),
                ]
            )
        )
    diseases = data.get("specific_diseases") or []
    if diseases:
        parts.append(f"<h3>{html.escape(_tr('特定疾病 (specific diseases)'))}</h3>")
        for d in diseases:
            parts.append(
                _dict_rows(d, {"valid_from", "valid_to", "active_on_visit"})
                + f"<p>{_period(d)} {_active(d.get('active_on_visit'))}</p>"
            )
    tickets = data.get("medical_tickets") or []
    if tickets:
        parts.append(f"<h3>{html.escape(_tr('医療扶助 tickets (医療券)'))}</h3>")
        for t in tickets:
            parts.append(
                _dict_rows(t, {"valid_from", "valid_to", "active_on_visit"})
                + f"<p>{_period(t)} {_active(t.get('active_on_visit'))}</p>"
            )

    subsidies = list(data.get("subsidies") or [])
    parts.append(f"<h3>{html.escape(_tr('Subsidies (公費), in claim order'))}</h3>")
    if not subsidies:
        none = QCoreApplication.translate(
            "EligibilityPanel", "None in the result. If the patient shows a paper 受給者証, check it."
        )
        parts.append(f'<p class="muted">{html.escape(none)}</p>')
    else:
        head = "".join(
            f"<th>{html.escape(h)}</th>"
            for h in (
                "#",
                _tr("Program"),
                _tr("法別"),
                _tr("Payer (負担者番号)"),
                _tr("Recipient (受給者番号)"),
                _tr("Valid"),
                _tr("On the visit day"),
                _tr("Monthly cap"),
            )
        )
        rows_html = []
        for i, s in enumerate(sorted(subsidies, key=lambda x: x.get("claim_order") or 0), start=1):
            law = _cell(s.get("law_code"))
            if s.get("law_name"):
                law += f" {_cell(s.get('law_name'))}"
            rows_html.append(
                "<tr>"
                + "".join(
                    f"<td>{c}</td>"
                    for c in (
                        str(s.get("claim_order") or i),
                        _cell(s.get("name")),
                        law,
                        _cell(s.get("payer_number")),
                        _cell(s.get("recipient_number")),
                        _period(s),
                        _active(bool(s.get("active_on_visit"))),
                        _yen(s.get("monthly_cap_yen")),
                    )
                )
                + "</tr>"
            )
        parts.append(f"<table><tr>{head}</tr>{''.join(rows_html)}</table>")

    estimate = data.get("copay_estimate")
    if estimate:
        parts.append(
            f"<h3>{html.escape(_tr('Copay estimate (an estimate only)'))}</h3>"
            + (_dict_rows(estimate) if isinstance(estimate, dict) else _cell(estimate))
        )
    if data.get("visit_date"):
        parts.append(
            _rows(
                [
                    (
                        _tr("Visit date"),
                        html.escape(era_and_gregorian(data.get("visit_date"))),
                    )
                ]
            )
        )

    other = {k: v for k, v in data.items() if k not in _KNOWN and v not in (None, "", [], {})}
    if processing:
        other = {"processing": processing, **other}
    if other:
        parts.append(f'<h3>{html.escape(_tr("Other details"))}</h3><div class="muted">{_dict_rows(other)}</div>')
    return "".join(parts)


# Every section, with synthetic values: used only to warm the panel up (no person behind it).
WARM_UP_SAMPLE: dict[str, Any] = {
    "status": "valid",
    "final": True,
    "visit_date": "2026-01-01",
    "processing": {"message": "電子証明書の有効期限が近づいています", "code": "0"},
    "warnings": [
        {
            "code": "w",
            "message": "氏名に外字（●）があります。カルテの表記を残し、カナと生年月日で本人確認してください",
            "message_en": "w",
            "severity": "warning",
        }
    ],
    "patient": {
        "name": "山田　太郎",
        "name_kana": "ﾔﾏﾀﾞ ﾀﾛｳ",
        "birth_date": "1980-01-01",
        "age": 46,
        "sex": "1",
        "sex_text": "男",
        "address": "東京都千代田区霞が関１－２－３",
    },
    "reference_number": "000000",
    "insurance": {
        "insurer_number": "01130012",
        "insurer_name": "全国健康保険協会東京支部",
        "symbol": "記号",
        "number": "番号",
        "branch": "00",
        "copay_ratio_percent": 30,
        "copay_basis_text": "義務教育就学後〜69歳（3割）",
        "card_classification_text": "被保険者証（一般）",
        "qualification_date": "2020-04-01",
    },
    "elderly": {
        "contribution_ratio_percent": 20,
        "valid_from": "2024-05-01",
        "valid_to": "2029-04-30",
        "active_on_visit": True,
    },
    "limit": {
        "class_text": "エ",
        "classification_text": "限度額適用認定証",
        "valid_from": "2026-08-01",
        "valid_to": "2027-07-31",
        "active_on_visit": True,
    },
    "medical_tickets": [
        {
            "ticket_type": "1",
            "designated_institution_name": "内科クリニック",
            "valid_from": "2026-01-01",
            "valid_to": "2026-01-31",
            "active_on_visit": True,
        }
    ],
    "subsidies": [
        {
            "law_code": "54",
            "law_name": "指定難病",
            "name": "特定医療費（指定難病）受給者証",
            "payer_number": "54000000",
            "recipient_number": "0000000",
            "valid_from": "2026-03-01",
            "valid_to": "2027-02-28",
            "active_on_visit": True,
            "monthly_cap_yen": 10000,
            "claim_order": 1,
        }
    ],
    "consents": {"pharmacists_info": {"flag": "1", "flag_text": "同意あり"}},
}


def _lang_is_ja() -> bool:
    from PySide6.QtCore import QLocale

    return QLocale().language() == QLocale.Language.Japanese


class EligibilityPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(_tr("Merged eligibility"))
        self.browser.setAccessibleDescription(_tr("Insurance, subsidies and warnings for the current patient"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.data: dict[str, Any] | None = None
        self.show_result(None)

    def show_result(
        self,
        data: dict[str, Any] | None,
        *,
        offline: bool = False,
        offline_confirmed_at: datetime | None = None,
        extra_warnings: tuple[str, ...] = (),
    ) -> None:
        self.data = data
        self.browser.setHtml(
            render_html(data, offline=offline, offline_confirmed_at=offline_confirmed_at, extra_warnings=extra_warnings)
        )

    def warm_up(self) -> None:
        """Lays out and paints a full synthetic result once, off screen, at start: the first real result then
        costs the GUI thread no font rasterising or document set-up while a patient waits."""
        from PySide6.QtGui import QImage, QPainter, QTextDocument

        document = QTextDocument()
        document.setDefaultFont(self.browser.font())
        document.setHtml(render_html(WARM_UP_SAMPLE, offline=True, offline_confirmed_at=datetime(2026, 1, 1)))
        document.setTextWidth(800)
        image = QImage(800, max(int(document.size().height()), 1), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        document.drawContents(painter)
        painter.end()

    def plain_text(self) -> str:
        return str(self.browser.toPlainText())


# Labels of the result's own fields that have no section of their own (the raw key shows for anything new).
FIELD_LABELS: dict[str, str] = {
    "qualification_date": QT_TRANSLATE_NOOP("EligibilityPanel", "Qualified since (資格取得日)"),
    "disqualification_date": QT_TRANSLATE_NOOP("EligibilityPanel", "Qualification lost on (資格喪失日)"),
    "reason_of_loss": QT_TRANSLATE_NOOP("EligibilityPanel", "Reason of loss (喪失事由)"),
    "certificate_issuance_date": QT_TRANSLATE_NOOP("EligibilityPanel", "Card issued on (交付年月日)"),
    "card_valid_date": QT_TRANSLATE_NOOP("EligibilityPanel", "Card valid from (有効開始日)"),
    "card_expiration_date": QT_TRANSLATE_NOOP("EligibilityPanel", "Card valid until (有効終了日)"),
    "partial_contribution_ratio": QT_TRANSLATE_NOOP("EligibilityPanel", "Partial contribution ratio (一部負担金割合)"),
    "preschool": QT_TRANSLATE_NOOP("EligibilityPanel", "Preschool (未就学)"),
    "processing": QT_TRANSLATE_NOOP("EligibilityPanel", "Processing result"),
    "header": QT_TRANSLATE_NOOP("EligibilityPanel", "File header"),
    "consents": QT_TRANSLATE_NOOP("EligibilityPanel", "Consents"),
    "results": QT_TRANSLATE_NOOP("EligibilityPanel", "Every result"),
    "search_info": QT_TRANSLATE_NOOP("EligibilityPanel", "Search keys"),
    "other_elements": QT_TRANSLATE_NOOP("EligibilityPanel", "Unknown elements"),
    # 医療扶助 tickets (医療券)
    "ticket_type": QT_TRANSLATE_NOOP("EligibilityPanel", "Ticket type (券種)"),
    "treatment_month": QT_TRANSLATE_NOOP("EligibilityPanel", "Treatment month (診療年月)"),
    "designated_institution_code": QT_TRANSLATE_NOOP("EligibilityPanel", "Institution code (指定医療機関コード)"),
    "designated_institution_name": QT_TRANSLATE_NOOP("EligibilityPanel", "Designated institution (指定医療機関名)"),
    "self_pay_amount": QT_TRANSLATE_NOOP("EligibilityPanel", "Self-pay amount (本人支払額)"),
    "single_or_combined_use": QT_TRANSLATE_NOOP("EligibilityPanel", "Single or combined use (単独併用別)"),
    # 特定疾病療養受療証
    "category": QT_TRANSLATE_NOOP("EligibilityPanel", "Disease category code (疾病区分)"),
    "category_text": QT_TRANSLATE_NOOP("EligibilityPanel", "Disease category (疾病区分)"),
    "certificate_date": QT_TRANSLATE_NOOP("EligibilityPanel", "Certificate issued on (交付年月日)"),
    "self_pay_yen": QT_TRANSLATE_NOOP("EligibilityPanel", "Monthly self-pay limit (自己負担限度額)"),
}


def _label(key: str) -> str:
    return _tr(FIELD_LABELS[key]) if key in FIELD_LABELS else key


def _tr(text: str) -> str:
    return QCoreApplication.translate("EligibilityPanel", text)


# The panel's texts, listed for pyside6-lupdate (it cannot see calls inside f-strings).
_CATALOG = (
    QT_TRANSLATE_NOOP("EligibilityPanel", "yes"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "no"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "valid on the visit day"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "NOT valid on the visit day"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "No eligibility result yet. Place a card on the reader."),
    QT_TRANSLATE_NOOP("EligibilityPanel", "unknown"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "OFFLINE"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "last confirmed on %1"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Re-confirmation is queued for when the connection is back."),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Error"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Note"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Warning"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Warnings"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Name"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Kana"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Birth date"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "age %1"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Sex"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Address (as the insurer holds it)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Other name (通称名)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Patient"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "marks a character the OQS could not send (外字). Keep the chart spelling."),
    QT_TRANSLATE_NOOP("EligibilityPanel", "照会番号 (reference number)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Copay"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Insurer"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Symbol and number"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "branch"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Card"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Insurance"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "高齢受給者 (elderly recipient)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Ratio"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Valid"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "限度額 (limit class)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Class"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "特定疾病 (specific diseases)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "医療扶助 tickets (医療券)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Subsidies (公費), in claim order"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Program"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "法別"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Payer (負担者番号)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Recipient (受給者番号)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "On the visit day"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Monthly cap"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Copay estimate (an estimate only)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Visit date"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Other details"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Merged eligibility"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Insurance, subsidies and warnings for the current patient"),
)
