"""Attachments of one case: add (file dialog or drop), hash and size, in-memory image preview, export,
and what each photo or video says about itself (issue 21): capture date, place, camera, software,
duration; a warning where that contradicts the case; and the earliest sighting of a photo or video
it looks like (app/services/media).

Files are encrypted into the vault at once (cases.attach_file streams them through age) on the
task helper with progress. A preview decrypts into memory and decodes with QImage.fromData: no
temporary file, no thumbnail anywhere. Exporting writes one plaintext file, only where the person
explicitly chose.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
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

from app.gui.i18n import fmt_date, fmt_datetime, fmt_int, fmt_size, tr, tr_args
from app.gui.tasks import Task
from app.services.intake import cases
from app.services.media import proofmode

if TYPE_CHECKING:
    from app.gui.session import Session

MAX_PREVIEW = 32 << 20


class AttachmentsPanel(QWidget):
    """Emits attached(attachment dict) after a file is stored; ensure_case() asks for a saved case."""

    attached = Signal(dict)

    def __init__(self, session: Session, ensure_case, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.ensure_case = ensure_case  # () -> case id or None (saves the case first)
        self.case_id: str | None = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add files…"), self)
        self.add_button.setObjectName("add_attachment")
        self.export_button = QPushButton(tr("Export selected…"), self)
        self.export_button.setObjectName("export_attachment")
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        hint = QLabel(tr("Drop files here. They are encrypted into the vault at once."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.message = QLabel(self)
        self.message.setObjectName("attachment_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("attachments")
        self.table.setHorizontalHeaderLabels([tr("File"), tr("Size"), tr("SHA-256"), tr("Check")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Column widths from content: the file name takes the room, the size fits its text, and the
        # 64-digit hash (which crowded the names out) shows its first and last digits, elided in the
        # middle, the whole of it in the tooltip.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, self.table.fontMetrics().horizontalAdvance("0" * 20 + "…") + 12)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setVisible(False)  # row numbers: meaningless here, in Latin digits
        self.table.setMinimumHeight(120)
        layout.addWidget(self.table)
        # What the selected file says about itself; outside text (a camera's name), so plain text only.
        self.details = QLabel(self)
        self.details.setObjectName("media_details")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(40)
        layout.addWidget(self.preview)
        self._rows: list[dict] = []
        self._media: list[dict] = []
        self._queue: list[Path] = []
        self.task: Task | None = None
        self.add_button.clicked.connect(self.choose_files)
        self.export_button.clicked.connect(self.choose_export)
        self.cancel_button.clicked.connect(self._cancel)
        self.table.itemSelectionChanged.connect(self._selected)

    # ---- listing -----------------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        self.case_id = case_id
        self.reload()

    def reload(self) -> None:
        vault = self.session.vault
        self._rows = cases.list_attachments(vault, self.case_id) if (vault and self.case_id) else []
        self._media = [cases.media_view(vault, att["id"]) for att in self._rows] if vault else []
        self.table.setRowCount(len(self._rows))
        for r, (att, media) in enumerate(zip(self._rows, self._media, strict=True)):
            for c, text in enumerate((att["filename"], fmt_size(att["size"]), att["sha256"], _flag(media))):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setToolTip(att["sha256"])
                self.table.setItem(r, c, item)
        self.preview.clear()
        self.details.clear()

    @property
    def attachments(self) -> list[dict]:
        return list(self._rows)

    # ---- adding ------------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Add attachments"), "", "",
                                                options=QFileDialog.Option.DontUseNativeDialog)
        self.add_files([Path(p) for p in paths])

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.add_files(paths)

    def add_files(self, paths: list[Path]) -> None:
        paths = [p for p in paths if p.is_file()]
        if not paths:
            return
        case_id = self.ensure_case()
        if case_id is None:
            self.message.setText(tr("Fill in the required fields first: a case must be saved before files "
                                    "can be attached."))
            return
        self.case_id = case_id
        self._queue.extend(paths)
        if self.task is None:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            self.task = None
            self.progress.setVisible(False)
            self.cancel_button.setVisible(False)
            return
        path = self._queue.pop(0)
        vault, case_id = self.session.vault, self.case_id
        total = max(1, path.stat().st_size)

        def work(task):
            def progress(done: int) -> None:
                task.raise_if_cancelled()
                task.progress(done, total)

            # A ProofMode export (a zip with the proof, signatures and key) attaches its photo or
            # video with the check of its proof; any other file as it is.
            attach = cases.attach_proofmode if proofmode.looks_like_bundle(path) else cases.attach_file
            return attach(vault, case_id, path, progress)

        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.message.setText(tr_args(tr("Encrypting %1…"), path.name))
        self.task = self.session.runner.run(work, vault=vault, on_done=self._stored, on_error=self._failed,
                                            on_progress=self._progress, on_cancelled=self._cancelled)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / max(1, total)))

    def _stored(self, attachment: dict) -> None:
        self.message.setText(tr_args(tr("Stored encrypted: %1"), attachment["filename"]))
        self.reload()
        self.attached.emit(attachment)
        self._next()

    def _failed(self, message: str) -> None:
        self.message.setText(tr_args(tr("The file was not attached: %1"), message))
        self._next()

    def _cancelled(self) -> None:
        self.message.setText(tr("Cancelled: nothing was kept of that file."))
        self._queue.clear()
        self._next()

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    # ---- preview and export ------------------------------------------------------------------
    def _current(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _selected(self) -> None:
        att = self._current()
        self.preview.clear()
        rows = self.table.selectionModel().selectedRows()
        self.details.setText("\n".join(describe(self._media[rows[0].row()])) if rows else "")
        if att is None or not att["media_type"].startswith("image/") or att["size"] > MAX_PREVIEW:
            return
        vault, attachment_id = self.session.vault, att["id"]
        assert vault is not None  # the panel is deleted on lock
        self.session.runner.run(lambda task: cases.read_attachment(vault, attachment_id, MAX_PREVIEW),
                                vault=vault, on_done=self._show_preview, on_error=self.message.setText)

    def _show_preview(self, data: bytes) -> None:
        image = QImage.fromData(data)  # decoded from memory: no file, no thumbnail cache
        if image.isNull():
            self.preview.setText(tr("No preview for this file."))
            return
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            360, 240, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def choose_export(self) -> None:
        att = self._current()
        if att is None:
            self.message.setText(tr("Choose an attachment to export."))
            return
        target, _ = QFileDialog.getSaveFileName(self, tr("Export one attachment (decrypted)"), att["filename"], "",
                                                options=QFileDialog.Option.DontUseNativeDialog)
        if target:
            self.export_to(att["id"], Path(target))

    def export_to(self, attachment_id: str, target: Path) -> Task:
        vault = self.session.vault
        assert vault is not None  # the panel is deleted on lock
        return self.session.runner.run(lambda task: cases.export_attachment(vault, attachment_id, target),
                                       vault=vault, on_done=self._exported, on_error=self.message.setText)

    def _exported(self, size: int) -> None:
        self.message.setText(tr_args(tr("Exported (%1). That copy is not encrypted."), fmt_size(size)))


# ---- what a file says, in words --------------------------------------------------------------------
def _flag(media: dict) -> str:
    """The table's short column: what deserves a look."""
    notes = []
    if (media.get("provenance") or {}).get("status") == "invalid":
        notes.append(tr("provenance invalid"))
    if media["seen_before"]:
        notes.append(tr("seen before"))
    if media["warnings"]:
        notes.append(tr("contradicts the case"))
    return ", ".join(notes)


