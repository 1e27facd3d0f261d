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

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.services import changes
from app.services.intake import case_rules, cases
from app.services.intake.sheet_import import mapping as sheet_mapping
from app.services.intake.sheet_import import values as cell_values
from app.services.intake.sheet_import.guard import SheetRefused
from app.services.intake.sheet_import.mapping import BadMapping, Mapping, Repeat, case_targets, targets_of
from app.services.intake.sheet_import.tables import Cell, Table, open_table, sheet_names
from forms.definitions import Field, FormDefinition, load_form
from forms.errors import FormError
from forms.validation import PLACE_KEYS
from storage import audit
from storage.database import transaction
from storage.error_messages import ENGLISH
from storage.errors import TawthiqError, fill
from storage.vault import Vault

MAX_PROBLEMS = 10_000
MAX_UNMATCHED = 500
PROGRESS_EVERY = 200

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], None]


@dataclass(frozen=True)
class RowProblem:
    """One problem: where (sheet, row as the spreadsheet numbers it, column header) and what (a code)."""

    sheet: str
    row: int
    column: str
    code: str
    values: dict = field(default_factory=dict)

    def message(self, wording: dict[str, str] | None = None) -> str:
        template = (wording or ENGLISH).get(self.code, self.code)
        return fill(template, self.values)

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "code": self.code,
                "values": dict(self.values), "message": self.message()}


@dataclass
class ImportReport:
    file: str
    sheet: str
    form: str
    dry_run: bool = True
    cases_read: int = 0
    cases_passed: int = 0
    cases_refused: int = 0
    cases_imported: int = 0
    rows_read: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    problems_left_out: int = 0
    unmatched: dict[str, dict[str, int]] = field(default_factory=dict)
    imported_ids: list[str] = field(default_factory=list)

    def add(self, problem: RowProblem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.problems_left_out += 1

    def note_unmatched(self, target: str, value: str) -> None:
        seen = self.unmatched.setdefault(target, {})
        if value in seen or len(seen) < MAX_UNMATCHED:
            seen[value] = seen.get(value, 0) + 1

    def to_json(self) -> dict:
        return {"file": self.file, "sheet": self.sheet, "form": self.form, "dry_run": self.dry_run,
                "cases_read": self.cases_read, "cases_passed": self.cases_passed,
                "cases_refused": self.cases_refused, "cases_imported": self.cases_imported,
                "rows_read": self.rows_read, "problems": [p.to_json() for p in self.problems],
                "problems_left_out": self.problems_left_out,
                "unmatched": {k: dict(sorted(v.items())) for k, v in sorted(self.unmatched.items())}}


@dataclass
class _Group:
    """The rows of one case: its row(s) in the cases' table, and its entries from repeat tables."""

    ordinal: int
    rows: list[tuple[int, list[Cell]]]
    key: str | None
    entries: dict[str, list[tuple[int, list[Cell]]]] = field(default_factory=dict)


class _Source:
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
               progress: Progress | None, total: int) -> Iterator[_Group]:
        keyed = self.key is not None and any(r.layout == "rows" for r in self.mapping.repeats.values())
        tables = {n: r for n, r in self.mapping.repeats.items() if r.layout == "table"}
        index = self._key_index(report) if tables else {}
        joins = {n: _Join(self.tables[n], self.entry_columns[n]["\0key"], index) for n in tables}
        seen_keys: dict[str, int] = {}
        current: _Group | None = None
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
            current = _Group(ordinal, [(number, cells)], key or None)
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

    def _joined(self, group: _Group, joins: dict[str, _Join], report: ImportReport, refused: set[int]) -> _Group:
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


