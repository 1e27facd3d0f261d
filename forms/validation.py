"""Validation of a case body against its form definition: every problem at once.

`validate_case` never raises on any JSON value (a hypothesis test holds it to that): it returns
a list of Problems, each with a path ("victims[0].fate"), a stable code and a message in the
user's language. Messages name fields, never values: values can be names.

Intake walks a body once: the same walk turns place names typed where a code belongs into codes
(`resolve_places`) and, for a received body (`validate_received`), keeps aside the well-formed
codes this vault does not know (another vault's organisation terms or places) instead of
reporting them. Messages and labels are worded only when a problem is found.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from forms import vocabularies
from forms.definitions import NAME_PARTS, SYSTEM_KEYS, Field, FormDefinition, form_versions, load_form
from forms.errors import UnknownForm
from forms.gazetteer import Gazetteer, gazetteer
from forms.messages import EXPECTED, NAME_REASONS, message

MAX_PROBLEMS = 500
MAX_UNKNOWN = 500  # unknown codes kept per body (each is also excused beyond it: the case is kept)
PLACES = "places"  # the `vocabulary` of an unknown place code
DEFAULT_MAX_TEXT = {"text": 2000, "long_text": 100_000, "person_name": 300}
PLACE_KEYS = ("governorate", "district", "place", "neighbourhood")
PLACE_LEVELS = {"governorate": ("governorate",), "district": ("district",),
                "place": ("subdistrict", "place"), "neighbourhood": ("neighbourhood",)}
# Crockford base 32 (no I, L, O, U), as app.services.intake.witnesses makes them: W-7KQ3-M9XD.
WITNESS_REF = re.compile(r"^W-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
ATTACHMENT_REF = re.compile(r"^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64})$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Later-date field, earlier-date field, problem code: checked inside any object that has both.
DATE_ORDER_RULES = (
    ("found_dead_on", "abducted_on", "found_dead_before_abducted"),
    ("released_on", "abducted_on", "released_before_abducted"),
)
# Each name part may also be given in Latin letters: {"given": "أحمد", "given_latin": "Ahmad"}.
_LATIN_PARTS = frozenset(f"{p}_latin" for p in NAME_PARTS)
_FORMAT_CHARS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_NAME_SYMBOLS = re.compile(r"[^\w\s'\u2019\u02bc\u02bf\u02be\-.\u0640\u064b-\u065f\u0670]|_")


# Problems that do not stop a save: the value is kept and shown as not part of the form, so a
# case written under a newer form, or by another tool, loses nothing in an older app.
# Likewise a code outside an *open* vocabulary (perpetrator groups: new ones appear faster than
# vocabularies are updated): kept and flagged until the organisation adds the term.
WARNINGS = frozenset({"unknown_field", "unknown_term"})


@dataclass(frozen=True)
class Problem:
    path: str
    code: str
    message: str  # "Fate: not one of the allowed choices", in the requested language
    text: str = ""  # the same without the field's label

    @property
    def severity(self) -> str:
        return "warning" if self.code in WARNINGS else "error"

    @property
    def is_error(self) -> bool:
        return self.code not in WARNINGS

    def to_json(self) -> dict:
        return {"path": self.path, "code": self.code, "severity": self.severity, "message": self.message}

    def __str__(self) -> str:
        return f"{self.path or 'case'}: {self.text or self.message}"


@dataclass(frozen=True)
class UnknownCode:
    """A well-formed code this vault's vocabularies or gazetteer (shipped and organisation) do not
    know: in a received case, another vault's organisation term or place. Kept as written, shown
    as unknown, and an ordinary value once the reading vault imports the term or place."""

    path: str  # as in problems: "sources[0].type", "victims[0].act[1]", "location.place"
    vocabulary: str  # a vocabulary name, or PLACES
    code: str


def parse_date(value: object) -> tuple[date, date, str] | None:
    """The earliest and latest day a partial ISO date can mean, and its precision."""
    m = _DATE.match(value) if isinstance(value, str) else None
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            d = date(year, int(month), int(day))
            return d, d, "day"
        if month is not None:
            first = date(year, int(month), 1)
            nxt = date(year + (first.month == 12), first.month % 12 + 1, 1)
            return first, date.fromordinal(nxt.toordinal() - 1), "month"
        return date(year, 1, 1), date(year, 12, 31), "year"
    except ValueError:
        return None


def _safe_key(key: object) -> str:
    text = str(key)[:40]
    return re.sub(r"[^\w.-]", "?", text) or "?"


class _Validator:
    def __init__(self, definition: FormDefinition, lang: str, today: date, *, resolve_places: bool = False,
                 received: bool = False):
        self.definition = definition
        self.lang = lang if lang in ("en", "ar") else "en"
        self.today = today
        self.resolve_places = resolve_places
        # Received: a well-formed code this vault does not know is kept aside in `unknown`, not a problem.
        self.received = received
        self.problems: list[Problem] = []
        self.unknown: list[UnknownCode] = []
        self.incident_latest: date | None = None
        self._codes: dict[str, frozenset[str]] = {}  # each vocabulary's codes, read once per body
        self._places: Gazetteer | None = None

    def add(self, path: str, code: str, label: Field | str, **values: Any) -> None:
        """A problem; the field's label is worded here, only when there is a problem to word."""
        if len(self.problems) < MAX_PROBLEMS:
            text = message(code, self.lang, **values)
            shown = label.label(self.lang) if isinstance(label, Field) else label
            self.problems.append(Problem(path, code, f"{shown}: {text}", text))

    def allowed(self, vocabulary: str | None) -> frozenset[str]:
        codes = self._codes.get(vocabulary or "")
        if codes is None:
            codes = self._codes[vocabulary or ""] = vocabularies.codes(vocabulary or "")
        return codes

    def places(self) -> Gazetteer:
        if self._places is None:
            self._places = gazetteer()
        return self._places

    def kept_unknown(self, path: str, vocabulary: str, code: object) -> bool:
        """Received: True (and the code kept) if `code` is well formed though this vault does not know it."""
        if not self.received or not vocabularies.is_code(code):
            return False
        if len(self.unknown) < MAX_UNKNOWN:
            self.unknown.append(UnknownCode(path, vocabulary, str(code)))
        return True

    # ---- objects and fields ------------------------------------------------------------------
    def check_object(self, obj: Mapping, fields: tuple[Field, ...], prefix: str,
                     extra_keys: frozenset[str] = frozenset()) -> None:
        known = {f.id for f in fields} | extra_keys
        for key in obj:
            if key not in known:
                self.add(f"{prefix}{_safe_key(key)}", "unknown_field", _safe_key(key))
        for f in fields:
            path = f"{prefix}{f.id}"
            value = obj.get(f.id)
            present = value not in (None, "", [], {})
            if f.condition is not None and self._undecided(f.condition.field, obj, fields):
                # The controlling field is itself wrong (and reported): say nothing more here.
                if present:
                    self.check_value(f, value, path)
                continue
            applicable = f.condition is None or f.condition.holds(obj)
            if present and not applicable:
                assert f.condition is not None
                parent_field = next((x for x in fields if x.id == f.condition.field), None)
                shown = ", ".join(self._value_label(parent_field, v) for v in f.condition.values)
                self.add(path, "not_applicable", f,
                         condition=parent_field.label(self.lang) if parent_field else f.condition.field, values=shown)
            elif not present:
                if f.required and applicable:
                    self.add(path, "required", f)
            else:
                self.check_value(f, value, path)
        self.check_date_order(obj, fields, prefix)

    def _undecided(self, field_id: str, obj: Mapping, fields: tuple[Field, ...]) -> bool:
        controller = next((x for x in fields if x.id == field_id), None)
        value = obj.get(field_id)
        if controller is None or controller.type != "choice":
            return False
        if value in (None, "", []):
            return controller.required  # reported as missing already
        allowed = self.allowed(controller.vocabulary)
        if isinstance(value, list) and controller.option("multiple"):
            return not all(isinstance(v, str) and v in allowed for v in value)
        return not isinstance(value, str) or value not in allowed

    def _value_label(self, field: Field | None, value: object) -> str:
        if field is not None and field.vocabulary and isinstance(value, str):
            term = vocabularies.term(field.vocabulary, value)
            if term is not None:
                return term.label(self.lang)
        return str(value)

    def check_value(self, f: Field, value: Any, path: str) -> None:
        label = f  # worded by `add` only if a problem is found
        kind = f.type
        if kind in ("text", "long_text", "person_name"):
            if not isinstance(value, str):
                return self.add(path, "wrong_type", label, expected=EXPECTED["text"][self.lang])
            limit = f.option("max_length", DEFAULT_MAX_TEXT[kind])
            if len(value) > limit:
                self.add(path, "too_long", label, limit=limit)
            elif kind == "person_name":
                self.check_name(value, path, label, f.option("script", "any"))
        elif kind == "number":
            self.check_number(f, value, path, label)
        elif kind == "boolean":
            if not isinstance(value, bool):
                self.add(path, "wrong_type", label, expected=EXPECTED["true or false"][self.lang])
        elif kind == "choice":
            if f.option("multiple") and isinstance(value, list):
                return self.check_multi_choice(f, value, path, label)
            if not isinstance(value, str):
                return self.add(path, "wrong_type", label, expected=EXPECTED["text"][self.lang])
            if value not in self.allowed(f.vocabulary) and not self.kept_unknown(path, f.vocabulary or "", value):
                self.add(path, *self._outside_vocabulary(f, value), label)
        elif kind == "multi_choice":
            self.check_multi_choice(f, value, path, label)
        elif kind == "date":
            self.check_date(value, path, label)
        elif kind == "date_range":
            self.check_date_range(value, path, label)
        elif kind == "place":
            self.check_place(value, path, label)
        elif kind == "name_parts":
            self.check_name_parts(value, path, label)
        elif kind == "witness_ref":
            if not isinstance(value, str) or not WITNESS_REF.match(value):
                self.add(path, "malformed_witness_ref", label)
        elif kind == "attachment_ref":
            if not isinstance(value, str) or not ATTACHMENT_REF.match(value):
                self.add(path, "malformed_attachment_ref", label)
        elif kind == "group":
            self.check_group(f, value, path, label)

    def check_number(self, f: Field, value: Any, path: str, label: Field | str) -> None:
        integer = bool(f.option("integer", False))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (
            isinstance(value, float) and not math.isfinite(value)
        ):
            expected = EXPECTED["whole number" if integer else "number"][self.lang]
            return self.add(path, "wrong_type", label, expected=expected)
        if integer and not (isinstance(value, int) or value.is_integer()):
            return self.add(path, "wrong_type", label, expected=EXPECTED["whole number"][self.lang])
        low, high = f.option("min"), f.option("max")
        if (low is not None and value < low) or (high is not None and value > high):
            self.add(path, "out_of_range", label, min=low, max=high)

    def check_multi_choice(self, f: Field, value: Any, path: str, label: Field | str) -> None:
        if not isinstance(value, list):
            return self.add(path, "wrong_type", label, expected=EXPECTED["a list"][self.lang])
        allowed = self.allowed(f.vocabulary)
        seen: set[str] = set()
        for i, item in enumerate(value[:1000]):
            if not isinstance(item, str):
                self.add(f"{path}[{i}]", "wrong_type", label, expected=EXPECTED["text"][self.lang])
            elif item not in allowed:
                if not self.kept_unknown(f"{path}[{i}]", f.vocabulary or "", item):
                    self.add(f"{path}[{i}]", *self._outside_vocabulary(f, item), label)
            elif item in seen:
                self.add(f"{path}[{i}]", "duplicate_choice", label)
            else:
                seen.add(item)
        if len(value) > 1000:
            self.add(path, "too_many", label, limit=1000)

    @staticmethod
    def _outside_vocabulary(f: Field, value: str) -> tuple[str]:
        if f.option("open_vocabulary") and vocabularies.is_code(value):
            return ("unknown_term",)
        return ("not_in_vocabulary",)

    def check_group(self, f: Field, value: Any, path: str, label: Field | str) -> None:
        if not f.repeat:
            if not isinstance(value, dict):
                return self.add(path, "wrong_type", label, expected=EXPECTED["an object"][self.lang])
            return self.check_object(value, f.children, f"{path}.")
        if not isinstance(value, list):
            return self.add(path, "wrong_type", label, expected=EXPECTED["a list"][self.lang])
        limit = f.option("max_items", 1000)
        if len(value) > limit:
            return self.add(path, "too_many", label, limit=limit)
        if len(value) < f.option("min_items", 0):
            self.add(path, "too_few", label, limit=f.option("min_items", 0))
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.add(f"{path}[{i}]", "wrong_type", label, expected=EXPECTED["an object"][self.lang])
            else:
                self.check_object(item, f.children, f"{path}[{i}].")

    # ---- dates -------------------------------------------------------------------------------
    def check_date(self, value: Any, path: str, label: Field | str) -> tuple[date, date, str] | None:
        if not isinstance(value, str):
            self.add(path, "wrong_type", label, expected=EXPECTED["text"][self.lang])
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.add(path, "malformed_date", label)
        elif parsed[0] > self.today:
            self.add(path, "date_in_future", label)
        return parsed

    def check_date_range(self, value: Any, path: str, label: Field | str) -> None:
        if not isinstance(value, dict):
            return self.add(path, "wrong_type", label, expected=EXPECTED["an object"][self.lang])
        for key in value:
            if key not in ("start", "end", "precision"):
                self.add(f"{path}.{_safe_key(key)}", "unknown_field", _safe_key(key))
        precision = value.get("precision")
        if precision is not None and (not isinstance(precision, str)
                                      or precision not in self.allowed("date_precision")):
            self.add(f"{path}.precision", "not_in_vocabulary", label)
            precision = None
        start = end = None
        if value.get("start") not in (None, ""):
            start = self.check_date(value["start"], f"{path}.start", label)
        elif precision != "unknown":
            self.add(f"{path}.start", "required", label)
        if value.get("end") not in (None, ""):
            end = self.check_date(value["end"], f"{path}.end", label)
        rank = {"year": 0, "month": 1, "day": 2}
        for key, parsed in (("start", start), ("end", end)):
            if parsed and precision in rank and rank[parsed[2]] < rank[precision]:
                self.add(f"{path}.{key}", "date_precision_mismatch", label)
        if start and end and end[1] < start[0]:
            self.add(f"{path}.end", "date_end_before_start", label)
        if start and path == "date":
            self.incident_latest = (end or start)[1]

    def check_date_order(self, obj: Mapping, fields: tuple[Field, ...], prefix: str) -> None:
        ids = {f.id: f for f in fields}
        for later, earlier, code in DATE_ORDER_RULES:
            if later in ids and earlier in ids:
                a, b = parse_date(obj.get(later)), parse_date(obj.get(earlier))
                if a and b and a[1] < b[0]:
                    self.add(f"{prefix}{later}", code, ids[later])
        if "birth_date" in ids and self.incident_latest is not None:
            born = parse_date(obj.get("birth_date"))
            if born and born[0] > self.incident_latest:
                self.add(f"{prefix}birth_date", "born_after_incident", ids["birth_date"])

    # ---- places and names --------------------------------------------------------------------
    def check_place(self, value: Any, path: str, label: Field | str) -> None:
        if not isinstance(value, dict):
            return self.add(path, "wrong_type", label, expected=EXPECTED["an object"][self.lang])
        g = self.places()
        for key in value:
            if key not in (*PLACE_KEYS, "text", "coordinates"):
                self.add(f"{path}.{_safe_key(key)}", "unknown_field", _safe_key(key))
        above: list[str] = []
        within: str | None = None  # the place above, as far as names were resolved
        found: list[tuple[str, str]] = []  # (path, problem code), added once the whole place is read
        unknown_here = False
        for key in PLACE_KEYS:
            code = value.get(key)
            if code in (None, ""):
                continue
            entry = g.get(code) if isinstance(code, str) else None
            if entry is None and self.resolve_places and isinstance(code, str):
                # A name typed where a code belongs ("Homs") becomes the code, at this key's level and
                # inside the place above; a name that resolves to nothing is left for the checks below.
                for level in PLACE_LEVELS[key]:
                    entry = g.resolve(code, level=level, within=within) or entry
                if entry is not None:
                    value[key] = entry.code
            if entry is not None:
                within = entry.code
            if entry is None and self.kept_unknown(f"{path}.{key}", PLACES, code):
                unknown_here = True
                continue
            if entry is None or entry.level not in PLACE_LEVELS[key]:
                found.append((f"{path}.{key}", "unknown_place"))
                continue
            if above and above[-1] not in g.ancestors(entry.code):
                found.append((f"{path}.{key}", "place_mismatch"))
            above.append(entry.code)
        for where, problem in found:
            # A place below (or above) one this vault does not know cannot be checked against it.
            if not (unknown_here and problem == "place_mismatch"):
                self.add(where, problem, label)
        text = value.get("text")
        if text not in (None, "") and not isinstance(text, str):
            self.add(f"{path}.text", "wrong_type", label, expected=EXPECTED["text"][self.lang])
        elif isinstance(text, str) and len(text) > 2000:
            self.add(f"{path}.text", "too_long", label, limit=2000)
        coordinates = value.get("coordinates")
        if coordinates not in (None, {}):
            self.check_coordinates(coordinates, f"{path}.coordinates", label)

    def check_coordinates(self, value: Any, path: str, label: Field | str) -> None:
        if not isinstance(value, dict) or set(value) - {"lat", "lon"}:
            return self.add(path, "wrong_type", label, expected=EXPECTED["an object"][self.lang])
        for key, bound in (("lat", 90), ("lon", 180)):
            v = value.get(key)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                self.add(f"{path}.{key}", "wrong_type", label, expected=EXPECTED["number"][self.lang])
            elif not -bound <= v <= bound:
                self.add(f"{path}.{key}", "out_of_range", label, min=-bound, max=bound)

    def check_name(self, value: str, path: str, label: Field | str, script: str) -> None:
        # Direction marks and isolates (RLM, LRI…) are real in typed mixed-direction names: they
        # are kept as data, and judged invisible here.
        value = _FORMAT_CHARS.sub("", value)
        reason = None
        if not value.strip():
            reason = "empty"
        elif any(c.isdigit() for c in value):
            reason = "digits"
        elif _NAME_SYMBOLS.search(value):
            reason = "symbols"
        else:
            arabic, latin = bool(_ARABIC.search(value)), bool(_LATIN.search(value))
            if arabic and latin:
                reason = "mixed_scripts"
            elif script == "arabic" and not arabic:
                reason = "not_arabic"
            elif script == "latin" and not latin:
                reason = "not_latin"
        if reason:
            self.add(path, "malformed_name", label, reason=NAME_REASONS[reason][self.lang])

    def check_name_parts(self, value: Any, path: str, label: Field | str) -> None:
        if not isinstance(value, dict):
            return self.add(path, "wrong_type", label, expected=EXPECTED["an object"][self.lang])
        for key, part in value.items():
            if key not in NAME_PARTS and key not in _LATIN_PARTS:
                self.add(f"{path}.{_safe_key(key)}", "unknown_field", _safe_key(key))
            elif part in (None, ""):
                continue
            elif not isinstance(part, str):
                self.add(f"{path}.{key}", "wrong_type", label, expected=EXPECTED["text"][self.lang])
            elif len(part) > 100:
                self.add(f"{path}.{key}", "too_long", label, limit=100)
            else:
                self.check_name(part, f"{path}.{key}", label, "latin" if key in _LATIN_PARTS else "any")


