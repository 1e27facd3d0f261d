"""Settings kept in the vault (after unlock): interface language and idle minutes before auto-lock;
the digits of the Arabic interface (Arabic-Indic or Latin, kept in the pre-unlock file only);
and the emergency options, kept in the guard file beside the key file (app/services/vault/emergency.py):
the failed-unlock limit and neutral mode. The wipe button is here as well as on the unlock page.

The language is also written to the small pre-unlock file (app/gui/prefs.py) so the unlock page
appears in it; nothing else is stored outside the vault.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QPushButton, QSpinBox, QWidget

from app.gui.emergency import WipeDialog
from app.gui.i18n import LANGUAGES, current_language, install_language, tr
from app.gui.session import LANGUAGE_SETTING, Session
from app.gui.style import button_row
from app.services.vault import emergency
from storage.wipe import MAX_WIPE_AFTER


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
        # One rule for numbers everywhere (counts, dates, spin boxes, filters): the Arabic interface
        # writes Arabic-Indic digits unless Latin ones are chosen here. Kept in the pre-unlock file
        # with the language, so the unlock page follows it too.
        self.digits = QComboBox(self)
        self.digits.setObjectName("digits")
        self.digits.addItem(tr("Arabic-Indic (١٢٣)"), False)
        self.digits.addItem(tr("Latin (123)"), True)
        self.digits.setCurrentIndex(1 if session.prefs.latin_digits() else 0)
        form.addRow(tr("Digits in Arabic"), self.digits)
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
        folder = session.vault_dir
        limit = emergency.wipe_after_failed_unlocks(folder)
        self.wipe_limit_on = QCheckBox(tr("Wipe the vault after this many wrong passphrases in a row"), self)
        self.wipe_limit_on.setObjectName("wipe_limit_on")
        self.wipe_limit_on.setChecked(limit is not None)
        self.wipe_limit = QSpinBox(self)
        self.wipe_limit.setObjectName("wipe_limit")
        self.wipe_limit.setRange(1, MAX_WIPE_AFTER)
        self.wipe_limit.setValue(limit or 10)
        form.addRow(self.wipe_limit_on, self.wipe_limit)
        self.neutral = QCheckBox(tr("Neutral mode: a window title and icon that do not name this application"), self)
        self.neutral.setObjectName("neutral_mode")
        self.neutral.setChecked(emergency.neutral_mode(folder))
        form.addRow(self.neutral)
        self.apply_button = QPushButton(tr("Apply"), self)
        self.apply_button.setObjectName("apply")
        self.apply_button.setDefault(True)
        form.addRow(button_row(self, self.apply_button))
        self.wipe_button = QPushButton(tr("Wipe this vault…"), self)
        self.wipe_button.setObjectName("wipe")
        form.addRow(button_row(self, self.wipe_button))
        self.wipe_dialog: WipeDialog | None = None
        self.apply_button.clicked.connect(self.apply)
        self.wipe_button.clicked.connect(self.ask_to_wipe)

    def ask_to_wipe(self) -> None:
        self.wipe_dialog = WipeDialog(self.session, self.window())  # the window outlives this view's lock
        self.wipe_dialog.open()

    def apply(self) -> None:
        from PySide6.QtWidgets import QApplication

        assert self.session.vault is not None
        limit = self.wipe_limit.value() if self.wipe_limit_on.isChecked() else None
        if limit != emergency.wipe_after_failed_unlocks(self.session.vault_dir):
            emergency.set_wipe_after_failed_unlocks(self.session.vault, limit)
        emergency.set_neutral_mode(self.session.vault, self.neutral.isChecked())
        # set_idle_minutes emits settings_changed: the window re-reads its title and icon then.
        self.session.set_idle_minutes(self.idle.value())
        code = self.language.currentData()
        latin = bool(self.digits.currentData())
        if code != current_language() or latin != self.session.prefs.latin_digits():
            assert self.session.vault is not None
            self.session.vault.set_setting(LANGUAGE_SETTING, code)
            self.session.prefs.set_language(code)
            self.session.prefs.set_latin_digits(latin)
            install_language(QApplication.instance(), code, latin)
            self.session.language_changed.emit()  # the window rebuilds every page in it
