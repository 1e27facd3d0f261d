"""Building one case body from its rows through the mapping, with where each value came from."""

from __future__ import annotations

from app.services.intake.sheet_import import values as cell_values
from app.services.intake.sheet_import.groups import CaseRows, Source
from app.services.intake.sheet_import.mapping import Mapping, Repeat, case_targets, targets_of
from app.services.intake.sheet_import.report import ImportReport, RowProblem
from app.services.intake.sheet_import.tables import Cell
from forms.definitions import Field, load_form
from forms.errors import FormError
from forms.validation import PLACE_KEYS


class CaseBuilder:
    def __init__(self, source: Source, mapping: Mapping, report: ImportReport):
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

    def build(self, group: CaseRows) -> tuple[dict, dict[str, tuple[str, int, str]], list[RowProblem]]:
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

    def _entries(self, name: str, repeat: Repeat, group: CaseRows):
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


def locate(path: str, trace: dict[str, tuple[str, int, str]], fallback: tuple[str, int]) -> tuple[str, int, str]:
    """The sheet, row and column a validation problem's path (victims[0].fate) came from."""
    probe = path
    while probe:
        if probe in trace:
            return trace[probe]
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return fallback[0], fallback[1], ""
