"""Vaults filled with generated cases, built once per run and shared by the benchmarks.

Filling a vault through `save_case` commits (and fsyncs) once per case, so 100,000 cases that way
take far longer than the benchmarks that use them. The loader here calls the same
`cases.write_case` that `save_case` runs, many cases per transaction; tests/test_benchmarks.py
checks that a loaded case reads back exactly like a saved one. Attachments go through the real
`attach_file`. What is *measured* always goes through the real services.
"""

from __future__ import annotations

import copy
import hashlib
import shutil
import sqlite3
import tempfile
import uuid
from pathlib import Path

from app.services.intake import case_rules, cases
from benchmarks import data
from storage import audit, database, keyfile
from storage.vault import Vault

# Real encrypted attachment files for one case in this many (each costs an fsync to build).
BLOB_EVERY = 250
PASSPHRASE = "benchmark olive grove under the citadel"  # noqa: S105 (synthetic vaults, deleted after the run)
LOAD_BATCH = 1_000


def load_cases(conn, bodies, start: int = 0) -> list[str]:
    """Insert new cases with exactly the rows `save_case` writes; returns their ids."""
    ids = []
    with database.transaction(conn):
        for n, raw in enumerate(bodies):
            body = case_rules.check(copy.deepcopy(raw))  # as save_case does: check may fill in
            # Ids derived from the index keep the data identical from run to run.
            case_id = str(uuid.UUID(int=uuid.uuid5(uuid.NAMESPACE_OID, f"tawthiq-bench:{start + n}").int))
            body["id"] = case_id
            cases.write_case(conn, body, case_id)
            ids.append(case_id)
    return ids


def _fill(conn, scale: int, attach=None) -> None:
    for start in range(0, scale, LOAD_BATCH):
        n = min(LOAD_BATCH, scale - start)
        ids = load_cases(conn, data.cases(n, start=start), start=start)
        if attach is not None:
            for k, case_id in enumerate(ids):
                if (start + k) % BLOB_EVERY == 0:
                    attach(case_id, start + k)


def build_vault(folder: Path, scale: int, *, attachments: bool = True) -> None:
    """A documenter vault at `folder/vault` holding `scale` generated cases."""
    vault = Vault.create(
        folder / "vault",
        PASSPHRASE,
        name="benchmark",
        kdf_params=dict(keyfile.TEST_PARAMS),
        check_strength=False,
    )
    try:
        conn = vault.connection()
        # Loading is setup, not a measurement: no fsync per transaction.
        conn.execute("PRAGMA synchronous = OFF")

        def attach(case_id: str, i: int) -> None:
            with tempfile.NamedTemporaryFile(dir=folder, suffix=".jpg") as f:
                f.write(data.attachment_bytes(i))
                f.flush()
                cases.attach_file(vault, case_id, Path(f.name))

        _fill(conn, scale, attach if attachments else None)
    finally:
        vault.lock()


def vault_fixture(run, scale: int) -> Path:
    """The shared vault folder of `scale` cases for this run (read-only: copy before writing)."""
    return run.fixture(f"vault-{scale}", lambda folder: build_vault(folder, scale)) / "vault"


def writable_vault(run, scale: int) -> Vault:
    """A private copy of the shared vault, unlocked (cheap test KDF parameters)."""
    target = run.tmp / f"vault-{scale}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(vault_fixture(run, scale), target)
    return Vault.unlock(target, PASSPHRASE)


# ---- the plain sqlite3 reference -------------------------------------------------------------------
class PlainVault:
    """The reference: the same schema (storage/migrations applied by the same code) in a plain
    sqlite3 file, offered to `app.services.intake.cases` where a Vault goes. Only the engine differs:
    stdlib SQLite, no encryption."""

    def __init__(self, path: Path, pragmas: str = "same"):
        self.path = Path(path)
        self._conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        if pragmas == "same":  # what storage.database.open_database sets, minus the cipher
            for p in database.SESSION_PRAGMAS:
                self._conn.execute(f"PRAGMA {p}")
        elif pragmas == "wal-normal":
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
        elif pragmas != "default":
            raise ValueError(pragmas)
        self.pragmas = pragmas
        database.migrate(self._conn)

    def connection(self) -> sqlite3.Connection:
        return self._conn

    def close(self) -> None:
        self._conn.close()


def build_plain(folder: Path, scale: int) -> None:
    plain = PlainVault(folder / "plain.db", pragmas="default")
    conn = plain.connection()

    def attachment_rows(case_id: str, i: int) -> None:
        # The same attachment rows as the vault (the encrypted blob itself lives outside the database).
        payload = data.attachment_bytes(i)
        with database.transaction(conn):
            conn.execute(
                "INSERT INTO attachments (id, case_id, sha256, size, media_type, filename, blob, added_at) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (
                    str(uuid.uuid4()),
                    case_id,
                    hashlib.sha256(payload).hexdigest(),
                    len(payload),
                    "image/jpeg",
                    f"bench-{i}.jpg",
                    uuid.uuid4().hex,
                    audit.now_iso(),
                ),
            )
            conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (audit.now_iso(), case_id))
            audit.record(conn, "case.attach", case_id, attachment="-", sha256="-")

    try:
        conn.execute("PRAGMA synchronous = OFF")
        _fill(conn, scale, attachment_rows)
        plain.connection().execute("PRAGMA journal_mode = DELETE")
    finally:
        plain.close()


def writable_plain(run, scale: int, pragmas: str) -> PlainVault:
    """A private copy of the shared plain sqlite3 database of `scale` cases, opened with `pragmas`."""
    source = run.fixture(f"plain-{scale}", lambda folder: build_plain(folder, scale)) / "plain.db"
    target = run.tmp / f"plain-{scale}-{pragmas}.db"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return PlainVault(target, pragmas=pragmas)
