"""The GUI's emergency parts: the wipe dialog and flow, and the window's title and icon.

The services live in app/services/vault/emergency.py; this module only asks and shows.
- Wipe: a deliberate gesture (type the word WIPE, press a red button), no passphrase needed, so
  it works from the unlock page when the person cannot or will not unlock. The session is
  locked first (tasks stopped, connections closed, keys dropped), then the folder is
  crypto-shredded; it takes milliseconds, so it runs on the GUI thread. The outcome goes out as
  `session.wipe_reported(text)`: the window shows its first-run (or unlock) page with that line.
- Identity: the window title and icon come from `emergency.window_title/window_icon(folder)`,
  read from the guard file before unlock. Qt appends the application display name to window
  titles on X11 and Windows, so that is set to the same title. After a wipe the title is left
  as it was (the guard file is gone, but the screen should not start naming the app).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import tr, tr_args
from app.gui.refusals import user_text
from app.gui.session import Session
from app.services.vault import emergency
from storage.errors import TawthiqError

# The word itself is not translated: it is what the person must type, in any interface language.
WIPE_WORD = "WIPE"


# ---- title and icon -----------------------------------------------------------------------------
def icon_for(key: str) -> QIcon:
    """The application's own icon (a green square with ت), or the style's plain file icon."""
    if key == emergency.NEUTRAL_ICON:
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
    pixmap = QPixmap(64, 64)
    pixmap.fill(QColor("#1f5f4a"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(40)
    painter.setFont(font)
    painter.drawText(QRect(0, 0, 64, 64), Qt.AlignmentFlag.AlignCenter, "ت")
    painter.end()
    return QIcon(pixmap)


def apply_identity(window: QWidget, folder: Path) -> None:
    """Set the window's (and the application's) title and icon from the vault folder's guard."""
    title = emergency.window_title(folder)
    icon = icon_for(emergency.window_icon(folder))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setApplicationDisplayName(title)
        app.setWindowIcon(icon)
    window.setWindowTitle(title)
    window.setWindowIcon(icon)


# ---- the wipe -----------------------------------------------------------------------------------
def _ms(seconds: float) -> str:
    return QLocale().toString(seconds * 1000, "f", 1)


def wipe_now(session: Session) -> None:
    """Lock everything, crypto-shred the vault folder, report the time taken (session.wipe_reported)."""
    session.lock()  # drafts, tasks, clipboard, connections, keys; no-op when already locked
    session.runner.cancel_all()  # an unlock in flight holds no vault yet, but reads the key file
    session.runner.wait_all()
    try:
        report = emergency.wipe(session.vault_dir)
    except TawthiqError as exc:
        session.wipe_reported.emit(tr_args(tr("The wipe did not finish: %1"), user_text(exc)))
        return
    session.wipe_reported.emit(tr_args(tr("The vault was wiped: its keys were destroyed in %1 ms and the folder was "
                                          "removed in %2 ms. Nothing in it can be recovered."),
                                       _ms(report.key_destroyed_s), _ms(report.total_s)))


class WipeDialog(QDialog):
    """Asks for the typed word WIPE; only then does the red button destroy the vault."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("wipe_dialog")
        self.setWindowTitle(tr("Wipe this vault"))
        self.setModal(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        warning = QLabel(tr("This destroys the vault's keys at once, then deletes the vault folder. "
                            "Nobody can recover any case, attachment or witness from it afterwards, "
                            "and cases not yet sent to your coordinator are lost. No passphrase is "
                            "needed."), self)
        warning.setWordWrap(True)
        layout.addWidget(warning)
        prompt = QLabel(tr_args(tr("To wipe, type %1 in capital letters:"), WIPE_WORD), self)
        layout.addWidget(prompt)
        self.word = QLineEdit(self)
        self.word.setObjectName("wipe_word")
        layout.addWidget(self.word)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setDefault(True)  # Enter in the word field must not wipe by accident
        self.wipe_button = QPushButton(tr("Wipe now"), self)
        self.wipe_button.setObjectName("wipe_now")
        self.wipe_button.setAutoDefault(False)
        self.wipe_button.setStyleSheet("QPushButton { background-color: #b00020; color: white; "
                                       "font-weight: bold; padding: 4px 12px; }"
                                       "QPushButton:disabled { background-color: #d9a0a8; }")
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.wipe_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.wipe_button.clicked.connect(self.wipe)
        self.word.textChanged.connect(self._word_changed)
        self._word_changed()

    def _confirmed(self) -> bool:
        return self.word.text().strip() == WIPE_WORD

    def _word_changed(self) -> None:
        self.wipe_button.setEnabled(self._confirmed())

    def wipe(self) -> None:
        if not self._confirmed():
            self.message.setText(tr_args(tr("Nothing was wiped: type %1 exactly."), WIPE_WORD))
            return
        self.accept()
        wipe_now(self.session)
