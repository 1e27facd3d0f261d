"""Linkage quality on labelled data, asserted with the figures the issues ask for.

fake_1000 is Splink's labelled demo set (../shared/data/linkage, not written by this project):
trained without labels, scored with them. The Syrian set comes from benchmarks/syrian_records.py
on a seed the shipped model was not trained on. benchmarks/linkage_quality.py prints the same
figures (docs/benchmarks.md, linkage.quality).
"""

from __future__ import annotations

import pytest

from benchmarks import linkage_quality

pytestmark = pytest.mark.filterwarnings("ignore")


@pytest.mark.skipif(not linkage_quality.FAKE_1000.exists(), reason="../shared/data/linkage is not here")
def test_fake_1000_f1_on_pairs_is_at_least_096():
    result = linkage_quality.fake_1000_quality()
    assert result["f1"] >= 0.96, result


def test_syrian_issue_17_aims_without_namesakes():
    # Same-case relatives, siblings across documenters, short names, ambiguous spellings.
    result = linkage_quality.syrian_quality(5000, namesakes=0.0)
    assert result["precision"] >= 0.995, result
    assert result["recall"] >= 0.95, result
    assert result["review_pairs_per_record"] <= 0.10, result
    assert result["review_true_share"] >= 1 / 3, result
    assert result["f1_review_decided"] >= 0.99, result
    assert result.get("auto_false_pairs", {}).get("same case", 0) == 0, result


def test_syrian_with_namesakes_the_review_band_stays_small_and_worth_reading():
    # 3% of people with a namesake killed in the same governorate a few days apart: where
    # nothing else tells them apart, automatic links cannot (docs/benchmarks.md gives the
    # precision this costs); the review band must still be short and one pair in three true.
    result = linkage_quality.syrian_quality(5000)
    assert result["review_pairs_per_record"] <= 0.10, result
    assert result["review_true_share"] >= 1 / 3, result
    assert result["recall"] >= 0.95 and result["precision"] >= 0.985, result
    assert result["recall_auto_plus_review"] >= 0.98, result
    # a record that matches two namesakes alike goes to a person (engine._contest), and no chain
    # joins two records that clearly differ: with the review decided, F1 reaches issue 17's aim
    assert result["f1_review_decided"] >= 0.99, result
