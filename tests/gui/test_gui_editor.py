"""Editor promises beyond the main flow: nothing typed is lost, export only by choice, inline problems."""

from __future__ import annotations

import pytest

from app.services.exchange import acks, export, imports
from app.services.intake import cases
from tests.bundle_support import add_case, enroll, make_vault
from tests.gui_support import close_window, make_window, new_case_through_gui, unlock_through_gui

pytestmark = pytest.mark.gui

NARRATIVE = "شاهد الجار عملية الخطف من على السطح وسجّل رقم اللوحة."


@pytest.fixture
def window(qtbot, tmp_path, vault):
    vault.lock()
    w = make_window(qtbot, tmp_path, vault_dir=vault.path)
    unlock_through_gui(qtbot, w)
    yield w
    close_window(w)


def test_an_incomplete_new_case_survives_a_lock_as_a_pending_draft(qtbot, window):
    editor = new_case_through_gui(qtbot, window)
    editor.field("narrative").edit.setPlainText(NARRATIVE)  # no title yet: the form refuses a save
    with qtbot.waitSignal(window.session.locked, timeout=10_000):
        window.lock_action.trigger()  # before the autosave timer: the lock itself must save
    unlock_through_gui(qtbot, window)
    vault = window.session.vault
    # The form requires a title, so no case was saved: the text waits in the vault as a pending
    # draft and comes back in the editor.
    assert cases.count_cases(vault) == 0
    restored = new_case_through_gui(qtbot, window)
    assert restored.field("narrative").value() == NARRATIVE
    assert restored.notice.text() != ""
    restored.field("title").edit.setText("Neighbour saw the abduction")
    with qtbot.waitSignal(restored.saved, timeout=10_000):
        pass
    assert cases.count_cases(vault) == 1
    assert vault.setting("gui.pending_draft.new") is None


def test_attachment_export_writes_only_the_chosen_file(qtbot, window, tmp_path):
    editor = new_case_through_gui(qtbot, window)
    editor.field("title").edit.setText("Hospital received a body")
    assert editor.save_now()
    source = tmp_path / "report.txt"
    source.write_bytes(b"hospital intake record 17\n")
    with qtbot.waitSignal(editor.attachments.attached, timeout=30_000):
        editor.attachments.add_files([source])
    [att] = editor.attachments.attachments
    target = tmp_path / "chosen" / "copy.txt"
    target.parent.mkdir()
    task = editor.attachments.export_to(att["id"], target)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert task.outcome == "succeeded", task.error
    assert target.read_bytes() == source.read_bytes()
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.txt"]  # no temp file left beside it


def test_purge_after_acknowledgement_keeps_a_delivered_case_with_unfinished_edits(qtbot, tmp_path):
    """Edits the form does not accept yet are undelivered work: the purge must see them.

    Before, the editor kept them in the settings table itself; the purge removed the case and
    left its unfinished text behind, orphaned (no case to open it from).
    """
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="doc")
    enroll(coordinator, documenter)
    case_id = add_case(documenter, "delivered")
    export.export_bundle(documenter, tmp_path / "1.tawthiq")
    imports.import_bundles(coordinator, [tmp_path / "1.tawthiq"])
    acks.import_ack(documenter, acks.export_ack(coordinator)[0])
    assert acks.purgeable_cases(documenter) == [case_id]
    coordinator.lock()
    documenter.lock()
    w = make_window(qtbot, tmp_path, vault_dir=tmp_path / "doc")
    try:
        unlock_through_gui(qtbot, w)
        editor = w.open_case(case_id)
        editor.field("title").edit.setText("")  # the form refuses a case without a title
        editor.field("narrative").edit.setPlainText(NARRATIVE)
        assert not editor.save_now()
        vault = w.session.vault
        assert acks.purgeable_cases(vault) == []
        assert acks.purge_delivered(vault) == 0
        assert cases.get_case(vault, case_id)["title"] == "delivered"
        reopened = w.open_case(case_id)
        assert reopened.field("narrative").value() == NARRATIVE
        assert reopened.notice.text() != ""
        reopened.field("title").edit.setText("delivered, then corrected")
        assert reopened.save_now()  # saved: the case is new work now, not purgeable until delivered
        assert cases.unfinished(vault, case_id) is None
        assert acks.purgeable_cases(vault) == []
    finally:
        close_window(w)
