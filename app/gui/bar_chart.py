"""A small horizontal bar chart drawn with QPainter.

Qt Charts is not in PySide6-Essentials and the Addons wheel is several times larger than the app
needs for a handful of bars; horizontal bars also keep long Arabic labels readable and mirror
cleanly in a right-to-left layout. Values are drawn as numbers beside each bar and repeated in
the accessible description, so a screen reader (and a test) reads the same figures.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_HEIGHT = 18
GAP = 6
MAX_LABEL_WIDTH = 220


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._bars: list[tuple[str, int, str]] = []  # (label, value, value as shown)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[tuple[str, int, str]]) -> None:
        """Bars as (label, value, value text in the user's locale)."""
        self._bars = list(bars)
        self.setAccessibleDescription("; ".join(f"{label}: {shown}" for label, _, shown in self._bars))
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, int]]:
        return [(label, value) for label, value, _ in self._bars]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = max(1, len(self._bars))
        return QSize(360, rows * (BAR_HEIGHT + GAP) + GAP)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        width = self.width()
        label_w = min(MAX_LABEL_WIDTH, max(metrics.horizontalAdvance(b[0]) for b in self._bars) + 16)
        value_w = max(metrics.horizontalAdvance(b[2]) for b in self._bars) + 8
        span = max(1, width - label_w - value_w - GAP)
        top = max(1, max(b[1] for b in self._bars))
        bar_colour = self.palette().color(QPalette.ColorRole.Highlight)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        for row, (label, value, shown) in enumerate(self._bars):
            y = GAP + row * (BAR_HEIGHT + GAP)
            length = span * value / top
            label_rect = QRectF(0, y, label_w - 6, BAR_HEIGHT)
            bar_rect = QRectF(label_w, y + 2, max(1.0, length), BAR_HEIGHT - 4)
            value_rect = QRectF(label_w + length + 4, y, value_w, BAR_HEIGHT)
            if rtl:  # mirror every rectangle: labels on the right, bars growing leftwards
                label_rect, bar_rect, value_rect = (_mirror(r, width) for r in (label_rect, bar_rect, value_rect))
            painter.setPen(text_colour)
            label_align = Qt.AlignmentFlag.AlignRight if not rtl else Qt.AlignmentFlag.AlignLeft
            painter.drawText(label_rect, int(label_align | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, int(label_rect.width())))
            painter.fillRect(bar_rect, QColor(bar_colour))
            value_align = Qt.AlignmentFlag.AlignLeft if not rtl else Qt.AlignmentFlag.AlignRight
            painter.drawText(value_rect, int(value_align | Qt.AlignmentFlag.AlignVCenter), shown)
        painter.end()


def _mirror(rect: QRectF, width: int) -> QRectF:
    return QRectF(width - rect.x() - rect.width(), rect.y(), rect.width(), rect.height())
