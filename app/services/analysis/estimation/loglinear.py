"""Poisson log-linear models for capture patterns, chosen by BIC, with a profile-likelihood interval.

The classic estimator (Fienberg 1972; Cormack 1989): the observed 2^k - 1 pattern counts are
Poisson with log-mean a sum of a main effect per list and some two-list interactions; the
all-zero cell, never observed, is predicted by the intercept. Models are compared by BIC (AIC is
shown beside it): with 3 lists every hierarchical model of main effects and two-way terms is
fitted; with 4 or 5 a forward search adds one interaction at a time while BIC improves. The
k-way interaction is never identifiable and is never fitted.

The interval is Cormack's profile likelihood for N: for each candidate unobserved count z the
model is refitted to the completed table, and z is inside the 95% interval while twice the
multinomial log-likelihood stays within 3.84 of its best.
"""

from __future__ import annotations

import itertools
import math
import warnings
from dataclasses import dataclass

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

    def describe(self, names: list[str]) -> str:
        terms = ["+".join(names)] + [f"{names[a]}:{names[b]}" for a, b in self.interactions]
        return " + ".join(terms)


def _patterns(k: int) -> list[tuple[int, ...]]:
    return [p for p in itertools.product((0, 1), repeat=k) if any(p)]


def _design(patterns: list[tuple[int, ...]], interactions: tuple[tuple[int, int], ...]) -> np.ndarray:
    rows = [[1.0, *map(float, p), *(float(p[a] * p[b]) for a, b in interactions)] for p in patterns]
    return np.array(rows)


def _fit(y: np.ndarray, x: np.ndarray):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # perfect fits and zero cells: judged by the result, below
        return sm.GLM(y, x, family=sm.families.Poisson()).fit(maxiter=100)


def _profile_loglik(counts: list[int], interactions: tuple[tuple[int, int], ...], k: int, z: float) -> float:
    patterns = [(0,) * k, *_patterns(k)]
    y = np.array([z, *counts], dtype=float)
    mu = _fit(y, _design(patterns, interactions)).fittedvalues
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
            return 0.0, True
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
        interval: bool = True) -> LogLinearFit | None:
    """One model (with its interval if asked), or None when its estimate does not exist (a zero margin)."""
    patterns = _patterns(k)
    y = np.array([counts.get(p, 0) for p in patterns], dtype=float)
    observed = int(y.sum())
    model = _fit(y, _design(patterns, interactions))
    z_hat = float(math.exp(model.params[0])) if model.params[0] < 50 else math.inf
    limit = CEILING_FACTOR * observed + 5_000
    if not math.isfinite(z_hat) or z_hat > limit or not np.all(np.isfinite(model.params)):
        return None
    if not interval:
        return LogLinearFit(observed, interactions, round(observed + z_hat), 0, 0, False,
                            float(model.aic), float(model.bic_llf))
    ys = [int(v) for v in y]

    def profile(z: float) -> float:
        return _profile_loglik(ys, interactions, k, z)

    best = profile(z_hat)
    low, _ = _bound(profile, z_hat, best, -1, limit)
    high, bounded = _bound(profile, z_hat, best, +1, limit)
    return LogLinearFit(
        observed=observed, interactions=interactions, estimate=round(observed + z_hat),
        lower=math.floor(observed + low), upper=math.ceil(observed + high), bounded=bounded,
        aic=float(model.aic), bic=float(model.bic_llf),
    )


def choose(counts: dict[tuple[int, ...], int], k: int) -> tuple[LogLinearFit | None, list[LogLinearFit]]:
    """The model BIC prefers, with its interval, and every model fitted on the way (no intervals)."""
    pairs = list(itertools.combinations(range(k), 2))
    fitted: list[LogLinearFit] = []

    def attempt(terms: tuple[tuple[int, int], ...]) -> LogLinearFit | None:
        result = fit(counts, terms, k, interval=False)
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
    return fit(counts, min(fitted, key=lambda t: t.bic).interactions, k), fitted
