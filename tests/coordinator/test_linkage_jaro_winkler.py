"""DuckDB's Jaro–Winkler in Python (linkage/jaro_winkler.py), which Spark runs in place of the
similarity jar's: every value must be DuckDB's to the last bit, or a pair at the model's 0.88
threshold could land in another comparison level on Spark than on DuckDB."""

from __future__ import annotations

import itertools
import random

import duckdb
import pytest

from app.services.analysis.linkage.jaro_winkler import jaro_winkler_similarity, similarities
from benchmarks.linkage_quality import fake_1000_rows

pytestmark = pytest.mark.filterwarnings("ignore")


def _duckdb(pairs: list[tuple[str | None, str | None]]) -> list[float | None]:
    first, second = [a for a, _ in pairs], [b for _, b in pairs]
    return [v for (v,) in duckdb.connect(":memory:").execute(
        "SELECT jaro_winkler_similarity(a, b) FROM (SELECT unnest(?) AS a, unnest(?) AS b, "
        "unnest(range(?)) AS n) ORDER BY n", [first, second, len(pairs)]).fetchall()]


def _differences(pairs):
    ours = [jaro_winkler_similarity(a, b) for a, b in pairs]
    return [(a, b, mine, theirs) for (a, b), mine, theirs in zip(pairs, ours, _duckdb(pairs), strict=True)
            if mine != theirs]


def test_every_short_string_over_a_small_alphabet_scores_as_in_duckdb():
    """All strings of up to 5 letters of 'aab'/'abc' against each other: repeated letters,
    swaps, the matching window's edges, one-letter and empty strings."""
    words = ["".join(w) for n in range(6) for w in itertools.product("ab", repeat=n)]
    others = ["".join(w) for n in range(6) for w in itertools.product("abc", repeat=n)]
    pairs = [(a, b) for a in words for b in others]
    assert len(pairs) > 20_000
    assert _differences(pairs) == []


def test_fake_1000_values_and_names_score_as_in_duckdb():
    rows = fake_1000_rows()
    rng = random.Random(5)
    pairs = []
    for column in ("given_key", "family_key", "given_raw", "family_raw", "dob", "email"):
        values = sorted({r[column] for r in rows if r[column]})
        pairs += [tuple(rng.sample(values, 2)) for _ in range(5000)]
    pairs += [("elelie", "ellie"), ("frieddie", "freddie"), ("1994-04-24", "1995-04-23"),
              ("محمد", "محمود"), ("حسين", "حسن"), ("x" * 70 + "abc", "x" * 68 + "bac"),
              ("", ""), ("a", ""), (None, "a"), ("a", None)]
    assert _differences(pairs) == []


def test_the_scores_the_jar_got_wrong():
    """Half the out-of-order matches, rounded down as DuckDB does (strcmp95), not 1.5."""
    assert jaro_winkler_similarity("elelie", "ellie") == pytest.approx(0.9022, abs=1e-4)
    assert jaro_winkler_similarity("frieddie", "freddie") == pytest.approx(0.9286, abs=1e-4)
    # DuckDB's Winkler step is one fused multiply-add: two roundings would give 0.8049999999999999.
    assert jaro_winkler_similarity("aaaa", "abaab") == 0.805
    assert jaro_winkler_similarity("", "") == 0.0 and jaro_winkler_similarity(None, "x") is None


def test_similarities_row_by_row_with_repeats_and_nulls():
    first = ["elelie", "elelie", None, "ab"]
    second = ["ellie", "ellie", "x", "ba"]
    assert similarities(first, second) == [jaro_winkler_similarity(a, b) for a, b in zip(first, second, strict=True)]
