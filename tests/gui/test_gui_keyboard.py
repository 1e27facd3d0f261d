"""The keyboard path: focus lands where the person types, Enter does the page's main action (issue 15).

Before, typing at start (and after Ctrl+L) went to the language box; Enter on the first-run page
did nothing; in the fingerprint dialog Enter pressed Cancel even with the right digits typed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from app.gui.access import FirstRunPage, UnlockPage
from app.services.exchange import trust_list
from app.services.vault import keys
from tests.bundle_support import make_vault
from tests.gui_support import PASSPHRASE, close_window, make_window

pytestmark = pytest.mark.gui


def typing_goes_to(qtbot, window):
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
    return QApplication.focusWidget()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_first_run_unlock_and_lock_by_keyboard_alone(qtbot, tmp_path, language):
    window = make_window(qtbot, tmp_path, language=language)
    try:
        page = window.current_page
        assert isinstance(page, FirstRunPage)
        assert typing_goes_to(qtbot, window) is page.passphrase
        QTest.keyClicks(page.passphrase, PASSPHRASE)
        QTest.keyClick(page.passphrase, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is page.repeat
        QTest.keyClicks(page.repeat, PASSPHRASE)
        with qtbot.waitSignal(window.session.unlocked, timeout=30_000):
            QTest.keyClick(page.repeat, Qt.Key.Key_Return)  # Enter: Create vault

        with qtbot.waitSignal(window.session.locked, timeout=10_000):
            QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        page = window.current_page
        assert isinstance(page, UnlockPage)
        assert typing_goes_to(qtbot, window) is page.passphrase
        QTest.keyClicks(page.passphrase, PASSPHRASE)
        with qtbot.waitSignal(window.session.unlocked, timeout=30_000):
            QTest.keyClick(page.passphrase, Qt.Key.Key_Return)  # Enter: Unlock
    finally:
        close_window(window)


def test_unlock_page_at_start_takes_the_passphrase(qtbot, tmp_path):
    make_vault(tmp_path / "vault").lock()
    window = make_window(qtbot, tmp_path, vault_dir=tmp_path / "vault")
    try:
        page = window.current_page
        assert isinstance(page, UnlockPage)
        assert typing_goes_to(qtbot, window) is page.passphrase
        QTest.keyClicks(QApplication.focusWidget(), PASSPHRASE)
        with qtbot.waitSignal(window.session.unlocked, timeout=30_000):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter)
    finally:
        close_window(window)


def fully_shown(label: QLabel) -> bool:
    """The whole text of a (word-wrapping) label fits in the space it was given, on screen."""
    inside = label.window().rect().contains(label.geometry().translated(label.parentWidget().mapTo(
        label.window(), label.parentWidget().rect().topLeft())))
    return label.isVisible() and inside and label.height() >= label.heightForWidth(label.width())


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_fingerprint_dialog_enter_checks_the_digits_and_never_cancels(qtbot, tmp_path, language):
    make_vault(tmp_path / "coord", role="coordinator", name="Coordination Homs").lock()
    documenter = make_vault(tmp_path / "doc", name="Homs team 2")
    (tmp_path / "me.identity").write_bytes(trust_list.export_identity(documenter))
    right = keys.describe(documenter).fingerprint
    documenter.lock()
    window = make_window(qtbot, tmp_path, vault_dir=tmp_path / "coord", language=language)
    try:
        from tests.gui_support import unlock_through_gui

        unlock_through_gui(qtbot, window)
        view = window.show_view("documenters")
        task = view.read_file(tmp_path / "me.identity")
        with qtbot.waitSignal(task.finished, timeout=30_000):
            pass
        qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=5_000)
        dialog = view.dialog
        digits = right.replace(" ", "")
        wrong = keys.format_fingerprint(digits[:-1] + str((int(digits[-1]) + 1) % 10))

        QTest.keyClicks(dialog.typed, wrong)
        QTest.keyClick(dialog.typed, Qt.Key.Key_Return)
        assert dialog.isVisible(), "Enter closed the dialog"
        assert dialog.message.text()  # the refusal is said
        assert dialog.typed.text() == wrong  # the typed digits stay, to be compared and corrected
        assert fully_shown(dialog.fingerprint) and dialog.fingerprint.text() == right
        assert fully_shown(dialog.message)
        typed_width = dialog.typed.fontMetrics().horizontalAdvance(wrong)
        assert typed_width <= dialog.typed.contentsRect().width()  # all 60 typed digits in view
        assert trust_list.list_trusted(window.session.vault) == []

        dialog.typed.selectAll()
        QTest.keyClicks(dialog.typed, right)
        with qtbot.waitSignal(view.trust_changed, timeout=10_000):
            QTest.keyClick(dialog.typed, Qt.Key.Key_Return)  # Enter with the right digits: trust, not Cancel
        assert len(trust_list.list_trusted(window.session.vault)) == 1
    finally:
        close_window(window)


def test_new_case_save_search_and_lock_by_keyboard_alone(qtbot, tmp_path):
    from app.services.intake import cases

    make_vault(tmp_path / "vault").lock()
    window = make_window(qtbot, tmp_path, vault_dir=tmp_path / "vault")
    try:
        QTest.keyClicks(typing_goes_to(qtbot, window), PASSPHRASE)
        with qtbot.waitSignal(window.session.unlocked, timeout=30_000):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        listing = window.view("cases")
        qtbot.waitUntil(lambda: listing.isAncestorOf(QApplication.focusWidget()), timeout=5_000)

        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is listing.kind_dialog.kinds, timeout=5_000)
        QTest.keyClicks(QApplication.focusWidget(), "Kid")  # type-ahead in the list of kinds
        with qtbot.waitSignal(window.view_shown, timeout=10_000):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        editor = window.editor
        assert editor.definition["id"] == "kidnapping"
        window.activateWindow()  # what the window manager does when the dialog closes (offscreen has none)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.field("title").edit, timeout=5_000)
        QTest.keyClicks(QApplication.focusWidget(), "Taken near the bakery")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert editor.case_id is not None and not editor.dirty  # saved now, not by the timer
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # back to the list
        assert window.workspace.stack.currentWidget() is listing and listing.model.total == 1

        qtbot.waitUntil(lambda: listing.isAncestorOf(QApplication.focusWidget()), timeout=5_000)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is listing.search
        QTest.keyClicks(listing.search, "nothing like this")
        qtbot.waitUntil(lambda: listing.model.total == 0, timeout=5_000)
        listing.search.selectAll()
        QTest.keyClicks(listing.search, "bakery")
        qtbot.waitUntil(lambda: listing.model.total == 1, timeout=5_000)
        assert cases.count_cases(window.session.vault) == 1

        with qtbot.waitSignal(window.session.locked, timeout=10_000):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert typing_goes_to(qtbot, window) is window.current_page.passphrase
    finally:
        close_window(window)
