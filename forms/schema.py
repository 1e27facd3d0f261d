"""JSON Schema (draft 2020-12) of a form, for other tools, and the example case of each form.

The schema states structure, types and vocabularies; the rules that need more than a schema
(dates in order, places inside their parents, conditional fields) are validation's job and are
named in the schema's description.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from forms import vocabularies
from forms.definitions import NAME_PARTS, Field, FormDefinition, load_form
from forms.errors import FormError
from forms.resources import FORMS_DIR
from forms.validation import ATTACHMENT_REF, WITNESS_REF

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _titled(schema: dict, f: Field) -> dict:
    schema["title"] = f.label("en")
    if f.labels.get("ar"):
        schema["x-title-ar"] = f.labels["ar"]
    if f.help.get("en"):
        schema["description"] = f.help["en"]
    if f.sensitive:
        schema["x-sensitive"] = True
    if f.condition is not None:
        schema["x-condition"] = {"field": f.condition.field, "in": list(f.condition.values)}
    return schema


def _place_schema() -> dict:
    code = {"type": "string", "description": "a gazetteer code"}
    return {
        "type": "object", "additionalProperties": False,
        "properties": {
            "governorate": code, "district": code, "place": code, "neighbourhood": code,
            "text": {"type": "string", "maxLength": 2000},
            "coordinates": {"type": "object", "additionalProperties": False, "required": ["lat", "lon"],
                            "properties": {"lat": {"type": "number", "minimum": -90, "maximum": 90},
                                           "lon": {"type": "number", "minimum": -180, "maximum": 180}}},
        },
    }


def field_schema(f: Field) -> dict:
    kind = f.type
    if kind in ("text", "long_text", "person_name"):
        s: dict[str, Any] = {"type": "string"}
        if f.option("max_length"):
            s["maxLength"] = f.option("max_length")
    elif kind == "number":
        s = {"type": "integer" if f.option("integer") else "number"}
        if f.option("min") is not None:
            s["minimum"] = f.option("min")
        if f.option("max") is not None:
            s["maximum"] = f.option("max")
    elif kind == "boolean":
        s = {"type": "boolean"}
    elif kind == "choice":
        codes = [t.code for t in vocabularies.vocabulary(f.vocabulary or "")]
        one: dict[str, Any] = {"type": "string"} if f.option("open_vocabulary") else {"type": "string", "enum": codes}
        if f.option("open_vocabulary"):
            one["examples"] = codes
        s = {"anyOf": [one, {"type": "array", "uniqueItems": True, "items": one}]} if f.option("multiple") else one
    elif kind == "multi_choice":
        s = {"type": "array", "uniqueItems": True,
             "items": {"type": "string", "enum": [t.code for t in vocabularies.vocabulary(f.vocabulary or "")]}}
    elif kind == "date":
        s = {"type": "string", "pattern": _DATE_PATTERN}
    elif kind == "date_range":
        s = {"type": "object", "additionalProperties": False, "properties": {
            "start": {"type": "string", "pattern": _DATE_PATTERN},
            "end": {"type": "string", "pattern": _DATE_PATTERN},
            "precision": {"type": "string", "enum": [t.code for t in vocabularies.vocabulary("date_precision")]},
        }}
    elif kind == "place":
        s = _place_schema()
    elif kind == "name_parts":
        s = {"type": "object", "additionalProperties": False,
             "properties": {p: {"type": "string", "maxLength": 100} for p in NAME_PARTS}}
    elif kind == "witness_ref":
        s = {"type": "string", "pattern": WITNESS_REF.pattern}
    elif kind == "attachment_ref":
        s = {"type": "string", "pattern": ATTACHMENT_REF.pattern}
    else:  # group
        item = _object_schema(f.children)
        s = {"type": "array", "items": item, "maxItems": f.option("max_items", 1000)} if f.repeat else item
        if f.repeat and f.option("min_items"):
            s["minItems"] = f.option("min_items")
    return _titled(s, f)


def _object_schema(fields: tuple[Field, ...], extra: dict | None = None) -> dict:
    properties = dict(extra or {})
    properties.update({f.id: field_schema(f) for f in fields})
    required = [f.id for f in fields if f.required and f.condition is None]
    schema: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": properties}
    if required:
        schema["required"] = required
    return schema


def json_schema(definition: FormDefinition) -> dict:
    system = {
        "id": {"type": "string"},
        "form": {"const": definition.id},
        "form_version": {"const": definition.version},
    }
    schema = _object_schema(definition.fields, system)
    schema["required"] = ["form", *schema.get("required", [])]
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:tawthiq:form:{definition.id}:v{definition.version}",
        "title": definition.label("en"),
        "x-title-ar": definition.label("ar"),
        "description": (
            "A Tawthiq case. Beyond this schema, validation checks: dates in order (end after start, "
            "found dead / released after abducted, nothing in the future), place codes that exist in "
            "the gazetteer and lie inside each other, fields marked x-condition present only when their "
            "condition holds (and required then if marked required), and name spelling."
        ),
        **{k: v for k, v in schema.items()},
    }


def example_case(form_id: str) -> dict:
    """A realistic example case of a form (from resources/forms/examples), valid as shipped."""
    definition = load_form(form_id)
    path = FORMS_DIR / "examples" / f"{definition.id}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise FormError("form.no_example", form=repr(definition.id)) from None


def blank_case(definition: FormDefinition) -> dict:
    """An empty case of a form with its defaults filled in: what a new case in the GUI starts from."""
    body: dict[str, Any] = {"form": definition.id, "form_version": definition.version}
    for f in definition.fields:
        if f.option("default") is not None:
            body[f.id] = copy.deepcopy(f.option("default"))
    return body


def blank_item(group: Field) -> dict:
    """A new entry of a repeatable group (a victim, a perpetrator, a source) with its defaults."""
    return {c.id: copy.deepcopy(c.option("default")) for c in group.children if c.option("default") is not None}
