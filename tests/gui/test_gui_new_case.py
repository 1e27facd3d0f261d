"""New case asks which kind of case: every shipped form can be started from the button (issue 15).

Before, New case always opened Kidnapping unless a case type filter was set first.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.gui.vocabulary import pick
from forms.definitions import list_forms
from tests.gui_support import close_window, make_window, new_case_through_gui, unlock_through_gui

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path, vault):
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    unlock_through_gui(qtbot, w)
    yield w
    close_window(w)


def test_new_case_offers_every_kind_and_opens_the_one_picked(qtbot, window):
    forms = list_forms()
    assert len(forms) == 5
    for form in forms:
        editor = new_case_through_gui(qtbot, window, form.id)  # picked with the arrow keys and Enter
        assert editor.definition["id"] == form.id
        assert pick(form.data["labels"]) in editor.heading.text()
        QTest.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)


def test_the_kinds_are_listed_by_label_and_escape_opens_nothing(qtbot, window):
    view = window.show_view("cases")
    window.activateWindow()
    qtbot.waitActive(window)
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton)  # the focus in the case list
    QTest.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N: New case
    dialog = view.kind_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    shown = [dialog.kinds.item(i).text() for i in range(dialog.kinds.count())]
    assert shown == [pick(f.data["labels"]) for f in list_forms()]
    assert all(dialog.kinds.item(i).toolTip() for i in range(dialog.kinds.count()))  # the form's help text
    QTest.keyClick(dialog.kinds, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and window.editor is None


def test_an_unfinished_new_case_is_reopened_not_overwritten_by_another_kind(qtbot, window):
    from tests.gui_support import type_text

    editor = new_case_through_gui(qtbot, window, "kidnapping")
    QTest.mouseClick(editor.field("narrative").edit, Qt.MouseButton.LeftButton)
    type_text(editor.field("narrative").edit, "شاهد الجار عملية الخطف من على السطح")  # no title: refused, kept
    QTest.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    view = window.show_view("cases")
    QTest.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.kind_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    QTest.keyClick(dialog.kinds, Qt.Key.Key_End)  # another kind than the unfinished one
    assert dialog.kinds.currentItem().data(Qt.ItemDataRole.UserRole) != "kidnapping"
    with qtbot.waitSignal(window.view_shown, timeout=10_000):
        QTest.keyClick(dialog.kinds, Qt.Key.Key_Return)
    restored = window.editor
    assert restored.definition["id"] == "kidnapping" and restored.notice.text()
    assert restored.field("narrative").value() == "شاهد الجار عملية الخطف من على السطح"
