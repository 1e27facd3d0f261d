"""The case list over 100,000 cases opens and scrolls without loading them all."""

from __future__ import annotations

import pytest

from app.gui.case_list import PAGE
from tests.gui_bulk import insert_cases
from tests.gui_support import close_window, make_window, unlock_through_gui

pytestmark = pytest.mark.gui


# 100,000 is the promise (slow: inserting them takes ~10-30 s on a shared machine); 10,000 keeps
# the same test in the quick loop.
@pytest.mark.parametrize("N", [10_000, pytest.param(100_000, marks=pytest.mark.slow)])
def test_hundred_thousand_cases_open_and_scroll_lazily(qtbot, tmp_path, vault, N):
    insert_cases(vault, N)
    vault.lock()
    window = make_window(qtbot, tmp_path, vault_dir=vault.path)
    try:
        unlock_through_gui(qtbot, window)
        view = window.view("cases")
        model = view.model
        assert model.total == N
        assert model.fetched == PAGE  # one page, not 100,000 rows
        assert f"{N:,}" in view.count_label.text()
        for _ in range(3):
            before = model.fetched
            view.table.scrollToBottom()
            qtbot.waitUntil(lambda before=before: model.fetched > before, timeout=10_000)
        assert model.fetched <= 5 * PAGE
        assert model.rowCount() == model.fetched < N
        # Filters reset to the first page of the filtered set.
        view.status.setCurrentIndex(view.status.findData("sealed"))
        assert 0 < model.total < N and model.fetched == min(PAGE, model.total)
        assert all(model._rows[i].status == "sealed" for i in range(model.fetched))
        view.use_dates.setChecked(True)
        assert model.total < N
    finally:
        close_window(window)
