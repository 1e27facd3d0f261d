"""A review decision can be undone (issue 15): the pair gets back what it had, the clusters follow,
the undo is kept as a record, and later linkage runs re-apply the decisions as they now stand."""

from __future__ import annotations

import json

import pytest

from app.services.analysis import linkage
from storage import audit
from tests.linkage_support import receive, victim_case


def _namesakes(vault):
    # Two men of one name killed the same night, twenty years apart in age: the names agree, the
    # ages do not, so the pair waits for a person (brothers, whose given names differ, are kept
    # apart without asking: engine._NAME_APART). The third record is someone else.
    receive(vault, victim_case("محمد أحمد علي الحسن", age=31), "a1" * 8)
    receive(vault, victim_case("Muhammad Ahmad Ali al-Hassan", age=52), "b2" * 8)
    receive(vault, victim_case("خالد عمر المصري", date="2016-01-02", gov="Daraa"), "a1" * 8)
    linkage.run_linkage(vault)
    [pair] = linkage.review_queue(vault)
    return pair


def _clusters(vault) -> list[list[str]]:
    return sorted(sorted(m.ref for m in c.members) for c in linkage.victim_clusters(vault))


def _decisions(vault) -> list[tuple]:
    return vault.connection().execute(
        "SELECT left_ref, right_ref, decision, left_hash, right_hash, decided_at FROM linkage_decisions").fetchall()


def test_undo_takes_back_an_accept_and_the_clusters_and_queue_follow(coordinator_vault):
    vault = coordinator_vault
    pair = _namesakes(vault)
    apart = _clusters(vault)
    linkage.decide(vault, pair["pair_id"], "accept")
    assert len(_clusters(vault)) == len(apart) - 1  # the two records were made one person
    assert linkage.review_queue(vault) == []

    result = linkage.undo(vault)
    assert result["undone"]["pairs"] == [{"left_ref": pair["left_ref"], "right_ref": pair["right_ref"],
                                          "before": None, "after": "accept"}]
    assert _clusters(vault) == apart
    assert _decisions(vault) == []
    [back] = linkage.review_queue(vault)
    assert back["pair_id"] == pair["pair_id"] and back["previous_decision"] is None
    # Kept as records: the decision and its undo, in the log and in the audit chain.
    log = vault.connection().execute(
        "SELECT action, kind, undoes, before_decision, after_decision FROM linkage_decision_log ORDER BY seq"
    ).fetchall()
    assert log == [(1, "decide", None, None, "accept"), (2, "undo", 1, "accept", None)]
    actions = [e["action"] for e in audit.entries(vault.connection())]
    assert actions[-2:] == ["linkage.decide", "linkage.undo"]
    assert audit.verify_chain(vault.connection()) > 0

    # A later run (forced: scoring again) re-applies the decisions as they stand: still apart.
    linkage.run_linkage(vault, force=True)
    assert _clusters(vault) == apart
    assert [p["pair_id"] for p in linkage.review_queue(vault)] == [pair["pair_id"]]


def test_undo_goes_back_one_decision_at_a_time_and_then_refuses(coordinator_vault):
    vault = coordinator_vault
    pair = _namesakes(vault)
    linkage.decide(vault, pair["pair_id"], "unsure")
    unsure = _decisions(vault)
    linkage.decide(vault, pair["pair_id"], "reject")
    assert [d[2] for d in _decisions(vault)] == ["reject"]
    assert [a["pairs"][0]["after"] for a in linkage.recent_decisions(vault)] == ["reject", "unsure"]

    linkage.undo(vault)
    assert _decisions(vault) == unsure  # the unsure decision is back, with its own time and hashes
    assert [p["previous_decision"] for p in linkage.review_queue(vault)] == ["unsure"]
    linkage.undo(vault)
    assert _decisions(vault) == []
    assert linkage.recent_decisions(vault) == []

    before = vault.connection().execute("SELECT count(*) FROM linkage_decision_log").fetchone()[0]
    with pytest.raises(linkage.NothingToUndo) as refused:
        linkage.undo(vault)
    assert refused.value.code == "linkage.nothing_to_undo"
    assert vault.connection().execute("SELECT count(*) FROM linkage_decision_log").fetchone()[0] == before

    # A new decision after undoing is undone on its own; the undone ones stay undone.
    linkage.decide(vault, pair["pair_id"], "accept")
    linkage.undo(vault)
    assert _decisions(vault) == []


def test_link_undo_on_the_command_line(coordinator_vault, tawthiq, passphrase_file):
    vault = coordinator_vault
    pair = _namesakes(vault)
    linkage.decide(vault, pair["pair_id"], "reject")
    vault.lock()
    base = ("--vault", str(vault.path), "--passphrase-file", str(passphrase_file), "link")
    done = tawthiq(*base, "undo")
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == f"{pair['pair_id']}: reject undone; now no decision"
    queue = json.loads(tawthiq(*base, "review", "--json").stdout)
    assert [p["pair_id"] for p in queue] == [pair["pair_id"]]
    again = tawthiq(*base, "undo", "--json")
    assert again.returncode == 1
    assert again.stderr.decode().strip().splitlines() == ["tawthiq: no review decision left to undo"]
    assert again.stdout == b""
