"""Caps on a spreadsheet from outside, checked before any reader allocates for it.

calamine (the XLSX/ODS reader) builds each sheet as a dense grid in memory: one cell far away
(`XFD1048576`, or an ODS cell repeated a million times) makes it allocate billions of cells and the
process dies (tried: an ODS row of 16,384 columns repeated 1,000 times aborts the interpreter at
2 GB). So before calamine sees a workbook, this module reads the ZIP's directory (member count,
declared sizes, compression ratio), then streams every XML part calamine will parse through
Python's zipfile (which refuses a member longer than it declares, or with a wrong CRC) and scans it
for the sheet's real extent and for formula cells. Only a file that passes goes to calamine.

Formulas: calamine hands back the value another program computed and cached, never the formula,
and we evaluate nothing. A cached value can differ from what the formula would give (or come from
an external link), so a sheet with formula cells is refused, naming the first one: the user saves
the sheet as values and imports again. A CSV has no formulas: text such as `=HYPERLINK(...)` is kept
as text (partner exports write it back with the apostrophe that keeps spreadsheets from running it).
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from storage.errors import TawthiqError

MAX_FILE_BYTES = 512 << 20  # a sheet file on disk (a CSV of 100,000 cases is about 40 MiB)
MAX_ZIP_MEMBERS = 5_000
MAX_MEMBER_BYTES = 768 << 20  # one XML part, uncompressed (100,000 rows x 40 columns is ~300 MiB)
MAX_TOTAL_BYTES = 1536 << 20  # every part together, uncompressed
MAX_RATIO = 400  # deflate tops out near 1,030:1 on zeros; real sheet XML stays well under 200:1
RATIO_FLOOR = 8 << 20  # small parts (styles, an empty sheet) may compress as they like
MAX_COLUMNS = 2_000  # XLSX allows 16,384; no case sheet has more than a few hundred
MAX_CELLS = 12_000_000  # calamine's grid (24 bytes a cell): ~300 MB at worst
MAX_CELL_CHARS = 100_000  # one cell's text: a narrative is rarely over 10,000
MAX_CSV_LINE_BYTES = 4 << 20  # one CSV record (a quoted cell may span lines)
_CHUNK = 1 << 20


class SheetRefused(TawthiqError):
    """The file as a whole is refused before any row is read: nothing is imported (exit 4)."""

    exit_code = 4


@dataclass(frozen=True)
class Extent:
    rows: int
    columns: int


def file_size(path: Path) -> int:
    try:
        size = os.stat(path).st_size
    except OSError:
        raise SheetRefused("sheet.unreadable", file=path.name) from None
    if size > MAX_FILE_BYTES:
        raise SheetRefused("sheet.file_too_large", file=path.name, limit=MAX_FILE_BYTES >> 20)
    return size


def kind_of(path: Path) -> str:
    """csv, xlsx or ods, from the file's first bytes (a name can lie), else refused."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError:
        raise SheetRefused("sheet.unreadable", file=path.name) from None
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".xlsx", ".xlsm"):
            return "xlsx"
        if suffix == ".ods":
            return "ods"
        raise SheetRefused("sheet.unknown_kind", file=path.name)
    if suffix in (".csv", ".txt", ".tsv") or not suffix:
        return "csv"
    raise SheetRefused("sheet.unknown_kind", file=path.name)


