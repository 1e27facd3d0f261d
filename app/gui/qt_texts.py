"""Qt's own words that Qt's Arabic catalogue (qtbase_ar.qm) leaves in English.

The file dialog's labels carry an accelerator (&Look in:, Files of &type:) that qtbase_ar does
not translate, and the file system model calls the root folder a "Drive". Listed here under Qt's
own contexts so lupdate puts them in resources/translations/ar/qt_texts.ts; our catalogues are
installed after qtbase_ar (app/gui/i18n.py) and are asked first. tests/gui/test_gui_numbers.py
opens the real dialog in Arabic and fails on any Latin word in it. Never imported: only lupdate reads it.
"""

from __future__ import annotations

from app.gui.i18n import QT_TRANSLATE_NOOP

QT_OWN_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)
