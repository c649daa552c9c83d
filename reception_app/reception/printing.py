"""Headless 受付票 printers: a PDF file per ticket (tests, demo, "save as PDF"), or a list in memory.

The PDF is written by hand (one page, Helvetica text, the QR code as filled squares from segno's matrix), so the
headless layer needs no Qt and no PDF library. The ticket carries nothing personal: queue number, date/time, QR.
The desk/kiosk may inject a Qt printer of their own through the same `PrinterPort`.
"""

from __future__ import annotations

import threading
from pathlib import Path

import segno

from reception_app.reception.models import Ticket

_PAGE_W, _PAGE_H = 227, 340  # points: an 80 mm x 120 mm receipt
_MODULE = 4  # points per QR module


def ticket_pdf(ticket: Ticket) -> bytes:
    qr = segno.make(ticket.qr_payload, error="m")
    ops: list[str] = ["BT /F1 16 Tf 20 300 Td (Reception ticket / Uketsuke-hyo) Tj ET"]
    ops.append(f"BT /F1 48 Tf 20 235 Td (No. {ticket.queue_number:03d}) Tj ET")
    ops.append(f"BT /F1 12 Tf 20 212 Td ({ticket.checked_in_at:%Y-%m-%d %H:%M}) Tj ET")
    size = len(list(qr.matrix)) * _MODULE
    x0, y0 = (_PAGE_W - size) // 2, 20 + size
    for row_index, row in enumerate(qr.matrix):
        for col_index, dark in enumerate(row):
            if dark:
                ops.append(f"{x0 + col_index * _MODULE} {y0 - (row_index + 1) * _MODULE} {_MODULE} {_MODULE} re")
    ops.append("f")
    content = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_PAGE_W} {_PAGE_H}] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>".encode("ascii"),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


class PdfTicketPrinter:
    """Writes `ticket-YYYYMMDD-NNN.pdf` into `folder` (never overwrites: a reprint gets a suffix)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()

    def print_ticket(self, ticket: Ticket) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = ticket_pdf(ticket)
        with self._lock:
            stem = f"ticket-{ticket.visit_date:%Y%m%d}-{ticket.queue_number:03d}"
            path = self.folder / f"{stem}.pdf"
            n = 1
            while path.exists():
                n += 1
                path = self.folder / f"{stem}-{n}.pdf"
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        return path
