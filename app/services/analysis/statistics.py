"""Counts a coordinator can defend: unique victims and incidents, and who recorded them.

What is counted (DESIGN.md section 7, HRDAG's practice for Syria):
- A *victim record* is one entry of a case's `victims[]` in the current version of the case.
  Records that are the same person (linkage clusters) count as one *unique victim*.
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
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.services.case_body import entries, section
from storage.database import Connection
from storage.vault import Vault

# Label for records that have no provenance row: the vault's own cases (a documenter's vault,
# or cases a coordinator typed in directly).
LOCAL_DOCUMENTER = "local"
UNKNOWN = "unknown"

_PRECISION_RANK = {"day": 0, "month": 1, "approximate": 2, "year": 3}
_NAME_PARTS = ("given", "father", "grandfather", "family", "first", "last", "full")


@dataclass(frozen=True)
class VictimRecord:
    """One victim entry of one case, with what statistics need from its case."""

    key: str  # "<case id>#<index in victims[]>": stable while the case keeps its victim order
    case_id: str
    index: int
    documenters: frozenset[str]
    has_name: bool
    month: str | None  # "2024-03", or "2024" when only the year is known; None: no usable date
    precision_rank: int
    governorate: str | None
    acts: tuple[str, ...]
    fate: str
    perpetrator_groups: tuple[str, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        gaps = []
        if not self.has_name:
            gaps.append("name")
        if self.month is None:
            gaps.append("date")
        if not self.governorate:
            gaps.append("place")
        return tuple(gaps)

    @property
    def countable(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class IncidentRecord:
    case_id: str
    documenters: frozenset[str]
    month: str | None
    precision_rank: int
    governorate: str | None
    acts: tuple[str, ...]
    perpetrator_groups: tuple[str, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        gaps = []
        if self.month is None:
            gaps.append("date")
        if not self.governorate:
            gaps.append("place")
        return tuple(gaps)


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

    def to_json(self) -> dict:
        return {
            "linkage": self.linkage,
            "victims": self.victims,
            "incidents": self.incidents,
            "documenters": self.documenters,
            "overlaps": self.overlaps,
            "capture_histories": self.capture_histories,
            "notes": self.notes,
        }


# ---- reading the vault -----------------------------------------------------------------------
def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _has_name(victim: dict) -> bool:
    for key, value in victim.items():
        if not key.startswith("name"):
            continue
        if _text(value):
            return True
        if isinstance(value, dict) and any(_text(value.get(p)) for p in _NAME_PARTS):
            return True
    return False


def _month(date: object) -> tuple[str | None, int]:
    """The counting month of an incident date; year-only dates count under the bare year."""
    if not isinstance(date, dict):
        return None, 9
    start = _text(date.get("start"))
    precision = _text(date.get("precision")) or "day"
    if not start or precision == "unknown" or len(start) < 4 or not start[:4].isdigit():
        return None, 9
    rank = _PRECISION_RANK.get(precision, 2)
    if precision == "year" or len(start) < 7 or not start[5:7].isdigit():
        return start[:4], _PRECISION_RANK["year"]
    return start[:7], rank


def _codes(value: object) -> tuple[str, ...]:
    """A vocabulary field that may hold one code or a list of codes."""
    texts = [_text(v) for v in value] if isinstance(value, list) else [_text(value)]
    return tuple(sorted({t for t in texts if t}))


def _perpetrator_groups(body: dict) -> tuple[str, ...]:
    groups: set[str] = set()
    perpetrators = body.get("perpetrators")
    for p in perpetrators if isinstance(perpetrators, list) else []:
        if isinstance(p, dict):
            groups.update(_codes(p.get("group")))
    return tuple(sorted(groups)) or (UNKNOWN,)


def case_documenters(conn: Connection) -> dict[str, frozenset[str]]:
    """Which documenters sent any version of each case (coordinator provenance)."""
    found: dict[str, set[str]] = defaultdict(set)
    for case_id, documenter in conn.execute("SELECT case_id, documenter FROM case_provenance"):
        found[case_id].add(documenter)
    return {k: frozenset(v) for k, v in found.items()}


def current_bodies(conn: Connection) -> Iterator[tuple[str, dict]]:
    """(case id, body) of the current version of every case."""
    rows = conn.execute(
        "SELECT c.id, v.body FROM cases c JOIN case_versions v "
        "ON v.case_id = c.id AND v.version = c.current_version ORDER BY c.id"
    )
    for case_id, body in rows:
        parsed = json.loads(body)
        if isinstance(parsed, dict):
            yield case_id, parsed


def read_records(vault: Vault) -> tuple[list[VictimRecord], list[IncidentRecord]]:
    conn = vault.connection()
    provenance = case_documenters(conn)
    victims: list[VictimRecord] = []
    incidents: list[IncidentRecord] = []
    for case_id, body in current_bodies(conn):
        documenters = provenance.get(case_id, frozenset({LOCAL_DOCUMENTER}))
        month, rank = _month(body.get("date"))
        location = section(body, "location")
        governorate = _text(location.get("governorate")) or None
        groups = _perpetrator_groups(body)
        case_acts: set[str] = set()
        raw_victims = entries(body, "victims")
        for index, victim in enumerate(raw_victims):
            if not isinstance(victim, dict):
                continue
            acts = _codes(victim.get("act")) or (UNKNOWN,)
            case_acts.update(acts)
            victims.append(VictimRecord(
                key=f"{case_id}#{index}", case_id=case_id, index=index, documenters=documenters,
                has_name=_has_name(victim), month=month, precision_rank=rank, governorate=governorate,
                acts=acts, fate=_text(victim.get("fate")) or UNKNOWN, perpetrator_groups=groups,
            ))
        incidents.append(IncidentRecord(
            case_id=case_id, documenters=documenters, month=month, precision_rank=rank,
            governorate=governorate, acts=tuple(sorted(case_acts)) or (UNKNOWN,), perpetrator_groups=groups,
        ))
    return victims, incidents


# ---- clusters (the one place linkage plugs in) -----------------------------------------------
def victim_clusters(
    vault: Vault, records: list[VictimRecord], links: Iterable | None = None
) -> tuple[list[list[VictimRecord]], str]:
    """Group victim records into unique victims; without linkage each record is its own victim.

    `links` (clusters of record keys) overrides the linkage service, for a what-if count.
    Returns the clusters and a word for how they were made ("linked" or "unlinked"). Records the
    linkage result does not mention stay singletons, so a stale linkage run never drops a record.
    """
    if links is not None:
        return _group(records, _cluster_keys(links), lambda r: r.key), "linked"
    if vault.role != "coordinator":  # a documenter's own cases: linkage is the coordinator's job
        return [[r] for r in records], "unlinked"
    try:
        from app.services.analysis import linkage  # the linkage engineer's module, once it exists
    except ImportError:
        return [[r] for r in records], "unlinked"
    return _group(records, _cluster_keys(linkage.victim_clusters(vault)), lambda r: r.key), "linked"


def incident_clusters(vault: Vault, records: list[IncidentRecord]) -> list[list[IncidentRecord]]:
    if vault.role != "coordinator":
        return [[r] for r in records]
    try:
        from app.services.analysis import linkage
    except ImportError:
        return [[r] for r in records]
    if not hasattr(linkage, "incident_clusters"):
        return [[r] for r in records]
    return _group(records, _cluster_keys(linkage.incident_clusters(vault)), lambda r: r.case_id)


def _record_key(member: object) -> str:
    """A record key from what linkage gives: "case#index", a (case id, index) pair, a member
    object or mapping with case_id and index (victim_index), or a bare case id (incidents)."""
    if isinstance(member, str):
        return member
    if isinstance(member, tuple | list) and len(member) == 2:
        return f"{member[0]}#{member[1]}"
    if isinstance(member, dict):
        index = member.get("victim_index", member.get("index"))
        return f"{member['case_id']}#{index}" if index is not None else str(member["case_id"])
    if hasattr(member, "case_id"):
        # victim_index first: a named tuple's `index` is the tuple method, not a field
        index = getattr(member, "victim_index", None)
        if index is None and not isinstance(member, tuple):
            index = getattr(member, "index", None)
        return f"{member.case_id}#{index}" if index is not None else str(member.case_id)
    return str(member)


def _cluster_keys(clusters: Iterable) -> list[list[str]]:
    """Lists of record keys from linkage's clusters (lists of members, or objects with .members)."""
    return [[_record_key(m) for m in getattr(cluster, "members", cluster)] for cluster in clusters]


