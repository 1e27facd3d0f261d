"""Linkage quality: precision, recall and F1 on pairs, on labelled data.

  .venv/bin/python benchmarks/linkage_quality.py            # both data sets
  .venv/bin/python benchmarks/linkage_quality.py --train    # retrain victim_model.json first

1. Splink's labelled demo set fake_1000 (../shared/data/linkage, not written by this project):
   the same comparisons, blocking and clustering code as the victim model, mapped onto
   fake_1000's columns, trained without labels (u by random sampling, m by EM) as an
   organisation with unlabelled data would; the labels are used only to score.
2. The Syrian generator (benchmarks/syrian_records.py), on a seed not used for training:
   the shipped victim model, automatic links only (the review band counted separately).

Pairs: a predicted pair is two records in one cluster; a true pair is two records of one
person. Figures are printed as JSON.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.services.analysis.linkage import engine  # noqa: E402
from app.services.analysis.linkage.clusters import cluster  # noqa: E402
from app.services.analysis.linkage.records import records_from_body  # noqa: E402
from benchmarks.syrian_records import Labels, generate  # noqa: E402

# ../shared from the main checkout; worktrees live one level deeper.
FAKE_1000 = next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if (p / "data/linkage").is_dir()),
    ROOT.parent / "shared",
) / "data" / "linkage" / "fake_1000.csv"
TRAIN_SEED, TEST_SEED = 11, 12


def pairs_of(groups) -> set[tuple[str, str]]:
    out = set()
    for g in groups:
        out.update(itertools.combinations(sorted(g), 2))
    return out


def scores(predicted: set, true: set) -> dict:
    tp = len(predicted & true)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(true) if true else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "true_pairs": len(true), "predicted_pairs": len(predicted), "true_positives": tp}


def syrian_rows(n_people: int, seed: int, labels: Labels | None = None,
                namesakes: float = 0.03) -> tuple[list[dict], dict[str, int]]:
    cases, truth = generate(n_people, seed=seed, labels=labels, namesakes=namesakes)
    rows = []
    for body in cases:
        for rec in records_from_body(body["id"], body, ("generator",))[0]:
            if rec.ref not in truth:  # an unnamed victim: counted through its incident, not linked
                continue
            row = rec.row()
            row["person"] = str(truth[rec.ref])
            rows.append(row)
    return rows, truth


def syrian_quality(n_people: int = 5000, seed: int = TEST_SEED, namesakes: float = 0.03) -> dict:
    """Quality on the generator; `namesakes`: the share of people given a namesake killed in the
    same governorate a few days apart (benchmarks/syrian_records.py)."""
    labels = Labels()
    rows, truth = syrian_rows(n_people, seed, labels, namesakes)
    started = time.perf_counter()
    scored = engine.score_pairs([{k: v for k, v in r.items() if k != "person"} for r in rows],
                                threshold=engine.REVIEW_THRESHOLD, settings=engine.load_model(len(rows)))
    ids = [r["unique_id"] for r in rows]
    apart = {i: i.split("/")[0] for i in ids}
    links = [(s.left, s.right, s.probability) for s in scored if s.auto]
    # A pair with a clear difference is a cannot-link unless a person accepts it (as in a vault).
    cannot_links = [(s.left, s.right) for s in scored if s.conflict]
    groups = cluster(ids, links, rejected=cannot_links, apart=apart)
    elapsed = time.perf_counter() - started
    by_person = defaultdict(list)
    for ref, person in truth.items():
        by_person[person].append(ref)
    true = pairs_of(by_person.values())
    review = {(s.left, s.right) for s in scored if not s.auto and not s.apart}
    predicted = pairs_of(groups)
    result = scores(predicted, true)
    # Every review pair decided as the truth says: accepted when the same person, else rejected.
    decided = cluster(ids, links, accepted=sorted(review & true),
                      rejected=sorted(set(cannot_links) - (review & true)) + sorted(review - true), apart=apart)
    result.update({"records": len(rows), "people": n_people, "true_victims": len(by_person),
                   "unique_victims": len(groups),
                   "unique_count_error": round(len(groups) / len(by_person) - 1, 4),
                   "seconds": round(elapsed, 2),
                   "review_pairs": len(review), "review_pairs_true": len(review & true),
                   "review_pairs_per_record": round(len(review) / len(rows), 4),
                   "review_true_share": round(len(review & true) / len(review), 4) if review else 1.0,
                   "recall_auto_plus_review": round(len((predicted | review) & true) / len(true), 4),
                   "f1_review_decided": scores(pairs_of(decided), true)["f1"],
                   "unique_count_error_review_decided": round(len(decided) / len(by_person) - 1, 4),
                   "auto_false_pairs": dict(Counter(labels.pair_class(a, b) for a, b in predicted - true)),
                   "auto_missed_pairs": len(true - predicted),
                   "kept_apart_pairs": sum(s.apart for s in scored),
                   "kept_apart_true": len({(s.left, s.right) for s in scored if s.apart} & true),
                   "review_confusion": dict(Counter(labels.pair_class(a, b) for a, b in review))})
    return result


def incident_quality(n_people: int = 5000, seed: int = TEST_SEED) -> dict:
    """Incident linkage on place, date, act and perpetrator (issue 17 item 7), on the cases of the
    generator: pairs of cases that report one incident, automatic and review band, and how many
    incidents whose victims nobody named are counted (truth: each counted once)."""
    from app.services.analysis.linkage.incidents import incident_pairs

    labels = Labels()
    cases, _truth = generate(n_people, seed=seed, labels=labels)
    documenters = ("d1", "d2", "d3")
    incidents = [records_from_body(c["id"], c, (documenters[i % 3],))[1] for i, c in enumerate(cases)]
    pairs = incident_pairs(incidents)
    by_incident = defaultdict(list)
    for case_id, number in labels.case_incident.items():
        by_incident[number].append(case_id)
    true = pairs_of(by_incident.values())
    auto = {(p.left, p.right) for p in pairs if p.band == "auto"}
    review = {(p.left, p.right) for p in pairs if p.band == "review"}
    result = scores(pairs_of(cluster([c["id"] for c in cases], [(a, b, 1.0) for a, b in auto])), true)
    unnamed_cases = [c for c, n in labels.case_incident.items() if n in labels.unnamed_incidents]
    groups = cluster(unnamed_cases, [(a, b, 1.0) for a, b in auto if a in set(unnamed_cases)])
    result.update({"cases": len(cases), "incidents": len(by_incident),
                   "review_pairs": len(review), "review_pairs_true": len(review & true),
                   "review_pairs_per_case": round(len(review) / len(cases), 4),
                   "recall_auto_plus_review": round(len((auto | review) & true) / len(true), 4) if true else 1.0,
                   "unnamed_incidents": len(labels.unnamed_incidents), "unnamed_cases": len(unnamed_cases),
                   "unnamed_incidents_counted": len(groups)})
    return result


def place_spellings(per_place: int = 10, seed: int = 5) -> dict:
    """How many Latin spellings of places resolve to the right gazetteer entry (issue 17 item 8):
    every shipped place's English name respelled by rule (benchmarks/syrian_records.place_spelling:
    vowels doubled or as ee/ea/ei/oo/ou, -ah/-a/-eh, Al-/El-/al-), and the governorates the
    generator's Latin records write (seed 12, 5,000 people)."""
    import random

    from benchmarks.syrian_records import place_spelling
    from forms import gazetteer

    rng = random.Random(seed)
    g = gazetteer.gazetteer()
    tried = resolved = 0
    for place in g.places.values():
        name = place.names.get("en")
        for _ in range(per_place if name else 0):
            spelling = place_spelling(rng, name)
            tried += 1
            found = g.resolve(spelling, level=place.level)
            resolved += found is not None and found.code == place.code
    cases, _truth = generate(5000, seed=TEST_SEED)
    written = [c["location"]["governorate"] for c in cases
               if c["location"].get("governorate") and c["location"]["governorate"].isascii()]
    known = sum(g.resolve(w, level="governorate") is not None for w in written)
    return {"place_spellings": tried, "place_spellings_resolved": resolved,
            "place_share": round(resolved / tried, 4), "generator_governorates": len(written),
            "generator_governorates_resolved": known, "generator_share": round(known / len(written), 4)}


