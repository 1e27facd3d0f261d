"""What-if: the same vault with SQLCipher's `cipher_memory_security` ON, timed in a fresh process.

DESIGN §4 sets `cipher_memory_security = OFF` (storage/database.py), as SQLCipher defaults since
4.5. ON locks and wipes every allocation SQLCipher makes, but Python and Qt keep unwiped copies of
the same case text (docs/threat-model.md §6), and FTS5 queries and saves allocate a great deal:
that is where most of the distance from plain SQLite came from. The setting is process-wide and
cannot be turned off once a connection turned it on, so this what-if runs in a child process that
never unlocks a `Vault`: the vault's own file and key, opened with the same pragmas as
storage.database.open_database except that one. It measures the price the decision saves; it does
not change what the app does.

    python -m benchmarks.memory_security_whatif < request.json   (prints {"protected": …, "samples": […]})
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import sqlcipher3

from app.services.intake import cases
from benchmarks import data
from storage import keyfile
from storage.database import SESSION_PRAGMAS
from storage.vault import DATABASE, KEYFILE

REPO = Path(__file__).resolve().parents[1]


class ProtectedVault:
    """Offered to app.services.intake.cases where a Vault goes (like benchmarks.fixtures.PlainVault)."""

    def __init__(self, folder: Path, passphrase: str):
        self.path = folder  # where app.services.changes says the change happened
        keys, _ = keyfile.unlock_keyfile(folder / KEYFILE, passphrase)
        self._conn = sqlcipher3.connect(str(folder / DATABASE), isolation_level=None, timeout=30)
        self._conn.execute(f"PRAGMA key = \"x'{keys.db_key.hex()}'\"")
        self._conn.execute("PRAGMA cipher_compatibility = 4")
        self._conn.execute("PRAGMA cipher_memory_security = ON")
        self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in SESSION_PRAGMAS:
            self._conn.execute(f"PRAGMA {pragma}")
        self.protected = self._conn.execute("PRAGMA cipher_memory_security").fetchone()[0] == "1"

    def connection(self):
        return self._conn


def measure(request: dict) -> dict:
    vault = ProtectedVault(Path(request["folder"]), request["passphrase"])
    samples: list[float] = []
    if request["mode"] == "search":
        queries = request["queries"]
        for q in queries[: request["warmup"]]:
            cases.search(vault, q)
        for q in queries:
            t0 = time.perf_counter()
            cases.search(vault, q)
            samples.append(time.perf_counter() - t0)
    else:  # "save": batches of new generated cases, one save_case (one transaction) each
        index, n = request["start"], request["n"]
        for rep in range(request["warmup"] + request["repeat"]):
            batch = [data.case(index + i) for i in range(n)]
            index += n
            t0 = time.perf_counter()
            for body in batch:
                cases.save_case(vault, body)
            if rep >= request["warmup"]:
                samples.append(time.perf_counter() - t0)
    return {"protected": vault.protected, "samples": samples}


def run_in_fresh_process(request: dict) -> list[float]:
    """The samples, or [] if the child's SQLCipher would not turn memory security on (then no what-if)."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.memory_security_whatif"], input=json.dumps(request),
                          capture_output=True, text=True, check=False, timeout=3600, cwd=REPO)
    if done.returncode != 0:  # the child's own error, not only its exit status
        raise RuntimeError(f"memory-security what-if child exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    result = json.loads(done.stdout)
    return result["samples"] if result["protected"] else []


if __name__ == "__main__":
    print(json.dumps(measure(json.load(sys.stdin))))
