"""Decomposable graphical models over k lists, as Madigan & York's model averaging needs them.

A model is an undirected graph whose vertices are the lists: an edge lets two lists depend on each
other (a victim seen by one is more or less likely to be seen by the other). Only decomposable
(chordal) graphs are used: their hyper-Dirichlet marginal likelihood factorises over the maximal
cliques and the separators of a junction tree, in closed form. For 3 lists all 8 graphs are
decomposable, for 4 lists 61 of 64, for 5 lists 822 of 1,024.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

MIN_LISTS = 3
MAX_LISTS = 5  # 822 graphs; 6 lists would be 18,154, and lists that many are rarely independent


@dataclass(frozen=True)
class Graph:
    lists: int
    edges: frozenset[tuple[int, int]]
    cliques: tuple[frozenset[int], ...]
    separators: tuple[frozenset[int], ...]  # with multiplicity, from a junction tree

    def describe(self, names: list[str]) -> str:
        """`[A,B][C]`: the cliques, the notation of log-linear and graphical models."""
        return "".join("[" + ",".join(names[i] for i in sorted(c)) + "]" for c in self.cliques)


def _adjacent(edges: frozenset[tuple[int, int]], a: int, b: int) -> bool:
    return (min(a, b), max(a, b)) in edges


def _is_clique(edges: frozenset[tuple[int, int]], vertices: tuple[int, ...]) -> bool:
    return all(_adjacent(edges, a, b) for a, b in itertools.combinations(vertices, 2))


def _is_chordal(k: int, edges: frozenset[tuple[int, int]]) -> bool:
    # A graph is chordal iff simplicial vertices can be removed one after another until none is left.
    left = set(range(k))
    while left:
        for v in sorted(left):
            neighbours = tuple(u for u in left if u != v and _adjacent(edges, u, v))
            if _is_clique(edges, neighbours):
                left.remove(v)
                break
        else:
            return False
    return True


def _maximal_cliques(k: int, edges: frozenset[tuple[int, int]]) -> list[frozenset[int]]:
    cliques = [frozenset(s) for r in range(k, 0, -1) for s in itertools.combinations(range(k), r)
               if _is_clique(edges, s)]
    return sorted((c for c in cliques if not any(c < other for other in cliques)),
                  key=lambda c: (-len(c), sorted(c)))


def _separators(cliques: list[frozenset[int]]) -> list[frozenset[int]]:
    # A maximum-weight spanning tree of the clique graph (weights: intersection sizes) is a
    # junction tree of a chordal graph; its edges' intersections are the separators.
    if len(cliques) < 2:
        return []
    pairs = sorted(itertools.combinations(range(len(cliques)), 2),
                   key=lambda p: -len(cliques[p[0]] & cliques[p[1]]))
    component = list(range(len(cliques)))

    def root(i: int) -> int:
        while component[i] != i:
            i = component[i]
        return i

    separators = []
    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            component[ra] = rb
            separators.append(cliques[a] & cliques[b])
    return separators


@cache
def decomposable_graphs(k: int) -> tuple[Graph, ...]:
    if not MIN_LISTS <= k <= MAX_LISTS:
        raise ValueError(f"models are defined for {MIN_LISTS} to {MAX_LISTS} lists, not {k}")
    possible = list(itertools.combinations(range(k), 2))
    graphs = []
    for mask in range(1 << len(possible)):
        edges = frozenset(e for i, e in enumerate(possible) if mask >> i & 1)
        if _is_chordal(k, edges):
            cliques = _maximal_cliques(k, edges)
            graphs.append(Graph(k, edges, tuple(cliques), tuple(_separators(cliques))))
    return tuple(graphs)
