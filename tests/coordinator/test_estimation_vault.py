"""`tawthiq estimate` on a real coordinator vault: bundles from three documenters, linked, estimated.

The people and who recorded whom are known, so the capture-history table the command writes must
be exactly the truth's (one row per person recorded by anyone, the right lists marked).
"""

from __future__ import annotations

import csv
import json
import os
import random
from collections import Counter
from datetime import date, timedelta

import pytest

from app.services.analysis import linkage
from app.services.exchange import export, imports
from app.services.intake import cases
from tests.bundle_support import enroll, make_vault
from tests.conftest import PASSPHRASE, REPO, run_tawthiq

GIVEN = ["محمد", "أحمد", "خالد", "يوسف", "عمر", "سامر", "رامي", "باسل", "ماهر", "وائل", "فادي", "زياد"]
FAMILY = ["الحموي", "العلي", "الخطيب", "الأسعد", "الحلبي", "الشامي", "الزعبي", "النوري", "الحسن", "الدروبي"]
GOVERNORATES = ["homs", "hama"]


def _people(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    names = rng.sample([(g, f, fam) for g in GIVEN for f in GIVEN if f != g for fam in FAMILY], n)
    # Each person killed on a day of their own, weeks apart: the test is about estimation, not about
    # telling namesakes apart (linkage's tests do that).
    return [{"name": f"{g} {f} {fam}", "gov": GOVERNORATES[i % 2],
             "date": (date(2024, 1, 1) + timedelta(days=9 * i)).isoformat(), "age": 20 + i % 40}
            for i, (g, f, fam) in enumerate(names)]


def _case(person: dict) -> dict:
    return {"form": "killing", "title": "a killing", "narrative": "shot at his door",
            "date": {"start": person["date"], "precision": "day"},
            "location": {"governorate": person["gov"]},
            "victims": [{"name_ar": person["name"], "sex": "male", "age": person["age"], "act": "killing",
                         "fate": "killed"}]}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("estimate")
    coordinator = make_vault(tmp / "coordinator", role="coordinator", name="coordinator")
    documenters = [make_vault(tmp / f"d{i}", name=f"documenter {name}") for i, name in enumerate("ABC")]
    enroll(coordinator, *documenters)
    people = _people(70, seed=11)
    rng = random.Random(12)
    truth: dict[str, set[str]] = {}
    for doc, chance in zip(documenters, (0.6, 0.5, 0.45), strict=True):
        for person in people:
            if rng.random() < chance:
                cases.save_case(doc, _case(person))
                truth.setdefault(person["name"], set()).add(doc.name)
    for i, doc in enumerate(documenters):
        export.export_bundle(doc, tmp / f"{i}.tawthiq")
        imports.import_bundle(coordinator, tmp / f"{i}.tawthiq")
        doc.lock()
    linkage.run_linkage(coordinator)
    coordinator.lock()
    return tmp, truth


def test_the_capture_histories_are_the_truth_and_every_figure_has_its_interval(world, passphrase_file):
    tmp, truth = world
    table = tmp / "histories.csv"
    done = run_tawthiq("--vault", str(tmp / "coordinator"), "--passphrase-file", str(passphrase_file),
                       "estimate", "--by", "governorate", "--json", "--table-out", str(table))
    assert done.returncode == 0, done.stderr.decode()
    report = json.loads(done.stdout.decode())
    assert report["lists"] == ["documenter A", "documenter B", "documenter C"]
    assert report["documented"] == len(truth)
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert rows[0].keys() == {"documenter A", "documenter B", "documenter C", "governorate"}
    found = Counter(tuple(r[name] for name in report["lists"]) for r in rows)
    expected = Counter(tuple("1" if f"documenter {x}" in seen else "0" for x in "ABC") for seen in truth.values())
    assert found == expected
    for stratum in report["strata"]:
        estimate = stratum["estimate"]
        if stratum["not_estimable"] is None:
            assert estimate["interval"][0] <= estimate["estimate"] <= estimate["interval"][1]
            assert estimate["interval"][0] >= stratum["documented"]
        else:
            assert estimate is None
    assert set(report["caveats"]) == {"linkage", "dependence", "universe"}


def test_lists_can_group_documenters_and_text_output_says_what_it_rests_on(world, passphrase_file):
    tmp, _ = world
    done = run_tawthiq("--vault", str(tmp / "coordinator"), "--passphrase-file", str(passphrase_file),
                       "estimate", "--list", "team=documenter A,documenter B", "--list", "C=documenter C")
    # Two lists are too few: one clear line, exit 1.
    assert done.returncode == 1
    assert done.stderr.decode().strip() == "tawthiq: estimation needs 3 to 5 lists; 2 given"
    done = run_tawthiq("--vault", str(tmp / "coordinator"), "--passphrase-file", str(passphrase_file),
                       "estimate")
    assert done.returncode == 0, done.stderr.decode()
    text = done.stdout.decode()
    assert "Caveats:" in text and ("95% interval" in text or "not estimable" in text)
    bad = run_tawthiq("--vault", str(tmp / "coordinator"), "--passphrase-file", str(passphrase_file),
                      "estimate", "--list", "x=nobody", "--list", "y=documenter B", "--list", "z=documenter C")
    assert bad.returncode == 1 and "no documenter is known as 'nobody'" in bad.stderr.decode()
    assert bad.stderr.decode().count("\n") == 1
    usage = run_tawthiq("--vault", str(tmp / "coordinator"), "--passphrase-file", str(passphrase_file),
                        "estimate", "--by", "religion")
    assert usage.returncode == 2 and usage.stderr.decode().count("\n") == 1


def test_without_the_estimation_extra_the_command_says_how_to_install_it(world, passphrase_file, tmp_path):
    tmp, _ = world
    blocker = tmp_path / "blocker" / "statsmodels"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('statsmodels is not installed')\n")
    done = run_tawthiq("--vault", str(tmp / "coordinator"), "--passphrase-file", str(passphrase_file),
                       "estimate", env={"PYTHONPATH": f"{tmp_path / 'blocker'}{os.pathsep}{REPO}"})
    assert done.returncode == 1
    assert done.stderr.decode().strip() == (
        "tawthiq: estimation needs the estimation extra: pip install 'tawthiq[estimation]'")


# ---- the app --------------------------------------------------------------------------------------
@pytest.fixture
def estimate_view(qtbot, world):
    from types import SimpleNamespace

    from app.gui.estimate_view import EstimateView
    from app.gui.tasks import TaskRunner
    from storage.vault import Vault

    tmp, _ = world
    vault = Vault.unlock(tmp / "coordinator", PASSPHRASE)
    runner = TaskRunner()
    view = EstimateView(SimpleNamespace(vault=vault, runner=runner))
    qtbot.addWidget(view)
    view.resize(1100, 900)
    view.show()
    yield view
    runner.cancel_all()
    runner.wait_all()
    vault.lock()


def _click(qtbot, widget) -> None:
    from PySide6.QtCore import Qt

    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def _type_in_cell(qtbot, table, row: int, column: int, text: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: any(e.isVisible() for e in table.viewport().findChildren(QLineEdit)))
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, column).text() == text)


