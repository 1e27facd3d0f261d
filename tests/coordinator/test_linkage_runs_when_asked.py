"""Linkage runs when asked (after an import, on demand); statistics and the review queue only read
its stored result (issue 13 item 4). Real coordinator vaults, real bundles, the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.services.analysis import linkage, statistics
from app.services.analysis.linkage.records import governorate_code, read_records
from tests.linkage_support import receive, victim_case

pytestmark = pytest.mark.filterwarnings("ignore")
A, B = "a1" * 8, "b2" * 8


def _linkage_row(vault):
    return vault.connection().execute("SELECT fingerprint, ran_at FROM linkage_state").fetchall()


def test_statistics_and_the_review_queue_never_run_linkage(coordinator_vault):
    receive(coordinator_vault, victim_case("محمد أحمد علي الحسن", age=31), A)
    receive(coordinator_vault, victim_case("Mohammad Ahmad Ali al-Hassan", age=31, latin=True), B)
    figures = statistics.compute(coordinator_vault)
    assert figures.linkage == "unlinked" and figures.victims["unique"] == 2
    assert linkage.review_items(coordinator_vault) == [] and linkage.victim_clusters(coordinator_vault)
    assert _linkage_row(coordinator_vault) == []  # nothing ran

    linkage.run_linkage(coordinator_vault)
    ran = _linkage_row(coordinator_vault)
    assert statistics.compute(coordinator_vault).victims["unique"] == 1
    # A new case arrives without a linkage run: counted on its own, and the figures say why.
    receive(coordinator_vault, victim_case("خالد عمر المصري", date="2016-01-02", gov="Daraa"), A)
    figures = statistics.compute(coordinator_vault)
    assert figures.linkage == "stale" and figures.victims["unique"] == 2
    assert "Cases changed since linkage last ran" in figures.notes["victims"]
    assert _linkage_row(coordinator_vault) == ran


def test_statistics_parse_each_case_body_once(coordinator_vault, monkeypatch):
    for i, name in enumerate(("محمد أحمد علي الحسن", "خالد عمر المصري", "Ziad Imad al-Najjar")):
        receive(coordinator_vault, victim_case(name, date=f"2015-0{i + 1}-02"), A if i % 2 else B)
    linkage.run_linkage(coordinator_vault)
    bodies = {row[0] for row in coordinator_vault.connection().execute("SELECT body FROM case_versions")}
    parsed: list[str] = []
    real_loads = json.loads

    def counting_loads(text, *args, **kwargs):
        if text in bodies:
            parsed.append(text)
        return real_loads(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counting_loads)
    statistics.compute(coordinator_vault)
    assert sorted(parsed) == sorted(bodies)  # each once (four times each before)


def test_one_victim_record_type_and_one_cluster_function():
    root = Path(__file__).resolve().parents[2] / "app"
    sources = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
    assert sources.count("class VictimRecord") == 1
    assert sources.count("def victim_clusters(") == 1
    assert statistics.read_records is read_records


@pytest.mark.parametrize("written", ["حلب", "Aleppo", "Halab", "SY-HL", "aleppo", " Alep "])
def test_one_governorate_table_for_linkage_and_statistics(written):
    assert governorate_code(written) == "aleppo"


@pytest.mark.parametrize("written", ["ريف دمشق", "Rif Dimashq", "Rural Damascus", "SY-RD", "rif_dimashq"])
def test_rural_damascus_is_not_damascus(written):
    # The gazetteer dropped the generic word ريف ("countryside") before looking a name up, so a
    # documenter's ريف دمشق resolved to Damascus.
    assert governorate_code(written) == "rif_dimashq"
    assert governorate_code("دمشق") == "damascus"


def test_statistics_count_a_governorate_once_whatever_its_spelling(coordinator_vault):
    for gov, doc in (("حلب", A), ("Aleppo", B), ("aleppo", A)):
        receive(coordinator_vault, victim_case("خالد عمر المصري", gov=gov, date="2016-01-02"), doc)
    figures = statistics.compute(coordinator_vault, links=[])
    assert figures.victims["by_governorate"] == {"aleppo": 3}
    assert figures.incidents["by_governorate"] == {"aleppo": 3}


def test_the_statistics_what_if_takes_record_keys_only(coordinator_vault):
    first = receive(coordinator_vault, victim_case("خالد عمر المصري"), A)
    second = receive(coordinator_vault, victim_case("Khaled Omar al-Masri"), B)
    assert statistics.compute(coordinator_vault, links=[[f"{first}#0", f"{second}#0"]]).victims["unique"] == 1
    # The five member shapes the adapter took are gone: a (case id, index) pair names nothing.
    assert statistics.compute(coordinator_vault, links=[[(first, 0), (second, 0)]]).victims["unique"] == 2


def test_import_links_the_new_records_and_stats_read_them(tmp_path, passphrase_file, tawthiq):
    from tests.coordinator.test_import_end_to_end import build_three_documenters

    coordinator, docs, paths, _made = build_three_documenters(tmp_path)
    for v in (coordinator, *docs):
        v.lock()
    run = lambda *a: tawthiq("--vault", str(tmp_path / "coord"), "--passphrase-file",  # noqa: E731
                             str(passphrase_file), *a)
    r = run("import", *map(str, paths))
    assert r.returncode == 0, r.stderr
    assert "linkage: 5 victim records, 4 unique victims" in r.stdout.decode()
    r = run("stats", "--json")
    assert r.returncode == 0, r.stderr
    figures = json.loads(r.stdout)
    assert figures["linkage"] == "linked" and figures["victims"]["unique"] == 4
    # A replay imports nothing and links nothing.
    r = run("import", str(paths[0]))
    assert r.returncode == 0 and b"linkage:" not in r.stdout


def test_link_review_json_reads_each_case_once_whatever_the_pairs(coordinator_vault, monkeypatch):
    # Men of one family on one night whose given names are one letter apart in the consonant key
    # (أيمن mn, منير mnr, عمر mr): many review pairs among few cases. (Brothers whose names
    # clearly differ are no longer review pairs: tests/coordinator/test_linkage_review_band.py.)
    for given in ("أيمن", "منير", "عمر"):
        receive(coordinator_vault, victim_case(f"{given} أحمد علي الحسن", age=30), A)
        receive(coordinator_vault, victim_case(f"{given} أحمد علي الحسن", age=30, date="2013-03-07"), B)
    linkage.run_linkage(coordinator_vault)
    pairs = len(linkage.review_queue(coordinator_vault))
    assert pairs >= 5
    bodies = {row[0] for row in coordinator_vault.connection().execute("SELECT body FROM case_versions")}
    parsed: list[str] = []
    real_loads = json.loads

    def counting_loads(text, *args, **kwargs):
        if text in bodies:
            parsed.append(text)
        return real_loads(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counting_loads)
    items = linkage.review_items(coordinator_vault)
    assert len(items) == pairs and all(i["left"]["record"] and i["right"]["record"] for i in items)
    assert len(parsed) == len(set(parsed)) <= len(bodies)  # per pair, every record, before
