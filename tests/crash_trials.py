"""kill -9 trials for saves, export and import: shared by tests/test_crash_*.py and the benchmark.

Each runner yields one outcome per trial. A trial survived when every promise held afterwards; a
broken promise (or an error while checking) is recorded as the trial's `failure` instead of being
raised, so the benchmark can count it. The tests assert `failure is None` per trial, which stops
them at the first broken promise as before.

Saves (promise 4): a child process (tests/crash_support.py) saves, edits, seals and attaches through
the real services and prints each id only after the call returned. It is killed with SIGKILL at a
random moment (after a random number of committed saves plus a random few milliseconds, so the kill
lands inside a save as often as between two). Then the vault must open, SQLCipher's page HMAC check
and SQLite's integrity check must be clean, and everything printed must be there. The trials share
one vault, so damage from one crash would also show in the next.

Export and import: kill -9 at a random point of `tawthiq export` / `tawthiq import`, drawn across
the duration of one uninterrupted run of the same command, measured first. Afterwards the vault opens
clean, nothing committed is lost, under the bundle's final name there is nothing or a complete bundle
that verifies, and an import is wholly applied or not at all, and importing again completes it.
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
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.services.exchange import export, imports
from app.services.intake import cases
from storage import keyfile
from storage.vault import Vault, integrity_check
from tests.bundle_support import add_case, enroll, make_vault
from tests.conftest import PASSPHRASE, REPO

N_CASES = 30
ATTACHMENT_BYTES = 12 << 20  # big enough that the kill often lands inside the stream


@dataclass
class Trial:
    """One kill -9 trial: did the kill land before the operation ended, and what was found after."""

    killed: bool = False  # False: the operation had finished before the kill came
    failure: str | None = None  # the first broken promise; None means the trial survived
    leftovers: dict[str, int] = field(default_factory=dict)  # e.g. stale .partial files, orphan blobs
    applied: bool = False  # import only: the bundle was in when the vault was next opened

    @property
    def survived(self) -> bool:
        return self.failure is None


def _checked(trial: Trial, check: Callable[[], None]) -> Trial:
    """Run `check`; an AssertionError or any other error becomes the trial's failure."""
    try:
        check()
    except Exception as exc:  # noqa: BLE001 - a crash while checking is a trial not survived
        trial.failure = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=4)}"
    return trial


def tally(trials: list[Trial]) -> dict[str, int]:
    """The counts the tests print and the benchmark reports."""
    out = {"trials": len(trials), "survived": sum(t.survived for t in trials),
           "killed": sum(t.killed for t in trials), "finished": sum(not t.killed for t in trials),
           "applied_when_killed": sum(t.killed and t.applied for t in trials)}
    for t in trials:
        for k, v in t.leftovers.items():
            out[k] = out.get(k, 0) + v
    return out


def _partials(folder: Path) -> int:
    """Hidden temp files of interrupted atomic writes (storage/atomic.py) under `folder`."""
    return sum(1 for p in folder.rglob("*") if p.name.endswith(".partial"))


def _orphan_blobs(vault: Vault) -> int:
    blobs = len([p for p in vault.blobs.folder.iterdir() if not p.name.startswith(".")])
    rows = vault.connection().execute("SELECT count(DISTINCT blob) FROM attachments").fetchone()[0]
    return blobs - rows


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


# ---- saves ----------------------------------------------------------------------------------------
@dataclass
class Expected:
    titles: dict[str, str] = field(default_factory=dict)
    sealed: dict[str, int] = field(default_factory=dict)  # case id -> a version that was sealed
    attachments: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (case, sha256)
    trial_of_seed: dict[str, int] = field(default_factory=dict)

    def order(self, title: str) -> tuple[int, int]:
        """Titles are "save <seed>-<n>": (which trial, which save in it) orders every save made."""
        seed, n = title.split(" ")[1].split("-")
        return self.trial_of_seed[seed], int(n)

    def apply(self, line: str) -> None:
        kind, *rest = line.split(" ")
        if kind == "case":
            self.titles[rest[0]] = " ".join(rest[1:])
        elif kind == "sealed":
            self.sealed[rest[0]] = int(rest[1])
        elif kind == "attachment":
            self.attachments[rest[1]] = (rest[0], rest[2])


