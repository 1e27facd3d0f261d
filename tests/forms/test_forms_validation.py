"""Each validation rule: the wrong input and the exact (path, code) it gets; every problem at once."""

from __future__ import annotations

from datetime import date

import pytest

from forms.validation import parse_date, validate_case
from tests.forms_support import example, example_names

TODAY = date(2026, 1, 15)


def _codes(body, lang="en"):
    return [(p.path, p.code) for p in validate_case(body, lang, today=TODAY)]


@pytest.mark.parametrize("name", example_names())
def test_every_realistic_example_is_valid(name):
    assert _codes(example(name)) == []


def _set(path_value):
    """A mutation: (dotted path with [i] indexes, value) applied to a deep copy."""
    def apply(body):
        for path, value in path_value:
            target, keys = body, path.replace("[", ".").replace("]", "").split(".")
            for k in keys[:-1]:
                target = target[int(k)] if k.isdigit() else target.setdefault(k, {})
            last = keys[-1]
            if value is _DELETE:
                del target[int(last) if last.isdigit() else last]
            elif last.isdigit():
                target[int(last)] = value
            else:
                target[last] = value
        return body
    return apply


_DELETE = object()

RULES = [
    # (example, mutations, expected problems)
    ("killing", [("form", "no_such_form")], [("form", "unknown_form")]),
    ("killing", [("form", _DELETE)], [("form", "required")]),
    ("killing", [("form_version", 9)], [("form_version", "unknown_form_version")]),
    ("killing", [("form_version", "1")], [("form_version", "wrong_type")]),
    ("killing", [("title", _DELETE)], [("title", "required")]),
    ("killing", [("title", "")], [("title", "required")]),
    ("killing", [("colour", "red")], [("colour", "unknown_field")]),
    ("killing", [("victims[0].shoe_size", 42)], [("victims[0].shoe_size", "unknown_field")]),
    ("killing", [("victims[1].fate", "vanished")], [("victims[1].fate", "not_in_vocabulary")]),
    ("killing", [("victims[0].act", "kidnaping")], [("victims[0].act", "not_in_vocabulary")]),
    ("killing", [("perpetrators[0].vehicles", ["motorcycle", "tank"])],
     [("perpetrators[0].vehicles[1]", "not_in_vocabulary")]),
    ("killing", [("perpetrators[0].vehicles", ["car", "car"])], [("perpetrators[0].vehicles[1]", "duplicate_choice")]),
    ("killing", [("perpetrators[0].attribution_confidence", "probably")],
     [("perpetrators[0].attribution_confidence", "not_in_vocabulary")]),
    ("killing", [("sources[0].reliability", "G")], [("sources[0].reliability", "not_in_vocabulary")]),
    ("killing", [("sources[0].credibility", "7")], [("sources[0].credibility", "not_in_vocabulary")]),
    ("killing", [("victims[0].act", ["killing", "kidnap"])], [("victims[0].act[1]", "not_in_vocabulary")]),
    ("killing", [("victims[0].age", 300)], [("victims[0].age", "out_of_range")]),
    ("killing", [("victims[0].age", 4.5)], [("victims[0].age", "wrong_type")]),
    ("killing", [("victims[0].age", "45")], [("victims[0].age", "wrong_type")]),
    ("killing", [("victims", {"name_ar": "x"})], [("victims", "wrong_type")]),
    ("killing", [("date.start", "2025-13")], [("date.start", "malformed_date")]),
    ("killing", [("date.start", "2025-02-30")], [("date.start", "malformed_date")]),
    ("killing", [("date.start", "6 March")], [("date.start", "malformed_date")]),
    ("killing", [("date.precision", "week")], [("date.precision", "not_in_vocabulary")]),
    ("killing", [("date.start", _DELETE)], [("date.start", "required")]),
    ("killing", [("date.start", "2025"), ("date.precision", "day")], [("date.start", "date_precision_mismatch")]),
    ("killing-body-found", [("date.end", "2025-03-01")], [("date.end", "date_end_before_start")]),
    ("killing", [("date.start", "2026-02")], [("date.start", "date_in_future")]),
    ("killing", [("victims[0].killed_on", "2027")], [("victims[0].killed_on", "date_in_future")]),
    ("killing-body-found", [("victims[0].found_dead_on", "2025-03-01")],
     [("victims[0].found_dead_on", "found_dead_before_abducted")]),
    ("kidnapping", [("victims[0].released_on", "2025-02-05")],
     [("victims[0].released_on", "released_before_abducted")]),
    ("kidnapping", [("victims[0].birth_date", "2025-06")], [("victims[0].birth_date", "born_after_incident")]),
    # Conditional fields: only when fate is found dead.
    ("killing", [("victims[0].found_dead_on", "2025-01-20")], [("victims[0].found_dead_on", "not_applicable")]),
    ("killing", [("victims[0].body_found_at", {"governorate": "homs"})],
     [("victims[0].body_found_at", "not_applicable")]),
    ("kidnapping", [("victims[0].fate", "missing")], [("victims[0].released_on", "not_applicable"),
                                                      ("victims[0].release_conditions", "not_applicable")]),
    ("kidnapping", [("ransom_demanded", False)], [("ransom_amount", "not_applicable")]),
    ("attack_on_home", [("property_damage", [])], [("property_damage", "required")]),
    ("killing", [("victims[0].name_ar", "محمد 3")], [("victims[0].name_ar", "malformed_name")]),
    ("killing", [("victims[0].name_ar", "Mohammad al-Ahmad")], [("victims[0].name_ar", "malformed_name")]),
    ("killing", [("victims[0].name_latin", "محمد")], [("victims[0].name_latin", "malformed_name")]),
    ("killing", [("victims[0].name_latin", "Moh@mmad")], [("victims[0].name_latin", "malformed_name")]),
    ("kidnapping", [("victims[0].name_parts.father", "حسنHasan")],
     [("victims[0].name_parts.father", "malformed_name")]),
    ("kidnapping", [("victims[0].name_parts.given", "  ")], [("victims[0].name_parts.given", "malformed_name")]),
    ("kidnapping", [("victims[0].name_parts.nickname", "Abu Ali")],
     [("victims[0].name_parts.nickname", "unknown_field")]),
    ("kidnapping", [("victims[0].name_parts.family", 7)], [("victims[0].name_parts.family", "wrong_type")]),
    ("killing", [("location.governorate", "SY-XX")], [("location.governorate", "unknown_place")]),
    ("killing", [("location.governorate", "Homs")], [("location.governorate", "unknown_place")]),
    ("killing", [("location.district", "homs.homs.city")], [("location.district", "unknown_place")]),
    ("killing", [("location.governorate", "latakia")], [("location.district", "place_mismatch")]),
    ("killing", [("location.coordinates", {"lat": 134.7, "lon": 36.7})],
     [("location.coordinates.lat", "out_of_range")]),
    ("killing", [("location.floor", 2)], [("location.floor", "unknown_field")]),
    ("killing", [("sources[0].witness", "Umm Ahmad")], [("sources[0].witness", "malformed_witness_ref")]),
    ("killing", [("sources[0].attachment", "../../etc/passwd")],
     [("sources[0].attachment", "malformed_attachment_ref")]),
    ("killing", [("title", "x" * 301)], [("title", "too_long")]),
]


