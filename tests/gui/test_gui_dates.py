"""Typing a partial date states its precision; Arabic-Indic digits are dates too (issue 15).

Before, `2024-03` typed in the incident date was refused as "less precise than its stated
precision" (the precision box stayed on Exact day), and Arabic-Indic digits were refused.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services.intake import cases
from tests.gui_support import close_window, make_window, new_case_through_gui, type_text, unlock_through_gui

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(qtbot, tmp_path, vault):
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path)
    unlock_through_gui(qtbot, window)
    editor = new_case_through_gui(qtbot, window)
    QTest.keyClicks(editor.field("title").edit, "Taken at the checkpoint")
    yield editor
    close_window(window)


def type_into(edit, text: str) -> None:
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, text)


@pytest.mark.parametrize(("typed", "stored"), [
    ("2024-03", {"start": "2024-03", "precision": "month"}),
    ("2024", {"start": "2024", "precision": "year"}),
    ("٢٠٢٤-٠٣", {"start": "2024-03", "precision": "month"}),
    ("٢٠٢٤/٣/٦", {"start": "2024-03-06", "precision": "day"}),
    ("2024-03-06", {"start": "2024-03-06", "precision": "day"}),
])
def test_the_typed_date_sets_the_precision_and_saves(qtbot, editor, typed, stored):
    date = editor.field("date")
    type_into(date.start, typed)
    assert date.value() == stored
    assert editor.save_now()  # accepted by the form's rules: no "less precise" refusal
    assert date.problem.text() == ""
    assert cases.get_case(editor.session.vault, editor.case_id)["date"] == stored


def test_a_range_takes_the_coarser_precision_and_approximate_is_kept(qtbot, editor):
    date = editor.field("date")
    type_into(date.start, "2024-03-06")
    type_into(date.end, "2024-04")
    assert date.value() == {"start": "2024-03-06", "end": "2024-04", "precision": "month"}
    QTest.mouseClick(date.precision, Qt.MouseButton.LeftButton)  # the list opens
    qtbot.waitUntil(date.precision.view().isVisible, timeout=5_000)
    for _ in range(date.precision.findData("approximate") - date.precision.currentIndex()):
        QTest.keyClick(date.precision.view(), Qt.Key.Key_Down)
    QTest.keyClick(date.precision.view(), Qt.Key.Key_Return)
    assert date.precision.currentData() == "approximate"
    type_into(date.start, "2024")
    assert date.value()["precision"] == "approximate"


def test_a_single_date_field_takes_arabic_indic_digits(qtbot, editor):
    victims = editor.field("victims")
    QTest.mouseClick(victims.add_button, Qt.MouseButton.LeftButton)
    abducted = victims.entries[0].widgets["abducted_on"]
    type_into(abducted.edit, "٢٠٢٤-٠٣-٠٦")
    assert abducted.value() == "2024-03-06"
