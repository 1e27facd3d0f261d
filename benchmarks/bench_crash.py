"""kill -9 trials survived (issue 8, promise 4): saves, export and import, killed at random moments.

The trials are the ones tests/storage/test_crash_saves.py and tests/bundles/test_crash_bundles.py run (the runners
are in tests/crash_trials.py): here a broken promise is counted as a trial not survived, and the
"trials survived" row carries the target "all of them", so it shows MISSED instead of stopping the
run. Full runs make the slow tests' counts (50 / 20 / 20); quick runs a few; smoke one or two.
"""

from __future__ import annotations

from benchmarks.harness import Run, Target, bench
from tests.crash_trials import Expected, Trial, export_trials, import_trials, make_world, save_trials, tally

NO_LEFTOVER_NOTE = ("What a kill left is counted before the vault is opened again (summed over trials): hidden "
                    ".partial files of interrupted atomic writes and blobs no attachment row names; the opening "
                    "itself sweeps them (storage/leftovers.py), and what is left after it has a target of 0")


# Most of one uninterrupted CLI run is Python's start-up; with the tests' 12 MiB attachment few random
# moments fall inside the bundle's stream. A larger one puts most of them there.
ATTACHMENT_MIB = 64


def _trials(run: Run, full: int, quick: int, smoke: int) -> int:
    return smoke if run.smoke else quick if run.quick else full


def _world(run: Run):
    return make_world(run.tmp, ATTACHMENT_MIB << 20)


def _report(run: Run, trials: list[Trial], mid: str,
            partials: str = "left by the kill: hidden .partial temp files") -> dict[str, int]:
    """The rows every kill -9 benchmark has: trials, survived (target: all), mid-operation kills, leftovers."""
    counts = tally(trials)
    run.metric("trials run", counts["trials"])
    run.metric("trials survived (vault opens, integrity clean, nothing committed lost)", counts["survived"],
               targets=[Target("value", ">=", counts["trials"], "", "issue 8: survived == trials")])
    run.metric(mid, counts["killed"])
    for key, label in (("partials_left", partials),
                       ("orphan_blobs", "left by the kill: blobs no attachment row names")):
        if key in counts:
            run.metric(label, counts[key])
    run.metric("left after the next run (the next unlock; for export, the next export of the same file)",
               counts.get("left_after_next_run", 0),
               targets=[Target("value", "<=", 0, "", "issue 8: the next run removes what a kill left")])
    failures = [t.failure.splitlines()[0] for t in trials if t.failure]
    if failures:
        run.note(f"first failure: {failures[0][:300]}")
    return counts


@bench("adversarial.kill9_saves", title="kill -9 during a stream of saves, edits, seals and attachments",
       scales=None, timeout_s=3600)
def kill9_saves(run: Run) -> None:
    expected = Expected()
    trials = list(save_trials(run.tmp, _trials(run, 50, 5, 2), expected))
    _report(run, trials, "kills that landed in the save stream (after ≥1 committed save)")
    run.metric("cases whose committed saves were checked", len(expected.titles))
    run.metric("committed seals checked", len(expected.sealed))
    run.metric("committed attachments checked", len(expected.attachments))
    run.note("One vault for all trials, so damage from one crash would show in the next; the other kills land "
             "in the child's start-up (unlock). " + NO_LEFTOVER_NOTE + ".")


@bench("adversarial.kill9_export", scales=None, timeout_s=3600,
       title=f"kill -9 during `tawthiq export` (30 cases and a {ATTACHMENT_MIB} MiB attachment)")
def kill9_export(run: Run) -> None:
    world = _world(run)
    trials = list(export_trials(world, _trials(run, 20, 3, 1)))
    _report(run, trials, "kills that landed before the export finished",
            "left by the kill: .partial files beside the output (= kills that landed while the bundle was written)")
    run.note("Survived also means: under the bundle's final name nothing, or a bundle that verifies. The moment is "
             "drawn across 1.1× one uninterrupted export. A .partial file beside the output is counted right after "
             "the kill, and again after the same export is run to the same file (which removes a dead writer's).")


@bench("adversarial.kill9_import", title="kill -9 during `tawthiq import` of that bundle into a coordinator",
       scales=None, timeout_s=3600)
def kill9_import(run: Run) -> None:
    world = _world(run)
    trials = list(import_trials(world, _trials(run, 20, 3, 1)))
    counts = _report(run, trials, "kills that landed before the import finished")
    run.metric("killed imports found applied on reopening (committed just before the kill)",
               counts["applied_when_killed"])
    run.note("Survived also means: all or nothing (the bundle's row and its 30 cases together), and importing "
             "again completes it. Each trial starts from a copy of the same coordinator vault. " + NO_LEFTOVER_NOTE
             + ".")
