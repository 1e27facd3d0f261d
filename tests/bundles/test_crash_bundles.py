"""Promise 4 for bundles: kill -9 at random points of `tawthiq export` and `tawthiq import`.

Afterwards: the vault opens and its integrity checks are clean; nothing committed is lost; under
the bundle's final name there is either nothing or a complete bundle that verifies; an import is
either wholly applied or not at all, and importing again completes it. The random moment is drawn
across the duration of one uninterrupted run of the same command, measured first. The trial
runners are in tests/crash_trials.py (the benchmarks adversarial.kill9_export/_import run them too).
"""

from __future__ import annotations

import pytest

from tests.crash_trials import Trial, export_trials, import_trials, make_world, tally

FAST_TRIALS = 3
SLOW_TRIALS = 20


@pytest.fixture
def world(tmp_path):
    return make_world(tmp_path)


def _all_survive(trials) -> dict:
    done: list[Trial] = []
    for trial in trials:
        assert trial.survived, trial.failure
        done.append(trial)
    return tally(done)


def test_kill_9_during_export(world):
    stats = _all_survive(export_trials(world, FAST_TRIALS))
    assert stats["killed"] + stats["finished"] == FAST_TRIALS


def test_kill_9_during_import(world):
    stats = _all_survive(import_trials(world, FAST_TRIALS))
    assert stats["killed"] + stats["finished"] == FAST_TRIALS


@pytest.mark.slow
def test_kill_9_during_export_and_import_many_trials(world):
    e = _all_survive(export_trials(world, SLOW_TRIALS))
    i = _all_survive(import_trials(world, SLOW_TRIALS))
    assert e["killed"] >= SLOW_TRIALS // 3 and i["killed"] >= SLOW_TRIALS // 3, (e, i)
    print(f"\nexport: {e}\nimport: {i}")
