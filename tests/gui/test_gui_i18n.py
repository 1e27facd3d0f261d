"""One translation system: Arabic catalogues current, Qt's own Arabic loaded, RTL, locale digits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from app.gui import i18n, i18n_check

pytestmark = pytest.mark.gui


@pytest.fixture
def arabic(qapp):
    i18n.install_language(qapp, "ar")
    yield qapp
    i18n.install_language(qapp, "en")


def test_shipped_catalogues_are_current():
    assert i18n_check.problems() == []


def test_arabic_switches_text_direction_font_locale_and_qt_dialogs(arabic):
    assert i18n.tr("Unlock your vault") == "افتح خزنتك"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert i18n.fmt_int(1234) == "١٬٢٣٤"
    assert i18n.fmt_date("2024-03-06") == "٦ آذار ٢٠٢٤"
    assert i18n.fmt_date("2024-02") == "شباط ٢٠٢٤"  # a month stays a month
    # Qt's own strings (standard dialog buttons) come from qtbase_ar.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    assert any("Arabic" in family for family in QApplication.font().families())


def test_english_is_left_to_right_with_latin_digits(qapp):
    i18n.install_language(qapp, "en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert i18n.tr("Unlock your vault") == "Unlock your vault"
    assert i18n.fmt_int(1234) == "1,234"


def test_check_fails_on_a_new_untranslated_string_and_passes_after_translation(tmp_path, qapp):
    sources = tmp_path / "gui"
    sources.mkdir()
    (sources / "view.py").write_text('from app.gui.i18n import tr\nLABEL = tr("Fate of the victim")\n')
    translations = tmp_path / "translations"
    assert any("missing" in p for p in i18n_check.problems(sources, translations))
    i18n_check.update(sources, translations)
    assert any("untranslated" in p for p in i18n_check.problems(sources, translations))
    ts = translations / "ar" / "view.ts"
    ts.write_text(ts.read_text(encoding="utf-8").replace('<translation type="unfinished"></translation>',
                                                         "<translation>مصير الضحية</translation>"), encoding="utf-8")
    assert any("out of date" in p for p in i18n_check.problems(sources, translations))  # .qm not rebuilt yet
    i18n_check.update(sources, translations)
    assert i18n_check.problems(sources, translations) == []
    (sources / "view.py").write_text('from app.gui.i18n import tr\nLABEL = tr("Fate")\n')
    found = i18n_check.problems(sources, translations)
    assert any("no longer in the code" in p for p in found) and any("not in the catalogue" in p for p in found)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_narrative_paragraph_starts_on_its_own_scripts_side(qtbot, qapp, language):
    """An Arabic paragraph starts at the right edge, an English one at the left, in either interface
    (QPlainTextEdit put Arabic flush left in the Arabic editor)."""
    from app.gui.form_widgets import TextField

    i18n.install_language(qapp, language)
    try:
        field = TextField({"id": "narrative", "type": "text", "label": {"en": "Narrative", "ar": "السرد"}}, long=True)
        qtbot.addWidget(field)
        field.resize(500, 200)
        field.show()
        qtbot.waitExposed(field)
        edit = field.edit
        width = edit.viewport().width()
        for text, right_side in (("اختُطف خالد العلي في دمشق على يد مسلحين", True), ("Taken at a checkpoint", False)):
            field.set_value(text)
            cursor = edit.textCursor()
            cursor.setPosition(0)  # the paragraph's first character
            edit.setTextCursor(cursor)
            x = edit.cursorRect().x()
            assert (x > width * 0.8) if right_side else (x < width * 0.2), (text, x, width)
        edit.insertFromMimeData(_html("<b>bold</b> and <img src='file:///etc/passwd'>"))
        # A paste keeps only the text: no formatting, no image reference enters the document.
        assert field.value() == "bold and Taken at a checkpoint"
        assert "<img" not in edit.toHtml() and "font-weight:700" not in edit.toHtml()
    finally:
        i18n.install_language(qapp, "en")


def _html(markup: str):
    from PySide6.QtCore import QMimeData

    data = QMimeData()
    data.setHtml(markup)
    data.setText("bold and ")
    return data
