"""Every view shows the vault as it is now: one change signal from the services (issue 15).

Before, after New case → type → Back to cases the list said "0 cases", and after importing
bundles the coordinator's list, statistics and documenters still showed the vault as it was.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services import changes
from app.services.intake import cases
from tests.gui_support import close_window, make_window, new_case_through_gui, unlock_through_gui

pytestmark = pytest.mark.gui


def click_nav(window, key: str) -> None:
    """Pick a view in the navigation with the mouse, as a person does."""
    nav = window.workspace.nav
    row = next(r for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == key)
    rect = nav.visualItemRect(nav.item(row))
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert window.workspace.stack.currentWidget() is window.view(key)


def test_a_new_case_is_counted_when_the_person_goes_back_to_the_list(qtbot, tmp_path, vault):
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        unlock_through_gui(qtbot, window)
        listing = window.show_view("cases")
        assert listing.model.total == 0
        editor = new_case_through_gui(qtbot, window)
        with qtbot.waitSignal(editor.saved, timeout=10_000):  # the autosave, after typing
            QTest.keyClicks(editor.field("title").edit, "Neighbour saw the abduction")
        QTest.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
        assert window.workspace.stack.currentWidget() is listing
        assert listing.model.total == 1 and listing.count_label.text() == "1 case"
    finally:
        close_window(window)


def test_an_import_reaches_the_cases_statistics_and_documenters_at_once(qtbot, tmp_path):
    from app.services.exchange import export
    from tests.bundle_support import add_case, enroll, make_vault

    coordinator = make_vault(tmp_path / "coordinator", role="coordinator", name="coordinator")
    documenter = make_vault(tmp_path / "documenter", name="Rasha in Homs")
    bundle = tmp_path / "b.tawthiq"
    coordinator_path = coordinator.path
    coordinator.lock()
    window = make_window(qtbot, tmp_path, vault_dir=coordinator_path)
    try:
        unlock_through_gui(qtbot, window)
        vault = window.session.vault
        listing = window.show_view("cases")
        documenters = window.show_view("documenters")
        stats = window.show_view("dashboard")
        qtbot.waitUntil(lambda: stats.figures is not None, timeout=20_000)
        assert listing.model.total == 0 and documenters.table.rowCount() == 0
        assert stats.figures["incidents"]["records"] == 0

        enroll(vault, documenter)  # trusting a documenter is a change the Documenters view shows
        for title in ("Abduction at the bakery", "Taken at the checkpoint"):
            add_case(documenter, title=title)
        export.export_bundle(documenter, bundle)
        documenter.lock()

        click_nav(window, "import")
        view = window.view("import")
        with qtbot.waitSignal(view.imported, timeout=60_000) as done:
            view.import_files([bundle])
        assert done.args[0][0]["status"] == "imported"
        assert cases.count_cases(vault) == 2

        click_nav(window, "cases")
        assert listing.model.total == 2 and listing.count_label.text() == "2 cases"
        click_nav(window, "documenters")
        assert documenters.table.rowCount() == 1
        click_nav(window, "dashboard")
        qtbot.waitUntil(lambda: stats.figures["incidents"]["records"] == 2, timeout=20_000)
    finally:
        close_window(window)


def test_changes_are_told_only_for_the_vault_that_changed(tmp_path, vault):
    from tests.bundle_support import add_case, make_vault

    other = make_vault(tmp_path / "other")
    heard: list[changes.Change] = []
    stop = changes.subscribe(heard.append)
    try:
        add_case(other)
        cases.seal_case(vault, add_case(vault))
    finally:
        stop()
        other.lock()
    assert [(c.vault, c.kind) for c in heard] == [(other.path, "cases"), (vault.path, "cases"), (vault.path, "cases")]
    add_case(vault)
    assert len(heard) == 3  # unsubscribed: told nothing more
