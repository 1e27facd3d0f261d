"""The column mapping: which column of a sheet fills which field of a form, saved as a JSON file.

    {
      "tawthiq_sheet_mapping": 1,
      "form": "kidnapping",                 # every row's form, unless `form_column` names one per row
      "sheet": "Incidents",                 # the cases' table (null: the first sheet, or the CSV)
      "key": "case_id",                     # the column naming each case (rows and table layouts)
      "fields": {"title": "title", "date.start": "date_start", "location.governorate": "governorate"},
      "repeats": {
        "victims": {"layout": "table", "sheet": "Victims", "key": "case_id",
                    "fields": {"name_ar": "name_ar", "sex": "sex"}},
        "perpetrators": {"layout": "list", "column": "perpetrator_groups", "field": "group"}
      },
      "values": {"victims.sex": {"M": "male", "F": "female"}, "location.governorate": {"Hims": "homs"}}
    }

Targets are field ids, with `.part` for a date range (`date.start`, `.end`, `.precision`), a place
(`location.governorate` … `.neighbourhood`, `.text`; `location` alone: one place name, resolved to
its most specific code) and name parts (`name_parts.given`). A repeatable group (victims,
perpetrators, sources) takes one of four layouts:
- `columns`: repeated columns in the case's row; each field names a pattern with `{n}`
  ("victim{n}_name" reads victim1_name, victim2_name, …);
- `rows`: one row per entry in the cases' own sheet, the rows of a case grouped by `key`
  (the case's fields are read from its first row);
- `table`: entries in another sheet (or, beside a CSV, another CSV `file`), joined on `key` —
  ODK and Kobo export repeat groups so (ODK Central: KEY / PARENT_KEY; Kobo: _index / _parent_index);
- `list`: one column holding several values separated by `;` (or `|`), one entry each, in `field`.

`values` maps a value as written in the sheet to a code, per target (`victims.sex`): the place to
settle, once, the values no code, label or variant matched. A mapping holds column names and such
spellings only, never a name or a narrative from the sheet.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from forms.definitions import NAME_PARTS, Field, FormDefinition, list_forms, load_form
from forms.errors import FormError
from forms.normalize import normalize_arabic
from forms.validation import PLACE_KEYS
from storage.atomic import atomic_write_bytes
from storage.errors import TawthiqError

FORMAT = 1
LAYOUTS = ("columns", "rows", "table", "list")
MAX_MAPPING_BYTES = 4 << 20
DATE_PARTS = ("start", "end", "precision")
PLACE_PARTS = (*PLACE_KEYS, "text")
MAX_REPEAT_COLUMNS = 200  # victim{n}: n up to this


class BadMapping(TawthiqError):
    """The mapping file itself is wrong (exit 4): nothing was read from the sheet."""

    exit_code = 4


@dataclass
class Repeat:
    layout: str
    fields: dict[str, str] = field(default_factory=dict)  # child target -> column (or pattern with {n})
    sheet: str | None = None  # table: the sheet holding the entries
    file: str | None = None  # table beside a CSV: the CSV file holding them (same folder)
    key: str | None = None  # table: the column naming the entry's case
    column: str | None = None  # list: the column of values
    field: str | None = None  # list: the child the values fill

    def to_json(self) -> dict:
        out: dict = {"layout": self.layout}
        for name in ("sheet", "file", "key", "column", "field"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.layout != "list":
            out["fields"] = dict(self.fields)
        return out


@dataclass
class Mapping:
    form: str
    fields: dict[str, str] = field(default_factory=dict)
    repeats: dict[str, Repeat] = field(default_factory=dict)
    values: dict[str, dict[str, str | None]] = field(default_factory=dict)
    sheet: str | None = None
    key: str | None = None
    form_column: str | None = None  # a column naming each row's form (Tawthiq's own exports); else `form`

    def to_json(self) -> dict:
        return {"tawthiq_sheet_mapping": FORMAT, "form": self.form, "form_column": self.form_column,
                "sheet": self.sheet, "key": self.key,
                "fields": dict(self.fields), "repeats": {k: r.to_json() for k, r in self.repeats.items()},
                "values": {k: dict(v) for k, v in self.values.items() if v}}

    def definition(self) -> FormDefinition:
        try:
            return load_form(self.form)
        except FormError:
            raise BadMapping("mapping.unknown_form", form=self.form[:64]) from None

    def value_map(self, target: str) -> dict[str, str | None]:
        return self.values.get(target, {})


# ---- targets ---------------------------------------------------------------------------------------
def targets_of(fields: tuple[Field, ...]) -> dict[str, Field]:
    """Every target a column may fill among `fields` (not into repeatable groups): target -> field."""
    out: dict[str, Field] = {}
    for f in fields:
        if f.type == "date_range":
            out.update({f"{f.id}.{p}": f for p in DATE_PARTS})
        elif f.type == "place":
            out[f.id] = f
            out.update({f"{f.id}.{p}": f for p in PLACE_PARTS})
        elif f.type == "name_parts":
            out.update({f"{f.id}.{p}": f for p in NAME_PARTS})
        elif f.type == "group":
            continue
        else:
            out[f.id] = f
    return out


def repeat_groups(definition: FormDefinition) -> dict[str, Field]:
    return {f.id: f for f in definition.fields if f.type == "group" and f.repeat}


def case_targets(definition: FormDefinition, every_form: bool = False) -> dict[str, Field]:
    """Targets of the form; with `every_form` (a sheet whose form column mixes kinds) those of
    every shipped form too, the named form's own first."""
    targets = targets_of(definition.fields)
    targets["id"] = Field("id", "text", {"en": "Case id", "ar": "معرّف الحالة"}, {})
    if every_form:
        for other in list_forms():
            for target, f in targets_of(other.fields).items():
                targets.setdefault(target, f)
    return targets


