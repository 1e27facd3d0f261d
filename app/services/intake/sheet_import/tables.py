"""Reading one table of a spreadsheet file (a CSV file, or a sheet of an XLSX/ODS workbook), row by row.

A table is its header (row 1) and its data rows, numbered as a spreadsheet program numbers them
(the first data row is 2), so a problem's row number is the one the user sees. A CSV streams from
disk line by line under caps (a line, a cell, the columns), decoded as strict UTF-8; an XLSX or
ODS passes the guard's checks (guard.check_workbook) before calamine opens it. Nothing is written
anywhere: no temporary copy of a sheet exists on disk.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.services.intake.sheet_import import guard
from app.services.intake.sheet_import.guard import SheetRefused

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None


def _header_text(value: Cell) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else " ".join(str(value).split())


@dataclass
class Table:
    """One table of a file. `rows()` may be called again (a second pass reads the file afresh)."""

    path: Path
    kind: str  # csv | xlsx | ods
    sheet: str  # the sheet's name; for a CSV the file's name
    header: list[str]

    def column(self, header: str) -> int | None:
        """The index of the column with this header (None: no such column, or two of them)."""
        found = [i for i, h in enumerate(self.header) if h == header]
        return found[0] if len(found) == 1 else None

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """(row number, cells) of each data row; rows with nothing in them are skipped."""
        source = _csv_rows(self.path) if self.kind == "csv" else _workbook_rows(self.path, self.sheet)
        next(source, None)  # the header
        for number, cells in source:
            if any(c not in (None, "") for c in cells):
                yield number, cells


def open_table(path: Path, sheet: str | None = None) -> Table:
    """The table `sheet` of the file (a workbook's first sheet if None; a CSV has one table)."""
    path = Path(path)
    guard.file_size(path)
    kind = guard.kind_of(path)
    if kind == "csv":
        rows = _csv_rows(path)
        name = path.name
    else:
        guard.check_workbook(path, kind)
        name = _sheet_name(path, sheet)
        rows = _workbook_rows(path, name)
    first = next(rows, None)
    if first is None:
        raise SheetRefused("sheet.empty", file=path.name)
    header = [_header_text(c) for c in first[1]]
    while header and not header[-1]:
        header.pop()
    if not any(header):
        raise SheetRefused("sheet.empty", file=path.name)
    return Table(path, kind, name, header)


def sheet_names(path: Path) -> list[str]:
    """The sheets of a workbook, or the one table of a CSV (its file name)."""
    path = Path(path)
    guard.file_size(path)
    kind = guard.kind_of(path)
    if kind == "csv":
        return [path.name]
    guard.check_workbook(path, kind)
    return _workbook(path).sheet_names


# ---- CSV -------------------------------------------------------------------------------------------
def _lines(raw: io.BufferedReader, name: str) -> Iterator[str]:
    """Lines of strict UTF-8, each at most MAX_CSV_LINE_BYTES: a longer one is refused, not read."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
    first = True
    number = 0
    while True:
        line = raw.readline(guard.MAX_CSV_LINE_BYTES + 1)
        if not line:
            break
        number += 1
        if len(line) > guard.MAX_CSV_LINE_BYTES:
            raise SheetRefused("sheet.line_too_long", file=name, line=number)
        if b"\x00" in line:
            raise SheetRefused("sheet.not_text", file=name, line=number)
        try:
            text = decoder.decode(line, final=False)
        except UnicodeDecodeError:
            raise SheetRefused("sheet.not_utf8", file=name, line=number) from None
        if first and not text and line:
            continue  # the byte-order mark arrived alone
        first = False
        yield text
    try:
        rest = decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise SheetRefused("sheet.not_utf8", file=name, line=number) from None
    if rest:
        yield rest


def _dialect(path: Path) -> str:
    with open(path, "rb") as fh:
        head = fh.readline(guard.MAX_CSV_LINE_BYTES)
    counts = {d: head.count(d.encode()) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _csv_rows(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    name = path.name
    delimiter = _dialect(path)
    try:
        with open(path, "rb") as raw:
            reader = csv.reader(_lines(raw, name), delimiter=delimiter, strict=False)
            number = 0
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error:
                    # The field limit (128 KiB, the csv module's own) or a malformed quote.
                    raise SheetRefused("sheet.cell_too_large", file=name, row=number + 1) from None
                number += 1
                if len(row) > guard.MAX_COLUMNS:
                    raise SheetRefused("sheet.too_many_columns", file=name, limit=guard.MAX_COLUMNS)
                for cell in row:
                    if len(cell) > guard.MAX_CELL_CHARS:
                        raise SheetRefused("sheet.cell_too_large", file=name, row=number)
                yield number, [c.strip() for c in row]
    except OSError:
        raise SheetRefused("sheet.unreadable", file=name) from None


# ---- XLSX and ODS ----------------------------------------------------------------------------------
def _workbook(path: Path):
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise SheetRefused("sheet.encrypted", file=path.name) from None
    except Exception:  # noqa: BLE001 - calamine's own errors (zip, XML, not a workbook) are all "damaged"
        raise SheetRefused("sheet.damaged", file=path.name) from None


def _sheet_name(path: Path, sheet: str | None) -> str:
    names = _workbook(path).sheet_names
    if not names:
        raise SheetRefused("sheet.empty", file=path.name)
    if sheet is None:
        return names[0]
    if sheet not in names:
        raise SheetRefused("sheet.no_such_sheet", file=path.name, sheet=sheet[:80])
    return sheet


def _cell(value: object, name: str, number: int) -> Cell:
    if isinstance(value, str):
        if len(value) > guard.MAX_CELL_CHARS:
            raise SheetRefused("sheet.cell_too_large", file=name, row=number)
        return value.strip()
    return value  # type: ignore[return-value]


def _workbook_rows(path: Path, sheet: str) -> Iterator[tuple[int, list[Cell]]]:
    book = _workbook(path)
    try:
        data = book.get_sheet_by_name(sheet)
        start_row = data.start[0] if data.start else 0
        for offset, row in enumerate(data.iter_rows()):
            number = start_row + offset + 1
            yield number, [_cell(v, path.name, number) for v in row]
    except SheetRefused:
        raise
    except Exception:  # noqa: BLE001 - calamine's own errors (zip, XML, sheet not found) are all "damaged"
        raise SheetRefused("sheet.damaged", file=path.name) from None
    finally:
        book.close()
