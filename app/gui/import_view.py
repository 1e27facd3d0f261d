"""The coordinator's import view: drop bundle files, watch the progress, read a report per bundle.

Each bundle goes through the bundle import service (verify everything first, then apply in one
transaction: a bundle that fails changes nothing). The view runs the bundles one after another
in the background-task helper; a rejected bundle is reported and the next one is still imported.
Rows show only file names, counts and the service's safe messages, never case content.

Emits: imported(list of per-bundle reports as dicts).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import fmt_int, tr, tr_args
from app.gui.refusals import user_text
from app.gui.style import set_tone
from app.gui.vocabulary import documenter_label
from app.services.exchange import imports, trust_list
from storage.errors import BundleRejected, TawthiqError

MAX_BUNDLES_PER_DROP = 1000
# Progress is reported in these steps per bundle, so the bar moves within a large bundle too.
STEPS = 1000


@dataclass
class BundleOutcome:
    """What the view shows for one bundle (and the test reads)."""

    file: str
    status: str  # "imported" | "already" | "rejected" | "failed" | "cancelled"
    summary: str
    report: dict | None = None

    def to_json(self) -> dict:
        return {"file": self.file, "status": self.status, "summary": self.summary, "report": self.report}


def describe(report, names: dict[str, str] | None = None) -> str:
    """One line for the table from the import service's ImportReport (counts, never content); the
    documenter by the name in their trusted identity, never by key id."""
    text = tr_args(tr("documenter %1, bundle %2: %3, %4, %5"),
                   documenter_label(report.documenter, names or {}), fmt_int(report.sequence),
                   tr("%Ln records", None, report.records), tr("%Ln attachments", None, report.attachments),
                   tr("%Ln new versions", None, report.versions_added))
    if report.gaps:
        text += " · " + tr_args(tr("GAP: bundles %1 from this documenter have not arrived"),
                                imports.ranges_text(report.gaps))
    if report.unknown_codes:
        codes = "; ".join(f"{vocabulary}: {', '.join(codes[:20])}" for vocabulary, codes in
                          sorted(report.unknown_codes.items()))
        text += " · " + tr_args(tr("kept codes this vault does not know (%1): import the organisation's terms and "
                           "places"), codes)
    return text


class DropZone(QFrame):
    """Accepts bundle files dragged from a file manager (local files only)."""

    dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        label = QLabel(tr("Drop bundle files here"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)

    @staticmethod
    def _files(event) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and Path(u.toLocalFile()).is_file()]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        files = self._files(event)
        if files:
            event.acceptProposedAction()
            self.dropped.emit(files[:MAX_BUNDLES_PER_DROP])
        else:
            event.ignore()


class ImportView(QWidget):
    imported = Signal(object)  # list of dicts; object: no QVariant round trip of the values

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.outcomes: list[BundleOutcome] = []
        self._task = None

        layout = QVBoxLayout(self)
        self.drop_zone = DropZone()
        self.drop_zone.dropped.connect(self.import_files)
        layout.addWidget(self.drop_zone)
        row = QHBoxLayout()
        self.choose_button = QPushButton(tr("Choose bundles…"))
        self.choose_button.clicked.connect(self._choose)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, STEPS)
        self.progress.setValue(0)
        row.addWidget(self.choose_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Bundle"), tr("Result"), tr("Report")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # the file's whole name
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)  # row numbers: meaningless here, in Latin digits
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)

    def _choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, tr("Bundles to import"))
        if files:
            self.import_files([Path(f) for f in files])

    @property
    def busy(self) -> bool:
        return self._task is not None

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def import_files(self, files: list[Path]) -> None:
        """Import the bundles one by one in the background; a second drop while busy is refused."""
        if self.busy:
            self.status.setText(tr("An import is already running; drop the files again when it ends."))
            return
        files = [Path(f) for f in files]
        vault = self.session.vault
        self.table.setRowCount(len(files))
        for r, path in enumerate(files):
            self.table.setItem(r, 0, QTableWidgetItem(path.name))
            self.table.setItem(r, 1, QTableWidgetItem(tr("waiting")))
            self.table.setItem(r, 2, QTableWidgetItem(""))
        self.progress.setRange(0, STEPS * max(1, len(files)))
        self.progress.setValue(0)
        self.choose_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(tr("Verifying and importing %Ln bundles…", None, len(files)))

        def work(task) -> list[BundleOutcome]:
            outcomes = []
            for index, path in enumerate(files):
                if task.is_cancelled:
                    outcomes.append(BundleOutcome(path.name, "cancelled", ""))
                    continue
                outcomes.append(_import_one(vault, path, task, index, len(files)))
                task.progress((index + 1) * STEPS, len(files) * STEPS)
            from app.services.analysis import linkage_extra

            # Once for all the bundles: statistics and the review queue read the stored linkage
            # (a core install, without the linkage extra, imports without linking).
            if any(o.status == "imported" for o in outcomes) and linkage_extra.installed():
                from app.services.analysis import linkage

                linkage.run_linkage(vault)
            return outcomes

        self._task = self.session.runner.run(work, vault=vault, on_done=self._done, on_error=self._failed,
                                             on_progress=self._progressed, on_cancelled=self._cancelled)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self._task = None
        self.choose_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _done(self, outcomes: list[BundleOutcome]) -> None:
        self._finish()
        self.outcomes = outcomes
        labels = {"imported": tr("imported"), "already": tr("already imported: nothing changed"),
                  "rejected": tr("rejected"), "failed": tr("failed"),
                  "cancelled": tr("not imported (cancelled)")}
        for r, outcome in enumerate(outcomes):
            self.table.setItem(r, 1, QTableWidgetItem(labels[outcome.status]))
            self.table.setItem(r, 2, QTableWidgetItem(outcome.summary))
        self.table.resizeRowsToContents()
        self.progress.setValue(self.progress.maximum())
        counts = {s: sum(1 for o in outcomes if o.status == s) for s in labels}
        self.status.setText(
            tr_args(tr("Bundles: %1 imported, %2 already imported, %3 rejected (nothing from them was applied), "
                       "%4 failed, %5 not started."),
                    fmt_int(counts["imported"]), fmt_int(counts["already"]), fmt_int(counts["rejected"]),
                    fmt_int(counts["failed"]), fmt_int(counts["cancelled"])))
        self.imported.emit([o.to_json() for o in outcomes])

    def _failed(self, message: str) -> None:
        self._finish()
        self.status.setText(message)
        set_tone(self.status, "error")

    def _cancelled(self) -> None:
        self._finish()
        self.status.setText(tr("Import cancelled: bundles already imported stay, the others were not started."))


def _import_one(vault, path: Path, task, index: int, count: int) -> BundleOutcome:
    """One bundle, verified then applied all or nothing by the import service."""

    def progress(done: int, total: int) -> None:  # bytes of this bundle read so far
        fraction = min(1.0, done / total) if total else 0.0
        task.progress(index * STEPS + int(fraction * STEPS), count * STEPS)

    try:
        report = imports.import_bundle(vault, path, progress=progress)
    except BundleRejected as exc:  # tampered, untrusted, wrong recipient, fork: nothing applied
        return BundleOutcome(path.name, "rejected", user_text(exc))
    except TawthiqError as exc:  # unreadable file, not a coordinator vault: one safe line
        return BundleOutcome(path.name, "failed", user_text(exc))
    status = "already" if report.already_imported else "imported"
    return BundleOutcome(path.name, status, describe(report, trust_list.documenter_names(vault)), report.to_json())
