"""The linkage extra: Splink and DuckDB are optional (`pip install 'tawthiq[linkage]'`).

A documenter never runs linkage, and the two bring about 250 MB (PyArrow, DuckDB) to an install
and would double the packaged app (docs/release.md), so the core install leaves them out. The
linkage package imports without them (statistics and search read its stored results and name
keys); only running linkage needs them: DuckDB and Splink are imported inside the engine's
functions, and what runs linkage asks `require()` first (the `link` command, before the
passphrase) or `installed()` (a bundle import skips the linkage run and says why).
"""

from __future__ import annotations

import importlib.util
import os
import shutil

from storage.errors import TawthiqError

INSTALL_HINT = "pip install 'tawthiq[linkage]'"
SPARK_HINT = "pip install 'tawthiq[linkage,spark]'"


class LinkageExtraMissing(TawthiqError):
    def __init__(self) -> None:
        super().__init__("linkage.extra_missing")


def installed() -> bool:
    """Whether the extra's modules can be found (without importing them: DuckDB takes 0.2 s)."""
    return all(importlib.util.find_spec(name) is not None for name in ("splink", "duckdb"))


def require() -> None:
    if not installed():
        raise LinkageExtraMissing()


# The Spark engine (`link --engine spark`, app/services/analysis/linkage/spark_engine.py) needs
# pyspark (the `spark` extra, about 450 MB) and a Java runtime (17 or later) to start Spark's JVM.
def spark_installed() -> bool:
    return installed() and importlib.util.find_spec("pyspark") is not None


def java_found() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(home and os.access(os.path.join(home, "bin", "java"), os.X_OK)) or shutil.which("java") is not None


def require_spark() -> None:
    require()
    if not spark_installed():
        raise TawthiqError("linkage.spark_missing", hint=SPARK_HINT)
    if not java_found():
        raise TawthiqError("linkage.java_missing")
