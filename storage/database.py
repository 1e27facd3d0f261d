"""The SQLCipher 4 database: opened with the raw 32-byte key, hardened pragmas, migrations.

One connection per thread (sqlite objects must not cross threads); `Vault.connection()` makes them.
Connections run in autocommit mode; writers open explicit transactions with `transaction()`.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from storage.errors import CorruptVault

if TYPE_CHECKING:  # sqlcipher3 ships no type hints; it is a drop-in clone of sqlite3's API
    from sqlite3 import Connection, DatabaseError, IntegrityError
else:
    Connection = sqlcipher3.Connection
    DatabaseError = sqlcipher3.DatabaseError
    IntegrityError = sqlcipher3.IntegrityError

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

# Set on every connection once the key is proven. The benchmarks' plain-SQLite and memory-security
# references apply the same list, so that they differ from the vault only where they mean to.
SESSION_PRAGMAS = (
    "temp_store = MEMORY",
    "secure_delete = ON",
    "foreign_keys = ON",
    "journal_mode = WAL",
    "synchronous = FULL",  # a save that returned is on disk even if power fails right after
)


def open_database(path: Path, key: bytes, *, check_same_thread: bool = True) -> Connection:
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    conn = sqlcipher3.connect(
        str(path), isolation_level=None, check_same_thread=check_same_thread, timeout=30
    )
    try:
        # The raw key skips SQLCipher's own PBKDF2: our key file already did the slow derivation.
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_compatibility = 4")
        # OFF, as SQLCipher itself defaults since 4.5 (DESIGN §4): ON wipes only SQLCipher's own
        # buffers while Python and Qt keep unwiped copies of the same case text (threat model §6),
        # and it cost most of our distance from plain SQLite (search 45x at 100,000 cases).
        conn.execute("PRAGMA cipher_memory_security = OFF")
        # First real read: fails here if the key is wrong or the file is not ours.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in SESSION_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise CorruptVault("database.wrong_key") from exc
    return conn


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error: all or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def integrity_problems(conn: Connection, limit: int = 20) -> list[str]:
    """SQLite's own full check of the file's structure (pages, indexes); [] when it is sound.

    It reads every page: about 1.3 s for an 84 MB vault (10,000 cases) on the 2-core test
    machine, so it runs on demand (`tawthiq audit verify`, `verify-vault`), not at every unlock.
    """
    rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()]
    return [] if rows == ["ok"] else rows


def available_migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every file in storage/migrations, in order."""
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    # Numbers are reserved per feature, so gaps are allowed; duplicates are a packaging error.
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError("two migrations share a number")
    return found


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, target: int | None = None) -> int:
    """Apply every migration above the current version, each in its own transaction."""
    current = schema_version(conn)
    migrations = available_migrations()
    latest = migrations[-1][0] if migrations else 0
    if current > latest:
        raise CorruptVault("database.newer_schema", schema=current, latest=latest)
    _register_migration_functions(conn)
    for version, _name, sql in migrations:
        if version <= current or (target is not None and version > target):
            continue
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        current = version
    return current


def _register_migration_functions(conn: Connection) -> None:
    """SQL functions migrations may call: the search index document of a stored case body, so a
    migration re-indexes cases with the very code that indexes them at save (forms.search)."""
    from forms import search

    conn.create_function(search.SQL_FUNCTION, 1, search.document_from_json, deterministic=True)


def checkpoint_and_truncate(conn: Connection) -> None:
    """Move the WAL into the main file and truncate it to zero bytes (done on lock)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
