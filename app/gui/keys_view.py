"""Own keys: the fingerprint people compare out of band (digit groups and a QR code), identity export,
and below them backups and recovery shares (app/gui/backup_view.py).

The QR code is drawn by segno into memory (PNG bytes → QImage.fromData); no image file exists.
"""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QFormLayout, QLabel, QPushButton, QWidget

from app.gui.backup_view import BackupPanel
from app.gui.i18n import tr
from app.gui.session import Session
from app.gui.style import button_row
from app.services.exchange import trust_list
from app.services.vault import keys
from storage.atomic import atomic_write_bytes


def qr_image(payload: str, scale: int = 5) -> QImage:
    import segno

    buffer = io.BytesIO()
    segno.make(payload, error="m").save(buffer, kind="png", scale=scale, border=2)
    return QImage.fromData(buffer.getvalue())


class KeysView(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        assert session.vault is not None
        info = keys.describe(session.vault)
        form = QFormLayout(self)
        intro = QLabel(tr("Read these digits to your coordinator over a channel you trust (in person or by "
                          "phone), or let them scan the code. They must match exactly."), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.fingerprint = QLabel(info.fingerprint, self)
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        font = self.fingerprint.font()
        font.setPointSize(font.pointSize() + 3)
        font.setFamily("monospace")
        self.fingerprint.setFont(font)
        self.fingerprint.setWordWrap(True)
        form.addRow(tr("Fingerprint"), self.fingerprint)
        self.qr = QLabel(self)
        self.qr.setObjectName("qr")
        self.qr.setPixmap(QPixmap.fromImage(qr_image(info.qr_payload)))
        form.addRow(tr("QR code"), self.qr)
        key_id = QLabel(info.key_id, self)
        key_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(tr("Key id"), key_id)
        self.export_button = QPushButton(tr("Save my public identity file…"), self)
        self.export_button.setObjectName("export_identity")
        form.addRow(button_row(self, self.export_button))
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.message)
        self.export_button.clicked.connect(self.choose_identity_file)
        self.backup = BackupPanel(session, self)
        form.addRow(self.backup)

    def choose_identity_file(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, tr("Save my public identity file"), "identity.tawthiq-id", "",
                                                options=QFileDialog.Option.DontUseNativeDialog)
        if target:
            self.save_identity(Path(target))

    def save_identity(self, target: Path) -> None:
        assert self.session.vault is not None
        atomic_write_bytes(target, trust_list.export_identity(self.session.vault))
        self.message.setText(tr("Saved. It holds only public keys; give it to your coordinator."))
