"""The linked-victims view: why records are one person, and taking a record out, by real clicks."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.gui.cluster_view import ClusterView
from app.gui.tasks import TaskRunner
from app.services.analysis import linkage
from tests.linkage_support import receive, victim_case

pytestmark = [pytest.mark.gui, pytest.mark.filterwarnings("ignore")]


@pytest.fixture
def linked_vault(coordinator_vault):
    receive(coordinator_vault, victim_case("محمد أحمد علي الحسن", age=31), "a1" * 8)
    receive(coordinator_vault, victim_case("Mohammad Ahmad Ali al-Hassan", age=31), "b2" * 8)
    receive(coordinator_vault, victim_case("Muhammad Ahmed Ali Alhassan", age=31), "c3" * 8)
    receive(coordinator_vault, victim_case("خالد عمر المصري", date="2016-01-02", gov="Daraa"), "a1" * 8)
    linkage.run_linkage(coordinator_vault)  # as the import of those bundles does
    return coordinator_vault


def _view(qtbot, vault):
    runner = TaskRunner()
    view = ClusterView(SimpleNamespace(vault=vault, runner=runner))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    with qtbot.waitSignal(view.details_shown, timeout=60_000):
        view.show()
    return view, runner


def _click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_view_says_why_the_records_are_one_person(qtbot, linked_vault):
    view, runner = _view(qtbot, linked_vault)
    assert len(view.clusters) == 1 and view.members.rowCount() == 3
    names = {view.members.item(r, 0).text() for r in range(3)}
    assert {"محمد أحمد علي الحسن", "Mohammad Ahmad Ali al-Hassan"} <= names
    lines = view.reason_lines()
    assert len(lines) >= 2
    assert all("match probability" in line and "given name the same" in line for line in lines)
    assert not view.take_out_button.isEnabled()  # nothing chosen yet
    runner.wait_all()


def test_taking_a_record_out_is_stored_and_kept(qtbot, linked_vault):
    view, runner = _view(qtbot, linked_vault)
    _click_row(qtbot, view.members, 2)
    assert view.take_out_button.isEnabled()
    ref = view.details["members"][2]["ref"]
    with qtbot.waitSignal(view.record_taken_out, timeout=60_000) as signal:
        qtbot.mouseClick(view.take_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view._busy, timeout=60_000)
    assert signal.args[1] == ref
    qtbot.waitUntil(lambda: view.members.rowCount() == 2, timeout=60_000)
    assert ref not in {m["ref"] for m in view.details["members"]}
    # kept: the next run (scoring again) leaves it out too
    linkage.run_linkage(linked_vault, force=True)
    [cluster] = [c for c in linkage.victim_clusters(linked_vault) if len(c.members) > 1]
    assert ref not in {m.ref for m in cluster.members}
    decisions = linked_vault.connection().execute("SELECT decision FROM linkage_decisions").fetchall()
    assert decisions == [("reject",), ("reject",)]
    runner.wait_all()


def test_choosing_another_victim_by_keyboard_shows_its_records(qtbot, coordinator_vault):
    for documenter in ("a1" * 8, "b2" * 8):
        receive(coordinator_vault, victim_case("محمد أحمد علي الحسن", age=31), documenter)
        receive(coordinator_vault, victim_case("خالد عمر سليم المصري", date="2016-01-02", gov="Daraa"), documenter)
    linkage.run_linkage(coordinator_vault)
    view, runner = _view(qtbot, coordinator_vault)
    assert len(view.clusters) == 2
    first = view.details["cluster_id"]
    view.victims.setFocus()
    qtbot.waitUntil(view.victims.hasFocus)
    with qtbot.waitSignal(view.details_shown, timeout=60_000) as shown:
        qtbot.keyClick(view.victims, Qt.Key.Key_Down)
    assert shown.args[0] != first and view.members.rowCount() == 2
    runner.wait_all()


@pytest.fixture
def arabic(qapp):
    from app.gui import i18n

    i18n.install_language(qapp, "ar")
    yield qapp
    i18n.install_language(qapp, "en")


def test_the_reasons_read_in_arabic_with_arabic_digits(qtbot, arabic, linked_vault):
    view, runner = _view(qtbot, linked_vault)
    assert view.take_out_button.text() == "أخرِج هذا السجل"
    lines = view.reason_lines()
    assert lines and all("احتمال التطابق" in line and "الاسم الأول متطابق" in line for line in lines)
    assert "٠٫" in lines[0] or "١٫" in lines[0]  # the probability in Arabic-Indic digits
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    runner.wait_all()
