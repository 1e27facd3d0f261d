"""Poisson log-linear models for capture patterns, chosen by BIC, with a profile-likelihood interval.

The classic estimator (Fienberg 1972; Cormack 1989): the observed 2^k - 1 pattern counts are
Poisson with log-mean a sum of a main effect per list and some two-list interactions; the
all-zero cell, never observed, is predicted by the intercept. Models are compared by BIC (AIC is
shown beside it): with 3 lists every hierarchical model of main effects and two-way terms is
fitted; with 4 or 5 a forward search adds one interaction at a time while BIC improves. The
k-way interaction is never identifiable and is never fitted.

Heterogeneity: when people differ in how likely every list is to record them, the count of a
pattern seen by m lists gains a term that depends on m alone, shaped by how catchability is
spread among people (Darroch, Fienberg, Glonek & Junker 1993; Rcapture's Mh models). Two shapes
are offered: `normal`, m^2/2 (log-normal catchability, Darroch's model), and `gamma`,
log Γ(m + 2) (gamma-distributed catchability, which leaves a larger group of rarely recorded
people). `allowing_heterogeneity`, the default estimator, chooses the dependence terms by BIC with
the normal term present, then treats the shape as unknown: the estimate is the shape (or none)
with the highest likelihood, and the profile likelihood of N is maximised over the shapes too,
so the interval carries the data's uncertainty about which shape holds. A term's coefficient
stands for a spread, so a shape whose coefficient comes out negative (no heterogeneity seen) is
left out. Why: on simulated populations only this kept its 95% interval's coverage at 90% or
more when catchability varied from person to person (docs/benchmarks.md, `estimation.coverage`).

The interval is Cormack's profile likelihood for N: for each candidate unobserved count z the
model is refitted to the completed table, and z is inside the 95% interval while twice the
multinomial log-likelihood stays within 3.84 of its best.
"""

from __future__ import annotations

import itertools
import math
import warnings
from dataclasses import dataclass, replace

import numpy as np
import statsmodels.api as sm
from scipy.special import gammaln

CHI2_1_95 = 3.841458820694124
CEILING_FACTOR = 50  # an unobserved count above 50 times the observed is "not bounded"


@dataclass(frozen=True)
class LogLinearFit:
    observed: int
    interactions: tuple[tuple[int, int], ...]
    estimate: int
    lower: int
    upper: int
    bounded: bool
    aic: float
    bic: float
    heterogeneity: float | None = None  # the heterogeneity term's coefficient; None: not in the model
    shape: str | None = None  # the heterogeneity term's shape (SHAPES), None without one
    profiled: tuple[str | None, ...] = ()  # shapes the interval's profile likelihood was maximised over

    def describe(self, names: list[str]) -> str:
        terms = ["+".join(names)] + [f"{names[a]}:{names[b]}" for a, b in self.interactions]
        if self.shape is not None:
            terms.append(f"heterogeneity ({self.shape})")
        return " + ".join(terms)


SHAPES = {"normal": lambda m: m * m / 2.0, "gamma": lambda m: math.lgamma(m + 2.0) - math.lgamma(2.0)}


def _patterns(k: int) -> list[tuple[int, ...]]:
    return [p for p in itertools.product((0, 1), repeat=k) if any(p)]


def _design(patterns: list[tuple[int, ...]], interactions: tuple[tuple[int, int], ...],
            heterogeneity: str | None = None) -> np.ndarray:
    rows = [[1.0, *map(float, p), *(float(p[a] * p[b]) for a, b in interactions),
             *((SHAPES[heterogeneity](sum(p)),) if heterogeneity else ())] for p in patterns]
    return np.array(rows)


def _fit(y: np.ndarray, x: np.ndarray):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # perfect fits and zero cells: judged by the result, below
        return sm.GLM(y, x, family=sm.families.Poisson()).fit(maxiter=100)


def _profile_loglik(counts: list[int], interactions: tuple[tuple[int, int], ...], k: int, z: float,
                    heterogeneity: str | None = None) -> float:
    patterns = [(0,) * k, *_patterns(k)]
    y = np.array([z, *counts], dtype=float)
    mu = _fit(y, _design(patterns, interactions, heterogeneity)).fittedvalues
    total = y.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(y > 0, y * np.log(mu / total), 0.0)
    return float(gammaln(total + 1) - gammaln(z + 1) + terms.sum())


def _bound(f, best_z: float, best: float, direction: int, limit: float) -> tuple[float, bool]:
    """The z where the profile falls CHI2/2 below its best, searching away from best_z."""
    target = best - CHI2_1_95 / 2
    inside, step = best_z, max(1.0, best_z * 0.05)
    while True:
        probe = inside + direction * step
        if probe <= 0:
            # The doubling step overshot zero: the bound lies between `inside` and 0, or is 0.
            if f(0.0) >= target:
                return 0.0, True
            probe = 0.0
            break
        if probe >= limit:
            return limit, False
        if f(probe) < target:
            break
        inside, step = probe, step * 2
    outside = probe
    for _ in range(40):
        middle = (inside + outside) / 2
        if f(middle) < target:
            outside = middle
        else:
            inside = middle
        if abs(outside - inside) < 0.5:
            break
    return inside, True


