"""External lists in the app: the statistics page imports, shows and removes them (issue 18 item 3).

Driven as a coordinator would: typing the paths and the name, clicking the buttons, on a real
coordinator vault with cases received from two documenters. The figures the page then shows are
the service's own; a hostile list is refused in words and stores nothing.
"""

from __future__ import annotations

import csv
import json
import zipfile
from types import SimpleNamespace

import pytest

from tests.stats_support import DOC_A, DOC_B, add_case, case_body, victim

pytestmark = pytest.mark.gui

PEOPLE = [("محمد أحمد الحموي", "2024-03-06"), ("خالد يوسف العلي", "2024-04-10"), ("عمر سامر الخطيب", "2024-05-20")]
MAPPING = {"columns": {"name": "Name", "date": "Date", "governorate": "Governorate"},
           "date_formats": ["%d/%m/%Y"], "defaults": {"act": "killing", "fate": "killed"}}


@pytest.fixture
def session(qtbot, coordinator_vault, tmp_path):
    from app.gui.tasks import TaskRunner
    from app.services.analysis import linkage

    for i, (name, day) in enumerate(PEOPLE[:2]):
        add_case(coordinator_vault, case_body(f"case {i}", date=day, victims=[victim(name)]), (DOC_A, DOC_B)[i])
    linkage.run_linkage(coordinator_vault)
    with open(tmp_path / "list.csv", "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Name", "Date", "Governorate"])
        for name, day in PEOPLE[1:]:  # one person we recorded, one we did not
            out.writerow([name, f"{day[8:10]}/{day[5:7]}/{day[:4]}", "حمص"])
    (tmp_path / "mapping.json").write_text(json.dumps(MAPPING), encoding="utf-8")
    runner = TaskRunner()
    yield SimpleNamespace(vault=coordinator_vault, runner=runner)
    runner.cancel_all()
    runner.wait_all()


def _view(qtbot, session):
    from app.gui.dashboard_view import DashboardView

    view = DashboardView(session)
    qtbot.addWidget(view)
    view.resize(1100, 900)
    view.show()
    qtbot.waitUntil(lambda: view.figures is not None, timeout=10_000)
    return view


def _click(qtbot, widget) -> None:
    from PySide6.QtCore import Qt

    widget.window().activateWindow()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def _type(qtbot, edit, text: str) -> None:
    _click(qtbot, edit)
    qtbot.keyClicks(edit, text)
    assert edit.text() == text


def _import(qtbot, view, tmp_path, file_name="list.csv", name="SNHR"):
    panel = view.sources
    view.grid.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(panel.import_button)
    _type(qtbot, panel.file, str(tmp_path / file_name))
    _type(qtbot, panel.mapping, str(tmp_path / "mapping.json"))
    _type(qtbot, panel.name, name)
    _click(qtbot, panel.import_button)


def test_a_coordinator_imports_a_list_and_sees_what_it_adds(qtbot, session, tmp_path):
    view = _view(qtbot, session)
    assert view.sources.table.rowCount() == 0
    with qtbot.waitSignal(view.loaded, timeout=60_000):
        _import(qtbot, view, tmp_path)
    assert "Imported 2 rows as the list SNHR" in view.sources.status.text()
    (source,) = view.figures["sources"]
    assert (source["also_recorded_by_us"], source["only_in_source"]) == (1, 1)
    shown = [view.sources.table.item(0, c).text() for c in range(5)]
    assert shown == ["SNHR", "2", "2", "1", "1"]
    assert view.headline("victims").text() == "Unique victims: 2"  # the list adds no victim of ours
    assert "SNHR (external list)" in view.caption("capture_histories").text()
    # Remove it: choose its row, click remove.
    from PySide6.QtCore import Qt

    table = view.sources.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())
    with qtbot.waitSignal(view.loaded, timeout=60_000):
        _click(qtbot, view.sources.remove_button)
    assert view.figures["sources"] == [] and table.rowCount() == 0
    assert "Removed the list SNHR (2 rows)" in view.sources.status.text()


def test_a_hostile_list_is_refused_in_words_and_nothing_is_stored(qtbot, session, tmp_path):
    (tmp_path / "bad.csv").write_bytes(b"Name,Date,Governorate\nA\xe2\x80\xaeB,06/03/2024,Homs\n")
    view = _view(qtbot, session)
    with qtbot.waitSignal(view.sources.failed, timeout=30_000):
        _import(qtbot, view, tmp_path, "bad.csv")
    assert "Nothing was imported or removed" in view.sources.status.text()
    assert "direction-override character" in view.sources.status.text()
    assert session.vault.connection().execute("SELECT count(*) FROM external_source_records").fetchone()[0] == 0
    assert view.sources.import_button.isEnabled()


def test_a_documenter_has_no_lists_section(qtbot, vault):
    from app.gui.dashboard_view import DashboardView
    from app.gui.tasks import TaskRunner

    runner = TaskRunner()
    view = DashboardView(SimpleNamespace(vault=vault, runner=runner))
    qtbot.addWidget(view)
    assert view.sources is None
    runner.wait_all()


def test_the_uwazi_export_is_chosen_from_the_page(qtbot, session, tmp_path):
    from PySide6.QtCore import Qt

    view = _view(qtbot, session)
    box = view.format
    _click(qtbot, box)
    for _ in range(box.count()):
        if box.currentData() == "uwazi":
            break
        qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.currentData() == "uwazi" and box.currentText() == "Uwazi (ZIP)"
    out = tmp_path / "uwazi.zip"
    with qtbot.waitSignal(view.exported, timeout=10_000):
        view.export_to(out, box.currentData(), "partners")
    with zipfile.ZipFile(out) as package:
        assert package.namelist() == ["import.csv"]


def test_the_section_in_arabic(qtbot, session, qapp):
    from PySide6.QtCore import Qt

    from app.gui import i18n

    i18n.install_language(qapp, "ar")
    try:
        view = _view(qtbot, session)
        view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        assert view.sources.title() == "القوائم الخارجية"
        assert view.format.itemText(view.format.findData("uwazi")) == "Uwazi (ZIP)"
    finally:
        i18n.install_language(qapp, "en")
