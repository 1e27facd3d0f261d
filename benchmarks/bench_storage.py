"""Storage: our save and read paths vs plain sqlite3 with the same schema, code and rows (issue 2).

The references run `app.services.intake.cases` itself against a plain sqlite3 file whose schema comes
from storage/migrations, so the only difference is the engine: SQLCipher with our pragmas vs
stdlib SQLite. Each scale starts from a vault already holding that many cases.
"""

from __future__ import annotations

import itertools
import random
import shutil

from app.services.intake import cases
from benchmarks import data, fixtures, memory_security_whatif
from benchmarks.harness import Run, Target, bench

SAVE_AIM = Target("value", "<=", 1.5, "×", "issue 13: within 1.5x of same-pragma SQLite")
FRESH_INDEX = 10_000_000  # cases saved by the benchmark come after every fixture case
PROTECTED = "what-if: the same saves with cipher_memory_security ON (SQLCipher, WAL, FULL)"


def _save_batch_size(run: Run) -> int:
    if run.smoke:
        return 3
    # Each save costs more as the vault grows (see the growth table); keep a repetition to seconds.
    scale = run.scale or 0
    if scale >= 100_000:
        return 5
    if scale >= 10_000:
        return 10 if run.quick else 20
    return 10 if run.quick else 50


@bench("storage.save", title="save new cases one by one (one transaction and fsync each)", smoke_scale=100)
def save_cases(run: Run) -> None:
    n = _save_batch_size(run)
    fresh = itertools.count(FRESH_INDEX)

    def next_batch() -> list[dict]:
        return [data.case(next(fresh)) for _ in range(n)]

    vault = fixtures.writable_vault(run, run.scale)
    try:
        run.time(
            "tawthiq save_case: SQLCipher, WAL, synchronous=FULL",
            lambda batch: [cases.save_case(vault, b) for b in batch],
            setup=next_batch,
            items=n,
            item_unit="case",
        )
        same = fixtures.writable_plain(run, run.scale, "same")
        run.time(
            "plain sqlite3, same code, same pragmas (WAL, FULL, secure_delete)",
            lambda batch: [cases.save_case(same, b) for b in batch],
            setup=next_batch,
            items=n,
            item_unit="case",
            reference=True,
        )
        default = fixtures.writable_plain(run, run.scale, "default")
        run.time(
            "plain sqlite3, same code, default pragmas (rollback journal)",
            lambda batch: [cases.save_case(default, b) for b in batch],
            setup=next_batch,
            items=n,
            item_unit="case",
            reference=True,
        )
        default.close()
        run.ratio(
            "save: SQLCipher vault vs sqlite3 with the same pragmas",
            "tawthiq save_case: SQLCipher, WAL, synchronous=FULL",
            "plain sqlite3, same code, same pragmas (WAL, FULL, secure_delete)",
            targets=[SAVE_AIM],
        )
        run.ratio(
            "save: SQLCipher vault vs sqlite3 with default pragmas",
            "tawthiq save_case: SQLCipher, WAL, synchronous=FULL",
            "plain sqlite3, same code, default pragmas (rollback journal)",
            targets=[SAVE_AIM],
        )

        same.close()
        # What-if, in a fresh process (benchmarks/memory_security_whatif.py): the same saves into a
        # copy of the same vault with SQLCipher's cipher_memory_security ON (the app runs with it OFF).
        copy = run.tmp / f"protected-{run.scale}"
        shutil.copytree(fixtures.vault_fixture(run, run.scale), copy)
        protected = memory_security_whatif.run_in_fresh_process(
            {"mode": "save", "folder": str(copy), "passphrase": fixtures.PASSPHRASE, "n": n,
             "start": 4 * FRESH_INDEX, "repeat": run.repeat, "warmup": run.warmup}
        )
        if protected:
            run.record(PROTECTED, protected, note=f"{n} cases per sample")
            run.ratio("what-if memory security ON: SQLCipher vault vs sqlite3 with the same pragmas",
                      PROTECTED, "plain sqlite3, same code, same pragmas (WAL, FULL, secure_delete)")
        conn = vault.connection()
        batches = itertools.count(3 * FRESH_INDEX, n)
        run.time(
            "what-if: all the batch's cases in one transaction, one fsync (SQLCipher, FULL)",
            lambda batch: fixtures.load_cases(conn, batch, start=next(batches)),
            setup=next_batch,
            items=n,
            item_unit="case",
        )
    finally:
        vault.lock()
    run.note(
        f"Each repetition saves {n} new generated cases into a vault already holding the scale's "
        "cases; the references get the same cases through the same `save_case` code."
    )
    run.note(
        "The memory-security what-if saves the same kind of cases into a copy of the same vault with "
        "SQLCipher's cipher_memory_security ON, in a fresh process (the setting is process-wide and "
        "cannot be turned off once on). DESIGN §4 turned it OFF (issue 13); the gap between the two rows "
        "is the price that decision saves."
    )


@bench("storage.read", title="read cases back: open one case, list a page, count", smoke_scale=100)
def read_cases(run: Run) -> None:
    vault = fixtures.writable_vault(run, run.scale)
    plain = fixtures.writable_plain(run, run.scale, "same")
    try:
        ids = [r[0] for r in vault.connection().execute("SELECT id FROM cases")]
        picks = random.Random(7).sample(ids, min(len(ids), 20 if run.smoke else 300))
        warm = 0 if run.smoke else 20
        run.time(
            "tawthiq get_case (SQLCipher)", lambda i: cases.get_case(vault, i), inputs=picks, warmup=warm
        )
        run.time(
            "plain sqlite3 get_case",
            lambda i: cases.get_case(plain, i),
            inputs=picks,
            warmup=warm,
            reference=True,
        )
        run.ratio(
            "open one case: SQLCipher vs sqlite3", "tawthiq get_case (SQLCipher)", "plain sqlite3 get_case"
        )
        page = dict(order="updated", limit=50, offset=0)
        run.time(
            "tawthiq query_cases, first page of 50 by last update",
            lambda: cases.query_cases(vault, **page),
            repeat=max(run.repeat, 5),
        )
        run.time(
            "plain sqlite3 query_cases, first page of 50",
            lambda: cases.query_cases(plain, **page),
            repeat=max(run.repeat, 5),
            reference=True,
        )
        run.ratio(
            "list page: SQLCipher vs sqlite3",
            "tawthiq query_cases, first page of 50 by last update",
            "plain sqlite3 query_cases, first page of 50",
        )
        run.time("tawthiq count_cases (all)", lambda: cases.count_cases(vault), repeat=max(run.repeat, 5))
        run.time(
            "plain sqlite3 count_cases (all)",
            lambda: cases.count_cases(plain),
            repeat=max(run.repeat, 5),
            reference=True,
        )
        run.ratio(
            "count: SQLCipher vs sqlite3", "tawthiq count_cases (all)", "plain sqlite3 count_cases (all)"
        )
    finally:
        vault.lock()
        plain.close()