def _proofmode_lines(proof: dict | None) -> list[str]:
    if not proof:
        return []
    key = proof.get("key_fingerprint") or "?"
    if proof["status"] == "invalid":
        return [tr("ProofMode INVALID: the file does not match its proof, or a signature does not verify.")]
    if proof["status"] == "unsigned":
        return [tr("ProofMode proof without a signature: nothing vouches for it.")]
    return [tr_args(tr("ProofMode: the file matches its proof and the signatures verify with the key the bundle "
                       "carries (%1). Compare that key with the phone's before relying on it."), key)]


def _provenance_lines(result: dict | None) -> list[str]:
    """C2PA: trusted, untrusted and invalid are worded apart; no manifest says nothing."""
    proof = _proofmode_lines((result or {}).get("proofmode"))
    if not result or result.get("status") in (None, "none", "extra_missing"):
        return proof
    status = result["status"]
    if status == "invalid":
        failures = ", ".join(result.get("failures") or [])
        invalid = tr("C2PA provenance INVALID: the manifest does not match this file or its signature fails (%1).")
        return proof + [tr_args(invalid, failures)]
    if status == "unreadable":
        return proof + [tr("C2PA provenance: the manifest could not be read.")]
    who = result.get("signer") or "?"
    if result.get("issuer"):
        who = f"{who} ({result['issuer']})"
    first = (tr_args(tr("C2PA provenance valid and trusted: signed by %1."), who) if status == "trusted" else
             tr_args(tr("C2PA provenance valid, but the signer is not trusted here: signed by %1."), who))
    lines = proof + [first]
    if result.get("claim_generator"):
        lines.append(tr_args(tr("Made with: %1"), result["claim_generator"]))
    if result.get("actions"):
        lines.append(tr_args(tr("Recorded edits: %1"), ", ".join(result["actions"])))
    return lines


