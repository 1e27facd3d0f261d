"""The dashboard shows the figures of a real coordinator vault, each with what it counts."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from app.services.analysis import statistics
from tests.stats_support import DOC_A, crafted_vault, with_witness_case

pytestmark = pytest.mark.gui


@pytest.fixture
def session(qtbot, coordinator_vault):
    from app.gui.tasks import TaskRunner

    runner = TaskRunner()
    yield SimpleNamespace(vault=coordinator_vault, runner=runner)
    runner.cancel_all()
    runner.wait_all()


def _open(qtbot, session):
    from app.gui.dashboard_view import DashboardView

    view = DashboardView(session)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.figures is not None, timeout=10_000)
    return view


def test_dashboard_shows_the_figures_and_what_they_exclude(qtbot, session):
    from app.services.analysis import linkage

    crafted_vault(session.vault)
    linkage.run_linkage(session.vault)  # as an import does: the dashboard only reads its result
    view = _open(qtbot, session)
    view.resize(1000, 800)
    view.show()
    expected = statistics.compute(session.vault).to_json()
    assert view.figures == expected
    assert view.headline("victims").text() == f"Unique victims: {expected['victims']['unique']}"
    caption = view.caption("victims").text()
    assert "Excluded: 3 records without a name (1), a date (1) or a place (1)" in caption
    # A and B recorded the Homs checkpoint abduction: with linkage it is one incident.
    assert expected["incidents"]["unique"] == 4
    assert view.headline("incidents").text() == "Incidents: 4"
    by_governorate = expected["victims"]["by_governorate"]
    assert view.chart("victims_by_governorate").bars() == [(k.capitalize(), n) for k, n in by_governorate.items()]
    assert sorted(view.chart("incidents_by_governorate").bars()) == [("Homs", 1), ("Latakia", 2), ("Tartus", 1)]
    # Mohammad al-Hamwi, abducted, recorded by A and by B: linked, one victim.
    assert ("Abduction / kidnapping", 2) in view.chart("victims_by_act").bars()  # labels from the vocabulary
    assert "add up to more than the total" in view.caption("victims_by_act").text()
    for key in ("victims_by_month", "victims_by_fate", "incidents_by_month"):
        assert "Not counted" in view.caption(key).text()
    homs = expected["victims"]["by_governorate"]["homs"]
    assert f"Homs: {homs}" in view.chart("victims_by_governorate").accessibleDescription()
    documenters = view.table("documenters")
    assert documenters.rowCount() == 3
    # These documenters sent no identity this vault trusts: numbered, never shown by key id.
    assert documenters.item(2, 0).text() == "Unnamed documenter 3" and documenters.item(2, 2).text() == "3"
    patterns = view.table("capture_histories")
    shown = {patterns.item(r, 0).text(): patterns.item(r, 1).text() for r in range(patterns.rowCount())}
    assert shown == {k: str(v) for k, v in expected["capture_histories"]["patterns"].items()}
    assert "1. Unnamed documenter 1" in view.caption("capture_histories").text()
    assert DOC_A not in view.caption("capture_histories").text()
    # The figures really are drawn: the chart paints bars into its pixels.
    image = view.chart("victims_by_governorate").grab().toImage()
    assert image.width() > 0 and len({image.pixel(x, 10) for x in range(image.width())}) > 1


def test_dashboard_says_when_linkage_has_not_run(qtbot, session):
    crafted_vault(session.vault)
    view = _open(qtbot, session)
    if view.figures["linkage"] == "unlinked":
        assert "Linkage has not run" in view.caption("linkage").text()
    else:
        assert view.caption("linkage").text() == ""


def test_refresh_after_new_cases(qtbot, session):
    from tests.stats_support import add_case, case_body, victim

    view = _open(qtbot, session)
    assert view.headline("victims").text() == "Unique victims: 0"
    add_case(session.vault, case_body("New", victims=[victim("نور")]), DOC_A)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh_button.click()
    assert view.headline("victims").text() == "Unique victims: 1"


def test_export_from_the_dashboard(qtbot, session, tmp_path):
    with_witness_case(session.vault)
    view = _open(qtbot, session)
    out = tmp_path / "publication.json"
    with qtbot.waitSignal(view.exported, timeout=10_000) as signal:
        view.export_to(out, "json", "publication")
    assert signal.args[0] == [str(out)]
    assert json.loads(out.read_text(encoding="utf-8"))["export"]["statements_left_out"] == 1
    assert "Left out: 1 witness statement whose" in view.status.text()  # one, not "1 witness statements"


def test_dashboard_right_to_left(qtbot, session):
    from PySide6.QtCore import Qt

    crafted_vault(session.vault)
    view = _open(qtbot, session)
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    view.resize(900, 700)
    view.show()
    chart = view.chart("victims_by_governorate")
    image = chart.grab().toImage()
    # Bars grow from the right in right-to-left: the right half holds the bar colour, the left may not.
    colour = chart.palette().color(chart.palette().ColorRole.Highlight).rgb()
    row = [image.pixel(x, 12) & 0xFFFFFF for x in range(image.width())]
    right, left = row[image.width() // 2:], row[: image.width() // 4]
    assert (colour & 0xFFFFFF) in right
    assert (colour & 0xFFFFFF) not in left or len(set(left)) > 1


def test_export_with_photos_and_videos_from_the_dashboard(qtbot, session, tmp_path):
    """Issue 21: the boxes are clicked; media go without GPS and device metadata unless kept on purpose."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.services.intake import cases
    from app.services.media import capture
    from tests import media_corpus as mc
    from tests.stats_support import add_case, case_body

    case_id = add_case(session.vault, case_body("With a photo"), None)
    photo = tmp_path / "p.jpg"
    photo.write_bytes(mc.photo_with_exif(taken="2025:03:09 10:00:00", lat=34.73, lon=36.71, make="Samsung",
                                         model="SM-A515F"))
    cases.attach_file(session.vault, case_id, photo)
    view = _open(qtbot, session)
    view.show()
    view.format.setCurrentIndex(view.format.findData("json"))
    assert not view.media_box.isEnabled()  # media go only into a CSV export's folder
    view.format.setCurrentIndex(view.format.findData("csv"))
    assert view.media_box.isEnabled() and not view.keep_metadata_box.isEnabled()
    QTest.mouseClick(view.media_box, Qt.MouseButton.LeftButton)
    assert view.media_box.isChecked() and view.keep_metadata_box.isEnabled()
    out = tmp_path / "csv"
    out.mkdir()
    with qtbot.waitSignal(view.exported, timeout=30_000):
        view.export_to(out, "csv", "internal")
    [written] = list((out / "media").iterdir())
    said = capture.read_capture(written.read_bytes())
    assert "gps" not in said and "make" not in said and said["taken_at"] == "2025-03-09T10:00:00"
    assert "1 written without GPS and device metadata" in view.status.text()
    QTest.mouseClick(view.keep_metadata_box, Qt.MouseButton.LeftButton)
    kept = tmp_path / "kept"
    kept.mkdir()
    with qtbot.waitSignal(view.exported, timeout=30_000):
        view.export_to(kept, "csv", "internal")
    assert [p.read_bytes() for p in (kept / "media").iterdir()] == [photo.read_bytes()]
    assert "as chosen (recorded in the audit log)" in view.status.text()
