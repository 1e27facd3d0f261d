"""The witness views inside the real main window, in English and in Arabic (pytest-qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.witness_support import CANARY_AR, CANARY_LATIN

pytestmark = pytest.mark.gui
from tests import gui_support  # noqa: E402


@pytest.mark.parametrize("language", ["en", "ar"])
def test_witnesses_view_in_the_main_window(qtbot, tmp_path, language):
    from app.services.intake import witnesses

    window = gui_support.make_window(qtbot, tmp_path, language=language)
    try:
        gui_support.create_vault_through_gui(qtbot, window)
        view = window.show_view("witnesses")
        if language == "ar":
            assert view.new_button.text() == "شاهد جديد"
            assert view.isRightToLeft()
        editor = view.new_witness()
        editor.alias.setText("Catherine")
        editor.identity["name_ar"].insert(CANARY_AR)
        editor.identity["name_latin"].insert(CANARY_LATIN)
        with qtbot.waitSignal(view.saved, timeout=10_000) as saved:
            qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        texts = "\n".join(gui_support.visible_texts(window))
        assert saved.args[0] in texts
        assert CANARY_AR not in texts and CANARY_LATIN not in texts
        assert witnesses.get_witness(window.session.vault, saved.args[0]).sealed_to == "vault"  # no profile yet
    finally:
        gui_support.close_window(window)
