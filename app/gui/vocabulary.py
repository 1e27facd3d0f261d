"""Labels for codes (case types, governorates, vocabulary terms) in the interface language.

The form definitions, vocabularies and gazetteer are data owned by forms/; this module only picks
the label for the current language. A code forms/ does not know (a vault filled with an older or
another organisation's data) is shown as the code itself, so the list and filters still work.
"""

from __future__ import annotations

from functools import lru_cache

from app.gui.i18n import current_language
from forms import definitions, gazetteer


def lang() -> str:
    return current_language()


def pick(labels: dict | None, fallback: str = "") -> str:
    """The label in the interface language, else English, else any."""
    if not labels:
        return fallback
    return labels.get(lang()) or labels.get("en") or next(iter(labels.values()), fallback)


@lru_cache(maxsize=1)
def _forms() -> dict[str, dict]:
    # The newest version of each form names it.
    return {form.id: {"labels": dict(form.labels)} for form in definitions.list_forms()}


def form_choices() -> list[tuple[str, str]]:
    return [(code, pick(spec["labels"], code)) for code, spec in _forms().items()]


def form_label(code: str | None) -> str:
    if not code:
        return ""
    spec = _forms().get(code)
    return pick(spec["labels"], code) if spec else code


def _governorates() -> dict[str, dict[str, str]]:
    return {p.code: dict(p.names) for p in gazetteer.gazetteer().children(None) if p.level == "governorate"}


def governorate_choices() -> list[tuple[str, str]]:
    items = [(code, pick(names, code)) for code, names in _governorates().items()]
    return sorted(items, key=lambda item: item[1])


def governorate_label(code: str | None) -> str:
    if not code:
        return ""
    names = _governorates().get(code)
    return pick(names, code) if names else code
