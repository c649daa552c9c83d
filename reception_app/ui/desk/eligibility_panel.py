"""The merged eligibility panel: one screen with everything staff need to decide what the patient pays.

It shows the eligibility layer's typed merged view (`MergedEligibility`, rendered by `eligibility_html`): status in
words,
insurance and copay ratio with its basis, 高齢受給者 and 限度額, 特定疾病, 医療扶助 tickets, subsidies in claim order
with their validity on the visit day, warnings that stand out (colour, icon and text), dates in 和暦 with 西暦,
● marked.
Fields it does not know are still shown under "Other details": nothing in the result is hidden.
This module is the widget and what loads with the window; the renderer (and pydantic with it) loads on the first
result or at the warm-up, after the first paint.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from reception_app.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from reception_app.eligibility.models import MergedEligibility

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

# Sections with their own rendering; every other field goes to "Other details" so nothing is hidden.
KNOWN_FIELDS = frozenset({
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
})
# Inner keys not worth a row of their own (shown through a *_text twin, or internal).
SKIP_INNER = frozenset({"elements", "extra", "key", "name_has_gaiji"})


def mark_gaiji(text: str) -> str:
    """HTML-escaped text with every ● highlighted (外字 the OQS could not send)."""
    escaped = html.escape(text)
    return escaped.replace(GAIJI, f'<span style="{GAIJI_STYLE}" title="外字">{GAIJI}</span>')


def empty_html() -> str:
    """The panel before any result (and after one is cleared)."""
    empty = tr("No eligibility result yet. Place a card on the reader.")
    return STYLE + f'<p class="muted">{html.escape(empty)}</p>'


def lang_is_ja() -> bool:
    from PySide6.QtCore import QLocale

    return QLocale().language() == QLocale.Language.Japanese


class EligibilityPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(tr("Merged eligibility"))
        self.browser.setAccessibleDescription(tr("Insurance, subsidies and warnings for the current patient"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.merged: MergedEligibility | None = None
        self.show_result(None)

    def show_result(
        self,
        merged: MergedEligibility | None,
        *,
        offline: bool = False,
        offline_confirmed_at: datetime | None = None,
        extra_warnings: tuple[str, ...] = (),
    ) -> None:
        self.merged = merged
        if merged is None:
            self.browser.setHtml(empty_html())  # without loading the renderer: the window shows this at start
            return
        from reception_app.ui.desk.eligibility_html import render_html

        html_text = render_html(
            merged, offline=offline, offline_confirmed_at=offline_confirmed_at, extra_warnings=extra_warnings
        )
        self.browser.setHtml(html_text)

    def warm_up(self) -> None:
        """Lays out and paints a full synthetic result once, off screen, at start: the first real result then
        costs the GUI thread no font rasterising or document set-up while a patient waits."""
        from PySide6.QtGui import QImage, QPainter, QTextDocument

        from reception_app.ui.desk.eligibility_html import WARM_UP_SAMPLE, render_html

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


def field_label(key: str) -> str:
    return tr(FIELD_LABELS[key]) if key in FIELD_LABELS else key


def tr(text: str) -> str:
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
