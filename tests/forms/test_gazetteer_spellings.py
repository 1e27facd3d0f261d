"""Latin spellings of places resolve by rule (issue 17 item 8), without typed lists of variants.

Vowels written doubled or as digraphs (Idleeb, Tartous, Dair), the ta marbuta as -ah/-a/-eh
(Hamah, Hameh), doubled consonants, q/k, and the article as Al-/El-/al-/ez- or run into the name
(Ezzor, Arrastan) all reach the gazetteer's entry; codes stay codes.
"""

from __future__ import annotations

import pytest

from forms import gazetteer


# Spellings the gazetteer did not resolve before the spelling fold (benchmarks/linkage_quality.py
# --only places lists such misses), and a few it did.
@pytest.mark.parametrize("typed, level, code", [
    ("Idleib", "governorate", "idlib"), ("El Souwaydeh", "governorate", "suwayda"),
    ("Qouneitrah", "governorate", "quneitra"), ("Deir Al Zor", "governorate", "deir_ez_zor"),
    ("Rural Damascous", "governorate", "rif_dimashq"), ("Manbeaj", "district", "aleppo.manbij"),
    ("Dayr Hafeir", "district", "aleppo.dayr_hafir"), ("Qoudsaya", "district", "rif_dimashq.qudsaya"),
    ("Al-Qousayr", "district", "homs.qusayr"), ("Arrastan", "district", "homs.rastan"),
    ("Hameh", "governorate", "hama"), ("Dair al-Zour", "governorate", "deir_ez_zor"),
])
def test_a_latin_spelling_resolves_to_its_place(typed, level, code):
    place = gazetteer.resolve_place(typed, level=level)
    assert place is not None and place.code == code


def test_codes_are_not_spellings_and_no_two_places_of_one_level_share_a_fold():
    assert gazetteer.resolve_place("SY-DI").code == "damascus"
    assert gazetteer.resolve_place("SY-DY").code == "deir_ez_zor"
    g = gazetteer.gazetteer()
    by_fold: dict[tuple[str, str], set[str]] = {}
    for place in g.places.values():
        for name in place.all_names():
            fold = gazetteer.spelling_fold(name)
            if fold:
                by_fold.setdefault((fold, place.level), set()).add(place.code)
    shared = {k: v for k, v in by_fold.items() if len(v) > 1}
    assert shared == {}, shared
