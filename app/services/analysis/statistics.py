"""Counts a coordinator can defend: unique victims and incidents, and who recorded them.

What is counted (DESIGN.md section 7, HRDAG's practice for Syria):
- A *victim record* is one entry of a case's `victims[]` in the current version of the case
  (app.services.analysis.linkage.records, the record linkage reads too). Records that are the
  same person (the clusters the last linkage run stored) count as one *unique victim*. Statistics
  only read that result; linkage runs after an import and on demand, never while counting.
- A record is *countable* only if it has a name (Arabic or Latin), an incident date (a start
  with a precision other than `unknown`) and a place (a governorate). Records missing any of the
  three are excluded from every figure and counted, by reason, beside it: they cannot be told
  apart from other records, so counting them would count the same person several times.
- A unique victim is counted when at least one of its records is countable; its month,
  governorate, act, fate and perpetrator groups are the values most of its countable records
  give (ties: the record with the most precise date, then the lowest record key).
- Incidents are cases (or linked groups of cases); countable with a date and a place.
- Capture histories: for each unique victim, the set of documenters whose records are in its
  cluster, written as a 0/1 pattern over the documenters in a fixed order (`101` = recorded by
  the first and third, not the second) — the table multiple systems estimation takes as input.

Victims with several acts or several suspected perpetrator groups are counted once under each;
those breakdowns can add up to more than the total, and `notes` says so.

External lists (other monitors' published lists imported as sources, docs/sources.md) are never
counted as ours: a unique victim is ours when one of our countable records is in its cluster, and
its figures are the values our records give. Each list gets its own line (`sources`): its rows,
the unique people it names, how many of them we recorded too and how many only it has. In the
capture histories a list is one more column after the documenters, and people only a list
recorded have a pattern of their own (so the patterns can add up to more than our unique count).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.services.analysis import linkage
from app.services.analysis.linkage.clusters import group
from app.services.analysis.linkage.records import (
    LOCAL_DOCUMENTER,
    SOURCE_PREFIX,
    UNKNOWN,
    IncidentRecord,
    VictimRecord,
    codes,
    current_bodies,
    is_source,
    read_records,
)
from storage.database import Connection
from storage.vault import Vault

__all__ = ["LOCAL_DOCUMENTER", "SOURCE_PREFIX", "UNKNOWN", "Statistics", "codes", "compute", "consensus",
           "current_bodies", "grouped_victims", "is_source", "notes", "read_records"]


@dataclass
class Statistics:
    """The figures, as `stats --json` prints them (see docs/statistics.md for the schema)."""

    linkage: str
    victims: dict
    incidents: dict
    documenters: list[dict]
    overlaps: dict[str, dict[str, int]]
    capture_histories: dict
    notes: dict[str, str] = field(default_factory=dict)
    sources: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "linkage": self.linkage,
            "victims": self.victims,
            "incidents": self.incidents,
            "documenters": self.documenters,
            "overlaps": self.overlaps,
            "capture_histories": self.capture_histories,
            "sources": self.sources,
            "notes": self.notes,
        }


# ---- which records are one victim ----------------------------------------------------------
def grouped_victims(vault: Vault, records: list[VictimRecord],
                    links: Iterable[Iterable[str]] | None = None) -> tuple[list[list[VictimRecord]], str]:
    """Victim records grouped into unique victims, and a word for how ("linked", "stale", "unlinked").

    `links` (clusters of record keys, "<case id>#<index>") replace the stored linkage, for a
    what-if count. Otherwise the coordinator's last linkage run decides (read, never run here:
    "stale" when cases changed since, and the new records then count as their own victims); a
    documenter's vault is never linked, each record is its own victim."""
    victims, _incidents, linked = _grouped(vault, vault.connection(), records, [], links)
    return victims, linked


def _grouped(vault: Vault, conn: Connection, records: list[VictimRecord], cases: list[IncidentRecord],
             links: Iterable[Iterable[str]] | None) -> tuple[list[list[VictimRecord]], list[list[IncidentRecord]], str]:
    """Victims and incidents as `grouped_victims` says; given `links` (a what-if), the linkage
    service is not asked about incidents either."""
    if links is not None:
        return group({r.key: r for r in records}, links), [[c] for c in cases], "linked"
    if vault.role != "coordinator":  # a documenter's own cases: linkage is the coordinator's job
        return [[r] for r in records], [[c] for c in cases], "unlinked"
    return linkage.stored_groups(conn, records, cases)


# ---- counting --------------------------------------------------------------------------------
def consensus(records: list, attribute: str, known_only: bool = False) -> object:
    """The value most of a victim's records give; ties to the most precise date, then the lowest key.

    The one rule for a victim's attributes wherever victims are counted (statistics, estimation's
    strata). `known_only` lets only the records that give a value (not None) vote; None when none do.
    """
    if known_only:
        records = [r for r in records if getattr(r, attribute) is not None]
        if not records:
            return None
    if len(records) == 1:  # most victims are recorded once
        return getattr(records[0], attribute)
    ordered = sorted(records, key=lambda r: (r.precision_rank, r.key))
    votes = Counter(getattr(r, attribute) for r in ordered)
    best = max(votes.values())
    return next(getattr(r, attribute) for r in ordered if votes[getattr(r, attribute)] == best)


def _exclusions(records: Iterable) -> dict[str, int]:
    excluded = {"records": 0, "missing_name": 0, "missing_date": 0, "missing_place": 0}
    for r in records:
        gaps = r.missing
        if gaps:
            excluded["records"] += 1
            for gap in gaps:
                excluded[f"missing_{gap}"] += 1
    return excluded


def _breakdown(clusters: list[list], attribute: str, multi: bool) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for cluster in clusters:
        value: Any = consensus(cluster, attribute)
        counts.update(value if multi else (value,))
    return dict(sorted(counts.items()))


