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

from storage.errors import TawthiqError

INSTALL_HINT = "pip install 'tawthiq[linkage]'"


class LinkageExtraMissing(TawthiqError):
    def __init__(self) -> None:
        super().__init__("linkage.extra_missing")


def installed() -> bool:
    """Whether the extra's modules can be found (without importing them: DuckDB takes 0.2 s)."""
    return all(importlib.util.find_spec(name) is not None for name in ("splink", "duckdb"))


def require() -> None:
    if not installed():
        raise LinkageExtraMissing()