@pytest.mark.parametrize(("name", "mutations", "expected"), RULES, ids=[f"{e[0][1]}:{e[0][0]}" for *_, e in RULES])
def test_rule(name, mutations, expected):
    assert _codes(_set(mutations)(example(name))) == expected


def test_every_problem_is_reported_at_once_in_the_users_language():
    body = _set([("title", _DELETE), ("victims[0].fate", "vanished"), ("date.end", "2024-12"),
                 ("sources[1].reliability", "Z")])(example("killing"))
    problems = validate_case(body, "ar", today=TODAY)
    assert {(p.path, p.code) for p in problems} == {
        ("title", "required"), ("victims[0].fate", "not_in_vocabulary"),
        ("date.end", "date_end_before_start"), ("sources[1].reliability", "not_in_vocabulary")}
    required = next(p for p in problems if p.code == "required")
    assert required.message == "العنوان: حقل مطلوب"
    en = {p.path: p.message for p in validate_case(body, "en", today=TODAY)}
    assert en["victims[0].fate"] == "Fate: not one of the allowed choices"


def test_messages_never_repeat_the_value():
    body = _set([("victims[0].name_latin", "Secretname 99"), ("victims[0].fate", "Secretfate")])(example("killing"))
    for lang in ("en", "ar"):
        for p in validate_case(body, lang, today=TODAY):
            assert "Secret" not in p.message and "Secret" not in str(p)


def test_not_an_object():
    assert [(p.path, p.code) for p in validate_case([1, 2])] == [("", "not_an_object")]


@pytest.mark.parametrize(("text", "first", "last", "precision"), [
    ("2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
    ("2025-12", date(2025, 12, 1), date(2025, 12, 31), "month"),
    ("2025-03-06", date(2025, 3, 6), date(2025, 3, 6), "day"),
])
def test_partial_dates_mean_a_span(text, first, last, precision):
    assert parse_date(text) == (first, last, precision)


def test_partial_dates_are_only_out_of_order_when_certainly_so():
    # Abducted "in March", found dead on 2 March: possible, so no problem.
    body = _set([("victims[0].abducted_on", "2025-03"), ("victims[0].found_dead_on", "2025-03-02")])(
        example("killing-body-found"))
    assert _codes(body) == []


def test_direction_marks_in_names_are_not_malformed():
    body = example("killing")
    body["victims"][0]["name_latin"] = "Sa\u202eeed\u202c Kha\u2066lil\u2069"
    body["victims"][0]["name_ar"] = "سعيد\u200fخليل"
    assert _codes(body) == []
