"""Linkage of victims across documenters (DESIGN.md section 7): model, clusters, review.

The interface other services use (all of it reads the stored result of the last run):

- `victim_clusters(vault, records=None) -> list[VictimCluster]`: every victim as the records
  that are that person (app.services.analysis.linkage.records.VictimRecord).
- `incident_clusters(vault, clusters=None, case_ids=None) -> list[list[str]]`: case ids that
  record one incident.
- `state(conn, records)`: "linked", "stale" (cases changed since the last run) or "unlinked".

`run_linkage` (after an import, and on demand), `review_queue`, `review_items`, `decide`, `undo`,
`recent_decisions`,
`pair_details`, `summary`: the `link` command and the review view.
"""

from app.services.analysis.linkage.service import (
    DECISIONS,
    LinkageSummary,
    NothingToUndo,
    PairNotFound,
    VictimCluster,
    decide,
    incident_clusters,
    pair_details,
    recent_decisions,
    review_items,
    review_queue,
    run_linkage,
    state,
    summary,
    undo,
    victim_clusters,
)

__all__ = [
    "DECISIONS",
    "LinkageSummary",
    "NothingToUndo",
    "PairNotFound",
    "VictimCluster",
    "decide",
    "incident_clusters",
    "pair_details",
    "review_items",
    "recent_decisions",
    "review_queue",
    "run_linkage",
    "state",
    "summary",
    "undo",
    "victim_clusters",
]
