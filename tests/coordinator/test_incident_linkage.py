"""Incident linkage on place, date, act and perpetrator (issue 17 item 7), on a real coordinator
vault: two documenters' reports of one attack whose victims nobody named count once; weaker
matches wait in a review band of their own; decisions are kept; clear disagreements never pair.
"""

from __future__ import annotations

import json

import pytest

from app.services.analysis import linkage, statistics
from tests.conftest import PASSPHRASE
from tests.linkage_support import receive

pytestmark = pytest.mark.filterwarnings("ignore")

A, B, C = "a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2", "c3c3c3c3c3c3c3c3"


def shelling(*, date: str = "2014-05-02", gov: str = "Homs", district: str | None = "homs.rastan",
             group: str | None = "former_government_forces", victims: int = 3, act: str = "killing") -> dict:
    """A report of an attack: its victims unnamed (bodies counted, not identified)."""
    location = {"governorate": gov} | ({"district": district} if district else {})
    return {"form": "killing", "title": "shelling", "date": {"start": date, "precision": "day"},
            "location": location, "perpetrators": [{"group": group}] if group else [],
            "victims": [{"sex": "male", "act": act, "fate": "killed"} for _ in range(victims)]}


def _incidents(vault) -> int:
    return statistics.compute(vault).incidents["unique"]


def test_two_reports_of_one_attack_with_unnamed_victims_count_once(coordinator_vault):
    receive(coordinator_vault, shelling(), A)
    receive(coordinator_vault, shelling(date="2014-05-03"), B)  # written a day later
    receive(coordinator_vault, shelling(date="2014-05-02", gov="Aleppo", district=None), C)  # elsewhere
    linkage.run_linkage(coordinator_vault)
    assert _incidents(coordinator_vault) == 2
    assert linkage.incident_review_queue(coordinator_vault) == []


@pytest.mark.parametrize("other", [
    {"group": "isis"},                       # perpetrators named and different
    {"act": "abduction"},                    # acts different
    {"district": "homs.qusayr"},             # places below the governorate different
    {"date": "2014-05-09"},                  # a week apart
])
def test_clear_disagreements_are_never_paired(coordinator_vault, other):
    receive(coordinator_vault, shelling(), A)
    receive(coordinator_vault, shelling(**other), B)
    linkage.run_linkage(coordinator_vault)
    assert _incidents(coordinator_vault) == 2
    assert coordinator_vault.connection().execute("SELECT count(*) FROM linkage_incident_pairs").fetchone()[0] == 0


def test_a_weaker_match_waits_for_a_person_and_the_decision_is_kept(coordinator_vault):
    receive(coordinator_vault, shelling(), A)
    # No district, no perpetrator, two victims counted instead of three: perhaps the same attack.
    receive(coordinator_vault, shelling(district=None, group=None, victims=2), B)
    linkage.run_linkage(coordinator_vault)
    assert _incidents(coordinator_vault) == 2
    [pair] = linkage.incident_review_queue(coordinator_vault)
    assert pair["evidence"]["victims"] == "different numbers" and pair["left"]["victims"] in (2, 3)
    linkage.incident_decide(coordinator_vault, pair["pair_id"], "accept")
    assert _incidents(coordinator_vault) == 1 and linkage.incident_review_queue(coordinator_vault) == []
    linkage.run_linkage(coordinator_vault, force=True)  # scored again: the decision stays
    assert _incidents(coordinator_vault) == 1
    linkage.incident_decide(coordinator_vault, pair["pair_id"], "reject")
    assert _incidents(coordinator_vault) == 2


def test_link_incidents_and_incident_decide_from_the_command(tawthiq, coordinator_vault, passphrase_file):
    receive(coordinator_vault, shelling(), A)
    receive(coordinator_vault, shelling(district=None, group=None, victims=2), B)
    folder = coordinator_vault.path
    coordinator_vault.lock()
    base = ("--vault", str(folder), "--passphrase-file", str(passphrase_file), "link")
    assert tawthiq(*base).returncode == 0
    listed = tawthiq(*base, "incidents", "--json")
    assert listed.returncode == 0, listed.stderr
    [pair] = json.loads(listed.stdout)
    done = tawthiq(*base, "incident-decide", pair["pair_id"], "accept", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["decision"] == "accept"
    assert json.loads(tawthiq(*base, "incidents", "--json").stdout) == []
    missing = tawthiq(*base, "incident-decide", "i-000000000000", "accept")
    assert missing.returncode == 1 and len(missing.stderr.decode().strip().splitlines()) == 1
    from storage.vault import Vault

    v = Vault.unlock(folder, PASSPHRASE)
    try:
        assert statistics.compute(v).incidents["unique"] == 1
    finally:
        v.lock()
