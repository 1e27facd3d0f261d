"""The review queue widget, driven from the keyboard, on a real coordinator vault."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from app.gui.review_view import ReviewView
from app.gui.tasks import TaskRunner
from app.services.analysis import linkage
from tests.linkage_support import receive, victim_case

pytestmark = [pytest.mark.gui, pytest.mark.filterwarnings("ignore")]


def _received(vault):
    # Two men of one family killed the same night whose given names are one letter apart in the
    # consonant key (أيمن mn, Mounir mnr): never linked automatically, they wait for a person.
    # (Brothers whose names clearly differ are kept apart without asking:
    # tests/coordinator/test_linkage_review_band.py.)
    receive(vault, victim_case("أيمن أحمد علي الحسن", age=31), "a1" * 8)
    receive(vault, victim_case("Mounir Ahmad Ali al-Hassan", age=31), "b2" * 8)
    receive(vault, victim_case("خالد عمر المصري", date="2016-01-02", gov="Daraa"), "a1" * 8)
    return vault


@pytest.fixture
def review_vault(coordinator_vault):
    linkage.run_linkage(_received(coordinator_vault))  # as the import of those bundles does
    return coordinator_vault


def _view(qtbot, vault):
    runner = TaskRunner()
    view = ReviewView(SimpleNamespace(vault=vault, runner=runner))
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: not view._busy, timeout=60_000)
    view.pairs.setFocus()
    qtbot.waitUntil(view.pairs.hasFocus)
    return view, runner


def test_pairs_are_shown_side_by_side_with_differences_and_sources(qtbot, review_vault):
    view, runner = _view(qtbot, review_vault)
    assert len(view.queue) == 1 and view.current is not None
    # Which record is on which side follows the case ids; read both sides.
    shown = {view.table.item(r, c).text() for r in (0, 1) for c in (1, 2)}
    assert {"أيمن أحمد علي الحسن", "Mounir Ahmad Ali al-Hassan"} <= shown
    different = view.differing_fields()
    assert "Name (Arabic)" in different and "Governorate" not in different
    # The documenters sent no identity this vault trusts: told apart by number, never by key id.
    sources = view.sources[0].text() + view.sources[1].text()
    assert "a1a1" not in sources and "b2b2" not in sources
    assert "From Unnamed documenter 1" in sources and "From Unnamed documenter 2" in sources
    runner.wait_all()


def test_the_reviewer_is_told_why_the_pair_is_theirs(qtbot, review_vault):
    # Ayman / Mounir: the given names clearly differ, and nothing else says which
    view, runner = _view(qtbot, review_vault)
    assert view.current["reason"] == "differs"
    assert view.reason.isVisible() and "clearly differs" in view.reason.text()
    with qtbot.waitSignal(view.decided, timeout=60_000):
        qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: not view._busy, timeout=60_000)
    assert view.current is None and view.reason.text() == ""
    runner.wait_all()


def test_keyboard_decisions_are_stored_and_the_queue_moves_on(qtbot, review_vault):
    view, runner = _view(qtbot, review_vault)
    pair_id = view.current["pair_id"]
    with qtbot.waitSignal(view.decided, timeout=60_000) as signal:
        qtbot.keyClick(view, Qt.Key.Key_R)
    assert signal.args == [pair_id, "reject"]
    qtbot.waitUntil(lambda: not view._busy, timeout=60_000)
    row = review_vault.connection().execute(
        "SELECT decision FROM linkage_decisions").fetchall()
    assert row == [("reject",)]
    assert view.queue == [] and view.current is None
    assert not view.accept_button.isEnabled()
    runner.wait_all()


def test_not_sure_keeps_the_pair_for_later(qtbot, review_vault):
    view, runner = _view(qtbot, review_vault)
    with qtbot.waitSignal(view.decided, timeout=60_000):
        qtbot.keyClick(view, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: not view._busy, timeout=60_000)
    assert len(view.queue) == 1
    assert review_vault.connection().execute("SELECT decision FROM linkage_decisions").fetchall() == [("unsure",)]
    runner.wait_all()


def test_opening_the_view_reads_and_the_button_runs_linkage(qtbot, coordinator_vault):
    vault = _received(coordinator_vault)  # received, never linked
    view, runner = _view(qtbot, vault)
    assert view.queue == [] and view.current is None
    assert vault.connection().execute("SELECT count(*) FROM linkage_state").fetchone()[0] == 0
    with qtbot.waitSignal(view.queue_loaded, timeout=60_000) as loaded:
        qtbot.mouseClick(view.link_button, Qt.MouseButton.LeftButton)
    assert loaded.args == [1]
    assert vault.connection().execute("SELECT count(*) FROM linkage_state").fetchone()[0] == 1
    assert len(view.queue) == 1 and view.current is not None
    runner.wait_all()
