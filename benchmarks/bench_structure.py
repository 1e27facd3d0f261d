"""Structure: the hops of issue 13's two walks through the code, now and before issue 13.

Not a timing. benchmarks/walk_hops.py counts the calls from one of our modules (app/, forms/,
storage/) into another along two walks: a documenter saving a case from the editor, and a
coordinator importing a bundle (verification, merge, linkage) and reading the statistics. The same
script runs on this checkout and on the tree of BEFORE (the last commit before issue 13's work,
taken with `git archive`), so both columns come from this run. The later issues' features (issue 14's
custody checks, issue 15's search across scripts) walk the same paths, so the difference is not
issue 13's alone; the commit message of the run that published it says which commit added what.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from benchmarks import walk_hops
from benchmarks.harness import REPO, Run, Target, bench

BEFORE = "9c3bb24"  # the last commit before issue 13's work (f709b58 and after)
SOURCE = "issue 13: the two walks take fewer hops"


def _walk_in(tree: Path, walk: str) -> tuple[int, int]:
    """Run walk_hops.py in a fresh process inside `tree` (its own app/, forms/, storage/): both
    columns are counted alike, each walk in a process of its own."""
    script = tree / "benchmarks" / "walk_hops.py"
    if tree != REPO:
        script.write_bytes(Path(walk_hops.__file__).read_bytes())
    out = subprocess.run([sys.executable, str(script), walk], capture_output=True, text=True, cwd=tree,
                         timeout=1800, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    line = next(li for li in out.stdout.splitlines() if li.startswith(f"{walk}:"))
    calls, pairs = (int(part.split(":")[-1]) for part in line.split(";"))
    return calls, pairs


def _tree_at(commit: str, into: Path) -> Path | None:
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", commit], capture_output=True)
    if archive.returncode != 0:
        return None  # no history here (a copy of the tree): the before column is left out
    with tempfile.TemporaryFile(dir=into) as fh:
        fh.write(archive.stdout)
        fh.seek(0)
        with tarfile.open(fileobj=fh) as tar:
            tar.extractall(into / commit, filter="data")
    return into / commit


@bench("structure.walk_hops", title="issue 13's two walks: cross-module calls now and before", scales=None,
       timeout_s=3600)
def walk_hops_now_and_before(run: Run) -> None:
    # A smoke run checks the machinery on the quick walk only (the import walk sets up two vaults).
    walks = ["save"] if run.smoke else list(walk_hops.WALKS)
    before_tree = None if run.smoke else _tree_at(BEFORE, run.tmp)
    for name in walks:
        total, pairs = _walk_in(REPO, name)
        if before_tree is not None:
            old_total, old_pairs = _walk_in(before_tree, name)
            run.metric(f"{name} walk: cross-module calls at {BEFORE} (before issue 13)", old_total)
            run.metric(f"{name} walk: distinct caller→callee pairs at {BEFORE}", old_pairs)
            run.metric(f"{name} walk: cross-module calls now", total,
                       targets=[Target("value", "<", old_total, "", SOURCE)])
            run.metric(f"{name} walk: distinct caller→callee pairs now", pairs,
                       targets=[Target("value", "<", old_pairs, "", SOURCE)])
        else:
            run.metric(f"{name} walk: cross-module calls now", total)
            run.metric(f"{name} walk: distinct caller→callee pairs now", pairs)
    run.note(
        "save: CaseEditor.save_now on a real vault, title and narrative typed; import: the `import` and `stats` "
        "handlers on a coordinator that trusts the documenter, the bundle holding three example cases, the vault "
        "unlocked before counting. A hop is a call from one of our modules into another (benchmarks/walk_hops.py "
        "--edges lists them). Both columns come from this run: the before column runs the same script on the "
        f"tree of {BEFORE} (git archive)."
    )
