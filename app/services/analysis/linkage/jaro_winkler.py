"""DuckDB's `jaro_winkler_similarity`, computed the same way to the last bit, for Spark.

The victim model's "similar name" levels and its veto compare Jaro–Winkler against 0.88. DuckDB
computes it with Max Bachmann's jaro_winkler library (rapidfuzz's algorithm); Splink's Spark jar
computes it with Apache Commons Text, which differs in one place: half the transposed matches
is an integer in DuckDB (3 out-of-order matches count as 1 transposition, as in Winkler's
strcmp95) and a fraction in the jar (1.5). For names with a repeated or swapped letter that moves
the score ('elelie'/'ellie': 0.902 in DuckDB, 0.876 in the jar) and so the comparison level, and
u estimated on Spark with it came out different (docs/linkage.md). spark_engine registers this
function in place of the jar's.

DuckDB's definition, followed here operation for operation:
- strings are compared by Unicode characters; an empty string against anything scores 0 (even
  against another empty one), NULL gives NULL;
- two characters match when equal and at most max(len)/2 - 1 apart (integer division); each
  character of the second string, in order, takes the first unmatched equal character of the
  first string within that window;
- transpositions: the matched characters of both strings in order, the number of positions where
  they differ, halved with integer division;
- jaro = (m/|a| + m/|b| + (m - t)/m) / 3, summed in that order; two one-character strings score
  1 or 0;
- Winkler: when jaro > 0.7, jaro + p · 0.1 · (1 - jaro), p the common prefix up to 4 characters.
  DuckDB's build computes this last step as one fused multiply-add (one rounding, not two),
  which we reproduce exactly with fractions: tests/coordinator/test_linkage_spark.py checks
  every value against DuckDB's, bit for bit.

Only the standard library: Spark pickles this module by value to its Python workers, which need
pandas and pyarrow (pandas UDFs) but not Tawthiq.
"""

from __future__ import annotations

from fractions import Fraction

PREFIX_WEIGHT = 0.1
PREFIX_MAX = 4
BOOST_THRESHOLD = 0.7


def jaro_similarity(first: str, second: str) -> float:
    len_first, len_second = len(first), len(second)
    if not len_first or not len_second:
        return 0.0
    if len_first == 1 and len_second == 1:
        return float(first == second)
    window = max(len_first, len_second) // 2 - 1
    taken = [False] * len_first
    matched_second = []
    for j, char in enumerate(second):
        for i in range(max(0, j - window), min(len_first, j + window + 1)):
            if not taken[i] and first[i] == char:
                taken[i] = True
                matched_second.append(char)
                break
    matches = len(matched_second)
    if not matches:
        return 0.0
    matched_first = [char for char, was_taken in zip(first, taken, strict=True) if was_taken]
    transpositions = sum(a != b for a, b in zip(matched_first, matched_second, strict=True)) // 2
    similarity = 0.0
    similarity += matches / len_first
    similarity += matches / len_second
    similarity += (matches - transpositions) / matches
    return similarity / 3.0


def jaro_winkler_similarity(first: str | None, second: str | None) -> float | None:
    if first is None or second is None:
        return None
    similarity = jaro_similarity(first, second)
    if similarity > BOOST_THRESHOLD:
        prefix = 0
        for a, b in zip(first[:PREFIX_MAX], second[:PREFIX_MAX], strict=False):
            if a != b:
                break
            prefix += 1
        # fma(prefix · weight, 1 - jaro, jaro): the exact sum of exact products of the rounded
        # operands, rounded once (float(Fraction) rounds to nearest, as the FMA instruction does).
        similarity = float(Fraction(prefix * PREFIX_WEIGHT) * Fraction(1.0 - similarity) + Fraction(similarity))
    return similarity


def similarities(first: list[str | None], second: list[str | None]) -> list[float | None]:
    """Row by row; names repeat, so each distinct pair is computed once per call."""
    known: dict[tuple[str | None, str | None], float | None] = {}
    out = []
    for pair in zip(first, second, strict=True):
        if pair not in known:
            known[pair] = jaro_winkler_similarity(*pair)
        out.append(known[pair])
    return out
