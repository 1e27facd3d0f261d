"""Reading another monitor's published list: a CSV or XLSX file, in memory, within bounds.

The file is untrusted. It is read whole into memory (never unpacked or copied to disk), and
refused with one coded error, before anything is stored, when it is larger than `MAX_FILE_BYTES`,
is not UTF-8 (CSV), is not a readable workbook (XLSX: damaged, encrypted, another format), would
expand beyond `MAX_EXPANDED_BYTES` (a zip bomb), places a cell beyond `MAX_COLUMNS` or `MAX_ROWS`
(checked from the sheet's own XML before the workbook reader lays the sheet out: a cell at column
XFD would otherwise make it allocate the whole grid), or holds a cell longer than `MAX_CELL_CHARS`
or with a control character. Formula cells are read as the values the file stored for them;
nothing is ever evaluated.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from storage.errors import TawthiqError

MAX_FILE_BYTES = 64 * 1024 * 1024  # SNHR's or VDC's full lists are a few MB
MAX_EXPANDED_BYTES = 256 * 1024 * 1024
MAX_ROWS = 500_000
MAX_COLUMNS = 256
MAX_CELL_CHARS = 4_096
KINDS = ("csv", "xlsx")
# C0 controls but tab, line feed and carriage return; DEL; the bidi overrides and isolates, which
# would let a name display as another on a coordinator's screen.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
_ROW_REF = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]{1,7})"')


class SourceRefused(TawthiqError):
    """A list or its mapping that cannot be imported: nothing was stored (exit 4)."""

    exit_code = 4


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]  # row i is the file's row i + 2 (the header is row 1)


def kind_of(file_name: str) -> str:
    kind = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if kind not in KINDS:
        raise SourceRefused("source.kind_unknown")
    return kind


def read_table(data: bytes, kind: str, sheet: str | None = None) -> Table:
    if len(data) > MAX_FILE_BYTES:
        raise SourceRefused("source.too_large", limit=MAX_FILE_BYTES)
    grid: Iterable[Sequence[object]] = _csv_rows(data) if kind == "csv" else _xlsx_rows(data, sheet)
    header: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    for number, raw in enumerate(grid, start=1):
        cells = tuple(_cell_text(value, number, column) for column, value in enumerate(raw, start=1))
        if len(cells) > MAX_COLUMNS:
            raise SourceRefused("source.too_many_columns", limit=MAX_COLUMNS)
        if header is None:
            header = tuple(c.strip() for c in cells)
            _check_header(header)
            continue
        if number > MAX_ROWS + 1:
            raise SourceRefused("source.too_many_rows", limit=MAX_ROWS)
        rows.append(cells)
    if header is None:
        raise SourceRefused("source.no_header")
    while rows and not any(c.strip() for c in rows[-1]):  # trailing blank lines are not rows
        rows.pop()
    if not rows:
        raise SourceRefused("source.empty")
    return Table(header, rows)


def _check_header(header: tuple[str, ...]) -> None:
    if not any(header):
        raise SourceRefused("source.no_header")
    seen: set[str] = set()
    for column, name in enumerate(header, start=1):
        if name and name.casefold() in seen:
            raise SourceRefused("source.header_repeated", column=column)
        seen.add(name.casefold())


def _cell_text(value: object, row: int, column: int) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))  # a spreadsheet's 34 is 34.0
    elif isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time() else value.isoformat()
    elif isinstance(value, date | time):
        text = value.isoformat()
    else:
        text = str(value)
    if len(text) > MAX_CELL_CHARS:
        raise SourceRefused("source.cell_too_long", row=row, column=column, limit=MAX_CELL_CHARS)
    if _CONTROL.search(text):
        raise SourceRefused("source.control_character", row=row, column=column)
    return text


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceRefused("source.not_utf8") from None
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    try:  # Arabic-locale spreadsheets often write semicolons or tabs
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        pass
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    # A field longer than a cell may be is refused as it is read, not after; the limit is the
    # process's, so it is put back for every other reader.
    previous = csv.field_size_limit(MAX_CELL_CHARS + 1)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if len(rows) > MAX_ROWS + 1:
                raise SourceRefused("source.too_many_rows", limit=MAX_ROWS)
            if len(row) > MAX_COLUMNS:
                raise SourceRefused("source.too_many_columns", limit=MAX_COLUMNS)
            rows.append(row)
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise SourceRefused("source.field_too_long", line=reader.line_num, limit=MAX_CELL_CHARS) from None
        raise SourceRefused("source.csv_malformed", line=reader.line_num) from None
    finally:
        csv.field_size_limit(previous)
    return rows


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _check_workbook(data: bytes) -> None:
    """Bounds from the package itself, before the workbook reader expands anything."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SourceRefused("source.workbook_unreadable") from None
    if sum(m.file_size for m in members) > MAX_EXPANDED_BYTES:
        raise SourceRefused("source.expands_too_much", limit=MAX_EXPANDED_BYTES)
    for member in members:
        if not (member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")):
            continue
        read = 0
        tail = b""
        try:
            with package.open(member) as stream:
                while chunk := stream.read(1 << 20):
                    read += len(chunk)
                    if read > MAX_EXPANDED_BYTES:  # the declared size lied
                        raise SourceRefused("source.expands_too_much", limit=MAX_EXPANDED_BYTES)
                    window = tail + chunk
                    for letters, row in _CELL_REF.findall(window):
                        if _column_number(letters) > MAX_COLUMNS:
                            raise SourceRefused("source.too_many_columns", limit=MAX_COLUMNS)
                        if int(row) > MAX_ROWS + 1:
                            raise SourceRefused("source.too_many_rows", limit=MAX_ROWS)
                    for row in _ROW_REF.findall(window):
                        if int(row) > MAX_ROWS + 1:
                            raise SourceRefused("source.too_many_rows", limit=MAX_ROWS)
                    tail = window[-256:]  # a reference cut between two chunks is seen whole next time
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise SourceRefused("source.workbook_unreadable") from None


def _xlsx_rows(data: bytes, sheet: str | None) -> Iterator[Sequence[object]]:
    _check_workbook(data)
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(workbook.sheet_names)
        if sheet is not None and sheet not in names:
            raise SourceRefused("source.sheet_missing")
        if not names:
            raise SourceRefused("source.no_header")
        found = workbook.get_sheet_by_name(sheet if sheet is not None else names[0])
        if found.total_width > MAX_COLUMNS:
            raise SourceRefused("source.too_many_columns", limit=MAX_COLUMNS)
        if found.total_height > MAX_ROWS + 1:
            raise SourceRefused("source.too_many_rows", limit=MAX_ROWS)
        rows = found.to_python(skip_empty_area=False)
    except SourceRefused:
        raise
    except Exception:  # noqa: BLE001 - calamine raises its own errors and Rust panics for bad files
        raise SourceRefused("source.workbook_unreadable") from None
    yield from rows
