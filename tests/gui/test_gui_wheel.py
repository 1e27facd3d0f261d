"""The mouse wheel over a field scrolls the form and never changes evidence (issue 15).

Scrolling the editor with the pointer over the field column used to step closed combo boxes:
a victim's Sex changed, autosave made version 2, and a sealed case became a draft again. These
tests fill every field of every shipped form, then roll the wheel both ways over every input
widget of the editor (the widget a pointer at its centre would hit) and check that nothing
changed and that the form scrolled instead.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget

from app.services.intake import cases
from forms.definitions import list_forms
from tests.gui_support import close_window, make_window, unlock_through_gui

pytestmark = pytest.mark.gui

FORMS = [f.id for f in list_forms()]


def wheel(target: QWidget, up: bool) -> None:
    """One notch of a real mouse wheel with the pointer at the centre of `target`."""
    local = QPointF(target.rect().center())
    event = QWheelEvent(local, QPointF(target.mapToGlobal(local.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 if up else -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(target, event)


def under_pointer(widget: QWidget) -> QWidget:
    """The innermost widget a pointer at the centre of `widget` is over (Qt delivers it there)."""
    child = widget.childAt(widget.rect().center())
    return child if child is not None else widget


def filled_body(definition) -> dict:
    """A case with a value in every field, so a stepped combo box always has somewhere to go."""
    from forms.vocabularies import vocabulary

    def value(spec: dict):
        kind = spec["type"]
        if kind == "choice" and not spec.get("multiple"):
            terms = vocabulary(spec["vocabulary"])
            return terms[len(terms) // 2].code
        if kind in ("multi_choice", "choice"):
            return [vocabulary(spec["vocabulary"])[0].code]
        if kind == "boolean":
            return True
        if kind == "number":
            return int(spec.get("min", 0)) + 1
        if kind == "date":
            return "2024-03-06"
        if kind == "date_range":
            return {"start": "2024-03-06", "precision": "day"}
        if kind == "place":
            return {"governorate": "homs"}
        if kind == "name_parts":
            return {"given": "Hasan"}
        if kind == "group":
            item = {c["id"]: value(c) for c in spec["children"] if not c.get("condition") and value(c) is not None}
            return [item] if spec.get("repeat") else item
        if kind in ("witness_ref", "attachment_ref"):
            return None
        return "حسن" if spec.get("script") == "arabic" else "text"

    body = {"form": definition.id, "form_version": definition.version}
    for section in definition.data["sections"]:
        for spec in section["fields"]:
            if not spec.get("condition") and value(spec) is not None:
                body[spec["id"]] = value(spec)
    return body


def defined_types(sections: list[dict]) -> set[str]:
    def walk(fields: list[dict]):
        for spec in fields:
            if not spec.get("condition"):
                yield spec["type"]
                yield from walk(spec.get("children", []))
    return {t for section in sections for t in walk(section["fields"])}


def input_widgets(editor) -> list[QWidget]:
    """Every visible value-holding input of the form (not the attachments or history panels)."""
    found: list[QWidget] = []
    for form in editor.sections:
        for kind in (QComboBox, QAbstractSpinBox, QLineEdit):
            found += [w for w in form.findChildren(kind) if w.isVisibleTo(editor)
                      and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))]
    return found


def roll_over_every_field(qtbot, editor) -> int:
    """Wheel up and down over each input; returns how many of them scrolled the form."""
    bar = editor.scroll_area.verticalScrollBar()
    before = editor.body()
    scrolled = 0
    for widget in input_widgets(editor):
        editor.scroll_area.ensureWidgetVisible(widget)
        target = under_pointer(widget)
        start = bar.value()
        wheel(target, up=start > bar.minimum())
        if bar.value() != start:
            scrolled += 1
        editor.scroll_area.ensureWidgetVisible(widget)
        wheel(under_pointer(widget), up=False)
        wheel(under_pointer(widget), up=True)
        assert editor.body() == before, f"the wheel changed {widget.objectName() or type(widget).__name__}"
    return scrolled


@pytest.fixture
def window(qtbot, tmp_path, vault):
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    w.resize(900, 600)  # the form is taller than the window: there is something to scroll
    unlock_through_gui(qtbot, w)
    yield w
    close_window(w)


@pytest.mark.parametrize("form_id", FORMS)
def test_the_wheel_over_any_field_scrolls_the_form_and_changes_nothing(qtbot, window, form_id):
    from forms.definitions import load_form

    vault = window.session.vault
    case_id, _ = cases.save_case(vault, filled_body(load_form(form_id)))
    cases.seal_case(vault, case_id)
    editor = window.open_case(case_id)
    qtbot.waitExposed(editor)
    types = {w.spec["type"] for form in editor.sections for w in form.findChildren(QWidget)
             if hasattr(w, "spec") and w.isVisibleTo(editor)}
    assert defined_types(load_form(form_id).data["sections"]) <= types  # every field type of the form is on screen

    scrolled = roll_over_every_field(qtbot, editor)

    assert scrolled > 0  # the wheel moved the form rather than vanishing
    assert not editor.dirty
    editor.flush()
    assert [v["status"] for v in cases.case_history(vault, case_id)] == ["sealed"]  # still sealed, no version 2
