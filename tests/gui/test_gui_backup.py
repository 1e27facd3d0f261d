"""Backups and recovery shares through the real window's keys view (issue 20): a backup written by a
background task verifies and restores; a wrong passphrase is refused in one line; the shares
dialog shows one share at a time, any 2 of 3 recover, and the audit log records only that
shares were made."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services.intake import cases
from app.services.recovery import backup, key_recovery, shares
from storage import audit
from storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.gui_support import close_window, make_window, type_text, unlock_through_gui

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path, vault):
    cases.save_case(vault, {"form": "kidnapping", "title": "Taken at the bakery"})
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    unlock_through_gui(qtbot, w)
    yield w
    close_window(w)


def _finish(qtbot, task):
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    return task


def test_backup_verify_and_restore_from_the_keys_view(qtbot, window, tmp_path):
    panel = window.show_view("keys").backup
    task = _finish(qtbot, panel.backup_to(tmp_path / "vault.backup"))
    assert task.outcome == "succeeded", task.error
    assert "Backup written: 1 cases" in panel.message.text()
    assert backup.verify_backup(tmp_path / "vault.backup", passphrase=PASSPHRASE).cases == 1

    type_text(panel.passphrase, "not the passphrase at all")
    task = _finish(qtbot, panel.verify(tmp_path / "vault.backup"))
    assert task.outcome == "failed" and "Wrong passphrase" in panel.message.text()
    panel.passphrase.selectAll()
    type_text(panel.passphrase, PASSPHRASE)
    task = _finish(qtbot, panel.verify(tmp_path / "vault.backup"))
    assert task.outcome == "succeeded", task.error
    assert "The backup verifies" in panel.message.text() and panel.passphrase.text() == ""

    type_text(panel.passphrase, PASSPHRASE)
    task = _finish(qtbot, panel.restore(tmp_path / "vault.backup", tmp_path / "restored"))
    assert task.outcome == "succeeded", task.error
    with Vault.unlock(tmp_path / "restored", PASSPHRASE) as restored:
        assert [c.title for c in cases.query_cases(restored)] == ["Taken at the bakery"]


def test_shares_are_shown_one_at_a_time_and_any_two_recover(qtbot, window, tmp_path):
    panel = window.show_view("keys").backup
    for spin, value in ((panel.threshold, "2"), (panel.count, "3")):
        spin.setFocus()
        QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(spin, value)
    QTest.mouseClick(panel.shares_button, Qt.MouseButton.LeftButton)
    dialog = panel.shares_dialog
    assert dialog is not None and dialog.isVisible()
    seen = []
    for number in (1, 2, 3):
        assert f"Share {number} of 3" in dialog.heading.text()
        text = dialog.share.text()
        assert len(text.split()) == 20 and all(s not in text for s in seen)  # only this share on screen
        seen.append(text)
        QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.share.text() == ""
    vault = window.session.vault
    entry = audit.entries(vault.connection())[-1]
    assert entry["action"] == "recovery.shares" and entry["detail"]["threshold"] == 2
    assert not any(word in str(audit.entries(vault.connection())) for word in seen[0].split()[4:8])
    assert list(tmp_path.glob("share-*")) == []  # nothing written: not asked
    assert key_recovery.vault_status(vault.path).shares == 3
    for pair in ((seen[0], seen[2]), (seen[1], seen[2])):
        shares.combine(list(pair))  # any two combine
    with pytest.raises(shares.ShareRefused):
        shares.combine([seen[1]])


def test_the_panel_and_the_shares_dialog_speak_arabic(qtbot, tmp_path, vault):
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path, language="ar")
    try:
        unlock_through_gui(qtbot, w)
        panel = w.show_view("keys").backup
        assert panel.title() == "النسخ الاحتياطي والاسترداد"
        assert panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
        QTest.mouseClick(panel.shares_button, Qt.MouseButton.LeftButton)
        assert panel.shares_dialog.heading.text().startswith("الحصة 1 من 3")
        assert panel.shares_dialog.share.layoutDirection() == Qt.LayoutDirection.LeftToRight  # Latin words
        panel.shares_dialog.reject()
    finally:
        close_window(w)


def test_a_new_laptop_restores_the_vault_from_the_first_run_page(qtbot, tmp_path, vault):
    case_id, _ = cases.save_case(vault, {"form": "kidnapping", "title": "From the lost laptop"})
    backup.write_backup(vault, tmp_path / "vault.backup")
    vault_id = vault.vault_id
    vault.lock()
    w = make_window(qtbot, tmp_path / "new-laptop", vault_dir=tmp_path / "new-laptop" / "vault")
    try:
        page = w.current_page
        type_text(page.backup_passphrase, "the wrong one, typed in a hurry")
        task = _finish(qtbot, page.restore_from(tmp_path / "vault.backup"))
        assert task.outcome == "failed" and "Wrong passphrase" in page.message.text()
        assert not (tmp_path / "new-laptop" / "vault").exists()
        type_text(page.backup_passphrase, PASSPHRASE)
        with qtbot.waitSignal(w.session.unlocked, timeout=60_000):
            page.restore_from(tmp_path / "vault.backup")
        restored = w.session.vault
        assert restored.vault_id == vault_id
        assert cases.get_case(restored, case_id)["title"] == "From the lost laptop"
        assert audit.entries(restored.connection())[-1]["action"] == "vault.restore"
    finally:
        close_window(w)


def test_a_forgotten_passphrase_is_replaced_with_two_shares_on_the_unlock_page(qtbot, tmp_path, vault):
    from storage.vault import KEYFILE
    from tests.recovery.test_shared_recovery import NEW_PASSPHRASE, _changed_word

    made = key_recovery.make_vault_shares(vault, 2, 3)
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        page = w.current_page
        assert page.recover_button is not None
        QTest.mouseClick(page.recover_button, Qt.MouseButton.LeftButton)
        dialog = page.recover_dialog
        assert dialog is not None and dialog.isVisible()

        def fill(shares_typed: list[str]) -> None:
            dialog.shares.setFocus()
            for share in shares_typed:
                QTest.keyClicks(dialog.shares, share)
                QTest.keyClick(dialog.shares, Qt.Key.Key_Return)
            type_text(dialog.passphrase, NEW_PASSPHRASE)
            type_text(dialog.repeat, NEW_PASSPHRASE)

        before = (vault.path / KEYFILE).read_bytes()
        fill([made.shares[0], _changed_word(made.shares[2])])
        task = _finish(qtbot, dialog.recover())
        assert task.outcome == "failed" and "Share 2 has a changed or misspelt word" in dialog.message.text()
        assert (vault.path / KEYFILE).read_bytes() == before and dialog.shares.toPlainText() == ""
        fill([made.shares[2], made.shares[0]])
        with qtbot.waitSignal(w.session.unlocked, timeout=60_000):
            QTest.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
        assert audit.entries(w.session.vault.connection())[-1]["action"] == "vault.recover"
    finally:
        close_window(w)
    Vault.unlock(vault.path, NEW_PASSPHRASE).lock()


def test_no_recovery_button_until_shares_are_made(qtbot, tmp_path, vault):
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        assert w.current_page.recover_button is None
    finally:
        close_window(w)
