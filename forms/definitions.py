"""Form definitions: one JSON data file per case type and version (docs/case-model.md).

resources/forms/<id>.v<version>.json holds sections of fields; a field's `id` is its key in the
case JSON. The GUI renders editors from these, validation runs from them, bundles carry a case's
form id and version. Old versions stay shipped so that a case saved under version 1 still reads
and validates after version 2 arrives.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from forms import vocabularies
from forms.errors import BadDefinition, UnknownForm, UnknownVocabulary
from forms.resources import FORMS_DIR

FORMAT = 1
FIELD_TYPES = frozenset({
    "text", "long_text", "number", "boolean", "choice", "multi_choice", "date", "date_range", "place",
    "person_name", "name_parts", "group", "witness_ref", "attachment_ref",
})
NAME_PARTS = ("given", "father", "grandfather", "family", "mother")
# Keys every case may carry whatever its form: set by the system, not typed by a documenter.
SYSTEM_KEYS = frozenset({"id", "form", "form_version"})
_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_FILE = re.compile(r"^([a-z][a-z0-9_]{0,63})\.v([1-9][0-9]{0,5})\.json$")


def _labels(raw: Any, where: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
        raise BadDefinition("form.labels_malformed", where=where)
    return dict(raw)


@dataclass(frozen=True)
class Condition:
    """Shown (and allowed) only when the sibling field `field` holds one of `values`."""

    field: str
    values: tuple

    def holds(self, container: Mapping) -> bool:
        value = container.get(self.field)
        if isinstance(value, list):
            return any(v in self.values for v in value if isinstance(v, (str, int, bool)))
        return isinstance(value, (str, int, bool, float)) and value in self.values


@dataclass(frozen=True)
class Field:
    id: str
    type: str
    labels: dict[str, str]
    help: dict[str, str]
    required: bool = False
    condition: Condition | None = None
    vocabulary: str | None = None
    repeat: bool = False
    children: tuple[Field, ...] = ()
    data: Mapping[str, Any] | None = None

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.id

    def option(self, key: str, default: Any = None) -> Any:
        return (self.data or {}).get(key, default)

    @property
    def sensitive(self) -> bool:
        return bool(self.option("sensitive", False))

    def child(self, field_id: str) -> Field | None:
        return next((c for c in self.children if c.id == field_id), None)


@dataclass(frozen=True)
class Section:
    id: str
    labels: dict[str, str]
    fields: tuple[Field, ...]

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.id


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: int
    labels: dict[str, str]
    help: dict[str, str]
    sections: tuple[Section, ...]
    data: Mapping[str, Any]

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.id

    @property
    def fields(self) -> tuple[Field, ...]:
        """The case's top-level fields, in section order."""
        return tuple(f for s in self.sections for f in s.fields)

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.fields if f.id == field_id), None)


def _field(raw: Any, where: str) -> Field:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not _ID.match(raw["id"]):
        raise BadDefinition("form.field_id", where=where)
    where = f"{where}.{raw['id']}"
    kind = raw.get("type")
    if kind not in FIELD_TYPES:
        raise BadDefinition("form.field_type", where=where, kind=repr(kind))
    vocabulary = raw.get("vocabulary")
    if kind in ("choice", "multi_choice"):
        try:
            vocabularies.vocabulary(str(vocabulary))
        except UnknownVocabulary:
            raise BadDefinition("form.field_vocabulary", where=where, vocabulary=repr(vocabulary)) from None
    condition = None
    if raw.get("condition") is not None:
        c = raw["condition"]
        if not isinstance(c, dict) or not isinstance(c.get("field"), str) or not isinstance(c.get("in"), list):
            raise BadDefinition("form.condition_malformed", where=where)
        condition = Condition(c["field"], tuple(c["in"]))
    children: tuple[Field, ...] = ()
    if kind == "group":
        if not isinstance(raw.get("children"), list) or not raw["children"]:
            raise BadDefinition("form.group_empty", where=where)
        children = tuple(_field(c, where) for c in raw["children"])
        if len({c.id for c in children}) != len(children):
            raise BadDefinition("form.group_ids_twice", where=where)
    return Field(
        id=raw["id"], type=kind, labels=_labels(raw.get("labels"), where), help=_labels(raw.get("help"), where),
        required=bool(raw.get("required", False)), condition=condition, vocabulary=vocabulary,
        repeat=bool(raw.get("repeat", False)), children=children, data=raw,
    )


