"""The case view says whether a received case is still what its documenter signed (issue 14 item 9)."""

from __future__ import annotations

import pytest

from app.services.exchange import export, imports
from tests.bundle_support import add_case, enroll, make_vault
from tests.coordinator.test_chain_of_custody import rewrite_received_narrative
from tests.gui_support import close_window, make_window, unlock_through_gui

pytestmark = pytest.mark.gui


def test_the_case_view_shows_the_signature_check(qtbot, tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="doc")
    enroll(coordinator, documenter)
    kept, rewritten = add_case(documenter, "kept"), add_case(documenter, "rewritten")
    export.export_bundle(documenter, tmp_path / "1.tawthiq")
    imports.import_bundles(coordinator, [tmp_path / "1.tawthiq"])
    documenter.lock()
    rewrite_received_narrative(coordinator, rewritten)
    coordinator.lock()
    window = make_window(qtbot, tmp_path, vault_dir=coordinator.path)
    try:
        unlock_through_gui(qtbot, window)
        line = window.open_case(kept).custody
        assert line.isVisible() and line.text() == "Signature checked: every version is what its documenter signed."
        line = window.open_case(rewritten).custody
        assert line.isVisible() and line.text().startswith("Signature check FAILED: 1 of the 1 versions is not")
    finally:
        close_window(window)


def test_a_broken_audit_chain_is_said_after_unlock_until_lock(qtbot, tmp_path, vault):
    from PySide6.QtWidgets import QLabel

    from storage.database import transaction

    add_case(vault, "one")
    add_case(vault, "two")
    conn = vault.connection()
    with transaction(conn):
        conn.execute("DROP TRIGGER audit_log_no_delete")
        conn.execute("DELETE FROM audit_log WHERE seq = 2")
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        unlock_through_gui(qtbot, window)
        warning = window.findChild(QLabel, "audit_warning")
        assert warning is not None and warning.isVisible()
        print(len(window.findChildren(QLabel, "audit_warning")), window.statusBar().isVisible())
        assert warning.text().startswith("Warning: the audit log is broken at entry 3")
        window.session.lock()
        qtbot.waitUntil(lambda: window.findChild(QLabel, "audit_warning") is None)
        assert not window.statusBar().isVisible()
    finally:
        close_window(window)


def test_an_intact_vault_shows_no_audit_warning(qtbot, tmp_path, vault):
    from PySide6.QtWidgets import QLabel

    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        unlock_through_gui(qtbot, window)
        assert window.findChild(QLabel, "audit_warning") is None
    finally:
        close_window(window)
