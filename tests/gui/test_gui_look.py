"""A look that earns trust (issue 15): one style sheet, a header naming the vault, its role and its
lock state, colour that means something, a strength bar that judges nothing before typing, and
column widths from content. Real window, real vault, real key presses; colours read from the
painted pixels, not from the code that sets them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.gui.access import FirstRunPage
from tests.gui_support import PASSPHRASE, close_window, make_window, unlock_through_gui

pytestmark = pytest.mark.gui

NEUTRAL = QColor("#eceeec")  # the empty bar (resources/style/tawthiq.qss)
RED = QColor("#b3261e")
GREEN = QColor("#1d6b3c")


def _near(a: QColor, b: QColor, tolerance: int = 24) -> bool:
    return all(abs(x - y) <= tolerance for x, y in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))


def _bar_colour(meter, fraction: float) -> QColor:
    """The painted colour of the strength bar at `fraction` of its length from where it fills."""
    QApplication.processEvents()
    image = meter.grab().toImage()
    x = int(image.width() * fraction)
    if meter.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        x = image.width() - 1 - x
    return image.pixelColor(x, image.height() // 2)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_strength_bar_is_empty_and_neutral_until_typing_then_coloured_by_strength(qtbot, tmp_path, language):
    window = make_window(qtbot, tmp_path, language=language)
    try:
        qtbot.waitExposed(window)
        page = window.current_page
        assert isinstance(page, FirstRunPage)
        meter, verdict = page.meter, page.strength_label
        # Buttons at their own width, not stretched across the form.
        assert page.create_button.width() < page.box.width() / 2
        # Nothing typed: no "Very weak", an empty bar in the neutral grey (it was blue and judged).
        assert meter.value() == 0
        assert page.tr("Very weak") not in verdict.text() and "Very weak" not in verdict.text()
        assert _near(_bar_colour(meter, 0.5), NEUTRAL), _bar_colour(meter, 0.5).name()
        QTest.keyClicks(page.passphrase, "abc")
        assert _near(_bar_colour(meter, 0.05), RED), _bar_colour(meter, 0.05).name()  # very weak: red
        assert _near(_bar_colour(meter, 0.9), NEUTRAL)  # and short
        assert verdict.property("tone") == "error"
        page.passphrase.clear()
        QTest.keyClicks(page.passphrase, PASSPHRASE)
        assert _near(_bar_colour(meter, 0.9), GREEN), _bar_colour(meter, 0.9).name()  # very strong: full, green
        assert verdict.property("tone") == "success"
        page.passphrase.selectAll()
        QTest.keyClick(page.passphrase, Qt.Key.Key_Backspace)
        assert meter.value() == 0 and _near(_bar_colour(meter, 0.5), NEUTRAL)
    finally:
        close_window(window)


def test_a_wrong_passphrase_is_said_in_the_error_colour(qtbot, tmp_path, vault):
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        page = window.current_page
        plain = page.message.palette().color(QPalette.ColorRole.WindowText)
        QTest.keyClicks(page.passphrase, "not the passphrase at all")
        QTest.keyClick(page.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Wrong passphrase" in page.message.text(), timeout=30_000)
        shown = page.message.palette().color(QPalette.ColorRole.WindowText)
        assert shown != plain and _near(shown, QColor("#a61b1b")), shown.name()
        assert page.message.font().bold()
    finally:
        close_window(window)


@pytest.mark.parametrize(("language", "role_word", "open_word"), [("en", "Documenter", "Unlocked"),
                                                                  ("ar", "موثّق", "مفتوحة")])
def test_the_header_names_the_vault_its_role_and_that_it_is_open(qtbot, tmp_path, vault, language, role_word,
                                                                   open_word):
    name = vault.name
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path, language=language)
    try:
        assert not window.toolbar.isVisible()  # before unlock: the unlock page alone
        unlock_through_gui(qtbot, window)
        assert window.toolbar.isVisible()
        assert name in window.vault_header.text() and role_word in window.vault_header.text()
        assert open_word in window.lock_state.text()
        assert QApplication.instance().styleSheet()  # the one style sheet is in force
        QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert not window.session.is_unlocked and not window.toolbar.isVisible()
    finally:
        close_window(window)


def test_column_widths_come_from_content(qtbot, tmp_path, vault):
    """The case title gets the room a version number does not need; a file's name is not crowded
    out by its SHA-256."""
    from tests.bundle_support import add_case

    title = "Abduction of two brothers at the checkpoint on the old road to Homs"
    case_id = add_case(vault, title=title)
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        window.resize(1100, 720)
        unlock_through_gui(qtbot, window)
        listing = window.show_view("cases")
        qtbot.waitExposed(window)
        table = listing.table
        QApplication.processEvents()
        # Every short column is as wide as its widest text (the 'Updated' date was cut at the
        # default 100 px), and no wider than that or its header; the title takes the rest.
        header = table.horizontalHeader()
        for column in range(1, listing.model.columnCount()):
            needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            assert table.columnWidth(column) >= table.sizeHintForColumn(column), column
            assert table.columnWidth(column) <= needed + 2, column
            assert table.columnWidth(0) > table.columnWidth(column), [table.columnWidth(c) for c in range(7)]
        window.open_case(case_id)
        panel = window.editor.attachments
        photo = tmp_path / "photograph of the checkpoint, taken by a neighbour.jpg"
        photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 40)
        with qtbot.waitSignal(panel.attached, timeout=30_000):
            panel.add_files([photo])
        QApplication.processEvents()
        files = panel.table
        assert files.columnWidth(2) < files.columnWidth(0)
        assert files.item(0, 2).toolTip() == files.item(0, 2).text() and len(files.item(0, 2).text()) == 64
    finally:
        close_window(window)
