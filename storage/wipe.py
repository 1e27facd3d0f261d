"""Emergency wipe (crypto-shredding) and the failed-unlock guard file.

Wipe: everything in the vault is encrypted under keys that exist only inside the key file, so
destroying that one small file first makes the rest unreadable at once; removing the database and
attachments afterwards is tidiness. The key file is overwritten in place with random bytes and
fsynced before it is unlinked, so a forensic look at the same disk blocks finds noise rather than
a wrapped key that a coerced passphrase would open. Limits (SSD wear levelling, journaling and
copy-on-write file systems, old key files left by passphrase changes, backups) are in
docs/threat-model.md.

The guard file (`<vault>/unlock-guard.json`) is checked *before* unlocking, so it cannot live in the
encrypted database. It exists only when an option is on and holds nothing but:

    {"version": 1, "wipe_after_failed_unlocks": N or null, "failed_unlocks": k, "neutral_mode": bool}

What it reveals to whoever reads the disk is exactly that: the policy is on, its N, how many wrong
passphrases were typed since the last good one, and whether neutral mode is on.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from storage.atomic import atomic_write_bytes, fsync_dir
from storage.errors import TawthiqError, VaultNotFound, WrongPassphrase

# The same names as storage.vault (which imports this module, so they cannot be imported here).
KEYFILE = "keyfile"
DATABASE = "vault.db"
GUARD = "unlock-guard.json"
GUARD_VERSION = 1
MAX_GUARD_BYTES = 4096
MAX_WIPE_AFTER = 100


@dataclass(frozen=True)
class WipeReport:
    key_destroyed_s: float  # from the start until the key file was overwritten, synced and unlinked
    total_s: float  # until the vault folder was gone
    files_removed: int


class VaultWipedAfterFailedUnlocks(WrongPassphrase):
    def __init__(self, attempts: int):
        super().__init__(
            f"wrong passphrase: that was failed attempt {attempts}, the limit set for this vault, "
            "and the vault has been wiped"
        )


def shred(path: Path) -> bool:
    """Overwrite a file in place with random bytes, fsync, unlink. False if it was not there."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return False
    try:
        size = os.fstat(fd).st_size
        written = 0
        while written < size:
            written += os.write(fd, os.urandom(min(size - written, 1 << 16)))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.unlink(path)
    return True


def _key_material(folder: Path) -> list[Path]:
    """The key file, any half-written one an interrupted passphrase change left, and the guard file."""
    found = [folder / KEYFILE, folder / GUARD]
    with contextlib.suppress(OSError):
        found += [p for p in folder.iterdir() if p.name.startswith((f".{KEYFILE}.", f".{GUARD}."))]
    return found


def looks_like_vault(folder: Path) -> bool:
    return (folder / KEYFILE).is_file() or (folder / DATABASE).is_file()


def wipe_vault(folder: Path) -> WipeReport:
    """Crypto-shred the vault in `folder`: key file first (overwritten, synced, unlinked), then the rest.

    Needs no passphrase: an emergency wipe must work when the user cannot or will not unlock.
    Refuses a folder that holds neither a key file nor a vault database, so a mistyped --vault
    cannot delete an unrelated folder.
    """
    folder = Path(folder)
    started = time.perf_counter()
    if not folder.is_dir() or not looks_like_vault(folder):
        raise VaultNotFound(f"no vault in {folder}: nothing was wiped")
    removed = 0
    for path in _key_material(folder):
        removed += shred(path)
    fsync_dir(folder)
    key_destroyed = time.perf_counter() - started

    def count_and_continue(function, path, exc_info) -> None:  # keep going: remove all we can
        pass

    removed += sum(len(files) for _, _, files in os.walk(folder))
    shutil.rmtree(folder, onerror=count_and_continue)
    with contextlib.suppress(OSError):
        fsync_dir(folder.parent)
    if folder.exists():
        raise TawthiqError(
            f"the keys were destroyed, but some files in {folder} could not be removed; delete the folder"
        )
    return WipeReport(key_destroyed, time.perf_counter() - started, removed)


# ---- the guard file -------------------------------------------------------------------------------
@dataclass
class Guard:
    wipe_after_failed_unlocks: int | None = None
    failed_unlocks: int = 0
    neutral_mode: bool = False

    @property
    def is_default(self) -> bool:
        return self.wipe_after_failed_unlocks is None and not self.failed_unlocks and not self.neutral_mode

    @property
    def attempts_left(self) -> int | None:
        if self.wipe_after_failed_unlocks is None:
            return None
        return max(0, self.wipe_after_failed_unlocks - self.failed_unlocks)


def read_guard(folder: Path) -> Guard:
    """The guard of a vault folder; a missing file means every option is off.

    A damaged file reads as all options off. Reading damage as "limit reached" would let anyone who
    can change one byte on the disk wipe the vault at the next unlock; switching the limit off by
    tampering gains an attacker nothing that deleting the file would not.
    """
    try:
        with open(Path(folder) / GUARD, "rb") as fh:
            raw = fh.read(MAX_GUARD_BYTES + 1)
    except FileNotFoundError:
        return Guard()
    try:
        if len(raw) > MAX_GUARD_BYTES:
            raise ValueError
        doc = json.loads(raw)
        limit = doc.get("wipe_after_failed_unlocks")
        failed = doc.get("failed_unlocks", 0)
        neutral = doc.get("neutral_mode", False)
        if limit is not None and (type(limit) is not int or not 1 <= limit <= MAX_WIPE_AFTER):
            raise ValueError
        if type(failed) is not int or failed < 0 or type(neutral) is not bool:
            raise ValueError
        return Guard(limit, failed, neutral)
    except (ValueError, AttributeError):
        return Guard()


def write_guard(folder: Path, guard: Guard) -> None:
    path = Path(folder) / GUARD
    if guard.is_default:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return
    doc = {
        "version": GUARD_VERSION,
        "wipe_after_failed_unlocks": guard.wipe_after_failed_unlocks,
        "failed_unlocks": guard.failed_unlocks,
        "neutral_mode": guard.neutral_mode,
    }
    atomic_write_bytes(path, json.dumps(doc, sort_keys=True).encode())


def after_failed_unlock(folder: Path) -> None:
    """Count a wrong passphrase; wipe and raise if that reaches the limit. No-op when the limit is off."""
    guard = read_guard(folder)
    if guard.wipe_after_failed_unlocks is None:
        return
    guard.failed_unlocks += 1
    if guard.failed_unlocks >= guard.wipe_after_failed_unlocks:
        wipe_vault(folder)
        raise VaultWipedAfterFailedUnlocks(guard.failed_unlocks)
    write_guard(folder, guard)


def after_successful_unlock(folder: Path) -> None:
    guard = read_guard(folder)
    if guard.failed_unlocks:
        guard.failed_unlocks = 0
        write_guard(folder, guard)
