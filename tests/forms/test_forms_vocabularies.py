"""Vocabularies and the gazetteer: shipped data, lookups, and an organisation's CSV additions."""

from __future__ import annotations

import io

import pytest

from forms import gazetteer, vocabularies
from forms.errors import BadImport, UnknownVocabulary
from forms.gazetteer import (
    import_places_csv,
    resolve_place,
    search_places,
    set_organisation_places,
)
from forms.validation import validate_case
from tests.forms_support import example


@pytest.fixture(autouse=True)
def _no_organisation_data():
    vocabularies.set_organisation_terms({})
    set_organisation_places([])
    yield
    vocabularies.set_organisation_terms({})
    set_organisation_places([])


def test_required_vocabularies_and_terms():
    codes = {name: {t.code for t in vocabularies.vocabulary(name)} for name in vocabularies.vocabulary_names()}
    assert {"killed", "found_dead", "missing", "released", "detained"} <= codes["fates"]
    assert {"abduction", "killing", "extrajudicial_execution", "enforced_disappearance", "torture",
            "arbitrary_detention", "attempted_abduction", "injury", "threat", "arson", "looting"} <= codes["act_types"]
    assert "unknown_gunmen" in codes["perpetrator_groups"] and "unknown_gunmen" in codes["perpetrator_types"]
    assert codes["attribution_confidence"] == {"maybe", "likely", "certain"}
    assert codes["source_reliability"] == set("ABCDEF")
    assert codes["information_credibility"] == set("123456")
    assert codes["verification_status"] == {"unverified", "corroborated", "verified", "disputed"}
    assert codes["date_precision"] == {"day", "month", "year", "approximate", "unknown"}
    assert vocabularies.term("fates", "found_dead").label("ar") == "عُثر عليه متوفى"
    with pytest.raises(UnknownVocabulary):
        vocabularies.vocabulary("../../etc/passwd")


def test_an_organisation_adds_a_perpetrator_group_from_csv_without_code():
    body = example("killing")
    body["perpetrators"][0]["group"] = "brigade_77"
    assert [p.code for p in validate_case(body)] == ["unknown_term"]  # kept, flagged, not counted
    added = vocabularies.import_terms_csv(
        "perpetrator_groups",
        io.BytesIO("code,en,ar\nbrigade_77,Brigade 77,اللواء 77\nunknown_gunmen,x,y\n".encode()),
    )
    assert [t.code for t in added] == ["brigade_77"]  # a shipped code is never relabelled
    # The app keeps the additions (as JSON) and installs them at unlock.
    stored = {"perpetrator_groups": [t.to_json() for t in added]}
    vocabularies.set_organisation_terms(stored)
    assert validate_case(body) == []
    assert vocabularies.term("perpetrator_groups", "unknown_gunmen").label("en") == "Unknown gunmen"
    assert vocabularies.organisation_terms() == stored


@pytest.mark.parametrize("content", [
    b"name,label\nx,y\n", b"code,en,ar\nbad code!,x,y\n", b"code,en,ar\na,x,y\na,x,y\n",
    b"code,en,ar\na,,\n", b"\xff\xfe", b"code,en,ar\n" + b"a" * (2 << 20),
])
def test_a_malformed_vocabulary_csv_is_refused_whole(content):
    with pytest.raises(BadImport):
        vocabularies.import_terms_csv("fates", io.BytesIO(content))


@pytest.mark.parametrize(("text", "code"), [
    ("Al Zahraa", "homs.homs.city.zahra"), ("الزهراء", "homs.homs.city.zahra"), ("حي الزهراء", "homs.homs.city.zahra"),
    ("Wadi al-Dhahab", "homs.homs.city.wadi_al_dhahab"), ("وادي الذهب", "homs.homs.city.wadi_al_dhahab"),
    ("Hamidiyah", "homs.homs.city.hamidiyeh"), ("الحميدية", "homs.homs.city.hamidiyeh"),
    ("Karm Shamsham", "homs.homs.city.karm_shamsham"), ("مساكن الإدخار", "homs.homs.city.masakin_al_iddikhar"),
    ("Hadara", "homs.homs.city.hadara"), ("Arza", "hama.arzah"), ("Tasneen", "homs.rastan.tasnin"),
    ("المختارية", "homs.mukharram.mukhtariya"), ("Snobar", "latakia.jableh.snobar"),
    ("المزيرعة", "latakia.latakia.muzayraa"), ("Khirbet al-Maaza", "tartus.khirbet_al_mazah"), ("Homs", "homs"),
    ("Lattakia", "latakia"), ("Deir ez-Zor", "deir_ez_zor"),
    ("sy-hi", "homs"),
])
def test_any_known_variant_resolves_to_its_entry(text, code):
    assert resolve_place(text).code == code


