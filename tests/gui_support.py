"""Helpers for the GUI tests: a real window over a real vault folder, torn down cleanly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTextEdit

from app.gui.i18n import install_language
from app.gui.main import build_window
from app.gui.prefs import PreUnlockPrefs

PASSPHRASE = "olive grove under the citadel 1949"


def make_window(qtbot, tmp_path: Path, vault_dir: Path | None = None, language: str = "en"):
    prefs = PreUnlockPrefs(tmp_path / "prefs" / "gui-language.json")
    if language != "en":
        prefs.set_language(language)
    window = build_window(vault_dir or tmp_path / "vault", prefs)
    qtbot.addWidget(window)
    window.show()
    return window


def close_window(window) -> None:
    window.session.shutdown()
    window.close()
    install_language(QApplication.instance(), "en")


def create_vault_through_gui(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    page = window.current_page
    page.passphrase.setText(passphrase)
    page.repeat.setText(passphrase)
    assert page.create_button.isEnabled()
    with qtbot.waitSignal(window.session.unlocked, timeout=30_000):
        page.create_button.click()


def unlock_through_gui(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    page = window.current_page
    page.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.session.unlocked, timeout=30_000):
        page.unlock_button.click()


def type_text(widget, text: str) -> None:
    """Key presses carrying `text`, as an Arabic (or any) keyboard sends them: QTest.keyClicks
    knows only ASCII characters."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def press_in_next_dialog(key=None, seen: list | None = None) -> None:
    """Press a key (Enter by default) in the next modal dialog, as a person would, once it is up.

    Call before the action that opens the dialog (its exec() blocks until the key is pressed).
    `seen`, if given, receives the dialog's text before the key press."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    tries = [0]

    def poke() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            tries[0] += 1
            if tries[0] < 500:  # no dialog within 10 s: give up (the test's own check fails)
                QTimer.singleShot(20, poke)
            return
        if seen is not None:
            seen.append(visible_texts(dialog))
        QTest.keyClick(dialog, key if key is not None else Qt.Key.Key_Return)

    QTimer.singleShot(0, poke)


def new_case_through_gui(qtbot, window, form: str = "kidnapping"):
    """New case → pick the kind of case in the dialog with the keyboard → the editor."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view = window.show_view("cases")
    QTest.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.kind_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    kinds = dialog.kinds
    QTest.keyClick(kinds, Qt.Key.Key_Home)
    for _ in range(kinds.count()):
        if kinds.currentItem().data(Qt.ItemDataRole.UserRole) == form:
            break
        QTest.keyClick(kinds, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.view_shown, timeout=10_000):
        QTest.keyClick(kinds, Qt.Key.Key_Return)
    assert window.editor.definition["id"] == form
    return window.editor


def visible_texts(root) -> list[str]:
    """Every piece of text a person could read on screen under `root` (widgets and item views)."""
    from PySide6.QtWidgets import QAbstractItemView, QWidget

    texts: list[str] = []
    widgets = [root] + root.findChildren(QWidget)
    for w in widgets:
        if not w.isVisible():
            continue
        if isinstance(w, (QLabel, QLineEdit, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            texts.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            from PySide6.QtCore import QModelIndex

            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models hide columnCount: one column
                columns = 1
            for r in range(min(model.rowCount(QModelIndex()), 500)):
                for c in range(columns):
                    value = model.data(model.index(r, c))
                    if value is not None:
                        texts.append(str(value))
        texts.append(w.windowTitle())
        texts.append(w.toolTip())
    return texts
