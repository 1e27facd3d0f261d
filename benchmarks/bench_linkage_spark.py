"""Linkage on Spark (issue 17): the same model as DuckDB, agreement and cost.

`linkage.spark`: scoring and clustering generated Syrian victim records with `link --engine spark`'s
backend (Spark local[2], I/O encryption on, DuckDB's Jaro–Winkler as a pandas UDF in Spark's
Python workers) against the default DuckDB engine on the same rows, model and machine (the
reference); Spark's start-up is timed apart. Outside smoke runs, also the share of fake_1000's
predicted pairs both engines predict, with the model trained (u from every pair) run as it is on
both, and with u estimated again from every pair on each engine (the aim for both: at least 99%).
"""

from __future__ import annotations

import time

from benchmarks.harness import Run, Target, bench

AGREEMENT_AIM = Target("value", ">=", 0.99, "", "issue 17: Spark and DuckDB predict the same pairs on fake_1000")


def _rows(n_records: int) -> list[dict]:
    from app.services.analysis.linkage.records import records_from_body
    from benchmarks.syrian_records import generate

    cases, _truth = generate(max(2, int(n_records / 1.66)), seed=3)
    return [rec.row() for body in cases for rec in records_from_body(body["id"], body, ("generator",))[0]]


def _link(rows: list[dict], on=None) -> int:
    from app.services.analysis.linkage import engine
    from app.services.analysis.linkage.clusters import cluster

    scored = engine.score_pairs(rows, engine.REVIEW_THRESHOLD, settings=engine.load_model(len(rows)), on=on)
    return len(cluster([r["unique_id"] for r in rows], [(s.left, s.right, s.probability) for s in scored if s.auto]))


def _fake_1000_agreement(spark) -> dict[str, tuple[float, int, int]]:
    from app.services.analysis.linkage import engine, spark_engine
    from benchmarks.linkage_quality import fake_1000_rows

    rows = fake_1000_rows()
    model = engine.train_unlabelled(rows, max_pairs=1e7)

    def pairs(settings, on=None) -> set:
        return {(s.left, s.right) for s in engine.score_pairs(
            rows, engine.PERSON_THRESHOLD, settings=settings, auto_threshold=engine.PERSON_THRESHOLD, on=on)}

    duckdb_backend = engine.DuckDBBackend()
    try:
        duckdb_u = spark_engine.estimate_u(duckdb_backend, rows, model)
    finally:
        duckdb_backend.close()
    found = {}
    for name, duck, on_spark in (
            ("same model", pairs(model), pairs(model, spark)),
            ("u from every pair on each engine", pairs(duckdb_u),
             pairs(spark_engine.estimate_u(spark, rows, model), spark))):
        found[name] = (len(duck & on_spark) / len(duck | on_spark), len(duck - on_spark), len(on_spark - duck))
    return found


@bench("linkage.spark", title="linkage on Spark (local[2]) beside DuckDB, same model", scales=(10_000,),
       quick_scales=(2_000,), smoke_scale=300, scale_unit="victim records", timeout_s=3600)
def linkage_spark(run: Run) -> None:
    from app.services.analysis.linkage import spark_engine

    rows = _rows(run.scale)
    started = time.perf_counter()
    spark = spark_engine.SparkBackend()
    try:
        run.metric("Spark session start", round(time.perf_counter() - started, 1), unit="s")
        run.time("tawthiq linkage on Spark local[2]", lambda: _link(rows, on=spark), items=len(rows),
                 item_unit="record", repeat=1 if run.smoke else 3, warmup=0 if run.smoke else 1)
        run.time("tawthiq linkage on DuckDB", lambda: _link(rows), items=len(rows),
                 item_unit="record", reference=True, repeat=1 if run.smoke else 3, warmup=0 if run.smoke else 1)
        run.ratio("Spark vs DuckDB", "tawthiq linkage on Spark local[2]", "tawthiq linkage on DuckDB")
        if not run.smoke:
            for name, (share, only_duck, only_spark) in _fake_1000_agreement(spark).items():
                run.metric(f"fake_1000, {name}: pairs predicted by both engines", round(share, 4),
                           targets=[AGREEMENT_AIM])
                run.metric(f"fake_1000, {name}: pairs only DuckDB predicts", only_duck)
                run.metric(f"fake_1000, {name}: pairs only Spark predicts", only_spark)
    finally:
        spark.close()
    run.note("Spark in local mode in this process's JVM, on the same 2 cores; a cluster is where it pays "
             "(docs/linkage.md). Records from benchmarks/syrian_records.py; generation untimed.")
