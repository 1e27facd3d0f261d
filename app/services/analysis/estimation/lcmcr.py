"""Latent-class capture-recapture with a Dirichlet-process prior (Manrique-Vallier 2016, LCMCR).

HRDAG's estimator for Syria, Peru and Colombia, written here from the paper (Biometrics 72:
1246–1254): people fall into latent classes (a truncated stick-breaking prior with `classes`
classes and concentration alpha ~ Gamma(0.25, 0.25)); within a class the lists record
independently, with probabilities lambda_jk ~ Beta(1, 1); N has the prior 1/N. Classes absorb
heterogeneity in how likely people are to be recorded, which is what defeats models that treat
everyone alike. The Gibbs sampler follows the paper's steps; people with the same capture pattern
are exchangeable, so class memberships are drawn per pattern as multinomial counts.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

CLASSES = 10  # K*, the truncation; the paper's examples use 10 to 20
PRIOR_ALPHA = (0.25, 0.25)
BURN_IN = 1_000
SAMPLES = 3_000
THIN = 1  # successive draws are kept: the interval needs the spread, not independent draws


@dataclass(frozen=True)
class LatentClassPosterior:
    observed: int
    median: int
    lower: int
    upper: int
    draws: np.ndarray  # posterior draws of N


def posterior(counts: dict[tuple[int, ...], int], k: int, *, seed: int = 20241208,
              burn_in: int = BURN_IN, samples: int = SAMPLES) -> LatentClassPosterior:
    rng = np.random.default_rng(seed)
    patterns = np.array([p for p in itertools.product((0, 1), repeat=k) if any(p)], dtype=float)
    seen = np.array([counts.get(tuple(int(v) for v in p), 0) for p in patterns], dtype=np.int64)
    keep = seen > 0
    patterns, seen = patterns[keep], seen[keep]
    observed = int(seen.sum())
    K = CLASSES
    lam = rng.uniform(0.2, 0.8, size=(K, k))  # lists' recording probabilities per class
    pi = np.full(K, 1.0 / K)
    alpha = 1.0
    missing = observed  # the unrecorded, started at one per recorded person
    draws = []
    for step in range(burn_in + samples * THIN):
        # 1. Classes of the recorded, per pattern; 2. of the unrecorded (pattern all zeros).
        log_lam, log_not = np.log(lam), np.log1p(-lam)
        weights = np.log(pi) + patterns @ log_lam.T + (1 - patterns) @ log_not.T  # patterns × K
        weights = np.exp(weights - weights.max(axis=1, keepdims=True))
        weights /= weights.sum(axis=1, keepdims=True)
        members = rng.multinomial(seen, weights)  # patterns × K
        p_unseen_by_class = pi * np.exp(log_not.sum(axis=1))
        p_unseen = p_unseen_by_class.sum()
        unseen_members = rng.multinomial(missing, p_unseen_by_class / p_unseen) if missing else np.zeros(K, int)
        # 3. Recording probabilities from everyone in each class (the unrecorded count as zeros).
        in_class = members.sum(axis=0) + unseen_members
        recorded = members.T @ patterns  # K × lists
        lam = rng.beta(1 + recorded, 1 + in_class[:, None] - recorded)
        lam = np.clip(lam, 1e-12, 1 - 1e-12)
        # 4. Stick-breaking weights; 5. concentration.
        after = np.concatenate((np.cumsum(in_class[::-1])[::-1][1:], [0]))
        v = rng.beta(1 + in_class[:-1], alpha + after[:-1])
        v = np.clip(v, 1e-12, 1 - 1e-12)
        pi = np.concatenate((v, [1.0])) * np.concatenate(([1.0], np.cumprod(1 - v)))
        pi = np.maximum(pi, 1e-300)
        alpha = rng.gamma(PRIOR_ALPHA[0] + K - 1, 1.0 / (PRIOR_ALPHA[1] - np.log(pi[-1])))
        # 6. The unrecorded: negative binomial under the prior 1/N.
        p_unseen = float(np.sum(pi * np.exp(np.log1p(-lam).sum(axis=1))))
        missing = int(rng.negative_binomial(observed, max(1e-12, 1 - p_unseen)))
        if step >= burn_in and (step - burn_in) % THIN == 0:
            draws.append(observed + missing)
    totals = np.array(draws)
    low, mid, high = np.quantile(totals, [0.025, 0.5, 0.975])
    return LatentClassPosterior(observed, int(round(mid)), int(np.floor(low)), int(np.ceil(high)), totals)