def _status_line(record: dict | None) -> str | None:
    if record is None:
        return tr("Not read as a photo or video (attached before this version of Tawthiq).")
    status = record["capture"].get("status")
    return {
        "none": tr("The file says nothing about when, where or with what it was taken."),
        "not_media": tr("Not a photo or video Tawthiq reads."),
        "unreadable": tr("The file looks damaged or malformed: its metadata could not be read."),
        "too_large": tr("Too large to read in memory: its metadata was not read."),
        "extra_missing": tr("Not read: the media extra is not installed (pip install 'tawthiq[media]')."),
    }.get(str(status))


def describe(media: dict) -> list[str]:
    """Lines for the details label: what the file says, warnings, earlier sightings."""
    record = media["media"]
    lines = []
    status = _status_line(record)
    if status:
        lines.append(status)
    found = record["capture"] if record else {}
    if found.get("taken_at"):
        lines.append(tr_args(tr("Taken: %1 (from the file's own metadata, which can be wrong or edited)"),
                             fmt_datetime(found["taken_at"]) or found["taken_at"]))
    if found.get("gps"):
        lines.append(tr_args(tr("Place recorded in the file: %1, %2"), found["gps"]["lat"], found["gps"]["lon"]))
    camera = " ".join(found[k] for k in ("make", "model") if found.get(k))
    if camera:
        lines.append(tr_args(tr("Camera: %1"), camera))
    if found.get("software"):
        lines.append(tr_args(tr("Software: %1"), found["software"]))
    if found.get("duration_s") is not None:
        lines.append(tr_args(tr("Duration: %1 s"), fmt_int(round(found["duration_s"]))))
    if found.get("telemetry_track"):
        lines.append(tr("The video has a telemetry track (it may record positions)."))
    for warning in media["warnings"]:
        if warning["code"] == "taken_before_incident":
            lines.append(tr_args(tr("Warning: taken %1 days before the incident's date (%2)."),
                                 fmt_int(warning["days"]), fmt_date(warning["incident"])))
        elif warning["code"] == "far_from_place":
            lines.append(tr_args(tr("Warning: taken %1 km from the coordinates the case gives."),
                                 fmt_int(warning["km"])))
    lines += _provenance_lines(media.get("provenance"))
    if media["seen_before"]:
        first = media["seen_before"][0]
        when = fmt_date(first["seen_at"][:10])
        if first["seen_from"]:
            who = first["seen_from_name"] or first["seen_from"]
            text = (tr("Looks like a video received on %1 from %2.") if first["kind"] == "video"
                    else tr("Looks like a photo received on %1 from %2."))
            lines.append(tr_args(text, when, who))
        else:
            text = (tr("Looks like a video attached in this vault on %1.") if first["kind"] == "video"
                    else tr("Looks like a photo attached in this vault on %1."))
            lines.append(tr_args(text, when))
        if len(media["seen_before"]) > 1:
            lines.append(tr_args(tr("It looks like %1 earlier attachments in all."),
                                 fmt_int(len(media["seen_before"]))))
    return lines
