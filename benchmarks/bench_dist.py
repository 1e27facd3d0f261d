"""The packaged app (`make dist`) beside `make run`: size, and process start → unlock page (issue 16).

Builds the release as `make dist` does (release/build.py, PyInstaller one-folder, core only) into
the run's temporary folder, then starts, once per sample, the packaged program and `make run`'s
`python -m app gui` (this venv's Python, the checkout on PYTHONPATH) on the same existing vault,
each as `tawthiq --debug gui` offscreen, and stops the clock at the "window shown: UnlockPage"
line (release/gui_start.py). Unlike gui.start, which times a Python child that builds the window
directly, both rows here include the command line's start and the view modules' deferred import
begins right after. The build itself takes minutes: its time is reported, without an aim.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from benchmarks import fixtures
from benchmarks.harness import REPO, Run, Target, bench
from release import build
from release.gui_start import start_until_shown

PACKAGED = "packaged app: start → unlock page"
MAKE_RUN = "make run (python -m app gui): start → unlock page"
START_AIM = Target("median", "<", 1.5, "s", "issue 4: unlock window shown within 1.5 s of process start")


def _size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / (1 << 20)


@bench("dist.start", title="packaged app (make dist) vs make run: size, start → unlock page", scales=None,
       timeout_s=3600)
def packaged_app(run: Run) -> None:
    vault_dir = fixtures.vault_fixture(run, 1_000)
    home = run.tmp / "home"
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "TMPDIR": str(run.tmp)}
    commands = {MAKE_RUN: ([sys.executable, "-m", "app"], {**env, "PYTHONPATH": str(REPO)}, True)}
    if run.smoke:  # the suite's smoke run has minutes for every benchmark together, not for a build
        run.note("Smoke run: the packaged app was not built (PyInstaller takes minutes); "
                 "`python -m benchmarks --only dist` builds and measures it.")
    else:
        out = run.tmp / "dist"
        t0 = time.perf_counter()
        build.main(["--out", str(out), "--work", str(run.tmp / "build")])
        build_s = time.perf_counter() - t0
        folder = run.tmp / "build" / "folder" / "tawthiq"
        [archive] = out.glob("tawthiq-*.tar.gz")
        run.metric("packaged folder size", round(_size_mib(folder), 1), unit="MiB",
                   note="PyInstaller one-folder, core install only (no linkage extra)")
        run.metric("release archive size (.tar.gz)", round(archive.stat().st_size / (1 << 20), 1), unit="MiB")
        run.metric("build time (make dist)", round(build_s, 1), unit="s", note="PyInstaller, --clean")
        commands[PACKAGED] = ([str(folder / "tawthiq")], env, False)
    samples = 1 if run.smoke else run.repeat
    for label, (command, child_env, reference) in commands.items():
        times = []
        for _ in range(samples + (0 if run.smoke else 1)):  # the first start warms the page cache
            start = start_until_shown([*command, "--vault", str(vault_dir), "--debug", "gui"], child_env)
            if start.page != "UnlockPage" or start.exit_status != 0:
                raise RuntimeError(f"{label}: {start.page} shown, exit {start.exit_status}")
            times.append(start.seconds_to_shown)
        run.record(label, times[-samples:], reference=reference,
                   targets=[] if run.smoke else [START_AIM])
    if run.smoke:
        return
    run.ratio("packaged app ÷ make run, start → unlock page", PACKAGED, MAKE_RUN)
    run.note(f"Machine: {os.cpu_count()} cores shared with other work; the packaged app runs with PATH=/usr/bin:/bin "
             "and no PYTHON* variables.")
