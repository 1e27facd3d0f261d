"""Export a bundle for the coordinator: choose a file, watch the progress, cancel if needed.

The service (app/services/exchange/export.py) writes atomically: a cancelled or failed export leaves no
file under the chosen name and marks nothing as sent.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import fmt_datetime, fmt_int, fmt_size, tr, tr_args
from app.gui.session import Session
from app.gui.style import set_tone
from app.gui.tasks import Task
from app.services.exchange import export


class ExportView(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(tr("A bundle carries every case and witness record the coordinator has not acknowledged "
                          "yet, encrypted to the coordinator and signed by you. Carry it by any means."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.everything = QCheckBox(tr("Everything again (also what was sent before)"), self)
        layout.addWidget(self.everything)
        row = QHBoxLayout()
        self.export_button = QPushButton(tr("Export a bundle…"), self)
        self.export_button.setObjectName("export_bundle")
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        row.addWidget(self.export_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.message = QLabel(self)
        self.message.setObjectName("export_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(tr("Bundles sent"), self))
        self.sent = QListWidget(self)
        self.sent.setObjectName("sent_bundles")
        layout.addWidget(self.sent, 1)
        self.export_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self._cancel)
        self.refresh()

    def refresh(self) -> None:
        self.sent.clear()
        if self.session.vault is None:
            return
        for b in export.sent_bundles(self.session.vault):
            self.sent.addItem(tr_args(tr("Bundle %1 · %2 · %3 · %4"), fmt_int(b["sequence"]),
                                      fmt_datetime(b["created_at"]), tr("%Ln records", None, b["records"]),
                                      fmt_size(b["size"])))

    def choose_file(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, tr("Export a bundle"), "bundle.tawthiq", "",
                                                options=QFileDialog.Option.DontUseNativeDialog)
        if target:
            self.export_to(Path(target))

    def export_to(self, target: Path):
        vault, everything = self.session.vault, self.everything.isChecked()

        def work(task):
            def progress(done: int, total: int) -> None:
                task.raise_if_cancelled()
                task.progress(done, total)

            return export.export_bundle(vault, target, everything=everything, progress=progress)

        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.export_button.setEnabled(False)
        self.message.setText(tr("Writing the bundle…"))
        self.task = self.session.runner.run(work, vault=vault, on_done=self._done, on_error=self._failed,
                                            on_progress=self._progress, on_cancelled=self._cancelled)
        return self.task

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / max(1, total)))

    def _finish(self, text: str, tone: str | None = None) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.export_button.setEnabled(True)
        self.message.setText(text)
        set_tone(self.message, tone)
        self.task = None
        self.refresh()

    def _done(self, result: export.ExportResult) -> None:
        if result.written and result.sequence is not None:
            self._finish(tr_args(tr("Bundle %1 written: %2, %3."), fmt_int(result.sequence),
                                 tr("%Ln records", None, result.records),
                                 tr("%Ln attachments", None, result.attachments)), "success")
        else:
            self._finish(tr_args(tr("Nothing to export: %1"), result.message))

    def _failed(self, message: str) -> None:
        self._finish(tr_args(tr("The bundle was not written: %1"), message), "error")

    def _cancelled(self) -> None:
        self._finish(tr("Cancelled: no bundle was written and nothing is marked as sent."), "warning")

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
