"""The capture histories of a coordinator vault: unique victims, the lists that recorded them, strata.

Victims are the ones statistics counts (app.services.analysis.statistics): the current version of
every case, grouped into people by the coordinator's last linkage run, countable records only
(a name, a date and a place). A person's lists are the lists of the documenters whose records are
in its cluster; its strata are the values most of its countable records give.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from app.services.analysis import statistics
from app.services.analysis.estimation import service
from app.services.analysis.estimation.histories import UNKNOWN, Individual, age_group
from app.services.exchange import trust_list
from storage.vault import Vault


@dataclass(frozen=True)
class Histories:
    lists: tuple[str, ...]
    individuals: list[Individual]
    linkage: str  # "linked", "stale" or "unlinked", as statistics says


class UnknownDocumenter(service.EstimationRefused):
    def __init__(self, name: str):
        super().__init__("estimate.unknown_documenter", name=repr(name))


def _strata(cluster: list) -> dict[str, str]:
    # One rule for a victim's attributes, the one statistics counts by (statistics.consensus).
    month = statistics.consensus(cluster, "month")
    year = str(month)[:4] if month else None
    # Linkage keeps the sex's first letter for comparison; strata use the vocabulary's codes.
    sex = {"m": "male", "f": "female"}.get(str(statistics.consensus(cluster, "sex", known_only=True)))
    born = statistics.consensus(cluster, "birth_year", known_only=True)
    age = int(year) - int(born) if year and year.isdigit() and isinstance(born, int) else None
    return {"governorate": str(statistics.consensus(cluster, "governorate") or UNKNOWN),
            "period": year or UNKNOWN, "sex": str(sex or UNKNOWN), "age_group": age_group(age)}


def _lists(vault: Vault, groups: Mapping[str, Sequence[str]], seen: set[str],
           with_sources: bool = False) -> tuple[dict[str, str], tuple]:
    """Each documenter key's list name, and the lists in order (`with_sources`, without groups:
    each imported list is a list too, after the documenters, named `source:<name>`)."""
    known = trust_list.list_trusted(vault)
    name_of = {row["key_id"]: (row["name"] or row["key_id"]) for row in known}
    if not groups:
        # By default one list per documenter; an external list is a list only when named.
        sources = sorted(k for k in seen if statistics.is_source(k)) if with_sources else []
        seen = {k for k in seen if not statistics.is_source(k)}
        ordered = sorted(seen, key=lambda k: (str(name_of.get(k, k)).casefold(), k))  # as people read them
        labels = [name_of.get(k, k) for k in ordered]
        # Two documenters with one name stay two lists: the key id tells them apart.
        labels = [label if labels.count(label) == 1 else f"{label} ({key})" for label, key in zip(labels, ordered,
                                                                                                 strict=True)]
        return dict(zip(ordered + sources, labels + sources, strict=True)), tuple(labels + sources)
    by_word = {k.upper(): k for k in (*name_of, *seen) if not statistics.is_source(k)}
    by_word.update({name.casefold(): k for k, name in name_of.items()})
    # An external list is named `source:<name>` (docs/sources.md), as statistics shows it.
    by_word.update({k.casefold(): k for k in _source_lists(vault)})
    list_of: dict[str, str] = {}
    for list_name, members in groups.items():
        for member in members:
            key = by_word.get(member.upper()) or by_word.get(member.casefold())
            if key is None:
                raise UnknownDocumenter(member)
            list_of[key] = list_name
    return list_of, tuple(groups)


def _source_lists(vault: Vault) -> list[str]:
    return [statistics.SOURCE_PREFIX + row[0]
            for row in vault.connection().execute("SELECT name FROM external_sources ORDER BY name")]


def histories(vault: Vault, groups: Mapping[str, Sequence[str]] | None = None,
              with_sources: bool = False) -> Histories:
    records, _incidents = statistics.read_records(vault.connection())
    clusters, linkage_state = statistics.grouped_victims(vault, records)
    counted = [c for c in ([r for r in cluster if r.countable] for cluster in clusters) if c]
    seen = {d for cluster in counted for r in cluster for d in r.documenters}
    list_of, lists = _lists(vault, groups or {}, seen, with_sources)
    individuals = []
    for cluster in counted:
        # Only the records of the chosen lists speak for a person's strata.
        chosen = [r for r in cluster if any(d in list_of for d in r.documenters)]
        recorded_by = frozenset(list_of[d] for r in chosen for d in r.documenters if d in list_of)
        if recorded_by:
            individuals.append(Individual(recorded_by, _strata(chosen)))
    return Histories(lists, individuals, linkage_state)


def estimate(inputs: Histories, by: tuple[str, ...] = (),
             progress: Callable[[int, int], None] | None = None) -> service.EstimationReport:
    return service.estimate(inputs.individuals, inputs.lists, by, progress)
