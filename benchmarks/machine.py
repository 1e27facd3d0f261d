"""What the figures were measured on: CPU, cores, memory, software versions, git commit, load."""

from __future__ import annotations

import os
import platform
import shutil
import sqlite3
import subprocess
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _first(path: str, key: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _program_version(argv: list[str]) -> str | None:
    if shutil.which(argv[0]) is None:
        return None
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr) else None


def git_commit() -> str | None:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None
    if not head:
        return None
    return head + (" (with uncommitted changes)" if dirty else "")


def _sqlcipher() -> tuple[str | None, str | None]:
    try:
        import sqlcipher3
    except ImportError:
        return None, None
    conn = sqlcipher3.connect(":memory:")
    try:
        cipher = conn.execute("PRAGMA cipher_version").fetchone()
        lite = conn.execute("SELECT sqlite_version()").fetchone()
        return (cipher[0] if cipher else None), lite[0]
    finally:
        conn.close()


def describe() -> dict:
    mem_kib = _first("/proc/meminfo", "MemTotal")
    cipher, cipher_sqlite = _sqlcipher()
    return {
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_gib": round(int(mem_kib.split()[0]) / (1 << 20), 1) if mem_kib else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlcipher": cipher,
        "sqlcipher_sqlite": cipher_sqlite,
        "sqlite3_stdlib": sqlite3.sqlite_version,
        "sqlcipher3": _version("sqlcipher3")
        or _version("sqlcipher3-wheels")
        or _version("sqlcipher3-binary"),
        "cryptography": _version("cryptography"),
        "pyrage": _version("pyrage"),
        "age": _program_version(["age", "--version"]),
        "git_commit": git_commit(),
    }


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None
