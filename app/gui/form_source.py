"""What the editor needs from forms/: definitions, vocabulary terms, places, validation.

The editor renders the raw definition data (the JSON of resources/forms/*.json, documented in
docs/case-model.md). forms/ owns all of it; this adapter only shapes it for widgets. A small
built-in kidnapping form and vocabulary are used when forms.definitions is not importable, so
the window still works on a checkout without the case model.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from app.gui.vocabulary import lang


@dataclass
class PlaceChoice:
    code: str
    label: str
    value: dict  # what goes into the case: {"governorate", "district", "place", ...}


# ---- definitions ------------------------------------------------------------------------------
def load_definition(form_id: str, version: int | None = None) -> dict:
    try:
        from forms.definitions import load_form
    except ImportError:
        return copy.deepcopy(_FALLBACK_FORM)
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
def terms(vocabulary: str) -> list[tuple[str, str]]:
    """(code, label in the interface language) for a vocabulary, in its own order."""
    try:
        from forms.vocabularies import vocabulary as load
    except ImportError:
        return [(code, labels.get(lang()) or labels["en"]) for code, labels in
                _FALLBACK_VOCABULARIES.get(vocabulary, {}).items()]
    return [(t.code, t.label(lang())) for t in load(vocabulary)]


# ---- places -----------------------------------------------------------------------------------
def _place_value(place: Any) -> dict:
    from forms.gazetteer import gazetteer

    value = {place.level: place.code}
    for code in gazetteer().ancestors(place.code):
        parent = gazetteer().get(code)
        if parent is not None and parent.level in ("governorate", "district", "place", "neighbourhood"):
            value.setdefault(parent.level, parent.code)
    return {k: v for k, v in value.items() if k in ("governorate", "district", "place", "neighbourhood")}


def _place_label(place: Any) -> str:
    from forms.gazetteer import gazetteer

    names = [place.name(lang())]
    for code in gazetteer().ancestors(place.code):
        parent = gazetteer().get(code)
        if parent is not None:
            names.append(parent.name(lang()))
    return "، ".join(names) if lang() == "ar" else ", ".join(names)


def search_places(text: str, limit: int = 20) -> list[PlaceChoice]:
    """Places matching any spelling variant (Arabic or Latin), best first."""
    try:
        from forms.gazetteer import search_places as search
    except ImportError:
        from app.gui.vocabulary import governorate_choices

        folded = text.strip().casefold()
        return [PlaceChoice(code, label, {"governorate": code}) for code, label in governorate_choices()
                if folded and folded in label.casefold()][:limit]
    return [PlaceChoice(p.code, _place_label(p), _place_value(p)) for p in search(text, limit)]


def resolve_place(text: str) -> PlaceChoice | None:
    try:
        from forms.gazetteer import resolve_place as resolve
    except ImportError:
        found = search_places(text, 1)
        return found[0] if found else None
    place = resolve(text)
    return PlaceChoice(place.code, _place_label(place), _place_value(place)) if place else None


def describe_place(value: dict | None) -> str:
    """The label of the most precise code in a stored place value."""
    if not isinstance(value, dict):
        return ""
    for level in ("neighbourhood", "place", "district", "governorate"):
        code = value.get(level)
        if isinstance(code, str) and code:
            try:
                from forms.gazetteer import get_place
            except ImportError:
                from app.gui.vocabulary import governorate_label

                return governorate_label(code)
            place = get_place(code)
            return _place_label(place) if place else code
    return ""


# ---- validation -------------------------------------------------------------------------------
def validate(body: dict) -> list[tuple[str, str, bool]]:
    """(path, message in the interface language, is_error) for every problem of a body."""
    try:
        from forms.validation import validate_case
    except ImportError:
        return [("title", "Title: required", True)] if not body.get("title") else []
    return [(p.path, p.message, p.is_error) for p in validate_case(body, lang())]


# ---- fallbacks (only without forms/) -------------------------------------------------------------
def _f(fid: str, ftype: str, en: str, ar: str, **extra: Any) -> dict:
    return {"id": fid, "type": ftype, "labels": {"en": en, "ar": ar}, **extra}


_FALLBACK_FORM = {
    "format": 1, "id": "kidnapping", "version": 1,
    "labels": {"en": "Kidnapping / abduction", "ar": "خطف / اختطاف"},
    "sections": [
        {"id": "incident", "labels": {"en": "Incident", "ar": "الحادثة"}, "fields": [
            _f("title", "text", "Title", "العنوان", required=True),
            _f("narrative", "long_text", "Narrative", "السرد"),
            _f("date", "date_range", "Date of the incident", "تاريخ الحادثة"),
            _f("location", "place", "Place of the incident", "مكان الحادثة"),
        ]},
        {"id": "victims", "labels": {"en": "Victims", "ar": "الضحايا"}, "fields": [
            _f("victims", "group", "Victims", "الضحايا", repeat=True, children=[
                _f("name_ar", "person_name", "Name (Arabic)", "الاسم (بالعربية)", script="arabic"),
                _f("name_latin", "person_name", "Name (Latin letters)", "الاسم (بأحرف لاتينية)", script="latin"),
                _f("sex", "choice", "Sex", "الجنس", vocabulary="sex"),
                _f("age", "number", "Age", "العمر", integer=True, min=0, max=120),
                _f("act", "multi_choice", "Act", "الانتهاك", vocabulary="act_types", default=["abduction"]),
                _f("fate", "choice", "Fate", "المصير", vocabulary="fates", default="missing"),
                _f("released_on", "date", "Released on", "تاريخ الإفراج",
                   condition={"field": "fate", "in": ["released"]}),
            ]),
        ]},
        {"id": "perpetrators", "labels": {"en": "Perpetrators", "ar": "الجناة"}, "fields": [
            _f("perpetrators", "group", "Perpetrators", "الجناة", repeat=True, children=[
                _f("description", "long_text", "Description", "الوصف"),
            ]),
        ]},
        {"id": "sources", "labels": {"en": "Sources", "ar": "المصادر"}, "fields": [
            _f("sources", "group", "Sources", "المصادر", repeat=True, children=[
                _f("type", "choice", "Type of source", "نوع المصدر", vocabulary="source_types"),
                _f("statement", "long_text", "What the source says", "ما يقوله المصدر"),
            ]),
        ]},
    ],
}
_FALLBACK_VOCABULARIES: dict[str, dict[str, dict[str, str]]] = {
    "sex": {"male": {"en": "Male", "ar": "ذكر"}, "female": {"en": "Female", "ar": "أنثى"},
            "unknown": {"en": "Unknown", "ar": "غير معروف"}},
    "act_types": {"abduction": {"en": "Abduction / kidnapping", "ar": "خطف / اختطاف"},
                  "killing": {"en": "Killing", "ar": "قتل"},
                  "enforced_disappearance": {"en": "Enforced disappearance", "ar": "إخفاء قسري"}},
    "fates": {"killed": {"en": "Killed", "ar": "قُتل"}, "found_dead": {"en": "Found dead", "ar": "عُثر عليه متوفى"},
              "missing": {"en": "Missing / fate unknown", "ar": "مفقود / مصير مجهول"},
              "released": {"en": "Released", "ar": "أُفرج عنه"}},
    "date_precision": {"day": {"en": "Exact day", "ar": "اليوم بالتحديد"}, "month": {"en": "Month", "ar": "الشهر"},
                       "year": {"en": "Year", "ar": "السنة"}, "approximate": {"en": "Approximate", "ar": "تقريبي"},
                       "unknown": {"en": "Unknown", "ar": "غير معروف"}},
    "source_types": {"victim": {"en": "Victim (direct testimony)", "ar": "الضحية (شهادة مباشرة)"},
                     "eyewitness": {"en": "Eyewitness", "ar": "شاهد عيان"},
                     "relative": {"en": "Relative of the victim", "ar": "قريب الضحية"}},
}
