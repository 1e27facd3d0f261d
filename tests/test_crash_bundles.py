"""Promise 4 for bundles: kill -9 at random points of `tawthiq export` and `tawthiq import`.

Afterwards: the vault opens and its integrity checks are clean; nothing committed is lost; under
the bundle's final name there is either nothing or a complete bundle that verifies; an import is
either wholly applied or not at all, and importing again completes it. The random moment is drawn
across the duration of one uninterrupted run of the same command, measured first.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.services import cases, export, imports
from storage.vault import Vault, integrity_check
from tests.bundle_support import add_case, enroll, make_vault
from tests.conftest import PASSPHRASE, REPO

FAST_TRIALS = 3
SLOW_TRIALS = 20
N_CASES = 30
ATTACHMENT_BYTES = 12 << 20  # big enough that the kill often lands inside the stream


@pytest.fixture
def world(tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="doc")
    enroll(coordinator, documenter)
    ids = [add_case(documenter, f"case {i}") for i in range(N_CASES)]
    video = tmp_path / "video.mp4"
    video.write_bytes(os.urandom(ATTACHMENT_BYTES))
    cases.attach_file(documenter, ids[0], video)
    documenter.lock()
    coordinator.lock()
    pass_file = tmp_path / "pass"
    pass_file.write_text(PASSPHRASE + "\n")
    return tmp_path, pass_file, ids


def _cli(pass_file: Path, vault_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "app", "--vault", str(vault_dir), "--passphrase-file", str(pass_file), *args]


def _timed_run(argv: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(argv, check=True, capture_output=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                   timeout=300)
    return time.monotonic() - started


def _kill_during(argv: list[str], delay: float) -> bool:
    """Start the command, SIGKILL it after `delay` seconds; True if the kill landed before it ended."""
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    threading.Event().wait(delay)  # the random moment itself, not a wait for a condition
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    return child.returncode == -signal.SIGKILL


def _check_vault(path: Path) -> Vault:
    vault = Vault.unlock(path, PASSPHRASE)
    assert integrity_check(vault) == []
    return vault


def _export_trials(world, trials: int) -> dict:
    root, pass_file, ids = world
    full = _timed_run(_cli(pass_file, root / "doc", "export", "--all", "--out", str(root / "control.tawthiq")))
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    stats = {"killed": 0, "finished": 0, "partials_left": 0}
    for trial in range(trials):
        out = root / "out" / f"bundle-{trial}.tawthiq"
        out.parent.mkdir(exist_ok=True)
        killed = _kill_during(_cli(pass_file, root / "doc", "export", "--all", "--out", str(out)),
                              rng.uniform(0, full * 1.1))
        stats["killed" if killed else "finished"] += 1
        with _check_vault(root / "doc") as doc:
            assert sorted(cases.all_case_ids(doc)) == sorted(ids)
        if out.exists():  # a complete bundle, or nothing at all, under the final name
            with Vault.unlock(root / "coord", PASSPHRASE) as coord:
                assert imports.verify_bundle(coord, out).records >= N_CASES
        # An interrupted atomic write may leave its hidden temp file; never under the final name.
        stats["partials_left"] += len([p for p in out.parent.iterdir() if p.name.endswith(".partial")])
        for p in out.parent.iterdir():
            p.unlink()
    return stats


def _import_trials(world, trials: int) -> dict:
    root, pass_file, ids = world
    with Vault.unlock(root / "doc", PASSPHRASE) as doc:
        export.export_bundle(doc, root / "b.tawthiq", everything=True)
    shutil.copytree(root / "coord", root / "coord-pristine")
    full = _timed_run(_cli(pass_file, root / "coord", "import", str(root / "b.tawthiq")))
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    stats = {"killed": 0, "finished": 0, "applied_when_killed": 0, "orphan_blobs": 0}
    for _ in range(trials):
        shutil.rmtree(root / "coord")
        shutil.copytree(root / "coord-pristine", root / "coord")
        killed = _kill_during(_cli(pass_file, root / "coord", "import", str(root / "b.tawthiq")),
                              rng.uniform(0, full * 1.1))
        stats["killed" if killed else "finished"] += 1
        with _check_vault(root / "coord") as coord:
            conn = coord.connection()
            received = conn.execute("SELECT count(*) FROM bundles_received").fetchone()[0]
            n_cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
            # All or nothing: the bundle's row and its cases commit together.
            assert (received, n_cases) in {(0, 0), (1, N_CASES)}, (received, n_cases)
            stats["applied_when_killed"] += int(killed and received == 1)
            blobs = len([p for p in coord.blobs.folder.iterdir() if not p.name.startswith(".")])
            rows = conn.execute("SELECT count(DISTINCT blob) FROM attachments").fetchone()[0]
            stats["orphan_blobs"] += blobs - rows
            [report] = imports.import_bundles(coord, [root / "b.tawthiq"])
            assert report.status in {"imported", "already imported"}, report.error
            assert sorted(cases.all_case_ids(coord)) == sorted(ids)
    return stats


def test_kill_9_during_export(world):
    stats = _export_trials(world, FAST_TRIALS)
    assert stats["killed"] + stats["finished"] == FAST_TRIALS


def test_kill_9_during_import(world):
    stats = _import_trials(world, FAST_TRIALS)
    assert stats["killed"] + stats["finished"] == FAST_TRIALS


@pytest.mark.slow
def test_kill_9_during_export_and_import_many_trials(world):
    e = _export_trials(world, SLOW_TRIALS)
    i = _import_trials(world, SLOW_TRIALS)
    assert e["killed"] >= SLOW_TRIALS // 3 and i["killed"] >= SLOW_TRIALS // 3, (e, i)
    print(f"\nexport: {e}\nimport: {i}")
