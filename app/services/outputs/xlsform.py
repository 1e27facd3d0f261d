"""A form definition as an XLSForm, so ODK Collect / KoboToolbox phones collect Tawthiq's cases.

The survey has no groups around sections, so each question's name (and each column of the
submission export) is the mapping target with `_` for `.`: `title`, `date_start`,
`location_governorate`, and inside the `victims` repeat `name_ar`, `residence_governorate`.
`tawthiq case import-mapping` proposes a mapping from those names; the repeat groups come back as
ODK Central's `FORM-victims.csv` (KEY / PARENT_KEY) or Kobo's `victims` sheet (_index / _parent_index).
Vocabularies become choice lists with their codes as names; places become cascading selects
(governorate, then district, place, neighbourhood filtered by `parent`). Attachment references
are left out: media do not travel through a submission export (docs/import.md).
"""

from __future__ import annotations

import io
from pathlib import Path

from forms import vocabularies
from forms.definitions import NAME_PARTS, Field, FormDefinition, load_form
from forms.errors import FormError
from forms.gazetteer import gazetteer
from forms.validation import PLACE_KEYS, PLACE_LEVELS
from storage.atomic import atomic_write_bytes
from storage.errors import TawthiqError

LANGS = (("en", "English (en)"), ("ar", "Arabic (ar)"))
YES_NO = "yes_no"
PLACE_LIST = "places_{key}"


def _labels(row: dict, labels: dict[str, str], fallback: str, column: str = "label") -> None:
    for lang, name in LANGS:
        row[f"{column}::{name}"] = labels.get(lang) or labels.get("en") or fallback


def _relevant(f: Field, prefix: str = "") -> str:
    c = f.condition
    if c is None:
        return ""
    tests = []
    for value in c.values:
        text = "yes" if value is True else "no" if value is False else str(value)
        tests.append(f"selected(${{{prefix}{c.field}}}, '{text}')")
    return " or ".join(tests)


class _Survey:
    def __init__(self, definition: FormDefinition):
        self.definition = definition
        self.survey: list[dict] = []
        self.lists: set[str] = set()

    def question(self, kind: str, name: str, f: Field, labels: dict[str, str] | None = None, **extra: str) -> None:
        row = {"type": kind, "name": name, "required": "yes" if f.required and f.condition is None else "",
               "relevant": _relevant(f)}
        _labels(row, labels or f.labels, name)
        if f.help:
            _labels(row, f.help, "", column="hint")
        row.update(extra)
        self.survey.append(row)

    def add(self, f: Field) -> None:
        kind = f.type
        if kind in ("text", "person_name", "witness_ref"):
            self.question("text", f.id, f)
        elif kind == "long_text":
            self.question("text", f.id, f, appearance="multiline")
        elif kind == "number":
            constraint = " and ".join(part for part in (
                f". >= {f.option('min')}" if f.option("min") is not None else "",
                f". <= {f.option('max')}" if f.option("max") is not None else "") if part)
            self.question("integer" if f.option("integer") else "decimal", f.id, f, constraint=constraint)
        elif kind == "boolean":
            self.lists.add(YES_NO)
            self.question(f"select_one {YES_NO}", f.id, f)
        elif kind in ("choice", "multi_choice"):
            self.lists.add(f.vocabulary or "")
            many = kind == "multi_choice" or f.option("multiple")
            self.question(f"{'select_multiple' if many else 'select_one'} {f.vocabulary}", f.id, f)
        elif kind == "date":
            self.question("date", f.id, f)
        elif kind == "date_range":
            for part, en, ar in (("start", "from", "من"), ("end", "to", "إلى")):
                self.question("date", f"{f.id}_{part}", f, {"en": f"{f.label('en')}: {en}",
                                                            "ar": f"{f.label('ar')}: {ar}"})
            self.lists.add("date_precision")
            self.question("select_one date_precision", f"{f.id}_precision", f,
                          {"en": f"{f.label('en')}: precision", "ar": f"{f.label('ar')}: الدقة"}, required="")
        elif kind == "place":
            above = None
            for key in PLACE_KEYS:
                self.lists.add(PLACE_LIST.format(key=key))
                extra: dict[str, str] = {"choice_filter": f"parent=${{{f.id}_{above}}}"} if above else {}
                self.question(f"select_one {PLACE_LIST.format(key=key)}", f"{f.id}_{key}", f,
                              {"en": f"{f.label('en')}: {key}", "ar": f"{f.label('ar')}: {key}"},
                              required="", **extra)
                above = key
            self.question("text", f"{f.id}_text", f, {"en": f"{f.label('en')}: details",
                                                      "ar": f"{f.label('ar')}: تفاصيل"}, required="")
        elif kind == "name_parts":
            for part in NAME_PARTS:
                self.question("text", f"{f.id}_{part}", f, {"en": f"{f.label('en')}: {part}",
                                                            "ar": f"{f.label('ar')}: {part}"}, required="")
        elif kind == "group":
            row = {"type": "begin_repeat" if f.repeat else "begin_group", "name": f.id, "relevant": _relevant(f)}
            _labels(row, f.labels, f.id)
            self.survey.append(row)
            for child in f.children:
                self.add(child)
            self.survey.append({"type": "end_repeat" if f.repeat else "end_group"})
        # attachment_ref: media stay out of submission exports; left out on purpose


