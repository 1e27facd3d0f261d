"""Issue 21 in the attachment panel: a click on a photo shows what it says about itself, a warning
where that contradicts the case, and the earliest sighting of a photo it looks like — in English
and in Arabic."""

from __future__ import annotations

import copy

import pytest
from PIL import ImageOps
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services.intake import cases
from tests import media_corpus as mc
from tests.forms_support import example
from tests.gui_support import close_window, make_window, unlock_through_gui

pytestmark = pytest.mark.gui


def _click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())


@pytest.mark.parametrize("language", ["en", "ar"])
def test_clicking_a_photo_shows_its_metadata_warnings_and_earliest_sighting(qtbot, tmp_path, vault, language):
    body = copy.deepcopy(example("kidnapping"))
    body["date"] = {"start": "2025-03-09", "precision": "day"}
    case_id, _ = cases.save_case(vault, body)
    old = tmp_path / "old.jpg"
    old.write_bytes(mc.photo_with_exif(seed=51, taken="2019:05:06 07:08:09", lat=35.5317, lon=35.79,
                                       make="Samsung", model="SM-A515F"))
    copy_path = tmp_path / "copy.jpg"
    copy_path.write_bytes(mc.jpeg_bytes(ImageOps.mirror(mc.base_image(51)), 50))
    cases.attach_file(vault, case_id, old)
    cases.attach_file(vault, case_id, copy_path)
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path, language=language)
    try:
        unlock_through_gui(qtbot, window)
        window.open_case(case_id)
        panel = window.editor.attachments
        qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10_000)
        _click_row(qtbot, panel.table, 0)
        qtbot.waitUntil(lambda: panel.details.text() != "", timeout=10_000)
        first = panel.details.text()
        assert "Samsung SM-A515F" in first and "35.5317" in first
        _click_row(qtbot, panel.table, 1)
        qtbot.waitUntil(lambda: panel.details.text() != first, timeout=10_000)
        second = panel.details.text()
        if language == "en":
            assert "Taken: " in first and "Camera: Samsung SM-A515F" in first
            assert "Warning: taken 2,134 days before the incident's date" in first
            assert "Looks like a photo attached in this vault on" in second
            assert panel.table.item(1, 3).text() == "seen before"
        else:
            assert "الكاميرا" in first and "تحذير" in first
            assert "تبدو كصورة" in second
            assert "seen before" not in panel.table.item(1, 3).text()
    finally:
        close_window(window)


def test_a_dropped_proofmode_bundle_attaches_its_photo_with_the_check(qtbot, tmp_path, vault):
    body = copy.deepcopy(example("kidnapping"))
    case_id, _ = cases.save_case(vault, body)
    photo = mc.jpeg_bytes(mc.base_image(52))
    raw, fingerprint = mc.proofmode_bundle(photo)
    bundle = tmp_path / "proofmode.zip"
    bundle.write_bytes(raw)
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        unlock_through_gui(qtbot, window)
        window.open_case(case_id)
        panel = window.editor.attachments
        with qtbot.waitSignal(panel.attached, timeout=30_000):
            panel.add_files([bundle])
        [attachment] = panel.attachments
        assert attachment["filename"] == "IMG_20250309_101112.jpg"
        _click_row(qtbot, panel.table, 0)
        qtbot.waitUntil(lambda: "ProofMode" in panel.details.text(), timeout=10_000)
        assert "the file matches its proof" in panel.details.text() and fingerprint in panel.details.text()
    finally:
        close_window(window)
