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
import errno
import json
import os
import shutil
import stat
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
MAX_KEYFILE_BYTES = 64 * 1024  # ours are about 1 KiB; a link to anything larger is not followed
MAX_LISTED = 5  # items named in the one-line report of what a wipe left


@dataclass(frozen=True)
class WipeReport:
    key_destroyed_s: float  # from the start until the key file was overwritten, synced and unlinked
    total_s: float  # until the vault folder was gone
    files_removed: int
    keys_destroyed: bool = True  # every key file found (a linked one's target included) was overwritten
    left: tuple[str, ...] = ()  # what could not be removed, one phrase each: empty when the wipe is whole

    def left_text(self) -> str:
        return "; ".join(self.left[:MAX_LISTED]) + (
            f"; and {len(self.left) - MAX_LISTED} more" if len(self.left) > MAX_LISTED else "")

    def problem_code(self) -> str:
        """The error code of what remains: the keys not destroyed (not wiped), or some files (wiped)."""
        return "wipe.keys_not_destroyed" if not self.keys_destroyed else "wipe.incomplete"


class WipeIncomplete(TawthiqError):
    """Every step of the wipe that could run, ran; `report` says what is left (exit 1)."""

    def __init__(self, report: WipeReport):
        self.report = report
        super().__init__(report.problem_code(), left=report.left_text())


class VaultWipedAfterFailedUnlocks(WrongPassphrase):
    def __init__(self, attempts: int, report: WipeReport | None = None):
        if report is not None and not report.keys_destroyed:
            super().__init__("wipe.after_failed_unlocks_not_wiped", attempts=attempts, left=report.left_text())
        elif report is not None and report.left:
            super().__init__("wipe.after_failed_unlocks_incomplete", attempts=attempts, left=report.left_text())
        else:
            super().__init__("wipe.after_failed_unlocks", attempts=attempts)


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


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _shred_owned(path: Path) -> None:
    """shred(), first giving ourselves back write permission on a key file someone made read-only."""
    try:
        shred(path)
    except PermissionError:
        os.chmod(path, 0o600, follow_symlinks=False)
        shred(path)


def _is_tawthiq_key_file(path: Path) -> bool:
    """A regular file that reads as a Tawthiq key file: the only kind of file outside the folder we shred."""
    from storage.keyfile import FORMAT, read_header  # storage.keyfile imports nothing of the vault's

    try:
        if not stat.S_ISREG(os.stat(path).st_mode) or os.stat(path).st_size > MAX_KEYFILE_BYTES:
            return False
        return read_header(path)["header"]["format"] == FORMAT
    except (OSError, TawthiqError):
        return False


def _destroy_key_file(path: Path, left: list[str]) -> tuple[int, bool]:
    """Shred one key file (or guard file); returns (files removed, whether no readable copy remains here).

    A symbolic link is followed only to a file that reads as a Tawthiq key file (its target is shredded,
    then the link removed): unlock refuses such a vault, but one set up by hand, or before that rule,
    must still lose its keys. A link to anything else is removed and its target named as left alone.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return 0, True
    except OSError as exc:
        left.append(f"{path.name} ({_reason(exc)})")
        return 0, False
    removed, destroyed = 0, True
    if stat.S_ISLNK(mode):
        target = Path(os.path.realpath(path))
        if _is_tawthiq_key_file(target):
            try:
                _shred_owned(target)
                removed += 1
            except OSError as exc:
                left.append(f"{target}, the key file {path.name} links to ({_reason(exc)})")
                destroyed = False
        elif target.exists():
            left.append(f"{target}: {path.name} linked to it, but it is not a Tawthiq key file, so it was left alone")
        try:
            os.unlink(path)
        except OSError as exc:
            left.append(f"the link {path.name} ({_reason(exc)})")
        return removed, destroyed
    if not stat.S_ISREG(mode):  # a folder or a device under that name holds no key: removed with the rest
        return 0, True
    try:
        _shred_owned(path)
        return 1, True
    except OSError as exc:
        try:  # not overwritten: at least take the name away
            os.unlink(path)
            left.append(f"{path.name} could not be overwritten ({_reason(exc)}), only unlinked")
        except OSError:
            left.append(f"{path.name} ({_reason(exc)})")
        return 0, False


def _key_material(folder: Path) -> list[Path]:
    """The key file, any half-written one an interrupted passphrase change left, and the guard file."""
    found = [folder / KEYFILE, folder / GUARD]
    with contextlib.suppress(OSError):
        found += [p for p in folder.iterdir() if p.name.startswith((f".{KEYFILE}.", f".{GUARD}."))]
    return found


def looks_like_vault(folder: Path) -> bool:
    return (folder / KEYFILE).is_file() or (folder / DATABASE).is_file()


def _links_out(folder: Path) -> list[str]:
    """Links in the vault folder (vault.db, blobs/ …) whose targets the removal below leaves in place."""
    out = []
    for root, dirs, files in os.walk(folder):  # never follows links
        for name in dirs + files:
            path = Path(root, name)
            if path.is_symlink() and os.path.exists(path):
                out.append(f"{os.path.realpath(path)}: {path.relative_to(folder)} linked to it; the link was "
                           "removed, what it points to was left (unreadable without the destroyed keys)")
    return out


def _open_up(folder: Path) -> None:
    """Give our folders back the vault's 0700 mode, so that files in one made unreadable can be removed.

    os.walk lists a folder's subfolders before it enters them, so each is opened up just in time."""
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    for root, dirs, _ in os.walk(folder):
        for name in dirs:
            path = Path(root, name)
            with contextlib.suppress(OSError):
                if not path.is_symlink():
                    os.chmod(path, 0o700)


