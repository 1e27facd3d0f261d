"""Witness views: the register, the witness editor, the consent editor (DESIGN.md section 5).

The identity fields are typed once: on save they are sealed (app.services.intake.witnesses), the inputs
are emptied, and from then on the editor shows only "sealed to the custodian" — it has no way to
show an identity, because the vault has none it can read (unless the documenter opted in to a
local copy, which the editor warns about and which is opened only from the command line, with a
reason, audited).

Widgets never write the vault directly except through app.services.intake.witnesses, and report back:
    WitnessEditor   Emits: saved(code), failed(one safe line)
    ConsentEditor   Emits: changed()
    WitnessRegisterView  Emits: saved(code), failed(one safe line)
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import date_edit_format, fmt_date, tr, tr_args
from app.gui.refusals import user_text
from app.gui.session import Session
from app.gui.text_edit import PlainTextEdit
from app.services.intake import consent as consent_rules
from app.services.intake import witnesses
from storage.errors import TawthiqError
from storage.vault import Vault


def _purpose_labels() -> dict[str, str]:
    return {
        "internal": tr("Internal analysis"),
        "partners": tr("Partner organisations"),
        "un": tr("UN mechanisms"),
        "courts": tr("Courts"),
        "publication": tr("Anonymised publication"),
    }


def _risk_labels() -> dict[str, str]:
    return {"unknown": tr("Unknown"), "low": tr("Low"), "medium": tr("Medium"), "high": tr("High")}


def _how_labels() -> dict[str, str]:
    return {"": tr("Not recorded"), "oral": tr("Oral"), "written": tr("Written"),
            "recorded": tr("Recorded (audio/video)"), "other": tr("Other")}


def consent_summary(consent: dict) -> str:
    if consent.get("withdrawn_on"):
        return tr_args(tr("Withdrawn on %1"), fmt_date(consent["withdrawn_on"]))
    if not consent.get("given"):
        return tr("No consent")
    labels = _purpose_labels()
    return ", ".join(labels[p] for p in consent.get("scope") or []) or tr("Given, no scope")


def sealed_summary(w: witnesses.Witness) -> str:
    if w.sealed_to == "custodian":
        text = tr("Sealed to the custodian")
    elif w.sealed_to == "vault":
        text = tr("Sealed to this vault until the organisation profile arrives")
    else:
        text = tr("No identity recorded")
    if w.has_local_copy:
        text += " · " + tr("a locally readable copy is kept")
    return text


class ConsentEditor(QWidget):
    """The consent record: given, how, when, by whom, scope, name disclosure, withdrawal."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.given = QCheckBox(tr("The witness gave consent"))
        self.how = QComboBox()
        for code, label in _how_labels().items():
            self.how.addItem(label, code)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_edit_format())
        self.recorded_by = QLineEdit()
        self.scope = {}
        scope_box = QWidget()
        scope_layout = QVBoxLayout(scope_box)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        for purpose, label in _purpose_labels().items():
            box = QCheckBox(label)
            self.scope[purpose] = box
            scope_layout.addWidget(box)
        self.name_disclosure = QCheckBox(tr("The name may be disclosed"))
        self.withdrawn = QCheckBox(tr("Consent withdrawn"))
        self.withdrawn_on = QDateEdit(QDate.currentDate())
        self.withdrawn_on.setCalendarPopup(True)
        self.withdrawn_on.setDisplayFormat(date_edit_format())
        self.withdrawn_on.setEnabled(False)
        form.addRow(self.given)
        form.addRow(tr("How"), self.how)
        form.addRow(tr("When"), self.date)
        form.addRow(tr("Recorded by"), self.recorded_by)
        form.addRow(tr("Scope of use"), scope_box)
        form.addRow(self.name_disclosure)
        form.addRow(self.withdrawn, self.withdrawn_on)
        self.withdrawn.toggled.connect(self.withdrawn_on.setEnabled)
        for box in (self.given, self.name_disclosure, self.withdrawn, *self.scope.values()):
            box.toggled.connect(self.changed)
        self.given.toggled.connect(self._given_toggled)
        self._given_toggled(False)

    def _given_toggled(self, given: bool) -> None:
        for widget in (self.how, self.date, self.recorded_by, self.name_disclosure, *self.scope.values()):
            widget.setEnabled(given)

    def consent(self) -> dict:
        given = self.given.isChecked()
        return consent_rules.check_consent({
            "given": given,
            "how": self.how.currentData() if given else "",
            "date": self.date.date().toString("yyyy-MM-dd") if given else "",
            "recorded_by": self.recorded_by.text().strip() if given else "",
            "scope": [p for p, box in self.scope.items() if box.isChecked()] if given else [],
            "name_disclosure": given and self.name_disclosure.isChecked(),
            "withdrawn_on": self.withdrawn_on.date().toString("yyyy-MM-dd") if self.withdrawn.isChecked() else None,
        })

    def set_consent(self, consent: dict) -> None:
        c = consent_rules.check_consent(consent)
        self.given.setChecked(c["given"])
        self.how.setCurrentIndex(max(0, self.how.findData(c["how"])))
        if c["date"]:
            self.date.setDate(QDate.fromString(c["date"], "yyyy-MM-dd"))
        self.recorded_by.setText(c["recorded_by"])
        for purpose, box in self.scope.items():
            box.setChecked(purpose in c["scope"])
        self.name_disclosure.setChecked(c["name_disclosure"])
        self.withdrawn.setChecked(bool(c["withdrawn_on"]))
        if c["withdrawn_on"]:
            self.withdrawn_on.setDate(QDate.fromString(c["withdrawn_on"], "yyyy-MM-dd"))


