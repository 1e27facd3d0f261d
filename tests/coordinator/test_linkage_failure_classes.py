"""Issue 17's failure classes, each on a real coordinator vault (tests/linkage_support.py)."""

from __future__ import annotations

import itertools

import duckdb
import pytest

from app.services.analysis import linkage, statistics
from app.services.analysis.linkage import engine
from app.services.analysis.linkage.name_keys import name_key
from app.services.analysis.linkage.records import name_fields, read_records, records_from_body
from forms import definitions
from forms.normalize import name_key as forms_name_key
from tests.linkage_support import receive, victim_case

pytestmark = pytest.mark.filterwarnings("ignore")
A, B, C = "a1" * 8, "b2" * 8, "c3" * 8


def _together(vault, *case_ids) -> bool:
    return any(set(case_ids) <= set(c.case_ids) for c in linkage.victim_clusters(vault))


# ---- 1. short consonant keys ---------------------------------------------------------------
@pytest.mark.parametrize(("first", "second"), [
    ("أيمن أحمد علي الحسن", "منير أحمد علي الحسن"), ("وسيم أحمد علي الحسن", "Samer Ahmad Ali al-Hassan"),
    ("Ayman Ahmad Ali al-Hassan", "Mounir Ahmad Ali al-Hassan")])
def test_two_men_of_one_family_with_short_given_names_are_not_merged(coordinator_vault, first, second):
    one = receive(coordinator_vault, victim_case(first, age=30), A)
    two = receive(coordinator_vault, victim_case(second, age=30), B)
    linkage.run_linkage(coordinator_vault)
    assert not _together(coordinator_vault, one, two)
    auto = coordinator_vault.connection().execute("SELECT count(*) FROM linkage_pairs WHERE band = 'auto'")
    assert auto.fetchone()[0] == 0


