"""Printing a report PDF through the Qt print dialog: each page rendered by QtPdf onto the printer."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from counsel_desk.errors import UserError

PRINT_DPI = 200  # sharp enough for small table text, light enough for a 100-page appendix


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Render every page of ``pdf`` onto ``printer`` (scaled to the page, aspect kept); returns pages printed."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() == 0:
        raise UserError("無法讀取報表 PDF，無法列印。", "The report PDF could not be read for printing.")
    first, last = 0, doc.pageCount() - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage() - 1, min(last, printer.toPage() - 1)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("無法開始列印：印表機沒有回應。", "Printing could not start: the printer did not respond.")
    printed = 0
    try:
        for n in range(first, last + 1):
            if printed:
                printer.newPage()
            points = doc.pagePointSize(n)
            target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            scale = min(target.width() / points.width(), target.height() / points.height())
            width, height = int(points.width() * scale), int(points.height() * scale)
            image = doc.render(n, QSize(int(points.width() * PRINT_DPI / 72), int(points.height() * PRINT_DPI / 72)))
            painter.drawImage(QRect(0, 0, width, height), image)
            printed += 1
    finally:
        painter.end()
        doc.close()
    return printed


def make_printer() -> QPrinter:
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def print_with_dialog(pdf: bytes, parent: QWidget | None = None) -> bool:
    """Ask for a printer (Qt's dialog, in Chinese), then print; False when the user cancelled."""
    printer = make_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_pdf(pdf, printer)
    return True
