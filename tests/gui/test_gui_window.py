"""The window before and after unlock: first run, wrong passphrase, lock, auto-lock, views."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from app.gui.access import FirstRunPage, UnlockPage
from app.gui.case_list import CaseListView, CaseTableModel
from app.services.intake import cases
from app.services.vault import emergency
from storage.vault import Vault
from tests.gui_support import (
    PASSPHRASE,
    close_window,
    create_vault_through_gui,
    make_window,
    unlock_through_gui,
    visible_texts,
)

pytestmark = pytest.mark.gui

SECRET_TITLE = "Abduction of Yara Haddad near the old market"


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    yield w
    close_window(w)


def test_first_run_creates_a_vault_and_refuses_mismatched_or_weak_passphrases(qtbot, window, tmp_path):
    page = window.current_page
    assert isinstance(page, FirstRunPage)
    page.passphrase.setText("password")
    page.repeat.setText("password")
    assert not page.create_button.isEnabled()
    page.passphrase.setText(PASSPHRASE)
    page.repeat.setText(PASSPHRASE + "x")
    assert not page.create_button.isEnabled()
    assert "differ" in page.strength_label.text()
    assert "cannot recover" in page.findChild(QLabel, "warning").text() or "nobody can recover" in \
        page.findChild(QLabel, "warning").text()
    create_vault_through_gui(qtbot, window)
    assert window.session.is_unlocked
    assert window.workspace is not None and window.view("cases") is not None
    assert (tmp_path / "vault" / "keyfile").exists()


def test_wrong_passphrase_says_so_and_stays_locked(qtbot, tmp_path, vault):
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        page = w.current_page
        assert isinstance(page, UnlockPage)
        page.passphrase.setText("not the passphrase at all")
        page.unlock_button.click()
        qtbot.waitUntil(lambda: "Wrong passphrase" in page.message.text(), timeout=30_000)
        assert not w.session.is_unlocked
        assert page.passphrase.text() == ""  # the secret does not linger in the field
        unlock_through_gui(qtbot, w)
        assert w.session.is_unlocked
    finally:
        close_window(w)


def _vault_with_secret_case(vault: Vault) -> None:
    cases.save_case(vault, {"form": "kidnapping", "title": SECRET_TITLE, "victims": [{"name_ar": "يارا حداد"}]})
    vault.lock()


def test_ctrl_l_locks_clears_every_view_and_the_clipboard(qtbot, tmp_path, vault):
    _vault_with_secret_case(vault)
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        unlock_through_gui(qtbot, w)
        view = w.view("cases")
        qtbot.waitUntil(lambda: view.model.fetched == 1)
        assert SECRET_TITLE in visible_texts(w)
        view.search.setText(SECRET_TITLE)
        view.search.selectAll()
        view.search.copy()  # the person copied case text from the app
        assert QGuiApplication.clipboard().text() == SECRET_TITLE
        with qtbot.waitSignal(w.session.locked, timeout=10_000):
            qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert isinstance(w.current_page, UnlockPage)
        assert w.view("cases") is None
        texts = "\n".join(visible_texts(w))
        assert SECRET_TITLE not in texts and "يارا" not in texts
        assert QGuiApplication.clipboard().text() == ""
        assert w.windowTitle() == emergency.window_title(vault.path)  # never case content
    finally:
        close_window(w)


def test_auto_lock_fires_after_idle_and_leaves_no_case_text(qtbot, tmp_path, vault):
    _vault_with_secret_case(vault)
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        unlock_through_gui(qtbot, w)
        qtbot.waitUntil(lambda: w.view("cases").model.fetched == 1)
        assert w.session.idle_ms == 5 * 60_000  # the default
        with qtbot.waitSignal(w.session.locked, timeout=10_000):
            w.session.set_idle_ms(300)
        assert isinstance(w.current_page, UnlockPage)
        # The case list and its model are destroyed, not just hidden.
        qtbot.waitUntil(lambda: not w.findChildren(CaseListView) and not w.findChildren(CaseTableModel))
        texts = "\n".join(visible_texts(w))
        assert SECRET_TITLE not in texts and "يارا" not in texts
    finally:
        close_window(w)


def test_idle_minutes_setting_is_kept_in_the_vault(qtbot, tmp_path, vault):
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        unlock_through_gui(qtbot, w)
        settings = w.show_view("settings")
        settings.idle.setValue(7)
        settings.apply_button.click()
        assert w.session.vault.setting("gui.idle_minutes") == "7"
        w.session.lock()
        unlock_through_gui(qtbot, w)
        assert w.session.idle_ms == 7 * 60_000
    finally:
        close_window(w)


def test_add_view_respects_roles(qtbot, tmp_path, coordinator_vault):
    coordinator_vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=coordinator_vault.path)
    try:
        w.add_view("only_documenters", "Witnesses", lambda s: QLabel("documenter view"), roles=("documenter",))
        w.add_view("only_coordinators", "Review", lambda s: QLabel("coordinator view"), roles=("coordinator",))
        unlock_through_gui(qtbot, w)
        keys = [s.key for s in w.visible_views()]
        assert "only_coordinators" in keys and "only_documenters" not in keys
        widget = w.show_view("only_coordinators")
        assert widget.text() == "coordinator view"
        with pytest.raises(ValueError):
            w.add_view("cases", "Cases", QWidget)
    finally:
        close_window(w)


def test_qt_file_dialog_history_is_never_written(qtbot, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from app.gui.main import NO_SETTINGS, application

    application()
    secret_folder = tmp_path / "interviews-homs"
    secret_folder.mkdir()
    dialog = QFileDialog(None, "x", str(secret_folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    dialog.done(0)
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert settings.fileName().startswith(NO_SETTINGS)
    settings.sync()
    assert settings.status() != QSettings.Status.NoError or not settings.allKeys()
