"""Form definitions load, carry both languages, and keep older versions readable."""

from __future__ import annotations

import json

import pytest

from forms import vocabularies
from forms.definitions import FIELD_TYPES, form_versions, list_forms, load_form, parse_definition
from forms.errors import BadDefinition, FormError, UnknownForm
from forms.validation import validate_case
from tests.forms_support import example

CASE_TYPES = {"kidnapping", "killing", "disappearance", "attempted_abduction", "attack_on_home"}


def _walk(fields):
    for f in fields:
        yield f
        yield from _walk(f.children)


def test_the_five_case_types_are_shipped_with_arabic_and_english_labels():
    forms = {f.id: f for f in list_forms()}
    assert CASE_TYPES <= set(forms)
    for form in forms.values():
        assert form.label("en") and form.label("ar") and form.label("en") != form.label("ar")
        for section in form.sections:
            assert section.label("ar") != section.id
        for field in _walk(form.fields):
            assert field.type in FIELD_TYPES
            assert field.labels.get("en") and field.labels.get("ar"), field.id


def test_the_case_keys_of_the_design_are_fields_of_every_form():
    for form in list_forms():
        ids = {f.id for f in form.fields}
        assert {"title", "narrative", "date", "location", "victims", "perpetrators", "sources"} <= ids
        victim = form.field("victims")
        assert victim.repeat and {"name_ar", "name_latin", "name_parts", "sex", "age", "act", "fate",
                                  "abducted_on", "found_dead_on", "body_found_at",
                                  "religion_or_sect"} <= {c.id for c in victim.children}
        assert victim.child("religion_or_sect").sensitive and not victim.child("religion_or_sect").required
        assert victim.child("found_dead_on").condition.values == ("found_dead",)
        source = form.field("sources")
        assert {"type", "witness", "attachment", "date", "reliability", "credibility",
                "verification"} <= {c.id for c in source.children}


def test_every_vocabulary_a_form_names_exists_with_both_languages():
    for form in list_forms():
        for field in _walk(form.fields):
            if field.vocabulary:
                terms = vocabularies.vocabulary(field.vocabulary)
                assert terms and all(t.labels.get("en") and t.labels.get("ar") for t in terms)


def test_unknown_form_and_version_raise_unknown_form():
    with pytest.raises(UnknownForm):
        load_form("no_such_form")
    with pytest.raises(UnknownForm):
        load_form("kidnapping", 99)
    assert issubclass(UnknownForm, FormError)


def test_kidnapping_has_two_versions_and_the_newest_is_the_default():
    assert form_versions("kidnapping") == [1, 2]
    assert load_form("kidnapping").version == 2
    assert load_form("kidnapping", 1).field("ransom_demanded") is None
    assert load_form("kidnapping", 2).field("ransom_demanded") is not None


def test_a_case_written_under_version_1_still_validates_when_version_2_exists():
    body = example("kidnapping")
    body["form_version"] = 1
    # Version 1 has no ransom fields and no release conditions.
    for key in ("ransom_demanded", "ransom_amount"):
        body.pop(key)
    body["victims"][0].pop("release_conditions")
    assert validate_case(body) == []
    # ... and those version-2 fields are not part of version 1.
    body["ransom_demanded"] = True
    assert [(p.path, p.code) for p in validate_case(body)] == [("ransom_demanded", "unknown_field")]


def test_versions_in_a_form_folder_of_ones_own(tmp_path):
    base = json.loads(json.dumps(load_form("killing").data))
    (tmp_path / "killing.v1.json").write_text(json.dumps(base), encoding="utf-8")
    newer = dict(base, version=2)
    newer["sections"] = json.loads(json.dumps(base["sections"]))
    newer["sections"][0]["fields"].append({"id": "weather", "type": "text", "labels": {"en": "Weather", "ar": "الطقس"}})
    (tmp_path / "killing.v2.json").write_text(json.dumps(newer), encoding="utf-8")
    old_case = example("killing")
    assert validate_case(old_case, forms_dir=tmp_path) == []
    assert validate_case(dict(old_case, form_version=2, weather="rain"), forms_dir=tmp_path) == []
    assert validate_case(dict(old_case, weather="rain"), forms_dir=tmp_path)[0].code == "unknown_field"


