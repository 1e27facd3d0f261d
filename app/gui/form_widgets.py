"""One widget per field type of a form definition; each reads and writes the field's JSON value.

Every field widget has `value()` (None when empty: empty values count as absent), `set_value(v)`,
a `changed` signal and `set_problem(text)` for the validator's inline message. `make_field`
picks the widget from the definition's `type`; groups nest field widgets.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui import form_source
from app.gui.i18n import fmt_int, local_digits, tr, tr_args
from app.gui.text_edit import PlainTextEdit
from app.gui.vocabulary import pick

NAME_PARTS = (("given", "Given name"), ("father", "Father's name"), ("grandfather", "Grandfather's name"),
              ("family", "Family name"), ("mother", "Mother's name"))


def name_part_label(key: str) -> str:
    return {"given": tr("Given name"), "father": tr("Father's name"), "grandfather": tr("Grandfather's name"),
            "family": tr("Family name"), "mother": tr("Mother's name")}[key]


class FieldWidget(QWidget):
    changed = Signal()

    def __init__(self, spec: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"field_{spec['id']}")
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)

    def finish(self, widget: QWidget) -> None:
        self.outer.addWidget(widget)
        # The form's help text, in the interface language: under the field, and as its tooltip.
        self.help_text = pick(self.spec.get("help"))
        if self.help_text:
            self.help = QLabel(self.help_text, self)
            self.help.setObjectName("help")
            self.help.setWordWrap(True)
            self.help.setTextFormat(Qt.TextFormat.PlainText)
            self.help.setStyleSheet("color: palette(placeholder-text)")
            widget.setToolTip(self.help_text)
            self.outer.addWidget(self.help)
        self.outer.addWidget(self.problem)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_problems(self, problems: dict[str, str], prefix: str) -> None:
        """Show the problems whose path is this field (or inside it)."""
        mine = [m for p, m in problems.items() if p == prefix or p.startswith(prefix + ".")]
        self.set_problem("\n".join(mine))


class TextField(FieldWidget):
    def __init__(self, spec: dict, parent: QWidget | None = None, long: bool = False):
        super().__init__(spec, parent)
        self.long = long
        self.edit: QLineEdit | PlainTextEdit
        if long:
            self.edit = PlainTextEdit(self)
            self.edit.setMinimumHeight(70)
            self.edit.setTabChangesFocus(True)
            self.edit.textChanged.connect(self.changed)
        else:
            self.edit = QLineEdit(self)
            self.edit.textChanged.connect(self.changed)
            if spec.get("max_length"):
                self.edit.setMaxLength(int(spec["max_length"]))
        if spec.get("script") == "arabic":
            self.edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.finish(self.edit)

    def value(self) -> Any:
        text = self.edit.toPlainText() if self.long else self.edit.text()  # type: ignore[union-attr]
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if self.long:
            self.edit.setPlainText(text)  # type: ignore[union-attr]
        else:
            self.edit.setText(text)  # type: ignore[union-attr]


class NumberField(FieldWidget):
    def __init__(self, spec: dict, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.edit = QLineEdit(self)
        self.edit.setValidator(QIntValidator(int(spec.get("min", 0)), int(spec.get("max", 10**9)), self))
        self.edit.setMaximumWidth(120)
        self.edit.textChanged.connect(self.changed)
        self.finish(self.edit)

    def value(self) -> Any:
        text = self.edit.text().strip()
        return int(text) if text.isdigit() else None

    def set_value(self, value: Any) -> None:
        self.edit.setText(str(value) if isinstance(value, int) and not isinstance(value, bool) else "")


class BooleanField(FieldWidget):
    def __init__(self, spec: dict, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.combo = QComboBox(self)
        self.combo.addItem("", None)
        self.combo.addItem(tr("Yes"), True)
        self.combo.addItem(tr("No"), False)
        self.combo.currentIndexChanged.connect(self.changed)
        self.finish(self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex({True: 1, False: 2}.get(value, 0) if isinstance(value, bool) else 0)


def unknown_code_label(code: str) -> str:
    return tr_args(tr("%1 (not in this vault's vocabulary)"), code)


class ChoiceField(FieldWidget):
    """A vocabulary picker: type to search any part of a label, pick with Enter."""

    def __init__(self, spec: dict, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItem("", None)
        for code, label in form_source.terms(spec.get("vocabulary") or ""):
            self.combo.addItem(label, code)
        completer = self.combo.completer()
        assert completer is not None  # an editable combo box always has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.combo.currentIndexChanged.connect(self.changed)
        self.finish(self.combo)

    def value(self) -> Any:
        return self.combo.currentData() if self.combo.currentIndex() > 0 else None

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        if index < 0 and isinstance(value, str):
            # Another vault's organisation term (a received case): kept and shown as unknown, so
            # opening and saving the case does not drop it.
            self.combo.addItem(unknown_code_label(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(0, index))


class MultiChoiceField(FieldWidget):
    def __init__(self, spec: dict, parent: QWidget | None = None):
        super().__init__(spec, parent)
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(box)
        self.filter.setPlaceholderText(tr("Filter…"))
        self.list = QListWidget(box)
        self.list.setMaximumHeight(110)
        for code, label in form_source.terms(spec.get("vocabulary") or ""):
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._filter)
        self.list.itemChanged.connect(self._item_changed)
        self.finish(box)

    def _item_changed(self, _item: QListWidgetItem) -> None:
        self.changed.emit()

    def _filter(self, text: str) -> None:
        folded = text.casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(folded) and folded not in item.text().casefold())

    def value(self) -> Any:
        codes = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                 if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return codes or None

    def set_value(self, value: Any) -> None:
        wanted = set(value) if isinstance(value, list) else set()
        listed = {self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())}
        for code in dict.fromkeys(v for v in (value if isinstance(value, list) else []) if isinstance(v, str)):
            if code in listed:
                continue
            item = QListWidgetItem(unknown_code_label(code), self.list)  # kept, as in ChoiceField
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)


# Arabic-Indic and Eastern Arabic-Indic digits, and the separators people type, to the ISO form.
_DATE_TYPING = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                              **{chr(0x06F0 + i): str(i) for i in range(10)}, "/": "-", ".": "-", "٫": "-"})
_DATE_GRANULARITY = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")


def typed_date(text: str) -> str:
    """What a person typed in a date field, in the ISO form the forms validate (٢٠٢٤/٣ → 2024-3)."""
    date = text.strip().translate(_DATE_TYPING)
    if _DATE_GRANULARITY.match(date):
        date = "-".join(part if i == 0 else part.zfill(2) for i, part in enumerate(date.split("-")))
    return date


def typed_precision(text: str) -> str | None:
    """The precision a typed date states by its own shape: 2024 a year, 2024-03 a month, else a day."""
    date = typed_date(text)
    match = _DATE_GRANULARITY.match(date)
    if not match:
        return None
    return "day" if match.group(2) else "month" if match.group(1) else "year"


class DateField(FieldWidget):
    """YYYY, YYYY-MM or YYYY-MM-DD: a partial date is a less precise date, not an error."""

    def __init__(self, spec: dict, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(tr("YYYY-MM-DD, YYYY-MM or YYYY"))
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setMaximumWidth(200)
        self.edit.textChanged.connect(self.changed)
        self.finish(self.edit)

    def value(self) -> Any:
        return typed_date(self.edit.text()) or None

    def set_value(self, value: Any) -> None:
        # Shown in the interface's digits (٢٠٢٤-٠٣-٠٦ in Arabic); typed_date reads either back.
        self.edit.setText(local_digits(value) if isinstance(value, str) else "")


class DateRangeField(FieldWidget):
    def __init__(self, spec: dict, parent: QWidget | None = None):
        super().__init__(spec, parent)
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.start = QLineEdit(row)
        self.start.setObjectName("date_start")
        self.end = QLineEdit(row)
        self.end.setObjectName("date_end")
        for edit in (self.start, self.end):
            edit.setPlaceholderText(tr("YYYY-MM-DD, YYYY-MM or YYYY"))
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.textChanged.connect(self.changed)
        self.precision = QComboBox(row)
        self.precision.setObjectName("date_precision")
        for code, label in form_source.terms("date_precision"):
            self.precision.addItem(label, code)
        self.precision.currentIndexChanged.connect(self.changed)
        # Typing (not loading) a date states its precision: "2024-03" is a month, "2024" a year.
        self.start.textEdited.connect(self._precision_from_typing)
        self.end.textEdited.connect(self._precision_from_typing)
        layout.addWidget(QLabel(tr("From"), row))
        layout.addWidget(self.start)
        layout.addWidget(QLabel(tr("to"), row))
        layout.addWidget(self.end)
        layout.addWidget(QLabel(tr("Precision"), row))
        layout.addWidget(self.precision)
        self.finish(row)

    def _precision_from_typing(self, _text: str) -> None:
        if self.precision.currentData() == "approximate":
            return  # the person said the date is approximate: what they type does not undo that
        typed = [typed_precision(e.text()) for e in (self.start, self.end) if e.text().strip()]
        if not typed or None in typed:
            return  # not a whole date yet
        coarsest = min(typed, key=("year", "month", "day").index)
        index = self.precision.findData(coarsest)
        if index >= 0:
            self.precision.setCurrentIndex(index)

    def value(self) -> Any:
        start, end = typed_date(self.start.text()), typed_date(self.end.text())
        if not start and not end:
            return None
        value = {"start": start or None, "end": end or None, "precision": self.precision.currentData()}
        return {k: v for k, v in value.items() if v}

    def set_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        self.start.setText(local_digits(value.get("start") or ""))
        self.end.setText(local_digits(value.get("end") or ""))
        index = self.precision.findData(value.get("precision"))
        self.precision.setCurrentIndex(max(0, index))


class PlaceField(FieldWidget):
    """Type any spelling (Arabic or Latin, official or local); the gazetteer resolves it."""

    def __init__(self, spec: dict, parent: QWidget | None = None):
        super().__init__(spec, parent)
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(box)
        self.search.setObjectName("place_search")
        self.search.setPlaceholderText(tr("Type a place in any spelling…"))
        self._suggestions = QStringListModel(self)
        self._choices: dict[str, form_source.PlaceChoice] = {}
        # The gazetteer has already matched every spelling (Arabic, Latin, variants): the completer
        # shows its answers as they are. Filtering them again by the label hid a place typed in a
        # variant spelling or the other script (Al Zahraa, الزهراء → Al-Zahra, Homs).
        completer = QCompleter(self._suggestions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(15)
        self.search.setCompleter(completer)
        self.resolved = QLabel(box)
        self.resolved.setObjectName("place_resolved")
        self.text = QLineEdit(box)
        self.text.setObjectName("place_text")
        self.text.setPlaceholderText(tr("Details: street, building, hospital…"))
        form.addRow(self.search)
        form.addRow(self.resolved)
        form.addRow(self.text)
        self._value: dict = {}
        self.search.textEdited.connect(self._suggest)
        self.search.editingFinished.connect(self._resolve)
        completer.activated.connect(self._picked)
        self.text.textChanged.connect(self.changed)
        self.finish(box)

    def _suggest(self, text: str) -> None:
        found = form_source.search_places(text, 15) if len(text.strip()) >= 2 else []
        self._choices = {c.label: c for c in found}
        self._suggestions.setStringList(list(self._choices))
        completer = self.search.completer()
        if self._choices:
            completer.complete()
        elif (popup := completer.popup()) is not None:
            popup.hide()

    def _picked(self, label: str) -> None:
        choice = self._choices.get(label)
        if choice is not None:
            self._apply(choice)

    def _resolve(self) -> None:
        text = self.search.text().strip()
        if not text:
            if self._value:
                self._value = {}
                self.resolved.setText("")
                self.changed.emit()
            return
        choice = self._choices.get(text) or form_source.resolve_place(text)
        if choice is None:
            self.resolved.setText(tr("Not in the gazetteer: kept as free text"))
            return
        self._apply(choice)

    def _apply(self, choice: form_source.PlaceChoice) -> None:
        self._value = dict(choice.value)
        self.resolved.setText(choice.label)
        self.changed.emit()

    def value(self) -> Any:
        value = dict(self._value)
        unresolved = self.search.text().strip() if not self._value else ""
        details = "\n".join(t for t in (unresolved, self.text.text().strip()) if t)
        if details:
            value["text"] = details
        return value or None

    def set_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        self._value = {k: v for k, v in value.items() if k in ("governorate", "district", "place", "neighbourhood")}
        label = form_source.describe_place(self._value)
        self.search.setText(label)
        self._choices = {label: form_source.PlaceChoice("", label, dict(self._value))} if label else {}
        self.resolved.setText(label)
        self.text.setText(value.get("text") or "")


class NamePartsField(FieldWidget):
    def __init__(self, spec: dict, parent: QWidget | None = None):
        super().__init__(spec, parent)
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        self.parts: dict[str, QLineEdit] = {}
        for key, _english in NAME_PARTS:
            edit = QLineEdit(box)
            edit.setObjectName(f"name_{key}")
            edit.textChanged.connect(self.changed)
            form.addRow(name_part_label(key), edit)
            self.parts[key] = edit
        self.finish(box)

    def value(self) -> Any:
        value = {k: e.text().strip() for k, e in self.parts.items() if e.text().strip()}
        return value or None

    def set_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for key, edit in self.parts.items():
            edit.setText(value.get(key) or "")


class FieldsForm(QWidget):
    """Field widgets of one object (the case, a victim, …), with conditions applied."""

    changed = Signal()

    def __init__(self, fields: list[dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.widgets: dict[str, FieldWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._extra: dict = {}
        for spec in fields:
            widget = make_field(spec, self)
            label = QLabel(pick(spec.get("labels"), spec["id"]) + (" *" if spec.get("required") else ""), self)
            tips = [pick(spec.get("help"))]
            if spec.get("sensitive"):
                label.setText(label.text() + " ⚠")
                tips.append(tr("Sensitive: record only with consent and only when it matters."))
            label.setToolTip("\n".join(t for t in tips if t))
            self.form.addRow(label, widget)
            self.widgets[spec["id"]] = widget
            self.labels[spec["id"]] = label
            widget.changed.connect(self._changed)
        self._apply_conditions()

    def _changed(self) -> None:
        self._apply_conditions()
        self.changed.emit()

    def _apply_conditions(self) -> None:
        current = {k: w.value() for k, w in self.widgets.items()}
        for key, widget in self.widgets.items():
            condition = widget.spec.get("condition")
            if not condition:
                continue
            sibling = current.get(condition.get("field"))
            allowed = condition.get("in") or []
            holds = any(v in allowed for v in sibling) if isinstance(sibling, list) else sibling in allowed
            widget.setVisible(bool(holds))
            self.labels[key].setVisible(bool(holds))

    def value(self) -> dict:
        out = dict(self._extra)  # keys this form does not show are kept, never dropped
        for key, widget in self.widgets.items():
            out.pop(key, None)
            value = widget.value()
            if value is not None and (widget.isVisibleTo(self) or not widget.spec.get("condition")):
                out[key] = value
        return out

    def set_value(self, value: dict) -> None:
        value = value if isinstance(value, dict) else {}
        self._extra = {k: v for k, v in value.items() if k not in self.widgets}
        for key, widget in self.widgets.items():
            widget.set_value(value.get(key))
        self._apply_conditions()

    def set_problems(self, problems: dict[str, str], prefix: str) -> None:
        for key, widget in self.widgets.items():
            widget.set_problems(problems, f"{prefix}.{key}" if prefix else key)


class GroupField(FieldWidget):
    """A repeatable group (victims, perpetrators, sources): entries with Add and Remove."""

    def __init__(self, spec: dict, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.repeat = bool(spec.get("repeat"))
        box = QWidget(self)
        self.entries_layout = QVBoxLayout(box)
        self.entries_layout.setContentsMargins(0, 0, 0, 0)
        self.entries: list[FieldsForm] = []
        self.frames: list[QWidget] = []
        if self.repeat:
            self.add_button = QPushButton(tr("Add"), box)
            self.add_button.setObjectName(f"add_{spec['id']}")
            self.add_button.clicked.connect(self._add_clicked)
            self.entries_layout.addWidget(self.add_button)
        else:
            self.add_entry()
        self.finish(box)

    def _add_clicked(self) -> None:
        self.add_entry(form_source.blank_item(self.spec))
        self.changed.emit()

    def add_entry(self, value: dict | None = None) -> FieldsForm:
        frame = QGroupBox(self)
        frame.setTitle(f"{pick(self.spec.get('labels'), self.spec['id'])} {fmt_int(len(self.entries) + 1)}")
        layout = QVBoxLayout(frame)
        entry = FieldsForm(list(self.spec.get("children", [])), frame)
        entry.set_value(value or {})
        entry.changed.connect(self.changed)
        layout.addWidget(entry)
        if self.repeat:
            remove = QPushButton(tr("Remove"), frame)
            remove.setObjectName("remove_entry")
            remove.clicked.connect(self._remove_clicked)
            layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignRight)
        self.entries_layout.insertWidget(len(self.entries), frame)
        self.entries.append(entry)
        self.frames.append(frame)
        return entry

    def _remove_clicked(self) -> None:
        button = self.sender()
        for i, frame in enumerate(self.frames):
            if button is not None and button.parent() is frame:
                self.frames.pop(i).deleteLater()
                self.entries.pop(i)
                self.changed.emit()
                return

    def value(self) -> Any:
        values = [e.value() for e in self.entries]
        if not self.repeat:
            return values[0] or None if values else None
        values = [v for v in values if v]
        return values or None

    def set_value(self, value: Any) -> None:
        for frame in self.frames:
            frame.deleteLater()
        self.entries, self.frames = [], []
        if self.repeat:
            for item in value if isinstance(value, list) else []:
                self.add_entry(item if isinstance(item, dict) else {})
        else:
            self.add_entry(value if isinstance(value, dict) else {})

    def set_problems(self, problems: dict[str, str], prefix: str) -> None:
        own = [m for p, m in problems.items() if p == prefix]
        self.set_problem("\n".join(own))
        for i, entry in enumerate(self.entries):
            entry.set_problems(problems, f"{prefix}[{i}]" if self.repeat else prefix)


def make_field(spec: dict, parent: QWidget | None = None) -> FieldWidget:
    kind = spec.get("type")
    if kind == "long_text":
        return TextField(spec, parent, long=True)
    if kind == "number":
        return NumberField(spec, parent)
    if kind == "boolean":
        return BooleanField(spec, parent)
    if kind == "choice":
        return MultiChoiceField(spec, parent) if spec.get("multiple") else ChoiceField(spec, parent)
    if kind == "multi_choice":
        return MultiChoiceField(spec, parent)
    if kind == "date":
        return DateField(spec, parent)
    if kind == "date_range":
        return DateRangeField(spec, parent)
    if kind == "place":
        return PlaceField(spec, parent)
    if kind == "name_parts":
        return NamePartsField(spec, parent)
    if kind == "group":
        return GroupField(spec, parent)
    return TextField(spec, parent)  # text, person_name, witness_ref, attachment_ref
