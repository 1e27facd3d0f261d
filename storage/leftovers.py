"""What an interrupted run leaves in a vault folder, and the sweep that removes it at unlock.

A kill -9, a power cut or a full disk never leaves half a file under a final name
(storage.atomic), but it can leave:

- hidden temp files `.<name>.<12 hex>.partial` in the vault folder and in blobs/ (a half-written
  key file among them: keys wrapped under a passphrase, so it is shredded like the key file);
- whole blobs in blobs/ that no `attachments` row names: an attach or an import killed between
  the blob's rename and the commit of the transaction that records it;
- a backup's snapshot folder `.snapshot-<12 hex>` (a SQLCipher copy of the database under the
  vault's key: storage.backup_file), when the backup was killed before removing it.

Everything there is ciphertext, but it takes space (a half-imported video can be gigabytes) and a
forgotten wrapped key is one more thing a coerced passphrase opens. Removing a blob is only safe
when no other process can be between writing a blob and committing its row, so every unlocked
`Vault` holds a shared flock on its folder and the sweep runs only when this unlock could take it
exclusively. Another process with the vault open (the GUI while a CLI command runs) means no sweep
this time; the next unlock does it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from storage import wipe
from storage.atomic import fsync_dir, partial_target, remove_stale_partials
from storage.backup_file import SNAPSHOT_FOLDER

BLOB_NAME = re.compile(r"^[0-9a-f]{32}$")  # storage.blobs names every blob so


class FolderHold:
    """An flock on the vault folder, shared while unlocked; exclusive only while sweeping."""

    def __init__(self, folder: Path):
        self._fd: int | None = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            self.exclusive = True
        except OSError:  # another process has the vault open (or no flock here): share, no sweep
            self.exclusive = False
            with contextlib.suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_SH)

    def share(self) -> None:
        if self._fd is not None and self.exclusive:
            fcntl.flock(self._fd, fcntl.LOCK_SH)
            self.exclusive = False

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # the lock goes with the descriptor
            self._fd = None


@dataclass(frozen=True)
class Swept:
    partials: int = 0
    orphan_blobs: int = 0

    def __bool__(self) -> bool:
        return bool(self.partials or self.orphan_blobs)


def _shred_or_unlink(path: Path) -> None:
    if partial_target(path.name) == wipe.KEYFILE:
        wipe.shred(path)
    else:
        os.unlink(path)


def sweep(folder: Path, blobs_folder: Path, referenced_blobs: set[str]) -> Swept:
    """Remove dead writers' temp files and blobs no row names. Call only holding the folder exclusively."""
    partials = remove_stale_partials(folder, remove=_shred_or_unlink)
    # A backup in progress holds the vault open, so a snapshot folder seen here (the vault held
    # exclusively) is a dead run's.
    with os.scandir(folder) as entries:
        snapshots = [e.path for e in entries if SNAPSHOT_FOLDER.match(e.name) and e.is_dir(follow_symlinks=False)]
    for snapshot in snapshots:
        shutil.rmtree(snapshot, ignore_errors=True)
        partials += 1
    with os.scandir(blobs_folder) as entries:  # one listing of blobs/ serves both sweeps
        blob_files = {entry.name: entry.is_file(follow_symlinks=False) for entry in entries}
    partials += remove_stale_partials(blobs_folder, names=list(blob_files))
    orphans = 0
    for name, is_file in blob_files.items():
        if is_file and BLOB_NAME.match(name) and name not in referenced_blobs:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(blobs_folder / name)
                orphans += 1
    if orphans:
        fsync_dir(blobs_folder)
    return Swept(partials, orphans)
