"""Comparing two opened witness identities, in memory, across Arabic and Latin script.

Used only by the custodian (app/services/custody/custodian.py): the identities it compares exist only in
this process's memory and are never written anywhere.

Same-script names are compared on their normalised forms (forms.normalize), where vowels still
tell حسن from حسين and Hassan from Hussein. Across scripts the common ground is forms'
`name_key`, a consonant skeleton (محمد أحمد الخليل and Mohammed Ahmad al-Khalil both become
`mhmd 'hmd xl…`), coarser than either script. So a cross-script name match alone never makes a
link; it needs the same phone number too (see `decide`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from forms import normalize

_ARABIC_RE = re.compile("[\u0600-\u06ff]")


def normalised_name(text: str) -> str:
    """Same-script comparison form (forms.normalize): Arabic folded, article dropped; Latin case,
    accents, article and common transliteration variants folded (Mohammed → muhammad)."""
    if _ARABIC_RE.search(text):
        return normalize.normalize_name_arabic(text)
    return normalize.normalize_name_latin(text)


def name_skeleton(text: str) -> str:
    """Script-independent key of a full name: forms.normalize.name_key, the one victim linkage
    uses (consonant skeleton, long vowels kept as w/y, common names by table)."""
    return normalize.name_key(text)


def phone_key(text: str) -> str | None:
    """The last nine digits (a Syrian mobile without 0/963), Arabic-Indic digits folded."""
    digits = re.sub(r"\D", "", normalize.normalize_arabic(text or ""))
    return digits[-9:] if len(digits) >= 7 else None


@dataclass(frozen=True)
class Features:
    """What the comparison needs from one opened identity; lives only in memory."""

    names: tuple[str, ...]  # normalised, same-script comparable
    skeletons: tuple[str, ...]
    phone: str | None

    @classmethod
    def of(cls, identity: dict) -> Features:
        raw = [identity.get("name_ar") or "", identity.get("name_latin") or ""]
        names = tuple(n for n in (normalised_name(r) for r in raw if r.strip()) if n)
        skeletons = tuple(s for s in (name_skeleton(r) for r in raw if r.strip()) if s)
        return cls(names, skeletons, phone_key(identity.get("phone") or ""))


def _same_script(a: str, b: str) -> bool:
    return bool(_ARABIC_RE.search(a)) == bool(_ARABIC_RE.search(b))


def name_score(a: Features, b: Features) -> float:
    """Jaro-Winkler similarity (0..1) of the names: same script where both have one, else the
    skeletons (coarser, so only where there is no other way)."""
    same, skeleton = name_scores(a, b)
    return same if same > 0 else skeleton


def name_scores(a: Features, b: Features) -> tuple[float, float]:
    """(best same-script score, best skeleton score), Jaro-Winkler similarity in 0..1."""
    same = max((JaroWinkler.similarity(x, y) for x in a.names for y in b.names if _same_script(x, y)),
               default=0.0)
    # Spaces out: عبد الله / Abdullah are one word in one spelling and two in the other.
    skeleton = max((JaroWinkler.similarity(x.replace(" ", ""), y.replace(" ", ""))
                    for x in a.skeletons for y in b.skeletons), default=0.0)
    return same, skeleton


# Thresholds, chosen on the cases in tests/coordinator/test_custodian_match.py; see docs/witnesses.md.
NAME_WITH_PHONE = 0.92


def decide(a: Features, b: Features) -> tuple[str, float] | None:
    """(basis, score) when the two identities are the same person, else None.

    - same phone and a name that agrees (either script): 'name+phone';
    - different phones: never (a new number is possible, a false link is worse);
    - no phone to compare: only the same normalised same-script name of three or more parts: 'name'.
    Relatives often share one phone, so a phone alone never links.
    """
    if a.phone and b.phone:
        if a.phone != b.phone:
            return None
        best = name_score(a, b)
        return ("name+phone", round(best, 4)) if best >= NAME_WITH_PHONE else None
    # Without phones, only the same full name (same script, after normalisation) links: Jaro-Winkler
    # rates محمد/محمود in an otherwise equal name above 0.98, so no similarity threshold is safe.
    for x in a.names:
        for y in b.names:
            if x == y and len(x.split()) >= 3:
                return "name", 1.0
    return None
