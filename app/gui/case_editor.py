"""The case editor, generated from the case's form definition.

Nothing typed is lost: every change restarts a short timer; when it fires the case is saved
through app.services.intake.cases.save_draft (a draft version, overwritten by later autosaves),
which validates it once. While the form's rules refuse the body (a required field still empty)
the service keeps it as the case's unfinished draft, restored when the case is opened again; the
inline messages say what is missing. On lock the editor saves before the vault closes
(Session.locking).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.gui import form_source
from app.gui.attachments_panel import AttachmentsPanel
from app.gui.form_widgets import FieldsForm
from app.gui.i18n import current_language, fmt_datetime, fmt_int, tr, tr_args
from app.gui.session import Session
from app.gui.text_edit import PlainTextEdit
from app.gui.vocabulary import pick
from app.services.intake import cases
from forms.validation import Problem

AUTOSAVE_MS = 800


def build_sections(definition: dict, parent: QWidget, layout: QVBoxLayout) -> list[FieldsForm]:
    """One box per section of the form, its fields inside (the version view renders the same)."""
    forms = []
    for section in definition.get("sections", []):
        box = QGroupBox(pick(section.get("labels"), section["id"]), parent)
        box.setObjectName(f"section_{section['id']}")
        box_layout = QVBoxLayout(box)
        form = FieldsForm(list(section.get("fields", [])), box)
        box_layout.addWidget(form)
        layout.addWidget(box)
        forms.append(form)
    return forms


class CaseEditor(QWidget):
    """Emits closed() (back to the list), saved(case id, version), sealed(case id, version),
    version_requested(case id, version) (show that version read-only)."""

    closed = Signal()
    saved = Signal(str, int)
    sealed = Signal(str, int)
    version_requested = Signal(str, int)

    def __init__(self, session: Session, case_id: str | None = None, form: str | None = None):
        super().__init__()
        self.session = session
        self.case_id = case_id
        self.status = "draft"
        self.dirty = False
        self._loading = False
        vault = session.vault
        assert vault is not None
        body: dict = {}
        if case_id:
            body = cases.get_case(vault, case_id)
            meta = body.pop("_meta", {})
            self.status = meta.get("status", "draft")
            form = body.get("form")
        kept = cases.unfinished(vault, case_id)
        if not case_id and kept is not None and isinstance(kept.get("form"), str):
            # One unfinished new case is kept at a time: it opens whatever kind was asked for now,
            # since a blank form of another kind would overwrite it at the first autosave.
            form = kept["form"]
        assert form is not None
        self.definition = form_source.load_definition(form, body.get("form_version") if case_id else None)
        if not case_id:
            body = form_source.blank_case(self.definition)
        if kept is not None:
            body = kept
        # A case received from a documenter (coordinator vault) is their record: shown read-only,
        # so nothing done here can make a local version of it.
        self.received_from = cases.received_from(vault, case_id) if case_id else None
        self._build()
        self._load(body)
        self.notice.setText(tr("Unsaved changes from last time were restored.") if kept is not None else "")
        if self.received_from is not None:
            self._make_read_only()
        self.attachments.set_case(case_id)
        self._refresh_header()
        self._refresh_history()
        session.locking.connect(self.flush)
        self._first_input = self._first_field_input()

    def _first_field_input(self) -> QWidget | None:
        """The first field's input (the title): where typing goes when the editor opens."""
        for form in self.sections:
            for widget in form.widgets.values():
                edit = getattr(widget, "edit", None)
                if isinstance(edit, QWidget) and not self.read_only:
                    return edit
        return None

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self._back()
            return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        focused = self.focusWidget()
        if self._first_input is not None and (focused is None or not self.isAncestorOf(focused)):
            self._first_input.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton(tr("Back to cases"), self)
        self.back_button.setObjectName("back")
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.state = QLabel(self)
        self.state.setObjectName("save_state")
        self.save_button = QPushButton(tr("Save now"), self)
        self.save_button.setObjectName("save")
        self.seal_button = QPushButton(tr("Seal this version"), self)
        self.seal_button.setObjectName("seal")
        self.seal_button.setToolTip(tr("Freeze this version: it can never change again; "
                                       "a later edit makes a new version."))
        for w in (self.back_button, self.heading):
            top.addWidget(w)
        top.addStretch(1)
        for w in (self.state, self.save_button, self.seal_button):
            top.addWidget(w)
        outer.addLayout(top)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        outer.addWidget(self.notice)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        inner = QWidget(self.scroll_area)
        self.inner_layout = QVBoxLayout(inner)
        self.sections = build_sections(self.definition, inner, self.inner_layout)
        self._section_keys: set[str] = set()
        for form in self.sections:
            form.changed.connect(self._changed)
            self._section_keys.update(form.widgets)
        att_box = QGroupBox(tr("Attachments"), inner)
        att_layout = QVBoxLayout(att_box)
        self.attachments = AttachmentsPanel(self.session, self.ensure_saved, att_box)
        att_layout.addWidget(self.attachments)
        self.inner_layout.addWidget(att_box)
        history_box = QGroupBox(tr("Versions"), inner)
        history_layout = QVBoxLayout(history_box)
        self.history = QListWidget(history_box)
        self.history.setObjectName("history")
        self.history.setMaximumHeight(120)
        self.open_version_button = QPushButton(tr("Open this version (read-only)"), history_box)
        self.open_version_button.setObjectName("open_version")
        self.open_version_button.setEnabled(False)
        history_layout.addWidget(self.history)
        history_layout.addWidget(self.open_version_button, 0, Qt.AlignmentFlag.AlignLeading)
        self.inner_layout.addWidget(history_box)
        self.inner_layout.addStretch(1)
        self.scroll_area.setWidget(inner)
        outer.addWidget(self.scroll_area, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        self.back_button.clicked.connect(self._back)
        # The keyboard path (docs/gui.md): Ctrl+S saves now, Escape goes back to the list (saving;
        # keyPressEvent: a shortcut would also take the Escape meant for the seal dialog).
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(within)
        save.activated.connect(self.save_now)
        self.save_button.setToolTip(tr("Save now (Ctrl+S)"))
        self.back_button.setToolTip(tr("Back to cases (Esc)"))
        self.save_button.clicked.connect(self.save_now)
        self.seal_button.clicked.connect(self.seal)
        # Bound slots, not lambdas holding self (see app/gui/tasks.py on reference cycles).
        self.history.currentRowChanged.connect(self._history_row_changed)
        self.history.itemActivated.connect(self.open_version)
        self.open_version_button.clicked.connect(self.open_version)

    def field(self, path: str):
        """The widget of a top-level field (tests and the validator's messages use it)."""
        for form in self.sections:
            if path in form.widgets:
                return form.widgets[path]
        raise KeyError(path)

    def _make_read_only(self) -> None:
        from app.gui.case_version_view import make_read_only

        for form in self.sections:
            make_read_only(form)
        for button in (self.save_button, self.seal_button, self.attachments.add_button):
            button.setVisible(False)
        self.attachments.setAcceptDrops(False)
        self.notice.setText(tr_args(tr("Received from %1: read-only here. Only its documenter changes it; a change "
                                       "arrives as a new version in their next bundle. Your own notes go beside "
                                       "it: Annotate."), self.received_from or ""))
        self._show_custody()
        self._build_annotations()

    # ---- the coordinator's notes on a received case ------------------------------------------------
    def _build_annotations(self) -> None:
        """Read-only by default; "Annotate" opens a box for the coordinator's own note, kept beside
        the documenter's signed version (app.services.intake.annotations), never in it."""
        box = QGroupBox(tr("Your notes on this case"), self)
        box.setObjectName("annotations")
        layout = QVBoxLayout(box)
        explain = QLabel(tr("Kept as your own record beside the documenter's signed version, which they never "
                            "change. Notes are added, never edited."), box)
        explain.setWordWrap(True)
        self.annotation_list = QListWidget(box)
        self.annotation_list.setObjectName("annotation_list")
        self.annotation_list.setWordWrap(True)
        self.annotation_list.setMaximumHeight(140)
        self.annotate_button = QPushButton(tr("Annotate"), box)
        self.annotate_button.setObjectName("annotate")
        self.annotation_text = PlainTextEdit(box)
        self.annotation_text.setObjectName("annotation_text")
        self.annotation_text.setMaximumHeight(100)
        self.add_note_button = QPushButton(tr("Add the note"), box)
        self.add_note_button.setObjectName("add_note")
        self.cancel_note_button = QPushButton(tr("Cancel"), box)
        self.annotation_state = QLabel(box)
        self.annotation_state.setObjectName("annotation_state")
        self.annotation_state.setTextFormat(Qt.TextFormat.PlainText)
        self.annotation_state.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.annotate_button, self.add_note_button, self.cancel_note_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for part in (explain, self.annotation_list, self.annotation_text):
            layout.addWidget(part)
        layout.addLayout(buttons)
        layout.addWidget(self.annotation_state)
        self.annotate_button.clicked.connect(self.start_annotating)
        self.add_note_button.clicked.connect(self.add_note)
        self.cancel_note_button.clicked.connect(self._stop_annotating)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.custody) + 1, box)
        self._stop_annotating()
        self._refresh_annotations()

    def _refresh_annotations(self) -> None:
        from app.services.intake import annotations

        vault = self.session.vault
        if vault is None or self.case_id is None:
            return
        self.annotation_list.clear()
        for note in annotations.list_annotations(vault, self.case_id):
            item = QListWidgetItem(tr_args(tr("%1 · %2 · on version %3\n%4"), note.author,
                                           fmt_datetime(note.created_at), fmt_int(note.version), note.note))
            self.annotation_list.addItem(item)
        self.annotation_list.setVisible(self.annotation_list.count() > 0)

    @property
    def annotating(self) -> bool:
        return self.received_from is not None and self.annotation_text.isVisible()

    def start_annotating(self) -> None:
        self.annotation_text.setVisible(True)
        self.add_note_button.setVisible(True)
        self.cancel_note_button.setVisible(True)
        self.annotate_button.setVisible(False)
        self.annotation_state.setText("")
        self.annotation_text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _stop_annotating(self) -> None:
        self.annotation_text.clear()
        for w in (self.annotation_text, self.add_note_button, self.cancel_note_button):
            w.setVisible(False)
        self.annotate_button.setVisible(True)

    def add_note(self) -> None:
        from app.gui.refusals import user_text
        from app.services.intake import annotations
        from storage.errors import TawthiqError

        vault = self.session.vault
        if vault is None or self.case_id is None:
            return
        try:
            annotations.annotate(vault, self.case_id, self.annotation_text.toPlainText())
        except TawthiqError as exc:
            self.annotation_state.setText(user_text(exc))
            return
        self._stop_annotating()
        self._refresh_annotations()
        self.annotation_state.setText(tr("Note added. The documenter's version is unchanged."))

    def _show_custody(self) -> None:
        """One line: do the stored versions still match what their documenter signed (issue 14)?"""
        from app.services.exchange import received_evidence

        vault = self.session.vault
        assert vault is not None and self.case_id is not None
        check = received_evidence.recheck_case(vault, self.case_id)
        self.custody = QLabel(self)
        self.custody.setObjectName("custody")
        self.custody.setTextFormat(Qt.TextFormat.PlainText)
        self.custody.setWordWrap(True)
        if check.problems:
            self.custody.setText(tr_args(tr("Signature check FAILED: %Ln of the %1 versions are not what their "
                                            "documenter signed (`tawthiq verify-vault` names them).", None,
                                            len(check.problems)), fmt_int(check.versions)))
        else:
            self.custody.setText(tr("Signature checked: every version is what its documenter signed."))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.notice) + 1, self.custody)

    @property
    def read_only(self) -> bool:
        return self.received_from is not None

    # ---- the body --------------------------------------------------------------------------------
    def _load(self, body: dict) -> None:
        # Filling the widgets emits their change signals: that is not an edit and must not save
        # (it would turn a sealed case into a new draft version).
        self._loading = True
        try:
            self._base = {k: v for k, v in body.items() if k not in self._section_keys}
            for form in self.sections:
                form.set_value({k: body[k] for k in form.widgets if k in body})
        finally:
            self._loading = False
        self.dirty = False

    def body(self) -> dict:
        body = dict(self._base)
        for form in self.sections:
            body.update(form.value())
        body["form"] = self.definition["id"]
        body["form_version"] = self.definition.get("version", 1)
        if self.case_id:
            body["id"] = self.case_id
        return body

    # ---- saving ----------------------------------------------------------------------------------
    def _changed(self) -> None:
        if self._loading or self.read_only:
            return
        self.dirty = True
        self.state.setText(tr("Editing…"))
        self._timer.start()

    def save_now(self) -> bool:
        """Save the case (a draft version); if the form refuses it yet, the service keeps it unfinished."""
        self._timer.stop()
        vault = self.session.vault
        if vault is None or self.read_only:
            return False
        outcome = cases.save_draft(vault, self.body(), self.case_id, current_language())
        self._show_problems(outcome.problems)
        self.dirty = False
        if outcome.case_id is None or outcome.version is None:
            self.state.setText(tr("Draft kept in the vault; fill in the marked fields to save the case."))
            return False
        case_id, version = outcome.case_id, outcome.version
        self.case_id = case_id
        self.status = "draft"
        self.dirty = False
        self.notice.setText("")
        self.state.setText(tr_args(tr("Saved (version %1)"), fmt_int(version)))
        self._refresh_header()
        self._refresh_history()
        self.saved.emit(case_id, version)
        return True

    def ensure_saved(self) -> str | None:
        if self.case_id is None or self.dirty:
            self.save_now()
        return self.case_id

    def flush(self) -> None:
        """Save what is typed now (on lock, on leaving the editor)."""
        if self.dirty or self._timer.isActive():
            self.save_now()

    def _show_problems(self, problems: list[Problem]) -> None:
        by_path: dict[str, str] = {}
        for problem in problems:
            path, message = problem.path, problem.message
            by_path[path] = (by_path[path] + "\n" + message) if path in by_path else message
        for form in self.sections:
            form.set_problems(by_path, "")

    # ---- sealing and history -----------------------------------------------------------------------
    def seal(self) -> None:
        """Seal the current version, after the person confirms what sealing means."""
        if self.read_only:
            return
        self.flush()
        if self.case_id is None or self.dirty:
            self.state.setText(tr("The case cannot be sealed until it is saved."))
            return
        if self.status == "sealed":
            return
        if not self._confirm_seal():
            self.state.setText(tr("Not sealed."))
            return
        assert self.session.vault is not None  # the editor is deleted on lock
        version = cases.seal_case(self.session.vault, self.case_id)
        self.status = "sealed"
        self.state.setText(tr_args(tr("Version %1 sealed"), fmt_int(version)))
        self._refresh_header()
        self._refresh_history()
        self.sealed.emit(self.case_id, version)

    def _confirm_seal(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, tr("Seal this version?"),
                          tr("Sealing freezes this version of the case: it can never be changed again. "
                             "A later edit makes a new version, and the sealed one stays as it is, as "
                             "evidence of what was recorded on this date. Seal it now?"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("seal_confirmation")
        seal = box.addButton(tr("Seal"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(seal)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is seal

    def _refresh_header(self) -> None:
        form = pick(self.definition.get("labels"), self.definition["id"])
        status = tr("sealed") if self.status == "sealed" else tr("draft")
        self.heading.setText(f"{form} — {status}")

    def _refresh_history(self) -> None:
        self.history.clear()
        if not self.case_id or self.session.vault is None:
            return
        for row in cases.case_history(self.session.vault, self.case_id):
            status = tr("sealed") if row["status"] == "sealed" else tr("draft")
            item = QListWidgetItem(tr_args(tr("Version %1 · %2 · %3"), fmt_int(row["version"]), status,
                                           fmt_datetime(row["saved_at"])))
            item.setData(Qt.ItemDataRole.UserRole, row["version"])
            self.history.addItem(item)
        self.open_version_button.setEnabled(False)

    def _history_row_changed(self, row: int) -> None:
        self.open_version_button.setEnabled(row >= 0)

    def open_version(self, *_args) -> None:
        """Ask the window to show the selected version read-only (saving what is typed first)."""
        item = self.history.currentItem()
        if item is None or self.case_id is None:
            return
        self.flush()
        self.version_requested.emit(self.case_id, int(item.data(Qt.ItemDataRole.UserRole)))

    def _back(self) -> None:
        if self.received_from is not None and self.annotating and self.annotation_text.toPlainText().strip():
            # A note being written is not thrown away by Escape or Back: it is added or cancelled.
            self.annotation_state.setText(tr("Add the note or cancel it first."))
            self.annotation_text.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.flush()
        self.closed.emit()

    def deleteLater(self) -> None:  # noqa: N802 - Qt's name
        self._timer.stop()
        super().deleteLater()



