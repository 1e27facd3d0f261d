"""Clustering scored pairs into victims, with the reviewers' decisions as constraints.

Links are added strongest first (union-find). An accepted pair is a link whatever its score; a
rejected pair is a cannot-link: two groups are never joined if that would put a rejected pair
in one victim, even through a chain of other links. Records of one case are cannot-links too
(`apart`): a documenter lists each victim of an incident once, so two victims of one case are two
people, however alike (brothers killed together), and no chain may join them. Records are never merged or deleted: a
cluster is only a list of references. `group` turns such lists back into the records they name:
the one way statistics, exports and the link command see clusters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

R = TypeVar("R")


class _Groups:
    def __init__(self, ids: Iterable[str]):
        self.parent = {i: i for i in ids}
        self.members = {i: {i} for i in self.parent}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        return ra


def cluster(
    ids: Iterable[str],
    links: Iterable[tuple[str, str, float]],
    accepted: Iterable[tuple[str, str]] = (),
    rejected: Iterable[tuple[str, str]] = (),
    apart: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """Groups of ids (each sorted; singletons included), largest first then by first id.

    `links` are the automatic links (left, right, probability); ids with the same value in
    `apart` (their case) never share a group."""
    groups = _Groups(ids)
    known = groups.parent
    apart = apart or {}
    cases: dict[str, set[str]] = {i: {apart[i]} if i in apart else set() for i in known}
    cannot: dict[str, set[str]] = {}
    for a, b in rejected:
        if a in known and b in known:
            cannot.setdefault(a, set()).add(b)
            cannot.setdefault(b, set()).add(a)

    def allowed(a: str, b: str) -> bool:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            return True
        if cases[ra] & cases[rb]:
            return False
        small, big = sorted((groups.members[ra], groups.members[rb]), key=len)
        return not any(cannot.get(x, set()) & big for x in small)

    decided = [(a, b, 2.0) for a, b in accepted if a in known and b in known]
    auto = [(a, b, p) for a, b, p in links if a in known and b in known]
    # Ties broken by the ids, so the same links give the same victims whatever order they came in.
    for a, b, _p in sorted(decided + auto, key=lambda t: (-t[2], t[0], t[1])):
        if allowed(a, b):
            ra, rb = groups.find(a), groups.find(b)
            root = groups.union(a, b)
            cases[root] = cases.pop(ra) | cases.pop(rb) if ra != rb else cases[root]
    out = [sorted(m) for m in groups.members.values()]
    out.sort(key=lambda g: (-len(g), g[0]))
    return out


def components(pairs: Iterable[tuple[str, str]]) -> list[set[str]]:
    """The connected groups of ids that `pairs` join (ids in no pair left out)."""
    ids = {x for pair in pairs for x in pair}
    groups = _Groups(ids)
    for a, b in pairs:
        groups.union(a, b)
    return list(groups.members.values())


def group(named: Mapping[str, R], clusters: Iterable[Iterable[str]]) -> list[list[R]]:
    """Records (by their names: a record key, a victim reference, a case id) grouped as `clusters`
    (lists of those names) say; every record exactly once.

    A name the clusters give that no record has is skipped (a case since deleted); a record no
    cluster names is its own group (a case received after the last linkage run), so a stale
    clustering never drops a record. Groups keep the clusters' order, then the singletons' (in the
    order of `named`)."""
    seen: set[str] = set()
    grouped: list[list[R]] = []
    for names in clusters:
        members = [n for n in names if n in named and n not in seen]
        seen.update(members)
        if members:
            grouped.append([named[n] for n in members])
    grouped.extend([record] for name, record in named.items() if name not in seen)
    return grouped
