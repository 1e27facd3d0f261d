"""Every link explainable and reversible (issue 17 items 5 and 6), on a real coordinator vault.

A victim cluster carries its evidence (the pairs that join it, each with its level and match
weight per field); a record can be taken out of a cluster, and that decision survives every later
run, new bundles included; `link --json`, `link show` and `link split` say the same from the
real command. The review queue's cost grows with the records it shows, not pairs × records.
"""

from __future__ import annotations

import json

import pytest

from app.services.analysis import linkage
from app.services.analysis.linkage import records as linkage_records
from storage import audit
from tests.conftest import PASSPHRASE
from tests.linkage_support import receive, victim_case

pytestmark = pytest.mark.filterwarnings("ignore")

A, B, C = "a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2", "c3c3c3c3c3c3c3c3"


def _one_victim_three_times(vault) -> dict[str, str]:
    ids = {"ar": receive(vault, victim_case("محمد أحمد علي الحسن", age=31), A),
           "lat": receive(vault, victim_case("Mohammad Ahmad Ali al-Hassan", age=31), B),
           "third": receive(vault, victim_case("Muhammad Ahmed Ali Alhassan", age=31), C)}
    # someone else altogether
    receive(vault, victim_case("خالد عمر المصري", date="2016-01-02", gov="Daraa"), A)
    return ids


def _linked(vault) -> linkage.VictimCluster:
    [cluster] = [c for c in linkage.victim_clusters(vault) if len(c.members) > 1]
    return cluster


def test_a_cluster_carries_the_pairs_levels_and_weights_that_join_it(coordinator_vault):
    ids = _one_victim_three_times(coordinator_vault)
    linkage.run_linkage(coordinator_vault)
    cluster = _linked(coordinator_vault)
    assert set(cluster.case_ids) == set(ids.values())
    details = linkage.cluster_details(coordinator_vault, cluster.cluster_id)
    assert [m["ref"] for m in details["members"]] == sorted(m.ref for m in cluster.members)
    linking = [p for p in details["pairs"] if p["links"]]
    assert len(linking) >= 2  # three records need at least two links
    for pair in linking:
        assert pair["band"] == "auto" and pair["decision"] is None
        assert pair["fields"]["given"][0] == "exact" and pair["fields"]["family"][0] == "exact"
        assert pair["fields"]["given"][1] > 0  # agreement adds weight
        # the match weight is the prior plus each field's weight
        total = pair["prior"] + sum(bits for _level, bits in pair["fields"].values())
        assert total == pytest.approx(pair["match_weight"], abs=0.05)
    assert linkage.cluster_pair_ids(coordinator_vault)[cluster.cluster_id] == [p["pair_id"] for p in linking]


def test_a_record_taken_out_stays_out_on_every_later_run_and_can_be_put_back(coordinator_vault):
    ids = _one_victim_three_times(coordinator_vault)
    linkage.run_linkage(coordinator_vault)
    cluster = _linked(coordinator_vault)
    third = f"{ids['third']}/#0"
    result = linkage.split(coordinator_vault, cluster.cluster_id, ids["third"])  # a case id names its record
    assert result["record"] == third and len(result["rejected_pairs"]) == 2

    kept = {f"{ids['ar']}/#0", f"{ids['lat']}/#0"}

    def alone() -> bool:
        """The record taken out is with neither of the others it was taken from."""
        return all(third not in refs or not refs & kept
                   for refs in ({m.ref for m in c.members} for c in linkage.victim_clusters(coordinator_vault)))

    assert alone() and len(_linked(coordinator_vault).members) == 2
    # scored again, and again after a new bundle with a fourth record of the same man
    linkage.run_linkage(coordinator_vault, force=True)
    assert alone()
    fourth = receive(coordinator_vault, victim_case("Mohamad Ahmad Ali al-Hasan", age=31), C, sequence=2)
    linkage.run_linkage(coordinator_vault)
    # The fourth record is alike to all three: it joins one side, never both.
    assert alone() and any(f"{fourth}/#0" in {m.ref for m in c.members} and len(c.members) > 1
                           for c in linkage.victim_clusters(coordinator_vault))
    actions = [e["action"] for e in audit.entries(coordinator_vault.connection())]
    assert "linkage.split" in actions
    # each rejected pair can be undone alone, by its id
    for pid in result["rejected_pairs"]:
        linkage.decide(coordinator_vault, pid, "accept")
    assert not alone()


def test_undo_takes_a_whole_split_back(coordinator_vault):
    """A split is one action in the decision log: Undo (review view, `link undo`) takes it back whole."""
    ids = _one_victim_three_times(coordinator_vault)
    linkage.run_linkage(coordinator_vault)
    cluster = _linked(coordinator_vault)
    linkage.split(coordinator_vault, cluster.cluster_id, ids["third"])
    assert len(_linked(coordinator_vault).members) == 2
    result = linkage.undo(coordinator_vault)
    assert result["undone"]["kind"] == "split" and len(result["undone"]["pairs"]) == 2
    assert set(_linked(coordinator_vault).case_ids) == set(ids.values())
    assert coordinator_vault.connection().execute("SELECT count(*) FROM linkage_decisions").fetchone() == (0,)


