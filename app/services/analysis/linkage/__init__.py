"""Linkage of victims across documenters (DESIGN.md section 7): model, clusters, review.

The interface other services use (all of it reads the stored result of the last run):

- `victim_clusters(vault, records=None) -> list[VictimCluster]`: every victim as the records
  that are that person (app.services.analysis.linkage.records.VictimRecord).
- `incident_clusters(vault, clusters=None, case_ids=None) -> list[list[str]]`: case ids that
  record one incident.
- `state(conn, records)`: "linked", "stale" (cases changed since the last run) or "unlinked".
- `stored_groups(conn, records, cases)`: the three above in one read, for statistics.

`run_linkage` (after an import, and on demand), `review_queue`, `review_items`, `decide`, `undo`,
`recent_decisions`, `pair_details`, `summary`: the `link` command and the review view. `cluster_details` (why records
are one person: the pairs, their levels and weights per field), `cluster_pair_ids`, `split` (take
a record out of a cluster, kept as a decision): `link show`, `link split` and the clusters view.
`incident_review_queue`, `incident_decide`: incidents paired on place, date, act and perpetrator
(linkage/incidents.py) that wait for a person: `link incidents`, `link incident-decide`.
"""

from app.services.analysis.linkage.service import (
    DECISIONS,
    ClusterNotFound,
    LinkageSummary,
    NothingToUndo,
    PairNotFound,
    VictimCluster,
    cluster_details,
    cluster_pair_ids,
    decide,
    incident_clusters,
    incident_decide,
    incident_review_queue,
    pair_details,
    recent_decisions,
    review_items,
    review_queue,
    run_linkage,
    split,
    state,
    stored_groups,
    summary,
    undo,
    victim_clusters,
)

__all__ = [
    "DECISIONS",
    "ClusterNotFound",
    "LinkageSummary",
    "NothingToUndo",
    "PairNotFound",
    "VictimCluster",
    "cluster_details",
    "cluster_pair_ids",
    "decide",
    "incident_clusters",
    "incident_decide",
    "incident_review_queue",
    "pair_details",
    "review_items",
    "recent_decisions",
    "review_queue",
    "run_linkage",
    "split",
    "state",
    "stored_groups",
    "summary",
    "undo",
    "victim_clusters",
]
