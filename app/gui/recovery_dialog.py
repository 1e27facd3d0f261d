"""Forgotten passphrase: k recovery shares set a new one (issue 20 item 2; docs/backup.md).

Offered on the unlock page only when the vault's key file has a recovery slot (off until chosen).
The shares are typed or pasted, one per line, into this dialog and live only in its text field and
the worker's call (app.services.recovery.key_recovery.recover_vault); the field is cleared as soon
as the work is handed over. A refused share is named in the message ("share 2 has a changed…").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from app.gui.i18n import tr, tr_args
from app.gui.session import Session
from app.gui.tasks import Task
from app.services.recovery import key_recovery
from storage.vault import Vault


class RecoverDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.task: Task | None = None
        self.setWindowTitle(tr("Recover with shares"))
        status = key_recovery.vault_status(session.vault_dir)
        form = QFormLayout(self)
        intro = QLabel(tr_args(tr("Type any %1 of the %2 recovery shares, one per line, then choose a new "
                                  "passphrase. The old passphrase will no longer open the vault."),
                               status.threshold if status else 2, status.shares if status else 3), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.shares = QPlainTextEdit(self)
        self.shares.setObjectName("shares")
        self.shares.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # SLIP-39 words are Latin
        form.addRow(tr("Shares"), self.shares)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("new_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("New passphrase"), self.passphrase)
        form.addRow(tr("Repeat it"), self.repeat)
        self.recover_button = QPushButton(tr("Set the new passphrase"), self)
        self.recover_button.setObjectName("recover")
        form.addRow(self.recover_button)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.message)
        self.recover_button.clicked.connect(self.recover)

    def recover(self) -> Task | None:
        secret = self.passphrase.text()
        if secret != self.repeat.text():
            self.message.setText(tr("The two passphrases differ."))
            return None
        lines = [line for line in self.shares.toPlainText().splitlines() if line.strip()]
        self.shares.clear()
        self.passphrase.clear()
        self.repeat.clear()
        self.recover_button.setEnabled(False)
        self.message.setText(tr("Combining the shares…"))
        path = self.session.vault_dir

        def work(task: Task) -> Vault:
            key_recovery.recover_vault(path, lines, secret)
            vault = Vault.unlock(path, secret)
            vault.close_thread_connection()  # the GUI thread opens its own
            return vault

        def done(vault: Vault) -> None:
            self.accept()
            self.session.open(vault)

        def failed(message: str) -> None:
            self.recover_button.setEnabled(True)
            self.message.setText(tr_args(tr("Nothing was changed: %1"), message))

        self.task = self.session.runner.run(work, on_done=done, on_error=failed)
        return self.task
