"""A received case opens read-only on a coordinator's vault; "Annotate" adds the coordinator's own
note beside it, and the documenter's signed version stays byte-identical (issue 15)."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services.exchange import export, imports, received_evidence
from app.services.intake import annotations, cases
from storage import audit
from tests.bundle_support import add_case, content_digest, enroll, make_vault
from tests.gui_support import close_window, make_window, type_text, unlock_through_gui

pytestmark = pytest.mark.gui


def _signed(vault) -> dict:
    """Every byte the documenter signed and every stored version of it, hashed."""
    conn = vault.connection()
    out = {}
    for table, sql in (
        ("evidence", "SELECT documenter, sequence, case_id, sha256, record FROM received_record_evidence"),
        ("bundles", "SELECT documenter, sequence, sums, signature FROM received_bundle_evidence"),
        ("versions", "SELECT case_id, version, parent, status, sha256, saved_at, body FROM case_versions"),
    ):
        rows = sorted(repr(r) for r in conn.execute(sql).fetchall())
        out[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return out | {"digest": content_digest(vault)}


@pytest.fixture
def received(tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="Homs coordination")
    documenter = make_vault(tmp_path / "doc", name="Rania Haddad")
    enroll(coordinator, documenter)
    case_id = add_case(documenter, "received", governorate="homs")
    export.export_bundle(documenter, tmp_path / "1.tawthiq")
    assert imports.import_bundles(coordinator, [tmp_path / "1.tawthiq"])[0].status == "imported"
    documenter.lock()
    yield coordinator, case_id
    if not coordinator.locked:
        coordinator.lock()


def test_a_received_case_is_read_only_until_annotated_and_the_signed_version_never_changes(qtbot, tmp_path,
                                                                                            received):
    coordinator, case_id = received
    before = _signed(coordinator)
    audit_before = len(audit.entries(coordinator.connection()))
    coordinator.lock()
    window = make_window(qtbot, tmp_path, vault_dir=coordinator.path)
    try:
        unlock_through_gui(qtbot, window)
        vault = window.session.vault
        editor = window.open_case(case_id)
        qtbot.waitUntil(editor.isVisible)
        assert editor.read_only and not editor.annotating
        assert not editor.save_button.isVisible() and not editor.seal_button.isVisible()
        # Typing into the record changes nothing: it is the documenter's.
        title = editor.field("title").edit
        qtbot.mouseClick(title, Qt.MouseButton.LeftButton)
        QTest.keyClicks(title, "changed by the coordinator")
        QTest.keyClick(title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert title.text() == "received"
        assert not editor.annotation_text.isVisible()

        qtbot.mouseClick(editor.annotate_button, Qt.MouseButton.LeftButton)
        assert editor.annotating and editor.annotation_text.hasFocus()
        type_text(editor.annotation_text, "تواصلنا مع العائلة: لا أخبار بعد. Follow up in May.")
        # Escape while a note is typed does not leave the case and lose the note.
        QTest.keyClick(editor.annotation_text, Qt.Key.Key_Escape)
        assert window.editor is editor and editor.isVisible() and editor.annotating
        assert editor.annotation_state.text() == "Add the note or cancel it first."
        qtbot.mouseClick(editor.add_note_button, Qt.MouseButton.LeftButton)
        assert not editor.annotating
        assert editor.annotation_state.text() == "Note added. The documenter's version is unchanged."
        [note] = annotations.list_annotations(vault, case_id)
        assert note.note == "تواصلنا مع العائلة: لا أخبار بعد. Follow up in May."
        assert (note.author, note.version) == ("Homs coordination", 1)
        assert editor.annotation_list.count() == 1
        assert editor.annotation_list.item(0).text().endswith(note.note)

        # An empty note is refused in one line, nothing stored.
        qtbot.mouseClick(editor.annotate_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(editor.add_note_button, Qt.MouseButton.LeftButton)
        assert editor.annotation_state.text() == "Write the note first"
        assert len(annotations.list_annotations(vault, case_id)) == 1

        after = _signed(vault)
        assert after == before
        assert received_evidence.recheck_case(vault, case_id).problems == []
        body = cases.get_case(vault, case_id)
        assert body["title"] == "received" and body["_meta"]["current_version"] == 1
        entries = audit.entries(vault.connection())[audit_before:]
        assert [e["action"] for e in entries if e["action"].startswith("case.")] == ["case.annotate"]
    finally:
        close_window(window)


def test_annotations_are_kept_apart_and_only_added(received, vault):
    coordinator, case_id = received
    annotations.annotate(coordinator, case_id, "first note")
    conn = coordinator.connection()
    with pytest.raises(Exception, match="never changed"):
        conn.execute("UPDATE case_annotations SET note = 'rewritten'")
    own = add_case(vault, "recorded here")
    with pytest.raises(annotations.AnnotationRefused) as refused:
        annotations.annotate(vault, own, "a note")
    assert refused.value.code == "annotation.own_case"
    with pytest.raises(annotations.AnnotationRefused):
        annotations.annotate(coordinator, case_id, "   ")
    with pytest.raises(cases.CaseNotFound):
        annotations.annotate(coordinator, "no-such-case", "a note")
    assert [a.note for a in annotations.list_annotations(coordinator, case_id)] == ["first note"]
