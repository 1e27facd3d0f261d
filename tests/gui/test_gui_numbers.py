"""Counts, digits and dates in both languages (issue 15, "Arabic throughout").

Counts go through Qt's plural forms: "1 case" and "2 cases" in English, Arabic's six forms
(لا حالات، حالة واحدة، حالتان، ٣ حالات، ١١ حالة، ١٠٠ حالة). Digits follow one rule, Arabic-Indic
in the Arabic interface unless Latin digits are chosen in Settings; dates carry the month's
name (never 04/12/2026, and never a Latin date reversed by the right-to-left line). Qt's own
dialogs speak Arabic. Driven by real clicks and keys on a real window over a real vault.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from app.gui import i18n
from app.services.intake import cases
from tests.gui_support import close_window, make_window, unlock_through_gui, visible_texts

pytestmark = pytest.mark.gui

LATIN_DIGIT = re.compile("[0-9]")
ARABIC_DIGIT = re.compile("[٠-٩]")


def _click_nav(window, key: str) -> None:
    nav = window.workspace.nav
    row = next(r for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == key)
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     nav.visualItemRect(nav.item(row)).center())


def _choose(combo, data) -> None:
    """Pick an entry of a combo box with the keyboard (Home, then Down until it is current)."""
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def _vault_with_cases(vault, drafts: int, sealed: int) -> None:
    from tests.bundle_support import add_case

    for n in range(drafts):
        add_case(vault, title=f"Draft {n}")
    for n in range(sealed):
        cases.seal_case(vault, add_case(vault, title=f"Sealed {n}"))
    vault.lock()


@pytest.mark.parametrize(("language", "one", "two", "three"), [
    ("en", "1 case", "2 cases", "3 cases"),
    ("ar", "حالة واحدة", "حالتان", "٣ حالات"),
])
def test_the_case_count_takes_the_plural_form_of_its_number(qtbot, tmp_path, vault, language, one, two, three):
    _vault_with_cases(vault, drafts=2, sealed=1)
    window = make_window(qtbot, tmp_path, vault_dir=vault.path, language=language)
    try:
        unlock_through_gui(qtbot, window)
        listing = window.show_view("cases")
        assert listing.count_label.text() == three
        _choose(listing.status, "sealed")
        assert listing.count_label.text() == one  # was "1 cases" / "١ حالة"
        _choose(listing.status, "draft")
        assert listing.count_label.text() == two
    finally:
        close_window(window)


def test_arabic_plural_forms_cover_all_six_categories(qapp):
    i18n.install_language(qapp, "ar")
    try:
        shown = [i18n.tr("%Ln cases", None, n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111)]
        assert shown == ["لا حالات", "حالة واحدة", "حالتان", "٣ حالات", "١٠ حالات", "١١ حالة", "٩٩ حالة",
                         "١٠٠ حالة", "١٠٢ حالة", "١٠٣ حالات", "١١١ حالة"]
        assert i18n.fmt_size(3 * 1024 * 1024) == "٣٫٠ ميغابايت"  # not "MiB"
    finally:
        i18n.install_language(qapp, "en")
    assert [i18n.tr("%Ln pairs waiting for review", None, n) for n in (1, 2)] == [
        "1 pair waiting for review", "2 pairs waiting for review"]
    assert i18n.fmt_size(1) == "1 byte" and i18n.fmt_size(2048) == "2.0 KiB"


def test_the_date_filter_shows_dates_with_the_month_named_in_arabic_digits(qtbot, tmp_path, vault):
    _vault_with_cases(vault, drafts=1, sealed=0)
    window = make_window(qtbot, tmp_path, vault_dir=vault.path, language="ar")
    try:
        unlock_through_gui(qtbot, window)
        listing = window.show_view("cases")
        QTest.mouseClick(listing.use_dates, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         listing.use_dates.rect().center())
        assert listing.use_dates.isChecked() and listing.date_from.isEnabled()
        for edit in (listing.date_from, listing.date_to):
            shown = edit.text()
            # ٤ كانون الأول ٢٠٢٥: no Latin digit, and read as a date it is the day, month, year it holds.
            assert not LATIN_DIGIT.search(shown), shown
            assert shown == i18n.fmt_date(edit.date().toString("yyyy-MM-dd")), shown
        # The filter still filters: the one case (2013) is outside the last year.
        assert listing.count_label.text() == "لا حالات"
        edit = listing.date_from
        edit.setFocus()
        edit.setSelectedSection(edit.Section.YearSection)
        for _ in range(20):  # twenty years back with the keyboard
            QTest.keyClick(edit, Qt.Key.Key_Down)
        assert listing.count_label.text() == "حالة واحدة"
    finally:
        close_window(window)


def test_latin_digits_chosen_in_settings_apply_to_counts_dates_and_spin_boxes(qtbot, tmp_path, vault):
    _vault_with_cases(vault, drafts=3, sealed=0)
    window = make_window(qtbot, tmp_path, vault_dir=vault.path, language="ar")
    try:
        unlock_through_gui(qtbot, window)
        assert window.show_view("cases").count_label.text() == "٣ حالات"
        _click_nav(window, "settings")
        settings = window.view("settings")
        assert ARABIC_DIGIT.search(settings.idle.text()) and not LATIN_DIGIT.search(settings.idle.text())
        _choose(settings.digits, True)
        QTest.mouseClick(settings.apply_button, Qt.MouseButton.LeftButton)
        assert window.session.prefs.latin_digits()  # kept with the language, before unlock too
        settings = window.view("settings")  # the window rebuilt its pages
        assert LATIN_DIGIT.search(settings.idle.text()) and not ARABIC_DIGIT.search(settings.idle.text())
        _click_nav(window, "cases")
        listing = window.view("cases")
        assert listing.count_label.text() == "3 حالات"
        updated = listing.model.data(listing.model.index(0, 6))
        assert LATIN_DIGIT.search(updated) and not ARABIC_DIGIT.search(updated)
        assert not ARABIC_DIGIT.search(listing.date_from.text())
        # The interface is still Arabic: the month has its Arabic name.
        assert re.search("[\u0600-\u06ff]", listing.date_from.text())
        # And back: Arabic-Indic again.
        _click_nav(window, "settings")
        settings = window.view("settings")
        _choose(settings.digits, False)
        QTest.mouseClick(settings.apply_button, Qt.MouseButton.LeftButton)
        assert not window.session.prefs.latin_digits()
        _click_nav(window, "cases")
        assert window.view("cases").count_label.text() == "٣ حالات"
    finally:
        close_window(window)


def test_dates_are_never_all_numbers(qapp):
    i18n.install_language(qapp, "en")
    assert i18n.fmt_date("2026-12-04") == "4 December 2026"
    shown = i18n.fmt_datetime("2026-12-04T10:05:00+00:00")
    assert shown.startswith("4 December 2026, ") and "/" not in shown
    i18n.install_language(qapp, "ar")
    try:
        assert i18n.fmt_date("2026-12-04") == "٤ كانون الأول ٢٠٢٦"
        assert i18n.fmt_datetime("2026-12-04T10:05:00+00:00").startswith("٤ كانون الأول ٢٠٢٦، ")
    finally:
        i18n.install_language(qapp, "en")


def test_qt_file_dialog_speaks_arabic(qtbot, tmp_path, coordinator_vault, monkeypatch):
    """Qt's own dialog (the bundle chooser) has Arabic labels and buttons (qtbase_ar, and
    app/gui/qt_texts.py for the few it leaves in English: &Look in:, Files of &type:, Drive)."""
    from pathlib import Path

    path = coordinator_vault.path
    folder = tmp_path / "bundles"
    folder.mkdir()
    monkeypatch.chdir(folder)  # where the dialog opens
    # Folder names the dialog shows (the current folder, the home folder) are the person's own.
    own = {w for p in (folder, Path.home()) for w in re.findall("[A-Za-z]{2,}", str(p))}
    coordinator_vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=path, language="ar")
    seen: list[list[str]] = []

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look_and_close)
            return
        seen.append(visible_texts(dialog))
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    try:
        unlock_through_gui(qtbot, window)
        _click_nav(window, "import")
        view = window.view("import")
        QTimer.singleShot(0, look_and_close)
        QTest.mouseClick(view.choose_button, Qt.MouseButton.LeftButton)
        assert seen, "the file dialog did not open"
        words = {w for text in seen[0] for w in re.findall("[A-Za-z]{2,}", text)} - own
        assert not words, words
        assert any(re.search("[\u0600-\u06ff]", t) for t in seen[0])
    finally:
        close_window(window)


def test_arabic_is_drawn_with_the_font_shipped_in_resources(qtbot, qapp):
    families = i18n.register_fonts()
    assert "Noto Sans Arabic" in families
    shipped = {f for path in sorted(i18n.FONTS.glob("*.ttf"))
               for f in QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(path)))}
    assert shipped == {"Noto Sans Arabic"}
    assert (i18n.FONTS / "OFL.txt").read_text(encoding="utf-8").startswith("Noto Sans Arabic")
    i18n.install_language(qapp, "ar")
    try:
        from PySide6.QtWidgets import QLabel

        label = QLabel("اختُطف خالد العلي")
        qtbot.addWidget(label)
        assert QFontInfo(label.font()).family() == "Noto Sans Arabic"
    finally:
        i18n.install_language(qapp, "en")


def test_the_editor_shows_a_stored_date_in_arabic_digits_and_keeps_it(qtbot, tmp_path, vault):
    """The incident date reads ٢٠١٣-٠٥-٠١ in the Arabic editor (it showed 2013-05-01), and opening,
    leaving and re-reading the case changes nothing: it is still 2013-05-01, version 1."""
    from tests.bundle_support import add_case

    case_id = add_case(vault)  # incident on 2013-05-01
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path, language="ar")
    try:
        unlock_through_gui(qtbot, window)
        listing = window.show_view("cases")
        listing.table.setFocus()
        QTest.keyClick(listing.table, Qt.Key.Key_Down)
        with qtbot.waitSignal(window.view_shown, timeout=10_000):
            QTest.keyClick(listing.table, Qt.Key.Key_Return)
        editor = window.editor
        assert editor.field("date").start.text() == "٢٠١٣-٠٥-٠١"
        assert editor.field("date").value()["start"] == "2013-05-01"
        QTest.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
        body = cases.get_case(window.session.vault, case_id)
        assert body["date"]["start"] == "2013-05-01" and body["_meta"]["version"] == 1
    finally:
        close_window(window)
