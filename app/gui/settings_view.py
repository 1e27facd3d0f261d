"""Settings kept in the vault (after unlock): interface language and idle minutes before auto-lock.

The language is also written to the small pre-unlock file (app/gui/prefs.py) so the unlock page
appears in it; nothing else is stored outside the vault.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QSpinBox, QWidget

from app.gui.i18n import LANGUAGES, current_language, install_language, tr
from app.gui.session import LANGUAGE_SETTING, Session

if TYPE_CHECKING:
    from app.gui.window import MainWindow


class SettingsView(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        form = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(current_language()))
        form.addRow(tr("Language"), self.language)
        self.idle = QSpinBox(self)
        self.idle.setObjectName("idle_minutes")
        self.idle.setRange(1, 240)
        self.idle.setValue(session.idle_minutes())
        self.idle.setSuffix(" " + tr("min"))
        form.addRow(tr("Lock after idle"), self.idle)
        note = QLabel(tr("The vault locks itself after this many minutes without keyboard or mouse "
                         "activity. Ctrl+L locks it at once."), self)
        note.setWordWrap(True)
        form.addRow(note)
        self.apply_button = QPushButton(tr("Apply"), self)
        self.apply_button.setObjectName("apply")
        form.addRow(self.apply_button)
        self.apply_button.clicked.connect(self.apply)

    def apply(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.session.set_idle_minutes(self.idle.value())
        code = self.language.currentData()
        if code != current_language():
            assert self.session.vault is not None
            self.session.vault.set_setting(LANGUAGE_SETTING, code)
            self.session.prefs.set_language(code)
            install_language(QApplication.instance(), code)
            self.session.language_changed.emit()  # the window rebuilds every page in it


def register_views(window: MainWindow) -> None:
    window.add_view("settings", QT_TRANSLATE_NOOP("", "Settings"), SettingsView, order=90)
