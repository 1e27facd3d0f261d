"""`case import FILE --mapping MAP` and `case import-mapping FILE --form KIND --out MAP` (issue 18).

Registered by app/commands/case.py under `case`. A file refused as a whole (hostile, damaged, a
bad mapping) is one line and exit 4 with nothing imported; rows refused one by one are listed
(sheet, row, column, problem) and the command exits 4 after importing the cases that passed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands._context import Context
from app.commands._display import shown
from app.services.intake.sheet_import import mapping as sheet_mapping
from app.services.intake.sheet_import import run as sheet_run
from app.services.intake.sheet_import import tables
from storage.errors import TawthiqError

EXIT_REFUSED = 4


def register(csub: argparse._SubParsersAction) -> None:
    a = csub.add_parser("import", help="import cases from a spreadsheet (CSV, XLSX, ODS) through a column mapping")
    a.add_argument("file")
    a.add_argument("--mapping", required=True, metavar="MAP", help="the mapping JSON (see `case import-mapping`)")
    a.add_argument("--form", metavar="KIND", help="check that the mapping is for this form")
    a.add_argument("--sheet", metavar="NAME", help="the cases' sheet (instead of the mapping's)")
    a.add_argument("--dry-run", action="store_true", help="check every row and report; import nothing")
    a.add_argument("--json", action="store_true", help="the report as JSON")
    a.set_defaults(handler=import_cases)
    a = csub.add_parser("import-mapping", help="propose a column mapping from a sheet's headers (Arabic or "
                                               "English), with the values to settle, as a JSON file to edit")
    a.add_argument("file")
    a.add_argument("--form", required=True, metavar="KIND")
    a.add_argument("--sheet", metavar="NAME", help="the cases' sheet (default: the first)")
    a.add_argument("--out", required=True, metavar="MAP", help="where to write the mapping JSON")
    a.set_defaults(handler=propose_mapping)


def _progress_line(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done:,} rows" + (f" of {total:,}" if total else ""), end="", file=sys.stderr, flush=True)


def import_cases(ctx: Context) -> int:
    mapping = sheet_mapping.read_mapping(Path(ctx.args.mapping))
    if ctx.args.form and ctx.args.form != mapping.form:
        raise sheet_mapping.BadMapping("mapping.malformed", where="form")
    if ctx.args.sheet:
        mapping.sheet = ctx.args.sheet
    vault = ctx.vault()
    action = sheet_run.check if ctx.args.dry_run else sheet_run.apply
    report = action(vault, Path(ctx.args.file), mapping, progress=_progress_line)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if ctx.args.json:
        ctx.print_json(report.to_json())
    else:
        for p in report.problems:
            print("\t".join(shown(v) for v in (p.sheet, p.row, p.column, p.message())))
        if report.problems_left_out:
            print(f"… and {report.problems_left_out:,} more problems")
        for target, found in sorted(report.unmatched.items()):
            for value, count in sorted(found.items()):
                print(f"unmatched\t{shown(target)}\t{shown(value)}\t{count} rows")
        verb = "would import" if report.dry_run else "imported"
        done = report.cases_passed if report.dry_run else report.cases_imported
        print(f"{verb} {done:,} of {report.cases_read:,} cases from {shown(report.file)} ({shown(report.sheet)}); "
              f"{report.cases_refused:,} refused")
    if report.cases_refused:
        error = TawthiqError("sheet.rows_refused", refused=report.cases_refused, cases=report.cases_read,
                             imported=report.cases_imported)
        print(f"tawthiq: {shown(error)}", file=sys.stderr)
        return EXIT_REFUSED
    return 0


def propose_mapping(ctx: Context) -> int:
    path = Path(ctx.args.file)
    table = tables.open_table(path, ctx.args.sheet)
    proposal = sheet_run.propose_for_file(path, ctx.args.form, ctx.args.sheet)
    # The values no code, label or variant matched: listed with no code, for the user to settle once.
    report = sheet_run.check(ctx.vault(), path, proposal)
    for target, found in report.unmatched.items():
        proposal.values.setdefault(target, {}).update({value: None for value in found})
    sheet_mapping.write_mapping(proposal, Path(ctx.args.out))
    used = set(proposal.fields.values()) | {proposal.key or ""}
    for repeat in proposal.repeats.values():
        used |= set(repeat.fields.values()) | {repeat.column or ""}
    unused = [h for h in table.header if h and h not in used and not any("{n}" in u and sheet_mapping.matches_pattern(
        h, u) for u in used)]
    print(f"wrote {shown(ctx.args.out)}: {len(proposal.fields)} fields, {len(proposal.repeats)} repeated groups, "
          f"{sum(len(v) for v in report.unmatched.values())} values to settle")
    if unused:
        print("columns not mapped: " + ", ".join(shown(h) for h in unused))
    return 0
