"""The GUI's emergency features on a real vault: the typed-WIPE wipe (locked or unlocked), the
attempts-left line and the wipe at the failed-unlock limit, and neutral mode's title and icon."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from app.gui.access import FirstRunPage, UnlockPage
from app.gui.emergency import WIPE_WORD
from app.services.intake import cases
from app.services.vault import emergency
from storage import keyfile
from storage.errors import CorruptVault, VaultNotFound
from storage.vault import KEYFILE, Vault
from tests.conftest import snapshot
from tests.gui_support import PASSPHRASE, close_window, make_window, unlock_through_gui

pytestmark = pytest.mark.gui

WRONG = "not the passphrase at all"


def _filled_and_locked(vault: Vault, tmp_path) -> None:
    case_id, _ = cases.save_case(vault, {"form": "kidnapping", "title": "اختطاف عند الحاجز"})
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(50_000))
    cases.attach_file(vault, case_id, photo)
    vault.lock()


def _open_wipe_dialog(qtbot, opener):
    opener.wipe_button.click()
    dialog = opener.wipe_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    return dialog


def _icon_image(window):
    return window.windowIcon().pixmap(32, 32).toImage()


@pytest.fixture
def window_on(qtbot, tmp_path):
    opened = []

    def open_(vault_dir):
        w = make_window(qtbot, tmp_path, vault_dir=vault_dir)
        opened.append(w)
        return w

    yield open_
    for w in opened:
        close_window(w)


def test_the_wipe_dialog_refuses_anything_but_wipe_and_changes_nothing(qtbot, tmp_path, vault, window_on):
    _filled_and_locked(vault, tmp_path)
    before = snapshot(vault.path)
    w = window_on(vault.path)
    page = w.current_page
    assert isinstance(page, UnlockPage)
    assert not page.attempts.isVisible()  # the failed-unlock limit is off by default
    dialog = _open_wipe_dialog(qtbot, page)
    for word in ("", "wipe", "Wipe", "WIPE IT", "WIP", "مسح", "ＷＩＰＥ"):
        dialog.word.setText(word)
        assert not dialog.wipe_button.isEnabled(), word
        dialog.wipe()  # even if the button were pressed somehow
        assert "Nothing was wiped" in dialog.message.text()
        assert dialog.isVisible()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert snapshot(vault.path) == before
    assert isinstance(w.current_page, UnlockPage)
    unlock_through_gui(qtbot, w)  # the vault still opens with its passphrase
    assert cases.count_cases(w.session.vault) == 1


def test_typing_wipe_on_the_unlock_page_shreds_the_vault_without_unlocking(qtbot, tmp_path, vault, window_on):
    _filled_and_locked(vault, tmp_path)
    keep = tmp_path / "same-inode-as-keyfile"  # the key file's disk blocks, reachable after unlink
    os.link(vault.path / KEYFILE, keep)
    original = keep.read_bytes()
    w = window_on(vault.path)
    dialog = _open_wipe_dialog(qtbot, w.current_page)
    qtbot.keyClicks(dialog.word, WIPE_WORD)
    assert dialog.wipe_button.isEnabled()
    dialog.wipe_button.click()

    qtbot.waitUntil(lambda: isinstance(w.current_page, FirstRunPage), timeout=5_000)
    assert not vault.path.exists()
    assert keep.read_bytes() != original
    with pytest.raises(CorruptVault):
        keyfile.unlock_keyfile(keep, PASSPHRASE)
    with pytest.raises(VaultNotFound):
        Vault.unlock(vault.path, PASSPHRASE)
    message = w.current_page.message.text()
    assert "wiped" in message and "ms" in message
    assert not w.session.is_unlocked


def test_wipe_from_settings_while_unlocked_locks_and_returns_to_first_run(qtbot, tmp_path, vault, window_on):
    _filled_and_locked(vault, tmp_path)
    w = window_on(vault.path)
    unlock_through_gui(qtbot, w)
    settings = w.show_view("settings")
    dialog = _open_wipe_dialog(qtbot, settings)
    dialog.word.setText("WIPE")
    with qtbot.waitSignal(w.session.locked, timeout=10_000):
        dialog.wipe_button.click()
    qtbot.waitUntil(lambda: isinstance(w.current_page, FirstRunPage), timeout=5_000)
    assert not w.session.is_unlocked and w.view("cases") is None
    assert not vault.path.exists()
    assert "wiped" in w.current_page.message.text()


def test_attempts_left_counts_down_and_the_vault_is_wiped_at_the_limit(qtbot, tmp_path, vault, window_on):
    emergency.set_wipe_after_failed_unlocks(vault, 3)
    _filled_and_locked(vault, tmp_path)
    w = window_on(vault.path)
    page = w.current_page
    assert page.attempts.isVisible() and page.attempts.text().endswith(": 3")
    for left in (2, 1):
        page.passphrase.setText(WRONG)
        page.unlock_button.click()
        qtbot.waitUntil(lambda left=left: page.attempts.text().endswith(f": {left}"), timeout=30_000)
        assert "Wrong passphrase" in page.message.text()
        assert vault.path.exists()
    page.passphrase.setText(WRONG)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: isinstance(w.current_page, FirstRunPage), timeout=30_000)
    assert "wiped" in w.current_page.message.text()
    assert not vault.path.exists()
    with pytest.raises(VaultNotFound):
        Vault.unlock(vault.path, PASSPHRASE)


def test_settings_turn_on_the_limit_and_neutral_mode_which_shows_before_unlock(qtbot, tmp_path, vault, window_on):
    vault.lock()
    w = window_on(vault.path)
    assert w.windowTitle() == emergency.APP_TITLE
    app_icon = _icon_image(w)
    unlock_through_gui(qtbot, w)
    settings = w.show_view("settings")
    assert not settings.wipe_limit_on.isChecked() and not settings.neutral.isChecked()
    settings.wipe_limit_on.setChecked(True)
    settings.wipe_limit.setValue(4)
    settings.neutral.setChecked(True)
    settings.apply_button.click()
    assert w.windowTitle() == emergency.NEUTRAL_TITLE
    assert QApplication.applicationDisplayName() == emergency.NEUTRAL_TITLE  # Qt appends it to titles
    assert _icon_image(w) != app_icon
    assert emergency.attempts_left(vault.path) == 4

    # A fresh start (what a checkpoint sees first): neutral before unlock, and the limit shown.
    close_window(w)
    again = window_on(vault.path)
    assert isinstance(again.current_page, UnlockPage)
    assert again.windowTitle() == emergency.NEUTRAL_TITLE and "Tawthiq" not in again.windowTitle()
    assert _icon_image(again) != app_icon
    assert again.current_page.attempts.text().endswith(": 4")

    unlock_through_gui(qtbot, again)
    settings = again.show_view("settings")
    assert settings.wipe_limit_on.isChecked() and settings.wipe_limit.value() == 4 and settings.neutral.isChecked()
    settings.wipe_limit_on.setChecked(False)
    settings.neutral.setChecked(False)
    settings.apply_button.click()
    assert again.windowTitle() == emergency.APP_TITLE and _icon_image(again) == app_icon
    assert emergency.attempts_left(vault.path) is None


def test_in_arabic_the_prompt_is_translated_but_the_word_stays_wipe(qtbot, tmp_path, vault):
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path, language="ar")
    try:
        dialog = _open_wipe_dialog(qtbot, w.current_page)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        assert any(WIPE_WORD in t and "اكتب" in t for t in texts)
        assert dialog.wipe_button.text() == "امحُ الآن"
        dialog.word.setText(WIPE_WORD)
        assert dialog.wipe_button.isEnabled()
        dialog.cancel_button.click()
        assert vault.path.exists()
    finally:
        close_window(w)
