"""Lay out a case report (app/services/outputs/case_report.py) as a PDF with Qt.

Qt's text engine (HarfBuzz inside) joins Arabic letters and orders right-to-left runs; pure
Python PDF writers need extra shaping libraries for that. The PDF is built in memory and written
atomically: no temporary file ever holds case content.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.services.outputs.case_report import CaseReport, build_case_report, record_report_export
from storage.atomic import atomic_write_bytes
from storage.errors import TawthiqError
from storage.vault import Vault

# Fonts that carry both scripts; Qt falls back through fontconfig for anything missing.
REPORT_FONTS = ["Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"]


def _ensure_gui_application() -> None:
    """The command line has no QApplication; text layout needs a QGuiApplication (offscreen)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        global _APP  # kept alive for the process: Qt needs the instance while rendering
        _APP = QGuiApplication([])


_APP = None


def render_pdf(report: CaseReport) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    _ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle("Case report")
    writer.setCreator("Tawthiq")
    writer.setResolution(300)
    document = QTextDocument()
    font = QFont()
    font.setFamilies(REPORT_FONTS)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setHtml(report.html)
    document.print_(writer)
    buffer.close()
    return bytes(data.data())


def write_case_pdf(vault: Vault, case_id: str, out: Path, purpose: str = "courts") -> CaseReport:
    if not Path(out).parent.is_dir() or Path(out).is_dir():
        raise TawthiqError("report.pdf_needs_folder")
    report = build_case_report(vault, case_id, purpose)
    atomic_write_bytes(Path(out), render_pdf(report))
    record_report_export(vault, report, "pdf")
    return report
