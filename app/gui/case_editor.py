"""Placeholder until the form-driven editor lands (next increment)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.gui.i18n import tr


class CaseEditor(QWidget):
    closed = Signal()

    def __init__(self, session, case_id: str | None = None, form: str | None = None):
        super().__init__()
        self.session, self.case_id, self.form = session, case_id, form
        QVBoxLayout(self).addWidget(QLabel(tr("Case editor"), self))

    def flush(self) -> None:
        pass
