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

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from reception_app.ui.dates import lang_is_ja as lang_is_ja
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
# The 詳細 toggle's links (the raw elements shown or hidden).
DETAILS_SHOW = "#details-show"
DETAILS_HIDE = "#details-hide"


def mark_gaiji(text: str) -> str:
    """HTML-escaped text with every ● highlighted (外字 the OQS could not send)."""
    escaped = html.escape(text)
    return escaped.replace(GAIJI, f'<span style="{GAIJI_STYLE}" title="外字">{GAIJI}</span>')


def empty_html() -> str:
    """The panel before any result (and after one is cleared)."""
    empty = tr("No eligibility result yet. Place a card on the reader.")
    return STYLE + f'<p class="muted">{html.escape(empty)}</p>'


class EligibilityPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.browser.setAccessibleName(tr("Merged eligibility"))
        self.browser.setAccessibleDescription(tr("Insurance, subsidies and warnings for the current patient"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.merged: MergedEligibility | None = None
        self._shown: tuple[bool, datetime | None, tuple[str, ...]] = (False, None, ())
        self._details = False
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
        self._shown = (offline, offline_confirmed_at, extra_warnings)
        self._details = False  # a new result starts with the raw elements folded away
        self._render(keep_position=False)

    @property
    def details_shown(self) -> bool:
        """Whether the raw elements (詳細) are unfolded."""
        return self._details

    def set_details_shown(self, shown: bool) -> None:
        """The 詳細 toggle (the link in the panel does the same)."""
        self._details = shown
        self._render(keep_position=True)

    def _link(self, url: QUrl) -> None:
        target = "#" + url.fragment()
        if target in (DETAILS_SHOW, DETAILS_HIDE):
            self.set_details_shown(target == DETAILS_SHOW)

    def _render(self, *, keep_position: bool) -> None:
        merged = self.merged
        if merged is None:
            self.browser.setHtml(empty_html())  # without loading the renderer: the window shows this at start
            return
        from reception_app.ui.desk.eligibility_html import render_html

        offline, confirmed_at, extra_warnings = self._shown
        position = self.browser.verticalScrollBar().value() if keep_position else 0
        self.browser.setHtml(render_html(
            merged, offline=offline, offline_confirmed_at=confirmed_at, extra_warnings=extra_warnings,
            details=self._details,
        ))
        self.browser.verticalScrollBar().setValue(position)

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


def tr(text: str) -> str:
    return QCoreApplication.translate("EligibilityPanel", text)


# The panel's texts, listed for pyside6-lupdate (it cannot see calls inside f-strings).
_CATALOG = (
    QT_TRANSLATE_NOOP("EligibilityPanel", "valid on the visit day"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "NOT valid on the visit day"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Visit date"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "unknown"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "OFFLINE"),
    QT_TRANSLATE_NOOP(
        "EligibilityPanel", "Last confirmed on %1. Re-confirmation is queued for when the connection is back."
    ),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Error"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Note"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Warning"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Warnings"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "age %1"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Name"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Other name (通称名)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Kana"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Birth date"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Sex"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Postal code"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Address (as the insurer holds it)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Insured person (被保険者)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Patient"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "marks a character the OQS could not send (外字). Keep the chart spelling."),
    QT_TRANSLATE_NOOP("EligibilityPanel", "照会番号 (reference number)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "branch"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Copay"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Insurer"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Symbol and number"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Card"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Insured or family (本人・家族)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Partial contribution ratio (一部負担金割合)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Preschool (未就学)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Qualified since (資格取得日)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Qualification lost on (資格喪失日)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Card issued on (交付年月日)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Card valid from (有効開始日)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Card valid until (有効終了日)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Reason of loss (喪失事由)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Insurance"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Consents"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Ratio"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Valid"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Certificate issued on (交付年月日)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "高齢受給者 (elderly recipient)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Class"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Certificate"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Long-term since (長期該当年月日)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "限度額 (limit class)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Disease category (疾病区分)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Monthly self-pay limit (自己負担限度額)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "特定疾病 (specific diseases)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "医療扶助 tickets (医療券)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Subsidies (公費), in claim order"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "#"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Program"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "法別"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Payer (負担者番号)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Recipient (受給者番号)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "On the visit day"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Monthly cap"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "None in the result. If the patient shows a paper 受給者証, check it."),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Today's copay at the desk (an estimate)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Health insurance"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "no ratio given"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "at most %1 per visit"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "at most %1 a month"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Subsidy %1"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "%1 of the medical cost"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "(up to the monthly cap of %1, less what was paid this month)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Today"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "none"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "nothing to pay at the desk"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Example"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "a visit of %1 costs the patient %2"),
    QT_TRANSLATE_NOOP(
        "EligibilityPanel", "An estimate only: the certificate's terms and the 上限額管理票 (monthly record) decide."
    ),
    QT_TRANSLATE_NOOP("EligibilityPanel", "(%1 more items this version cannot label)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Show details (the raw elements)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Hide details"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Details (the raw elements)"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "No eligibility result yet. Place a card on the reader."),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Merged eligibility"),
    QT_TRANSLATE_NOOP("EligibilityPanel", "Insurance, subsidies and warnings for the current patient"),
)