def wipe_vault(folder: Path) -> WipeReport:
    """Crypto-shred the vault in `folder`: key file first (overwritten, synced, unlinked), then the rest.

    Needs no passphrase: an emergency wipe must work when the user cannot or will not unlock.
    Refuses a folder that holds neither a key file nor a vault database, so a mistyped --vault
    cannot delete an unrelated folder. Never stops half way: every step that can run, runs, and
    what could not be removed is raised at the end as WipeIncomplete (its report says whether the
    keys are gone). Nothing outside the vault folder is removed except the target of a key file
    link that reads as a Tawthiq key file.
    """
    folder = Path(folder)
    started = time.perf_counter()
    if not folder.is_dir() or not looks_like_vault(folder):
        raise VaultNotFound("wipe.no_vault", folder=folder)
    real = Path(os.path.realpath(folder))  # --vault may name a link to the vault folder
    left: list[str] = []
    removed, keys_destroyed = 0, True
    for path in _key_material(real):
        count, destroyed = _destroy_key_file(path, left)
        removed += count
        keys_destroyed = keys_destroyed and destroyed
    with contextlib.suppress(OSError):
        fsync_dir(real)
    key_destroyed = time.perf_counter() - started

    left += _links_out(real)
    _open_up(real)
    removed += sum(len(files) for _, _, files in os.walk(real))
    failed: dict[str, str] = {}

    def note_and_continue(function, path, exc_info) -> None:  # keep going: remove all we can
        exc = exc_info[1]
        if isinstance(exc, OSError) and exc.errno == errno.ENOTEMPTY:
            return  # a folder that kept something this already noted
        name = os.path.relpath(path, real.parent) if str(path).startswith(str(real)) else str(path)
        failed.setdefault(name, _reason(exc) if isinstance(exc, OSError) else type(exc).__name__)

    shutil.rmtree(real, onerror=note_and_continue)
    if real.exists() and not failed:
        failed[real.name] = "not empty"
    left += [f"{name} ({why})" for name, why in failed.items()]
    if folder.is_symlink():
        with contextlib.suppress(OSError):
            os.unlink(folder)
    with contextlib.suppress(OSError):
        fsync_dir(real.parent)
    report = WipeReport(key_destroyed, time.perf_counter() - started, removed, keys_destroyed, tuple(left))
    if left:
        raise WipeIncomplete(report)
    return report


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
        try:
            wipe_vault(folder)
        except WipeIncomplete as exc:
            raise VaultWipedAfterFailedUnlocks(guard.failed_unlocks, exc.report) from None
        raise VaultWipedAfterFailedUnlocks(guard.failed_unlocks)
    write_guard(folder, guard)


def after_successful_unlock(folder: Path) -> None:
    guard = read_guard(folder)
    if guard.failed_unlocks:
        guard.failed_unlocks = 0
        write_guard(folder, guard)
