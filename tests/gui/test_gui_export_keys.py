"""Export wizard and keys view through the real window: a bundle the coordinator's key opens,
cancel leaves nothing, the fingerprint and its QR code match the service."""

from __future__ import annotations

import pyrage
import pytest

from app.services.exchange import organisation_profile, trust_list
from app.services.intake import cases
from app.services.vault import keys
from tests.gui_support import close_window, make_window, unlock_through_gui

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path, vault, coordinator_vault):
    exported = organisation_profile.export_profile(coordinator_vault)
    organisation_profile.import_profile(vault, organisation_profile.read_profile(exported))
    cases.save_case(vault, {"form": "kidnapping", "title": "Taken at the bakery"})
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    unlock_through_gui(qtbot, w)
    yield w
    close_window(w)


def test_export_writes_a_bundle_only_the_coordinator_can_open(qtbot, window, tmp_path, coordinator_vault):
    view = window.show_view("export")
    target = tmp_path / "out.tawthiq"
    task = view.export_to(target)
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert task.outcome == "succeeded", task.error
    assert "1" in view.message.text() and view.sent.count() == 1
    opened = pyrage.decrypt(target.read_bytes(), [coordinator_vault.age_identity])
    assert opened[257:262] == b"ustar"  # a tar inside, readable only with the coordinator's key


def test_cancelled_export_leaves_no_file_and_marks_nothing_sent(qtbot, window, tmp_path):
    view = window.show_view("export")
    target = tmp_path / "cancelled.tawthiq"
    task = view.export_to(target)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    if task.outcome == "succeeded":  # the work finished before the cancel was seen: a real bundle
        assert target.exists()
        return
    assert task.outcome == "cancelled"
    assert not target.exists() and list(tmp_path.glob(".cancelled.tawthiq*")) == []
    assert view.sent.count() == 0


def test_keys_view_shows_the_fingerprint_and_a_qr_code(qtbot, window, tmp_path):
    view = window.show_view("keys")
    expected = keys.describe(window.session.vault).fingerprint
    assert view.fingerprint.text() == expected
    assert not view.qr.pixmap().isNull()
    view.save_identity(tmp_path / "me.id")
    candidate = trust_list.read_identity((tmp_path / "me.id").read_bytes())
    assert candidate is not None
