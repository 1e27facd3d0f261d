"""Importing cases from a spreadsheet through a mapping: the dry run, and the apply.

`check` reads the whole file once and reports every problem by sheet, row and column; nothing is
written. `apply` runs the same check, then reads the file again and writes every case whose rows
all passed, in one transaction, each with its origin (file, sheet, row) in `case_import_origin`.
A case is taken whole or not at all: one refused victim row refuses its case. A problem found
late (a victim row of an earlier case, further down) is known before anything is written,
because the check pass ends first.

Memory stays bounded: rows stream (a CSV from disk; a workbook's sheet from calamine's grid, which
the guard has capped), one case is built at a time, and what is kept across rows is the set of
refused cases, the keys of the cases (for joining repeat tables) and the report, itself capped at
MAX_PROBLEMS lines and MAX_UNMATCHED distinct values per field.
"""

from __future__ import annotations

from pathlib import Path

from app.services import changes
from app.services.intake import case_rules, cases
from app.services.intake.sheet_import import mapping as sheet_mapping
from app.services.intake.sheet_import.builder import CaseBuilder, locate
from app.services.intake.sheet_import.groups import Source
from app.services.intake.sheet_import.guard import SheetRefused
from app.services.intake.sheet_import.mapping import Mapping
from app.services.intake.sheet_import.report import (  # noqa: F401 - the report's types, for callers
    MAX_PROBLEMS,
    PROGRESS_EVERY,
    CancelCheck,
    ImportReport,
    Progress,
    RowProblem,
)
from app.services.intake.sheet_import.tables import open_table, sheet_names
from storage import audit
from storage.database import transaction
from storage.errors import TawthiqError
from storage.vault import Vault


# ---- the two entry points ------------------------------------------------------------------------------
def _run(vault: Vault, path: Path, mapping: Mapping, *, lang: str, write: bool, progress: Progress | None,
         cancel: CancelCheck | None) -> ImportReport:
    source = Source(path, mapping)
    report = ImportReport(file=source.path.name, sheet=source.cases.sheet, form=source.definition.id,
                          dry_run=not write)
    digest = source.digest()
    refused: set[int] = set()
    builder = CaseBuilder(source, mapping, report)
    conn = vault.connection()
    ids_in_file: set[str] = set()
    for group in source.groups(report, refused, cancel, progress, 0):
        report.cases_read += 1
        body, trace, problems = builder.build(group)
        number = group.rows[0][0]
        if "id" in body:
            column = mapping.fields.get("id", "")
            try:
                case_rules.case_id(body["id"])
            except TawthiqError:
                problems.append(RowProblem(source.cases.sheet, number, column, "sheet_row.bad_case_id"))
            else:
                if body["id"] in ids_in_file:
                    problems.append(RowProblem(source.cases.sheet, number, column, "sheet_row.duplicate_case_id"))
                elif conn.execute("SELECT 1 FROM cases WHERE id = ?", (body["id"],)).fetchone():
                    problems.append(RowProblem(source.cases.sheet, number, column, "sheet_row.case_exists"))
                ids_in_file.add(body["id"])
        if not problems:
            try:
                case_rules.validated(body, lang)  # the body is built afresh for the write pass
            except case_rules.InvalidCase as invalid:
                for p in invalid.details:
                    if p.is_error:
                        sheet, row, column = locate(p.path, trace, (source.cases.sheet, number))
                        problems.append(RowProblem(sheet, row, column, "sheet_row.invalid_field",
                                                   {"field": p.path or "case", "problem": p.text or p.message}))
        if problems:
            refused.add(group.ordinal)
            for problem in problems:
                report.add(problem)
    report.cases_refused = len(refused)
    report.cases_passed = report.cases_read - report.cases_refused
    if not write or report.cases_passed == 0:
        return report
    if source.digest() != digest:
        raise SheetRefused("sheet.changed", file=source.path.name)
    _write(vault, source, mapping, report, refused, digest, progress, cancel)
    return report


