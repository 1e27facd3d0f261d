"""New case → which kind of case? One entry per form definition (kidnapping, killing, …).

The list takes the keyboard at once: arrows to move, Enter (or a double click) to open the
editor of that form, Escape to go back. Each entry shows the form's help text as its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import tr
from app.gui.vocabulary import form_choices, pick


class CaseKindDialog(QDialog):
    """Emits chosen(form id) when a kind is picked."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget, preselect: str | None = None):
        super().__init__(parent)
        self.setObjectName("case_kind")
        self.setWindowTitle(tr("New case"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Which kind of case?"), self))
        self.kinds = QListWidget(self)
        self.kinds.setObjectName("kinds")
        for code, label in form_choices():
            item = QListWidgetItem(label, self.kinds)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setToolTip(_form_help(code))
        codes = [self.kinds.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.kinds.count())]
        self.kinds.setCurrentRow(codes.index(preselect) if preselect in codes else 0)
        layout.addWidget(self.kinds)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Open).setText(tr("Open the form"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.kinds.itemActivated.connect(self._activated)
        self.kinds.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # The keyboard goes to the list at once (arrows, Enter), on platforms that do not
        # activate a new dialog by themselves too.
        super().showEvent(event)
        self.activateWindow()
        self.kinds.setFocus(Qt.FocusReason.OtherFocusReason)

    def _activated(self, _item: QListWidgetItem) -> None:
        self.accept()

    def accept(self) -> None:
        item = self.kinds.currentItem()
        super().accept()
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))


def _form_help(code: str) -> str:
    from forms.definitions import load_form

    return pick(load_form(code).data.get("help"), "")
