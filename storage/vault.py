"""The vault folder: key file + SQLCipher database + age-encrypted attachments.

    <vault>/keyfile   Argon2id-wrapped keys (storage.keyfile)
    <vault>/vault.db  SQLCipher 4, raw key
    <vault>/blobs/    one age file per attachment

A `Vault` object exists only while unlocked; `lock()` checkpoints the WAL, closes every
connection and drops the keys it holds.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from storage import audit, database, keyfile, leftovers, wipe
from storage.atomic import ensure_private_dir
from storage.blobs import BlobStore
from storage.errors import VaultExists, VaultLayoutRefused, VaultLocked, VaultNotFound, WrongPassphrase
from storage.passphrase import check_new_passphrase

KEYFILE = "keyfile"
DATABASE = "vault.db"
BLOBS = "blobs"
ROLES = ("documenter", "coordinator")


def default_vault_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("tawthiq", appauthor=False)) / "vault"


def vault_exists(path: Path) -> bool:
    return (Path(path) / KEYFILE).exists()


# The parts of a vault and what each must be. A symbolic link is refused: the wipe shreds the key file
# in the vault folder and removes the folder, and must not have to chase (or could miss) a key file,
# database or attachments kept elsewhere (issue 14 item 10; docs/threat-model.md section 4).
_PARTS = ((KEYFILE, "key file", stat.S_ISREG), (DATABASE, "database", stat.S_ISREG),
          (DATABASE + "-wal", "database journal", stat.S_ISREG), (DATABASE + "-shm", "database journal", stat.S_ISREG),
          (BLOBS, "attachments folder", stat.S_ISDIR))


def check_layout(path: Path) -> None:
    """Raise VaultLayoutRefused if a part of the vault in `path` is a link or not a file/folder as it should be."""
    for name, what, is_right_kind in _PARTS:
        try:
            mode = os.lstat(Path(path) / name).st_mode
        except FileNotFoundError:
            continue
        except OSError:
            raise VaultLayoutRefused("vault.part_unreadable", what=what, name=name) from None
        if stat.S_ISLNK(mode):
            raise VaultLayoutRefused("vault.part_is_link", what=what, name=name, folder=path)
        if not is_right_kind(mode):
            raise VaultLayoutRefused("vault.part_not_folder" if name == BLOBS else "vault.part_not_file",
                                     what=what, name=name)


class Vault:
    def __init__(self, path: Path, keys: keyfile.VaultKeys, kdf_params: dict):
        self.path = Path(path)
        self._keys: keyfile.VaultKeys | None = keys
        self.kdf_params = kdf_params
        self._local = threading.local()
        self._connections: list[database.Connection] = []
        self._lock = threading.Lock()
        self._hold: leftovers.FolderHold | None = None
        # Set at unlock: the first audit log entry where its chain breaks, or None (docs/threat-model.md).
        self.audit_broken_at: int | None = None
        self.blobs = self._blob_store(keys)

    def _blob_store(self, keys: keyfile.VaultKeys) -> BlobStore:
        retired = tuple(pyrage.x25519.Identity.from_str(r["age_identity"]) for r in keys.retired)
        return BlobStore(self.path / BLOBS, pyrage.x25519.Identity.from_str(keys.age_identity), retired)

    def adopt_keys(self, keys: keyfile.VaultKeys) -> None:
        """Use `keys` from now on (after a key rotation wrote them to the key file); same database key."""
        if keys.db_key != self.keys.db_key or keys.vault_id != self.keys.vault_id:
            raise ValueError("a rotation keeps the database key and the vault id")
        self._keys = keys
        self.blobs = self._blob_store(keys)

    # ---- creation and unlocking -------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        *,
        role: str = "documenter",
        name: str = "",
        kdf_params: dict | None = None,
        check_strength: bool = True,
    ) -> Vault:
        path = Path(path)
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        if vault_exists(path):
            raise VaultExists("vault.exists", folder=path)
        check_layout(path)
        if check_strength:
            check_new_passphrase(passphrase)
        ensure_private_dir(path)
        ensure_private_dir(path / BLOBS)
        params = kdf_params or keyfile.default_params()
        keys = keyfile.VaultKeys.generate()
        # Database first, key file last: a crash in between leaves no key file, so no half vault
        # is ever offered for unlocking (a stale vault.db without a key file is unreadable anyway).
        db_path = path / DATABASE
        for stale in (db_path, path / (DATABASE + "-wal"), path / (DATABASE + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
        vault = cls(path, keys, params)
        vault._hold = leftovers.FolderHold(path)
        vault._hold.share()
        conn = vault.connection()
        database.migrate(conn)
        with database.transaction(conn):
            conn.execute("INSERT INTO settings (key, value) VALUES ('role', ?), ('name', ?)", (role, name))
            audit.record(conn, "vault.create", role=role)
        keyfile.write_keyfile(path / KEYFILE, keys, passphrase, params)
        return vault

    @classmethod
    def unlock(cls, path: Path, passphrase: str) -> Vault:
        path = Path(path)
        if not vault_exists(path):
            raise VaultNotFound("vault.not_found", folder=path)
        check_layout(path)  # before the passphrase: a refused layout counts no failed attempt
        try:
            keys, params = keyfile.unlock_keyfile(path / KEYFILE, passphrase)
        except WrongPassphrase:
            wipe.after_failed_unlock(path)  # counts, and wipes at the limit if the owner set one
            raise
        wipe.after_successful_unlock(path)
        vault = cls(path, keys, params)
        try:
            vault._hold = leftovers.FolderHold(path)
            database.migrate(vault.connection())
            # Checked before anything this unlock appends. A broken chain warns but does not
            # refuse: refusing would lock the owner out of her own records, while whoever edits
            # the database with the passphrase can recompute the chain anyway.
            vault.audit_broken_at = audit.first_break(vault.connection())
            if vault._hold.exclusive:
                vault._sweep_leftovers()
                vault._hold.share()
        except BaseException:
            # A refused unlock (a vault from a newer Tawthiq, say) must not keep the folder lock:
            # held exclusively, it would stall this process's next unlock of the vault for ever.
            vault.lock()
            raise
        return vault

    def _sweep_leftovers(self) -> None:
        """Remove what an interrupted run left (storage.leftovers); tidying, so it never fails an unlock."""
        conn = self.connection()
        referenced = {row[0] for row in conn.execute("SELECT blob FROM attachments")}
        try:
            swept = leftovers.sweep(self.path, self.blobs.folder, referenced)
        except OSError:  # a read-only medium, say: the leftovers stay until a later unlock
            return
        if swept:
            with database.transaction(conn):
                audit.record(conn, "vault.cleanup", partials=swept.partials, orphan_blobs=swept.orphan_blobs)

    @property
    def audit_problem(self) -> str | None:
        """The broken audit chain found at unlock, worded for the command line."""
        return None if self.audit_broken_at is None else f"the audit log is broken at entry {self.audit_broken_at}"

    # ---- keys -------------------------------------------------------------------------------
    @property
    def keys(self) -> keyfile.VaultKeys:
        if self._keys is None:
            raise VaultLocked("vault.locked")
        return self._keys

    @property
    def vault_id(self) -> str:
        return self.keys.vault_id

    @property
    def age_identity(self) -> pyrage.x25519.Identity:
        return pyrage.x25519.Identity.from_str(self.keys.age_identity)

    @property
    def age_identities(self) -> list[pyrage.x25519.Identity]:
        """The current identity, then any retired by a key rotation: what decrypts bundles and blobs."""
        return [self.age_identity] + [pyrage.x25519.Identity.from_str(r["age_identity"]) for r in self.keys.retired]

    @property
    def age_recipient(self) -> str:
        return str(self.age_identity.to_public())

    @property
    def signing_key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.keys.signing_seed)

    @property
    def signing_key_id(self) -> bytes:
        return self.keys.signing_key_id

    # ---- connections --------------------------------------------------------------------------
    def connection(self) -> database.Connection:
        """This thread's connection (one per thread, made on first use)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = database.open_database(self.path / DATABASE, self.keys.db_key)
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def close_thread_connection(self) -> None:
        """Workers call this in `finally` so their connection does not outlive them."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            self._local.conn = None
            with self._lock:
                if conn in self._connections:
                    self._connections.remove(conn)
            conn.close()

    # ---- settings -----------------------------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.connection().execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        self.connection().execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    @property
    def role(self) -> str:
        return self.setting("role", "documenter") or "documenter"

    @property
    def name(self) -> str:
        return self.setting("name", "") or ""

    # ---- passphrase, lock ---------------------------------------------------------------------
    def change_passphrase(self, old: str, new: str, kdf_params: dict | None = None) -> None:
        """Rewrap the keys under a new passphrase: only the key file changes."""
        keyfile.unlock_keyfile(self.path / KEYFILE, old)  # raises WrongPassphrase
        check_new_passphrase(new)
        params = kdf_params or keyfile.default_params()
        # The recovery slot (SLIP-39 shares, if made) wraps the same keys: it stays valid and is kept.
        recovery = keyfile.read_header(self.path / KEYFILE).get("recovery")
        keyfile.write_keyfile(self.path / KEYFILE, self.keys, new, params, recovery=recovery)
        self.kdf_params = params
        conn = self.connection()
        with database.transaction(conn):
            audit.record(conn, "vault.passphrase")

    def lock(self) -> None:
        """Checkpoint and truncate the WAL, close every connection, drop the keys."""
        if self._keys is None:
            return
        with self._lock:
            connections = list(self._connections)
            self._connections.clear()
        own = getattr(self._local, "conn", None)
        for conn in connections:
            with contextlib.suppress(Exception):
                if conn is own:
                    database.checkpoint_and_truncate(conn)
        for conn in connections:
            with contextlib.suppress(Exception):
                conn.close()
        self._local = threading.local()
        if self._hold is not None:
            self._hold.release()
            self._hold = None
        # Python cannot zero immutable bytes/str; dropping every reference is what it allows
        # (docs/threat-model.md says so).
        self._keys = None
        self.blobs = None  # type: ignore[assignment]

    @property
    def locked(self) -> bool:
        return self._keys is None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()


def integrity_check(vault: Vault) -> list[str]:
    """SQLCipher's page HMAC check plus SQLite's own; an empty list means clean."""
    conn = vault.connection()
    problems = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    ok = conn.execute("PRAGMA integrity_check").fetchall()
    if ok != [("ok",)]:
        problems += [r[0] for r in ok]
    return problems


def private_umask() -> None:
    os.umask(0o077)
