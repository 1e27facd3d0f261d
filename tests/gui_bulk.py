"""Fast bulk insertion of case rows through the real SQLCipher connection (tests, benchmark, demo)."""

from __future__ import annotations

import random

from storage.database import transaction

GOVERNORATES = ("SY-HI", "SY-HM", "SY-LA", "SY-TA", "SY-DI", "SY-RD", "SY-HL", "SY-ID")
FORMS = ("kidnapping", "killing", "disappearance")


def insert_cases(vault, n: int, seed: int = 7) -> None:
    """n case summaries (the rows the list shows), in one transaction with executemany."""
    rng = random.Random(seed)

    def rows():
        for i in range(n):
            day = f"20{rng.randint(12, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            stamp = f"{day}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
            yield (f"bulk-{i:06d}", rng.choice(FORMS), 1, f"Case {i}", rng.choice(("draft", "sealed")), 1,
                   day, rng.choice(GOVERNORATES), stamp, stamp)

    conn = vault.connection()
    # A larger page cache for the one bulk transaction: the random-order index inserts otherwise
    # re-encrypt the same pages many times.
    conn.execute("PRAGMA cache_size = -131072")
    with transaction(conn):
        conn.executemany(
            "INSERT INTO cases (id, form, form_version, title, status, current_version, incident_date, governorate, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)", rows())
