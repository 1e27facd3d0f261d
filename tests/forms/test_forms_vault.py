"""The case model against the real vault and the real command line."""

from __future__ import annotations

import json

import pytest

from app.services.intake import case_rules, cases
from forms.definitions import list_forms
from tests.conftest import snapshot
from tests.forms_support import example, example_names


@pytest.mark.parametrize("name", example_names())
def test_each_realistic_example_round_trips_through_the_vault_unchanged(vault, name):
    body = example(name)
    case_id, version = cases.save_case(vault, body)
    stored = cases.get_case(vault, case_id)
    stored.pop("_meta")
    assert stored.pop("id") == case_id
    assert stored == body
    # Sealed and read back again: still the same body, still valid.
    cases.seal_case(vault, case_id)
    again = cases.get_case(vault, case_id, version)
    again.pop("_meta")
    again.pop("id")
    assert again == body


def test_an_older_form_version_is_kept_and_still_reads(vault):
    body = example("kidnapping")
    body["form_version"] = 1
    for key in ("ransom_demanded", "ransom_amount"):
        body.pop(key)
    body["victims"][0].pop("release_conditions")
    case_id, _ = cases.save_case(vault, body)
    stored = cases.get_case(vault, case_id)
    assert stored["form_version"] == 1
    assert cases.query_cases(vault)[0].form_version == 1


def test_a_case_without_a_version_is_taken_as_version_1(vault):
    case_id, _ = cases.save_case(vault, {"form": "kidnapping", "title": "t"})
    assert cases.get_case(vault, case_id)["form_version"] == 1


def test_an_invalid_case_is_refused_with_every_problem_and_nothing_is_saved(vault):
    body = example("killing")
    body["victims"][0]["fate"] = "vanished"
    body["title"] = ""
    with pytest.raises(case_rules.InvalidCase) as caught:
        cases.save_case(vault, body)
    assert [(p.path, p.code) for p in caught.value.details] == [
        ("title", "required"), ("victims[0].fate", "not_in_vocabulary")]
    assert caught.value.problems == ["title: required", "victims[0].fate: not one of the allowed choices"]
    assert cases.count_cases(vault) == 0


def test_check_keeps_its_contract():
    from forms import search

    assert "witness" in search.NOT_INDEXED and "form_version" in search.NOT_INDEXED
    with pytest.raises(case_rules.InvalidCase):
        case_rules.check([1])
    body = case_rules.check({"form": "killing", "title": "t", "_meta": {"x": 1}})
    assert body == {"form": "killing", "form_version": 1, "title": "t"}


@pytest.fixture
def cli(tmp_path, passphrase_file, tawthiq):
    d = tmp_path / "v"
    r = tawthiq("--vault", str(d), "--passphrase-file", str(passphrase_file), "init", "--name", "doc")
    assert r.returncode == 0, r.stderr
    return lambda *a, **kw: tawthiq("--vault", str(d), "--passphrase-file", str(passphrase_file), *a, **kw), d


def test_form_list_names_every_form(tawthiq):
    r = tawthiq("form", "list", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert {row["id"] for row in rows} == {f.id for f in list_forms()}
    assert next(row for row in rows if row["id"] == "kidnapping")["versions"] == [1, 2]


def test_every_form_template_is_accepted_by_case_add(cli, tmp_path):
    run, _ = cli
    for form in list_forms():
        r = run("form", "template", form.id)
        assert r.returncode == 0, r.stderr
        template = json.loads(r.stdout)
        assert template["form"] == form.id
        (tmp_path / f"{form.id}.json").write_bytes(r.stdout)
        added = run("case", "add", str(tmp_path / f"{form.id}.json"))
        assert added.returncode == 0, added.stderr
        shown = json.loads(run("case", "show", added.stdout.decode().strip(), "--json").stdout)
        shown.pop("_meta"), shown.pop("id")
        assert shown == template


@pytest.mark.parametrize(("content", "words"), [
    (b'{"title": "no form"}', "form: required"),
    (b'{"form": "haircut", "title": "x"}', "form: no such form"),
    (b'{"form": "killing", "title": "x", "victims": [{"act": "killing", "fate": "vanished"}]}',
     "victims[0].fate"),
    (b'{"form": "killing", "title": "x", "date": {"start": "2025-05", "end": "2025-04"}}', "date.end"),
])
def test_case_add_of_an_invalid_case_fails_with_one_line_and_changes_nothing(cli, tmp_path, content, words):
    run, d = cli
    before = snapshot(d)
    (tmp_path / "bad.json").write_bytes(content)
    r = run("case", "add", str(tmp_path / "bad.json"))
    assert r.returncode == 1
    lines = r.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in lines[0]
    assert snapshot(d) == before


def test_form_schema_and_template_errors(tawthiq):
    r = tawthiq("form", "schema", "kidnapping", "--version", "1")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert schema["properties"]["form_version"] == {"const": 1}
    assert "ransom_demanded" not in schema["properties"]
    for args in (("form", "template", "haircut"), ("form", "schema", "kidnapping", "--version", "9")):
        r = tawthiq(*args)
        assert r.returncode == 1 and len(r.stderr.decode().strip().splitlines()) == 1


def test_a_field_the_form_does_not_know_is_kept_and_flagged_not_refused(vault):
    body = example("killing")
    body["victims"][0]["tribe"] = "from a newer form version"
    assert [(p.path, p.code, p.severity) for p in case_rules.warnings(body)] == [
        ("victims[0].tribe", "unknown_field", "warning")]
    case_id, _ = cases.save_case(vault, body)
    assert cases.get_case(vault, case_id)["victims"][0]["tribe"] == "from a newer form version"


def test_place_names_typed_on_intake_become_codes(vault):
    body = example("killing")
    body["location"] = {"governorate": "Homs", "district": "حمص", "place": "Homs city",
                        "neighbourhood": "Masakin al-Idkhar"}
    body["victims"][0]["residence"] = {"governorate": "Lattakia", "place": "Snobar"}
    case_id, _ = cases.save_case(vault, body)
    stored = cases.get_case(vault, case_id)
    assert stored["location"] == {"governorate": "homs", "district": "homs.homs", "place": "homs.homs.city",
                                  "neighbourhood": "homs.homs.city.masakin_al_iddikhar"}
    assert stored["victims"][0]["residence"] == {"governorate": "latakia", "place": "latakia.jableh.snobar"}
    assert cases.query_cases(vault)[0].governorate == "homs"
    body["location"] = {"governorate": "Atlantis"}
    with pytest.raises(case_rules.InvalidCase) as caught:
        cases.save_case(vault, body)
    assert caught.value.problems == ["location.governorate: not a place code in the gazetteer"]


def test_a_victim_may_suffer_several_acts(vault):
    body = example("killing-body-found")
    body["victims"][0]["act"] = ["abduction", "torture", "extrajudicial_execution"]
    case_id, _ = cases.save_case(vault, body)
    assert cases.get_case(vault, case_id)["victims"][0]["act"][1] == "torture"
