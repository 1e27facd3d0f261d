"""The mouse wheel scrolls; it never changes a recorded value.

Qt hands a wheel event over a closed combo box, spin box or date edit to that widget, which
steps its value: scrolling the case editor with the pointer over the field column changed a
victim's Sex, autosave wrote a new draft version, and a sealed case became a draft. One filter on
the application (installed by `app.gui.main.application`) covers every such widget of every view,
present and future: the event goes to the scroll area around the widget instead, so the form
scrolls as the person meant. A value changes only through a click or a keystroke on the field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QWidget

# Widgets whose wheelEvent steps a value (a QDateEdit is a QAbstractSpinBox). Item views and
# text fields only scroll their own content, which changes nothing.
STEPPING = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def _stepping_widget(obj: QObject) -> QWidget | None:
    """The value-stepping widget an event is for: the object itself, or the one it is part of
    (an editable combo box's line edit, a spin box's line edit)."""
    widget = obj if isinstance(obj, QWidget) else None
    while widget is not None and not widget.isWindow():
        if isinstance(widget, STEPPING) and not _is_scroll_bar(widget):
            return widget
        widget = widget.parentWidget()
    return None


def _is_scroll_bar(widget: QWidget) -> bool:
    # A scroll area's own scroll bars are sliders that should keep taking the wheel.
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return widget in (parent.verticalScrollBar(), parent.horizontalScrollBar())
        parent = parent.parentWidget()
    return False


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel:
            return False
        widget = _stepping_widget(watched)
        if widget is None:
            return False
        area = _scroll_area_around(widget)
        if area is not None:
            bar = area.verticalScrollBar() if area.verticalScrollBar().isVisible() else area.horizontalScrollBar()
            QApplication.sendEvent(bar, event)
        return True  # consumed: the widget itself never sees it


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


_guard: WheelGuard | None = None


def install(app: QApplication) -> None:
    """Install the one guard on the application (idempotent)."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
