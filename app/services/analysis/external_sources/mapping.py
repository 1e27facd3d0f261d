"""The column mapping of an external list: which column holds what, and how its values read.

A mapping is a small JSON file the coordinator writes once per list and reuses for its next
edition (docs/sources.md shows one):

    {"columns": {"name_ar": "الاسم", "date": "Date of death", "governorate": "Governorate", ...},
     "date_formats": ["%d/%m/%Y"], "values": {"sex": {"ذكر": "male"}},
     "defaults": {"act": "killing", "fate": "killed"}, "sheet": "Sheet1"}

`columns` maps our fields (FIELDS) to the file's header names; a name is required (`name`, which
takes either script, or `name_ar` / `name_latin`). Every other column of the file is kept as it
is, under `extra`. Values are read as our vocabularies' codes, English or Arabic labels (sex, act,
fate), or through the mapping's `values`; a value nothing matches is left out and counted in the
report, never guessed. Governorates are matched against the gazetteer when analysis reads them
(linkage.records.governorate_code), as our cases' are; unknown ones are kept as written and
counted. Dates are read with the mapping's `date_formats` in order (default: ISO, then day first,
as Syrian lists write them), Arabic-Indic digits included; the format says the precision.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.services.analysis.external_sources.reader import SourceRefused
from app.services.analysis.linkage.records import governorate_code
from app.services.untrusted_json import loads_untrusted
from forms import gazetteer, vocabularies
from forms.normalize import normalize_arabic

FIELDS = ("name", "name_ar", "name_latin", "date", "date_end", "governorate", "place", "sex", "age", "act",
          "fate", "id")
NAME_FIELDS = ("name", "name_ar", "name_latin")
VOCABULARY_OF = {"sex": "sex", "act": "act_types", "fate": "fates"}
KEYS = ("columns", "date_formats", "values", "defaults", "sheet")
DEFAULT_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m", "%m/%Y", "%Y")
MAX_MAPPING_BYTES = 256 * 1024
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                         **{chr(0x06F0 + i): str(i) for i in range(10)}})


@dataclass(frozen=True)
class ColumnMapping:
    columns: dict[str, str]
    date_formats: tuple[str, ...]
    values: dict[str, dict[str, str]]
    defaults: dict[str, str]
    sheet: str | None

    def to_json(self) -> dict:
        return {"columns": self.columns, "date_formats": list(self.date_formats), "values": self.values,
                "defaults": self.defaults, "sheet": self.sheet}


@dataclass
class RowReport:
    """What the mapping made of the rows: counts only, never a value from the list."""

    rows: int = 0
    missing: Counter[str] = field(default_factory=Counter)  # name, date, place
    not_understood: Counter[str] = field(default_factory=Counter)  # field -> rows
    governorates_not_in_gazetteer: int = 0

    def to_json(self) -> dict:
        return {"rows": self.rows, "missing": dict(sorted(self.missing.items())),
                "values_not_understood": dict(sorted(self.not_understood.items())),
                "governorates_not_in_gazetteer": self.governorates_not_in_gazetteer}


def _strings(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 200


def parse_mapping(raw: bytes) -> ColumnMapping:
    if len(raw) > MAX_MAPPING_BYTES:
        raise SourceRefused("source.mapping_malformed")
    try:
        untrusted = loads_untrusted(raw, what="mapping")
    except Exception:  # noqa: BLE001 - any JSON problem: one line, the mapping is refused
        raise SourceRefused("source.mapping_malformed") from None
    if not isinstance(untrusted, dict) or not isinstance(untrusted.get("columns"), dict):
        raise SourceRefused("source.mapping_malformed")
    if set(untrusted) - set(KEYS):
        raise SourceRefused("source.mapping_unknown_key", keys=", ".join(KEYS))
    columns = untrusted["columns"]
    if set(columns) - set(FIELDS) or not all(_strings(v) for v in columns.values()):
        raise SourceRefused("source.mapping_unknown_field", fields=", ".join(FIELDS))
    if not set(columns) & set(NAME_FIELDS):
        raise SourceRefused("source.mapping_no_name")
    formats = untrusted.get("date_formats", list(DEFAULT_DATE_FORMATS))
    if (not isinstance(formats, list) or not formats
            or not all(_strings(f) and "%Y" in f and f.count("%") <= 3 for f in formats)):
        raise SourceRefused("source.mapping_date_formats")
    values = untrusted.get("values", {})
    if (not isinstance(values, dict) or set(values) - set(FIELDS)
            or not all(isinstance(m, dict) and all(_strings(k) and isinstance(v, str) and len(v) <= 200
                                                   for k, v in m.items()) for m in values.values())):
        raise SourceRefused("source.mapping_malformed")
    defaults = untrusted.get("defaults", {})
    if not isinstance(defaults, dict) or set(defaults) - set(VOCABULARY_OF):
        raise SourceRefused("source.mapping_defaults", fields=", ".join(VOCABULARY_OF))
    for name, code in defaults.items():
        if not isinstance(code, str) or code not in vocabularies.codes(VOCABULARY_OF[name]):
            raise SourceRefused("source.mapping_defaults", fields=", ".join(VOCABULARY_OF))
    for name, table in values.items():  # a vocabulary field maps only to that vocabulary's codes
        if name in VOCABULARY_OF and not set(table.values()) <= vocabularies.codes(VOCABULARY_OF[name]):
            raise SourceRefused("source.mapping_value_code", field=name)
    sheet = untrusted.get("sheet")
    if sheet is not None and not _strings(sheet):
        raise SourceRefused("source.mapping_malformed")
    return ColumnMapping(dict(columns), tuple(formats), {k: dict(v) for k, v in values.items()}, dict(defaults), sheet)


def column_positions(mapping: ColumnMapping, header: Sequence[str]) -> dict[str, int]:
    """Each mapped field's column; a header the file does not have refuses the mapping."""
    index = {name.casefold(): i for i, name in enumerate(header) if name}
    positions = {}
    for name, column in mapping.columns.items():
        if column.strip().casefold() not in index:
            raise SourceRefused("source.mapping_column_missing", field=name)
        positions[name] = index[column.strip().casefold()]
    return positions