def _definition_for(body: Mapping, lang: str, directory: str | Path | None) -> tuple[FormDefinition | None,
                                                                                    list[Problem]]:
    form_id, version = body.get("form"), body.get("form_version")
    lang = lang if lang in ("en", "ar") else "en"
    label = {"en": "Form", "ar": "النموذج"}[lang]

    def problem(path: str, code: str, **values: Any) -> list[Problem]:
        text = message(code, lang, **values)
        return [Problem(path, code, f"{label}: {text}", text)]

    if form_id in (None, ""):
        return None, problem("form", "required")
    if not isinstance(form_id, str):
        return None, problem("form", "wrong_type", expected=EXPECTED["text"][lang])
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        return None, problem("form_version", "wrong_type", expected=EXPECTED["whole number"][lang])
    try:
        return load_form(form_id, version, directory), []
    except UnknownForm:
        if form_versions(form_id, directory):
            return None, problem("form_version", "unknown_form_version")
        return None, problem("form", "unknown_form")


def _validated(body: Any, lang: str, today: date | None, forms_dir: str | Path | None, *,
               resolve_places: bool, received: bool) -> _Validator | list[Problem]:
    if not isinstance(lang, str):
        lang = "en"
    if not isinstance(body, dict):
        text = message("not_an_object", lang if lang in ("en", "ar") else "en")
        return [Problem("", "not_an_object", text, text)]
    definition, problems = _definition_for(body, lang, forms_dir)
    if definition is None:
        return problems
    validator = _Validator(definition, lang, today or date.today(), resolve_places=resolve_places,
                           received=received)
    # The incident date first: birth dates of victims are checked against it.
    date_field = definition.field("date")
    if date_field is not None and date_field.type == "date_range" and isinstance(body.get("date"), dict):
        probe = _Validator(definition, lang, validator.today)
        probe._codes = validator._codes
        probe.check_date_range(body["date"], "date", "")
        validator.incident_latest = probe.incident_latest
    validator.check_object(body, definition.fields, "", extra_keys=SYSTEM_KEYS)
    return validator