def _similar(level_sql: str, left: str, right: str) -> bool:
    sql = level_sql.replace('"given_key_l"', "?").replace('"given_key_r"', "?")
    args = [left, right] * (sql.count("?") // 2)
    return bool(duckdb.connect().execute(f"SELECT {sql}", args).fetchone()[0])


COMMON = ["أيمن", "منير", "وسيم", "علي", "عمر", "سامر", "سمير", "ماهر", "مازن", "باسل", "فادي", "رامي",
          "زياد", "نبيل", "جمال", "كمال", "ياسر", "عماد", "فراس", "وليد", "أنس", "حمزة", "بلال", "مهند"]


def test_the_linkage_and_the_forms_name_keys_agree_on_different_short_names():
    """Names the forms' (less folded) keys tell apart are never "similar" for the linkage model."""
    [given] = [c for c in engine.load_model(1000)["comparisons"] if c["output_column_name"] == "given"]
    similar = [lv["sql_condition"] for lv in given["comparison_levels"] if "jaro" in lv["sql_condition"]]
    wrongly_similar = [
        (a, b) for a, b in itertools.combinations(COMMON, 2)
        if forms_name_key(a) != forms_name_key(b) and name_key(a) != name_key(b)
        and any(_similar(s, name_key(a), name_key(b)) for s in similar)
    ]
    assert wrongly_similar == []


def test_the_shipped_model_has_the_comparisons_of_the_code():
    def conditions(settings):
        return [[lv["sql_condition"] for lv in c["comparison_levels"]] for c in settings["comparisons"]]

    assert conditions(engine.load_model(1000)) == conditions(engine.victim_settings())


# ---- 2. two victims of one case --------------------------------------------------------------
def test_two_victims_of_one_case_are_two_people_and_never_a_review_pair(coordinator_vault):
    brothers = victim_case("محمد أحمد علي الحسن", age=30)
    brothers["victims"].append(dict(brothers["victims"][0], name_ar="محمد أحمد علي الحسن", age=28))
    case_id = receive(coordinator_vault, brothers, A)
    # The same man as the first brother, by another documenter: may link to one of them only.
    other = receive(coordinator_vault, victim_case("Mohammad Ahmad Ali al-Hassan", age=30), B)
    linkage.run_linkage(coordinator_vault)
    pairs = coordinator_vault.connection().execute("SELECT left_ref, right_ref FROM linkage_pairs").fetchall()
    assert all(a.split("/")[0] != b.split("/")[0] for a, b in pairs)
    clusters = linkage.victim_clusters(coordinator_vault)
    assert all(len({m.case_id for m in c.members}) == len(c.members) for c in clusters)
    assert sum(len(c) for c in clusters) == 3 and _together(coordinator_vault, case_id, other) in (True, False)
    assert statistics.compute(coordinator_vault).victims["unique"] >= 2


# ---- 4. every name field the forms define ------------------------------------------------------
def _victim_name_fields():
    for form in definitions.list_forms():
        for version in definitions.form_versions(form.id):
            victims = definitions.load_form(form.id, version).field("victims")
            for f in victims.children if victims else ():
                if f.type in ("person_name", "name_parts"):
                    yield form.id, version, f


@pytest.mark.parametrize(("form_id", "version", "field"), list(_victim_name_fields()),
                         ids=lambda v: getattr(v, "id", str(v)))
def test_every_name_field_of_every_form_is_read_by_linkage_and_statistics(form_id, version, field):
    assert field.id in name_fields()[0] + name_fields()[1]
    if field.type == "person_name":
        written = [{field.id: "Khaled Omar al-Masri"}]
    else:
        written = [{field.id: {part: value}} for part in definitions.NAME_PARTS
                   for value in ("خالد", ) ] + [{field.id: {f"{part}_latin": "Khaled"}}
                                                for part in definitions.NAME_PARTS]
    for victim in written:
        body = {"form": form_id, "form_version": version, "date": {"start": "2014-05-02", "precision": "day"},
                "location": {"governorate": "daraa"}, "victims": [victim]}
        [record], _ = records_from_body("c", body, ("d",))
        assert record.has_name and record.countable, victim
        keys = [record.given_key, record.father_key, record.grandfather_key, record.family_key, record.mother_key]
        assert name_key("Khaled") in keys, victim


def test_a_victim_named_only_in_latin_name_parts_is_linked_and_counted(coordinator_vault):
    parts = {"given_latin": "Khaled", "father_latin": "Omar", "grandfather_latin": "Ali", "family_latin": "al-Masri"}
    one = receive(coordinator_vault, victim_case("خالد عمر علي المصري", gov="Daraa"), A)
    two = receive(coordinator_vault, dict(victim_case("x", gov="Daraa"), victims=[
        {"name_parts": parts, "sex": "male", "act": "killing", "fate": "killed"}]), B)
    linkage.run_linkage(coordinator_vault)
    assert _together(coordinator_vault, one, two)
    figures = statistics.compute(coordinator_vault)
    assert figures.victims["excluded"]["missing_name"] == 0 and figures.victims["unique"] == 1
    assert len(read_records(coordinator_vault.connection())[0]) == 2


# ---- 3. a Latin spelling that could be two Arabic names ---------------------------------------
def test_a_latin_spelling_of_two_arabic_names_cannot_tell_and_does_not_veto(coordinator_vault):
    one = receive(coordinator_vault, victim_case("سامر أحمد علي الحسن", age=30), A)
    two = receive(coordinator_vault, victim_case("Sameer Ahmad Ali al-Hassan", age=30), B)
    # ... while two spellings that do tell (سمير / Samer) still keep brothers apart.
    three = receive(coordinator_vault, victim_case("سمير خالد عمر المصري", age=30, gov="Daraa"), A)
    four = receive(coordinator_vault, victim_case("Samer Khaled Omar al-Masri", age=30, gov="Daraa"), B)
    linkage.run_linkage(coordinator_vault)
    assert _together(coordinator_vault, one, two)
    assert not _together(coordinator_vault, three, four)