def _write(vault: Vault, source: Source, mapping: Mapping, report: ImportReport, refused: set[int], digest: str,
           progress: Progress | None, cancel: CancelCheck | None) -> None:
    conn = vault.connection()
    scratch = ImportReport(report.file, report.sheet, report.form)
    builder = CaseBuilder(source, mapping, scratch)
    now = audit.now_iso()
    total = report.cases_passed
    with transaction(conn):
        for group in source.groups(scratch, set(), cancel, None, 0):
            if group.ordinal in refused:
                continue
            body, _trace, problems = builder.build(group)
            if problems:  # the file passed the same checks a moment ago: it changed under us
                raise SheetRefused("sheet.changed", file=source.path.name)
            checked = case_rules.check(body)
            case_id, version = cases.write_case(conn, checked)
            conn.execute("INSERT INTO case_import_origin (case_id, version, file, file_sha256, sheet, row, "
                         "imported_at) VALUES (?,?,?,?,?,?,?)",
                         (case_id, version, source.path.name, digest, source.cases.sheet, group.rows[0][0], now))
            report.cases_imported += 1
            if len(report.imported_ids) < MAX_PROBLEMS:
                report.imported_ids.append(case_id)
            if progress is not None and report.cases_imported % PROGRESS_EVERY == 0:
                progress(report.cases_imported, total)
        audit.record(conn, "case.import_sheet", "", file_sha256=digest, sheet_rows=report.rows_read,
                     cases=report.cases_imported, refused=report.cases_refused)
    if progress is not None:
        progress(report.cases_imported, total)
    changes.publish(vault, changes.CASES)


def check(vault: Vault, path: Path, mapping: Mapping, *, lang: str = "en", progress: Progress | None = None,
          cancel: CancelCheck | None = None) -> ImportReport:
    """The dry run: every problem of every row, and the values to map; nothing is written."""
    return _run(vault, path, mapping, lang=lang, write=False, progress=progress, cancel=cancel)


def apply(vault: Vault, path: Path, mapping: Mapping, *, lang: str = "en", progress: Progress | None = None,
          cancel: CancelCheck | None = None) -> ImportReport:
    """Check, then import every case that passed, all in one transaction (cancel: nothing is kept)."""
    return _run(vault, path, mapping, lang=lang, write=True, progress=progress, cancel=cancel)


def origin(vault: Vault, case_id: str) -> dict | None:
    """Where an imported case came from: file, sheet, row (None for a case not imported from a sheet)."""
    row = vault.connection().execute(
        "SELECT file, file_sha256, sheet, row, imported_at FROM case_import_origin WHERE case_id = ? "
        "ORDER BY version LIMIT 1", (case_id,)).fetchone()
    if row is None:
        return None
    return dict(zip(("file", "file_sha256", "sheet", "row", "imported_at"), row, strict=True))


def propose_for_file(path: Path, form_id: str, sheet: str | None = None) -> Mapping:
    """A first mapping for a file: its cases' table (a sheet, or the CSV) and, as repeat tables, the
    workbook's other sheets or the CSV files beside it named after a group (`…victims.csv`, as ODK
    Central and Tawthiq's partner export write them)."""
    path = Path(path)
    table = open_table(path, sheet)
    others: dict[str, list[str]] = {}
    if table.kind == "csv":
        for sibling in sorted(path.parent.glob("*.csv"))[:50]:
            if sibling.name != path.name and not sibling.name.startswith("."):
                try:
                    others[sibling.name] = open_table(sibling).header
                except TawthiqError:
                    continue  # not a table we could read: not proposed
    else:
        for name in sheet_names(path):
            if name != table.sheet:
                others[name] = open_table(path, name).header
    return sheet_mapping.propose(form_id, table.header, sheet=None if table.kind == "csv" else table.sheet,
                                 other_tables=others, tables_are_files=table.kind == "csv")
