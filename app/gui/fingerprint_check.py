"""The out-of-band fingerprint check, shared by the profile import and the trust views.

Trust is never given by a click: the person types the fingerprint that was read to them in
person or by phone (what `--fingerprint DIGITS` is on the command line). The dialog only
collects the digits; the view compares them through the profile and trust-list services, the one
place that decides, and shows its refusal here so a mistyped digit can be corrected.

Everything shown about the file's signer (name, key id) comes from an untrusted file: plain-text
labels only, bounded in length.

Emits (FingerprintDialog): confirmed(typed text) when the person presses the action button with
60 digits typed; the view then calls `refuse(message)` or `accept()`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import tr
from app.services.vault import keys
from storage.errors import UsageError

MAX_SHOWN = 200  # characters of a name taken from a file


def untrusted_text(value: object) -> str:
    """A value from a file, made safe for a plain-text label: one line, bounded."""
    text = " ".join(str(value or "").split())
    return text[:MAX_SHOWN]


def fingerprint_label(fingerprint: str, parent: QWidget, *, selectable: bool = True) -> QLabel:
    """Digit groups as the keys view and `tawthiq keys` show them: left to right in any language."""
    label = QLabel(fingerprint, parent)
    label.setObjectName("fingerprint")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    font = label.font()
    font.setPointSize(font.pointSize() + 3)
    font.setFamily("monospace")
    label.setFont(font)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def typed_digits(text: str) -> str | None:
    """The 60 digits typed (spaces, dashes and Arabic-Indic digits accepted), or None if not yet."""
    try:
        return keys.normalise_fingerprint(text)
    except UsageError:
        return None


class FingerprintDialog(QDialog):
    confirmed = Signal(str)

    def __init__(self, parent: QWidget, *, title: str, intro: str, details: list[tuple[str, str]],
                 fingerprint: str, action: str):
        super().__init__(parent)
        self.setObjectName("fingerprint_dialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        text = QLabel(intro, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        for name, value in details:
            shown = QLabel(untrusted_text(value), self)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(name, shown)
        # Not selectable: the digits are to be heard and typed, not copied from the file itself.
        self.fingerprint = fingerprint_label(fingerprint, self, selectable=False)
        form.addRow(tr("Fingerprint in the file"), self.fingerprint)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Type the fingerprint that was read to you (60 digits; spaces do not "
                                   "matter):"), self))
        self.typed = QLineEdit(self)
        self.typed.setObjectName("typed_fingerprint")
        self.typed.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.typed.setPlaceholderText("12345 67890 …")
        # Wide enough for all 12 groups, so the typed digits can be compared with the file's in full.
        wide = self.typed.fontMetrics().horizontalAdvance("00000-" * 12 + "000")
        frame = self.typed.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        self.typed.setMinimumWidth(wide + 2 * frame + 12)
        layout.addWidget(self.typed)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        # No default button: Enter in the field checks the digits (never Cancel, never an action
        # before 60 digits are typed); Escape cancels.
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setAutoDefault(False)
        self.confirm_button = QPushButton(action, self)
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setAutoDefault(False)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button.clicked.connect(self._confirm)
        self.typed.returnPressed.connect(self._confirm)
        # The dialog grows with a refusal instead of squeezing the fingerprint or the message.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.typed.textChanged.connect(self._typed_changed)
        self._typed_changed()

    def _typed_changed(self) -> None:
        self.confirm_button.setEnabled(typed_digits(self.typed.text()) is not None)
        self.message.clear()

    def _confirm(self) -> None:
        if typed_digits(self.typed.text()) is None:
            self.refuse(tr("A fingerprint is 12 groups of 5 digits: nothing was changed."))
            return
        self.confirmed.emit(self.typed.text())

    def refuse(self, message: str) -> None:
        """The service refused: say why, keep the dialog open for a corrected entry (the typed
        digits stay in the field, beside the file's, to be compared)."""
        self.message.setText(message)
        self.adjustSize()
