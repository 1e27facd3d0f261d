"""Property tests: validation and normalisation never fail on arbitrary input."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.errors import FormError
from forms.gazetteer import resolve_place, search_places
from forms.normalize import name_key, normalize_name_arabic, normalize_name_latin
from forms.validation import Problem, validate_case
from tests.forms_support import example, example_names

_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ["", "killing", "kidnapping", "found_dead", "SY-HI", "2025-02-30", "2025", "W-7KQ3-M9XD", "محمد"])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | _text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_text, children, max_size=4),
    max_leaves=25,
)
_KEYS = ["form", "form_version", "title", "date", "location", "victims", "perpetrators", "sources",
         "fate", "act", "found_dead_on", "abducted_on", "name_parts", "start", "end", "precision"]


def _check(body, lang="en"):
    try:
        problems = validate_case(body, lang)
    except FormError:
        return
    assert isinstance(problems, list) and all(isinstance(p, Problem) for p in problems)
    for p in problems:
        assert isinstance(p.path, str) and p.code and p.message


@settings(max_examples=300, deadline=None)
@given(json_values, st.sampled_from(["en", "ar", "fr"]))
def test_validation_never_raises_on_arbitrary_json(value, lang):
    _check(value, lang)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(example_names()), st.lists(st.tuples(st.sampled_from(_KEYS), json_values), max_size=4),
       st.integers(min_value=0, max_value=3))
def test_validation_never_raises_on_mutated_real_cases(name, mutations, depth):
    """Arbitrary values planted inside a realistic case, at the top and inside a victim."""
    body = copy.deepcopy(example(name))
    for key, value in mutations:
        target = body
        if depth and isinstance(body.get("victims"), list) and body["victims"]:
            target = body["victims"][0]
        target[key] = value
    _check(body)
    _check(body, "ar")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_name_and_place_functions_never_raise(text):
    assert isinstance(name_key(text), str)
    assert isinstance(normalize_name_latin(text), str)
    assert isinstance(normalize_name_arabic(text), str)
    place = resolve_place(text)
    assert place is None or place.code
    assert len(search_places(text, limit=5)) <= 5


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_the_save_hook_raises_only_invalid_case(value):
    """Bundle import and `case add` call case_rules.check on untrusted JSON."""
    from app.services.intake.case_rules import InvalidCase, check

    try:
        body = check(copy.deepcopy(value))
    except InvalidCase as exc:
        assert exc.problems
    else:
        assert isinstance(body, dict) and not any(p.is_error for p in validate_case(body))