# ---- building one case ------------------------------------------------------------------------------
class _Builder:
    def __init__(self, source: _Source, mapping: Mapping, report: ImportReport):
        self.source, self.mapping, self.report = source, mapping, report
        self.definition = source.definition
        self.targets = case_targets(self.definition, every_form=mapping.form_column is not None)
        self.group_fields = {f.id: f for f in self.definition.fields if f.type == "group" and f.repeat}
        # Sheets repeat the same few spellings (a governorate, "Male", an act) on every row: each
        # distinct (target, text, place above) is matched once. Bounded: cleared when it grows large.
        self._matched: dict[tuple[str, str, str | None], object] = {}

    def _match(self, key: tuple[str, str, str | None], find):
        if key not in self._matched:
            if len(self._matched) > 50_000:
                self._matched.clear()
            self._matched[key] = find()
        return self._matched[key]

    def build(self, group: _Group) -> tuple[dict, dict[str, tuple[str, int, str]], list[RowProblem]]:
        body: dict = {"form": self.definition.id, "form_version": self.definition.version}
        trace: dict[str, tuple[str, int, str]] = {}
        problems: list[RowProblem] = []
        sheet = self.source.cases.sheet
        number, cells = group.rows[0]
        if self.source.form_column is not None and self.source.form_column < len(cells):
            named = cell_values.text_of(cells[self.source.form_column])
            if named and named != body["form"]:
                try:
                    other = load_form(named)
                except FormError:
                    problems.append(RowProblem(sheet, number, self.mapping.form_column or "", "sheet_row.unknown_form"))
                else:
                    body.update(form=other.id, form_version=other.version)
        cells_of = {t: (cells[i] if i < len(cells) else None) for t, i in self.source.columns.items()}
        self._fill(body, self.targets, "", cells_of, self.mapping.fields, (sheet, number), trace, problems)
        for name, repeat in self.mapping.repeats.items():
            group_field = self.group_fields[name]
            children = targets_of(group_field.children)
            entries: list[dict] = []
            for origin, entry_cells, columns in self._entries(name, repeat, group):
                entry: dict = {}
                self._fill(entry, children, f"{name}.", entry_cells, columns, origin, trace, problems,
                           path=f"{name}[{len(entries)}].")
                if entry:
                    trace[f"{name}[{len(entries)}]"] = (origin[0], origin[1], "")
                    entries.append(entry)
            if entries:
                body[name] = entries
        return body, trace, problems

    def _entries(self, name: str, repeat: Repeat, group: _Group):
        """(origin, cells by target, headers by target) of each entry of one repeatable group."""
        sheet = self.source.cases.sheet
        if repeat.layout == "columns":
            number, cells = group.rows[0]
            for columns, found in self.source.numbered_columns(name):
                got = {t: (cells[i] if i is not None and i < len(cells) else None) for t, i in found.items()}
                if any(not cell_values.is_empty(v) for v in got.values()):
                    yield (sheet, number), got, columns
        elif repeat.layout == "rows":
            index = self.source.entry_columns[name]
            for number, cells in group.rows:
                got = {t: (cells[i] if i < len(cells) else None) for t, i in index.items()}
                if any(not cell_values.is_empty(v) for v in got.values()):
                    yield (sheet, number), got, repeat.fields
        elif repeat.layout == "table":
            index = {t: i for t, i in self.source.entry_columns[name].items() if t != "\0key"}
            table = self.source.tables[name]
            for number, cells in group.entries.get(name, []):
                got = {t: (cells[i] if i < len(cells) else None) for t, i in index.items()}
                yield (table.sheet, number), got, repeat.fields
        else:  # list
            number, cells = group.rows[0]
            column = self.source.entry_columns[name][repeat.field or ""]
            raw = cells[column] if column < len(cells) else None
            if not cell_values.is_empty(raw):
                for part in cell_values.split_values(cell_values.text_of(raw)):
                    yield (sheet, number), {repeat.field or "": part}, {repeat.field or "": repeat.column or ""}

    def _fill(self, obj: dict, targets: dict[str, Field], prefix: str, cells: dict[str, Cell],
              columns: dict[str, str], origin: tuple[str, int], trace: dict, problems: list[RowProblem],
              path: str = "") -> None:
        sheet, number = origin
        places: dict[str, dict[str, Cell]] = {}
        for target, cell in cells.items():
            if cell_values.is_empty(cell):
                continue
            f = targets[target]
            column = columns.get(target, "")
            trace[path + target] = (sheet, number, column)
            if f.type == "place":
                places.setdefault(f.id, {})[target.partition(".")[2]] = cell
                continue
            value = self._value(f, target, prefix + target, cell)
            if isinstance(value, cell_values.Refusal):
                problems.append(RowProblem(sheet, number, column, value.code, {"field": prefix + target}))
                if value.unmatched is not None:
                    self.report.note_unmatched(prefix + target, value.unmatched)
                continue
            if value is None:
                continue
            if "." in target:
                obj.setdefault(f.id, {})[target.split(".", 1)[1]] = value
            else:
                obj[target] = value
        for field_id, parts in places.items():
            place = self._place(field_id, parts, prefix, columns, origin, problems)
            if place:
                obj[field_id] = place
                for key in place:
                    trace.setdefault(f"{path}{field_id}.{key}", trace.get(f"{path}{field_id}", (sheet, number, "")))

    def _value(self, f: Field, target: str, full: str, cell: Cell):
        settled = self.mapping.value_map(full)
        kind = self.source.cases.kind
        part = target.split(".", 1)[1] if "." in target else ""
        if f.type == "date_range":
            if part == "precision":
                text = cell_values.text_of(cell)
                return self._match((full, text, None),
                                   lambda: cell_values.term_value(text, "date_precision", settled))
            return cell_values.date_value(cell, kind)
        if f.type == "date":
            return cell_values.date_value(cell, kind)
        if f.type == "number":
            return cell_values.number_value(cell, f)
        if f.type == "boolean":
            return cell_values.boolean_value(cell)
        if f.type in ("choice", "multi_choice"):
            text = cell_values.text_of(cell)
            vocabulary = f.vocabulary or ""
            multiple = f.type == "multi_choice" or f.option("multiple")
            whole = self._match((full, text, None), lambda: cell_values.term_value(text, vocabulary, settled))
            if not isinstance(whole, cell_values.Refusal) or not multiple:
                return [whole] if f.type == "multi_choice" and whole is not None else whole
            codes = []
            for piece in cell_values.split_values(text):
                code = self._match((full, piece, None),
                                   lambda piece=piece: cell_values.term_value(piece, vocabulary, settled))
                if isinstance(code, cell_values.Refusal):
                    return code
                if code is not None and code not in codes:
                    codes.append(code)
            if not codes:
                return None
            return codes if f.type == "multi_choice" or len(codes) > 1 else codes[0]
        return cell_values.text_of(cell)

    def _place(self, field_id: str, parts: dict[str, Cell], prefix: str, columns: dict[str, str],
               origin: tuple[str, int], problems: list[RowProblem]) -> dict:
        sheet, number = origin
        place: dict = {}
        if "" in parts:  # the whole place named in one cell
            text = cell_values.text_of(parts[""])
            settled = self.mapping.value_map(prefix + field_id)
            code = self._match((prefix + field_id, text, None),
                               lambda: cell_values.place_value(text, None, None, settled))
            if isinstance(code, cell_values.Refusal):
                problems.append(RowProblem(sheet, number, columns.get(field_id, ""), code.code,
                                           {"field": prefix + field_id}))
                self.report.note_unmatched(prefix + field_id, text)
            elif code:
                place.update(cell_values.place_levels(code))
        above: str | None = None
        for key in PLACE_KEYS:
            if key not in parts:
                above = place.get(key, above)
                continue
            target = f"{field_id}.{key}"
            text = cell_values.text_of(parts[key])
            settled = self.mapping.value_map(prefix + target)
            code = self._match((prefix + target, text, above),
                               lambda key=key, text=text, above=above, settled=settled:
                               cell_values.place_value(text, key, above, settled))
            if isinstance(code, cell_values.Refusal):
                problems.append(RowProblem(sheet, number, columns.get(target, ""), code.code,
                                           {"field": prefix + target}))
                self.report.note_unmatched(prefix + target, text)
                continue
            if code:
                place[key] = code
                above = code
        if "text" in parts:
            place["text"] = cell_values.text_of(parts["text"])
        return place


def _locate(path: str, trace: dict[str, tuple[str, int, str]], fallback: tuple[str, int]) -> tuple[str, int, str]:
    """The sheet, row and column a validation problem's path (victims[0].fate) came from."""
    probe = path
    while probe:
        if probe in trace:
            return trace[probe]
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return fallback[0], fallback[1], ""


# ---- the two entry points ------------------------------------------------------------------------------
def _run(vault: Vault, path: Path, mapping: Mapping, *, lang: str, write: bool, progress: Progress | None,
         cancel: CancelCheck | None) -> ImportReport:
    source = _Source(path, mapping)
    report = ImportReport(file=source.path.name, sheet=source.cases.sheet, form=source.definition.id,
                          dry_run=not write)
    digest = source.digest()
    refused: set[int] = set()
    builder = _Builder(source, mapping, report)
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
                        sheet, row, column = _locate(p.path, trace, (source.cases.sheet, number))
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


def _write(vault: Vault, source: _Source, mapping: Mapping, report: ImportReport, refused: set[int], digest: str,
           progress: Progress | None, cancel: CancelCheck | None) -> None:
    conn = vault.connection()
    scratch = ImportReport(report.file, report.sheet, report.form)
    builder = _Builder(source, mapping, scratch)
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
