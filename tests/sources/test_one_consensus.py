"""Statistics and estimation read a victim's attributes by one rule (statistics.consensus).

Before, estimation's strata took the first of equally frequent values in cluster order while
statistics took the value of the record with the most precise date: one person could be counted
in Hama by `stats` and estimated in Homs by `estimate`.
"""

from __future__ import annotations

from app.services.analysis import statistics
from app.services.analysis.estimation import from_vault
from app.services.analysis.linkage.records import VictimRecord


def _record(case_id: str, governorate: str, month: str, rank: int, sex: str | None) -> VictimRecord:
    return VictimRecord(ref=f"{case_id}/#0", case_id=case_id, victim_index=0, content_hash="h",
                        documenters=("a",), governorate=governorate, month=month, precision_rank=rank, sex=sex,
                        has_name=True)


def test_a_tie_goes_to_the_most_precise_record_in_both():
    # The first record (lower key) knows only the month and says Hama; the second the day, Homs.
    vague = _record("00000000-0000-4000-8000-000000000001", "hama", "2024-03", 1, "f")
    precise = _record("00000000-0000-4000-8000-000000000002", "homs", "2024-03", 0, "m")
    cluster = [vague, precise]
    assert statistics.consensus(cluster, "governorate") == "homs"
    strata = from_vault._strata(cluster)
    assert strata["governorate"] == statistics.consensus(cluster, "governorate") == "homs"
    assert strata["sex"] == "male"


def test_only_records_that_know_a_value_vote_when_asked():
    a = _record("00000000-0000-4000-8000-000000000001", "homs", "2024-03", 0, None)
    b = _record("00000000-0000-4000-8000-000000000002", "homs", "2024-03", 1, "f")
    assert statistics.consensus([a, b], "sex") is None  # None is a value when every record votes
    assert statistics.consensus([a, b], "sex", known_only=True) == "f"
    assert from_vault._strata([a, b])["sex"] == "female"
