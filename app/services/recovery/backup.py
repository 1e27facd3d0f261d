"""Encrypted backup and restore of a whole vault (issue 20 item 1; the file format: storage.backup_file).

Backup: a consistent snapshot of the database through SQLite's online backup API (sqlcipher3),
into a SQLCipher copy under the same key in a hidden folder of the vault (ciphertext only, removed
at the end, and by the next unlock's sweep if the run was killed); then that copy, every attachment
blob the snapshot names (already age files) and the key file, streamed into one file written
atomically beside its final name. Nothing in the clear touches the disk at any point.

Restore: into a hidden staging folder beside the target, from which the vault is opened and
checked before it is moved into place with one rename: the database's integrity, the audit chain,
every attachment decrypted and compared with its recorded hash, and every count against the
backup's summary. A backup that fails any check leaves nothing behind.

The restored vault has the same keys, vault id, cases, versions, witnesses, audit log and bundle
numbers as the vault had at the backup, so its next export continues the sequence and a
coordinator imports it without a gap or fork warning (tests/recovery/test_backup_restore.py).
What the backup does not hold: the unlock-guard settings (the failed-unlock limit, neutral mode;
plain files beside the key file) and anything the vault received or made after the backup.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import sqlcipher3

from storage import audit, backup_file, keyfile
from storage.atomic import atomic_output, ensure_private_dir, fsync_dir
from storage.database import transaction
from storage.errors import TawthiqError, VaultExists
from storage.vault import BLOBS, DATABASE, KEYFILE, Vault, integrity_check

Progress = Callable[[int, int], None]  # (done, total) in bytes; may raise to cancel

_STAGING = re.compile(r"^\.(?P<target>.+)\.restore-[0-9a-f]{12}$")
_IO_CHUNK = 1 << 20


@dataclass
class BackupSummary:
    """What a backup holds, counted on its snapshot; the restore checks it holds the same."""

    role: str
    vault_id: str
    created_at: str
    schema: int
    cases: int
    versions: int
    attachments: int
    witnesses: int
    audit_entries: int
    audit_broken_at: int | None
    last_bundle_sent: int
    bundles_received: int
    files: int = 0
    size: int = 0  # bytes of the backup file
    recovery: dict | None = field(default=None)  # the key file's recovery slot, public part

    def to_json(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, raw: dict) -> BackupSummary:
        try:
            return cls(**{k: raw[k] for k in cls.__dataclass_fields__ if k in raw})
        except TypeError:
            raise backup_file.BackupRefused("backup.damaged") from None

    def counts(self) -> tuple:
        return (self.cases, self.versions, self.attachments, self.witnesses, self.audit_entries,
                self.last_bundle_sent, self.bundles_received)

    def lines(self) -> list[str]:
        """What `backup`, `backup verify` and `restore` print: counts only, never content."""
        out = [f"{self.role} vault, backed up {self.created_at}",
               f"cases: {self.cases} ({self.versions} versions), attachments: {self.attachments}, "
               f"witnesses: {self.witnesses}",
               f"audit log: {self.audit_entries} entries, "
               + ("chain intact" if self.audit_broken_at is None else f"broken at entry {self.audit_broken_at}"),
               f"bundles: {self.last_bundle_sent} exported (the next is number {self.last_bundle_sent + 1}), "
               f"{self.bundles_received} received"]
        if self.recovery:
            out.append(f"recovery shares: {self.recovery['threshold']} of {self.recovery['shares']} "
                       "also open this backup")
        return out


def _count(conn, sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0] or 0)


def _summary(conn, created_at: str) -> BackupSummary:
    settings = dict(conn.execute("SELECT key, value FROM settings WHERE key IN ('role')").fetchall())
    return BackupSummary(
        role=settings.get("role", "documenter"), vault_id="", created_at=created_at,
        schema=int(conn.execute("PRAGMA user_version").fetchone()[0]),
        cases=_count(conn, "SELECT count(*) FROM cases"),
        versions=_count(conn, "SELECT count(*) FROM case_versions"),
        attachments=_count(conn, "SELECT count(*) FROM attachments"),
        witnesses=_count(conn, "SELECT count(*) FROM witnesses"),
        audit_entries=_count(conn, "SELECT count(*) FROM audit_log"),
        audit_broken_at=audit.first_break(conn),
        last_bundle_sent=_count(conn, "SELECT max(sequence) FROM bundles_sent"),
        bundles_received=_count(conn, "SELECT count(*) FROM bundles_received"),
    )


def _open_copy(path: Path, db_key: bytes):
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
    conn.execute("PRAGMA cipher_compatibility = 4")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


# ---- backup -------------------------------------------------------------------------------------
def write_backup(vault: Vault, out_path: Path, progress: Progress | None = None) -> BackupSummary:
    """Write a backup of the unlocked `vault` to `out_path` (atomically); audited as `vault.backup`."""
    out_path = Path(out_path)
    if out_path.resolve().is_relative_to(vault.path.resolve()):
        raise TawthiqError("backup.inside_vault")
    created_at = audit.now_iso()
    snapshot_dir = vault.path / f"{backup_file.SNAPSHOT_PREFIX}{secrets.token_hex(6)}"
    ensure_private_dir(snapshot_dir)
    try:
        snapshot = snapshot_dir / DATABASE
        summary, blobs = _snapshot(vault, snapshot, created_at, progress)
        keyfile_doc = keyfile.read_header(vault.path / KEYFILE)
        summary.recovery = _public_recovery(keyfile_doc)
        summary.files = 1 + len(blobs)
        try:
            sizes = {name: (vault.blobs.folder / name).stat().st_size for name in blobs}
        except FileNotFoundError:  # removed since the snapshot (a purge in another process)
            raise TawthiqError("backup.vault_changed") from None
        total = snapshot.stat().st_size + sum(sizes.values())
        done = 0

        def advance(n: int) -> None:
            nonlocal done
            done += n
            if progress is not None:
                progress(done, total)

        header = backup_file.new_header(keyfile_doc)
        key = backup_file.stream_key(vault.keys.db_key, backup_file.salt_of(header))
        try:
            summary.size = _write_stream(vault, out_path, header, key, snapshot, blobs, sizes, summary, advance)
        except OSError as exc:  # no such folder, no permission, disk full: one line, no half file
            raise TawthiqError("backup.cannot_write", file=out_path.name,
                               reason=(exc.strerror or type(exc).__name__).lower()) from None
    finally:
        shutil.rmtree(snapshot_dir, ignore_errors=True)
    conn = vault.connection()
    with transaction(conn):
        # Counts only: never the file's name or place (where a backup is kept is itself sensitive).
        audit.record(conn, "vault.backup", cases=summary.cases, attachments=summary.attachments,
                     size=summary.size)
    return summary


def _write_stream(vault: Vault, out_path: Path, header: dict, key: bytes, snapshot: Path, blobs: list[str],
                  sizes: dict[str, int], summary: BackupSummary, advance: Callable[[int], None]) -> int:
    """The file itself: header, then the snapshot and every blob as entries, then the summary."""
    with atomic_output(out_path) as out:
        digest = backup_file.write_header(out, header)
        writer = backup_file.ChunkWriter(out, key, digest)
        with open(snapshot, "rb", buffering=_IO_CHUNK) as source:
            backup_file.write_file_entry(writer, backup_file.DATABASE_NAME, snapshot.stat().st_size, source, advance)
        for name in blobs:
            try:
                source_file = open(vault.blobs.folder / name, "rb", buffering=_IO_CHUNK)  # noqa: SIM115
            except FileNotFoundError:
                raise TawthiqError("backup.vault_changed") from None
            with source_file:
                backup_file.write_file_entry(writer, f"{BLOBS}/{name}", sizes[name], source_file, advance)
        backup_file.write_end(writer, summary.to_json())
        out.flush()
        return out.tell()


def _public_recovery(doc: dict) -> dict | None:
    from storage import recovery_slot

    return recovery_slot.describe(doc.get("recovery"))


def _snapshot(vault: Vault, snapshot: Path, created_at: str,
              progress: Progress | None) -> tuple[BackupSummary, list[str]]:
    """Copy the database with SQLite's online backup API (a consistent state, even while others
    write); count it and list the blobs it names, from the copy itself."""
    source = vault.connection()
    copy = _open_copy(snapshot, vault.keys.db_key)
    try:
        def pages(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(0, total)  # the snapshot is quick next to the stream; shown as the start

        source.backup(copy, pages=1024, progress=pages)
        summary = _summary(copy, created_at)
        summary.vault_id = vault.vault_id
        blobs = sorted({str(r[0]) for r in copy.execute("SELECT DISTINCT blob FROM attachments")})
        # Back to a rollback journal so the copy is one file when closed (the source's WAL mode came along).
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    for name in blobs:
        vault.blobs.path_of(name)  # a name that is not a plain blob name refuses the backup
    return summary, blobs


# ---- opening a backup -----------------------------------------------------------------------------
@dataclass
class Opened:
    header: dict
    digest: bytes
    keys: keyfile.VaultKeys


def open_backup(source: BinaryIO, *, passphrase: str | None = None,
                share_texts: list[str] | None = None) -> Opened:
    """Read the header and unwrap the keys it carries, with the passphrase of the time or k shares."""
    header, digest = backup_file.read_header(source)
    doc = keyfile.check_document(header["keyfile"])
    if share_texts is not None:
        from app.services.recovery import key_recovery

        keys = key_recovery.keys_from_shares(doc, share_texts)
    else:
        keys, _params = keyfile.unlock_document(doc, passphrase or "")
    return Opened(header, digest, keys)


def verify_header(path: Path) -> None:
    """Refuse a file that is not an undamaged backup before any passphrase is asked."""
    with _open_backup_file(Path(path)) as source:
        backup_file.read_header(source)


def verify_backup(path: Path, *, passphrase: str | None = None, share_texts: list[str] | None = None,
                  progress: Progress | None = None) -> BackupSummary:
    """Check every chunk, every file's hash and the structure, without writing anything."""
    path = Path(path)
    total = _size(path)
    with _open_backup_file(path) as source:
        opened = open_backup(source, passphrase=passphrase, share_texts=share_texts)
        reader = backup_file.ChunkReader(source, backup_file.stream_key(opened.keys.db_key,
                                                                        backup_file.salt_of(opened.header)),
                                         opened.digest)
        summary_raw: dict = {}
        names = []
        for entry in backup_file.entries(reader, summary_raw):
            entry.copy_to(None, _position_progress(source, total, progress))
            names.append(entry.name)
    return _checked_summary(summary_raw, names, total)