def target_field(mapping: Mapping, target: str) -> Field | None:
    """The field a target of the mapping (`title`, `location.governorate`, `victims.sex`) fills."""
    definition = mapping.definition()
    found = case_targets(definition, every_form=mapping.form_column is not None).get(target)
    if found is not None:
        return found
    group, _, rest = target.partition(".")
    repeat = repeat_groups(definition).get(group)
    return targets_of(repeat.children).get(rest) if repeat is not None else None


# ---- reading and writing the file ------------------------------------------------------------------
def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise BadMapping("mapping.malformed", where=where)
    return value


def _optional(value: object, where: str) -> str | None:
    return None if value is None else _text(value, where)


def from_json(data: object) -> Mapping:
    if not isinstance(data, dict) or data.get("tawthiq_sheet_mapping") != FORMAT:
        raise BadMapping("mapping.malformed", where="tawthiq_sheet_mapping")
    mapping = Mapping(form=_text(data.get("form"), "form"), sheet=_optional(data.get("sheet"), "sheet"),
                      key=_optional(data.get("key"), "key"),
                      form_column=_optional(data.get("form_column"), "form_column"))
    definition = mapping.definition()
    targets = case_targets(definition, every_form=mapping.form_column is not None)
    for target, column in _object(data.get("fields", {}), "fields").items():
        if target not in targets:
            raise BadMapping("mapping.unknown_target", target=target[:80])
        mapping.fields[target] = _text(column, f"fields.{target}")
    groups = repeat_groups(definition)
    for name, raw in _object(data.get("repeats", {}), "repeats").items():
        if name not in groups:
            raise BadMapping("mapping.unknown_target", target=name[:80])
        raw = _object(raw, f"repeats.{name}")
        layout = raw.get("layout")
        if layout not in LAYOUTS:
            raise BadMapping("mapping.malformed", where=f"repeats.{name}.layout")
        children = targets_of(groups[name].children)
        repeat = Repeat(layout, sheet=_optional(raw.get("sheet"), "sheet"), file=_optional(raw.get("file"), "file"),
                        key=_optional(raw.get("key"), "key"), column=_optional(raw.get("column"), "column"),
                        field=_optional(raw.get("field"), "field"))
        if repeat.file is not None and (Path(repeat.file).name != repeat.file or repeat.file.startswith(".")):
            raise BadMapping("mapping.malformed", where=f"repeats.{name}.file")
        for target, column in _object(raw.get("fields", {}), f"repeats.{name}.fields").items():
            if target not in children:
                raise BadMapping("mapping.unknown_target", target=f"{name}.{target}"[:80])
            column = _text(column, f"repeats.{name}.fields.{target}")
            if layout == "columns" and "{n}" not in column:
                raise BadMapping("mapping.malformed", where=f"repeats.{name}.fields.{target}")
            repeat.fields[target] = column
        if layout == "list" and (repeat.column is None or repeat.field not in children):
            raise BadMapping("mapping.malformed", where=f"repeats.{name}")
        if layout == "table" and (repeat.key is None or (repeat.sheet is None and repeat.file is None)):
            raise BadMapping("mapping.malformed", where=f"repeats.{name}")
        if layout == "rows" and mapping.key is None:
            raise BadMapping("mapping.malformed", where="key")
        mapping.repeats[name] = repeat
    all_targets = set(targets) | {f"{g}.{t}" for g, f in groups.items() for t in targets_of(f.children)}
    for target, table in _object(data.get("values", {}), "values").items():
        if target not in all_targets:
            raise BadMapping("mapping.unknown_target", target=target[:80])
        entries = _object(table, f"values.{target}")
        if not all(isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in entries.items()):
            raise BadMapping("mapping.malformed", where=f"values.{target}")
        mapping.values[target] = dict(entries)
    return mapping


