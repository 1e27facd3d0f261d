"""Linkage: time and peak memory to link 50,000 and 200,000 victim records; quality (issue 7).

Records come from the labelled Syrian generator (benchmarks/syrian_records.py), extracted with
the same code as in a vault (`records_from_body`); generating them is not timed. Timed: scoring
every blocked pair with the shipped model (Splink, in-memory DuckDB, no spill) and clustering.
The reference is Splink's own pipeline on the same rows and settings with a stock DuckDB
connection (default temporary directory, no memory limit, no name-conflict check), so the
ratio is the cost of our safety settings and of the conflict check.
"""

from __future__ import annotations

from benchmarks.harness import Run, Target, bench

TIME_AIM = Target("median", "<", 30.0, "s", "issue 7: 50,000 victim records in under 30 s")
MEMORY_AIM = Target("peak_rss_mib", "<", 2048, "MiB", "issue 7: under 2 GB")
TIME_200K_AIM = Target("median", "<", 60.0, "s", "issue 17: 200,000 victim records in under 60 s")
F1_AIM = Target("value", ">=", 0.96, "", "issue 17: F1 on pairs, fake_1000")
PRECISION_AIM = Target("value", ">=", 0.995, "", "issue 17: precision of automatic links, Syrian generator")
RECALL_AIM = Target("value", ">=", 0.95, "", "issue 17: recall of automatic links, Syrian generator")
COUNT_AIM = Target("value", "<=", 0.01, "", "issue 17: unique-victim count within 1% of the truth")
REVIEW_SIZE_AIM = Target("value", "<=", 0.10, "", "issue 17: review pairs at most 10% of records")
REVIEW_TRUE_AIM = Target("value", ">=", 1 / 3, "", "issue 17: at least one review pair in three the same person")
DECIDED_F1_AIM = Target("value", ">=", 0.99, "", "issue 17: F1 with every review pair decided correctly")


KINDS = ("same person", "same case", "same family", "namesake, nearby days", "same incident", "different incident")


def _rows(n_records: int) -> list[dict]:
    from app.services.analysis.linkage.records import records_from_body
    from benchmarks.syrian_records import generate

    cases, _truth = generate(max(2, int(n_records / 1.66)), seed=3)
    return [rec.row() for body in cases for rec in records_from_body(body["id"], body, ("generator",))[0]]


def _link(rows: list[dict]) -> int:
    from app.services.analysis.linkage import engine
    from app.services.analysis.linkage.clusters import cluster

    # With each pair's evidence, as run_linkage stores it (levels and weights per field).
    scored = engine.score_pairs(rows, engine.REVIEW_THRESHOLD, settings=engine.load_model(len(rows)), evidence=True)
    return len(cluster([r["unique_id"] for r in rows], [(s.left, s.right, s.probability) for s in scored if s.auto],
                       rejected=[(s.left, s.right) for s in scored if s.conflict]))


def _splink_stock(rows: list[dict]) -> int:
    import duckdb
    from splink import DuckDBAPI, Linker

    from app.services.analysis.linkage import engine

    con = duckdb.connect()
    try:
        frame = DuckDBAPI(con).register(engine._table(rows, list(rows[0])), table_name="victims")
        linker = Linker(frame, engine.load_model(len(rows)), log_level=None)
        scored = linker.inference.predict(threshold_match_probability=engine.REVIEW_THRESHOLD, warning_mode="never")
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(scored, engine.AUTO_THRESHOLD)
        return con.execute(f"SELECT count(DISTINCT cluster_id) FROM {clusters.physical_name}").fetchone()[0]
    finally:
        con.close()


@bench("linkage.victims", title="link victim records: score blocked pairs and cluster",
       scales=(50_000, 200_000), quick_scales=(10_000,), smoke_scale=300, scale_unit="victim records",
       timeout_s=3600)
def link_victims(run: Run) -> None:
    rows = _rows(run.scale)
    targets = ([TIME_AIM, MEMORY_AIM] if run.scale == 50_000 else
               [TIME_200K_AIM, MEMORY_AIM] if run.scale == 200_000 else [])
    repeat = 1 if run.scale >= 200_000 else None
    run.time("tawthiq linkage (secure DuckDB)", lambda: _link(rows), items=len(rows),
             item_unit="record", targets=targets, repeat=repeat, warmup=0)
    run.time("Splink stock DuckDB, same settings", lambda: _splink_stock(rows), items=len(rows),
             item_unit="record", reference=True, repeat=repeat, warmup=0)
    run.ratio("linkage vs stock Splink", "tawthiq linkage (secure DuckDB)", "Splink stock DuckDB, same settings")
    run.note("Records from benchmarks/syrian_records.py (about 1.66 records per person); generation untimed.")


