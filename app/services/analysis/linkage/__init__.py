"""Linkage of victims across documenters (DESIGN.md section 7): records, model, clusters, review.

The interface other services use:

- `victim_clusters(vault) -> list[VictimCluster]`: every victim as the records that are that
  person; each member has `ref`, `case_id`, `victim_index`, `documenters` (and `documenter`,
  the first). Runs linkage when the cases changed since the last run.
- `incident_clusters(vault) -> list[list[str]]`: case ids that record one incident.
- `run_linkage`, `review_queue`, `decide`, `pair_details`, `summary`: the `link` command and
  the review view.
"""

from app.services.analysis.linkage.service import (
    DECISIONS,
    LinkageSummary,
    PairNotFound,
    VictimCluster,
    VictimMember,
    decide,
    incident_clusters,
    pair_details,
    review_queue,
    run_linkage,
    summary,
    victim_clusters,
)

__all__ = [
    "DECISIONS",
    "LinkageSummary",
    "PairNotFound",
    "VictimCluster",
    "VictimMember",
    "decide",
    "incident_clusters",
    "pair_details",
    "review_queue",
    "run_linkage",
    "summary",
    "victim_clusters",
]
