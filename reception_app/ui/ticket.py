"""The 受付票 (reception ticket): queue number, date and time, and a QR code, printed or saved as PDF.
It carries nothing personal beyond what the patient needs: no name, no patient ID, no insurance data."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

if TYPE_CHECKING:
    from reception_app.reception.models import Ticket

TICKET_WIDTH_MM = 80.0  # a common receipt-printer roll
TICKET_HEIGHT_MM = 120.0


@dataclass(frozen=True)
class TicketData:
    queue_number: int
    issued_at: datetime
    clinic_name: str = ""
    payload: str = ""

    @property
    def number_text(self) -> str:
        return f"{self.queue_number:03d}"

    def qr_payload(self) -> str:
        """What the QR code says: enough for a calling display or the desk to find the visit, nothing personal."""
        return self.payload or f"RA1;{self.issued_at:%Y-%m-%d};{self.number_text}"


def qr_image(payload: str, scale: int = 8) -> QImage:
    import segno  # only when a ticket is made: keeps it out of the start-up path

    buffer = io.BytesIO()
    segno.make(payload, error="m").save(buffer, kind="png", scale=scale, border=2)
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image


def paint_ticket(painter: QPainter, page: QRectF, data: TicketData) -> None:
    """Lays out the ticket on any paint device (PDF, printer, image)."""
    y = page.top()
    title = QFont(painter.font())
    title.setPointSizeF(14)
    title.setBold(True)
    painter.setFont(title)
    line = QRectF(page.left(), y, page.width(), page.height() * 0.08)
    painter.drawText(line, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("Ticket", "Reception ticket"))
    y += line.height()
    if data.clinic_name:
        small = QFont(painter.font())
        small.setPointSizeF(9)
        small.setBold(False)
        painter.setFont(small)
        line = QRectF(page.left(), y, page.width(), page.height() * 0.06)
        painter.drawText(line, Qt.AlignmentFlag.AlignCenter, data.clinic_name)
        y += line.height()
    label = QFont(painter.font())
    label.setPointSizeF(10)
    label.setBold(False)
    painter.setFont(label)
    line = QRectF(page.left(), y, page.width(), page.height() * 0.06)
    painter.drawText(line, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("Ticket", "Your number"))
    y += line.height()
    big = QFont(painter.font())
    big.setPointSizeF(40)
    big.setBold(True)
    painter.setFont(big)
    line = QRectF(page.left(), y, page.width(), page.height() * 0.2)
    painter.drawText(line, Qt.AlignmentFlag.AlignCenter, data.number_text)
    y += line.height()
    painter.setFont(label)
    line = QRectF(page.left(), y, page.width(), page.height() * 0.06)
    painter.drawText(line, Qt.AlignmentFlag.AlignCenter, data.issued_at.strftime("%Y-%m-%d %H:%M"))
    y += line.height()
    side = min(page.width() * 0.6, page.bottom() - y - page.height() * 0.1)
    if side > 0:
        target = QRectF(page.left() + (page.width() - side) / 2, y, side, side)
        painter.drawImage(target, qr_image(data.qr_payload()))
        y += side
    line = QRectF(page.left(), y, page.width(), page.bottom() - y)
    painter.drawText(
        line,
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        QCoreApplication.translate("Ticket", "Please wait until your number is called."),
    )


def _ticket_page_size() -> QPageSize:
    return QPageSize(QSizeF(TICKET_WIDTH_MM, TICKET_HEIGHT_MM), QPageSize.Unit.Millimeter, "ticket")


def save_ticket_pdf(path: Path, data: TicketData) -> Path:
    _write_ticket_pdf(QPdfWriter(str(path)), data)
    return path


def _write_ticket_pdf(writer: QPdfWriter, data: TicketData) -> None:
    writer.setPageSize(_ticket_page_size())
    writer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(QCoreApplication.translate("Ticket", "Reception ticket"))
    painter = QPainter(writer)
    try:
        paint_ticket(painter, QRectF(painter.viewport()), data)
    finally:
        painter.end()


def warm_up_ticket_pdf() -> int:
    """Writes one ticket to memory. The first PDF of a process loads the Japanese font and builds its subset
    (~50 ms), and Qt's font lock keeps the GUI thread waiting for that: run on the worker at start, no check-in pays
    it. Returns the PDF's size (something to check)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    _write_ticket_pdf(QPdfWriter(buffer), TicketData(0, datetime(2026, 1, 1, 9, 0), "", "RCPT:WARM-UP"))
    size = int(buffer.size())
    buffer.close()
    return size


def print_ticket(printer_name: str, data: TicketData) -> bool:
    """Prints on the named printer (the default one when empty). False when no printer is usable."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        return False
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(_ticket_page_size())
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        paint_ticket(painter, QRectF(painter.viewport()), data)
    finally:
        painter.end()
    return True


def ticket_image(data: TicketData, width: int = 320) -> QImage:
    """The ticket as an image (preview on screen and tests)."""
    height = int(width * TICKET_HEIGHT_MM / TICKET_WIDTH_MM)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        paint_ticket(painter, QRectF(8, 8, width - 16, height - 16), data)
    finally:
        painter.end()
    return image


__all__ = ["TicketData", "paint_ticket", "print_ticket", "qr_image", "save_ticket_pdf", "ticket_image"]


class QtTicketPrinter:
    """The reception layer's PrinterPort with Qt: the named printer when one is set and present, otherwise a PDF
    (with the Japanese heading, which the headless PDF printer cannot draw) in `pdf_dir`. Runs on the worker."""

    def __init__(self, pdf_dir: Path, printer_name: str = "", clinic_name: str = "") -> None:
        self.pdf_dir = Path(pdf_dir)
        self.printer_name = printer_name
        self.clinic_name = clinic_name

    def warm_up(self) -> None:
        """Before the first check-in, on the worker: see `warm_up_ticket_pdf`."""
        warm_up_ticket_pdf()

    def print_ticket(self, ticket: Ticket) -> Path | None:
        data = TicketData(ticket.queue_number, ticket.checked_in_at, self.clinic_name, ticket.qr_payload)
        if self.printer_name and print_ticket(self.printer_name, data):
            return None
        self.pdf_dir.mkdir(parents=True, exist_ok=True)
        stem = f"ticket-{ticket.checked_in_at:%Y%m%d}-{ticket.queue_number:03d}"
        path = self.pdf_dir / f"{stem}.pdf"
        n = 1
        while path.exists():
            n += 1
            path = self.pdf_dir / f"{stem}-{n}.pdf"
        return save_ticket_pdf(path, data)
