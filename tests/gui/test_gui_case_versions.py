"""Earlier versions of a case: opened read-only from the editor, with what changed since.

Real window, real vault: a case is recorded and sealed (version 1), then edited (version 2);
version 1 is opened from the editor's list of versions. Its values are the old ones, nothing in
it can be changed (typing into it changes neither the widgets nor the vault), and the changes
list the fields that differ, old → new. Once in English and once in Arabic, right to left.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.gui.case_version_view import CaseVersionView
from app.services.intake import cases
from tests.gui_support import (
    close_window,
    make_window,
    new_case_through_gui,
    press_in_next_dialog,
    unlock_through_gui,
    visible_texts,
)

pytestmark = pytest.mark.gui

OLD_TITLE = "Abduction at the Masyaf road checkpoint"
NEW_TITLE = "Abduction of a teacher at the Masyaf road checkpoint"
NARRATIVE = "أوقف مسلحون حافلة صغيرة عند الحاجز واقتادوا المعلم إلى جهة مجهولة."
OLD_VICTIM, NEW_VICTIM = "سامر يوسف", "سامر يوسف الخطيب"


@pytest.fixture(params=["en", "ar"])
def window(request, qtbot, tmp_path, vault):
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path, language=request.param)
    unlock_through_gui(qtbot, w)
    yield w
    close_window(w)


def _seal_then_edit(qtbot, window):
    editor = new_case_through_gui(qtbot, window)
    editor.field("title").edit.setText(OLD_TITLE)
    editor.field("narrative").edit.setPlainText(NARRATIVE)
    victims = editor.field("victims")
    victims.add_button.click()
    victims.entries[-1].widgets["name_ar"].edit.setText(OLD_VICTIM)
    assert editor.save_now()
    with qtbot.waitSignal(editor.sealed, timeout=10_000):
        press_in_next_dialog()  # "Seal this version?" → Seal
        editor.seal_button.click()
    editor.field("title").edit.setText(NEW_TITLE)
    editor.field("victims").entries[0].widgets["name_ar"].edit.setText(NEW_VICTIM)
    assert editor.save_now()
    assert [v["version"] for v in cases.case_history(window.session.vault, editor.case_id)] == [1, 2]
    return editor


def _open_version(qtbot, window, editor, version: int) -> CaseVersionView:
    history = editor.history
    row = next(r for r in range(history.count()) if history.item(r).data(Qt.ItemDataRole.UserRole) == version)
    history.setCurrentRow(row)
    assert editor.open_version_button.isEnabled()
    editor.open_version_button.click()
    view = window.workspace.stack.currentWidget()
    assert isinstance(view, CaseVersionView)
    return view


def test_an_earlier_version_opens_read_only_with_its_changes(qtbot, window):
    vault = window.session.vault
    editor = _seal_then_edit(qtbot, window)
    case_id = editor.case_id
    stored_v1 = cases.get_case(vault, case_id, 1)
    view = _open_version(qtbot, window, editor, 1)
    texts = visible_texts(view)

    # Version 1's own values, in the same form widgets, clearly marked.
    assert view.field("title").edit.text() == OLD_TITLE
    assert view.field("narrative").edit.toPlainText() == NARRATIVE
    assert [e.widgets["name_ar"].edit.text() for e in view.field("victims").entries] == [OLD_VICTIM]
    assert view.banner.isVisible()
    # When it was sealed comes from the audit log on the task helper, then fills the banner.
    qtbot.waitUntil(lambda: view.sealed_at is not None, timeout=10_000)
    banner = view.banner.text()
    if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        assert "١" in banner and "للقراءة فقط" in banner  # Arabic-Indic digit, "read-only"
        assert view.isRightToLeft() and view.changes_table.isRightToLeft()
    else:
        assert banner.startswith("Version 1 · sealed on ") and banner.endswith("read-only")

    # What changed since: exactly the two edited fields, old → new.
    rows = view.change_rows()
    assert [(old, new) for _label, old, new in rows] == [(OLD_TITLE, NEW_TITLE), (OLD_VICTIM, NEW_VICTIM)]
    language = "ar" if view.isRightToLeft() else "en"
    labels = [label for label, _old, _new in rows]
    assert labels[0] == view.field("title").spec["labels"][language]
    assert labels[1].startswith(view.field("victims").spec["labels"][language])

    # Read-only: typing changes neither the widgets nor the vault; no Add/Remove to press.
    title = view.field("title").edit
    assert title.isReadOnly() and view.field("narrative").edit.isReadOnly()
    QTest.keyClicks(title, "zzz")
    assert title.text() == OLD_TITLE
    victims = view.field("victims")
    assert not victims.add_button.isVisibleTo(view)
    assert not any(b.isVisibleTo(view) for b in victims.findChildren(type(victims.add_button)))
    assert cases.get_case(vault, case_id, 1) == stored_v1
    assert [v["version"] for v in cases.case_history(vault, case_id)] == [1, 2]
    assert OLD_TITLE in texts and NEW_TITLE in texts  # the old value in the field, the new in the changes

    # Back to the case: the editor, still on the current version.
    view.back_button.click()
    assert window.workspace.stack.currentWidget() is window.editor
    assert window.editor.field("title").value() == NEW_TITLE
    assert cases.get_case(vault, case_id)["_meta"]["current_version"] == 2


def test_the_version_view_goes_away_on_lock(qtbot, window):
    editor = _seal_then_edit(qtbot, window)
    view = _open_version(qtbot, window, editor, 1)
    with qtbot.waitSignal(window.session.locked, timeout=10_000):
        window.lock_action.trigger()
    texts = " ".join(visible_texts(window))
    assert OLD_TITLE not in texts and OLD_VICTIM not in texts
    qtbot.waitUntil(lambda: not _alive(view), timeout=5_000)


def _alive(widget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


def test_changes_read_as_in_the_editor_terms_places_names_dates(qtbot, tmp_path, vault):
    """Codes become the vocabulary's words, a date range reads as a span, an added entry as its fields."""
    import copy

    from tests.forms_support import example

    v1 = example("kidnapping")
    case_id, _ = cases.save_case(vault, v1)
    cases.seal_case(vault, case_id)
    v2 = copy.deepcopy(v1)
    v2["date"] = {"start": "2025-02-05", "end": "2025-02-06", "precision": "approximate"}
    v2["victims"][0]["fate"] = "missing"
    for only_when_released in ("released_on", "release_conditions"):
        v2["victims"][0].pop(only_when_released, None)
    v2["victims"][0]["name_parts"]["given"] = "أحمد ماهر"
    v2["victims"].append({"name_ar": "خالد حسن العلي", "sex": "male", "act": "abduction", "fate": "missing"})
    cases.save_case(vault, v2, case_id)
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        unlock_through_gui(qtbot, window)
        view = window.open_case_version(case_id, 1)
        rows = {label: (old, new) for label, old, new in view.change_rows()}
        assert rows["Date of the incident"] == ("2025-02-06 (Exact day)", "2025-02-05 – 2025-02-06 (Approximate)")
        assert rows["Victims 1 › Fate"] == ("Released", "Missing / fate unknown")
        old_name, new_name = rows["Victims 1 › Name parts"]
        assert old_name.startswith("Given name: أحمد, Father's name: حسن") and "Given name: أحمد ماهر" in new_name
        added = rows["Victims 2"]
        assert added[0] == "—"
        assert added[1].startswith("Name (Arabic): خالد حسن العلي; Sex: ")
        assert "Fate: Missing / fate unknown" in added[1]
        assert view.field("date").start.text() == "2025-02-06" and view.field("date").start.isReadOnly()
        assert not view.field("date").precision.isEnabled()
    finally:
        close_window(window)
