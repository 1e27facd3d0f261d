"""The witness register, editor and consent editor as real Qt widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import pyrage
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidget, QTextEdit

from app.gui.witness_views import ConsentEditor, WitnessEditor, WitnessRegisterView
from app.services.intake import witnesses
from tests.witness_support import CANARY_AR, CANARY_LATIN, leaked_canaries

pytestmark = pytest.mark.gui


@pytest.fixture
def profiled_vault(vault):
    vault.set_setting(witnesses.CUSTODIAN_SETTING, str(pyrage.x25519.Identity.generate().to_public()))
    return vault


def visible_text(widget) -> str:
    """Every string the widget tree could show: line edits, labels, text edits, table cells."""
    out = []
    for child in widget.findChildren(QLineEdit):
        out.append(child.text())
    for child in widget.findChildren(QLabel):
        out.append(child.text())
    for child in widget.findChildren(QTextEdit):
        out.append(child.toPlainText())
    for table in widget.findChildren(QTableWidget):
        for i in range(table.rowCount()):
            for j in range(table.columnCount()):
                item = table.item(i, j)
                out.append(item.text() if item else "")
    return "\n".join(out)


def fill_new_witness(qtbot, editor: WitnessEditor) -> None:
    qtbot.keyClicks(editor.alias, "Catherine")
    qtbot.keyClicks(editor.relation, "neighbour")
    editor.risk.setCurrentIndex(editor.risk.findData("high"))
    # QTest cannot synthesise key events for Arabic letters; insert() is what an input method does.
    editor.identity["name_ar"].insert(CANARY_AR)
    qtbot.keyClicks(editor.identity["name_latin"], CANARY_LATIN)
    qtbot.keyClicks(editor.identity["phone"], "+963 944 777 123")
    qtbot.mouseClick(editor.consent.given, Qt.MouseButton.LeftButton)
    editor.consent.scope["internal"].setChecked(True)
    editor.consent.scope["courts"].setChecked(True)


def test_identity_typed_once_then_shown_only_as_sealed(qtbot, profiled_vault):
    view = WitnessRegisterView(profiled_vault)
    qtbot.addWidget(view)
    view.show()
    editor = view.new_witness()
    assert editor.identity_box.isVisibleTo(view)
    fill_new_witness(qtbot, editor)
    assert CANARY_LATIN in visible_text(view)  # the check below can fail
    with qtbot.waitSignal(view.saved, timeout=5000) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    code = saved.args[0]
    assert witnesses.is_code(code) and view.codes() == [code]
    assert not editor.identity_box.isVisibleTo(view)
    assert "Sealed to the custodian" in editor.sealed_label.text()
    text = visible_text(view)
    assert CANARY_LATIN not in text and CANARY_AR not in text
    stored = witnesses.get_witness(profiled_vault, code)
    assert (stored.alias, stored.risk, stored.consent["scope"]) == ("Catherine", "high", ["internal", "courts"])
    assert leaked_canaries(profiled_vault) == []
    # Reopening the witness from the register shows it sealed, with no identity inputs.
    view.table.selectRow(0)
    assert view.editor is not editor and view.editor.code == code
    assert not view.editor.identity_box.isVisibleTo(view)
    assert CANARY_LATIN not in visible_text(view)


def test_local_copy_needs_an_explicit_choice_and_warns(qtbot, profiled_vault):
    editor = WitnessEditor(profiled_vault)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.local_warning.isVisible()
    editor.keep_local_copy.setChecked(True)
    assert editor.local_warning.isVisible() and "checkpoint" in editor.local_warning.text()
    fill_new_witness(qtbot, editor)
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save_button.click()
    w = witnesses.get_witness(profiled_vault, editor.code)
    assert w.has_local_copy and "locally readable copy" in editor.sealed_label.text()


def test_consent_editor_round_trip_and_withdrawal_saved(qtbot, profiled_vault):
    code = witnesses.add_witness(profiled_vault, {"alias": "K", "consent": {
        "given": True, "how": "written", "date": "2026-10-01", "recorded_by": "doc-7",
        "scope": ["internal", "publication"], "name_disclosure": True}})
    editor = WitnessEditor(profiled_vault, code)
    qtbot.addWidget(editor)
    assert editor.consent.consent() == witnesses.get_witness(profiled_vault, code).consent
    editor.consent.withdrawn.setChecked(True)
    editor.consent.withdrawn_on.setDate(editor.consent.withdrawn_on.date().fromString("2026-11-24", "yyyy-MM-dd"))
    editor.risk.setCurrentIndex(editor.risk.findData("medium"))
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save_button.click()
    w = witnesses.get_witness(profiled_vault, code)
    assert w.consent["withdrawn_on"] == "2026-11-24" and w.risk == "medium"

    alone = ConsentEditor()
    qtbot.addWidget(alone)
    assert alone.consent() == {"given": False, "how": "", "date": "", "recorded_by": "", "scope": [],
                               "name_disclosure": False, "withdrawn_on": None}
    assert not alone.scope["courts"].isEnabled()
    with qtbot.waitSignal(alone.changed, timeout=1000):
        alone.given.setChecked(True)
    assert alone.scope["courts"].isEnabled()


def test_bad_input_shows_one_line_and_saves_nothing(qtbot, profiled_vault):
    editor = WitnessEditor(profiled_vault)
    qtbot.addWidget(editor)
    editor.alias.setText("x" * 600)
    editor.identity["name_latin"].setText(CANARY_LATIN)
    with qtbot.waitSignal(editor.failed, timeout=5000) as failed:
        editor.save_button.click()
    assert "alias" in failed.args[0] and CANARY_LATIN not in failed.args[0]
    assert editor.code is None and witnesses.list_witnesses(profiled_vault) == []
    assert editor.identity["name_latin"].text() == CANARY_LATIN  # kept for correction, not saved


def test_register_lists_consent_and_sealing_state(qtbot, vault):
    code = witnesses.add_witness(vault, {"alias": "Noor", "identity": {"name_latin": CANARY_LATIN},
                                         "consent": {"given": True, "scope": ["un"]}})
    witnesses.withdraw_consent(vault, code, on="2026-11-20")
    view = WitnessRegisterView(vault)
    qtbot.addWidget(view)
    row = [view.table.item(0, j).text() for j in range(view.table.columnCount())]
    assert row[0] == code and row[1] == "Noor"
    assert "20 November 2026" in row[3] and "this vault" in row[4]


def test_a_coordinator_sees_the_register_but_enters_or_changes_no_witness(qtbot, coordinator_vault):
    from app.services.exchange import witness_records
    from storage import audit
    from storage.database import transaction

    record = {"kind": "witness", "id": "W-7KQ3-M9XD", "code": "W-7KQ3-M9XD", "revision": 1, "alias": "Noor",
              "relation": "", "risk": "high", "follow_up": "", "consent": {"given": True, "scope": ["internal"]},
              "updated_at": audit.now_iso(), "sealed_identity": None}
    conn = coordinator_vault.connection()
    with transaction(conn):
        witness_records.apply_bundle_record(conn, record, {"documenter": "AA11", "bundle_id": "b", "sequence": 1,
                                                           "received_at": audit.now_iso()})
    view = WitnessRegisterView(coordinator_vault)
    qtbot.addWidget(view)
    view.show()
    assert not view.new_button.isVisible() and view.codes() == ["W-7KQ3-M9XD"]
    view.table.selectRow(0)
    assert view.editor.code == "W-7KQ3-M9XD"
    assert not view.editor.save_button.isEnabled() and not view.editor.consent.isEnabled()
