"""One cell to one field's value: codes for vocabularies and places, dates, numbers, yes/no.

A vocabulary or place value is taken when the mapping's `values` table settles it, or when it is a
code, a label or a spelling variant in either script (forms.vocabularies.find_term,
forms.gazetteer); anything else is *unmatched*: reported, never guessed. Dates are ISO
(YYYY, YYYY-MM, YYYY-MM-DD) or a spreadsheet's own date cells; "06/02/2025" is refused, as it reads
two ways.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.services.intake.sheet_import.tables import Cell
from forms import vocabularies
from forms.definitions import Field
from forms.gazetteer import gazetteer
from forms.normalize import normalize_arabic
from forms.validation import PLACE_LEVELS

_SPLIT = re.compile(r"\s*[;|،؛\n]\s*")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.+Z-]*)?$")
_TRUE = {"true", "yes", "y", "1", "نعم", "صح", "x"}
_FALSE = {"false", "no", "n", "0", "لا", "خطأ"}
# The partner export writes text that a spreadsheet would run as a formula behind an apostrophe.
_ESCAPED = re.compile(r"^'[=+\-@\t\r]")
EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True)
class Refusal:
    """Why a cell did not give a value: an error code of the `import.` family and its arguments."""

    code: str
    unmatched: str | None = None  # the value as written, for the list of values to map


def text_of(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, (dt.datetime, dt.date)):
        return cell.isoformat()
    text = str(cell).strip()
    return text[1:] if _ESCAPED.match(text) else text


def is_empty(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def split_values(text: str) -> list[str]:
    """Several values in one cell: `;`, `|`, Arabic comma/semicolon or line breaks; ODK's
    select_multiple writes codes separated by spaces."""
    parts = [p for p in _SPLIT.split(text) if p]
    if len(parts) == 1 and " " in parts[0]:
        words = parts[0].split()
        if all(vocabularies.is_code(w) for w in words):
            return words
    return parts


def date_value(cell: Cell, kind: str) -> str | Refusal:
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if kind != "csv" and 1 <= cell < 2_958_466:  # a workbook's date serial number
            return (EXCEL_EPOCH + dt.timedelta(days=int(cell))).isoformat()
        if isinstance(cell, int) or float(cell).is_integer():
            whole = int(cell)
            if 1000 <= whole <= 9999:
                return str(whole)
        return Refusal("sheet_row.bad_date")
    text = normalize_arabic(text_of(cell))
    m = _ISO_DATE.match(text)
    if not m:
        return Refusal("sheet_row.bad_date")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            return dt.date(int(year), int(month), int(day)).isoformat()
        if month:
            return dt.date(int(year), int(month), 1).isoformat()[:7]
    except ValueError:
        return Refusal("sheet_row.bad_date")
    return year


def number_value(cell: Cell, f: Field) -> int | float | Refusal:
    if isinstance(cell, bool):
        return Refusal("sheet_row.bad_number")
    if isinstance(cell, (int, float)):
        value: float = cell
    else:
        try:
            value = float(normalize_arabic(text_of(cell)).replace("٫", "."))
        except ValueError:
            return Refusal("sheet_row.bad_number")
    if value != value or value in (float("inf"), float("-inf")):
        return Refusal("sheet_row.bad_number")
    if f.option("integer"):
        if not float(value).is_integer():
            return Refusal("sheet_row.bad_number")
        return int(value)
    return int(value) if float(value).is_integer() else value


def boolean_value(cell: Cell) -> bool | Refusal:
    if isinstance(cell, bool):
        return cell
    text = normalize_arabic(text_of(cell)).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return Refusal("sheet_row.bad_boolean")


def term_value(text: str, vocabulary: str, settled: dict[str, str | None]) -> str | None | Refusal:
    """A code of `vocabulary`; None when the mapping settles the value as "leave empty"."""
    if text in settled:
        chosen = settled[text]
        if chosen is None:
            return Refusal("sheet_row.unmatched_value", unmatched=text)
        if not chosen:
            return None
        found = vocabularies.find_term(vocabulary, chosen)
        return found.code if found is not None else Refusal("sheet_row.unmatched_value", unmatched=text)
    found = vocabularies.find_term(vocabulary, text)
    return found.code if found is not None else Refusal("sheet_row.unmatched_value", unmatched=text)


def place_value(text: str, part: str | None, within: str | None,
                settled: dict[str, str | None]) -> str | None | Refusal:
    """A gazetteer code for one level of a place (`part`), or, with `part` None, for the most
    specific place a name names."""
    g = gazetteer()
    if text in settled:
        chosen = settled[text]
        if chosen is None:
            return Refusal("sheet_row.unmatched_value", unmatched=text)
        if not chosen:
            return None
        place = g.get(chosen)
        return place.code if place is not None else Refusal("sheet_row.unmatched_value", unmatched=text)
    place = None
    if part is None:
        place = g.resolve(text)
    else:
        for level in PLACE_LEVELS[part]:
            place = place or g.resolve(text, level=level, within=within)
    return place.code if place is not None else Refusal("sheet_row.unmatched_value", unmatched=text)


def place_levels(code: str) -> dict[str, str]:
    """A place code and every place above it, by the case body's keys (governorate … neighbourhood)."""
    g = gazetteer()
    out: dict[str, str] = {}
    for ancestor in [*g.ancestors(code), code]:
        place = g.get(ancestor)
        if place is None:
            continue
        for key, levels in PLACE_LEVELS.items():
            if place.level in levels:
                out[key] = place.code
    return out


def choices_for(f: Field, target: str) -> list[tuple[str, dict[str, str]]]:
    """(code, labels by language) a value of this target may be settled to: the vocabulary's terms,
    or the gazetteer's places at the target's level; [] for a target that takes free text."""
    part = target.rsplit(".", 1)[-1]
    if f.type in ("choice", "multi_choice"):
        return [(t.code, dict(t.labels)) for t in vocabularies.vocabulary(f.vocabulary or "")]
    if f.type == "date_range" and part == "precision":
        return [(t.code, dict(t.labels)) for t in vocabularies.vocabulary("date_precision")]
    if f.type == "place":
        levels = PLACE_LEVELS.get(part)
        places = [p for p in gazetteer().places.values() if levels is None or p.level in levels]
        return [(p.code, dict(p.names)) for p in sorted(places, key=lambda p: p.code)]
    return []
