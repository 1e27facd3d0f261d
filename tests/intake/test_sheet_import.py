"""Spreadsheet import of cases (issue 18 item 1): mapping proposal, dry run, apply, origin, round trip.

Real vaults, real files written by the partner export and by xlsxwriter; the CLI runs as a child
process as a coordinator's script would.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import xlsxwriter

from app.services.intake import cases
from app.services.intake.sheet_import import mapping as sheet_mapping
from app.services.intake.sheet_import import run as sheet_run
from app.services.intake.sheet_import import tables
from app.services.outputs import partner_export
from forms.schema import example_case
from tests.conftest import snapshot

ROUND_TRIP_FORMS = ("kidnapping", "killing", "disappearance", "attempted_abduction")


def _xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
    book.close()
    return path


def _propose(path: Path, form: str = "kidnapping", sheet: str | None = None) -> sheet_mapping.Mapping:
    return sheet_run.propose_for_file(path, form, sheet)


ARABIC_SHEET = [
    ["العنوان", "التاريخ", "المحافظة", "victim1_name_ar", "victim1_sex", "victim2_name_ar", "victim2_sex"],
    ["Abduction near the bakery", "2025-02-06", "Hims", "أحمد حسن", "ذكر", "علي محمود", "M"],
    ["Second case", "2024-13-01", "حمص", "سعيد خالد", "أنثى", "", ""],
    ["Third case", "2024-05", "Tartous", "", "", "", ""],
]


def test_proposal_reads_arabic_and_english_headers_and_repeated_victim_columns(tmp_path):
    path = _xlsx(tmp_path / "cases.xlsx", {"Sheet1": ARABIC_SHEET})
    proposal = _propose(path)
    assert proposal.fields == {"title": "العنوان", "date.start": "التاريخ", "location.governorate": "المحافظة"}
    assert proposal.repeats["victims"].layout == "columns"
    assert proposal.repeats["victims"].fields == {"name_ar": "victim{n}_name_ar", "sex": "victim{n}_sex"}


def test_dry_run_reports_row_column_and_unmatched_values_and_writes_nothing(vault, vault_dir, tmp_path):
    path = _xlsx(tmp_path / "cases.xlsx", {"Sheet1": ARABIC_SHEET})
    proposal = _propose(path)
    before = snapshot(vault_dir)
    report = sheet_run.check(vault, path, proposal)
    assert snapshot(vault_dir) == before
    where = {(p.row, p.column, p.code) for p in report.problems}
    assert where == {(2, "victim2_sex", "sheet_row.unmatched_value"), (3, "التاريخ", "sheet_row.bad_date")}
    assert report.unmatched == {"victims.sex": {"M": 1}}
    assert (report.cases_read, report.cases_passed, report.cases_refused) == (3, 1, 2)
    # Arabic: the validation part of a problem comes in the asked language.
    assert sheet_run.check(vault, path, proposal, lang="ar").cases_refused == 2


def test_settled_value_imports_and_each_case_records_its_origin(vault, tmp_path):
    path = _xlsx(tmp_path / "cases.xlsx", {"Sheet1": ARABIC_SHEET})
    proposal = _propose(path)
    proposal.values["victims.sex"] = {"M": "male"}
    report = sheet_run.apply(vault, path, proposal)
    assert (report.cases_imported, report.cases_refused) == (2, 1)
    imported = {cases.get_case(vault, i)["title"]: i for i in report.imported_ids}
    first = cases.get_case(vault, imported["Abduction near the bakery"])
    assert first["location"]["governorate"] == "homs"
    assert [v["sex"] for v in first["victims"]] == ["male", "male"]
    assert sheet_run.origin(vault, imported["Third case"])["row"] == 4
    assert sheet_run.origin(vault, imported["Third case"])["sheet"] == "Sheet1"
    assert sheet_run.origin(vault, imported["Third case"])["file"] == "cases.xlsx"
    from app.services.outputs.case_report import build_case_report

    report_html = build_case_report(vault, imported["Third case"]).html
    assert "Imported from a spreadsheet" in report_html and "cases.xlsx" in report_html


def test_one_row_per_victim_grouped_by_case_key(vault, tmp_path):
    path = tmp_path / "victims.csv"
    path.write_text("case_ref,title,date,name_ar,sex,age\n"
                    "A1,Two brothers taken,2025-01-03,أحمد علي,male,30\n"
                    "A1,Two brothers taken,2025-01-03,محمد علي,male,28\n"
                    "B2,A woman taken,2025-01-04,فاطمة حسن,female,40\n"
                    "A1,Two brothers taken,2025-01-03,خالد علي,male,20\n", encoding="utf-8")
    mapping = sheet_mapping.from_json({
        "tawthiq_sheet_mapping": 1, "form": "kidnapping", "key": "case_ref",
        "fields": {"title": "title", "date.start": "date"},
        "repeats": {"victims": {"layout": "rows", "fields": {"name_ar": "name_ar", "sex": "sex", "age": "age"}}}})
    report = sheet_run.check(vault, path, mapping)
    # A1's rows are not together: both its groups are refused, never half a case imported.
    assert [(p.row, p.code) for p in report.problems] == [(5, "sheet_row.key_repeated")]
    assert (report.cases_read, report.cases_refused) == (3, 2)
    path.write_text(path.read_text().rsplit("A1,", 1)[0], encoding="utf-8")
    report = sheet_run.apply(vault, path, mapping)
    bodies = [cases.get_case(vault, i) for i in report.imported_ids]
    assert sorted(len(b["victims"]) for b in bodies) == [1, 2]
    assert {v["age"] for b in bodies for v in b["victims"]} == {30, 28, 40}


def _round_trip_vault(vault) -> None:
    for form in ROUND_TRIP_FORMS:
        body = example_case(form)
        body["sources"] = [s for s in body.get("sources", []) if not s.get("witness")]
        cases.save_case(vault, body)


def _rows(folder_or_file: Path, fmt: str) -> dict[str, list[dict]]:
    if fmt == "csv":
        return {name: sorted((dict(r) for r in csv.DictReader(io.StringIO(
            (folder_or_file / f"{name}.csv").read_text(encoding="utf-8-sig")))), key=json.dumps)
            for name in ("victims", "incidents", "sources")}
    out = {}
    for sheet in ("Victims", "Incidents", "Sources"):
        table = tables.open_table(folder_or_file, sheet)
        out[sheet.lower()] = sorted((dict(zip(table.header, [str(c) for c in cells], strict=False))
                                     for _, cells in table.rows()), key=json.dumps)
    return out


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_partner_export_reimported_through_a_mapping_gives_the_same_cases(vault, coordinator_vault, tmp_path, fmt):
    _round_trip_vault(vault)
    first = tmp_path / ("first" if fmt == "csv" else "first.xlsx")
    partner_export.export(vault, first, fmt=fmt, purpose="internal")
    source = first / "incidents.csv" if fmt == "csv" else first
    mapping = _propose(source, sheet=None if fmt == "csv" else "Incidents")
    assert set(mapping.repeats) == {"victims", "perpetrators", "sources"}
    saved = tmp_path / "mapping.json"
    sheet_mapping.write_mapping(mapping, saved)
    mapping = sheet_mapping.read_mapping(saved)  # reusable: the file gives the same mapping back
    report = sheet_run.apply(coordinator_vault, source, mapping)
    assert (report.cases_imported, report.cases_refused, report.problems) == (len(ROUND_TRIP_FORMS), 0, [])
    second = tmp_path / ("second" if fmt == "csv" else "second.xlsx")
    partner_export.export(coordinator_vault, second, fmt=fmt, purpose="internal")
    assert _rows(second, fmt) == _rows(first, fmt)
    for case_id in report.imported_ids:  # same ids, same forms and versions of them
        assert cases.get_case(coordinator_vault, case_id)["form"] == cases.get_case(vault, case_id)["form"]


def test_a_form_whose_required_field_the_partner_export_leaves_out_is_refused_not_guessed(vault, coordinator_vault,
                                                                                          tmp_path):
    cases.save_case(vault, example_case("attack_on_home"))
    partner_export.export(vault, tmp_path / "x.xlsx", fmt="xlsx", purpose="internal")
    report = sheet_run.apply(coordinator_vault, tmp_path / "x.xlsx", _propose(tmp_path / "x.xlsx", sheet="Incidents"))
    assert report.cases_imported == 0
    assert [(p.code, p.values["field"]) for p in report.problems] == [("sheet_row.invalid_field", "property_damage")]


def test_an_existing_case_id_is_refused_not_overwritten(vault, tmp_path):
    case_id, _ = cases.save_case(vault, {"form": "kidnapping", "title": "kept as it is"})
    path = tmp_path / "c.csv"
    path.write_text(f"case_id,title\n{case_id},replaced?\n", encoding="utf-8")
    report = sheet_run.apply(vault, path, _propose(path))
    assert [p.code for p in report.problems] == ["sheet_row.case_exists"]
    assert cases.get_case(vault, case_id)["title"] == "kept as it is"


def test_cancel_during_apply_keeps_nothing(vault, vault_dir, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("title,date\n" + "".join(f"case {i},2024-01-01\n" for i in range(600)), encoding="utf-8")
    mapping = _propose(path)
    calls = []

    def cancel():
        calls.append(1)
        if len(calls) > 14:  # well into the write pass (12 checks in the first)
            raise sheet_run.TawthiqError("interrupted")

    with pytest.raises(sheet_run.TawthiqError):
        sheet_run.apply(vault, path, mapping, cancel=cancel)
    assert cases.count_cases(vault) == 0


def test_cli_import_mapping_then_dry_run_then_import(cli_vaults, tmp_path):
    tawthiq, _ = cli_vaults("doc", "documenter")
    path = _xlsx(tmp_path / "cases.xlsx", {"Sheet1": ARABIC_SHEET})
    out = tmp_path / "map.json"
    r = tawthiq("case", "import-mapping", str(path), "--form", "kidnapping", "--out", str(out))
    assert r.returncode == 0, r.stderr
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["values"] == {"victims.sex": {"M": None}}  # listed for the user to settle, not guessed
    r = tawthiq("case", "import", str(path), "--mapping", str(out), "--dry-run")
    assert r.returncode == 4
    assert "Sheet1\t3\tالتاريخ\tdate.start: a date is YYYY" in r.stdout.decode()
    saved["values"]["victims.sex"]["M"] = "male"
    out.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    r = tawthiq("case", "import", str(path), "--mapping", str(out))
    assert r.returncode == 4  # one case refused: imported the others, said so
    assert "imported 2 of 3 cases" in r.stdout.decode()
    assert r.stderr.decode().count("\n") == 1
    listed = json.loads(tawthiq("case", "list", "--json").stdout)
    assert len(listed) == 2
    third = next(c["id"] for c in listed if c["title"] == "Third case")
    shown = tawthiq("case", "show", third).stdout.decode()
    assert "imported from cases.xlsx, sheet Sheet1, row 4 (sha256:" in shown


def test_cli_bad_mapping_is_one_line_exit_4_and_changes_nothing(cli_vaults, tmp_path):
    tawthiq, folder = cli_vaults("doc", "documenter")
    path = _xlsx(tmp_path / "cases.xlsx", {"Sheet1": ARABIC_SHEET})
    bad = tmp_path / "map.json"
    bad.write_text(json.dumps({"tawthiq_sheet_mapping": 1, "form": "kidnapping", "fields": {"title": "no such"}}))
    before = snapshot(folder)
    r = tawthiq("case", "import", str(path), "--mapping", str(bad))
    assert r.returncode == 4
    assert r.stderr.decode().strip() == ("tawthiq: the mapping names a column that sheet Sheet1 does not have "
                                         "(or has twice): no such")
    assert snapshot(folder) == before


def test_an_ods_sheet_imports(vault, tmp_path):
    from tests.hostile_corpus import _ods_bytes

    def row(*cells: str) -> str:
        return "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>' for c in cells
        ) + '<table:table-cell table:number-columns-repeated="1020"/></table:table-row>'

    # LibreOffice pads every row with empty cells to the sheet's edge and repeats empty rows: harmless.
    content = (row("title", "date", "governorate") + row("Taken at a checkpoint", "2025-01-02", "اللاذقية")
               + '<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
                 'table:number-columns-repeated="1024"/></table:table-row>')
    path = tmp_path / "cases.ods"
    path.write_bytes(_ods_bytes(content))
    report = sheet_run.apply(vault, path, _propose(path))
    assert (report.cases_imported, report.problems) == (1, [])
    body = cases.get_case(vault, report.imported_ids[0])
    assert body["location"]["governorate"] == "latakia" and body["date"]["start"] == "2025-01-02"