def _kill_at_random(vault_dir: Path, passphrase_file: Path, attachment: Path, seed: int,
                    rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_support", str(vault_dir), str(passphrase_file), str(attachment),
         str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO, env=_env(),
    )
    committed_before_kill = rng.randrange(0, 25)
    lines: list[str] = []
    try:
        for _ in range(committed_before_kill):
            raw = child.stdout.readline()
            if not raw:
                raise AssertionError(f"the save stream died on its own: {child.stderr.read().decode()[-2000:]}")
            lines.append(raw.decode())
        # The random moment itself (not a wait for anything): up to 40 ms into the next saves,
        # or into start-up (unlock, migrations) when no save was awaited.
        threading.Event().wait(rng.uniform(0, 0.04 if committed_before_kill else 1.5))
    finally:
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, "the child must die by the kill, not by an error"
    lines += rest.decode().splitlines(keepends=True)
    # A line cut short by the kill has no newline: its save may or may not have committed.
    return [line.rstrip("\n") for line in lines if line.endswith("\n")]


def _check_saves(vault_dir: Path, expected: Expected, trial: Trial) -> None:
    blob_files = len([p for p in (vault_dir / "blobs").iterdir() if not p.name.startswith(".")])
    partials = _partials(vault_dir)
    with Vault.unlock(vault_dir, PASSPHRASE) as vault:  # this unlock sweeps what the kill left
        assert integrity_check(vault) == []
        for case_id, title in expected.titles.items():
            # The save that was running at the kill may have committed without being printed:
            # the case holds the printed title or a later one, never an earlier one.
            found = cases.get_case(vault, case_id)["title"]
            assert found == title or expected.order(found) > expected.order(title), (found, title)
        for case_id, version in expected.sealed.items():
            history = {h["version"]: h["status"] for h in cases.case_history(vault, case_id)}
            assert history[version] == "sealed"
        for attachment_id, (case_id, sha256) in expected.attachments.items():
            assert attachment_id in {a["id"] for a in cases.list_attachments(vault, case_id)}
            assert len(cases.read_attachment(vault, attachment_id)) > 0  # verifies the sha256 too
            assert cases.attachment_blob(vault, attachment_id)[1] == sha256
        rows = vault.connection().execute("SELECT count(DISTINCT blob) FROM attachments").fetchone()[0]
        trial.leftovers = {"partials_left": partials, "orphan_blobs": blob_files - rows,
                           "left_after_next_run": _partials(vault_dir) + _orphan_blobs(vault)}
        assert trial.leftovers["left_after_next_run"] == 0, "the next unlock left the kill's leftovers"


def save_trials(root: Path, trials: int, expected: Expected) -> Iterator[Trial]:
    """kill -9 during a stream of saves into one vault under `root`, `trials` times.

    `expected` collects every save the children reported as committed (the caller can check that
    some did). A trial's `killed` is True when the kill came after at least one committed save of
    that trial (inside the save stream), False when it came during the child's start-up.
    """
    vault_dir = root / "vault"
    Vault.create(vault_dir, PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS)).lock()
    passphrase_file = root / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    attachment = root / "photo.jpg"
    attachment.write_bytes(os.urandom(300_000))
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    for number in range(trials):
        seed = rng.randrange(1 << 30)
        expected.trial_of_seed[str(seed)] = number
        trial = Trial()
        try:
            lines = _kill_at_random(vault_dir, passphrase_file, attachment, seed, rng)
        except Exception as exc:  # noqa: BLE001 - counted as a trial not survived
            trial.failure = f"{type(exc).__name__}: {exc}"
            yield trial
            continue
        trial.killed = bool(lines)
        for line in lines:
            expected.apply(line)
        yield _checked(trial, lambda t=trial: _check_saves(vault_dir, expected, t))


# ---- export and import ----------------------------------------------------------------------------
@dataclass
class World:
    """A coordinator and an enrolled documenter with N_CASES cases and one large attachment."""

    root: Path
    pass_file: Path
    ids: list[str]


def make_world(root: Path, attachment_bytes: int = ATTACHMENT_BYTES) -> World:
    coordinator = make_vault(root / "coord", role="coordinator", name="coord")
    documenter = make_vault(root / "doc", name="doc")
    enroll(coordinator, documenter)
    ids = [add_case(documenter, f"case {i}") for i in range(N_CASES)]
    video = root / "video.mp4"
    video.write_bytes(os.urandom(attachment_bytes))
    cases.attach_file(documenter, ids[0], video)
    documenter.lock()
    coordinator.lock()
    pass_file = root / "pass"
    pass_file.write_text(PASSPHRASE + "\n")
    return World(root, pass_file, ids)


