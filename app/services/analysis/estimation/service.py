"""Estimates per stratum with their intervals, the "not estimable" rule, totals and caveats.

Four estimators run on every estimable stratum and are reported side by side: the log-linear
model allowing for heterogeneity (`loglinear.allowing_heterogeneity`, Darroch et al. 1993: the
default), the model average over decomposable graphs (`bma`, as HRDAG's dga), the latent-class
model (`lcmcr`, as HRDAG's LCMCR) and the BIC-chosen log-linear model without the heterogeneity
term. The default is the one whose 95% interval held the truth at least 90% of the time on
simulated populations whose lists record independently, depend on each other, or record some
people more readily than others (docs/benchmarks.md, `estimation.coverage`); the model average
and the latent-class model fell far below that where catchability varied from person to person.
When the default's interval does not even overlap the model average's or the latent-class one,
the report says so: the lists' dependence or heterogeneity is strong, and the figure deserves
more caution than its interval shows. A stratum is *not estimable*, and gets no number, when
fewer than three lists recorded anyone in it, when it is too small or its lists barely overlap
(the overlaps are all the information there is about the unrecorded), or when the model
average's posterior or the default's interval is not bounded by the data. The total over strata
sums the estimable strata's distributions of the total (by simulation from each) and lists the
documented victims of the others apart.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from app.services.analysis.estimation import bma, lcmcr, loglinear
from app.services.analysis.estimation.graphs import MAX_LISTS, MIN_LISTS
from app.services.analysis.estimation.histories import Individual, pattern_counts, stratify
from storage.errors import TawthiqError

MIN_DOCUMENTED = 20  # fewer unique victims in a stratum: too small to say anything about the rest
MIN_OVERLAP = 5  # fewer recorded by two lists or more: the overlaps carry too little information
TOTAL_DRAWS = 20_000
SEED = 20241208

# Printed beside every figure (docs/estimation.md says more). Codes, so each front end words them.
CAVEATS = {
    "linkage": "Linkage errors bias the estimate: records of one person left apart make it too "
               "high, records of different people merged make it too low.",
    "dependence": "Lists that tend to record the same victims (or to miss the same ones), and "
                  "victims who differ in how likely they are to be recorded, bias the estimate; "
                  "the models allow for some of this, not all.",
    "universe": "The estimate covers victims of the kind the lists record, in the strata shown: "
                "victims no list could have recorded under the same definition are outside it.",
}


class EstimationRefused(TawthiqError):
    """The lists chosen cannot be used: too few, too many, or a documenter no one knows."""

    @property
    def count(self) -> int:
        """How many lists were given (0 when the refusal is not about their number)."""
        count = self.values.get("count", 0)
        return count if isinstance(count, int) else 0


@dataclass(frozen=True)
class Estimate:
    method: str  # "loglinear_heterogeneity", "bma", "lcmcr" or "loglinear"
    estimate: int  # posterior median (bma, lcmcr) or maximum likelihood (the log-linear ones)
    lower: int
    upper: int
    models: tuple[tuple[str, float], ...]  # (model, posterior weight) or (model, BIC); best first


@dataclass(frozen=True)
class StratumEstimate:
    stratum: dict[str, str]
    lists: tuple[str, ...]  # the lists that recorded someone in this stratum
    documented: int
    overlapping: int  # recorded by two lists or more
    patterns: dict[str, int]  # "101": count, over `lists`
    not_estimable: str | None  # reason code, or None
    default: Estimate | None = None  # the log-linear estimate allowing for heterogeneity
    estimators_disagree: bool = False  # the default's interval is disjoint from the model average's or latent class's
    model_average: Estimate | None = None
    latent_class: Estimate | None = None
    loglinear: Estimate | None = None
    loglinear_heterogeneity: Estimate | None = None


@dataclass
class EstimationReport:
    lists: tuple[str, ...]
    by: tuple[str, ...]
    strata: list[StratumEstimate]
    documented: int
    total: Estimate | None  # over the estimable strata
    documented_estimable: int
    documented_not_estimable: int
    caveats: dict[str, str] = field(default_factory=lambda: dict(CAVEATS))

    def to_json(self) -> dict:
        def est(e: Estimate | None) -> dict | None:
            if e is None:
                return None
            return {"method": e.method, "estimate": e.estimate, "interval": [e.lower, e.upper],
                    "models": [{"model": m, "score": s} for m, s in e.models]}
        return {
            "lists": list(self.lists), "by": list(self.by), "documented": self.documented,
            "total": {"documented": self.documented_estimable, "estimate": est(self.total),
                      "documented_not_estimable": self.documented_not_estimable},
            "strata": [{"stratum": s.stratum, "lists": list(s.lists), "documented": s.documented,
                        "overlapping": s.overlapping, "patterns": s.patterns,
                        "not_estimable": s.not_estimable, "estimate": est(s.default),
                        "estimators_disagree": s.estimators_disagree, "model_average": est(s.model_average),
                        "latent_class": est(s.latent_class), "loglinear": est(s.loglinear),
                        "loglinear_heterogeneity": est(s.loglinear_heterogeneity)}
                       for s in self.strata],
            "caveats": self.caveats,
        }


def _stratum(key: tuple[str, ...], by: tuple[str, ...], people: list[Individual], lists: Sequence[str]
             ) -> StratumEstimate:
    present = tuple(name for name in lists if any(name in p.lists for p in people))
    counts = pattern_counts(people, list(present))
    documented = sum(counts.values())
    overlapping = sum(n for pattern, n in counts.items() if sum(pattern) >= 2)
    base = StratumEstimate(
        stratum=dict(zip(by, key, strict=True)), lists=present, documented=documented, overlapping=overlapping,
        patterns={"".join(map(str, p)): n for p, n in sorted(counts.items(), reverse=True)}, not_estimable=None)
    if len(present) < MIN_LISTS:
        return replace(base, not_estimable="fewer_than_three_lists")
    if overlapping == 0:
        return replace(base, not_estimable="no_overlap")
    if documented < MIN_DOCUMENTED or overlapping < MIN_OVERLAP:
        return replace(base, not_estimable="too_small")
    k = len(present)
    posterior = bma.posterior(counts, k)
    if not posterior.bounded:
        return replace(base, not_estimable="unbounded")
    names = list(present)
    average = Estimate("bma", posterior.median, posterior.lower, posterior.upper,
                       tuple((g.describe(names), round(w, 4)) for g, w in posterior.models))
    classes = lcmcr.posterior(counts, k)
    latent = Estimate("lcmcr", classes.median, classes.lower, classes.upper, ())
    chosen, fitted = loglinear.choose(counts, k)
    classic = None
    if chosen is not None and chosen.bounded:
        ranked = sorted(fitted, key=lambda f: f.bic)[:5]
        classic = Estimate("loglinear", chosen.estimate, chosen.lower, chosen.upper,
                           tuple((f.describe(names), round(f.bic, 2)) for f in ranked))
    allowing, fitted = loglinear.allowing_heterogeneity(counts, k)
    if allowing is None or not allowing.bounded:
        return replace(base, not_estimable="unbounded")
    # The model the figure comes from first, then the others the search weighed, by BIC.
    ranked = [allowing, *(f for f in sorted(fitted, key=lambda f: f.bic)
                          if f.describe(names) != allowing.describe(names))]
    default = Estimate("loglinear_heterogeneity", allowing.estimate, allowing.lower, allowing.upper,
                       tuple((f.describe(names), round(f.bic, 2)) for f in ranked[:5]))
    disagree = any(default.upper < other.lower or other.upper < default.lower for other in (average, latent))
    return replace(base, default=default, estimators_disagree=disagree, model_average=average,
                   latent_class=latent, loglinear=classic, loglinear_heterogeneity=default)


def _draws(chosen: Estimate, documented: int, rng: np.random.Generator) -> np.ndarray:
    """Draws of a stratum's total for the sum over strata, matching its estimate and interval.

    A standard normal draw is scaled by (estimate - lower) / 1.96 below zero and by
    (upper - estimate) / 1.96 above: the draws' median is the estimate and their 2.5% and 97.5%
    points are the interval's ends, however skewed the interval."""
    z = rng.standard_normal(TOTAL_DRAWS)
    scale = np.where(z < 0, chosen.estimate - chosen.lower, chosen.upper - chosen.estimate) / 1.959964
    return np.maximum(documented, chosen.estimate + z * scale)


