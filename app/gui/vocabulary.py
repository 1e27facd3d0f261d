"""Labels for codes (case types, governorates, vocabulary terms) in the interface language.

The form definitions, vocabularies and gazetteer are data owned by forms/; this module only picks
the label for the current language and falls back to a small built-in list while forms/ does not
provide one (so the list and filters still work on a vault with unknown codes).
"""

from __future__ import annotations

from functools import lru_cache

from app.gui.i18n import current_language

# Used only when forms.definitions is not available.
_FALLBACK_FORMS = {
    "kidnapping": {"en": "Kidnapping / abduction", "ar": "خطف / اختطاف"},
    "killing": {"en": "Killing", "ar": "قتل"},
    "disappearance": {"en": "Enforced disappearance", "ar": "إخفاء قسري"},
    "attempted_abduction": {"en": "Attempted abduction", "ar": "محاولة خطف"},
    "attack_on_home": {"en": "Attack on a home", "ar": "اعتداء على منزل"},
}
_FALLBACK_GOVERNORATES = {
    "SY-DI": ("Damascus", "دمشق"), "SY-RD": ("Rural Damascus", "ريف دمشق"), "SY-HL": ("Aleppo", "حلب"),
    "SY-HI": ("Homs", "حمص"), "SY-HM": ("Hama", "حماة"), "SY-LA": ("Latakia", "اللاذقية"),
    "SY-TA": ("Tartus", "طرطوس"), "SY-ID": ("Idlib", "إدلب"), "SY-HA": ("Al-Hasakah", "الحسكة"),
    "SY-DY": ("Deir ez-Zor", "دير الزور"), "SY-RA": ("Raqqa", "الرقة"), "SY-DR": ("Daraa", "درعا"),
    "SY-SU": ("As-Suwayda", "السويداء"), "SY-QU": ("Quneitra", "القنيطرة"),
}


def lang() -> str:
    return current_language()


def pick(labels: dict | None, fallback: str = "") -> str:
    """The label in the interface language, else English, else any."""
    if not labels:
        return fallback
    return labels.get(lang()) or labels.get("en") or next(iter(labels.values()), fallback)


@lru_cache(maxsize=1)
def _forms() -> dict[str, dict]:
    try:
        from forms import definitions
    except ImportError:
        return {code: {"labels": labels} for code, labels in _FALLBACK_FORMS.items()}
    found = {}
    for item in definitions.list_forms():
        code = item if isinstance(item, str) else (item.get("id") if isinstance(item, dict) else item.id)
        definition = definitions.load_form(code)
        labels = definition.get("labels") if isinstance(definition, dict) else getattr(definition, "labels", {})
        found[code] = {"labels": dict(labels or {})}
    return found


def form_choices() -> list[tuple[str, str]]:
    return [(code, pick(spec["labels"], code)) for code, spec in _forms().items()]


def form_label(code: str | None) -> str:
    if not code:
        return ""
    spec = _forms().get(code)
    return pick(spec["labels"], code) if spec else code


def _governorates() -> dict[str, dict[str, str]]:
    try:
        from forms import gazetteer

        places = [p for p in gazetteer.gazetteer().children(None) if p.level == "governorate"]
        if places:
            return {p.code: dict(p.names) for p in places}
    except (ImportError, AttributeError):
        pass
    return {code: {"en": en, "ar": ar} for code, (en, ar) in _FALLBACK_GOVERNORATES.items()}


def governorate_choices() -> list[tuple[str, str]]:
    items = [(code, pick(names, code)) for code, names in _governorates().items()]
    return sorted(items, key=lambda item: item[1])


def governorate_label(code: str | None) -> str:
    if not code:
        return ""
    names = _governorates().get(code)
    return pick(names, code) if names else code