def fake_1000_source() -> list[dict]:
    """Splink's fake_1000 records as the CSV gives them (with the true `cluster`)."""
    with FAKE_1000.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def fake_1000_rows() -> list[dict]:
    """fake_1000 as the person model's rows (engine.person_row)."""
    return [engine.person_row(r) for r in fake_1000_source()]


def fake_1000_quality() -> dict:
    source = fake_1000_source()
    rows = [engine.person_row(r) for r in source]
    model = engine.train_unlabelled(rows)
    scored = engine.score_pairs(rows, threshold=engine.PERSON_THRESHOLD, settings=model,
                                auto_threshold=engine.PERSON_THRESHOLD)
    ids = [r["unique_id"] for r in rows]
    groups = cluster(ids, [(s.left, s.right, s.probability) for s in scored if s.auto])
    by_cluster = defaultdict(list)
    for r in source:
        by_cluster[r["cluster"]].append(r["unique_id"])
    return scores(pairs_of(groups), pairs_of(by_cluster.values())) | {"records": len(rows)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", action="store_true", help="retrain victim_model.json first")
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--only", choices=("fake_1000", "syrian", "places", "incidents"))
    parser.add_argument("--namesakes", type=float, default=0.03,
                        help="share of people with a namesake killed nearby a few days apart")
    args = parser.parse_args()
    if args.train:
        from app.services.analysis.linkage import train

        rows, _ = syrian_rows(12000, TRAIN_SEED)
        train.save(train.train(rows))
    out = {}
    if args.only in (None, "fake_1000"):
        out["fake_1000"] = fake_1000_quality()
    if args.only in (None, "incidents"):
        out["incidents"] = incident_quality()
    if args.only in (None, "places"):
        out["places"] = place_spellings()
    if args.only in (None, "syrian"):
        out["syrian"] = syrian_quality(args.people, namesakes=args.namesakes)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
