"""Hostile external lists and mappings: one clear line, exit 4, the vault byte-identical.

A coordinator imports files other organisations published: any of them may be malformed or made to
hurt (a zip bomb, a cell at column XFD that makes a workbook reader allocate the whole grid, bidi
overrides that make one name display as another). Each sample goes through the real `tawthiq
source import`; the shared hostile CSV corpus (tests/hostile_corpus.py) goes through the reader
itself and must end in its refusal or a bounded table, never another exception.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from app.services.analysis.external_sources.reader import (
    MAX_COLUMNS,
    MAX_EXPANDED_BYTES,
    SourceRefused,
    Table,
    read_table,
)
from tests.bundle_support import make_vault
from tests.conftest import PASSPHRASE, run_tawthiq, snapshot
from tests.hostile_corpus import CSV_SAMPLES

HEADER = "name,date,governorate\n"
GOOD_MAPPING = {"columns": {"name": "name", "date": "date", "governorate": "governorate"}}


def _xlsx(sheet_xml: bytes, *, sheet_member: bytes | None = None) -> bytes:
    """A minimal workbook package around one sheet's XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
                   '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                   '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                   '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet_member if sheet_member is not None else
                   b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   b"<sheetData>" + sheet_xml + b"</sheetData></worksheet>")
    return out.getvalue()


def _inline_row(r: int, values: list[str]) -> bytes:
    cells = "".join(f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values))
    return f'<row r="{r}">{cells}</row>'.encode()


GOOD_XLSX = _xlsx(_inline_row(1, ["name", "date", "governorate"]) + _inline_row(2, ["Ahmad Ali", "2024-03-06", "Homs"]))


def _zip_bomb() -> bytes:
    """A sheet that inflates past the bound: spaces compress about a thousand to one."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(MAX_EXPANDED_BYTES // len(chunk) + 2):
                member.write(chunk)
    return out.getvalue()


# name -> (file name, bytes, words the one error line says)
SAMPLES = {
    "not_utf8.csv": (HEADER.encode() + b"\xff\xfe name,2024-01-01,Homs\n", "not UTF-8"),
    "nul_in_a_cell.csv": (HEADER.encode() + b"Ahmad\x00Ali,2024-01-01,Homs\n", "control"),
    "bidi_override_in_a_name.csv": ((HEADER + "Ahmad \u202eilA,2024-01-01,Homs\n").encode(), "direction-override"),
    "escape_sequence.csv": (HEADER.encode() + b"\x1b[31mAhmad,2024-01-01,Homs\n", "control"),
    "too_many_columns.csv": ((HEADER.strip() + ",x" * (MAX_COLUMNS + 1) + "\n").encode(), "columns"),
    "huge_cell.csv": (HEADER.encode() + b"A" * 10_000 + b",2024-01-01,Homs\n", "longer than"),
    "header_only.csv": (HEADER.encode(), "no rows"),
    "empty.csv": (b"", "no header"),
    "repeated_header.csv": (b"name,date,Name\nA,2024-01-01,B\n", "repeats"),
    "not_a_workbook.xlsx": (b"PK\x03\x04 this is not a zip at all", "cannot be read"),
    "cell_at_column_xfd.xlsx": (_xlsx(_inline_row(1, ["name", "date", "governorate"])
                                      + b'<row r="2"><c r="XFD2"><v>1</v></c></row>'), "columns"),
    "cell_at_the_last_row.xlsx": (_xlsx(_inline_row(1, ["name", "date", "governorate"])
                                        + b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>'), "rows"),
    "zip_bomb.xlsx": (None, "expands to more than"),
    "a_document.pdf": (b"%PDF-1.4", ".csv or .xlsx"),
}


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-lists")
    make_vault(root / "coordinator", role="coordinator", name="coordinator").lock()
    (root / "pass").write_text(PASSPHRASE + "\n")
    (root / "mapping.json").write_text(json.dumps(GOOD_MAPPING))
    return root, snapshot(root / "coordinator")


def _refused(target, file_path, mapping_path=None, name="List") -> str:
    root, before = target
    done = run_tawthiq("--vault", str(root / "coordinator"), "--passphrase-file", str(root / "pass"), "source",
                       "import", str(file_path), f"--name={name}", "--mapping",
                       str(mapping_path or root / "mapping.json"))
    lines = done.stderr.decode().strip().splitlines()
    assert done.returncode == 4, (file_path.name, done.returncode, done.stderr[-500:])
    assert len(lines) == 1 and lines[0].startswith("tawthiq: "), lines
    assert done.stdout == b""
    assert snapshot(root / "coordinator") == before, f"{file_path.name} changed the vault"
    return lines[0]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_hostile_list_is_refused_in_one_line_and_changes_nothing(target, tmp_path, name):
    content, words = SAMPLES[name]
    path = tmp_path / name
    path.write_bytes(content if content is not None else _zip_bomb())
    assert words in _refused(target, path)


MAPPINGS = {
    "not_json": (b"{columns:", "not a JSON object"),
    "duplicate_key": (b'{"columns": {"name": "name"}, "columns": {"name": "date"}}', "not a JSON object"),
    "a_list": (b"[]", "not a JSON object"),
    "unknown_key": (json.dumps(GOOD_MAPPING | {"script": "rm -rf"}).encode(), "key this version does not know"),
    "unknown_field": (json.dumps({"columns": {"name": "name", "religion": "date"}}).encode(), "field"),
    "no_name": (json.dumps({"columns": {"date": "date"}}).encode(), "column of the name"),
    "column_not_in_the_file": (json.dumps({"columns": {"name": "Full name"}}).encode(), "does not have"),
    "default_not_a_code": (json.dumps(GOOD_MAPPING | {"defaults": {"fate": "vanished"}}).encode(), "defaults"),
    "value_not_a_code": (json.dumps(GOOD_MAPPING | {"values": {"sex": {"ذكر": "man"}}}).encode(), "codes of"),
    "date_format_without_year": (json.dumps(GOOD_MAPPING | {"date_formats": ["%d/%m"]}).encode(), "%Y"),
}


@pytest.mark.parametrize("name", sorted(MAPPINGS))
def test_a_hostile_mapping_is_refused_in_one_line_and_changes_nothing(target, tmp_path, name):
    raw, words = MAPPINGS[name]
    (tmp_path / "list.csv").write_text(HEADER + "Ahmad Ali,2024-01-01,Homs\n", encoding="utf-8")
    (tmp_path / "map.json").write_bytes(raw)
    assert words in _refused(target, tmp_path / "list.csv", tmp_path / "map.json")


def test_a_name_that_could_forge_a_list_reference_is_refused(target, tmp_path):
    (tmp_path / "list.csv").write_text(HEADER + "Ahmad Ali,2024-01-01,Homs\n", encoding="utf-8")
    for name in ("a:b", "../x", "A=B", "x,y", "-x", "x" * 61):
        assert "1 to 60 letters" in _refused(target, tmp_path / "list.csv", name=name)


def test_a_good_workbook_is_taken(target, tmp_path):
    table = read_table(GOOD_XLSX, "xlsx")
    assert table.header == ("name", "date", "governorate") and table.rows == [("Ahmad Ali", "2024-03-06", "Homs")]


@pytest.mark.parametrize("name", sorted(CSV_SAMPLES))
def test_the_shared_hostile_csv_corpus_ends_in_a_refusal_or_a_bounded_table(name):
    try:
        table = read_table(CSV_SAMPLES[name], "csv")
    except SourceRefused as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 300
        return
    assert isinstance(table, Table) and len(table.header) <= MAX_COLUMNS
