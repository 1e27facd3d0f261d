"""One earlier version of a case, read-only, and what changed since it.

Opened from the editor's list of versions. The fields are the editor's own widgets for the form
version the case was written with, filled with that version's body and then made read-only:
text can be selected (and copied) but not changed, pickers are disabled, Add and Remove are gone.
Nothing here saves: the widgets' change signals are connected to nothing.

Below them, the changes from this version to the current one, one row per field:
app.services.intake.case_versions.compare_versions, shown with the form's labels and vocabulary terms.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui import form_source
from app.gui.case_editor import build_sections
from app.gui.form_widgets import NAME_PARTS, FieldsForm, name_part_label
from app.gui.i18n import fmt_datetime, fmt_int, is_rtl, tr, tr_args
from app.gui.session import Session
from app.gui.text_edit import PlainTextEdit
from app.gui.vocabulary import pick
from app.services.intake import case_versions, cases

NOTHING = "—"


class CaseVersionView(QWidget):
    """Emits closed() when the person goes back to the case."""

    closed = Signal()

    def __init__(self, session: Session, case_id: str, version: int):
        super().__init__()
        vault = session.vault
        assert vault is not None
        self.case_id = case_id
        self.version = version
        body = case_versions.read_version(vault, case_id, version)
        meta = body.pop("_meta")
        self.meta = meta
        self.current_version = int(meta["current_version"])
        self.status = meta["status"]
        # The version is read once: compared as it is, against the current version read once more.
        current = body if version == self.current_version else cases.get_case(vault, case_id)
        self.changes = case_versions.compare_bodies(body, current)
        self.definition = form_source.load_definition(body["form"], body.get("form_version"))
        self._build(meta)
        for form in self.sections:
            form.set_value({k: body[k] for k in form.widgets if k in body})
        make_read_only(self.fields_box)
        self._fill_changes()
        # When it was sealed is in the audit log, read whole (app/services/intake/case_versions.py).
        self.sealed_at: str | None = None  # "" once known to be unknown (sealed elsewhere)
        if self.status == "sealed":
            session.runner.run(partial(_read_sealed_at, vault, case_id, version),
                               vault=vault, on_done=self._sealed_at_known)

    def _sealed_at_known(self, when: str | None) -> None:
        self.sealed_at = when or ""
        self.banner.setText(banner_text(self.version, dict(self.meta, sealed_at=self.sealed_at)))

    # ---- layout ----------------------------------------------------------------------------------
    def _build(self, meta: dict) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton(tr("Back to the case"), self)
        self.back_button.setObjectName("back_to_case")
        self.back_button.clicked.connect(self.closed)
        self.banner = QLabel(banner_text(self.version, meta), self)
        self.banner.setObjectName("version_banner")
        self.banner.setStyleSheet("font-weight: bold; padding: 6px; background: #fff4d6; color: #5c4400")
        self.banner.setWordWrap(True)
        top.addWidget(self.back_button)
        top.addWidget(self.banner, 1)
        outer.addLayout(top)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        inner = QWidget(scroll)
        layout = QVBoxLayout(inner)
        self.changes_box = QGroupBox(tr("Changed since this version"), inner)
        self.changes_box.setObjectName("changes_box")
        box_layout = QVBoxLayout(self.changes_box)
        self.changes_note = QLabel(self.changes_box)
        self.changes_note.setObjectName("changes_note")
        self.changes_note.setWordWrap(True)
        self.changes_table = QTableWidget(0, 3, self.changes_box)
        self.changes_table.setObjectName("changes")
        self.changes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes_table.verticalHeader().setVisible(False)
        self.changes_table.setWordWrap(True)
        self.changes_table.setMinimumHeight(120)
        header = self.changes_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Row heights follow the wrapped text once the columns have their real widths.
        header.sectionResized.connect(self._columns_resized)
        box_layout.addWidget(self.changes_note)
        box_layout.addWidget(self.changes_table)
        layout.addWidget(self.changes_box)
        self.fields_box = QWidget(inner)
        fields_layout = QVBoxLayout(self.fields_box)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        self.sections: list[FieldsForm] = build_sections(self.definition, self.fields_box, fields_layout)
        layout.addWidget(self.fields_box)
        layout.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)

    def _columns_resized(self, *_args) -> None:
        self.changes_table.resizeRowsToContents()

    def _fill_changes(self) -> None:
        self.changes_table.setHorizontalHeaderLabels([
            tr("Field"),
            tr_args(tr("Version %1"), fmt_int(self.version)),
            tr_args(tr("Now (version %1)"), fmt_int(self.current_version)),
        ])
        if self.version == self.current_version:
            self.changes_note.setText(tr("This is the current version."))
        elif not self.changes:
            self.changes_note.setText(tr("No field differs from the current version."))
        else:
            self.changes_note.setText(tr_args(tr("Fields changed: %1"), fmt_int(len(self.changes))))
        self.changes_table.setVisible(bool(self.changes))
        self.changes_table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            spec = _leaf_spec(change)
            for column, text in enumerate((change_label(change), describe(change.old, spec),
                                           describe(change.new, spec))):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
                self.changes_table.setItem(row, column, item)
        self.changes_table.resizeRowsToContents()

    def change_rows(self) -> list[tuple[str, str, str]]:
        """The table as text (tests read it)."""
        def text(r: int, c: int) -> str:
            item = self.changes_table.item(r, c)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.changes_table.rowCount())]

    def field(self, path: str):
        for form in self.sections:
            if path in form.widgets:
                return form.widgets[path]
        raise KeyError(path)


def _read_sealed_at(vault, case_id: str, version: int, _task) -> str | None:
    return case_versions.sealed_at(vault, case_id, version)  # on a pool thread


def banner_text(version: int, meta: dict) -> str:
    """`sealed_at`: absent while not yet known, "" when unknown (sealed on another device)."""
    n = fmt_int(version)
    if meta.get("status") == "sealed":
        if "sealed_at" not in meta:
            return tr_args(tr("Version %1 · sealed · read-only"), n)
        if meta["sealed_at"]:
            return (tr_args(tr("Version %1 · sealed on %2 · read-only"), n, fmt_datetime(meta["sealed_at"])))
        # Sealed on another device (it came in a bundle): the last save is what is known.
        return (tr_args(tr("Version %1 · sealed, last saved on %2 · read-only"), n, fmt_datetime(meta.get("saved_at"))))
    return (tr_args(tr("Version %1 · draft saved on %2 · read-only"), n, fmt_datetime(meta.get("saved_at"))))


def make_read_only(root: QWidget) -> None:
    """Values stay readable and selectable; nothing can be typed, picked, added or removed."""
    for edit in root.findChildren(QLineEdit) + root.findChildren(PlainTextEdit):
        edit.setReadOnly(True)
    for combo in root.findChildren(QComboBox):
        combo.setEnabled(False)
    for button in root.findChildren(QAbstractButton):
        button.setVisible(False)
    for lst in root.findChildren(QListWidget):
        for i in range(lst.count()):
            item = lst.item(i)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)


# ---- showing a change -----------------------------------------------------------------------------
def change_label(change: case_versions.FieldChange) -> str:
    parts = []
    for field, index in change.trail:
        label = pick(field.labels, field.id) if field is not None else change.path.rsplit(".", 1)[-1]
        parts.append(label if index is None else f"{label} {fmt_int(index + 1)}")
    return (" ‹ " if is_rtl() else " › ").join(parts) or change.path


def _leaf_spec(change: case_versions.FieldChange) -> dict | None:
    field, _index = change.trail[-1] if change.trail else (None, None)
    return dict(field.data) if field is not None and field.data is not None else None


def _join(items: list[str]) -> str:
    return ("، " if is_rtl() else ", ").join(items)


def describe(value: Any, spec: dict | None) -> str:
    """A stored value as the person would read it in the editor: terms, places, names, dates."""
    if value is None or value == "" or value == []:
        return NOTHING
    kind = (spec or {}).get("type")
    if kind == "group" and isinstance(value, dict):  # a whole entry added or removed
        parts = [f"{pick(c.get('labels'), c['id'])}: {describe(value[c['id']], c)}"
                 for c in spec.get("children", []) if value.get(c["id"]) not in (None, "", [])]  # type: ignore[union-attr]
        return "; ".join(parts) or NOTHING
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if kind in ("choice", "multi_choice") and spec and spec.get("vocabulary"):
        labels = dict(form_source.terms(spec["vocabulary"]))
        codes = value if isinstance(value, list) else [value]
        return _join([labels.get(c, str(c)) for c in codes])
    if kind == "place" and isinstance(value, dict):
        return _join([t for t in (form_source.describe_place(value), value.get("text")) if t]) or NOTHING
    if kind == "name_parts" and isinstance(value, dict):
        return _join([f"{name_part_label(k)}: {value[k]}" for k, _ in NAME_PARTS if value.get(k)])
    if kind == "date_range" and isinstance(value, dict):
        span = " – ".join(v for v in (value.get("start"), value.get("end")) if v)
        precision = dict(form_source.terms("date_precision")).get(str(value.get("precision")), "")
        return f"{span} ({precision})" if precision else span
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return _join(value)
    return json.dumps(value, ensure_ascii=False)
