"""Backups and recovery shares in the keys view (issue 20; docs/backup.md).

Back up, verify and restore run as background tasks (app/gui/tasks.py) with a progress bar; the
services are app/services/recovery, the same the command line uses. Recovery shares are made at
once (no key derivation) and shown in `SharesDialog`, one at a time: the next share replaces the
previous one on the screen, and nothing is written to disk unless "Save each share to its own
file…" is chosen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import tr, tr_args
from app.gui.session import Session
from app.gui.tasks import Task
from app.services.recovery import backup, key_recovery
from app.services.recovery.shares import MAX_SHARES, ShareSet
from storage.atomic import create_private_file


class BackupPanel(QGroupBox):
    """Back up the vault, verify or restore a backup, make recovery shares."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(tr("Backup and recovery"), parent)
        self.session = session
        self.task: Task | None = None
        self.shares_dialog: SharesDialog | None = None
        form = QFormLayout(self)
        intro = QLabel(tr("A backup is one encrypted file: it opens with this vault's passphrase as it is now, "
                          "or with recovery shares. Keep it away from this laptop."), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton(tr("Back up the vault…"), self)
        self.backup_button.setObjectName("backup_vault")
        self.verify_button = QPushButton(tr("Verify a backup…"), self)
        self.verify_button.setObjectName("verify_backup")
        self.restore_button = QPushButton(tr("Restore a backup into a new folder…"), self)
        self.restore_button.setObjectName("restore_backup")
        for button in (self.backup_button, self.verify_button, self.restore_button):
            buttons.addWidget(button)
        form.addRow(buttons)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("backup_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("Passphrase of the backup (to verify or restore)"), self.passphrase)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        form.addRow(self.progress)
        shares_row = QHBoxLayout()
        self.threshold = QSpinBox(self)
        self.threshold.setObjectName("share_threshold")
        self.threshold.setRange(2, MAX_SHARES)
        self.threshold.setValue(2)
        self.count = QSpinBox(self)
        self.count.setObjectName("share_count")
        self.count.setRange(2, MAX_SHARES)
        self.count.setValue(3)
        shares_row.addWidget(QLabel(tr("Any"), self))
        shares_row.addWidget(self.threshold)
        shares_row.addWidget(QLabel(tr("of"), self))
        shares_row.addWidget(self.count)
        self.shares_button = QPushButton(tr("Make recovery shares…"), self)
        self.shares_button.setObjectName("make_shares")
        shares_row.addWidget(self.shares_button)
        shares_row.addStretch(1)  # keep "any 2 of 3" together rather than spread across the row
        form.addRow(tr("Recovery shares"), shares_row)
        self.message = QLabel(self)
        self.message.setObjectName("backup_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        form.addRow(self.message)
        self.backup_button.clicked.connect(self.choose_backup_file)
        self.verify_button.clicked.connect(self.choose_backup_to_verify)
        self.restore_button.clicked.connect(self.choose_backup_to_restore)
        self.shares_button.clicked.connect(self.make_shares)
        self.show_status()

    # ---- status --------------------------------------------------------------------------------
    def show_status(self) -> None:
        status = key_recovery.vault_status(self.session.vault_dir)
        if status is None:
            self.shares_button.setToolTip(tr("No recovery shares yet: only the passphrase opens this vault."))
        else:
            self.shares_button.setToolTip(tr_args(tr("Shares made: any %1 of %2. Making new ones replaces them."),
                                                  status.threshold, status.shares))

    def _busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.verify_button, self.restore_button, self.shares_button):
            button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setValue(0)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 0)

    def _on_error(self, message: str) -> None:
        self._busy(False)
        self.message.setText(message)

    def _run(self, work, on_done) -> Task:
        self._busy(True)
        self.message.setText(tr("Working…"))
        self.task = self.session.runner.run(work, vault=self.session.vault, on_done=on_done, on_error=self._on_error,
                                            on_progress=self._on_progress,
                                            on_cancelled=lambda: self._on_error(tr("Cancelled.")))
        return self.task

    # ---- backup ----------------------------------------------------------------------------------
    def choose_backup_file(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, tr("Back up the vault"), "vault.backup", "",
                                                options=QFileDialog.Option.DontUseNativeDialog)
        if target:
            self.backup_to(Path(target))

    def backup_to(self, target: Path) -> Task:
        vault = self.session.vault
        assert vault is not None

        def work(task: Task):
            def progress(done: int, total: int) -> None:
                task.raise_if_cancelled()
                task.progress(done, total)
            return backup.write_backup(vault, target, progress)

        def done(summary: backup.BackupSummary) -> None:
            self._busy(False)
            self.message.setText(tr_args(tr("Backup written: %1 cases, %2 attachments, %3 bytes. Keep it away "
                                            "from this laptop."), summary.cases, summary.attachments, summary.size))
        return self._run(work, done)

    # ---- verify -----------------------------------------------------------------------------------
    def choose_backup_to_verify(self) -> None:
        source, _ = QFileDialog.getOpenFileName(self, tr("Verify a backup"), "", "",
                                                options=QFileDialog.Option.DontUseNativeDialog)
        if source:
            self.verify(Path(source))

    def verify(self, source: Path) -> Task:
        passphrase = self.passphrase.text()

        def work(task: Task):
            return backup.verify_backup(source, passphrase=passphrase,
                                        progress=lambda done, total: task.progress(done, total))

        def done(summary: backup.BackupSummary) -> None:
            self._busy(False)
            self.passphrase.clear()
            self.message.setText(tr_args(tr("The backup verifies: every part is intact (%1 cases, %2 attachments, "
                                            "made %3)."), summary.cases, summary.attachments, summary.created_at))
        return self._run(work, done)

    # ---- restore ----------------------------------------------------------------------------------
    def choose_backup_to_restore(self) -> None:
        source, _ = QFileDialog.getOpenFileName(self, tr("Restore a backup"), "", "",
                                                options=QFileDialog.Option.DontUseNativeDialog)
        if not source:
            return
        target = QFileDialog.getExistingDirectory(self, tr("An empty folder for the restored vault"), "",
                                                  options=QFileDialog.Option.DontUseNativeDialog)
        if target:
            self.restore(Path(source), Path(target))

    def restore(self, source: Path, target: Path) -> Task:
        passphrase = self.passphrase.text()

        def work(task: Task):
            return backup.restore_backup(source, target, passphrase=passphrase,
                                         progress=lambda done, total: task.progress(done, total))

        def done(report: backup.RestoreReport) -> None:
            self._busy(False)
            self.passphrase.clear()
            self.message.setText(tr_args(tr("Restored into %1: %2 cases, %3 attachments checked against their "
                                            "hashes, the audit log intact."),
                                         str(target), report.summary.cases, report.attachments_checked))
        return self._run(work, done)

    # ---- recovery shares ----------------------------------------------------------------------------
    def make_shares(self) -> None:
        assert self.session.vault is not None
        made = key_recovery.make_vault_shares(self.session.vault, self.threshold.value(), self.count.value())
        self.show_status()
        self.message.setText(tr_args(tr("%1 recovery shares made; any %2 recover this vault. The audit log records "
                                        "that they were made, never the shares."), len(made.shares), made.threshold))
        self.shares_dialog = SharesDialog(made, self)
        self.shares_dialog.open()


class SharesDialog(QDialog):
    """One share at a time; saved to files only when asked."""

    def __init__(self, made: ShareSet, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Recovery shares"))
        self._shares = made.shares
        self._threshold = made.threshold
        self.at = 0
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("share_heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.share = QLabel(self)
        self.share.setObjectName("share_words")
        self.share.setTextFormat(Qt.TextFormat.PlainText)
        self.share.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # SLIP-39 words are Latin
        self.share.setWordWrap(True)
        font = self.share.font()
        font.setFamily("monospace")
        font.setPointSize(font.pointSize() + 2)
        self.share.setFont(font)
        layout.addWidget(self.share)
        warning = QLabel(tr("Write it down by hand and give it to one person. Whoever gathers enough shares can "
                            "open this vault, and its backups, without the passphrase."), self)
        warning.setWordWrap(True)
        layout.addWidget(warning)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(tr("Save each share to its own file…"), self)
        self.save_button.setObjectName("save_shares")
        self.next_button = QPushButton(tr("Next share"), self)
        self.next_button.setObjectName("next_share")
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self.next_button.clicked.connect(self.next_share)
        self.save_button.clicked.connect(self.choose_folder)
        self._show()

    def _show(self) -> None:
        count = len(self._shares)
        self.heading.setText(tr_args(tr("Share %1 of %2 (any %3 recover the vault)"), self.at + 1, count,
                                     self._threshold))
        self.share.setText(self._shares[self.at])
        self.next_button.setText(tr("Done") if self.at == count - 1 else tr("Next share"))

    def next_share(self) -> None:
        if self.at == len(self._shares) - 1:
            self.share.clear()
            self.accept()
            return
        self.at += 1
        self._show()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("A folder for the share files"), "",
                                                  options=QFileDialog.Option.DontUseNativeDialog)
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> bool:
        """Each share to a new file (0600, never over an existing one); False, with a line shown, if not."""
        count = len(self._shares)
        for number, share in enumerate(self._shares, 1):
            try:
                create_private_file(folder / f"share-{number}-of-{count}.txt",
                                    f"# Tawthiq recovery share {number} of {count}: any {self._threshold} recover "
                                    f"the vault\n{share}\n".encode())
            except OSError:
                self.heading.setText(tr("The share files could not all be written there (a file of that name "
                                        "exists, or the folder is not writable)."))
                return False
        self.heading.setText(tr_args(tr("%1 share files saved. Give each to a different person, then delete "
                                        "them here."), count))
        return True