def _group(records: list, clusters: list[list[str]], key_of) -> list[list]:
    by_key = {key_of(r): r for r in records}
    seen: set[str] = set()
    grouped: list[list] = []
    for cluster in clusters:
        members = [by_key[k] for k in cluster if k in by_key and k not in seen]
        seen.update(key_of(m) for m in members)
        if members:
            grouped.append(members)
    grouped.extend([r] for r in records if key_of(r) not in seen)
    return grouped


# ---- counting --------------------------------------------------------------------------------
def _consensus(records: list, attribute: str) -> object:
    """The value most records give; ties to the most precise date, then the lowest key."""
    if len(records) == 1:  # most victims are recorded once
        return getattr(records[0], attribute)
    ordered = sorted(records, key=lambda r: (r.precision_rank, getattr(r, "key", r.case_id)))
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
        value: Any = _consensus(cluster, attribute)
        counts.update(value if multi else (value,))
    return dict(sorted(counts.items()))


def _documenter_sets(clusters: list[list]) -> list[frozenset[str]]:
    return [frozenset().union(*(r.documenters for r in cluster)) for cluster in clusters]


def compute(vault: Vault, links: Iterable | None = None) -> Statistics:
    """All figures; `links` are clusters of victim record keys to use instead of the linkage service."""
    victim_records, incident_records = read_records(vault)
    clusters, linkage_state = victim_clusters(vault, victim_records, links)
    # Only countable records speak for a unique victim; a cluster of excluded records is dropped.
    counted = [c for c in ([r for r in cl if r.countable] for cl in clusters) if c]
    merged_away = sum(len(c) for c in counted) - len(counted)

    # Given `links` (a what-if), the linkage service is not asked about incidents either.
    incident_groups = (incident_clusters(vault, incident_records) if links is None
                       else [[r] for r in incident_records])
    incidents = [c for c in ([r for r in cl if not r.missing] for cl in incident_groups) if c]

    documenter_sets = _documenter_sets(counted)
    names = sorted({d for r in incident_records for d in r.documenters})
    # One pass per collection; each victim's documenter set is small, so pairs are cheap.
    sets = Counter(documenter_sets)
    patterns: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for members, n in sets.items():
        patterns["".join("1" if d in members else "0" for d in names)] += n
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
    return Statistics(
        linkage=linkage_state,
        victims={
            "unique": len(counted),
            "records": len(victim_records),
            "records_counted": sum(len(c) for c in counted),
            "records_linked_into_others": merged_away,
            "excluded": _exclusions(victim_records),
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
        capture_histories={"documenters": names, "patterns": dict(sorted(patterns.items(), reverse=True))},
        notes=notes(linkage_state),
    )


def notes(linkage_state: str) -> dict[str, str]:
    """What is counted and what is excluded, one sentence per figure (also shown in the GUI)."""
    unlinked = (
        " Linkage has not run: every record counts as its own victim, so people recorded by "
        "several documenters are counted more than once."
        if linkage_state == "unlinked" else ""
    )
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
                             "in the order of `documenters`; all-zero patterns cannot be observed.",
        "overlaps": "Unique victims recorded by both documenters (the diagonal: by that documenter).",
    }