def test_split_refuses_what_is_not_in_the_cluster_and_changes_nothing(coordinator_vault):
    ids = _one_victim_three_times(coordinator_vault)
    linkage.run_linkage(coordinator_vault)
    cluster = _linked(coordinator_vault)
    conn = coordinator_vault.connection()
    before = conn.execute("SELECT * FROM linkage_members ORDER BY victim_ref").fetchall()
    with pytest.raises(linkage.ClusterNotFound) as not_there:
        linkage.split(coordinator_vault, "v-000000000000", ids["ar"])
    assert not_there.value.code == "linkage.no_cluster"
    with pytest.raises(linkage.ClusterNotFound) as stranger:
        linkage.split(coordinator_vault, cluster.cluster_id, "ffffffff")
    assert stranger.value.code == "linkage.not_in_cluster"
    assert conn.execute("SELECT * FROM linkage_members ORDER BY victim_ref").fetchall() == before
    assert conn.execute("SELECT count(*) FROM linkage_decisions").fetchone()[0] == 0


def test_link_json_show_and_split_from_the_command(tawthiq, coordinator_vault, passphrase_file):
    ids = _one_victim_three_times(coordinator_vault)
    folder = coordinator_vault.path
    coordinator_vault.lock()
    base = ("--vault", str(folder), "--passphrase-file", str(passphrase_file), "link")
    out = tawthiq(*base, "--json")
    assert out.returncode == 0, out.stderr
    [cluster] = json.loads(out.stdout)["clusters"]
    assert cluster["pairs"]
    shown = tawthiq(*base, "show", cluster["cluster_id"], "--json")
    assert shown.returncode == 0, shown.stderr
    details = json.loads(shown.stdout)
    assert [p["pair_id"] for p in details["pairs"] if p["links"]] == cluster["pairs"]
    text = tawthiq(*base, "show", cluster["cluster_id"]).stdout.decode()
    assert "3 records" in text and "given exact" in text and cluster["pairs"][0] in text
    split = tawthiq(*base, "split", cluster["cluster_id"], f"{ids['lat']}/#0", "--json")
    assert split.returncode == 0, split.stderr
    after = json.loads(tawthiq(*base, "--json").stdout)
    assert after["summary"]["clusters"] == 3 and after["summary"]["decisions"] == 2
    missing = tawthiq(*base, "show", "v-000000000000")
    assert missing.returncode == 1 and len(missing.stderr.decode().strip().splitlines()) == 1
    assert b"Traceback" not in missing.stderr
    from storage.vault import Vault

    v = Vault.unlock(folder, PASSPHRASE)
    try:
        assert v.connection().execute("SELECT count(*) FROM linkage_decisions").fetchone()[0] == 2
    finally:
        v.lock()


# Given names whose consonant keys are one letter apart, two by two (أيمن mn, منير mnr, عمر mr):
# men of one family with such names are never linked automatically but shown to a person.
ALIKE = [("أيمن", "Ayman"), ("منير", "Mounir"), ("عمر", "Omar")]


def _alike(vault, documenters: int) -> None:
    """Three men of one family killed the same night, recorded by each of `documenters`
    documenters: every two records of different men wait for review (more pairs than records)."""
    for d in range(documenters):
        for arabic, latin in ALIKE:
            name = f"{arabic} أحمد علي الحسن" if d % 2 == 0 else f"{latin} Ahmad Ali al-Hassan"
            receive(vault, victim_case(name), f"{d:02d}" * 8)


@pytest.mark.parametrize("documenters", [2, 3])
def test_the_review_queue_reads_each_case_once_whatever_the_number_of_pairs(coordinator_vault, monkeypatch,
                                                                            documenters):
    _alike(coordinator_vault, documenters)
    linkage.run_linkage(coordinator_vault)
    parsed: list[str] = []
    real = linkage_records.records_from_body
    monkeypatch.setattr(linkage_records, "records_from_body",
                        lambda case_id, *a, **kw: parsed.append(case_id) or real(case_id, *a, **kw))
    statements: list[str] = []
    coordinator_vault.connection().set_trace_callback(statements.append)
    items = linkage.review_items(coordinator_vault)
    coordinator_vault.connection().set_trace_callback(None)
    cases = {item[side]["case_id"] for item in items for side in ("left", "right")}
    assert len(items) > 3 * documenters  # more pairs than records: a per-pair read would show
    assert sorted(parsed) == sorted(cases)  # each case body parsed once
    assert len(statements) <= 12  # a fixed number of queries, not one per pair