def _object(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise BadMapping("mapping.malformed", where=where)
    return value


def read_mapping(path: Path) -> Mapping:
    from app.services.untrusted_json import loads_untrusted

    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_MAPPING_BYTES + 1)
    except OSError:
        raise BadMapping("mapping.unreadable", file=Path(path).name) from None
    if len(raw) > MAX_MAPPING_BYTES:
        raise BadMapping("mapping.malformed", where="size")
    try:
        data = loads_untrusted(raw, "mapping")
    except TawthiqError:
        raise BadMapping("mapping.malformed", where="JSON") from None
    return from_json(data)


def write_mapping(mapping: Mapping, path: Path) -> None:
    text = json.dumps(mapping.to_json(), ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(Path(path), text.encode())


# ---- proposing a mapping from the headers ----------------------------------------------------------
# Words a header may use for a target beside the field's own labels (English and Arabic).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("case_id", "case id", "معرف الحالة"),
    "title": ("title", "case title", "العنوان", "عنوان"),
    "narrative": ("narrative", "description", "details", "summary", "السرد", "الوصف", "التفاصيل"),
    "date.start": ("date", "incident date", "date start", "date_start", "start date", "التاريخ", "تاريخ الحادثة"),
    "date.end": ("date end", "date_end", "end date", "تاريخ النهاية"),
    "date.precision": ("date precision", "date_precision", "precision", "دقة التاريخ"),
    "location": ("location", "المكان", "الموقع"),
    "location.governorate": ("governorate", "province", "المحافظة", "محافظة"),
    "location.district": ("district", "المنطقة", "منطقة"),
    "location.place": ("place", "city", "village", "town", "المدينة", "القرية", "البلدة"),
    "location.neighbourhood": ("neighbourhood", "neighborhood", "الحي", "حي"),
    "location.text": ("location text", "address", "location details", "العنوان التفصيلي"),
    "name_ar": ("name ar", "name_ar", "arabic name", "الاسم", "الاسم بالعربية", "اسم الضحية"),
    "name_latin": ("name latin", "name_latin", "name", "name en", "victim name", "english name",
                   "الاسم باللاتينية"),
    "sex": ("sex", "gender", "الجنس"),
    "age": ("age", "العمر"),
    "act": ("act", "violation", "acts", "الانتهاك", "نوع الانتهاك"),
    "fate": ("fate", "status", "المصير"),
    "occupation": ("occupation", "job", "profession", "المهنة", "العمل"),
    "group": ("perpetrator", "perpetrator group", "perpetrator_groups", "perpetrator groups", "الجهة المسؤولة",
              "الجاني", "الجهة"),
}
# A header carrying an ODK/Kobo group path ("victims/sex", "victims-sex", "incident-title") keeps its last part.
_PATH = re.compile(r"^(?:[A-Za-z_][\w.]*[/:-])+")
_NUMBERED = re.compile(r"^(?P<head>.*?)(?P<n>[1-9][0-9]{0,2})(?P<tail>.*)$")
CASE_KEYS = ("case_id", "key", "_index", "_uuid", "instanceid", "meta/instanceid", "case key", "رقم الحالة")
PARENT_KEYS = ("parent_key", "_parent_index", "case_id", "case key", "_submission__uuid")


def _fold(text: str) -> str:
    text = _PATH.sub("", text.strip()) if "/" in text or re.match(r"^[\w.]+-\w", text) else text.strip()
    return " ".join(normalize_arabic(text).casefold().replace("_", " ").replace(".", " ").split())


def _names_for(target: str, f: Field) -> set[str]:
    if target == "id":  # a bare "id" or Kobo's "_id" is a row number of someone else's system, not our case id
        return {_fold(s) for s in _SYNONYMS["id"]}
    names = {_fold(target), _fold(target.replace(".", "_"))}
    names |= {_fold(s) for s in _SYNONYMS.get(target, ())}
    if "." not in target or target.endswith((".start", ".governorate")):
        names |= {_fold(label) for label in f.labels.values()}
    if "." in target:
        part = target.split(".", 1)[1]
        names.add(_fold(f"{f.id} {part}"))
    return {n for n in names if n}


