"""The documenter's organisation view: the profile in force, and "Import organisation profile…".

The same steps as `tawthiq profile import FILE --fingerprint DIGITS`: the file is read and checked
(signature, recipients, the organisation's terms and places) on the background-task helper; the
coordinator's name and fingerprint are shown and the documenter types the fingerprint read to
them (app/gui/fingerprint_check.py); only then does `organisation_profile.import_profile` store it, on the
helper again. A changed coordinator key or an older profile is refused by the service with one
line, and nothing changes. The terms and places are in force in the open session at once
(import_profile installs them), so the editor shows them without a restart.

Emits: profile_imported(summary dict from organisation_profile.profile_summary).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.fingerprint_check import FingerprintDialog, fingerprint_label, untrusted_text
from app.gui.i18n import fmt_datetime, fmt_int, tr, tr_args
from app.gui.refusals import user_text
from app.gui.session import Session
from app.gui.style import set_tone
from app.gui.tasks import Task
from app.services.exchange import organisation_profile
from storage.errors import TawthiqError


class ProfileView(QWidget):
    profile_imported = Signal(object)

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.task: Task | None = None
        self.dialog: FingerprintDialog | None = None
        self.candidate: organisation_profile.Candidate | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Your coordinator's organisation profile: where your bundles go, the custodian of "
                          "witness identities, and the organisation's own terms and places. Import it once, "
                          "and again whenever your coordinator sends a newer one."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = QFormLayout()
        layout.addLayout(self.summary)
        row = QHBoxLayout()
        self.import_button = QPushButton(tr("Import organisation profile…"), self)
        self.import_button.setObjectName("import_profile")
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setObjectName("profile_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.import_button.clicked.connect(self.choose_file)
        self.refresh()

    # ---- what is in force -----------------------------------------------------------------------
    def refresh(self) -> None:
        while self.summary.rowCount():
            self.summary.removeRow(0)
        vault = self.session.vault
        if vault is None:
            return
        try:
            current = organisation_profile.profile_summary(vault)
        except organisation_profile.NoProfile:
            none = QLabel(tr("No organisation profile has been imported yet: bundles cannot be exported until "
                             "one is."), self)
            none.setWordWrap(True)
            self.summary.addRow(none)
            return
        self._row(tr("Organisation"), untrusted_text(current["organisation"]))
        self._row(tr("Coordinator key id"), current["coordinator_key_id"])
        self.summary.addRow(tr("Coordinator fingerprint"), fingerprint_label(current["coordinator_fingerprint"], self))
        self._row(tr("Profile number"), fmt_int(current["serial"]))
        data = current["organisation_data"]
        self._row(tr("Organisation terms and places"),
                  tr_args(tr("%1, %2"), tr("%Ln terms", None, data.get("terms", 0)),
                          tr("%Ln places", None, data.get("places", 0))))
        self._row(tr("Imported"), fmt_datetime(current["imported_at"]))

    def _row(self, name: str, value: str) -> None:
        label = QLabel(value, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.addRow(name, label)

    # ---- import ---------------------------------------------------------------------------------
    def choose_file(self) -> None:
        source, _ = QFileDialog.getOpenFileName(self, tr("Organisation profile to import"), "", "",
                                                options=QFileDialog.Option.DontUseNativeDialog)
        if source:
            self.read_file(Path(source))

    def read_file(self, source: Path):
        """Read and check the file off the GUI thread; then ask for the fingerprint."""
        def work(task):
            return organisation_profile.read_profile(organisation_profile.read_small_file(str(source), "profile"))

        self.import_button.setEnabled(False)
        self.message.setText(tr("Checking the profile…"))
        self.task = self.session.runner.run(work, on_done=self._read, on_error=self._failed)
        return self.task

    def _read(self, candidate: organisation_profile.Candidate) -> None:
        self.task = None
        self.candidate = candidate
        self.message.clear()
        self.dialog = FingerprintDialog(
            self, title=tr("Check the coordinator's fingerprint"),
            intro=tr("Ask your coordinator to read their fingerprint to you, in person or by phone, and type it "
                     "below. If any digit differs, do not import this profile: it may come from someone else."),
            details=[(tr("Organisation"), candidate.document.get("organisation", "")),
                     (tr("Coordinator key id"), candidate.signer.id_hex)],
            fingerprint=candidate.fingerprint, action=tr("Import the profile"))
        self.dialog.confirmed.connect(self.confirm)
        self.dialog.rejected.connect(self._dialog_cancelled)
        self.dialog.open()

    def confirm(self, typed: str):
        """The typed fingerprint against the file's key; on a match, import on the helper."""
        candidate, vault, dialog = self.candidate, self.session.vault, self.dialog
        assert candidate is not None and dialog is not None and vault is not None
        try:
            organisation_profile.confirm_fingerprint(candidate, typed)
        except TawthiqError as exc:
            dialog.refuse(user_text(exc))
            return None
        dialog.accept()
        self.dialog = None
        self.message.setText(tr("Importing the profile…"))
        self.task = self.session.runner.run(lambda task: organisation_profile.import_profile(vault, candidate),
                                            vault=vault, on_done=self._imported, on_error=self._failed)
        return self.task

    def _dialog_cancelled(self) -> None:
        self.dialog = None
        self.candidate = None
        self.import_button.setEnabled(True)
        self.message.setText(tr("Not imported: nothing was changed."))

    def _imported(self, summary: dict) -> None:
        self.task = None
        self.candidate = None
        self.import_button.setEnabled(True)
        self.refresh()
        data = summary["organisation_data"]
        text = tr_args(tr("Profile %1 imported; the organisation's %2 and %3 are in force now."),
                       fmt_int(summary["serial"]), tr("%Ln terms", None, data.get("terms", 0)),
                       tr("%Ln places", None, data.get("places", 0)))
        assert self.session.vault is not None  # the view is deleted on lock
        missing = organisation_profile.forms_not_here(self.session.vault)
        if missing:
            named = ", ".join(f"{form} v{version}" for form, version in sorted(missing.items()))
            text += " " + tr_args(tr("Your coordinator uses forms this program does not have (%1): install the newer "
                             "Tawthiq."), named)
        self.message.setText(text)
        self.profile_imported.emit(summary)

    def _failed(self, message: str) -> None:
        self.task = None
        self.candidate = None
        self.import_button.setEnabled(True)
        self.message.setText(tr_args(tr("Not imported: %1"), message))
        set_tone(self.message, "error")