def _sum_of_strata(strata: list[StratumEstimate]) -> Estimate:
    """The total: the sum of the strata's estimates, with an interval from the distribution of the
    sum (strata are independent, so a draw of the total sums one draw of each)."""
    rng = np.random.default_rng(SEED)
    total = np.zeros(TOTAL_DRAWS)
    point = 0
    for s in strata:
        assert s.default is not None
        total += _draws(s.default, s.documented, rng)
        point += s.default.estimate
    low, high = np.quantile(total, [0.025, 0.975])
    return Estimate("sum of strata", point, min(point, int(np.floor(low))), max(point, int(np.ceil(high))), ())


def estimate(individuals: Iterable[Individual], lists: Sequence[str], by: tuple[str, ...] = (),
             progress: Callable[[int, int], None] | None = None) -> EstimationReport:
    """Estimate each stratum of `individuals` (unique victims with the lists that recorded them).

    `progress(done, total)` is called after each stratum (the GUI's bar; it may raise to cancel).
    """
    # One order whatever order the lists were given in: the sampler's draws, and so the figures,
    # then depend only on the data.
    lists = sorted(dict.fromkeys(lists), key=lambda name: (name.casefold(), name))
    if len(lists) < MIN_LISTS:
        raise EstimationRefused("estimate.too_few_lists", minimum=MIN_LISTS, maximum=MAX_LISTS, count=len(lists))
    if len(lists) > MAX_LISTS:
        raise EstimationRefused("estimate.too_many_lists", minimum=MIN_LISTS, maximum=MAX_LISTS, count=len(lists))
    people = [p for p in individuals if p.lists & set(lists)]
    strata = []
    grouped = stratify(people, by)
    for done, (key, members) in enumerate(grouped.items(), start=1):
        strata.append(_stratum(key, by, members, lists))
        if progress is not None:
            progress(done, len(grouped))
    estimable = sum(s.documented for s in strata if s.not_estimable is None)
    estimated = [s for s in strata if s.default is not None]
    # One estimable stratum: the total is its figure, not an approximation of it by draws.
    total = (replace(estimated[0].default, method="sum of strata", models=()) if len(estimated) == 1
             else _sum_of_strata(estimated) if estimated else None)
    return EstimationReport(
        lists=tuple(lists), by=by, strata=strata, documented=sum(s.documented for s in strata),
        total=total,
        documented_estimable=estimable,
        documented_not_estimable=sum(s.documented for s in strata) - estimable,
    )


