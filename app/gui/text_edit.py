"""A multi-line plain-text box that aligns each paragraph by its own script.

QPlainTextEdit lays an Arabic paragraph out right to left but still starts it at the left edge,
which is how a narrative typed in Arabic ended up flush left in the Arabic editor. QTextEdit
aligns each paragraph by its own direction (an Arabic paragraph on the right, an English one on
the left, in either interface language). Rich text is refused so that a paste keeps only the
text: nothing but plain text is ever stored.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTextEdit, QWidget


class PlainTextEdit(QTextEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptRichText(False)
