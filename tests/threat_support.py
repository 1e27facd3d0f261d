"""Helpers for the adversarial tests: canary strings and a scanner that looks for them on disk.

A canary is a random marker per test run (so files other test runs leave in the shared temp folder
can never match by accident). The scanner looks for every form a string can take in a file that
SQLite, FTS5 or Qt could write: UTF-8, UTF-16 in both byte orders, Latin case-folded and Arabic
search-normalised (the FTS index holds normalised text).
"""

from __future__ import annotations

import os
import secrets
import sys
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


_MEASURED = """
import atexit, os, runpy, sys

def _report():
    with open("/proc/self/status") as status:
        hwm = status.read().split("VmHWM:")[1].split()[0]
    with open(os.environ["TAWTHIQ_TEST_HWM_FILE"], "w") as out:
        out.write(hwm)

atexit.register(_report)
sys.argv = ["tawthiq", *sys.argv[1:]]
runpy.run_module("app", run_name="__main__", alter_sys=True)
"""


def run_measured(cli_args: list[str], *, env: dict, cwd: Path, timeout: float = 120) -> tuple[int, bytes, bytes, int]:
    """Run `tawthiq CLI_ARGS`; return (exit status, stdout, stderr, the child's own peak RSS in KiB).

    The peak is the child's VmHWM, written at exit. Not ru_maxrss: Linux carries a parent's peak RSS
    across fork/vfork + exec, so a child of a big pytest process would report pytest's peak.
    A child that overruns `timeout` is killed and the test fails: that is the time bound.
    """
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".hwm") as hwm_file:
        result = subprocess.run([sys.executable, "-c", _MEASURED, *cli_args], capture_output=True,
                                env={**env, "TAWTHIQ_TEST_HWM_FILE": hwm_file.name}, cwd=cwd, timeout=timeout)
        peak = int(Path(hwm_file.name).read_text() or -1)
    from tests.conftest import without_test_kdf_warnings

    return result.returncode, result.stdout, without_test_kdf_warnings(result.stderr), peak
