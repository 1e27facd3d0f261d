"""Linkage of victims on a real coordinator vault (SQLCipher), with the real Splink model."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from app.services.analysis import linkage
from app.services.analysis.linkage import engine
from app.services.analysis.linkage.name_keys import name_hint, name_key, split_name_chain
from app.services.analysis.linkage.records import read_records
from tests.linkage_support import receive, revise, victim_case

pytestmark = pytest.mark.filterwarnings("ignore")

A, B, C = "a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2", "c3c3c3c3c3c3c3c3"


@pytest.mark.parametrize(
    "arabic, latin",
    [("محمد", "Mohammad"), ("مُحَمَّد", "Muhammad"), ("عبد الرحمن", "Abdulrahman"),
     ("عبدالرحمن", "Abd al-Rahman"), ("الحسن", "al-Hassan"), ("فاطمة", "Fatima"),
     ("شحادة", "Shehadeh"), ("خالد", "Khalid"), ("قاسم", "Kassem"), ("غسان", "Ghassan")],
)
def test_arabic_and_latin_spellings_share_one_key(arabic, latin):
    assert name_key(arabic) == name_key(latin)


def test_names_the_key_folds_together_are_still_told_apart():
    # Brothers are often Hassan and Hussein, Mohammad and Mahmoud.
    assert name_key("حسن") == name_key("Hussein")
    assert name_hint("حسن") != name_hint("Hussein")
    assert name_hint("Hassan") == name_hint("حسن")
    assert name_hint("محمود") != name_hint("Muhammad")
    assert name_key("Ghassan") != name_key("Hassan")


def test_name_chains_split_by_position():
    assert split_name_chain("محمد أحمد علي الحسن") == {
        "given": "محمد", "father": "احمد", "grandfather": "علي", "family": "الحسن"}
    assert split_name_chain("Abd al-Rahman Khaled al-Homsi") == {
        "given": "abdrahman", "father": "khaled", "family": "homsi"}


@pytest.mark.parametrize(("written", "chain"), [
    # a title written into the name ("the martyr", "the child", Dr.) is not the given name
    ("الشهيد محمد أحمد علي الحسن", {"given": "محمد", "father": "احمد", "grandfather": "علي", "family": "الحسن"}),
    ("الشهيد الطفل محمد أحمد الحسن", {"given": "محمد", "father": "احمد", "family": "الحسن"}),
    ("Dr. Mohammad Ahmad al-Hassan", {"given": "mohammad", "father": "ahmad", "family": "hassan"}),
    ("المواطن عبد الله أحمد", {"given": "عبدالله", "family": "احمد"}),
    # "son of" between the names is not a name either
    ("محمد بن أحمد بن علي الحسن", {"given": "محمد", "father": "احمد", "grandfather": "علي", "family": "الحسن"}),
    ("Mohammad bin Ahmad al-Hassan", {"given": "mohammad", "father": "ahmad", "family": "hassan"}),
    # ... but a family name that is also a title (الشيخ, السيد) stays where a family name stands
    ("محمد أحمد الشيخ", {"given": "محمد", "father": "احمد", "family": "الشيخ"}),
    ("السيد الحسن", {"given": "السيد", "family": "الحسن"}),
])
def test_titles_before_a_name_do_not_shift_its_chain(written, chain):
    assert split_name_chain(written) == chain


@pytest.mark.parametrize("written", ["مجهول الهوية", "جثة مجهولة الهوية", "غير معروف", "لم يعرف اسمه", "Unknown",
                                     "unidentified man", "N/A"])
def test_a_placeholder_for_an_unknown_name_is_no_name(written):
    assert split_name_chain(written) == {} and name_key(written) is None


def test_a_bracketed_nickname_is_not_part_of_the_chain():
    assert split_name_chain("محمد أحمد الحسن (أبو علي)") == {"given": "محمد", "father": "احمد", "family": "الحسن"}
    assert split_name_chain("Mohammad (Abu Ali) Ahmad al-Hassan") == {
        "given": "mohammad", "father": "ahmad", "family": "hassan"}


def test_two_unidentified_bodies_are_not_one_person_nor_counted_as_named(coordinator_vault):
    from app.services.analysis import statistics

    # Two bodies found in Homs the same week, each written "identity unknown" by its documenter
    first = receive(coordinator_vault, victim_case("مجهول الهوية", date="2013-03-06"), A)
    second = receive(coordinator_vault, victim_case("مجهول الهوية", date="2013-03-08"), B)
    third = receive(coordinator_vault, victim_case("Unknown", latin=True, date="2013-03-07"), C)
    linkage.run_linkage(coordinator_vault)
    for victim in linkage.victim_clusters(coordinator_vault):
        assert len({first, second, third} & set(victim.case_ids)) <= 1
    figures = statistics.compute(coordinator_vault).to_json()["victims"]
    assert figures["unique"] == 0 and figures["excluded"]["missing_name"] == 3


def test_a_martyr_recorded_with_and_without_the_title_is_one_man(coordinator_vault):
    plain = receive(coordinator_vault, victim_case("محمد أحمد علي الحسن", age=31), A)
    titled = receive(coordinator_vault, victim_case("الشهيد محمد أحمد علي الحسن", age=31), B)
    latin = receive(coordinator_vault, victim_case("Martyr Mohammad Ahmad Ali al-Hassan", age=31), C)
    linkage.run_linkage(coordinator_vault)
    assert any({plain, titled, latin} <= set(v.case_ids) for v in linkage.victim_clusters(coordinator_vault))


def _family_vault(vault):
    """Three documenters; one victim twice (Arabic and Latin), brothers, a common-name stranger."""
    ids = {}
    ids["ar"] = receive(vault, victim_case("محمد أحمد علي الحسن", age=31), A)
    ids["lat"] = receive(vault, victim_case("Mohammad Ahmad Ali al-Hassan", date="2013-03",
                                            gov="حمص", victim={"birth_date": "1982"}), B)
    # His brother, killed the same night: same father, grandfather, family, place and date.
    ids["brother"] = receive(vault, victim_case("محمود أحمد علي الحسن", age=27), A)
    # His brother Hussein, recorded in Latin by the third documenter.
    ids["hussein"] = receive(vault, victim_case("Hussein Ahmad Ali al-Hassan", age=24), C)
    # Another Mohammad al-Hassan: a different father, another city and year.
    ids["stranger"] = receive(vault, victim_case("محمد خالد عمر الحسن", date="2016-08-01", gov="Aleppo"), C)
    return ids


def test_the_same_victim_in_two_scripts_is_one_cluster_and_brothers_stay_apart(coordinator_vault):
    ids = _family_vault(coordinator_vault)
    linkage.run_linkage(coordinator_vault)
    clusters = linkage.victim_clusters(coordinator_vault)
    assert len(clusters) == 4
    linked = [c for c in clusters if len(c.members) > 1]
    assert len(linked) == 1
    assert set(linked[0].case_ids) == {ids["ar"], ids["lat"]}
    assert linked[0].documenters == (A, B)
    by_case = {m.case_id: m for c in clusters for m in c.members}
    assert by_case[ids["hussein"]].documenter == C
    assert by_case[ids["ar"]].ref == f"{ids['ar']}/#0"


def test_linkage_never_changes_source_records(coordinator_vault):
    _family_vault(coordinator_vault)
    conn = coordinator_vault.connection()
    before = conn.execute("SELECT case_id, version, sha256 FROM case_versions ORDER BY 1, 2").fetchall()
    cases_before = conn.execute("SELECT * FROM cases ORDER BY id").fetchall()
    linkage.run_linkage(coordinator_vault)
    pid = linkage.summary(coordinator_vault)
    assert pid.records == 5
    assert conn.execute("SELECT case_id, version, sha256 FROM case_versions ORDER BY 1, 2").fetchall() == before
    assert conn.execute("SELECT * FROM cases ORDER BY id").fetchall() == cases_before


def _auto_pair(vault):
    row = vault.connection().execute("SELECT pair_id FROM linkage_pairs WHERE band = 'auto'").fetchone()
    return row[0]


def test_decisions_are_kept_and_reapplied_when_new_bundles_arrive(coordinator_vault):
    ids = _family_vault(coordinator_vault)
    linkage.run_linkage(coordinator_vault)
    pid = _auto_pair(coordinator_vault)
    linkage.decide(coordinator_vault, pid, "reject")
    assert all(len(c.members) == 1 for c in linkage.victim_clusters(coordinator_vault))
    # A new bundle: a third record of the same man. The rejection still holds: he may link
    # to one of the two, never to both at once.
    receive(coordinator_vault, victim_case("محمد احمد علي الحسن", date="2013-03-06", age=31), B, sequence=2)
    linkage.run_linkage(coordinator_vault)  # as the import of that bundle does
    clusters = linkage.victim_clusters(coordinator_vault)
    for c in clusters:
        assert not {ids["ar"], ids["lat"]} <= set(c.case_ids)
    assert coordinator_vault.connection().execute(
        "SELECT decision FROM linkage_decisions").fetchall() == [("reject",)]
    # And the audit log says a decision was made, without any name.
    entry = coordinator_vault.connection().execute(
        "SELECT subject, detail FROM audit_log WHERE action = 'linkage.decide'").fetchone()
    assert entry[0] == pid and json.loads(entry[1]) == {"decision": "reject"}


def test_accepting_a_review_pair_links_it_and_a_changed_record_returns_to_the_queue(coordinator_vault):
    first = receive(coordinator_vault, victim_case("Khaled Omar al-Masri", date="2014-05-02", gov="Daraa"), A)
    # Same man by another documenter, with only the month and no place: a pair for a person.
    second = receive(coordinator_vault, victim_case("خالد عمر المصري", date="2014-05", gov=""), B)
    fathers = ("Yasser", "Imad", "Mazen", "Jamal", "Bilal")
    for i, given in enumerate(("Ziad", "Nabil", "Rami", "Fadi", "Walid", "Tarek")):  # a population
        for j, family in enumerate(("al-Najjar", "al-Haddad", "Kabbani", "al-Bitar", "al-Kurdi")):
            receive(coordinator_vault, victim_case(f"{given} {fathers[(i + j) % 5]} {family}",
                                                   date=f"2015-{1 + i:02d}-{1 + 3 * j:02d}"), C)
    linkage.run_linkage(coordinator_vault)
    queue = linkage.review_queue(coordinator_vault)
    pair = next((q for q in queue if {q["left_ref"], q["right_ref"]} == {f"{first}/#0", f"{second}/#0"}), None)
    if pair is None:  # scored high enough to link without review: then reject-and-accept still works
        pid = _auto_pair(coordinator_vault)
    else:
        pid = pair["pair_id"]
    linkage.decide(coordinator_vault, pid, "accept")
    linked = [c for c in linkage.victim_clusters(coordinator_vault) if len(c.members) > 1]
    assert [set(c.case_ids) for c in linked] == [{first, second}]
    assert pid not in [q["pair_id"] for q in linkage.review_queue(coordinator_vault)]
    # The second documenter sends a corrected version: the decision still applies, and the pair
    # comes back to the queue marked as changed.
    revise(coordinator_vault, second, victim_case("خالد عمر المصري", date="2014-05-02", gov="درعا"), B, 2)
    linkage.run_linkage(coordinator_vault)  # as the import of that bundle does
    linked = [c for c in linkage.victim_clusters(coordinator_vault) if len(c.members) > 1]
    assert [set(c.case_ids) for c in linked] == [{first, second}]
    back = [q for q in linkage.review_queue(coordinator_vault) if q["pair_id"] == pid]
    assert back and back[0]["changed"] and back[0]["previous_decision"] == "accept"


def test_details_show_both_records_and_their_sources(coordinator_vault):
    _family_vault(coordinator_vault)
    linkage.run_linkage(coordinator_vault)
    details = linkage.pair_details(coordinator_vault, _auto_pair(coordinator_vault))
    names = {details["left"]["record"]["name_ar"], details["right"]["record"]["name_latin"],
             details["left"]["record"]["name_latin"], details["right"]["record"]["name_ar"]}
    assert "محمد أحمد علي الحسن" in names and "Mohammad Ahmad Ali al-Hassan" in names
    assert {s["documenter"] for s in details["left"]["sources"] + details["right"]["sources"]} == {A, B}


def test_unknown_pair_or_decision_is_refused_and_changes_nothing(coordinator_vault):
    _family_vault(coordinator_vault)
    linkage.run_linkage(coordinator_vault)
    with pytest.raises(linkage.PairNotFound):
        linkage.decide(coordinator_vault, "000000000000", "accept")
    with pytest.raises(Exception, match="must be one of"):
        linkage.decide(coordinator_vault, _auto_pair(coordinator_vault), "maybe")
    assert coordinator_vault.connection().execute("SELECT count(*) FROM linkage_decisions").fetchone()[0] == 0


def test_duckdb_cannot_spill_to_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    con = engine.secure_duckdb(memory_limit="64MB")
    assert con.execute("SELECT current_setting('temp_directory')").fetchone()[0] == ""
    with pytest.raises(duckdb.OutOfMemoryException):
        con.execute("SELECT s, count(*) FROM (SELECT md5(range::VARCHAR) s FROM range(4000000)) GROUP BY s "
                    "ORDER BY 1").fetchall()
    con.close()
    assert list(tmp_path.iterdir()) == []


def test_a_linkage_run_leaves_no_file_behind(coordinator_vault, tmp_path, monkeypatch):
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("TMPDIR", str(work))
    vault_files = sorted(p.name for p in Path(coordinator_vault.path).rglob("*"))
    _family_vault(coordinator_vault)
    linkage.run_linkage(coordinator_vault, force=True)
    assert list(work.iterdir()) == []
    assert sorted(p.name for p in Path(coordinator_vault.path).rglob("*")) == vault_files
    assert not any("duckdb" in name or name.endswith(".tmp") for name in os.listdir(tmp_path))


def test_records_come_from_the_current_version_of_each_case(coordinator_vault):
    case = receive(coordinator_vault, victim_case("علي حسن الخطيب"), A)
    revise(coordinator_vault, case, victim_case("علي حسين الخطيب"), A, 2)
    [record] = read_records(coordinator_vault.connection())[0]
    assert record.father_key == name_key("حسين") and record.father_hint == name_hint("Hussein")


def test_statistics_count_a_linked_victim_once_and_its_incident_once(coordinator_vault):
    from app.services.analysis import statistics

    ids = _family_vault(coordinator_vault)
    linkage.run_linkage(coordinator_vault)
    figures = statistics.compute(coordinator_vault)
    assert figures.linkage == "linked"
    assert figures.victims["records"] == 5 and figures.victims["unique"] == 4
    incidents = linkage.incident_clusters(coordinator_vault)
    assert sorted([ids["ar"], ids["lat"]]) in [sorted(g) for g in incidents]
    assert sum(len(g) for g in incidents) == 5 and len(incidents) == 4
