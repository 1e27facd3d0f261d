"""The capture histories of a coordinator vault: unique victims, the lists that recorded them, strata.

Victims are the ones statistics counts (app.services.analysis.statistics): the current version of
every case, grouped into people by the coordinator's last linkage run, countable records only
(a name, a date and a place). A person's lists are the lists of the documenters whose records are
in its cluster; its strata are the values most of its countable records give.
"""

from __future__ import annotations

from collections import Counter
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


def _majority(values: list) -> object:
    return Counter(values).most_common(1)[0][0] if values else None


def _strata(cluster: list) -> dict[str, str]:
    month = _majority([r.month for r in cluster])
    year = str(month)[:4] if month else None
    # Linkage keeps the sex's first letter for comparison; strata use the vocabulary's codes.
    sex = {"m": "male", "f": "female"}.get(str(_majority([r.sex for r in cluster if r.sex])))
    born = _majority([r.birth_year for r in cluster if r.birth_year])
    age = int(year) - int(born) if year and year.isdigit() and isinstance(born, int) else None
    return {"governorate": str(_majority([r.governorate for r in cluster]) or UNKNOWN),
            "period": year or UNKNOWN, "sex": str(sex or UNKNOWN), "age_group": age_group(age)}


def _lists(vault: Vault, groups: Mapping[str, Sequence[str]], seen: set[str]) -> tuple[dict[str, str], tuple]:
    """Each documenter key's list name, and the lists in order."""
    known = trust_list.list_trusted(vault)
    name_of = {row["key_id"]: (row["name"] or row["key_id"]) for row in known}
    if not groups:
        ordered = sorted(seen, key=lambda k: (str(name_of.get(k, k)).casefold(), k))  # as people read them
        labels = [name_of.get(k, k) for k in ordered]
        # Two documenters with one name stay two lists: the key id tells them apart.
        labels = [label if labels.count(label) == 1 else f"{label} ({key})" for label, key in zip(labels, ordered,
                                                                                                 strict=True)]
        return dict(zip(ordered, labels, strict=True)), tuple(labels)
    by_word = {k.upper(): k for k in (*name_of, *seen)}
    by_word.update({name.casefold(): k for k, name in name_of.items()})
    list_of: dict[str, str] = {}
    for list_name, members in groups.items():
        for member in members:
            key = by_word.get(member.upper()) or by_word.get(member.casefold())
            if key is None:
                raise UnknownDocumenter(member)
            list_of[key] = list_name
    return list_of, tuple(groups)


def histories(vault: Vault, groups: Mapping[str, Sequence[str]] | None = None) -> Histories:
    records, _incidents = statistics.read_records(vault.connection())
    clusters, linkage_state = statistics.grouped_victims(vault, records)
    counted = [c for c in ([r for r in cluster if r.countable] for cluster in clusters) if c]
    seen = {d for cluster in counted for r in cluster for d in r.documenters}
    list_of, lists = _lists(vault, groups or {}, seen)
    individuals = []
    for cluster in counted:
        recorded_by = frozenset(list_of[d] for r in cluster for d in r.documenters if d in list_of)
        if recorded_by:
            individuals.append(Individual(recorded_by, _strata(cluster)))
    return Histories(lists, individuals, linkage_state)


def estimate(inputs: Histories, by: tuple[str, ...] = (),
             progress: Callable[[int, int], None] | None = None) -> service.EstimationReport:
    return service.estimate(inputs.individuals, inputs.lists, by, progress)
