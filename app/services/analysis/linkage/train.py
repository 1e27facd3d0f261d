"""Offline training of the victim model from labelled records (never run by the application).

m probabilities come from the labels (pairs of records of one person), u probabilities from
random pairs, the prior from the share of true pairs. The result is `victim_model.json`,
committed with the code; benchmarks/linkage_quality.py --train regenerates it from the
Syrian generator.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from app.services.analysis.linkage.engine import MODEL_PATH, DuckDBBackend, victim_settings


def train(rows: list[dict], label_column: str = "person", seed: int = 1) -> dict:
    """A trained settings dict. Each row carries the model columns plus the true person id."""
    settings = victim_settings()
    sizes = Counter(r[label_column] for r in rows)
    true_pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    all_pairs = len(rows) * (len(rows) - 1) // 2
    settings["probability_two_random_records_match"] = true_pairs / all_pairs
    db = DuckDBBackend()
    try:
        linker = db.linker(rows, settings)
        # Every one of the 2,000,000 sampled pairs counted: by default Splink stops once each
        # level has 100 pairs and counts in hash-cut chunks, which left u noisy (the share of
        # random pairs of one sex came out 0.83 where the records give 0.71).
        linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=seed, min_count_per_level=None,
                                                         num_chunks=1)
        linker.training.estimate_m_from_label_column(label_column)
        model = linker.misc.save_model_to_json()
    finally:
        db.close()
    model["tawthiq_true_pairs_per_record"] = true_pairs / len(rows)
    return floor_m(model)


def floor_m(model: dict, floor: float = 0.002) -> dict:
    """No level is impossible for a true match: a level never seen among the labelled pairs
    (m = 0) would otherwise be ignored by the model, so that a different given name would not
    count against a match at all."""
    for comparison in model["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        for lv in levels:
            lv["m_probability"] = max(lv.get("m_probability") or 0.0, floor)
        total = sum(lv["m_probability"] for lv in levels)
        for lv in levels:
            lv["m_probability"] /= total
    return model


def save(model: dict, path: Path = MODEL_PATH) -> None:
    from storage.atomic import atomic_write_bytes  # a half-written model must never load

    atomic_write_bytes(path, (json.dumps(model, indent=1, ensure_ascii=False) + "\n").encode())