def _checked_summary(summary_raw: dict, names: list[str], size: int) -> BackupSummary:
    summary = BackupSummary.from_json(summary_raw)
    if backup_file.DATABASE_NAME not in names or len(names) != summary.files:
        raise backup_file.BackupRefused("backup.damaged")
    summary.size = size
    return summary


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        raise TawthiqError("backup.cannot_read", file=path.name) from None


@contextlib.contextmanager
def _open_backup_file(path: Path):
    try:
        source = open(path, "rb", buffering=_IO_CHUNK)  # noqa: SIM115
    except OSError:
        raise TawthiqError("backup.cannot_read", file=path.name) from None
    with source:
        yield source


def _position_progress(source: BinaryIO, total: int, progress: Progress | None):
    if progress is None:
        return None
    return lambda _n: progress(source.tell(), total)


# ---- restore --------------------------------------------------------------------------------------
@dataclass
class RestoreReport:
    summary: BackupSummary
    attachments_checked: int
    audit_entries: int
    recovered_with_shares: bool

    def lines(self) -> list[str]:
        s = self.summary
        out = [f"restored a {s.role} vault as it was at {s.created_at}",
               f"cases: {s.cases} ({s.versions} versions), witnesses: {s.witnesses}",
               f"attachments: {self.attachments_checked}, each decrypted and matching its recorded hash",
               f"audit log: {self.audit_entries} entries, "
               + ("chain intact" if s.audit_broken_at is None else
                  f"broken at entry {s.audit_broken_at}, as it was in the vault backed up"),
               f"keys: the same as the vault's (its signing key and fingerprint are unchanged); "
               f"the next bundle is number {s.last_bundle_sent + 1}"]
        if self.recovered_with_shares:
            out.append("opened with recovery shares: the restored vault has the new passphrase")
        return out


