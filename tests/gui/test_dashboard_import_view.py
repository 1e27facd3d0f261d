"""The coordinator's import view: drag and drop, progress, a report per bundle (real Qt widgets)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

# Qt 6 marks the QPoint constructor of QDragEnterEvent deprecated; it is the one Qt still provides.
pytestmark = [pytest.mark.gui, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture
def session(qtbot, coordinator_vault):
    from app.gui.tasks import TaskRunner

    runner = TaskRunner()
    yield SimpleNamespace(vault=coordinator_vault, runner=runner)
    runner.cancel_all()
    runner.wait_all()


@pytest.fixture
def view(qtbot, session):
    from app.gui.import_view import ImportView

    v = ImportView(session)
    qtbot.addWidget(v)
    v.show()
    return v


def _drop(widget, files: list[Path]) -> bool:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = QDragEnterEvent(widget.rect().center(), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(widget.rect().center()), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_a_drop_of_non_files_is_refused(qtbot, view, tmp_path):
    assert not _drop(view.drop_zone, [tmp_path / "does-not-exist.age"])
    assert view.table.rowCount() == 0 and not view.busy


def test_dropped_files_get_one_row_each_and_a_report(qtbot, view, tmp_path):
    files = [tmp_path / "a.tawthiq", tmp_path / "b.tawthiq"]
    for f in files:
        f.write_bytes(b"not a bundle at all")
    with qtbot.waitSignal(view.imported, timeout=20_000) as signal:
        assert _drop(view.drop_zone, files)
    reports = signal.args[0]
    assert [r["file"] for r in reports] == ["a.tawthiq", "b.tawthiq"]
    # Garbage is never "imported": the service rejects it (or is absent and says so).
    assert all(r["status"] in ("rejected", "failed") for r in reports)
    assert all(r["summary"] for r in reports)
    assert view.table.rowCount() == 2
    assert view.table.item(0, 0).text() == "a.tawthiq" and view.table.item(1, 2).text() == reports[1]["summary"]
    assert view.progress.value() == view.progress.maximum()
    assert view.choose_button.isEnabled() and not view.cancel_button.isEnabled()
    assert "0 imported" in view.status.text()
    conn = view.session.vault.connection()
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 0


@pytest.fixture
def three_documenters(qtbot, tmp_path):
    from tests.coordinator.test_import_end_to_end import build_three_documenters

    coordinator, docs, paths, made = build_three_documenters(tmp_path)
    yield coordinator, paths, made
    for d in docs:
        d.lock()


def test_real_bundles_dropped_imported_replayed_and_rejected(qtbot, three_documenters, tmp_path):
    from app.gui.import_view import ImportView
    from app.gui.tasks import TaskRunner
    from app.services.intake import cases

    coordinator, paths, made = three_documenters
    runner = TaskRunner()
    view = ImportView(SimpleNamespace(vault=coordinator, runner=runner))
    qtbot.addWidget(view)
    view.show()
    forged = tmp_path / "forged.tawthiq"
    forged.write_bytes(paths[0].read_bytes()[:-40] + b"\0" * 40)  # a damaged copy of a real bundle
    progress: list[int] = []
    view.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(view.imported, timeout=60_000) as signal:
        assert _drop(view.drop_zone, [*paths, forged])
    reports = signal.args[0]
    assert [r["status"] for r in reports] == ["imported", "imported", "imported", "rejected"]
    assert cases.count_cases(coordinator) == 5
    assert reports[0]["report"]["documenter"] in made
    assert "records" in view.table.item(0, 2).text() and view.table.item(3, 2).text()
    # Each bundle's documenter by the name in their trusted identity, never by key id (issue 15).
    for row, report in enumerate(reports[:3]):
        line = view.table.item(row, 2).text()
        assert line.startswith("documenter doc") and report["report"]["documenter"] not in line
    assert len(set(progress)) > 2 and view.progress.value() == view.progress.maximum()
    assert view.status.text().startswith("Bundles: 3 imported, 0 already imported, 1 rejected")
    # The import linked what it brought: statistics (which only read linkage) count one man once.
    from app.services.analysis import statistics

    figures = statistics.compute(coordinator)
    assert figures.linkage == "linked" and figures.victims["unique"] == 4
    # Dropping the same bundle again changes nothing and says so.
    with qtbot.waitSignal(view.imported, timeout=60_000) as signal:
        assert _drop(view.drop_zone, [paths[1]])
    assert signal.args[0][0]["status"] == "already"
    assert view.table.item(0, 1).text() == "already imported: nothing changed"
    assert cases.count_cases(coordinator) == 5
    runner.wait_all()
