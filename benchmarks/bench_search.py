"""Search: full-text queries over 1,000 / 10,000 / 100,000 cases, median and p95 (issue 2).

The queries are what a documenter types: Arabic names with and without tashkeel, Latin
transliterations, places, two-word names and word prefixes (benchmarks.data.search_terms). Each
query goes through `app.services.cases.search` (normalise, FTS5 MATCH, first 200 summaries).
The reference runs the same code and queries on a plain sqlite3 copy of the same rows.
"""

from __future__ import annotations

from app.services import cases
from benchmarks import data, fixtures
from benchmarks.harness import Run, Target, bench
from storage.vault import Vault

WHAT_IF_CACHE = -65536  # KiB: a 64 MiB page cache, against SQLite's default of 2 MiB
# What-if: let FTS5 stop after the 200 newest matches (rowid order is native to FTS5) instead of
# collecting every match and sorting the cases by update time. Same summaries, slightly different
# order (last indexed first rather than last updated first).
FTS_FIRST = (
    "SELECT c.id, c.form, c.form_version, c.title, c.status, c.current_version, c.incident_date, "
    "c.governorate, c.updated_at FROM (SELECT case_id FROM case_search WHERE case_search MATCH ? "
    "ORDER BY rowid DESC LIMIT 200) AS hit JOIN cases AS c ON c.id = hit.case_id"
)
SEARCH_AIM = Target("median", "<", 0.050, "s", "issue 2: under 50 ms median at 100,000 cases")


def _query_count(run: Run) -> int:
    if run.smoke:
        return 30
    if run.quick:
        return 60
    return 100 if (run.scale or 0) >= 100_000 else 200


@bench("search.fts", title="full-text search, one query at a time (first 200 results)", smoke_scale=100)
def search_cases(run: Run) -> None:
    queries = data.search_terms(_query_count(run))
    warm = 0 if run.smoke else 10
    vault = Vault.unlock(fixtures.vault_fixture(run, run.scale), fixtures.PASSPHRASE)
    hits: list[int] = []
    try:
        run.time(
            "tawthiq search (SQLCipher FTS5)",
            lambda q: hits.append(len(cases.search(vault, q))),
            inputs=queries,
            warmup=warm,
            targets=[SEARCH_AIM],
        )
        conn = vault.connection()
        conn.execute(f"PRAGMA cache_size = {WHAT_IF_CACHE}")
        run.time(
            "what-if: tawthiq search with a 64 MiB page cache",
            lambda q: cases.search(vault, q),
            inputs=queries,
            warmup=warm,
            targets=[SEARCH_AIM],
        )
        run.time(
            "what-if: 64 MiB cache and FTS5 stops at 200 newest matches",
            lambda q: (
                conn.execute(FTS_FIRST, (cases._fts_query(q),)).fetchall() if cases._fts_query(q) else []
            ),
            inputs=queries,
            warmup=warm,
            targets=[SEARCH_AIM],
        )
    finally:
        vault.lock()
    plain = fixtures.writable_plain(run, run.scale, "same")
    try:
        run.time(
            "plain sqlite3 search, same code and rows",
            lambda q: cases.search(plain, q),
            inputs=queries,
            warmup=warm,
            reference=True,
        )
    finally:
        plain.close()
    run.ratio(
        "search: SQLCipher vs sqlite3",
        "tawthiq search (SQLCipher FTS5)",
        "plain sqlite3 search, same code and rows",
    )
    measured = hits[warm:]
    run.metric(
        "queries that found at least one case", sum(1 for h in measured if h) / len(measured) * 100, unit="%"
    )
    run.note(
        f"{len(queries)} queries timed one by one after {warm} warm-up queries; p95 is the 95th-percentile "
        "query. The aim of issue 2 is for 100,000 cases; smaller scales are shown against it too."
    )
