"""Helpers for the adversarial tests: canary strings and a scanner that looks for them on disk.

A canary is a random marker per test run (so files other test runs leave in the shared temp folder
can never match by accident). The scanner looks for every form a string can take in a file that
SQLite, FTS5 or Qt could write: UTF-8, UTF-16 in both byte orders, Latin case-folded and Arabic
search-normalised (the FTS index holds normalised text).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from forms.normalize import normalize_for_search

# Letters that search normalisation leaves alone, so the canary survives into the index unchanged
# and its normalised form is also searched for below.
_ARABIC_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
_CHUNK = 1 << 20


@dataclass
class Canaries:
    latin: str
    arabic: str
    needles: list[bytes] = field(default_factory=list)

    @classmethod
    def fresh(cls) -> Canaries:
        latin = "CanaryLatin" + secrets.token_hex(6)
        arabic = "كناري" + "".join(secrets.choice(_ARABIC_LETTERS) for _ in range(10))
        c = cls(latin, arabic)
        forms: set[str] = set()
        for s in (latin, arabic):
            forms |= {s, s.lower(), s.upper(), normalize_for_search(s)}
        for f in forms:
            for enc in ("utf-8", "utf-16-le", "utf-16-be"):
                c.needles.append(f.encode(enc))
        return c


def find_in_file(path: Path, needles: Iterable[bytes]) -> list[bytes]:
    """Which needles occur in the file, read in 1 MiB chunks with an overlap (constant memory)."""
    needles = list(needles)
    overlap = max(len(n) for n in needles) - 1
    found: set[bytes] = set()
    tail = b""
    try:
        with open(path, "rb") as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                window = tail + chunk
                found.update(n for n in needles if n in window)
                tail = window[-overlap:] if overlap else b""
    except OSError:
        return []  # vanished or unreadable (another user's temp file): not ours to scan
    return sorted(found)


def scan(roots: Iterable[Path], needles: Iterable[bytes], *, exclude: Iterable[Path] = (),
         newer_than: float | None = None) -> dict[str, list[bytes]]:
    """Every regular file under the roots (names included) that holds a needle: path -> needles."""
    needles = list(needles)
    excluded = [Path(e).resolve() for e in exclude]
    hits: dict[str, list[bytes]] = {}
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: None):
            here = Path(dirpath).resolve()
            if any(here == e or e in here.parents for e in excluded):
                dirnames[:] = []
                continue
            for name in filenames:
                p = Path(dirpath) / name
                name_bytes = os.fsencode(name)
                name_hits = [n for n in needles if n in name_bytes]
                try:
                    st = p.lstat()
                except OSError:
                    continue
                if not p.is_file() or p.is_symlink():
                    continue
                if newer_than is not None and st.st_mtime < newer_than and st.st_ctime < newer_than:
                    continue
                found = name_hits + find_in_file(p, needles)
                if found:
                    hits[str(p)] = found
    return hits


def run_measured(args: list[str], *, env: dict | None = None, cwd: Path | None = None,
                 timeout: float = 120) -> tuple[int, bytes, bytes, int]:
    """Run a child to completion; return (exit status, stdout, stderr, its own peak RSS in KiB).

    os.wait4 gives the resource usage of exactly this child (RUSAGE_CHILDREN would mix in every
    child the test process ever had). Output goes to files so a chatty child cannot block. A child
    that overruns `timeout` is killed and the test fails: that is the time bound.
    """
    import subprocess
    import tempfile
    import threading

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(args, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd)
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if child.returncode == -9:
            raise TimeoutError(f"the child ran longer than {timeout} s")
        out.seek(0)
        err.seek(0)
        return child.returncode, out.read(), err.read(), usage.ru_maxrss