def validate_case(body: Any, lang: str = "en", *, today: date | None = None,
                  forms_dir: str | Path | None = None, resolve_places: bool = False) -> list[Problem]:
    """Every problem of a case body against its form (the version it names, else the newest).

    `resolve_places` (intake): place names typed where a code belongs become codes, in `body`, as the
    walk meets them ("Homs" in `location.governorate` becomes "homs"); a name that resolves to
    nothing at that level is left alone and reported. Without it validation never guesses."""
    checked = _validated(body, lang, today, forms_dir, resolve_places=resolve_places, received=False)
    return checked.problems if isinstance(checked, _Validator) else checked


def validate_received(body: Any, *, resolve_places: bool = True, today: date | None = None,
                      forms_dir: str | Path | None = None) -> tuple[list[Problem], list[UnknownCode]]:
    """A case received from another vault (bundle import): its problems, except that a well-formed
    vocabulary or place code this vault does not know is no problem but returned (in order), so the
    case is kept as written and flagged. Such a code is another vault's organisation term or place;
    a place below or above one cannot be checked against it. Never raises; bounded."""
    checked = _validated(body, "en", today, forms_dir, resolve_places=resolve_places, received=True)
    if isinstance(checked, _Validator):
        return checked.problems, checked.unknown
    return checked, []


def unknown_codes(body: Any) -> list[UnknownCode]:
    """The well-formed codes of a case body (as stored) that this vault's vocabularies and gazetteer
    do not know."""
    return validate_received(body, resolve_places=False)[1]