@bench("linkage.quality", title="linkage quality on labelled data (pairs)", scales=None, timeout_s=1800)
def quality(run: Run) -> None:
    from benchmarks import linkage_quality

    if linkage_quality.FAKE_1000.exists():
        fake = linkage_quality.fake_1000_quality()
        run.metric("fake_1000 F1", fake["f1"], targets=[F1_AIM])
        run.metric("fake_1000 precision", fake["precision"])
        run.metric("fake_1000 recall", fake["recall"])
    places = linkage_quality.place_spellings(2 if run.smoke else 10)
    run.metric("Latin place spellings resolved (every shipped place, respelled by rule)", places["place_share"],
               note=f"{places['place_spellings_resolved']} of {places['place_spellings']}")
    run.metric("generator's Latin governorate spellings resolved", places["generator_share"],
               note=f"{places['generator_governorates_resolved']} of {places['generator_governorates']}")
    incidents = linkage_quality.incident_quality(500 if run.smoke else 5000)
    run.metric("incident pairs (place, date, act, perpetrator): automatic precision", incidents["precision"])
    run.metric("incident pairs: automatic recall (of all true case pairs)", incidents["recall"])
    run.metric("incident pairs: review band per case", incidents["review_pairs_per_case"])
    review = incidents["review_pairs"]
    run.metric("incident pairs: review band truly one incident",
               round(incidents["review_pairs_true"] / review, 4) if review else 1.0)
    run.metric("incidents with unnamed victims: true", incidents["unnamed_incidents"])
    run.metric("incidents with unnamed victims: cases (reports)", incidents["unnamed_cases"])
    run.metric("incidents with unnamed victims: counted after automatic incident links",
               incidents["unnamed_incidents_counted"])
    syrian = linkage_quality.syrian_quality(500 if run.smoke else 5000)
    run.metric("Syrian automatic links precision", syrian["precision"], targets=[] if run.smoke else [PRECISION_AIM])
    run.metric("Syrian automatic links recall", syrian["recall"], targets=[] if run.smoke else [RECALL_AIM])
    run.metric("Syrian automatic links F1", syrian["f1"])
    run.metric("Syrian recall, automatic + review band", syrian["recall_auto_plus_review"])
    aims = not run.smoke
    run.metric("Syrian unique-victim count error", abs(syrian["unique_count_error"]),
               targets=[COUNT_AIM] if aims else [])
    run.metric("Syrian review pairs per record", syrian["review_pairs_per_record"],
               targets=[REVIEW_SIZE_AIM] if aims else [])
    run.metric("Syrian review pairs truly the same person", syrian["review_true_share"],
               targets=[REVIEW_TRUE_AIM] if aims else [])
    run.metric("Syrian F1, every review pair decided correctly", syrian["f1_review_decided"],
               targets=[DECIDED_F1_AIM] if aims else [])
    run.metric("Syrian unique-victim count error, every review pair decided correctly",
               syrian["unique_count_error_review_decided"])
    run.metric("Syrian pairs kept apart (given, father's or grandfather's name clearly differs)",
               syrian["kept_apart_pairs"])
    run.metric("Syrian pairs kept apart that were one person", syrian["kept_apart_true"])
    # Every kind named, zeros too (two victims of one case are never a pair: "same case" stays 0).
    for kind in KINDS:
        run.metric(f"Syrian review band: {kind}", syrian["review_confusion"].get(kind, 0))
    for kind in KINDS[1:]:
        run.metric(f"Syrian false automatic pairs: {kind}", syrian["auto_false_pairs"].get(kind, 0))
    if not run.smoke:
        # Other seeds, to show how much the figures move from one draw of the generator to another.
        for seed in (13, 14):
            other = linkage_quality.syrian_quality(5000, seed=seed)
            run.metric(f"Syrian seed {seed}: precision", other["precision"], targets=[PRECISION_AIM])
            run.metric(f"Syrian seed {seed}: recall", other["recall"], targets=[RECALL_AIM])
            run.metric(f"Syrian seed {seed}: unique-victim count error", abs(other["unique_count_error"]),
                       targets=[COUNT_AIM])
        plain = linkage_quality.syrian_quality(5000, namesakes=0.0)
        for label, key in (("precision", "precision"), ("recall", "recall"),
                           ("unique-victim count error", "unique_count_error"),
                           ("review pairs per record", "review_pairs_per_record"),
                           ("review pairs truly the same person", "review_true_share"),
                           ("F1, every review pair decided correctly", "f1_review_decided")):
            run.metric(f"Syrian without namesakes: {label}", plain[key])
        for kind in KINDS:
            run.metric(f"Syrian without namesakes, review band: {kind}", plain["review_confusion"].get(kind, 0))
    run.note(f"Syrian generator seed {linkage_quality.TEST_SEED}: {syrian['records']} records of "
             f"{syrian['true_victims']} people (benchmarks/syrian_records.py: same-case relatives, siblings "
             "across documenters, 3% of people with a namesake killed nearby a few days apart, short given "
             "names, ambiguous transliterations). Review band confusion: which kind of pair each review pair "
             "is (same person, same family, namesake on nearby days, same incident, different incident).")
