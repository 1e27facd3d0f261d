"""Promise 4: nothing saved is ever lost. kill -9 in the middle of a stream of saves, repeated.

A child process (tests/crash_support.py) saves, edits, seals and attaches through the real
services and prints each id only after the call returned. The parent kills it with SIGKILL at a
random moment (after a random number of committed saves plus a random few milliseconds, so the
kill lands inside a save as often as between two). Then the vault must open, SQLCipher's page
HMAC check and SQLite's integrity check must be clean, and everything printed must be there.
The trials share one vault, so damage from one crash would also show in the next. The trial
runner is tests/crash_trials.py (the benchmark adversarial.kill9_saves runs the same trials).
"""

from __future__ import annotations

import pytest

from tests.crash_trials import Expected, save_trials

FAST_TRIALS = 5
SLOW_TRIALS = 50


def _run_trials(tmp_path, trials: int) -> Expected:
    expected = Expected()
    for trial in save_trials(tmp_path, trials, expected):
        assert trial.survived, trial.failure
    assert expected.titles, "no save committed in any trial: the test proved nothing"
    return expected


def test_kill_9_during_saves_loses_nothing(tmp_path):
    _run_trials(tmp_path, FAST_TRIALS)


@pytest.mark.slow
def test_kill_9_during_saves_loses_nothing_50_trials(tmp_path):
    expected = _run_trials(tmp_path, SLOW_TRIALS)
    print(f"\nkill -9 trials survived: {SLOW_TRIALS}; committed saves checked: {len(expected.titles)} cases, "
          f"{len(expected.sealed)} seals, {len(expected.attachments)} attachments")
