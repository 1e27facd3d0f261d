"""One visual style: the Qt style sheet in resources/style/tawthiq.qss, and the tones that colour
a message by what it means (error, warning, success, muted).

    from app.gui.style import set_tone
    set_tone(self.message, "error")       # red and bold; "warning" amber; "success" green; None plain

The sheet selects on the dynamic property "tone"; Qt reads a property once per polish, so
`set_tone` re-polishes the widget. The sheet holds no left/right values that differ, so the same
sheet serves the right-to-left Arabic layout.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QHBoxLayout, QWidget

from app.gui.i18n import REPO

STYLE_SHEET = REPO / "resources" / "style" / "tawthiq.qss"
TONES = ("error", "warning", "success", "muted")


ACCENT = "#2f6b52"  # the green of the header and of the app's icon


def apply_style(app: QApplication) -> None:
    """Fusion (the same on every platform) under the app's sheet; the palette's highlight is the
    accent, so what paints with it (the statistics' and estimate's bars, selections) matches."""
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))


def set_tone(widget: QWidget, tone: str | None) -> None:
    if tone is not None and tone not in TONES:
        raise ValueError(f"unknown tone {tone!r}")
    widget.setProperty("tone", tone or "")
    repolish(widget)


def button_row(parent: QWidget, *buttons: QAbstractButton) -> QWidget:
    """Buttons at their own width on the leading side (right in Arabic), not stretched across a
    form row as QFormLayout.addRow(button) does."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for button in buttons:
        layout.addWidget(button)
    layout.addStretch(1)
    return row


def repolish(widget: QWidget) -> None:
    """Apply the sheet again after a property it selects on changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
