"""Bayesian model averaging over decomposable graphical models (Madigan & York 1997).

This is the method of HRDAG's R package `dga` (Lum, Price, Madigan), written here from the paper:
the cell counts of the 2^k capture patterns, the unobserved all-zero cell included, are
multinomial given the total N; the cell probabilities have a hyper-Dirichlet prior that factorises
over the graph's cliques (each cell's prior weight `delta`, 2^-k by default: one observation's
worth in all); N has the prior 1/N; every decomposable graph is equally likely a priori. The
posterior of (graph, N) is then in closed form, and the posterior of N is its sum over graphs.

The unobserved count is evaluated on a grid: every integer up to `EXACT_UP_TO`, geometric steps
after that (each point weighted by the width it stands for), up to a ceiling far above any
plausible total. A posterior that still has mass near that ceiling means the data do not bound
the total, and the caller calls the stratum not estimable rather than printing a number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln

from app.services.analysis.estimation.graphs import Graph, decomposable_graphs

EXACT_UP_TO = 2_000
GRID_RATIO = 1.002


@dataclass(frozen=True)
class Posterior:
    """The posterior of the total N, summarised; all counts are of people."""

    observed: int
    median: int
    lower: int  # 2.5% quantile
    upper: int  # 97.5% quantile
    bounded: bool  # False: mass near the grid's ceiling, the data do not bound N
    models: tuple[tuple[Graph, float], ...]  # graphs by posterior weight, largest first (top 5)
    grid_total: np.ndarray
    grid_mass: np.ndarray  # posterior mass at each grid point (sums to 1)


def _grid(observed: int) -> tuple[np.ndarray, np.ndarray]:
    ceiling = 50 * observed + 5_000
    exact = np.arange(0, min(EXACT_UP_TO, ceiling) + 1, dtype=float)
    points = [exact]
    if ceiling > EXACT_UP_TO:
        steps = math.ceil(math.log(ceiling / EXACT_UP_TO) / math.log(GRID_RATIO))
        points.append(np.unique(np.round(EXACT_UP_TO * GRID_RATIO ** np.arange(1, steps + 1))))
    z = np.unique(np.concatenate(points))
    # Each point stands for the integers between the midpoints to its neighbours.
    edges = np.concatenate(([z[0] - 0.5], (z[:-1] + z[1:]) / 2, [z[-1] + 0.5]))
    return z, np.diff(edges)


def _marginal(counts: dict[tuple[int, ...], int], members: frozenset[int]) -> dict[tuple[int, ...], int]:
    order = sorted(members)
    table: dict[tuple[int, ...], int] = {}
    for pattern, n in counts.items():
        key = tuple(pattern[i] for i in order)
        table[key] = table.get(key, 0) + n
    return table


def _log_ml(counts: dict[tuple[int, ...], int], members: frozenset[int], k: int, delta: float,
            z: np.ndarray) -> np.ndarray:
    """log of the Dirichlet-multinomial marginal likelihood of the margin on `members`, per z."""
    if not members:
        return np.zeros_like(z)
    c = len(members)
    alpha = delta * 2 ** (k - c)
    total_prior = alpha * 2**c
    table = _marginal(counts, members)
    zero = (0,) * c
    fixed = sum(gammaln(n + alpha) for cell, n in table.items() if cell != zero)
    fixed += (2**c - 1 - sum(1 for cell in table if cell != zero)) * gammaln(alpha)  # empty cells
    observed = sum(counts.values())
    return (fixed + gammaln(table.get(zero, 0) + z + alpha) - gammaln(observed + z + total_prior)
            + gammaln(total_prior) - 2**c * gammaln(alpha))


def posterior(counts: dict[tuple[int, ...], int], k: int, delta: float | None = None) -> Posterior:
    """Posterior of the total from the counts of each observed capture pattern (no all-zero key)."""
    delta = 2.0 ** -k if delta is None else delta
    observed = sum(counts.values())
    z, width = _grid(observed)
    total = observed + z
    # Terms every graph shares: multinomial coefficient and the prior 1/N.
    shared = gammaln(total + 1) - gammaln(z + 1) - sum(gammaln(n + 1) for n in counts.values())
    shared = shared - np.log(np.maximum(total, 1))
    graphs = decomposable_graphs(k)
    # A graph's log marginal likelihood is a signed sum of margins (+cliques, -separators), and
    # there are only 2^k - 1 margins: compute each once, then all graphs in one product.
    margins = sorted({m for g in graphs for m in (*g.cliques, *g.separators) if m}, key=sorted)
    column = {m: i for i, m in enumerate(margins)}
    signs = np.zeros((len(graphs), len(margins)))
    for g, graph in enumerate(graphs):
        for clique in graph.cliques:
            signs[g, column[clique]] += 1
        for separator in graph.separators:
            if separator:  # an empty separator's term is 0
                signs[g, column[separator]] -= 1
    by_margin = np.array([_log_ml(counts, m, k, delta, z) for m in margins])
    log_post = shared + signs @ by_margin
    log_post += np.log(width)
    log_post -= log_post.max()
    weight = np.exp(log_post)
    weight /= weight.sum()
    mass = weight.sum(axis=0)
    by_graph = weight.sum(axis=1)
    cumulative = np.cumsum(mass)

    def quantile(q: float) -> int:
        return int(total[min(int(np.searchsorted(cumulative, q)), len(total) - 1)])

    upper = quantile(0.975)
    ranked = sorted(zip(graphs, by_graph.tolist(), strict=True), key=lambda gw: -gw[1])[:5]
    return Posterior(
        observed=observed, median=quantile(0.5), lower=quantile(0.025), upper=upper,
        bounded=upper - observed < 0.5 * (total[-1] - observed),
        models=tuple(ranked), grid_total=total, grid_mass=mass,
    )
