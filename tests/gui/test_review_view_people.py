"""The review view shows people, not codes, and a decision can be undone (issue 15).

A coordinator vault filled with real bundles from two documenters (tests/people_support.py); the
view is driven by key presses and mouse clicks.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from app.gui import i18n
from app.gui.review_view import ReviewView
from app.gui.tasks import TaskRunner
from tests.gui_support import visible_texts
from tests.people_support import DOCUMENTER_A, DOCUMENTER_B, build, leaks

pytestmark = [pytest.mark.gui, pytest.mark.filterwarnings("ignore")]


@pytest.fixture
def world(tmp_path):
    w = build(tmp_path)
    yield w
    w.lock()


def _view(qtbot, vault):
    runner = TaskRunner()
    view = ReviewView(SimpleNamespace(vault=vault, runner=runner))
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: not view._busy, timeout=60_000)
    view.pairs.setFocus()
    qtbot.waitUntil(view.pairs.hasFocus)
    return view, runner


def _every_pair_shown(qtbot, view) -> list[str]:
    texts = []
    for n in range(len(view.queue)):
        qtbot.waitUntil(lambda n=n: view.pairs.currentRow() == n)
        texts += visible_texts(view)
        qtbot.keyClick(view.pairs, Qt.Key.Key_J)
    return texts


@pytest.mark.parametrize("language", ["en", "ar"])
def test_review_shows_labels_places_names_and_dates_never_codes(qtbot, qapp, world, language):
    i18n.install_language(qapp, language)
    try:
        view, runner = _view(qtbot, world.coordinator)
        assert len(view.queue) == 2
        texts = _every_pair_shown(qtbot, view)
        assert leaks(texts, world) == []
        shown = "\n".join(texts)
        if language == "en":
            for label in ("Homs", "Male", "Abduction / kidnapping", "Missing / fate unknown", "6 March 2024",
                          DOCUMENTER_A, DOCUMENTER_B, "Case: Abduction at the Homs checkpoint"):
                assert label in shown, label
        else:
            for label in ("حمص", "ذكر", "مفقود / مصير مجهول", DOCUMENTER_A, DOCUMENTER_B):
                assert label in shown, label
        runner.wait_all()
    finally:
        i18n.install_language(qapp, "en")


def test_a_source_line_appears_once_per_bundle(qtbot, world):
    # Documenter A's case travelled with two versions in one bundle: one line, not two.
    view, runner = _view(qtbot, world.coordinator)
    seen = []
    for n in range(len(view.queue)):
        qtbot.waitUntil(lambda n=n: view.pairs.currentRow() == n)
        for label in view.sources:
            lines = label.text().splitlines()
            assert len(lines) == len(set(lines)), lines
            seen += lines
        qtbot.keyClick(view.pairs, Qt.Key.Key_J)
    assert sum(line.startswith(f"From {DOCUMENTER_A}, bundle no. 1, received ") for line in seen) == 1
    provenance = world.coordinator.connection().execute(
        "SELECT count(*) FROM case_provenance WHERE case_id = ?", (world.case_ids[0],)).fetchone()[0]
    assert provenance == 2
    runner.wait_all()


def test_ctrl_z_and_the_undo_button_take_back_decisions(qtbot, world):
    vault = world.coordinator
    view, runner = _view(qtbot, vault)
    assert not view.undo_button.isEnabled()
    first = view.current["pair_id"]
    with qtbot.waitSignal(view.decided, timeout=60_000):
        qtbot.keyClick(view.pairs, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: not view._busy, timeout=60_000)
    second = view.current["pair_id"]
    with qtbot.waitSignal(view.decided, timeout=60_000):
        qtbot.keyClick(view.pairs, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: not view._busy, timeout=60_000)
    assert view.queue == [] and view.undo_button.isEnabled()
    decided = dict(vault.connection().execute("SELECT decision, left_ref FROM linkage_decisions").fetchall())
    assert set(decided) == {"reject", "accept"}

    with qtbot.waitSignal(view.undone, timeout=60_000) as undone:
        qtbot.keyClick(view.pairs, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not view._busy, timeout=60_000)
    assert undone.args == [second]
    assert [item["pair_id"] for item in view.queue] == [second] and view.current["pair_id"] == second
    assert [d for (d,) in vault.connection().execute("SELECT decision FROM linkage_decisions")] == ["reject"]

    with qtbot.waitSignal(view.undone, timeout=60_000) as undone:
        qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view._busy, timeout=60_000)
    assert undone.args == [first]
    assert {item["pair_id"] for item in view.queue} == {first, second}
    assert vault.connection().execute("SELECT count(*) FROM linkage_decisions").fetchone()[0] == 0
    assert not view.undo_button.isEnabled()
    runner.wait_all()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_statistics_show_labels_places_and_names_never_codes(qtbot, qapp, world, language):
    from app.gui.dashboard_view import DashboardView

    i18n.install_language(qapp, language)
    runner = TaskRunner()
    try:
        view = DashboardView(SimpleNamespace(vault=world.coordinator, runner=runner))
        qtbot.addWidget(view)
        view.resize(1300, 900)
        view.show()
        qtbot.waitUntil(lambda: view.figures is not None, timeout=30_000)
        texts = visible_texts(view)
        for key in ("victims_by_governorate", "victims_by_act", "victims_by_fate", "victims_by_perpetrator_group",
                    "victims_by_month", "incidents_by_governorate", "incidents_by_month"):
            texts += [label for label, _n in view.chart(key).bars()]
            texts.append(view.chart(key).accessibleDescription())
        assert leaks(texts, world) == []
        documenters = view.table("documenters")
        shown = {documenters.item(r, 0).text() for r in range(documenters.rowCount())}
        assert shown == {DOCUMENTER_A, DOCUMENTER_B}
        caption = view.caption("capture_histories").text()
        assert DOCUMENTER_A in caption and DOCUMENTER_B in caption
        if language == "en":
            assert ("Homs", 3) in view.chart("victims_by_governorate").bars()
            assert ("Missing / fate unknown", 2) in view.chart("victims_by_fate").bars()
    finally:
        runner.cancel_all()
        runner.wait_all()
        i18n.install_language(qapp, "en")
