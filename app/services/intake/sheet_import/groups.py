"""The file's tables as the mapping names them, read as the rows of one case at a time.

A case's rows are its row in the cases' table (several, in the `rows` layout) and its entries from
repeat tables, joined on the case key in one forward pass (ODK, Kobo and Tawthiq all write a
case's entries together and in the cases' order); what breaks that order is reported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.services.intake.sheet_import import values as cell_values
from app.services.intake.sheet_import.mapping import BadMapping, Mapping, Repeat
from app.services.intake.sheet_import.report import PROGRESS_EVERY, CancelCheck, ImportReport, Progress, RowProblem
from app.services.intake.sheet_import.tables import Cell, Table, open_table
from forms.definitions import FormDefinition


@dataclass
class CaseRows:
    """The rows of one case: its row(s) in the cases' table, and its entries from repeat tables."""

    ordinal: int
    rows: list[tuple[int, list[Cell]]]
    key: str | None
    entries: dict[str, list[tuple[int, list[Cell]]]] = field(default_factory=dict)


class Source:
    """The file's tables as the mapping names them, with the column of every mapped header."""

    def __init__(self, path: Path, mapping: Mapping):
        self.path = Path(path)
        self.mapping = mapping
        self.definition: FormDefinition = mapping.definition()
        self.cases = open_table(self.path, mapping.sheet)
        self.tables: dict[str, Table] = {}
        for name, repeat in mapping.repeats.items():
            if repeat.layout == "table":
                if repeat.file is not None:
                    self.tables[name] = open_table(self.path.parent / repeat.file, repeat.sheet)
                else:
                    self.tables[name] = open_table(self.path, repeat.sheet)
        self.columns = {t: self._index(self.cases, c) for t, c in mapping.fields.items()}
        self.form_column = self._index(self.cases, mapping.form_column) if mapping.form_column else None
        self.key = self._index(self.cases, mapping.key) if mapping.key else None
        self.entry_columns: dict[str, dict[str, int]] = {}
        self.numbered: dict[str, list[int]] = {}
        self._numbered_columns: dict[str, list] = {}
        for name, repeat in mapping.repeats.items():
            if repeat.layout == "table":
                table = self.tables[name]
                self.entry_columns[name] = {t: self._index(table, c) for t, c in repeat.fields.items()}
                self.entry_columns[name]["\0key"] = self._index(table, repeat.key or "")
            elif repeat.layout == "rows":
                self.entry_columns[name] = {t: self._index(self.cases, c) for t, c in repeat.fields.items()}
            elif repeat.layout == "list":
                self.entry_columns[name] = {repeat.field or "": self._index(self.cases, repeat.column or "")}
            else:
                self.numbered[name] = self._numbers(repeat)
        needs_key = any(r.layout in ("rows", "table") for r in mapping.repeats.values())
        if needs_key and self.key is None:
            raise BadMapping("mapping.malformed", where="key")

    @staticmethod
    def _index(table: Table, header: str) -> int:
        index = table.column(header)
        if index is None:
            raise BadMapping("mapping.no_such_column", column=header[:80], sheet=table.sheet[:80])
        return index

    def _numbers(self, repeat: Repeat) -> list[int]:
        found: set[int] = set()
        for pattern in repeat.fields.values():
            head, tail = pattern.split("{n}", 1)
            for h in self.cases.header:
                middle = h[len(head):len(h) - len(tail) if tail else None]
                if h.startswith(head) and h.endswith(tail) and middle.isdigit() and 0 < int(middle) <= 200:
                    found.add(int(middle))
        if not found:
            raise BadMapping("mapping.no_such_column", column=next(iter(repeat.fields.values()), "")[:80],
                             sheet=self.cases.sheet[:80])
        return sorted(found)

    def numbered_columns(self, name: str) -> list[tuple[dict[str, str], dict[str, int | None]]]:
        """For each n of a `columns` layout: the headers (victim2_sex …) and their column indexes."""
        if name not in self._numbered_columns:
            repeat = self.mapping.repeats[name]
            out = []
            for n in self.numbered[name]:
                columns = {t: p.replace("{n}", str(n)) for t, p in repeat.fields.items()}
                out.append((columns, {t: self.cases.column(h) for t, h in columns.items()}))
            self._numbered_columns[name] = out
        return self._numbered_columns[name]

    def digest(self) -> str:
        h = hashlib.sha256()
        for path in {self.path, *(t.path for t in self.tables.values())}:
            with open(path, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    h.update(chunk)
        return h.hexdigest()

    def groups(self, report: ImportReport, refused: set[int], cancel: CancelCheck | None,
               progress: Progress | None, total: int) -> Iterator[CaseRows]:
        keyed = self.key is not None and any(r.layout == "rows" for r in self.mapping.repeats.values())
        tables = {n: r for n, r in self.mapping.repeats.items() if r.layout == "table"}
        index = self._key_index(report) if tables else {}
        joins = {n: _Join(self.tables[n], self.entry_columns[n]["\0key"], index) for n in tables}
        seen_keys: dict[str, int] = {}
        current: CaseRows | None = None
        ordinal = 0
        for number, cells in self.cases.rows():
            report.rows_read += 1
            if cancel is not None and report.rows_read % 50 == 0:
                cancel()
            if progress is not None and report.rows_read % PROGRESS_EVERY == 0:
                progress(report.rows_read, total)
            key = cell_values.text_of(cells[self.key]) if self.key is not None and self.key < len(cells) else None
            if keyed and current is not None and key and key == current.key:
                current.rows.append((number, cells))
                continue
            if current is not None:
                yield self._joined(current, joins, report, refused)
            current = CaseRows(ordinal, [(number, cells)], key or None)
            if (keyed or tables) and not key:
                report.add(RowProblem(self.cases.sheet, number, self.mapping.key or "", "sheet_row.no_key"))
                refused.add(ordinal)
            elif key and (keyed or tables):
                if key in seen_keys:
                    report.add(RowProblem(self.cases.sheet, number, self.mapping.key or "", "sheet_row.key_repeated"))
                    refused.update((ordinal, seen_keys[key]))
                seen_keys.setdefault(key, ordinal)
            ordinal += 1
        if current is not None:
            yield self._joined(current, joins, report, refused)
        for name, join in joins.items():
            join.drain(report, refused, self.mapping.repeats[name].key or "")
        if progress is not None:
            progress(report.rows_read, total)

    def _joined(self, group: CaseRows, joins: dict[str, _Join], report: ImportReport, refused: set[int]) -> CaseRows:
        for name, join in joins.items():
            group.entries[name] = join.take(group.ordinal, report, refused, self.mapping.repeats[name].key or "")
        return group

    def _key_index(self, report: ImportReport) -> dict[str, int]:
        """Case key -> the ordinal of its case (keys only: bounded by the number of cases)."""
        index: dict[str, int] = {}
        assert self.key is not None
        for ordinal, (_number, cells) in enumerate(self.cases.rows()):
            key = cell_values.text_of(cells[self.key]) if self.key < len(cells) else ""
            if key:
                index.setdefault(key, ordinal)
        return index


class _Join:
    """Entries of a repeat table matched to cases in one forward pass: ODK, Kobo and Tawthiq all
    write a case's entries together and in the cases' order. An entry that comes after a later
    case's is reported and refuses its own case, never silently dropped."""

    def __init__(self, table: Table, key_column: int, index: dict[str, int]):
        self.table, self.key_column, self.index = table, key_column, index
        self.rows = table.rows()
        self.pending = next(self.rows, None)

    def _advance(self) -> None:
        self.pending = next(self.rows, None)

    def take(self, ordinal: int, report: ImportReport, refused: set[int], key_header: str):
        found = []
        while self.pending is not None:
            number, cells = self.pending
            key = cell_values.text_of(cells[self.key_column]) if self.key_column < len(cells) else ""
            owner = self.index.get(key)
            if owner is None:
                report.add(RowProblem(self.table.sheet, number, key_header, "sheet_row.no_such_case"))
            elif owner == ordinal:
                found.append(self.pending)
            elif owner < ordinal:
                report.add(RowProblem(self.table.sheet, number, key_header, "sheet_row.entry_out_of_order"))
                refused.add(owner)
            else:
                break
            self._advance()
        return found

    def drain(self, report: ImportReport, refused: set[int], key_header: str) -> None:
        self.take(len(self.index) + 10**9, report, refused, key_header)
