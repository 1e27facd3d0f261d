"""The spreadsheet import wizard (issue 18): real widgets driven by key presses and mouse clicks, a real
vault and a real XLSX file; the work runs on the real background-task pool."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import xlsxwriter
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services.intake import cases
from tests.conftest import snapshot as every_file


def snapshot(folder):
    """Every file but SQLite's shared-memory index, which a new worker's read connection rewrites."""
    return {name: data for name, data in every_file(folder).items() if not name.endswith("-shm")}

pytestmark = pytest.mark.gui

ROWS = [
    ["العنوان", "التاريخ", "المحافظة", "victim1_name_ar", "victim1_sex"],
    ["Abduction near the bakery", "2025-02-06", "Hims", "أحمد حسن", "M"],
    ["Second case", "2025-13-01", "حمص", "سعيد خالد", "أنثى"],
    ["Third case", "2024-05", "Tartous", "علي محمود", "ذكر"],
]


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "cases.xlsx"
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    ws = book.add_worksheet("Sheet1")
    for r, row in enumerate(ROWS):
        ws.write_row(r, 0, row)
    book.close()
    return path


@pytest.fixture
def language(qapp, request):
    from app.gui import i18n

    i18n.install_language(qapp, request.param)
    yield request.param
    i18n.install_language(qapp, "en")


@pytest.fixture
def view(qtbot, vault, language):
    from app.gui.sheet_import_view import SheetImportView
    from app.gui.tasks import TaskRunner

    runner = TaskRunner()
    v = SheetImportView(SimpleNamespace(vault=vault, runner=runner))
    qtbot.addWidget(v)
    v.show()
    yield v
    runner.cancel_all()
    runner.wait_all()


def _click(button) -> None:
    assert button.isEnabled() and button.isVisible()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose_by_keys(combo, data) -> None:
    """Arrow keys on the combo until it shows `data`, as a person would."""
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def _propose(qtbot, view, sheet) -> None:
    QTest.keyClicks(view.file_edit, str(sheet))
    _choose_by_keys(view.form_combo, "kidnapping")
    _click(view.propose_button)
    qtbot.waitUntil(lambda: view.pages.currentIndex() == 1, timeout=20_000)


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_choose_map_dry_run_settle_and_import(qtbot, view, vault, vault_dir, sheet):
    _propose(qtbot, view, sheet)
    assert view.column_combos["title"].currentData() == "العنوان"
    assert view.column_combos["date.start"].currentData() == "التاريخ"
    # The proposal took the governorate; the user decides it should not be imported after all.
    _choose_by_keys(view.column_combos["location.governorate"], "")
    assert "location.governorate" not in view.mapping.fields
    _choose_by_keys(view.column_combos["location.governorate"], "المحافظة")
    before = snapshot(vault_dir)
    with qtbot.waitSignal(view.checked, timeout=20_000) as checked:
        _click(view.check_button)
    report = checked.args[0]
    assert snapshot(vault_dir) == before  # a dry run writes nothing
    assert (report.cases_read, report.cases_passed) == (3, 1)
    cells = [[view.problems.item(r, c).text() for c in range(4)] for r in range(view.problems.rowCount())]
    assert ["Sheet1", "2", "victim1_sex"] == cells[0][:3] and "victims.sex" in cells[0][3]
    assert ["Sheet1", "3", "التاريخ"] == cells[1][:3] and "a date is YYYY" in cells[1][3]
    # Settle "M" once: it means male.
    assert view.unmatched.item(0, 1).text() == "M"
    _choose_by_keys(view.settle_combos[("victims.sex", "M")], "male")
    assert view.mapping.values["victims.sex"] == {"M": "male"}
    with qtbot.waitSignal(view.checked, timeout=20_000) as checked:
        _click(view.recheck_button)
    assert checked.args[0].cases_passed == 2
    with qtbot.waitSignal(view.imported, timeout=30_000) as done:
        _click(view.apply_button)
    assert done.args[0].cases_imported == 2
    assert view.progress.value() == view.progress.maximum()
    assert "Imported 2 cases; 1 refused" in view.result.text()
    titles = {s.title for s in cases.query_cases(vault)}
    assert titles == {"Abduction near the bakery", "Third case"}


@pytest.mark.parametrize("language", ["ar"], indirect=True)
def test_the_report_is_in_arabic_in_the_arabic_interface(qtbot, view, sheet):
    _propose(qtbot, view, sheet)
    with qtbot.waitSignal(view.checked, timeout=20_000):
        _click(view.check_button)
    problems = [view.problems.item(r, 3).text() for r in range(view.problems.rowCount())]
    assert any("لا يطابق هذه القيمة" in p for p in problems)
    assert any("التاريخ بصيغة" in p for p in problems)
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_cancel_during_the_import_keeps_nothing(qtbot, view, vault, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("title,date\n" + "".join(f"case {i},2024-01-01\n" for i in range(3000)), encoding="utf-8")
    _propose(qtbot, view, path)
    with qtbot.waitSignal(view.checked, timeout=30_000):
        _click(view.check_button)
    _click(view.apply_button)
    _click(view.cancel_button)  # at once: the check pass is still running
    qtbot.waitUntil(lambda: not view.busy, timeout=30_000)
    assert view.result.text() == "Cancelled: nothing was imported."
    assert cases.count_cases(vault) == 0


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_a_hostile_file_is_one_line_in_the_window_and_changes_nothing(qtbot, view, vault_dir, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"title\r\n\xff\xfe\r\n")
    before = snapshot(vault_dir)
    _propose(qtbot, view, path)  # the proposal reads only the header
    _click(view.check_button)
    qtbot.waitUntil(lambda: not view.busy and view.status.text() != "Checking every row…", timeout=20_000)
    assert view.status.text() == "bad.csv: line 2 is not UTF-8 text: save the CSV as UTF-8 and import again"
    assert snapshot(vault_dir) == before
