"""The coordinator's documenters: whose bundles this vault accepts, and trusting, revoking, reinstating.

The same steps as `tawthiq trust`: an identity file is read and its self-signature checked on the
background-task helper; the documenter's name and fingerprint are shown and the coordinator types
the fingerprint the documenter read to them (app/gui/fingerprint_check.py) before
`trust_list.trust`. Revoking asks first, naming the documenter; reinstating a revoked key needs its
fingerprint typed again (`trust --reinstate KEYID --fingerprint DIGITS`). Refusals — a revoked key
offered again, a wrong fingerprint, a different key under a trusted key id — are the service's one
line, and nothing changes. Names come from identity files: plain text only.

Emits: trust_changed() after a documenter was trusted, revoked or reinstated.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.fingerprint_check import FingerprintDialog, untrusted_text
from app.gui.i18n import QT_TRANSLATE_NOOP, fmt_datetime, tr, tr_args
from app.gui.refusals import user_text
from app.gui.session import Session
from app.gui.tasks import Task
from app.services.exchange import organisation_profile, trust_list
from storage.errors import TawthiqError

COLUMNS = (QT_TRANSLATE_NOOP("", "Documenter"), QT_TRANSLATE_NOOP("", "Key id"),
           QT_TRANSLATE_NOOP("", "Fingerprint"), QT_TRANSLATE_NOOP("", "Trusted since"),
           QT_TRANSLATE_NOOP("", "State"))
FINGERPRINT_COLUMN = 2


class _LeftToRight(QStyledItemDelegate):
    """Fingerprints read left to right in any language, as the keys view shows them: in a right-to-left
    table the digit groups would otherwise be laid out last group first (found on the Arabic screenshot)."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.direction = Qt.LayoutDirection.LeftToRight
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class TrustView(QWidget):
    trust_changed = Signal()

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.task: Task | None = None
        self.rows: list[dict] = []
        self.dialog: FingerprintDialog | None = None
        self.revoke_box: QMessageBox | None = None
        self.revoke_confirm: QPushButton | None = None  # the revoke box's button that names the documenter
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Bundles are imported only from the documenters listed here as trusted. Trust a "
                          "documenter's identity file after they read you their fingerprint; revoke a key "
                          "that may be in someone else's hands."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("documenters")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(FINGERPRINT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.fingerprint_delegate = _LeftToRight(self.table)
        self.table.setItemDelegateForColumn(FINGERPRINT_COLUMN, self.fingerprint_delegate)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.trust_button = QPushButton(tr("Trust identity file…"), self)
        self.trust_button.setObjectName("trust_identity")
        self.revoke_button = QPushButton(tr("Revoke…"), self)
        self.revoke_button.setObjectName("revoke")
        self.reinstate_button = QPushButton(tr("Reinstate…"), self)
        self.reinstate_button.setObjectName("reinstate")
        for button in (self.trust_button, self.revoke_button, self.reinstate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel(self)
        self.message.setObjectName("trust_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.trust_button.clicked.connect(self.choose_file)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.reinstate_button.clicked.connect(self.ask_reinstate)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    # ---- the list -------------------------------------------------------------------------------
    def refresh(self) -> None:
        vault = self.session.vault
        self.rows = trust_list.list_trusted(vault) if vault is not None else []
        self.table.setRowCount(len(self.rows))
        mono = QFont("monospace")
        for r, row in enumerate(self.rows):
            state = (tr_args(tr("revoked %1"), fmt_datetime(row["revoked_at"])) if row["revoked_at"]
                     else tr("trusted"))
            values = (untrusted_text(row["name"]) or tr("(no name)"), row["key_id"], row["fingerprint"],
                      fmt_datetime(row["trusted_at"]), state)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == FINGERPRINT_COLUMN:
                    item.setFont(mono)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._selection_changed()

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def select_key(self, key_id: str) -> None:
        for r, row in enumerate(self.rows):
            if row["key_id"] == key_id:
                self.table.selectRow(r)
                return

    def _selection_changed(self) -> None:
        row = self.selected()
        self.revoke_button.setEnabled(row is not None and not row["revoked_at"])
        self.reinstate_button.setEnabled(row is not None and bool(row["revoked_at"]))

    def _changed(self, text: str, key_id: str) -> None:
        self.refresh()
        self.select_key(key_id)
        self.message.setText(text)
        self.trust_changed.emit()

    # ---- trust an identity file -----------------------------------------------------------------
    def choose_file(self) -> None:
        source, _ = QFileDialog.getOpenFileName(self, tr("Documenter's identity file"), "", "",
                                                options=QFileDialog.Option.DontUseNativeDialog)
        if source:
            self.read_file(Path(source))

    def read_file(self, source: Path):
        """Read and check the identity file off the GUI thread; then ask for the fingerprint."""
        def work(task):
            return trust_list.read_identity(organisation_profile.read_small_file(str(source), "identity"))

        self.trust_button.setEnabled(False)
        self.message.setText(tr("Checking the identity file…"))
        self.task = self.session.runner.run(work, on_done=self._read, on_error=self._read_failed)
        return self.task

    def _read_failed(self, message: str) -> None:
        self.task = None
        self.trust_button.setEnabled(True)
        self.message.setText(tr_args(tr("Not trusted: %1"), message))

    def _read(self, candidate: organisation_profile.Candidate) -> None:
        self.task = None
        self.message.clear()
        dialog = FingerprintDialog(
            self, title=tr("Check the documenter's fingerprint"),
            intro=tr("Ask the documenter to read the fingerprint from their Keys view to you, in person or "
                     "by phone, and type it below. If any digit differs, do not trust this file."),
            details=[(tr("Documenter"), candidate.document.get("name", "")),
                     (tr("Key id"), candidate.signer.id_hex)],
            fingerprint=candidate.fingerprint, action=tr("Trust this documenter"))
        dialog.confirmed.connect(lambda typed: self._trust(candidate, typed))
        self._open(dialog)

    def _open(self, dialog: FingerprintDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, result: int) -> None:
        self.dialog = None
        self.trust_button.setEnabled(True)
        if result != FingerprintDialog.DialogCode.Accepted:
            self.message.setText(tr("Cancelled: nothing was changed."))

    def _trust(self, candidate: organisation_profile.Candidate, typed: str) -> None:
        vault, dialog = self.session.vault, self.dialog
        assert dialog is not None and vault is not None
        try:
            organisation_profile.confirm_fingerprint(candidate, typed)
            result = trust_list.trust(vault, candidate)
        except TawthiqError as exc:
            dialog.refuse(user_text(exc))
            return
        dialog.accept()
        self._changed(tr_args(tr("%1 is trusted: their bundles will be accepted."),
                              untrusted_text(result["name"]) or result["key_id"]), result["key_id"])

    # ---- revoke ---------------------------------------------------------------------------------
    def ask_revoke(self) -> None:
        row = self.selected()
        if row is None or row["revoked_at"]:
            return
        name = untrusted_text(row["name"]) or tr("(no name)")
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Revoke trust"),
                          tr_args(tr("Revoke trust in %1 (key %2)? Their bundles will be refused from now on, "
                                     "including any not yet imported. Cases already imported stay."),
                                  name, row["key_id"]),
                          QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        short = name if len(name) <= 40 else name[:39] + "…"
        self.revoke_confirm = box.addButton(tr_args(tr("Revoke %1"), short.replace("&", "&&")),
                                            QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        key_id = row["key_id"]
        box.finished.connect(lambda _result: self._revoke_answered(box, key_id))
        self.revoke_box = box
        box.open()

    def _revoke_answered(self, box: QMessageBox, key_id: str) -> None:
        confirmed = box.clickedButton() is self.revoke_confirm
        self.revoke_box = None
        if not confirmed:
            self.message.setText(tr("Not revoked: nothing was changed."))
            return
        assert self.session.vault is not None  # the view is deleted on lock
        try:
            trust_list.revoke(self.session.vault, key_id)
        except TawthiqError as exc:
            self.message.setText(user_text(exc))
            return
        self._changed(tr_args(tr("Trust in %1 revoked: their bundles will be refused."), key_id), key_id)

    # ---- reinstate ------------------------------------------------------------------------------
    def ask_reinstate(self) -> None:
        row = self.selected()
        if row is None or not row["revoked_at"]:
            return
        key_id = row["key_id"]
        dialog = FingerprintDialog(
            self, title=tr("Reinstate a revoked documenter"),
            intro=tr("Only reinstate a key revoked by mistake. Ask the documenter to read their fingerprint "
                     "to you again and type it below."),
            details=[(tr("Documenter"), row["name"]), (tr("Key id"), key_id)],
            fingerprint=row["fingerprint"], action=tr("Reinstate"))
        dialog.confirmed.connect(lambda typed: self._reinstate(key_id, typed))
        self._open(dialog)

    def _reinstate(self, key_id: str, typed: str) -> None:
        dialog = self.dialog
        assert dialog is not None and self.session.vault is not None
        try:
            result = trust_list.reinstate(self.session.vault, key_id, typed)
        except TawthiqError as exc:
            dialog.refuse(user_text(exc))
            return
        dialog.accept()
        self._changed(tr_args(tr("Trust in %1 reinstated: their bundles will be accepted again."), result["key_id"]),
                      result["key_id"])