def _place_choices() -> list[dict]:
    """One list per level; each place's `parent` is the code of the level above it in the form."""
    g = gazetteer()
    rows = []
    for index, key in enumerate(PLACE_KEYS):
        above = PLACE_KEYS[index - 1] if index else None
        for place in sorted(g.places.values(), key=lambda p: p.code):
            if place.level not in PLACE_LEVELS[key]:
                continue
            row = {"list_name": PLACE_LIST.format(key=key), "name": place.code}
            _labels(row, place.names, place.code)
            parent = ""
            if above:
                parent = next((a for a in g.ancestors(place.code)
                               if (g.get(a) and g.get(a).level in PLACE_LEVELS[above])), "")  # type: ignore[union-attr]
            row["parent"] = parent
            rows.append(row)
    return rows


def build(form_id: str) -> tuple[list[dict], list[dict], dict]:
    """(survey rows, choice rows, settings) of the XLSForm of `form_id`'s newest version."""
    try:
        definition = load_form(form_id)
    except FormError:
        raise TawthiqError("xlsform.unknown_form", form=form_id[:64]) from None
    survey = _Survey(definition)
    for f in definition.fields:
        survey.add(f)
    choices: list[dict] = []
    for name in sorted(survey.lists):
        if name == YES_NO:
            for code, en, ar in (("yes", "Yes", "نعم"), ("no", "No", "لا")):
                choices.append({"list_name": YES_NO, "name": code, "label::English (en)": en,
                                "label::Arabic (ar)": ar})
        elif name.startswith("places_"):
            continue
        else:
            for term in vocabularies.vocabulary(name):
                row = {"list_name": name, "name": term.code}
                _labels(row, dict(term.labels), term.code)
                choices.append(row)
    if any(n.startswith("places_") for n in survey.lists):
        choices += _place_choices()
    settings = {"form_title": definition.label("en"), "form_id": f"tawthiq_{definition.id}",
                "version": str(definition.version), "default_language": LANGS[0][1]}
    return survey.survey, choices, settings


def xlsform_bytes(form_id: str) -> bytes:
    import xlsxwriter

    survey, choices, settings = build(form_id)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False})
    for title, rows in (("survey", survey), ("choices", choices), ("settings", [settings])):
        columns: list[str] = []
        for row in rows:
            columns += [c for c in row if c not in columns]
        sheet = book.add_worksheet(title)
        sheet.write_row(0, 0, columns)
        for r, row in enumerate(rows, start=1):
            for c, column in enumerate(columns):
                sheet.write_string(r, c, str(row.get(column, "")))
    book.close()
    return buffer.getvalue()


def export_xlsform(form_id: str, out: Path) -> Path:
    atomic_write_bytes(Path(out), xlsform_bytes(form_id))
    return Path(out)
