"""A child process that dies by kill -9 in the middle of writes, leaving real crash leftovers.

    python -m tests.leftovers_support export OUT          a bundle half written to OUT
    python -m tests.leftovers_support vault VAULT PASSFILE a whole blob with no row, half a blob,
                                                            half a key file

It prints "ready" once the files exist and then waits on stdin; the parent kills it. Writes go
through the same storage.atomic and storage.blobs code the services use, stopped part-way.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from storage.atomic import atomic_output
from storage.vault import KEYFILE, Vault


def _hang() -> None:
    print("ready", flush=True)
    sys.stdin.read()  # until killed
    raise SystemExit("the parent was meant to kill this process")


def half_written(path: Path, size: int) -> None:
    with atomic_output(path) as out:
        out.write(os.urandom(size))
        out.flush()
        _hang()


def leave_vault_leftovers(vault_dir: Path, passphrase: str) -> None:
    vault = Vault.unlock(vault_dir, passphrase)
    vault.blobs.put(io.BytesIO(os.urandom(50_000)))  # an attach killed before its row committed
    with atomic_output(vault.blobs.folder / ("0" * 32)) as blob, atomic_output(vault_dir / KEYFILE) as key:
        blob.write(os.urandom(20_000))
        key.write(os.urandom(600))
        blob.flush()
        key.flush()
        _hang()


if __name__ == "__main__":
    if sys.argv[1] == "export":
        half_written(Path(sys.argv[2]), 200_000)
    else:
        leave_vault_leftovers(Path(sys.argv[2]), Path(sys.argv[3]).read_text(encoding="utf-8").splitlines()[0])
