"""Sealing is a deliberate act, and a received case cannot be changed by accident (issue 15)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from app.services.intake import cases
from tests.gui.test_gui_wheel import under_pointer, wheel
from tests.gui_support import close_window, make_window, press_in_next_dialog, unlock_through_gui

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path, vault):
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    unlock_through_gui(qtbot, w)
    yield w
    close_window(w)


def test_sealing_asks_first_and_says_what_it_means(qtbot, window):
    editor = window.new_case("kidnapping")
    QTest.keyClicks(editor.field("title").edit, "Neighbour saw the abduction")
    QTest.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    vault = window.session.vault
    assert [v["status"] for v in cases.case_history(vault, editor.case_id)] == ["draft"]

    seen: list = []
    press_in_next_dialog(Qt.Key.Key_Escape, seen)
    QTest.mouseClick(editor.seal_button, Qt.MouseButton.LeftButton)
    assert any("never be changed" in text for text in seen[0])  # it says what sealing means
    assert [v["status"] for v in cases.case_history(vault, editor.case_id)] == ["draft"]  # Escape: not sealed

    press_in_next_dialog(Qt.Key.Key_Return)
    with qtbot.waitSignal(editor.sealed, timeout=10_000):
        QTest.mouseClick(editor.seal_button, Qt.MouseButton.LeftButton)
    assert [v["status"] for v in cases.case_history(vault, editor.case_id)] == ["sealed"]


@pytest.fixture
def coordinator_with_a_received_case(tmp_path):
    from app.services.exchange import export, imports
    from tests.bundle_support import add_case, enroll, make_vault

    coordinator = make_vault(tmp_path / "coordinator", role="coordinator", name="coordinator")
    documenter = make_vault(tmp_path / "documenter", name="Rasha in Homs")
    enroll(coordinator, documenter)
    case_id = add_case(documenter, title="Abduction at the bakery",
                       victims=[{"name_ar": "محمد حسن", "sex": "male", "fate": "missing"}])
    bundle = tmp_path / "b.tawthiq"
    export.export_bundle(documenter, bundle)
    imports.import_bundle(coordinator, bundle)
    documenter.lock()
    coordinator.lock()
    return coordinator.path, case_id


def test_a_received_case_opens_read_only_and_input_changes_nothing(qtbot, tmp_path, coordinator_with_a_received_case):
    path, case_id = coordinator_with_a_received_case
    window = make_window(qtbot, tmp_path, vault_dir=path)
    try:
        unlock_through_gui(qtbot, window)
        vault = window.session.vault
        before = cases.get_case(vault, case_id)
        editor = window.open_case(case_id)
        qtbot.waitExposed(editor)
        assert "Rasha in Homs" in editor.notice.text()
        assert not editor.save_button.isVisible() and not editor.seal_button.isVisible()
        title = editor.field("title").edit
        QTest.mouseClick(title, Qt.MouseButton.LeftButton)
        QTest.keyClicks(title, " edited")
        sex = editor.field("victims").entries[0].widgets["sex"].combo
        for combo in (sex, *editor.findChildren(QComboBox)):
            QTest.mouseClick(under_pointer(combo), Qt.MouseButton.LeftButton)
            QTest.keyClick(combo, Qt.Key.Key_Down)
            wheel(under_pointer(combo), up=False)
        QTest.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
        assert cases.get_case(vault, case_id) == before
        assert cases.get_case(vault, case_id)["victims"][0]["sex"] == "male"
    finally:
        close_window(window)
