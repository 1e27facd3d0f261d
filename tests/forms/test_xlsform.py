"""XLSForms for ODK/Kobo (issue 18 item 2): every shipped form converts with pyxform (the converter
ODK Central and KoboToolbox run), and a submission export made from our XLSForm imports back."""

from __future__ import annotations

import csv
import io

import pytest
from pyxform.xls2xform import convert

from app.services.intake import cases
from app.services.intake.sheet_import import run as sheet_run
from app.services.intake.sheet_import import tables
from app.services.outputs import xlsform
from forms.definitions import list_forms
from forms.schema import example_case


@pytest.mark.parametrize("form_id", [f.id for f in list_forms()])
def test_every_shipped_form_converts_with_pyxform(form_id):
    warnings: list[str] = []
    result = convert(xlsform=io.BytesIO(xlsform.xlsform_bytes(form_id)), warnings=warnings, file_type=".xlsx")
    assert "<h:html" in result.xform and 'jr:template=""' in result.xform or "<repeat" in result.xform
    assert warnings == []


def test_cli_writes_the_xlsform(tawthiq, tmp_path):
    out = tmp_path / "kidnapping.xlsx"
    r = tawthiq("form", "xlsform", "kidnapping", "--out", str(out))
    assert r.returncode == 0, r.stderr
    survey = tables.open_table(out, "survey")
    names = {cells[survey.column("name")] for _, cells in survey.rows()}
    assert {"title", "date_start", "location_governorate", "victims", "name_ar", "sex", "act"} <= names
    r = tawthiq("form", "xlsform", "no_such_form", "--out", str(out))
    assert (r.returncode, r.stderr.decode().strip()) == (1, "tawthiq: no form named no_such_form")


def _questions(form_id: str) -> list[tuple[str | None, str]]:
    """(repeat group or None, question name) of every question, in order, from the XLSForm itself."""
    survey, _, _ = xlsform.build(form_id)
    out, repeat = [], None
    for row in survey:
        if row["type"] == "begin_repeat":
            repeat = row["name"]
        elif row["type"] == "end_repeat":
            repeat = None
        elif not row["type"].startswith(("begin_", "end_")):
            out.append((repeat, row["name"]))
    return out


def _answer(obj: dict, name: str) -> str:
    """The submission's answer for question `name` of our XLSForm, as ODK Central writes it."""
    for key, value in obj.items():
        if isinstance(value, dict):
            for part, inner in value.items():
                if f"{key}_{part}" == name:
                    return str(inner)
        elif key == name:
            if isinstance(value, bool):
                return "yes" if value else "no"
            if isinstance(value, list):
                return " ".join(str(v) for v in value)  # select_multiple: space-separated codes
            return str(value)
    return ""


def _odk_central_export(folder, body: dict, form_id: str) -> None:
    """FORM.csv and FORM-<repeat>.csv as ODK Central's CSV export writes them (KEY, PARENT_KEY)."""
    questions = _questions(form_id)
    key = "uuid:5d1c6b5e-0d54-4e2b-9c53-2f0cbbf6d8a1"
    main = ["SubmissionDate"] + [n for g, n in questions if g is None] + ["meta-instanceID", "KEY"]
    with open(folder / f"tawthiq_{form_id}.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(main)
        w.writerow(["2025-03-01T10:00:00.000Z"] + [_answer(body, n) for g, n in questions if g is None] + [key, key])
    for group in sorted({g for g, _ in questions if g}):
        names = [n for g, n in questions if g == group]
        with open(folder / f"tawthiq_{form_id}-{group}.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(names + ["PARENT_KEY", "KEY"])
            for i, entry in enumerate(body.get(group) or [], start=1):
                w.writerow([_answer(entry, n) for n in names] + [key, f"{key}/{group}[{i}]"])


@pytest.mark.parametrize("form_id", ["kidnapping", "killing"])
def test_a_submission_export_from_our_xlsform_imports_back(vault, tmp_path, form_id):
    body = example_case(form_id)
    _odk_central_export(tmp_path, body, form_id)
    mapping = sheet_run.propose_for_file(tmp_path / f"tawthiq_{form_id}.csv", form_id)
    assert mapping.key == "KEY"
    assert {r.layout for r in mapping.repeats.values()} == {"table"}
    report = sheet_run.apply(vault, tmp_path / f"tawthiq_{form_id}.csv", mapping)
    assert (report.cases_imported, report.problems) == (1, [])
    back = cases.get_case(vault, report.imported_ids[0])
    for field in ("title", "narrative", "date", "ransom_demanded", "ransom_amount"):
        assert back.get(field) == body.get(field), field
    assert back["location"] == body["location"]
    for mine, theirs in zip(back["victims"], body["victims"], strict=True):
        for key, value in theirs.items():
            assert mine[key] == value, key
    for mine, theirs in zip(back["perpetrators"], body["perpetrators"], strict=True):
        assert mine == theirs
    assert [s.get("statement") for s in back["sources"]] == [s.get("statement") for s in body["sources"]]


def test_a_kobo_xlsx_export_with_a_victims_sheet_imports_back(vault, tmp_path):
    """KoboToolbox's XLSX export: the main sheet with _index, one sheet per repeat group with
    _parent_index, headers carrying the group path (victims/name_ar)."""
    import xlsxwriter

    form_id = "kidnapping"
    body = example_case(form_id)
    questions = _questions(form_id)
    path = tmp_path / "kobo.xlsx"
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    main = book.add_worksheet("Kidnapping")
    names = [n for g, n in questions if g is None]
    main.write_row(0, 0, ["start", "end", *names, "_id", "_uuid", "_submission_time", "_index"])
    main.write_row(1, 0, ["2025-03-01T10:00:00", "2025-03-01T10:20:00", *[_answer(body, n) for n in names],
                          "4711", "5d1c6b5e-0d54-4e2b-9c53-2f0cbbf6d8a1", "2025-03-01T10:21:00", "1"])
    for group in ("victims", "perpetrators", "sources"):
        sheet = book.add_worksheet(group)
        children = [n for g, n in questions if g == group]
        sheet.write_row(0, 0, [f"{group}/{n}" for n in children] + ["_index", "_parent_table_name", "_parent_index"])
        for i, entry in enumerate(body.get(group) or [], start=1):
            sheet.write_row(i, 0, [_answer(entry, n) for n in children] + [str(i), "Kidnapping", "1"])
    book.close()
    mapping = sheet_run.propose_for_file(path, form_id)
    assert mapping.key == "_index"
    assert {n: (r.layout, r.key) for n, r in mapping.repeats.items()} == {
        g: ("table", "_parent_index") for g in ("victims", "perpetrators", "sources")}
    report = sheet_run.apply(vault, path, mapping)
    assert (report.cases_imported, [p.to_json() for p in report.problems]) == (1, [])
    back = cases.get_case(vault, report.imported_ids[0])
    assert back["victims"][0]["name_parts"] == body["victims"][0]["name_parts"]
    assert back["victims"][0]["release_conditions"] == ["bribe_paid"]
    assert back["perpetrators"] == body["perpetrators"]
