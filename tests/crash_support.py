"""A child process for the kill -9 tests: a stream of saves through the real services.

    python -m tests.crash_support VAULT PASSPHRASE_FILE ATTACHMENT SEED

Each line it prints is written only after the save it names has returned (committed):

    case <id> <title>             a new case, or an edit of an existing draft/sealed case
    sealed <id> <version>
    attachment <case id> <attachment id> <sha256>

The parent kills it with SIGKILL at a random moment and checks that everything printed is there.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from app.services.intake import cases
from storage.vault import Vault


def run(vault_dir: Path, passphrase: str, attachment: Path, seed: int) -> None:
    rng = random.Random(seed)
    vault = Vault.unlock(vault_dir, passphrase)
    mine: list[str] = []
    i = 0
    while True:
        i += 1
        roll = rng.random()
        title = f"save {seed}-{i}"
        narrative = "ن" * rng.randrange(10, 5000)  # varied sizes: some saves span several pages
        if mine and roll < 0.3:
            case_id = rng.choice(mine)
            cases.save_case(vault, {"form": "kidnapping", "title": title, "narrative": narrative}, case_id)
            print(f"case {case_id} {title}", flush=True)
        elif mine and roll < 0.4:
            case_id = rng.choice(mine)
            version = cases.seal_case(vault, case_id)
            print(f"sealed {case_id} {version}", flush=True)
        elif mine and roll < 0.5:
            case_id = rng.choice(mine)
            a = cases.attach_file(vault, case_id, attachment)
            print(f"attachment {case_id} {a['id']} {a['sha256']}", flush=True)
        else:
            case_id, _ = cases.save_case(vault, {"form": "killing", "title": title, "narrative": narrative})
            mine.append(case_id)
            print(f"case {case_id} {title}", flush=True)


if __name__ == "__main__":
    vault_arg, pass_file, attachment_arg, seed_arg = sys.argv[1:5]
    secret = Path(pass_file).read_text(encoding="utf-8").splitlines()[0]
    run(Path(vault_arg), secret, Path(attachment_arg), int(seed_arg))
