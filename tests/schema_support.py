"""A vault whose database was left at an older schema version, as a user upgrading would have it.

Rebuilt the honest way: a fresh database file under the vault's own key, migrated only up to the
given version, with chosen tables' rows carried over. Lowering `user_version` on a newer file
instead leaves the newer tables behind, and the upgrade then trips over them as soon as a later
migration creates a table.
"""
from __future__ import annotations

from pathlib import Path

from storage import database, keyfile
from storage.vault import DATABASE, KEYFILE


def rebuild_at_version(vault_path: Path, passphrase: str, version: int, keep: tuple[str, ...] = ()):
    """Replace the (locked) vault's database with one at `version` holding the rows of `keep`.

    Rows are carried column by column where the old table has the column; returns the open
    connection to the rebuilt file (close it before unlocking the vault).
    """
    keys, _ = keyfile.unlock_keyfile(vault_path / KEYFILE, passphrase)
    newer = database.open_database(vault_path / DATABASE, keys.db_key)
    rows = {}
    for table in keep:
        # The rowid too: other tables point at it (cases.search_rowid at the search index).
        cursor = newer.execute(f"SELECT rowid AS carried_rowid, * FROM {table}")
        rows[table] = ([d[0] for d in cursor.description], cursor.fetchall())
    newer.close()
    for suffix in ("", "-wal", "-shm"):
        (vault_path / (DATABASE + suffix)).unlink(missing_ok=True)
    conn = database.open_database(vault_path / DATABASE, keys.db_key)
    assert database.migrate(conn, target=version) == version
    with database.transaction(conn):
        for table, (columns, values) in rows.items():
            present = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")} | {"carried_rowid"}
            kept = [i for i, c in enumerate(columns) if c in present]
            names = ", ".join("rowid" if columns[i] == "carried_rowid" else columns[i] for i in kept)
            marks = ", ".join("?" for _ in kept)
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                             [tuple(row[i] for i in kept) for row in values])
    return conn