def _claim_staging(target: Path) -> tuple[Path, int]:
    """A hidden staging folder beside `target`, held with an flock while this restore runs.
    Staging folders of killed restores to the same target (no lock held) are removed first."""
    parent = target.parent
    for entry in os.scandir(parent):
        found = _STAGING.match(entry.name)
        if found is None or found["target"] != target.name or not entry.is_dir(follow_symlinks=False):
            continue
        fd = os.open(entry.path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue  # a live restore's
        try:
            shutil.rmtree(entry.path, ignore_errors=True)
        finally:
            os.close(fd)
    staging = parent / f".{target.name}.restore-{secrets.token_hex(6)}"
    staging.mkdir(mode=0o700)
    fd = os.open(staging, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    # Shared, not exclusive: the check opens the staged vault, whose own folder hold (storage.leftovers)
    # then shares it too instead of waiting on us; a later restore's LOCK_NB still sees it held.
    fcntl.flock(fd, fcntl.LOCK_SH)
    return staging, fd


def _check_target(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise TawthiqError("restore.target_not_empty", folder=target)
    if target.is_dir() and any(target.iterdir()):
        if (target / KEYFILE).exists():
            raise VaultExists("vault.exists", folder=target)
        raise TawthiqError("restore.target_not_empty", folder=target)


def restore_backup(path: Path, target: Path, *, passphrase: str | None = None,
                   share_texts: list[str] | None = None, new_passphrase: str | None = None,
                   kdf_params: dict | None = None, progress: Progress | None = None) -> RestoreReport:
    """Restore the backup in `path` as a new vault in `target` (absent or an empty folder).

    With the passphrase the backup was made under, the key file is restored as it was. With k
    recovery shares (`share_texts`), the keys come from the recovery slot and the restored key file
    is wrapped under `new_passphrase` (the slot is kept). Either way nothing is left in `target` or
    beside it unless every check passed.
    """
    path, target = Path(path), Path(target).absolute()
    _check_target(target)
    total = _size(path)
    if share_texts is not None and not new_passphrase:
        raise TawthiqError("restore.new_passphrase_needed")
    if new_passphrase is not None:
        from storage.passphrase import check_new_passphrase

        check_new_passphrase(new_passphrase)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with _open_backup_file(path) as source:
        opened = open_backup(source, passphrase=passphrase, share_texts=share_texts)
        staging, hold = _claim_staging(target)
        try:
            summary = _unpack(source, opened, staging, total, progress)
            doc = keyfile.check_document(opened.header["keyfile"])
            if share_texts is not None:
                keyfile.write_keyfile(staging / KEYFILE, opened.keys, new_passphrase or "",
                                      kdf_params or keyfile.default_params(), recovery=doc.get("recovery"))
                opening = new_passphrase or ""
            else:
                keyfile.write_document(staging / KEYFILE, doc)
                opening = passphrase or ""
            report = _check_restored(staging, opening, summary, share_texts is not None)
            fsync_dir(staging)
            if target.exists():
                target.rmdir()  # empty (checked above); rename cannot replace it on every system
            os.rename(staging, target)
            fsync_dir(target.parent)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            os.close(hold)
    return report


def _unpack(source: BinaryIO, opened: Opened, staging: Path, total: int,
            progress: Progress | None) -> BackupSummary:
    reader = backup_file.ChunkReader(source, backup_file.stream_key(opened.keys.db_key,
                                                                    backup_file.salt_of(opened.header)),
                                     opened.digest)
    ensure_private_dir(staging / BLOBS)
    summary_raw: dict = {}
    names = []
    advance = _position_progress(source, total, progress)
    for entry in backup_file.entries(reader, summary_raw):
        # Names are from the allow-list (vault.db, blobs/<32 hex>): never a path of the file's choosing.
        destination = staging / entry.name
        fd = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        with os.fdopen(fd, "wb", buffering=_IO_CHUNK) as sink:
            entry.copy_to(sink, advance)
            sink.flush()
            os.fsync(sink.fileno())
        names.append(entry.name)
    fsync_dir(staging / BLOBS)
    return _checked_summary(summary_raw, names, total)


def _check_restored(staging: Path, passphrase: str, summary: BackupSummary,
                    with_shares: bool) -> RestoreReport:
    """Open the staged vault and check it is whole before it is moved into place."""
    vault = Vault.unlock(staging, passphrase)
    try:
        if vault.vault_id != summary.vault_id:
            raise backup_file.BackupRefused("backup.damaged")
        if integrity_check(vault):
            raise backup_file.BackupRefused("backup.restored_database_damaged")
        conn = vault.connection()
        checked = 0
        for blob, sha256 in conn.execute("SELECT blob, sha256 FROM attachments").fetchall():
            vault.blobs.read_into(blob, None, sha256)  # attachment.missing / .damaged / .hash_mismatch
            checked += 1
        restored = _summary(conn, summary.created_at)
        if restored.counts() != summary.counts() or restored.audit_broken_at != summary.audit_broken_at:
            raise backup_file.BackupRefused("backup.damaged")
        with transaction(conn):
            audit.record(conn, "vault.restore", backed_up_at=summary.created_at, cases=summary.cases,
                         attachments=checked, with_shares=with_shares)
        from storage.database import checkpoint_and_truncate

        checkpoint_and_truncate(conn)
    finally:
        vault.lock()
    return RestoreReport(summary, checked, summary.audit_entries, with_shares)