class WitnessEditor(QWidget):
    """A new witness (identity typed once, then sealed) or an existing one (identity shown sealed)."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, vault, code: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self.code = code
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)

        register = QGroupBox(tr("Register"))
        form = QFormLayout(register)
        self.alias = QLineEdit()
        self.alias.setPlaceholderText(tr("A name the witness chose, e.g. Catherine"))
        self.relation = QLineEdit()
        self.risk = QComboBox()
        for value, label in _risk_labels().items():
            self.risk.addItem(label, value)
        self.follow_up = PlainTextEdit()
        self.follow_up.setFixedHeight(60)
        form.addRow(tr("Alias"), self.alias)
        form.addRow(tr("Relation to the victim(s)"), self.relation)
        form.addRow(tr("Risk"), self.risk)
        form.addRow(tr("Follow-up needs"), self.follow_up)
        layout.addWidget(register)

        self.identity_box = QGroupBox(tr("Real identity (sealed when saved)"))
        iform = QFormLayout(self.identity_box)
        self.identity = {}
        labels = {"name_ar": tr("Full name (Arabic)"), "name_latin": tr("Full name (Latin)"),
                  "phone": tr("Phone"), "address": tr("Address"), "other_contact": tr("Other contact")}
        for field in witnesses.IDENTITY_FIELDS:
            edit = QLineEdit()
            # No dragging the identity out into another program.
            edit.setDragEnabled(False)
            if field == "name_ar":
                edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            self.identity[field] = edit
            iform.addRow(labels[field], edit)
        self.keep_local_copy = QCheckBox(tr("Also keep a locally readable copy for follow-up"))
        self.local_warning = QLabel(tr(
            "Warning: anyone who makes you unlock this laptop, for example at a checkpoint, can then "
            "read this witness's identity. Keep a local copy only if you must follow up yourself."))
        self.local_warning.setWordWrap(True)
        self.local_warning.setVisible(False)
        self.keep_local_copy.toggled.connect(self.local_warning.setVisible)
        iform.addRow(self.keep_local_copy)
        iform.addRow(self.local_warning)
        layout.addWidget(self.identity_box)
        self.sealed_label = QLabel()
        self.sealed_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.sealed_label)

        consent_box = QGroupBox(tr("Consent"))
        QVBoxLayout(consent_box).addWidget(consent_editor := ConsentEditor())
        self.consent = consent_editor
        layout.addWidget(consent_box)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._load()

    def _load(self) -> None:
        if self.code is None:
            self.heading.setText(tr("New witness"))
            self.identity_box.setVisible(True)
            self.sealed_label.setVisible(False)
            return
        w = witnesses.get_witness(self.vault, self.code)
        self.heading.setText(f"{w.code}  {w.alias}")
        self.alias.setText(w.alias)
        self.relation.setText(w.relation)
        self.risk.setCurrentIndex(max(0, self.risk.findData(w.risk)))
        self.follow_up.setPlainText(w.follow_up)
        self.consent.set_consent(w.consent)
        self._show_sealed(w)
        if w.origin:  # received from a documenter: theirs to change, shown read-only here
            for widget in (self.alias, self.relation, self.risk, self.follow_up, self.consent, self.save_button):
                widget.setEnabled(False)

    def _show_sealed(self, w: witnesses.Witness) -> None:
        for edit in self.identity.values():
            edit.clear()
        self.keep_local_copy.setChecked(False)
        self.identity_box.setVisible(False)
        self.sealed_label.setText(tr_args(tr("Identity: %1"), sealed_summary(w)))
        self.sealed_label.setVisible(True)

    def save(self) -> None:
        register = {"alias": self.alias.text(), "relation": self.relation.text(),
                    "risk": self.risk.currentData(), "follow_up": self.follow_up.toPlainText()}
        try:
            consent = self.consent.consent()
            if self.code is None:
                identity = {f: e.text() for f, e in self.identity.items()}
                self.code = witnesses.add_witness(self.vault, {
                    **register, "consent": consent, "identity": identity,
                    "keep_local_copy": self.keep_local_copy.isChecked()})
                del identity
            else:
                witnesses.update_witness(self.vault, self.code, register)
                witnesses.set_consent(self.vault, self.code, consent)
        except TawthiqError as exc:
            self.error.setText(user_text(exc))
            self.failed.emit(user_text(exc))
            return
        self.error.clear()
        w = witnesses.get_witness(self.vault, self.code)
        self.heading.setText(f"{w.code}  {w.alias}")
        self._show_sealed(w)
        self.saved.emit(self.code)


class WitnessRegisterView(QWidget):
    """The register: pseudonyms, aliases, risk, consent and where the identity is sealed."""

    saved = Signal(str)
    failed = Signal(str)
    COLUMNS = ("code", "alias", "risk", "consent", "identity")

    def __init__(self, session: Session | Vault, parent: QWidget | None = None):
        super().__init__(parent)
        # The main window passes its Session; tests and other callers may pass a Vault directly.
        vault = session.vault if isinstance(session, Session) else session
        assert vault is not None  # views are built after unlock and deleted on lock
        self.vault: Vault = vault
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(tr("New witness"))
        self.new_button.clicked.connect(self.new_witness)
        # Witnesses are entered by the documenter who met them; a coordinator receives them.
        self.new_button.setVisible(self.vault.role != "coordinator")
        bar.addWidget(self.new_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.splitter = QSplitter()
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [tr("Pseudonym"), tr("Alias"), tr("Risk"), tr("Consent"), tr("Identity")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)  # row numbers: meaningless here, in Latin digits
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.splitter.addWidget(self.table)
        self.editor: WitnessEditor | None = None
        layout.addWidget(self.splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        rows = witnesses.list_witnesses(self.vault)
        risks = _risk_labels()
        # Rebuilding the rows must not look like the user picking another witness.
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, w in enumerate(rows):
            values = (w.code, w.alias, risks.get(w.risk, w.risk), consent_summary(w.consent), sealed_summary(w))
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, w.code)
                self.table.setItem(i, j, item)
        self.table.blockSignals(blocked)

    def codes(self) -> list[str]:
        return [item.text() for i in range(self.table.rowCount()) if (item := self.table.item(i, 0)) is not None]

    def _open_editor(self, code: str | None) -> WitnessEditor:
        if self.editor is not None:
            self.editor.setParent(None)
            self.editor.deleteLater()
        self.editor = WitnessEditor(self.vault, code)
        self.editor.saved.connect(self._saved)
        self.editor.failed.connect(self.failed)
        self.splitter.addWidget(self.editor)
        return self.editor

    def new_witness(self) -> WitnessEditor:
        self.table.clearSelection()
        return self._open_editor(None)

    def open_witness(self, code: str) -> WitnessEditor:
        return self._open_editor(code)

    def _selection_changed(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.open_witness(items[0].data(Qt.ItemDataRole.UserRole))

    def _saved(self, code: str) -> None:
        self.refresh()
        self.saved.emit(code)
