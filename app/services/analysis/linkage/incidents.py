"""Incidents two documenters reported separately: pairs of cases scored on place, date, act and
perpetrator (issue 17 item 7), for incidents whose victims are unnamed or not linked.

Victims link incidents already (service.incident_clusters: cases that share a linked victim).
This finds the others: two reports of one attack whose victims nobody named. Only cases of one
governorate whose dates lie at most `WINDOW_DAYS` apart are compared (cases without a governorate
or a date are never paired), and a pair is dropped when the two clearly disagree: acts with no
act in common, perpetrator groups with none in common, places below the governorate that differ.
What remains is **linked** when the two agree on the day (±1), share an act, report as many
victims, and agree on the place below the governorate or name a perpetrator group in common;
everything else goes to a review band of its own (`link incidents`), where a person accepts or
rejects it as for victims.
Nothing is merged: links are lists of case ids.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from app.services.analysis.linkage.records import UNKNOWN, IncidentRecord

WINDOW_DAYS = 3


@dataclass(frozen=True)
class IncidentPair:
    left: str
    right: str
    band: str  # "auto" or "review"
    evidence: dict = field(default_factory=dict)

    @property
    def pair_id(self) -> str:
        return incident_pair_id(self.left, self.right)


def incident_pair_id(left: str, right: str) -> str:
    a, b = sorted((left, right))
    return "i-" + hashlib.sha256(f"incident\n{a}\n{b}".encode()).hexdigest()[:12]


def _known(values: tuple[str, ...]) -> set[str]:
    return {v for v in values if v and v != UNKNOWN}


def _compare(a: IncidentRecord, b: IncidentRecord) -> IncidentPair | None:
    if a.date_days is None or b.date_days is None or abs(a.date_days - b.date_days) > WINDOW_DAYS:
        return None
    acts_a, acts_b = _known(a.acts), _known(b.acts)
    groups_a, groups_b = _known(a.perpetrator_groups), _known(b.perpetrator_groups)
    if acts_a and acts_b and not acts_a & acts_b:
        return None
    if groups_a and groups_b and not groups_a & groups_b:
        return None
    if a.place and b.place and a.place != b.place:
        return None
    both_days = a.date_precision == "day" and b.date_precision == "day"
    evidence = {
        "date": "same day" if both_days and abs(a.date_days - b.date_days) <= 1 else "within the window",
        "place": "same place" if a.place and a.place == b.place else "governorate only",
        "act": "shared" if acts_a & acts_b else "unknown",
        "perpetrator": "shared" if groups_a & groups_b else "unknown",
        "victims": "same number" if a.victims == b.victims else "different numbers",
    }
    # Many incidents happen in one governorate on one day: the day, the act and the number of
    # victims are not enough alone; the place below the governorate or the perpetrator must agree too.
    strong = (evidence["date"] == "same day" and evidence["act"] == "shared" and evidence["victims"] == "same number"
              and (evidence["place"] == "same place" or evidence["perpetrator"] == "shared"))
    left, right = sorted((a.case_id, b.case_id))
    return IncidentPair(left, right, "auto" if strong else "review", evidence)


def incident_pairs(incidents: list[IncidentRecord]) -> list[IncidentPair]:
    """Candidate pairs of cases that may report one incident, each with its band and evidence.

    Blocked on governorate and date: within a governorate, cases sorted by date are compared
    with those at most WINDOW_DAYS later, so the work grows with the cases of a few days."""
    by_governorate: dict[str, list[IncidentRecord]] = defaultdict(list)
    for r in incidents:
        if r.governorate and r.date_days is not None:
            by_governorate[r.governorate].append(r)
    out = []
    for records in by_governorate.values():
        records.sort(key=lambda r: (r.date_days, r.case_id))
        for i, a in enumerate(records):
            for b in records[i + 1:]:
                if b.date_days - a.date_days > WINDOW_DAYS:  # type: ignore[operator]
                    break
                pair = _compare(a, b)
                if pair is not None:
                    out.append(pair)
    return out