def simulate(size: int, capture: Sequence[float], *, seed: int, heterogeneity: float = 0.0,
             dependence: float = 0.0, mixture: Sequence[tuple[float, float]] = ()) -> list[Individual]:
    """A population of known size captured by lists, for coverage checks (never real data).

    `heterogeneity` spreads each person's catchability (a log-normal factor of that scale);
    `mixture` gives groups of people (share, factor) that lists record more or less often;
    `dependence` makes the second list likelier to record whom the first recorded.
    """
    rng = random.Random(seed)  # noqa: S311 (simulated populations, nothing secret)
    names = [f"L{i + 1}" for i in range(len(capture))]
    people = []
    for _ in range(size):
        factor = rng.lognormvariate(0, heterogeneity) if heterogeneity else 1.0
        if mixture:
            pick, cumulative = rng.random(), 0.0
            for share, group_factor in mixture:
                cumulative += share
                if pick < cumulative:
                    factor *= group_factor
                    break
        seen: set[str] = set()
        for i, p in enumerate(capture):
            chance = min(1.0, p * factor)
            if i == 1 and dependence and names[0] in seen:
                chance = min(1.0, chance + dependence)
            if rng.random() < chance:
                seen.add(names[i])
        if seen:
            people.append(Individual(frozenset(seen), {}))
    return people