# ---- ZIP workbooks ---------------------------------------------------------------------------------
_XLSX_CELL = re.compile(rb'<(?:\w+:)?(?:c|row)\b[^>]*?\sr="([A-Z]{0,7})([0-9]{1,9})"')
_XLSX_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ODS_TOKEN = re.compile(rb"<table:table-row\b([^>]*)>|<table:table-cell\b([^>]*)>|</table:table-row>")
_ODS_REPEAT_ROWS = re.compile(rb'table:number-rows-repeated="([0-9]{1,12})"')
_ODS_REPEAT_COLS = re.compile(rb'table:number-columns-repeated="([0-9]{1,12})"')
_ODS_FORMULA = re.compile(rb"\stable:formula=")
_ODS_VALUE = re.compile(rb"\soffice:value-type=")
_OVERLAP = 256  # bytes carried from one chunk to the next so a tag split by the chunk is seen whole


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _check_directory(zf: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    members = zf.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise SheetRefused("sheet.zip_bomb", file=name)
    total = 0
    for m in members:
        if m.file_size > MAX_MEMBER_BYTES:
            raise SheetRefused("sheet.part_too_large", file=name, limit=MAX_MEMBER_BYTES >> 20)
        if m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise SheetRefused("sheet.zip_bomb", file=name)
        total += m.file_size
    if total > MAX_TOTAL_BYTES:
        raise SheetRefused("sheet.zip_bomb", file=name)
    return members


def _stream(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str):
    """The member's bytes in chunks, each with the previous chunk's tail in front."""
    tail = b""
    read = 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                read += len(chunk)
                if read > info.file_size:  # zipfile stops at the declared size; kept as a second lock
                    raise SheetRefused("sheet.zip_bomb", file=name)
                yield tail + chunk, len(tail)
                tail = chunk[-_OVERLAP:]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise SheetRefused("sheet.damaged", file=name) from None
    except RuntimeError:  # an encrypted member
        raise SheetRefused("sheet.encrypted", file=name) from None


def _xlsx_scan(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Extent:
    rows = columns = 0
    for data, carried in _stream(zf, info, name):
        formula = _XLSX_FORMULA.search(data, max(carried - 4, 0))
        if formula is not None:
            refs = list(_XLSX_CELL.finditer(data, 0, formula.start()))
            where = (refs[-1].group(1) + refs[-1].group(2)).decode() if refs else "?"
            raise SheetRefused("sheet.formula_cells", file=name, cell=where)
        for m in _XLSX_CELL.finditer(data, max(carried - 64, 0)):
            rows = max(rows, int(m.group(2)))
            if m.group(1):
                columns = max(columns, _column_number(m.group(1)))
        _check_extent(rows, columns, name)
    return Extent(rows, columns)


def _check_extent(rows: int, columns: int, name: str) -> None:
    if columns > MAX_COLUMNS:
        raise SheetRefused("sheet.too_many_columns", file=name, limit=MAX_COLUMNS)
    if rows * max(columns, 1) > MAX_CELLS:
        raise SheetRefused("sheet.too_many_cells", file=name, limit=MAX_CELLS)


def _ods_scan(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Extent:
    """Rows and columns that carry values, with ODS's repeat counts applied (trailing empty cells
    repeated to the sheet's edge, as LibreOffice writes them, cost calamine nothing)."""
    rows = columns = 0
    in_row, row_repeat, row_columns, row_has_value, position = False, 1, 0, False, 0
    pending = b""
    for data, carried in _stream(zf, info, name):
        # Tokens are taken from whole tags only: the part after the last '>' waits for the next chunk.
        text = pending + data[carried:]
        cut = text.rfind(b">") + 1
        text, pending = text[:cut], text[cut:]
        if len(pending) > _CHUNK:
            raise SheetRefused("sheet.damaged", file=name)
        for m in _ODS_TOKEN.finditer(text):
            token = m.group(0)
            if token.startswith(b"<table:table-row"):
                repeat = _ODS_REPEAT_ROWS.search(m.group(1) or b"")
                row_repeat = int(repeat.group(1)) if repeat else 1
                in_row, row_columns, row_has_value, position = True, 0, False, 0
            elif token == b"</table:table-row>":
                if row_has_value:
                    rows += row_repeat
                    columns = max(columns, row_columns)
                in_row = False
                _check_extent(rows, columns, name)
            elif token.startswith(b"<table:table-cell") and in_row:
                attrs = m.group(2) or b""
                if _ODS_FORMULA.search(attrs):
                    raise SheetRefused("sheet.formula_cells", file=name, cell=f"R{rows + 1}C{position + 1}")
                repeat = _ODS_REPEAT_COLS.search(attrs)
                position += int(repeat.group(1)) if repeat else 1
                # Every ODS cell with content says its value type (text too: "string").
                if _ODS_VALUE.search(attrs):
                    row_has_value = True
                    row_columns = position
                if position > MAX_COLUMNS and row_has_value and row_columns > MAX_COLUMNS:
                    raise SheetRefused("sheet.too_many_columns", file=name, limit=MAX_COLUMNS)
    return Extent(rows, columns)


def check_workbook(path: Path, kind: str) -> None:
    """Refuse a hostile XLSX/ODS before calamine reads it (SheetRefused, nothing read further)."""
    name = path.name
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise SheetRefused("sheet.damaged", file=name) from None
    with zf:
        members = _check_directory(zf, name)
        if any(m.flag_bits & 0x1 for m in members):
            raise SheetRefused("sheet.encrypted", file=name)
        for info in members:
            lower = info.filename.lower()
            if kind == "xlsx" and lower.startswith("xl/worksheets/") and lower.endswith(".xml"):
                _xlsx_scan(zf, info, name)
            elif kind == "ods" and lower == "content.xml":
                _ods_scan(zf, info, name)
            elif lower.endswith(".xml"):
                for _ in _stream(zf, info, name):  # sizes and CRC checked, content not needed
                    pass