@pytest.mark.gui
def test_the_app_estimates_by_governorate_with_intervals_and_caveats(qtbot, estimate_view, world):
    _, truth = world
    view = estimate_view
    assert [view.lists.item(r, 0).text() for r in range(3)] == ["documenter A", "documenter B", "documenter C"]
    _click(qtbot, view.strata["governorate"])
    assert view.strata["governorate"].isChecked()
    with qtbot.waitSignal(view.estimated, timeout=180_000):
        _click(qtbot, view.estimate_button)
    report = view.report
    assert report["by"] == ["governorate"] and report["documented"] == len(truth)
    assert view.table.rowCount() == len(report["strata"])
    shown = {view.table.item(r, 0).text(): r for r in range(view.table.rowCount())}
    assert set(shown) <= {"Homs", "Hama"}  # place names, never codes
    for s in report["strata"]:
        row = shown["Homs" if s["stratum"]["governorate"] == "homs" else "Hama"]
        if s["estimate"] is None:
            assert view.table.item(row, 2).text() == "–" and "not estimable" in view.table.item(row, 5).text()
        else:
            low, high = s["estimate"]["interval"]
            assert view.table.item(row, 2).text() == f"{s['estimate']['estimate']:,} ({low:,}–{high:,})"
    assert view.total.text().startswith(f"Documented: {report['total']['documented']}")
    texts = " ".join(label.text() for label in view.findChildren(type(view.status)))
    assert "Linkage errors bias the estimate" in texts and "outside it" in texts
    # The chart says the same figures to a screen reader.
    for s in report["strata"]:
        assert f": {s['documented']}" in view.chart.accessibleDescription()


@pytest.mark.gui
def test_two_lists_are_refused_in_words_and_nothing_is_shown_as_a_number(qtbot, estimate_view):
    view = estimate_view
    _type_in_cell(qtbot, view.lists, 0, 1, "team")
    _type_in_cell(qtbot, view.lists, 1, 1, "team")
    assert list(view.chosen_lists().values()) == ["team", "team", "documenter C"]
    with qtbot.waitSignal(view.failed, timeout=60_000):
        _click(qtbot, view.estimate_button)
    assert view.status.text().startswith("Estimation needs 3 to 5 lists; 2 chosen.")
    assert view.table.rowCount() == 0 and view.total.text() == ""


@pytest.mark.gui
def test_in_arabic_every_word_that_is_not_user_data_is_arabic(qtbot, world):
    import re
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication

    from app.gui.estimate_view import EstimateView
    from app.gui.i18n import install_language
    from app.gui.tasks import TaskRunner
    from storage.vault import Vault
    from tests.gui_support import visible_texts

    tmp, _ = world
    install_language(QApplication.instance(), "ar")
    vault = Vault.unlock(tmp / "coordinator", PASSPHRASE)
    runner = TaskRunner()
    try:
        view = EstimateView(SimpleNamespace(vault=vault, runner=runner))
        qtbot.addWidget(view)
        view.resize(1100, 900)
        view.show()
        _click(qtbot, view.strata["sex"])
        with qtbot.waitSignal(view.estimated, timeout=180_000):
            _click(qtbot, view.estimate_button)
        user_data = {"documenter A", "documenter B", "documenter C"}
        latin = [text for text in visible_texts(view)
                 if re.search("[A-Za-z]", "".join(part for part in re.split(r"(documenter [ABC])", text)
                                                  if part not in user_data))]
        assert latin == []
        assert "٩٥" in view.table.horizontalHeaderItem(2).text()  # Arabic-Indic digits in Arabic
    finally:
        runner.cancel_all()
        runner.wait_all()
        vault.lock()
        install_language(QApplication.instance(), "en")
