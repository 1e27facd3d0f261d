"""Codes in a case that are well formed but unknown here: another vault's vocabulary terms or places.

A documenter's case can carry a term or a place the organisation added (CSV or profile) that the
reading vault does not have yet, typically a coordinator receiving a bundle. Such a value is not
a mistake of the documenter: it must be kept as written, shown as unknown, and becomes an
ordinary value once the reading vault imports the term or place. `unknown_codes` names them;
`excused_by` tells which validation problems they explain, so everything else still counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from forms import vocabularies
from forms.definitions import Field, load_form
from forms.errors import UnknownForm
from forms.gazetteer import gazetteer
from forms.validation import PLACE_KEYS, Problem

PLACES = "places"  # the `vocabulary` of an unknown place code
MAX_REPORTED = 500


@dataclass(frozen=True)
class UnknownCode:
    path: str  # as in validation problems: "sources[0].type", "victims[0].act[1]", "location.place"
    vocabulary: str  # a vocabulary name, or PLACES
    code: str


def unknown_codes(body: Any) -> list[UnknownCode]:
    """Every code-shaped value of a choice or place field that this vault's vocabularies or
    gazetteer (shipped and organisation) do not know. Never raises; bounded."""
    if not isinstance(body, dict) or not isinstance(body.get("form"), str):
        return []
    version = body.get("form_version")
    try:
        definition = load_form(body["form"], version if isinstance(version, int) else None)
    except UnknownForm:
        return []
    found: list[UnknownCode] = []
    _walk(body, definition.fields, "", found)
    return found[:MAX_REPORTED]


def _walk(obj: dict, fields: Iterable[Field], prefix: str, found: list[UnknownCode]) -> None:
    for f in fields:
        if len(found) >= MAX_REPORTED:
            return
        value, path = obj.get(f.id), f"{prefix}{f.id}"
        if f.type in ("choice", "multi_choice") and f.vocabulary:
            known = vocabularies.codes(f.vocabulary)
            items = list(enumerate(value[:1000])) if isinstance(value, list) else None
            if items is None:
                if isinstance(value, str) and vocabularies.is_code(value) and value not in known:
                    found.append(UnknownCode(path, f.vocabulary, value))
            else:
                found += [UnknownCode(f"{path}[{i}]", f.vocabulary, v) for i, v in items
                          if vocabularies.is_code(v) and v not in known]
        elif f.type == "place" and isinstance(value, dict):
            for key in PLACE_KEYS:
                code = value.get(key)
                if isinstance(code, str) and vocabularies.is_code(code) and gazetteer().get(code) is None:
                    found.append(UnknownCode(f"{path}.{key}", PLACES, code))
        elif f.type == "group" and isinstance(value, dict) and not f.repeat:
            _walk(value, f.children, f"{path}.", found)
        elif f.type == "group" and isinstance(value, list):
            for i, item in enumerate(value[:1000]):
                if isinstance(item, dict):
                    _walk(item, f.children, f"{path}[{i}].", found)


def excused_by(unknown: list[UnknownCode]) -> Callable[[Problem], bool]:
    """A test of each validation problem: True if it is only that one of the `unknown` codes is
    unknown (or, for a place, that a place below an unknown one cannot be checked against it).

    The paths are gathered once: a case can hold hundreds of unknown codes, each with its problem.
    """
    paths = {u.path for u in unknown}
    place_parents = {u.path.rsplit(".", 1)[0] for u in unknown if u.vocabulary == PLACES}

    def excused(problem: Problem) -> bool:
        if problem.code in ("not_in_vocabulary", "unknown_term", "unknown_place"):
            return problem.path in paths
        if problem.code == "place_mismatch":
            return problem.path.rsplit(".", 1)[0] in place_parents
        return False

    return excused