def _documenter_sets(clusters: list[list]) -> list[frozenset[str]]:
    return [frozenset().union(*(r.documenters for r in cluster)) for cluster in clusters]


def compute(vault: Vault, links: Iterable[Iterable[str]] | None = None) -> Statistics:
    """All figures, each case body parsed once; `links` are clusters of victim record keys to use
    instead of the stored linkage."""
    conn = vault.connection()
    victim_records, incident_records = read_records(conn)
    clusters, incident_groups, linkage_state = _grouped(vault, conn, victim_records, incident_records, links)
    # Only countable records speak for a unique victim; a cluster of excluded records is dropped.
    countable = [c for c in ([r for r in cl if r.countable] for cl in clusters) if c]
    # Ours: the clusters with a countable record of ours, counted by those records alone.
    counted = [c for c in ([r for r in cl if not r.from_source] for cl in countable) if c]
    our_records = [r for r in victim_records if not r.from_source]
    merged_away = sum(len(c) for c in counted) - len(counted)

    incidents = [c for c in ([r for r in cl if not r.missing] for cl in incident_groups) if c]

    documenter_sets = _documenter_sets(countable)
    names = sorted({d for r in incident_records for d in r.documenters})
    source_names = [row[0] for row in conn.execute("SELECT name FROM external_sources ORDER BY name")]
    lists = names + [SOURCE_PREFIX + name for name in source_names]
    # One pass per collection; each victim's documenter set is small, so pairs are cheap.
    sets = Counter(documenter_sets)
    patterns: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for members, n in sets.items():
        patterns["".join("1" if d in members else "0" for d in lists)] += n
        for a in members:
            for b in members:
                pairs[a, b] += n
    overlaps = {a: {b: pairs[a, b] for b in names} for a in names}
    records_of: Counter[str] = Counter()
    excluded_of: Counter[str] = Counter()
    for r in victim_records:
        for d in r.documenters:
            records_of[d] += 1
            excluded_of[d] += bool(r.missing)
    incidents_of = Counter(d for r in incident_records for d in r.documenters)
    per_documenter = [
        {"documenter": d, "victim_records": records_of[d], "victim_records_excluded": excluded_of[d],
         "unique_victims": pairs[d, d], "incidents": incidents_of[d]}
        for d in names
    ]
    ours_too: Counter[str] = Counter()  # people a list names whom we recorded too
    for members, n in sets.items():
        if any(not is_source(d) for d in members):
            for d in members:
                ours_too[d] += n
    per_source = [
        {"source": name, "records": records_of[label], "records_excluded": excluded_of[label],
         "unique_victims": pairs[label, label], "also_recorded_by_us": ours_too[label],
         "only_in_source": pairs[label, label] - ours_too[label],
         "recorded_by": {d: pairs[label, d] for d in names}}
        for name, label in ((name, SOURCE_PREFIX + name) for name in source_names)
    ]
    return Statistics(
        linkage=linkage_state,
        victims={
            "unique": len(counted),
            "records": len(our_records),
            "records_counted": sum(len(c) for c in counted),
            "records_linked_into_others": merged_away,
            "excluded": _exclusions(our_records),
            "by_month": _breakdown(counted, "month", multi=False),
            "by_governorate": _breakdown(counted, "governorate", multi=False),
            "by_act": _breakdown(counted, "acts", multi=True),
            "by_fate": _breakdown(counted, "fate", multi=False),
            "by_perpetrator_group": _breakdown(counted, "perpetrator_groups", multi=True),
        },
        incidents={
            "unique": len(incidents),
            "records": len(incident_records),
            "excluded": _exclusions(incident_records),
            "by_month": _breakdown(incidents, "month", multi=False),
            "by_governorate": _breakdown(incidents, "governorate", multi=False),
            "by_act": _breakdown(incidents, "acts", multi=True),
            "by_perpetrator_group": _breakdown(incidents, "perpetrator_groups", multi=True),
        },
        documenters=per_documenter,
        overlaps=overlaps,
        capture_histories={"documenters": names, "sources": source_names,
                           "patterns": dict(sorted(patterns.items(), reverse=True))},
        notes=notes(linkage_state),
        sources=per_source,
    )


def notes(linkage_state: str) -> dict[str, str]:
    """What is counted and what is excluded, one sentence per figure (also shown in the GUI)."""
    unlinked = {
        "unlinked": " Linkage has not run: every record counts as its own victim, so people recorded by "
                    "several documenters are counted more than once.",
        "stale": " Cases changed since linkage last ran: records it has not seen count as their own "
                 "victims until it runs again (`tawthiq link`).",
    }.get(linkage_state, "")
    return {
        "victims": "Unique victims: linked records of the same person count once. Counted: victim "
                   "records with a name, an incident date and a governorate; records missing any of "
                   "them are excluded and counted by reason." + unlinked,
        "incidents": "Incidents (cases, linked duplicates once) with a date and a governorate.",
        "by_month": "Month of the incident; incidents known only to the year are counted under the year.",
        "by_act": "A victim with several acts is counted under each act: the bars can add up to more "
                  "than the total.",
        "by_perpetrator_group": "A victim is counted under each suspected perpetrator group of the "
                                "incident; 'unknown' where none was named.",
        "capture_histories": "For each unique victim, which documenters recorded it (1) or not (0), "
                             "in the order of `documenters`, then of the external lists (`sources`); "
                             "all-zero patterns cannot be observed.",
        "sources": "External lists are never counted as ours: for each, the people it names, how many "
                   "of them we recorded too, and how many only it has.",
        "overlaps": "Unique victims recorded by both documenters (the diagonal: by that documenter).",
    }
