"""Before the vault is open: the first-run page (create a vault) and the unlock page.

Argon2id takes about a second by design; it runs through the task helper with a busy bar, so the
window keeps painting. The passphrase lives only in the line edits and the worker's call; the
fields are cleared as soon as the work is handed over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.emergency import WipeDialog
from app.gui.i18n import LANGUAGES, current_language, fmt_int, install_language, tr, tr_args
from app.gui.session import Session
from app.gui.style import button_row, repolish, set_tone
from app.services.vault import emergency
from storage.passphrase import MIN_LENGTH, MIN_SCORE, strength
from storage.vault import Vault, vault_exists


def _strength_word(score: int) -> str:
    return (tr("Very weak"), tr("Weak"), tr("Fair"), tr("Strong"), tr("Very strong"))[max(0, min(4, score))]


class _AccessPage(QWidget):
    """Shared parts: language chooser, busy bar, message line.

    A page knows only the session: a language change, an unlock and a wipe are announced through
    its signals, and the window (which listens) rebuilds its pages.
    """

    passphrase: QLineEdit  # each page makes its own; it takes the focus when the page is shown

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.outer = QVBoxLayout(self)
        self.outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box = QWidget(self)
        self.box.setMaximumWidth(560)
        self.form = QFormLayout(self.box)
        self.outer.addWidget(self.box)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(current_language()))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)  # indeterminate: Argon2id gives no progress
        self.busy.setVisible(False)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Typing goes to the passphrase: at start, after a language change and after Ctrl+L. The
        # language box comes first in the focus chain (it is built first), so say it explicitly.
        super().showEvent(event)
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _language_chosen(self) -> None:
        from PySide6.QtWidgets import QApplication

        code = self.language.currentData()
        self.session.prefs.set_language(code)
        install_language(QApplication.instance(), code, self.session.prefs.latin_digits())
        self.session.language_changed.emit()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in self.findChildren(QLineEdit) + self.findChildren(QPushButton):
            widget.setEnabled(not busy)


class UnlockPage(_AccessPage):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        title = QLabel(tr("Unlock your vault"), self)
        title.setObjectName("title")
        self.form.addRow(title)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(tr("Passphrase"), self.passphrase)
        self.unlock_button = QPushButton(tr("Unlock"), self)
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.form.addRow(button_row(self, self.unlock_button))
        self.attempts = QLabel(self)
        self.attempts.setObjectName("attempts_left")
        self.attempts.setWordWrap(True)
        self.form.addRow(self.attempts)
        self.form.addRow(self.busy)
        self.form.addRow(self.message)
        self.form.addRow(tr("Language"), self.language)
        # Wiping needs no passphrase: at a checkpoint the person may be unable to unlock.
        self.wipe_button = QPushButton(tr("Wipe this vault…"), self)
        self.wipe_button.setObjectName("wipe")
        self.wipe_button.setAutoDefault(False)
        self.form.addRow(button_row(self, self.wipe_button))
        self.wipe_dialog: WipeDialog | None = None
        # Only when shares were made for this vault: recovery is off until chosen (docs/backup.md).
        from app.services.recovery import key_recovery

        self.recover_button: QPushButton | None = None
        self.recover_dialog: QDialog | None = None
        try:
            has_shares = key_recovery.vault_status(self.session.vault_dir) is not None
        except Exception:  # noqa: BLE001 - a damaged key file: the unlock itself will say so
            has_shares = False
        if has_shares:
            self.recover_button = QPushButton(tr("Forgot the passphrase? Use recovery shares…"), self)
            self.recover_button.setObjectName("recover_with_shares")
            self.recover_button.setAutoDefault(False)
            self.form.addRow(self.recover_button)
            self.recover_button.clicked.connect(self.ask_to_recover)
        self.unlock_button.clicked.connect(self.unlock)
        self.passphrase.returnPressed.connect(self.unlock)
        self.wipe_button.clicked.connect(self.ask_to_wipe)
        self._show_attempts_left()

    def _show_attempts_left(self) -> None:
        left = emergency.attempts_left(self.session.vault_dir)
        self.attempts.setVisible(left is not None)
        if left is not None:
            self.attempts.setText(tr_args(tr("Attempts left before this vault is wiped: %1"), fmt_int(left)))

    def ask_to_recover(self) -> None:
        from app.gui.recovery_dialog import RecoverDialog

        dialog = RecoverDialog(self.session, self.window())
        self.recover_dialog = dialog
        dialog.open()

    def ask_to_wipe(self) -> None:
        self.wipe_dialog = WipeDialog(self.session, self.window())
        self.wipe_dialog.open()

    def unlock(self) -> None:
        secret = self.passphrase.text()
        if not secret:
            self.message.setText(tr("Type your passphrase."))
            set_tone(self.message, "warning")
            return
        self.passphrase.clear()
        self.message.setText(tr("Opening the vault…"))
        set_tone(self.message, None)
        self._set_busy(True)
        path = self.session.vault_dir

        def work(task):
            vault = Vault.unlock(path, secret)
            vault.close_thread_connection()  # the GUI thread opens its own
            return vault

        self.task = self.session.runner.run(work, on_done=self._unlocked, on_error=self._failed)

    def _unlocked(self, vault: Vault) -> None:
        self.session.open(vault)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        if not vault_exists(self.session.vault_dir):  # the failed-unlock limit was reached
            self.session.wipe_reported.emit(tr("Too many wrong passphrases: this vault was wiped, as its owner "
                                               "had chosen. Nothing in it can be recovered."))
            return
        self._show_attempts_left()
        set_tone(self.message, "error")
        if message.startswith("wrong passphrase"):
            self.message.setText(tr("Wrong passphrase. The vault stays locked and nothing was changed."))
        else:
            self.message.setText(tr_args(tr("The vault could not be opened: %1"), message))
        self.passphrase.setFocus()


class FirstRunPage(_AccessPage):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        title = QLabel(tr("Create your vault"), self)
        title.setObjectName("title")
        self.form.addRow(title)
        self.form.addRow(tr("Language"), self.language)
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.name.setPlaceholderText(tr("A name for this vault (optional, not shown to others)"))
        self.form.addRow(tr("Name"), self.name)
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        self.role.addItem(tr("Documenter"), "documenter")
        self.role.addItem(tr("Coordinator"), "coordinator")
        self.form.addRow(tr("Role"), self.role)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(tr("Passphrase"), self.passphrase)
        self.form.addRow(tr("Repeat it"), self.repeat)
        self.meter = QProgressBar(self)
        self.meter.setObjectName("strength")
        self.meter.setRange(0, 5)  # 0: nothing typed; 1-5: zxcvbn's score 0-4 (very weak still shows a sliver)
        self.meter.setTextVisible(False)
        self.strength_label = QLabel(self)
        self.strength_label.setObjectName("strength_label")
        self.form.addRow(tr("Strength"), self.meter)
        self.form.addRow(self.strength_label)
        warning = QLabel(tr("If you lose this passphrase, nobody can recover your cases: not you, "
                            "not your organisation, not us. Write it down somewhere safe, away from "
                            "this laptop."), self)
        warning.setObjectName("warning")
        warning.setWordWrap(True)
        self.form.addRow(warning)
        self.create_button = QPushButton(tr("Create vault"), self)
        self.create_button.setObjectName("create")
        self.create_button.setDefault(True)  # the page's main action (Enter in either field creates)
        self.form.addRow(button_row(self, self.create_button))
        # A new laptop after a lost one: the vault comes back from a backup (docs/backup.md).
        restore_intro = QLabel(tr("Or bring back a vault from a backup file, with the passphrase it had when "
                                  "the backup was made:"), self)
        restore_intro.setWordWrap(True)
        self.form.addRow(restore_intro)
        self.backup_passphrase = QLineEdit(self)
        self.backup_passphrase.setObjectName("backup_passphrase")
        self.backup_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(tr("Passphrase of the backup"), self.backup_passphrase)
        self.restore_button = QPushButton(tr("Restore from a backup…"), self)
        self.restore_button.setObjectName("restore")
        self.form.addRow(button_row(self, self.restore_button))
        self.form.addRow(self.busy)
        self.form.addRow(self.message)
        self.restore_button.clicked.connect(self.choose_backup)
        self.passphrase.textChanged.connect(self._update_strength)
        self.repeat.textChanged.connect(self._update_strength)
        self.create_button.clicked.connect(self.create_vault)
        # Enter in either passphrase field creates the vault, as the button would.
        self.passphrase.returnPressed.connect(self._enter_pressed)
        self.repeat.returnPressed.connect(self._enter_pressed)
        self._update_strength()

    def _enter_pressed(self) -> None:
        if self.create_button.isEnabled():
            self.create_vault()
        elif self.passphrase.text() and not self.repeat.text():
            self.repeat.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.message.setText(self.strength_label.text())

    def _update_strength(self) -> None:
        secret = self.passphrase.text()
        score = strength(secret)["score"] if secret else 0
        # Nothing typed: an empty, neutral bar and no verdict ("Very weak" before the first key
        # was a judgement of nothing). Then the bar fills and takes the colour of its level.
        self.meter.setValue(score + 1 if secret else 0)
        self.meter.setProperty("level", str(score) if secret else "none")
        repolish(self.meter)
        if not secret:
            self.strength_label.setText(tr("Use several unrelated words.") if not self.repeat.text() else "")
            set_tone(self.strength_label, "muted")
            self.create_button.setEnabled(False)
            return
        set_tone(self.strength_label, "success" if score >= MIN_SCORE and len(secret) >= MIN_LENGTH else "error")
        text = _strength_word(score)
        if secret and len(secret) < MIN_LENGTH:
            text += " — " + tr("use at least %Ln characters", None, MIN_LENGTH)
        elif secret and score < MIN_SCORE:
            text += " — " + tr("too easy to guess: use several unrelated words")
        if self.repeat.text() and self.repeat.text() != secret:
            text += " — " + tr("the two passphrases differ")
        self.strength_label.setText(text)
        self.create_button.setEnabled(bool(secret) and secret == self.repeat.text() and score >= MIN_SCORE
                                      and len(secret) >= MIN_LENGTH)

    def create_vault(self) -> None:
        secret = self.passphrase.text()
        if secret != self.repeat.text():
            self.message.setText(tr("The two passphrases differ."))
            return
        self.passphrase.clear()
        self.repeat.clear()
        self.message.setText(tr("Creating the vault…"))
        self._set_busy(True)
        path, name, role = self.session.vault_dir, self.name.text().strip(), self.role.currentData()
        language = current_language()

        def work(task):
            vault = Vault.create(path, secret, role=role, name=name)
            vault.set_setting("gui.language", language)
            vault.close_thread_connection()  # the GUI thread opens its own
            return vault

        self.task = self.session.runner.run(work, on_done=self.session.open, on_error=self._failed)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.message.setText(tr_args(tr("The vault was not created: %1"), message))
        set_tone(self.message, "error")

    def choose_backup(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        source, _ = QFileDialog.getOpenFileName(self, tr("Restore from a backup"), "", "",
                                                options=QFileDialog.Option.DontUseNativeDialog)
        if source:
            self.restore_from(Path(source))

    def restore_from(self, source: Path):
        """Restore the backup into this app's vault folder (checked before it is moved in), then open it."""
        from app.services.recovery import backup

        secret = self.backup_passphrase.text()
        self.backup_passphrase.clear()
        self.message.setText(tr("Restoring and checking the backup…"))
        self._set_busy(True)
        path = self.session.vault_dir

        def work(task):
            backup.restore_backup(source, path, passphrase=secret)
            vault = Vault.unlock(path, secret)
            vault.close_thread_connection()  # the GUI thread opens its own
            return vault

        def failed(message: str) -> None:
            self._set_busy(False)
            self.message.setText(tr_args(tr("Nothing was restored: %1"), message))
            set_tone(self.message, "error")

        self.task = self.session.runner.run(work, on_done=self.session.open, on_error=failed)
        return self.task
