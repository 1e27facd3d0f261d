"""Labels for codes (case types, governorates, vocabulary terms) in the interface language.

The form definitions, vocabularies and gazetteer are data owned by forms/; this module only picks
the label for the current language. A code forms/ does not know (a vault filled with an older or
another organisation's data) is shown as the code itself, so the list and filters still work.
"""

from __future__ import annotations

from functools import lru_cache

from app.gui.i18n import current_language, fmt_int, tr, tr_args
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


# ---- what a coordinator reads instead of stored codes (issue 15) -----------------------------------
def term_label(vocabulary: str, code: object) -> str:
    """A vocabulary term (or a list of them) as labels; a code no vocabulary knows stays as stored,
    marked so, since it came from another organisation's data."""
    from forms import vocabularies

    if code is None or code == "":
        return ""
    if isinstance(code, (list, tuple)):
        return ", ".join(term_label(vocabulary, c) for c in code if c not in (None, ""))
    text = str(code)
    if text == "unknown":  # analysis's word for "not recorded", whatever the vocabulary
        found = vocabularies.term(vocabulary, text)
        return found.label(lang()) if found else tr("Unknown")
    found = vocabularies.term(vocabulary, text)
    return found.label(lang()) if found else text


def place_label(value: object, level: str | None = None) -> str:
    """A place code (`homs.homs.city`) or a place name in any spelling, as the gazetteer names it in
    the interface language; text the gazetteer does not know is shown as written."""
    if not isinstance(value, str) or not value.strip():
        return ""
    place = gazetteer.get_place(value) or gazetteer.resolve_place(value, level=level)
    return place.name(lang()) if place is not None else value


def place_path(location: object) -> str:
    """A location ({governorate, district, place, neighbourhood, text}) as one line of names,
    widest first (Homs › Homs › Wadi al-Dhahab), its free text after."""
    if not isinstance(location, dict):
        return place_label(location)
    names: list[str] = []
    for key in ("governorate", "district", "place", "city", "neighbourhood"):
        name = place_label(location.get(key), "governorate" if key == "governorate" else None)
        if name and name not in names:
            names.append(name)
    text = location.get("text")
    line = " › ".join(names)
    if isinstance(text, str) and text.strip():
        line = f"{line} ({text.strip()})" if line else text.strip()
    return line


def documenter_label(key_id: str | None, names: dict[str, str]) -> str:
    """A documenter as people know them: the name in their trusted identity. Cases typed in on
    this vault are "this vault"; a documenter whose identity carried no name is numbered, never
    shown by key id (the Documenters view pairs keys and fingerprints for whoever needs them)."""
    if not key_id or key_id == "local":
        return tr("Recorded in this vault")
    name = names.get(key_id, "")
    if name:
        return name
    unnamed = sorted(k for k, n in names.items() if not n)
    number = unnamed.index(key_id) + 1 if key_id in unnamed else len(unnamed) + 1
    return tr_args(tr("Unnamed documenter %1"), fmt_int(number))


def incident_date_label(date: object) -> str:
    """An incident date ({start, end, precision}) as people write it: "6 March 2024",
    "about March 2024", "6 – 8 March 2024"; an unknown date says so."""
    from app.gui.i18n import fmt_date

    if not isinstance(date, dict):
        return fmt_date(date) if isinstance(date, str) else ""
    start, end = date.get("start"), date.get("end")
    precision = date.get("precision")
    if precision == "unknown" or not isinstance(start, str) or not start:
        return tr("Date unknown") if precision == "unknown" else ""
    if precision == "year":
        start = start[:4]
    elif precision == "month":
        start = start[:7]
    text = fmt_date(start)
    if isinstance(end, str) and end and end != date.get("start"):
        text = tr_args(tr("%1 to %2"), text, fmt_date(end))
    if precision == "approximate":
        text = tr_args(tr("about %1"), text)
    return text