def test_every_governorate_is_there_with_both_names():
    governorates = [p for p in gazetteer.gazetteer().places.values() if p.level == "governorate"]
    assert len(governorates) == 14
    assert all(p.names.get("ar") and p.names.get("en") for p in governorates)
    for p in gazetteer.gazetteer().places.values():
        assert p.parent is None or gazetteer.get_place(p.parent) is not None, p.code


def test_a_shared_name_resolves_by_level_or_ancestor():
    assert resolve_place("Homs", level="place").code == "homs.homs.city"
    assert resolve_place("Homs", level="district").code == "homs.homs"
    assert resolve_place("nowhere at all") is None
    assert resolve_place("Zahra", within="latakia") is None


def test_search_offers_completions_best_first():
    assert [p.code for p in search_places("zahr")][0] == "homs.homs.city.zahra"
    assert search_places("Wadi el Dhahab")[0].code == "homs.homs.city.wadi_al_dhahab"
    assert len(search_places("a", limit=3)) == 3


def test_an_ocha_pcode_csv_extends_the_gazetteer():
    ocha = io.StringIO(
        "admin1Pcode,admin1Name_en,admin1Name_ar,admin2Pcode,admin2Name_en,admin2Name_ar,"
        "admin3Pcode,admin3Name_en,admin3Name_ar\n"
        "SY04,Homs,حمص,SY0400,Homs,حمص,SY040099,Khirbet Tin,خربة التين\n"
    )
    places = import_places_csv(ocha)
    set_organisation_places([p.to_json() for p in places])
    assert resolve_place("SY04").code == "homs"  # the P-code names our entry
    village = resolve_place("خربة التين")
    assert village.code == "SY040099" and village.level == "subdistrict"
    assert gazetteer.gazetteer().ancestors(village.code)[:2] == ["homs.homs", "homs"]
    body = example("killing")
    body["location"] = {"governorate": "homs", "district": "homs.homs", "place": "SY040099"}
    assert validate_case(body) == []


def test_our_own_places_csv_extends_the_gazetteer():
    places = import_places_csv(io.BytesIO(
        "code,level,parent,name_en,name_ar,variants\n"
        "ORG-HOMS-DABLAN,neighbourhood,homs.homs.city,Al-Dablan,الدبلان,Dablan Street|شارع الدبلان\n".encode()))
    set_organisation_places(places)
    assert resolve_place("Dablan Street").code == "ORG-HOMS-DABLAN"


@pytest.mark.parametrize("content", [b"a,b\n1,2\n", b"code,level,name_en\nX,planet,Mars\n", b"\xff\xfe"])
def test_a_malformed_places_csv_is_refused(content):
    with pytest.raises(BadImport):
        import_places_csv(io.BytesIO(content))


@pytest.mark.parametrize("content", [
    b"code,en,ar\rx1,a,b\rx2,c,d\r",  # bare CR line ends: read, not refused
    b"code,en,ar\nx1," + b"a" * (300 << 10) + b",b\n",
    b'code,en,ar\nx1,"' + b"a" * (200 << 10) + b'",b\n',
])
def test_csv_the_csv_module_chokes_on_is_our_error_or_read(content):
    for reader in (lambda f: vocabularies.import_terms_csv("act_types", f), import_places_csv):
        try:
            reader(io.BytesIO(content))
        except BadImport as exc:
            assert "\n" not in str(exc)


def test_bare_carriage_returns_are_line_ends():
    terms = vocabularies.import_terms_csv("act_types", io.BytesIO(b"code,en,ar\rx1,a,b\rx2,c,d\r"))
    assert [t.code for t in terms] == ["x1", "x2"]
