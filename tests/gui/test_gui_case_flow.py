"""The documenter's whole path through the real window: create a vault, record a kidnapping with
two victims and a photo, find it by an Arabic search, seal it, lock, unlock, see it unchanged —
in English and once in Arabic, right to left."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from app.gui.access import UnlockPage
from app.services.intake import cases
from tests.gui_support import (
    close_window,
    create_vault_through_gui,
    make_window,
    new_case_through_gui,
    press_in_next_dialog,
    unlock_through_gui,
)

pytestmark = pytest.mark.gui

TITLE = "Abduction of two brothers at the Tal Kalakh checkpoint"
NARRATIVE = "اختطف مسلحون الأخوين من سيارة أجرة عند الحاجز وهم في طريقهم إلى حمص."
VICTIMS = ("محمد الأحمد", "أحمد الأحمد")


def _png(path) -> bytes:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    raw = bytes(data.data())
    path.write_bytes(raw)
    return raw


def _record_case(qtbot, window, photo):
    editor = new_case_through_gui(qtbot, window)
    assert editor is not None
    editor.field("title").edit.setText(TITLE)
    editor.field("narrative").edit.setPlainText(NARRATIVE)
    editor.field("date").start.setText("2025-03-06")
    victims = editor.field("victims")
    for name in VICTIMS:
        victims.add_button.click()
        victims.entries[-1].widgets["name_ar"].edit.setText(name)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        pass  # the autosave timer, not a button: nothing typed is lost
    assert editor.case_id is not None
    with qtbot.waitSignal(editor.attachments.attached, timeout=30_000):
        editor.attachments.add_files([photo])
    return editor


def _run_flow(qtbot, tmp_path, language: str):
    photo = tmp_path / "checkpoint.png"
    raw = _png(photo)
    window = make_window(qtbot, tmp_path, language=language)
    try:
        if language == "ar":
            assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
            assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        create_vault_through_gui(qtbot, window)
        editor = _record_case(qtbot, window, photo)
        case_id = editor.case_id
        [att] = editor.attachments.attachments
        assert att["sha256"] == hashlib.sha256(raw).hexdigest() and att["size"] == len(raw)
        assert editor.attachments.table.item(0, 2).text() == att["sha256"]
        # Preview decoded from memory.
        editor.attachments.table.setCurrentCell(0, 0)
        qtbot.waitUntil(lambda: editor.attachments.preview.pixmap() is not None
                        and not editor.attachments.preview.pixmap().isNull(), timeout=10_000)
        editor.back_button.click()
        view = window.view("cases")
        view.search.setText("الاحمد")  # no hamza: the search folds أ → ا
        qtbot.waitUntil(lambda: view.model.total == 1 and view.model.case_id(0) == case_id, timeout=10_000)
        view.search.setText("لا يوجد شيء كهذا")
        qtbot.waitUntil(lambda: view.model.total == 0, timeout=10_000)
        window.open_case(case_id)
        editor = window.editor
        with qtbot.waitSignal(editor.sealed, timeout=10_000):
            press_in_next_dialog()  # "Seal this version?" → Seal
            editor.seal_button.click()
        before = cases.get_case(window.session.vault, case_id)
        with qtbot.waitSignal(window.session.locked, timeout=10_000):
            window.lock_action.trigger()
        assert isinstance(window.current_page, UnlockPage)
        unlock_through_gui(qtbot, window)
        window.open_case(case_id)
        editor = window.editor
        assert editor.field("title").value() == TITLE
        assert editor.field("narrative").value() == NARRATIVE
        assert [e.widgets["name_ar"].value() for e in editor.field("victims").entries] == list(VICTIMS)
        assert editor.status == "sealed"
        assert [a["sha256"] for a in editor.attachments.attachments] == [att["sha256"]]
        # Opening a sealed case is not an edit: no autosave, no new version.
        assert not editor.dirty and not editor._timer.isActive()
        after = cases.get_case(window.session.vault, case_id)
        assert after == before and after["_meta"]["status"] == "sealed"
        assert [v["version"] for v in cases.case_history(window.session.vault, case_id)] == [1]
        if language == "ar":
            assert editor.isRightToLeft()
            assert window.view("cases").isRightToLeft()
    finally:
        close_window(window)


def test_record_find_seal_lock_unlock_in_english(qtbot, tmp_path):
    _run_flow(qtbot, tmp_path, "en")


def test_record_find_seal_lock_unlock_in_arabic_right_to_left(qtbot, tmp_path):
    _run_flow(qtbot, tmp_path, "ar")