def fit(counts: dict[tuple[int, ...], int], interactions: tuple[tuple[int, int], ...], k: int,
        interval: bool = True, heterogeneity: str | None = None) -> LogLinearFit | None:
    """One model (with its interval if asked), or None when its estimate does not exist (a zero margin)."""
    if heterogeneity and len(interactions) == k * (k - 1) // 2:
        return None  # with every two-list term there is no degree of freedom left for heterogeneity
    patterns = _patterns(k)
    y = np.array([counts.get(p, 0) for p in patterns], dtype=float)
    observed = int(y.sum())
    model = _fit(y, _design(patterns, interactions, heterogeneity))
    z_hat = float(math.exp(model.params[0])) if model.params[0] < 50 else math.inf
    limit = CEILING_FACTOR * observed + 5_000
    if not math.isfinite(z_hat) or z_hat > limit or not np.all(np.isfinite(model.params)):
        return None
    term = float(model.params[-1]) if heterogeneity else None
    if not interval:
        return LogLinearFit(observed, interactions, round(observed + z_hat), 0, 0, False,
                            float(model.aic), float(model.bic_llf), term, heterogeneity)
    ys = [int(v) for v in y]

    def profile(z: float) -> float:
        return _profile_loglik(ys, interactions, k, z, heterogeneity)

    return _with_interval(LogLinearFit(observed, interactions, round(observed + z_hat), 0, 0, False,
                                       float(model.aic), float(model.bic_llf), term, heterogeneity,
                                       (heterogeneity,)), profile, z_hat)


def _with_interval(model: LogLinearFit, profile, z_hat: float) -> LogLinearFit:
    observed = model.observed
    limit = CEILING_FACTOR * observed + 5_000
    best = profile(z_hat)
    low, _ = _bound(profile, z_hat, best, -1, limit)
    high, bounded = _bound(profile, z_hat, best, +1, limit)
    return replace(model, lower=math.floor(observed + low), upper=math.ceil(observed + high), bounded=bounded)


def choose(counts: dict[tuple[int, ...], int], k: int, heterogeneity: str | None = None
           ) -> tuple[LogLinearFit | None, list[LogLinearFit]]:
    """The model BIC prefers, with its interval, and every model fitted on the way (no intervals).

    With `heterogeneity` (a shape) every model searched has that heterogeneity term."""
    pairs = list(itertools.combinations(range(k), 2))
    fitted: list[LogLinearFit] = []

    def attempt(terms: tuple[tuple[int, int], ...]) -> LogLinearFit | None:
        result = fit(counts, terms, k, interval=False, heterogeneity=heterogeneity)
        if result is not None:
            fitted.append(result)
        return result

    if k == 3:
        for r in range(len(pairs) + 1):
            for terms in itertools.combinations(pairs, r):
                attempt(terms)
    else:
        current: tuple[tuple[int, int], ...] = ()
        best = attempt(current)
        while best is not None:
            trials = [t for t in (attempt((*current, p)) for p in pairs if p not in current) if t]
            better = [t for t in trials if t.bic < best.bic]
            if not better:
                break
            best = min(better, key=lambda t: t.bic)
            current = best.interactions
    if not fitted:
        return None, fitted
    return fit(counts, min(fitted, key=lambda t: t.bic).interactions, k, heterogeneity=heterogeneity), fitted


def allowing_heterogeneity(counts: dict[tuple[int, ...], int], k: int
                           ) -> tuple[LogLinearFit | None, list[LogLinearFit]]:
    """The default estimator: dependence terms by BIC, heterogeneity of unknown shape (module doc)."""
    searched, fitted = choose(counts, k, heterogeneity="normal")
    if searched is None or searched.heterogeneity is None or searched.heterogeneity <= 0:
        searched, fitted = choose(counts, k)  # no heterogeneity seen: the dependence terms without it
    if searched is None:
        return None, fitted
    terms = searched.interactions
    ys = [counts.get(p, 0) for p in _patterns(k)]
    candidates = []
    for shape in (None, *SHAPES):
        model = fit(counts, terms, k, interval=False, heterogeneity=shape)
        if model is not None and (shape is None or (model.heterogeneity or 0) > 0):
            z_hat = float(model.estimate - model.observed)
            candidates.append((_profile_loglik(ys, terms, k, z_hat, shape), z_hat, model))
    _, z_hat, best = max(candidates, key=lambda c: c[0])
    shapes = tuple(c[2].shape for c in candidates)
    best = replace(best, profiled=shapes)
    chosen = _with_interval(best, lambda z: _profile_over(ys, terms, k, z, shapes), z_hat)
    return chosen, fitted


def _profile_over(counts: list[int], interactions: tuple[tuple[int, int], ...], k: int, z: float,
                  shapes: tuple[str | None, ...]) -> float:
    # The shape is a parameter of the model like any other: the profile maximises over it too.
    return max(_profile_loglik(counts, interactions, k, z, shape) for shape in shapes)

