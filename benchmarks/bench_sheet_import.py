"""Spreadsheet import of cases (issue 18): rows per second and peak memory, against the reader alone.

The sheet is benchmarks/data.py's cases flattened one row per case (the scale counts both), two
victims in repeated columns (victim1_name_ar … victim2_fate), places written as names in either
script and vocabulary values as labels, so matching is part of the work. Ours is `case import` as the CLI runs it
(sheet_import.run.apply: a full check pass, then a second read that writes every case in one
transaction, with the search index and origin rows); the dry run alone is timed too. The reference
is the same file read with the reader library alone and nothing done with the rows: calamine for
XLSX, Python's csv module for CSV. Each import goes into a fresh vault.
"""

from __future__ import annotations

import csv
from pathlib import Path

from app.services.intake.sheet_import import mapping as sheet_mapping
from app.services.intake.sheet_import import run as sheet_run
from benchmarks import data, fixtures
from benchmarks.harness import Run, bench
from storage import keyfile
from storage.vault import Vault

VICTIMS = 2
VICTIM_COLUMNS = ("name_ar", "name_latin", "sex", "age", "occupation", "act", "fate")
HEADER = ["form", "title", "date", "precision", "governorate", "place details", "narrative", "perpetrator_groups",
          "damage"] + [
    f"victim{n}_{c}" for n in range(1, VICTIMS + 1) for c in VICTIM_COLUMNS]
SEX_LABELS = {"male": ("Male", "ذكر"), "female": ("Female", "أنثى")}
MAPPING = {
    "tawthiq_sheet_mapping": 1, "form": "kidnapping", "form_column": "form",
    "fields": {"title": "title", "date.start": "date", "date.precision": "precision",
               "location.governorate": "governorate", "location.text": "place details", "narrative": "narrative",
               "property_damage": "damage"},
    "repeats": {"victims": {"layout": "columns", "fields": {c: f"victim{{n}}_{c}" for c in VICTIM_COLUMNS}},
                "perpetrators": {"layout": "list", "column": "perpetrator_groups", "field": "group"}},
}


def _row(i: int) -> list:
    body = data.case(i)
    victims = body.get("victims", [])[:VICTIMS]
    row = [body["form"], body["title"], body["date"]["start"], "day", body["location"]["governorate"],
           body["location"].get("text", ""), body.get("narrative", ""),
           "; ".join(sorted({p["group"] for p in body.get("perpetrators", [])})),
           ("Set on fire; نهب" if body["form"] == "attack_on_home" else "")]
    for n in range(VICTIMS):
        v = victims[n] if n < len(victims) else {}
        sex = SEX_LABELS.get(v.get("sex", ""), ("", ""))[i % 2]  # labels, in English or Arabic
        row += [v.get("name_ar", ""), v.get("name_latin", ""), sex, v.get("age", ""), v.get("occupation", ""),
                v.get("act", ""), v.get("fate", "")]
    return row


def _write_csv(path: Path, rows: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(rows):
            w.writerow(_row(i))


def _write_xlsx(path: Path, rows: int) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                           "strings_to_numbers": False, "strings_to_urls": False})
    sheet = book.add_worksheet("Cases")
    sheet.write_row(0, 0, HEADER)
    for i in range(rows):
        sheet.write_row(i + 1, 0, _row(i))
    book.close()


def _vault(run: Run, name: str) -> Vault:
    return Vault.create(run.tmp / name, fixtures.PASSPHRASE, name=name, kdf_params=dict(keyfile.TEST_PARAMS),
                        check_strength=False)


def _measure(run: Run, path: Path, kind: str, read_alone) -> None:
    rows = run.scale
    mapping = sheet_mapping.from_json(MAPPING)
    run.time(f"{kind}: the reader alone, every row", read_alone, repeat=1 if rows > 20_000 else None,
             items=rows, item_unit="row", reference=True)
    check_vault = _vault(run, f"check-{kind}")
    reports: list = []
    run.time(f"{kind}: tawthiq dry run (match, validate, report)",
             lambda: reports.append(sheet_run.check(check_vault, path, mapping)), repeat=1, warmup=0,
             items=rows, item_unit="row")
    check_vault.lock()
    vaults = iter(range(100))
    run.time(f"{kind}: tawthiq import (check pass, then write all in one transaction)",
             lambda vault: reports.append(sheet_run.apply(vault, path, mapping)),
             setup=lambda: _vault(run, f"import-{kind}-{next(vaults)}"), repeat=1, warmup=0, items=rows,
             item_unit="row")
    imported = reports[-1].cases_imported
    if imported != rows:
        raise RuntimeError(f"only {imported} of {rows} rows imported: {reports[-1].problems[:3]}")
    run.ratio(f"{kind}: dry run time ÷ reader alone", f"{kind}: tawthiq dry run (match, validate, report)",
              f"{kind}: the reader alone, every row")
    run.ratio(f"{kind}: import time ÷ reader alone",
              f"{kind}: tawthiq import (check pass, then write all in one transaction)",
              f"{kind}: the reader alone, every row")


@bench("sheets.import_xlsx", title="import cases from an XLSX sheet vs calamine reading it alone (issue 18)",
       scales=(10_000, 100_000), quick_scales=(10_000,), smoke_scale=200, scale_unit="cases", timeout_s=5400)
def import_xlsx(run: Run) -> None:
    import python_calamine

    path = run.tmp / "cases.xlsx"
    _write_xlsx(path, run.scale)

    def read_alone() -> int:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        try:
            return sum(1 for _ in book.get_sheet_by_index(0).iter_rows())
        finally:
            book.close()

    run.note(f"{run.scale:,} rows, {len(HEADER)} columns, {path.stat().st_size / 2**20:.1f} MiB XLSX written by "
             "xlsxwriter; the reference loads the sheet with python-calamine and iterates its rows.")
    _measure(run, path, "XLSX", read_alone)


@bench("sheets.import_csv", title="import cases from a CSV vs Python's csv module reading it alone (issue 18)",
       scales=(10_000, 100_000), quick_scales=(10_000,), smoke_scale=200, scale_unit="cases", timeout_s=5400)
def import_csv(run: Run) -> None:
    path = run.tmp / "cases.csv"
    _write_csv(path, run.scale)

    def read_alone() -> int:
        with open(path, newline="", encoding="utf-8") as fh:
            return sum(1 for _ in csv.reader(fh))

    run.note(f"{run.scale:,} rows, {path.stat().st_size / 2**20:.1f} MiB CSV; the reference is csv.reader over "
             "the file (calamine does not read CSV). Our CSV reader streams: its memory does not grow with rows.")
    _measure(run, path, "CSV", read_alone)