def _match_columns(headers: list[str], targets: dict[str, Field], taken: set[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    folded = {h: _fold(h) for h in headers if h}
    for target, f in targets.items():
        names = _names_for(target, f)
        for header, key in folded.items():
            if header not in taken and key in names:
                found[target] = header
                taken.add(header)
                break
    return found


def _numbered_columns(headers: list[str], targets: dict[str, Field], taken: set[str]) -> dict[str, str]:
    """victim1_name, victim2_name …: patterns `victim{n}_name` whose unnumbered form names a target."""
    patterns: dict[str, str] = {}
    for header in headers:
        m = _NUMBERED.match(header)
        if not m or header in taken:
            continue
        pattern = f"{m.group('head')}{{n}}{m.group('tail')}"
        bare = _fold(f"{m.group('head')}{m.group('tail')}".strip("_ -"))
        stripped = re.sub(r"^(?:victim|ضحية|الضحية)\s*", "", bare)
        for target, f in targets.items():
            if target not in patterns and (stripped in _names_for(target, f) or bare in _names_for(target, f)):
                patterns[target] = pattern
                break
    return patterns


def propose(form_id: str, header: list[str], *, sheet: str | None = None,
            other_tables: dict[str, list[str]] | None = None, tables_are_files: bool = False) -> Mapping:
    """A first mapping for a sheet with this header, from header names in Arabic or English.

    `other_tables` (sheet name -> header) are the workbook's other sheets: one named after a
    repeatable group (ODK/Kobo's "victims" sheet, Tawthiq's own "Victims") becomes its `table`.
    Nothing is guessed from the values: the user reads the proposal, edits it, and the dry run says
    what still does not fit.
    """
    try:
        definition = load_form(form_id)
    except FormError:
        raise BadMapping("mapping.unknown_form", form=form_id[:64]) from None
    mapping = Mapping(form=definition.id, sheet=sheet)
    taken: set[str] = set()
    folded_header = {_fold(h): h for h in header if h}
    mapping.key = next((folded_header[_fold(k)] for k in CASE_KEYS if _fold(k) in folded_header), None)
    mapping.form_column = folded_header.get("form")
    taken.add(mapping.form_column or "")
    groups = repeat_groups(definition)
    for name, group in groups.items():
        tables = {s: h for s, h in (other_tables or {}).items()
                  if _fold(s.removesuffix(".csv") if tables_are_files else s).endswith(_fold(name))}
        if tables:
            table_sheet, table_header = next(iter(tables.items()))
            folded = {_fold(h): h for h in table_header if h}
            key = next((folded[_fold(k)] for k in PARENT_KEYS if _fold(k) in folded), None)
            children = _match_columns(table_header, targets_of(group.children), set())
            if key and children:
                mapping.repeats[name] = (Repeat("table", fields=children, file=table_sheet, key=key) if tables_are_files
                                         else Repeat("table", fields=children, sheet=table_sheet, key=key))
                continue
        patterns = _numbered_columns(header, targets_of(group.children), taken)
        if patterns:
            taken |= {h for h in header if any(matches_pattern(h, p) for p in patterns.values())}
            mapping.repeats[name] = Repeat("columns", fields=patterns)
    mapping.fields = _match_columns(header, case_targets(definition), taken)
    if mapping.key and mapping.key not in mapping.fields.values() and "id" not in mapping.fields:
        if mapping.key.casefold() == "case_id":
            mapping.fields["id"] = mapping.key
    # Columns no case field took may be a victim's, one row per victim.
    if "victims" in groups and "victims" not in mapping.repeats and mapping.key:
        children = _match_columns(header, targets_of(groups["victims"].children), taken)
        if children:
            mapping.repeats["victims"] = Repeat("rows", fields=children)
    if "perpetrators" in groups and "perpetrators" not in mapping.repeats:
        column = next((h for h in header if h not in taken and _fold(h) in _names_for("group", groups[
            "perpetrators"].child("group") or groups["perpetrators"])), None)
        if column:
            mapping.repeats["perpetrators"] = Repeat("list", column=column, field="group")
    return mapping


def matches_pattern(header: str, pattern: str) -> bool:
    head, tail = pattern.split("{n}", 1)
    middle = header[len(head):len(header) - len(tail) if tail else None]
    return header.startswith(head) and header.endswith(tail) and middle.isdigit()
