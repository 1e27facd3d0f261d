"""The same Fellegi–Sunter model on Spark, for organisations whose linkage outgrows one machine.

`tawthiq link --engine spark` scores pairs with Splink's Spark backend instead of DuckDB: the same
settings and trained parameters (engine.load_model), the same blocking, the same veto on clearly
different given or father's names and the same rule that two victims of one case are two people.
Here it runs in local mode (`local[2]`); docs/linkage.md says how to point it at a cluster.

Two things differ from DuckDB and are handled here:
- The model's SQL is written for DuckDB (settings["sql_dialect"]); `spark_settings` rewrites it
  into Spark's dialect. Splink's bundled jar (scala-udf-similarity) gives Spark
  `damerau_levenshtein`; its `jaro_winkler` is not DuckDB's (jaro_winkler.py says how), so each
  session gets DuckDB's own, in Python, as a vectorised (pandas) UDF, `duckdb_jaro_winkler`:
  the same scores, bit for bit, hence the same comparison levels. (Spark 4.3's built-in
  `jaro_winkler_similarity` is not DuckDB's either, and a built-in name cannot be overridden.)
- Spark writes shuffles and spills to local disk, where DuckDB keeps everything in memory. The
  session encrypts every such file (spark.io.encryption.enabled: AES with a key made in memory
  for this session), keeps them in a private folder removed afterwards, and Splink breaks lineage
  by persisting (covered by that encryption) rather than by writing Parquet checkpoints, which
  Spark would not encrypt. The web UI and event logs are off.

pyspark and a Java runtime are the optional `spark` extra (app/services/analysis/linkage_extra.py).
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import sys
import tempfile
from typing import TYPE_CHECKING, Any

from app.services.analysis.linkage import engine

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

# DuckDB's name for a function → Spark's: DuckDB's Jaro–Winkler as registered by
# register_jaro_winkler, or Spark's own function (a string's letters as a sorted array: the check
# that two name keys are one transposition apart, engine._differ). The jar's damerau_levenshtein
# keeps its name.
JARO_WINKLER = "duckdb_jaro_winkler"
_FUNCTIONS = {"jaro_winkler_similarity(": f"{JARO_WINKLER}(", "list_sort(": "array_sort(", "string_split(": "split("}


# DuckDB quotes identifiers with ", which Spark SQL reads as a string literal.
_QUOTED = re.compile(r'"([A-Za-z_][A-Za-z0-9_]*)"')


def spark_sql(sql: str) -> str:
    for duckdb_name, spark_name in _FUNCTIONS.items():
        sql = sql.replace(duckdb_name, spark_name)
    return _QUOTED.sub(r"`\1`", sql)


def spark_settings(settings: dict) -> dict:
    """The DuckDB-dialect model, its SQL rewritten for Spark."""
    out = copy.deepcopy(settings)
    out["sql_dialect"] = "spark"
    for comparison in out.get("comparisons", []):
        for level in comparison.get("comparison_levels", []):
            if "sql_condition" in level:
                level["sql_condition"] = spark_sql(level["sql_condition"])
    rules = out.get("blocking_rules_to_generate_predictions", [])
    out["blocking_rules_to_generate_predictions"] = [
        {**r, "blocking_rule": spark_sql(r["blocking_rule"])} if isinstance(r, dict) else spark_sql(r)
        for r in rules]
    return out


def spark_session(master: str = "local[2]", driver_memory: str = "2g",
                  local_dir: str | None = None, extra: dict[str, str] | None = None) -> SparkSession:
    """A Spark session whose files on disk are encrypted (see the module's docstring)."""
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    worker_python = os.environ.get("PYSPARK_PYTHON") or sys.executable
    builder = (SparkSession.builder.master(master).appName("tawthiq-linkage")
               .config("spark.jars", similarity_jar_location())
               .config("spark.driver.memory", driver_memory)
               # Spark's Python workers (they run duckdb_jaro_winkler) need this interpreter, with
               # pandas and pyarrow, not whatever `python3` is on PATH: spark-submit reads this...
               .config("spark.pyspark.python", worker_python)
               .config("spark.io.encryption.enabled", "true")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.eventLog.enabled", "false")
               .config("spark.sql.shuffle.partitions", "8")
               .config("spark.default.parallelism", "8"))
    if local_dir:
        builder = builder.config("spark.local.dir", local_dir)
    for key, value in (extra or {}).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    # ...and a session started from Python takes its UDFs' interpreter from PYSPARK_PYTHON or
    # `python3` (pyspark's SparkContext.pythonExec), not from the setting above.
    session.sparkContext.pythonExec = worker_python
    session.sparkContext.setLogLevel("ERROR")
    return session


def register_jaro_winkler(session: SparkSession) -> None:
    """DuckDB's jaro_winkler_similarity as a pandas UDF of `session`, named JARO_WINKLER.

    Its code travels to Spark's Python workers by value (cloudpickle), so a cluster's workers
    need Python with pyspark's pandas-UDF packages (pandas, pyarrow), not Tawthiq."""
    import pandas as pd
    from pyspark import cloudpickle
    from pyspark.sql.functions import pandas_udf

    from app.services.analysis.linkage import jaro_winkler

    cloudpickle.register_pickle_by_value(jaro_winkler)

    def strings(column: pd.Series) -> list[str | None]:
        # pandas hands SQL NULL over as NaN in a string column (pandas 3) or as None.
        return [value if isinstance(value, str) else None for value in column.tolist()]

    def jaro_winkler_similarity(first: pd.Series, second: pd.Series) -> pd.Series:
        return pd.Series(jaro_winkler.similarities(strings(first), strings(second)), dtype="float64")

    # pyspark reads the kind of UDF from the type hints, which this module's postponed
    # annotations leave as strings naming a local import.
    jaro_winkler_similarity.__annotations__ = {"first": pd.Series, "second": pd.Series, "return": pd.Series}

    session.udf.register(JARO_WINKLER, pandas_udf(jaro_winkler_similarity, "double"))


class SparkBackend:
    """engine's backend interface (linker, query, close) on a Spark session.

    Made with a session (a cluster's, or None for a local one this backend starts and stops, its
    scratch folder private and removed on close)."""

    def __init__(self, session: SparkSession | None = None) -> None:
        self._scratch: str | None = None
        self._owned = session is None
        if session is None:
            self._scratch = tempfile.mkdtemp(prefix="tawthiq-spark-")
            os.chmod(self._scratch, 0o700)
            session = spark_session(local_dir=self._scratch)
        register_jaro_winkler(session)
        self.spark = session

    def linker(self, rows: list[dict], settings: dict) -> Any:
        from pyspark.sql.types import LongType, StringType, StructField, StructType
        from splink import Linker, SparkAPI

        columns = list(rows[0].keys()) if rows else ["unique_id"]
        schema = StructType([StructField(c, LongType() if c in engine.INT_COLUMNS else StringType())
                             for c in columns])
        frame = self.spark.createDataFrame([tuple(r.get(c) for c in columns) for r in rows], schema)
        self.spark.catalog.dropTempView("victims")  # one linker at a time per session: the last one's rows
        db_api = SparkAPI(spark_session=self.spark, break_lineage_method="persist")
        return Linker(db_api.register(frame, table_name="victims"), spark_settings(settings),
                      log_level=None)

    def query(self, sql: str, params: list[Any]) -> list[tuple]:
        # Spark SQL takes named parameters; the engine's queries use ? for numbers only.
        for value in params:
            sql = sql.replace("?", repr(float(value)), 1)
        return [tuple(row) for row in self.spark.sql(spark_sql(sql)).collect()]

    def pairs_table(self, name: str, pairs: list[tuple[str, str]]) -> None:
        """Pairs of record ids as temporary view `name` (id_l, id_r): engine._unlike_in_reach."""
        from pyspark.sql.types import StringType, StructField, StructType

        schema = StructType([StructField("id_l", StringType()), StructField("id_r", StringType())])
        self.spark.createDataFrame(pairs, schema).createOrReplaceTempView(name)

    def close(self) -> None:
        if self._owned:
            self.spark.stop()
        if self._scratch:
            shutil.rmtree(self._scratch, ignore_errors=True)


def estimate_u(backend: Any, rows: list[dict], model: dict, max_pairs: float = 1e7) -> dict:
    """`model` with its u probabilities estimated again on `backend` (this module's SparkBackend,
    or engine.DuckDBBackend), from every pair when max_pairs is at least their number: what an
    organisation moving its model to Spark might do.

    Splink by default stops counting once every level has 100 pairs (min_count_per_level) and
    counts in chunks cut by its engine's hash function, so even with max_pairs above the number
    of pairs each engine counts a different subset (on fake_1000 that alone moved DuckDB's u by
    up to 0.019). Here it counts every pair in one pass, which gives the same u on both engines
    now that they compute the same comparison levels."""
    linker = backend.linker(rows, model)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=1, min_count_per_level=None,
                                                     num_chunks=1)
    return linker.misc.save_model_to_json()
