"""Atomic, private file writes: temp file in the same folder, permissions first, fsync, rename.

A crash leaves either the old file or the new one under the final name, never half of one. What it
can leave is the hidden temp file `.<name>.<12 hex>.partial`; the writer holds an flock on it while
alive, so the next write of the same name (and the vault's sweep at unlock, storage.leftovers) can
tell a dead writer's file from a live one and remove only the former.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_private_dir(folder: Path) -> Path:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


PARTIAL_SUFFIX = ".partial"
_PARTIAL = re.compile(r"^\.(?P<target>.+)\.[0-9a-f]{12}\.partial$")


def partial_target(name: str) -> str | None:
    """The final file name a temp file of `atomic_output` was written for, or None if it is not one."""
    match = _PARTIAL.match(name)
    return match["target"] if match else None


def _same_file(path: Path, fd: int) -> bool:
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _create_locked_temp(path: Path) -> tuple[Path, int]:
    """Create the hidden temp file and hold an exclusive flock on it until the rename.

    The lock is what tells remove_stale_partials() that a writer is alive. Creating and locking are
    two steps, so a sweeper may lock and delete the file in between; the writer then finds its name
    gone (or naming another file) once it holds the lock, and starts again under a new name.
    """
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}{PARTIAL_SUFFIX}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # no flock here (some network mounts): go on unlocked; sweeps leave it be
            return tmp, fd
        if _same_file(tmp, fd):
            return tmp, fd
        os.close(fd)


def remove_stale_partials(folder: Path, target: str | None = None, remove=os.unlink,
                          names: list[str] | None = None) -> int:
    """Remove temp files that an interrupted atomic_output left in `folder` (for `target` only, if given).

    A temp file is stale when no writer holds its lock: its process died (kill -9, power cut) before
    the rename. Files in use, symlinks and anything not named like our temp files are left alone.
    `remove` lets the vault shred a half-written key file instead of unlinking it; `names` is the
    folder's listing when the caller already has it. Returns the count.
    """
    removed = 0
    if names is None:
        try:
            names = [entry.name for entry in os.scandir(folder)]
        except OSError:
            return 0
    for name in names:
        found = partial_target(name)
        if found is None or (target is not None and found != target):
            continue
        path = Path(folder) / name
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:  # gone meanwhile, a symlink, or unreadable: not ours to touch
            continue
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode) or not _try_lock(fd) or not _same_file(path, fd):
                continue
            remove(path)
            removed += 1
        except FileNotFoundError:
            continue
        finally:
            os.close(fd)
    if removed:
        fsync_dir(Path(folder))
    return removed


def _try_lock(fd: int) -> bool:
    """An exclusive flock on `fd` without waiting; False if a live writer holds it (or no flock here)."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # held by a live writer (BlockingIOError), or no flock here: leave it
        return False
    return True


@contextlib.contextmanager
def atomic_output(path: Path, *, new_name: bool = False) -> Iterator[BinaryIO]:
    """Yield a file opened for writing; on success it replaces `path`, on any error it is removed.

    Temp files that an earlier, interrupted write of the same `path` left are removed first, unless
    the caller says `path` is a fresh random name (attachment blobs: no earlier write can have
    used it, and listing a folder of 100,000 blobs on every attach would cost more than it saves).
    """
    path = Path(path)
    if not new_name:
        remove_stale_partials(path.parent, path.name)
    tmp, fd = _create_locked_temp(path)
    try:
        with os.fdopen(fd, "wb", closefd=False) as out:
            yield out
            out.flush()
            os.fsync(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    finally:
        os.close(fd)  # the lock goes with it, after the rename


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_output(path) as out:
        out.write(data)


def create_private_file(path: Path, data: bytes) -> None:
    """Write `data` to a new file `path` (0600), atomically; FileExistsError if `path` exists.

    The name is claimed first with O_EXCL (so an existing file, or a link, is never written over),
    then filled through atomic_output: a crash leaves at most that empty claim, never part of `data`.
    """
    path = Path(path)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600))
    try:
        with atomic_output(path) as out:
            out.write(data)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        raise
