"""The place picker suggests from every spelling, Arabic or Latin, as the person types (issue 15).

Before, only a prefix of the place's own label suggested anything: `Al Zahraa` or `الزهراء`
showed no suggestion (the completer filtered the gazetteer's answers by the label again) and
the variant resolved only on Tab.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui_support import close_window, make_window, new_case_through_gui, type_text, unlock_through_gui

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(qtbot, tmp_path, vault):
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path)
    unlock_through_gui(qtbot, window)
    window.activateWindow()
    qtbot.waitActive(window)
    yield new_case_through_gui(qtbot, window)
    close_window(window)


@pytest.mark.parametrize("typed", ["Al Zahraa", "الزهراء", "zahraa", "حي الزهراء"])
def test_a_variant_spelling_suggests_the_place_and_enter_picks_it(qtbot, editor, typed):
    place = editor.field("location")
    QTest.mouseClick(place.search, Qt.MouseButton.LeftButton)
    type_text(place.search, typed)
    popup = place.search.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown and ("Zahra" in shown[0] or "الزهراء" in shown[0]) and "Homs" in shown[0]
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert place.value() == {"governorate": "homs", "district": "homs.homs", "place": "homs.homs.city",
                             "neighbourhood": "homs.homs.city.zahra"}
    assert "Homs" in place.resolved.text()


def test_a_governorate_in_arabic_suggests_it_first(qtbot, editor):
    place = editor.field("location")
    QTest.mouseClick(place.search, Qt.MouseButton.LeftButton)
    type_text(place.search, "حمص")
    popup = place.search.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert place.value() == {"governorate": "homs"}