def parse_definition(data: Any, source: str = "form") -> FormDefinition:
    """Check and build a definition from its JSON (also used for forms carried in a profile)."""
    if not isinstance(data, dict):
        raise BadDefinition("form.not_object", source=source)
    if data.get("format", FORMAT) != FORMAT:
        raise BadDefinition("form.format", source=source, format=repr(data.get("format")))
    form_id, version = data.get("id"), data.get("version")
    if not isinstance(form_id, str) or not _ID.match(form_id):
        raise BadDefinition("form.id_malformed", source=source)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadDefinition("form.version_malformed", source=source)
    if not isinstance(data.get("sections"), list) or not data["sections"]:
        raise BadDefinition("form.no_sections", source=source)
    sections = []
    for s in data["sections"]:
        if not isinstance(s, dict) or not isinstance(s.get("id"), str) or not isinstance(s.get("fields"), list):
            raise BadDefinition("form.section_malformed", source=source)
        sections.append(Section(s["id"], _labels(s.get("labels"), source),
                                tuple(_field(f, f"{source}:{s['id']}") for f in s["fields"])))
    ids = [f.id for s in sections for f in s.fields]
    if len(set(ids)) != len(ids) or SYSTEM_KEYS & set(ids):
        raise BadDefinition("form.field_ids_clash", source=source)
    return FormDefinition(form_id, version, _labels(data.get("labels"), source),
                          _labels(data.get("help"), source), tuple(sections), data)


@cache
def _catalogue(directory: Path) -> dict[str, dict[int, FormDefinition]]:
    out: dict[str, dict[int, FormDefinition]] = {}
    for path in sorted(directory.glob("*.json")):
        m = _FILE.match(path.name)
        if not m:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise BadDefinition("form.file_not_json", source=path.name) from None
        definition = parse_definition(data, path.name)
        if (definition.id, definition.version) != (m.group(1), int(m.group(2))):
            raise BadDefinition("form.file_name_mismatch", source=path.name)
        out.setdefault(definition.id, {})[definition.version] = definition
    return out


def _dir(directory: str | Path | None) -> Path:
    return Path(directory).resolve() if directory is not None else FORMS_DIR


def list_forms(directory: str | Path | None = None) -> list[FormDefinition]:
    """The newest version of every form."""
    catalogue = _catalogue(_dir(directory))
    return [versions[max(versions)] for _, versions in sorted(catalogue.items())]


def all_versions(directory: str | Path | None = None) -> list[FormDefinition]:
    """Every version of every form, by form id then version (what a reader of any case may meet)."""
    catalogue = _catalogue(_dir(directory))
    return [versions[v] for _, versions in sorted(catalogue.items()) for v in sorted(versions)]


def form_versions(form_id: str, directory: str | Path | None = None) -> list[int]:
    return sorted(_catalogue(_dir(directory)).get(form_id, {}))


def load_form(form_id: str, version: int | None = None, directory: str | Path | None = None) -> FormDefinition:
    """A form by id, the newest version unless one is asked for; UnknownForm if there is none."""
    if not isinstance(form_id, str):
        raise UnknownForm("form.id_not_text")
    versions = _catalogue(_dir(directory)).get(form_id)
    if not versions:
        raise UnknownForm("form.unknown", form=repr(form_id[:64]))
    if version is None:
        return versions[max(versions)]
    if not isinstance(version, int) or isinstance(version, bool) or version not in versions:
        raise UnknownForm("form.unknown_version", form=repr(form_id), version=str(version)[:16])
    return versions[version]
