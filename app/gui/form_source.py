"""What the editor needs from forms/: definitions, vocabulary terms, places.

Validation is not here: the editor saves through app.services.intake.cases.save_draft, which
validates once and returns the problems to show.

The editor renders the raw definition data (the JSON of resources/forms/*.json, documented in
docs/case-model.md). forms/ owns all of it; this adapter only shapes it for widgets.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from app.gui.vocabulary import lang
from forms.definitions import load_form
from forms.gazetteer import gazetteer, get_place
from forms.gazetteer import resolve_place as resolve_in_gazetteer
from forms.gazetteer import search_places as search_gazetteer
from forms.vocabularies import vocabulary


@dataclass
class PlaceChoice:
    code: str
    label: str
    value: dict  # what goes into the case: {"governorate", "district", "place", ...}


# ---- definitions ------------------------------------------------------------------------------
def load_definition(form_id: str, version: int | None = None) -> dict:
    return copy.deepcopy(dict(load_form(form_id, version).data))


def blank_case(definition: dict) -> dict:
    body: dict[str, Any] = {"form": definition["id"], "form_version": definition.get("version", 1)}
    for section in definition.get("sections", []):
        for f in section.get("fields", []):
            if f.get("default") is not None:
                body[f["id"]] = copy.deepcopy(f["default"])
    return body


def blank_item(group: dict) -> dict:
    return {c["id"]: copy.deepcopy(c["default"]) for c in group.get("children", []) if c.get("default") is not None}


# ---- vocabularies -----------------------------------------------------------------------------
def terms(name: str) -> list[tuple[str, str]]:
    """(code, label in the interface language) for a vocabulary, in its own order."""
    return [(t.code, t.label(lang())) for t in vocabulary(name)]


# ---- places -----------------------------------------------------------------------------------
def _place_value(place: Any) -> dict:
    value = {place.level: place.code}
    for code in gazetteer().ancestors(place.code):
        parent = gazetteer().get(code)
        if parent is not None and parent.level in ("governorate", "district", "place", "neighbourhood"):
            value.setdefault(parent.level, parent.code)
    return {k: v for k, v in value.items() if k in ("governorate", "district", "place", "neighbourhood")}


def _place_label(place: Any) -> str:
    names = [place.name(lang())]
    for code in gazetteer().ancestors(place.code):
        parent = gazetteer().get(code)
        if parent is not None:
            names.append(parent.name(lang()))
    return "، ".join(names) if lang() == "ar" else ", ".join(names)


def search_places(text: str, limit: int = 20) -> list[PlaceChoice]:
    """Places matching any spelling variant (Arabic or Latin), best first."""
    return [PlaceChoice(p.code, _place_label(p), _place_value(p)) for p in search_gazetteer(text, limit)]


def resolve_place(text: str) -> PlaceChoice | None:
    place = resolve_in_gazetteer(text)
    return PlaceChoice(place.code, _place_label(place), _place_value(place)) if place else None


def describe_place(value: dict | None) -> str:
    """The label of the most precise code in a stored place value."""
    if not isinstance(value, dict):
        return ""
    for level in ("neighbourhood", "place", "district", "governorate"):
        code = value.get(level)
        if isinstance(code, str) and code:
            place = get_place(code)
            return _place_label(place) if place else code
    return ""