def _cli(pass_file: Path, vault_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "app", "--vault", str(vault_dir), "--passphrase-file", str(pass_file), *args]


def _timed_run(argv: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(argv, check=True, capture_output=True, cwd=REPO, env=_env(), timeout=300)
    return time.monotonic() - started


def _kill_during(argv: list[str], delay: float) -> bool:
    """Start the command, SIGKILL it after `delay` seconds; True if the kill landed before it ended."""
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO, env=_env())
    threading.Event().wait(delay)  # the random moment itself, not a wait for a condition
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    return child.returncode == -signal.SIGKILL


def _check_vault(path: Path) -> Vault:
    vault = Vault.unlock(path, PASSPHRASE)
    assert integrity_check(vault) == []
    return vault


def export_trials(world: World, trials: int) -> Iterator[Trial]:
    root, pass_file, ids = world.root, world.pass_file, world.ids
    full = _timed_run(_cli(pass_file, root / "doc", "export", "--all", "--out", str(root / "control.tawthiq")))
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    for number in range(trials):
        out = root / "out" / f"bundle-{number}.tawthiq"
        out.parent.mkdir(exist_ok=True)
        trial = Trial(killed=_kill_during(_cli(pass_file, root / "doc", "export", "--all", "--out", str(out)),
                                          rng.uniform(0, full * 1.1)))

        def check(out=out, trial=trial) -> None:
            def partials() -> int:
                return len([p for p in out.parent.iterdir() if p.name.endswith(".partial")])

            if out.exists():  # a complete bundle, or nothing at all, under the final name
                with Vault.unlock(root / "coord", PASSPHRASE) as coord:
                    assert imports.verify(coord, out).records >= N_CASES
            # An interrupted atomic write may leave its hidden temp file; never under the final name.
            left = partials()
            with _check_vault(root / "doc") as doc:
                assert sorted(cases.all_case_ids(doc)) == sorted(ids)
                if left:  # exporting again to the same file completes it and removes the dead half
                    export.export_bundle(doc, out, everything=True)
            trial.leftovers = {"partials_left": left, "left_after_next_run": partials()}
            assert trial.leftovers["left_after_next_run"] == 0, "the next export left the dead one's temp file"
            if left:
                with Vault.unlock(root / "coord", PASSPHRASE) as coord:
                    assert imports.verify(coord, out).records >= N_CASES

        _checked(trial, check)
        for p in out.parent.iterdir():
            p.unlink()
        yield trial


def import_trials(world: World, trials: int) -> Iterator[Trial]:
    root, pass_file, ids = world.root, world.pass_file, world.ids
    with Vault.unlock(root / "doc", PASSPHRASE) as doc:
        export.export_bundle(doc, root / "b.tawthiq", everything=True)
    shutil.copytree(root / "coord", root / "coord-pristine")
    full = _timed_run(_cli(pass_file, root / "coord", "import", str(root / "b.tawthiq")))
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    for _ in range(trials):
        shutil.rmtree(root / "coord")
        shutil.copytree(root / "coord-pristine", root / "coord")
        trial = Trial(killed=_kill_during(_cli(pass_file, root / "coord", "import", str(root / "b.tawthiq")),
                                          rng.uniform(0, full * 1.1)))

        def check(trial=trial) -> None:
            blob_files = len([p for p in (root / "coord" / "blobs").iterdir() if not p.name.startswith(".")])
            partials = _partials(root / "coord")
            with _check_vault(root / "coord") as coord:  # this unlock sweeps what the kill left
                conn = coord.connection()
                received = conn.execute("SELECT count(*) FROM bundles_received").fetchone()[0]
                n_cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
                # All or nothing: the bundle's row and its cases commit together.
                assert (received, n_cases) in {(0, 0), (1, N_CASES)}, (received, n_cases)
                trial.applied = received == 1
                rows = conn.execute("SELECT count(DISTINCT blob) FROM attachments").fetchone()[0]
                trial.leftovers = {"orphan_blobs": blob_files - rows, "partials_left": partials,
                                   "left_after_next_run": _orphan_blobs(coord) + _partials(root / "coord")}
                assert trial.leftovers["left_after_next_run"] == 0, "the next unlock left the kill's leftovers"
                [report] = imports.import_bundles(coord, [root / "b.tawthiq"])
                assert report.status in {"imported", "already imported"}, report.error
                assert sorted(cases.all_case_ids(coord)) == sorted(ids)

        yield _checked(trial, check)