def _vocabulary_index(name: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for term in vocabularies.vocabulary(name):
        for word in (term.code, *term.labels.values()):
            found[_fold(word)] = term.code
    if name == "sex":  # the letters English-language lists use
        found.update({"m": "male", "f": "female"})
    return found


def _fold(text: str) -> str:
    return normalize_arabic(text).strip().casefold()


def _date(text: str, formats: Sequence[str]) -> tuple[str, str] | None:
    text = text.translate(_DIGITS).strip()
    for fmt in formats:
        try:
            parsed = datetime.strptime(text, fmt)  # noqa: DTZ007 - a calendar date, no time of day
        except ValueError:
            continue
        if "%d" in fmt:
            return parsed.date().isoformat(), "day"
        if "%m" in fmt or "%b" in fmt or "%B" in fmt:
            return parsed.strftime("%Y-%m"), "month"
        return parsed.strftime("%Y"), "year"
    return None


class RowReader:
    """Turns the rows of one list into case-shaped bodies with one victim each."""

    def __init__(self, mapping: ColumnMapping, header: Sequence[str]):
        self.mapping = mapping
        self.header = tuple(header)
        self.positions = column_positions(mapping, header)
        mapped = set(self.positions.values())
        self.extra_columns = [(i, name) for i, name in enumerate(header) if name and i not in mapped]
        self.vocabulary = {f: _vocabulary_index(v) for f, v in VOCABULARY_OF.items()}
        self.values = {f: {_fold(k): v for k, v in table.items()} for f, table in mapping.values.items()}
        self.report = RowReport()
        self._dates: dict[str, tuple[str, str] | None] = {}  # lists repeat dates: parse each text once

    def _parsed_date(self, text: str) -> tuple[str, str] | None:
        if not text:
            return None
        if text not in self._dates:
            if len(self._dates) > 100_000:
                self._dates.clear()
            self._dates[text] = _date(text, self.mapping.date_formats)
        return self._dates[text]

    def _cell(self, row: Sequence[str], name: str) -> str:
        i = self.positions.get(name)
        value = row[i].strip() if i is not None and i < len(row) else ""
        if value and name in self.values:
            value = self.values[name].get(_fold(value), value)
        return value

    def _code(self, row: Sequence[str], name: str) -> str | None:
        text = self._cell(row, name)
        if not text:
            return self.mapping.defaults.get(name)
        code = self.vocabulary[name].get(_fold(text))
        if code is None:
            self.report.not_understood[name] += 1
        return code

    def body(self, row: Sequence[str]) -> dict:
        self.report.rows += 1
        victim: dict[str, object] = {}
        name = self._cell(row, "name")
        if name:
            victim["name_ar" if _ARABIC_LETTER.search(name) else "name_latin"] = name
        for script in ("name_ar", "name_latin"):
            written = self._cell(row, script)
            if written:
                victim[script] = written
        if not victim:
            self.report.missing["name"] += 1
        for f in ("sex", "act", "fate"):
            code = self._code(row, f)
            if code:
                victim[f] = code
        age = self._cell(row, "age").translate(_DIGITS)
        if age:
            if age.isdigit() and int(age) <= 130:
                victim["age"] = int(age)
            else:
                self.report.not_understood["age"] += 1
        list_id = self._cell(row, "id")
        if list_id:
            victim["list_id"] = list_id
        date: dict[str, str] = {}
        text = self._cell(row, "date")
        if text:
            parsed = self._parsed_date(text)
            if parsed is None:
                self.report.not_understood["date"] += 1
            else:
                date = {"start": parsed[0], "precision": parsed[1]}
                end = self._parsed_date(self._cell(row, "date_end"))
                if end is not None and end[0] >= parsed[0]:
                    date["end"] = end[0]
        if not date:
            self.report.missing["date"] += 1
        location: dict[str, str] = {}
        governorate = self._cell(row, "governorate")
        if governorate:
            code = governorate_code(governorate)
            location["governorate"] = code or governorate
            if gazetteer.get_place(code or "") is None:
                self.report.governorates_not_in_gazetteer += 1
        else:
            self.report.missing["place"] += 1
        place = self._cell(row, "place")
        if place:
            location["place"] = place
        extra = {name: row[i] for i, name in self.extra_columns if i < len(row) and row[i].strip()}
        return {"date": date, "location": location, "victims": [victim], "extra": extra}
