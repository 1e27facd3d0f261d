"""Hostile spreadsheets handed to `case import` (issue 18): one clear line, exit 4, the vault unchanged.

The samples (tests/hostile_corpus.py: formula cells, 1,000,000 columns, an ODS cell repeated over
16 million cells, a zip bomb, a 2 GB cell in XLSX and CSV, invalid UTF-8, NUL bytes, a 5 MiB line,
a damaged workbook) are refused by caps checked before a reader allocates for them
(app/services/intake/sheet_import/guard.py); the benchmark adversarial.hostile_sheets counts the same.
Before the guard, repeated_columns.ods aborted the whole interpreter inside calamine (out of memory).
"""

from __future__ import annotations

import json

import pytest

from app.services.intake.sheet_import import mapping as sheet_mapping
from app.services.intake.sheet_import import run as sheet_run
from app.services.intake.sheet_import.guard import SheetRefused
from tests.conftest import snapshot
from tests.hostile_corpus import SHEET_MAPPING, sheet_samples

NAMES = ["formula_cells.xlsx", "million_columns.csv", "million_columns.xlsx", "repeated_columns.ods",
         "formula_cells.ods", "zip_bomb.xlsx", "two_gb_cell.xlsx", "invalid_utf8.csv", "nul_bytes.csv",
         "line_over_4_mib.csv", "not_a_workbook.xlsx", "truncated.xlsx", "two_gb_cell.csv"]


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return sheet_samples(tmp_path_factory.mktemp("sheets"))


def test_the_corpus_is_the_one_listed(samples):
    assert sorted(samples) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_hostile_sheet_is_refused_whole_and_changes_nothing(samples, vault, vault_dir, name):
    mapping = sheet_mapping.from_json(SHEET_MAPPING)
    before = snapshot(vault_dir)
    with pytest.raises(SheetRefused) as refused:
        sheet_run.apply(vault, samples[name], mapping)
    assert refused.value.exit_code == 4
    assert refused.value.code and refused.value.code.startswith("sheet.")
    assert "\n" not in str(refused.value)
    assert snapshot(vault_dir) == before


def test_formula_cells_are_never_read_as_their_cached_values(samples, vault):
    with pytest.raises(SheetRefused) as refused:
        sheet_run.check(vault, samples["formula_cells.xlsx"], sheet_mapping.from_json(SHEET_MAPPING))
    assert refused.value.code == "sheet.formula_cells"
    assert refused.value.values["cell"] == "B2"


def test_csv_text_that_looks_like_a_formula_is_kept_as_text(vault, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text('title\r\n"=HYPERLINK(""http://x"",""y"")"\r\n', encoding="utf-8")
    report = sheet_run.apply(vault, path, sheet_mapping.from_json(SHEET_MAPPING))
    from app.services.intake import cases

    assert cases.get_case(vault, report.imported_ids[0])["title"] == '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize("name", ["zip_bomb.xlsx", "two_gb_cell.csv", "million_columns.csv", "invalid_utf8.csv"])
def test_cli_gives_one_line_exit_4_and_the_vault_is_byte_identical(samples, cli_vaults, tmp_path, name):
    tawthiq, folder = cli_vaults("doc", "documenter")
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps(SHEET_MAPPING))
    before = snapshot(folder)
    r = tawthiq("case", "import", str(samples[name]), "--mapping", str(mapping))
    assert r.returncode == 4
    lines = r.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"tawthiq: {name}")
    assert r.stdout == b""
    assert snapshot(folder) == before
