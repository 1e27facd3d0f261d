"""Capture histories: which lists recorded each unique victim, and the strata it falls in.

A *list* is what the coordinator says it is: one documenter, a group of documenters (say, one
organisation's team), or an external list imported as a source. Estimation assumes the lists are
reasonably independent and define a victim the same way; the coordinator chooses them, and the
report says so. An individual is one unique victim after linkage, with the set of lists that
recorded it (at least one) and its stratum values.

The table R's tools read (LCMCR, dga via its own tabulation, Rcapture with `dfreq = FALSE`): one
row per individual, one 0/1 column per list, then the stratum columns.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

STRATA = ("governorate", "period", "sex", "age_group")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Individual:
    lists: frozenset[str]
    strata: Mapping[str, str]


def age_group(age: object) -> str:
    """Children, adults and the old: the groups violence records usually need told apart."""
    if isinstance(age, bool) or not isinstance(age, int | float) or age < 0 or age > 130:
        return UNKNOWN
    if age < 18:
        return "0-17"
    return "18-59" if age < 60 else "60+"


def group_into_lists(documenter_sets: Iterable[frozenset[str]], groups: Mapping[str, str]) -> list[frozenset[str]]:
    """Map each record's documenters to the coordinator's lists (a documenter not grouped is its own list)."""
    return [frozenset(groups.get(d, d) for d in members) for members in documenter_sets]


def stratify(individuals: Iterable[Individual], by: tuple[str, ...]) -> dict[tuple[str, ...], list[Individual]]:
    strata: dict[tuple[str, ...], list[Individual]] = {}
    for person in individuals:
        key = tuple(person.strata.get(name, UNKNOWN) or UNKNOWN for name in by)
        strata.setdefault(key, []).append(person)
    return dict(sorted(strata.items()))


def pattern_counts(individuals: Iterable[Individual], lists: list[str]) -> dict[tuple[int, ...], int]:
    counts: Counter[tuple[int, ...]] = Counter()
    for person in individuals:
        pattern = tuple(int(name in person.lists) for name in lists)
        if any(pattern):
            counts[pattern] += 1
    return dict(counts)


def table_csv(individuals: Iterable[Individual], lists: list[str], by: tuple[str, ...]) -> str:
    """One row per individual: a 0/1 column per list, then the stratum columns (R's layout)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*(_column(name) for name in lists), *by])
    for person in individuals:
        writer.writerow([*(int(name in person.lists) for name in lists),
                         *(_cell(person.strata.get(name, UNKNOWN) or UNKNOWN) for name in by)])
    return out.getvalue()


def _column(name: str) -> str:
    # R's read.csv makes syntactic names anyway; a list name from a documenter's identity may hold
    # anything, so keep it recognisable and safe for a spreadsheet.
    return _cell(name)


def _cell(value: str) -> str:
    # A value opened in a spreadsheet must not run as a formula.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