@pytest.mark.parametrize(
    "broken",
    [
        [],
        {"id": "x", "version": 1},
        {"id": "X!", "version": 1, "sections": [{"id": "s", "fields": []}]},
        {"id": "x", "version": 0, "sections": [{"id": "s", "fields": []}]},
        {"id": "x", "version": 1, "sections": [{"id": "s", "fields": [{"id": "a", "type": "colour"}]}]},
        {"id": "x", "version": 1, "sections": [{"id": "s", "fields": [
            {"id": "a", "type": "choice", "vocabulary": "no_such_vocabulary"}]}]},
        {"id": "x", "version": 1, "sections": [{"id": "s", "fields": [{"id": "g", "type": "group"}]}]},
        {"id": "x", "version": 1, "sections": [{"id": "s", "fields": [{"id": "a", "type": "text"},
                                                                       {"id": "a", "type": "text"}]}]},
        {"id": "x", "version": 1, "sections": [{"id": "s", "fields": [{"id": "form", "type": "text"}]}]},
    ],
)
def test_malformed_definitions_are_refused(broken):
    with pytest.raises(BadDefinition):
        parse_definition(broken)


def test_a_file_whose_name_disagrees_with_its_content_is_refused(tmp_path):
    (tmp_path / "killing.v3.json").write_text(json.dumps(load_form("killing").data), encoding="utf-8")
    with pytest.raises(BadDefinition):
        load_form("killing", directory=tmp_path)


def test_a_field_required_only_when_its_condition_holds(tmp_path):
    data = json.loads(json.dumps(load_form("killing").data))
    victims = next(f for s in data["sections"] for f in s["fields"] if f["id"] == "victims")
    next(c for c in victims["children"] if c["id"] == "body_found_at")["required"] = True
    (tmp_path / "killing.v1.json").write_text(json.dumps(data), encoding="utf-8")
    body = example("killing-body-found")
    assert validate_case(body, forms_dir=tmp_path) == []
    del body["victims"][0]["body_found_at"]
    assert [(p.path, p.code) for p in validate_case(body, forms_dir=tmp_path)] == [
        ("victims[0].body_found_at", "required")]
    body["victims"][0]["fate"] = "killed"  # no longer applies, so no longer required
    body["victims"][0].pop("found_dead_on")
    assert validate_case(body, forms_dir=tmp_path) == []


def test_blank_case_and_group_entries_carry_the_defaults_the_gui_prefills():
    from forms.schema import blank_case, blank_item

    form = load_form("killing")
    assert blank_case(form) == {"form": "killing", "form_version": 1}
    assert blank_item(form.field("victims")) == {"act": "killing", "fate": "killed"}
    assert blank_item(form.field("sources")) == {"verification": "unverified"}
    body = dict(blank_case(form), title="t", victims=[blank_item(form.field("victims"))])
    assert validate_case(body) == []


def test_the_json_schema_lists_vocabularies_and_requirements():
    from forms.schema import json_schema

    schema = json_schema(load_form("attack_on_home"))
    assert schema["required"] == ["form", "title", "property_damage"]
    victim = schema["properties"]["victims"]["items"]
    assert "killed" in victim["properties"]["fate"]["enum"]
    assert victim["properties"]["found_dead_on"]["x-condition"] == {"field": "fate", "in": ["found_dead"]}
    assert victim["properties"]["religion_or_sect"]["x-sensitive"] is True
    assert schema["properties"]["date"]["properties"]["precision"]["enum"] == [
        "day", "month", "year", "approximate", "unknown"]
    act = victim["properties"]["act"]["anyOf"]
    assert "torture" in act[0]["enum"] and act[1]["type"] == "array"
