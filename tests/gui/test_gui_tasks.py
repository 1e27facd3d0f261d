"""The background-task helper: results, progress, cancel, errors, worker connections closed."""

from __future__ import annotations

import threading

import pytest

from app.gui.tasks import Task, TaskRunner
from app.services.intake import cases
from storage.errors import TawthiqError

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    r.shutdown()


def test_work_runs_off_the_gui_thread_and_reports_progress_then_result(qtbot, runner):
    seen_progress = []
    gui_thread = threading.get_ident()

    def work(task: Task):
        for i in range(3):
            task.progress(i + 1, 3)
        return threading.get_ident()

    task = runner.run(work, on_progress=lambda d, t: seen_progress.append((d, t)))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert task.outcome == "succeeded"
    assert task.result != gui_thread
    qtbot.waitUntil(lambda: len(seen_progress) == 3)
    assert seen_progress == [(1, 3), (2, 3), (3, 3)]


def test_cancel_stops_the_work_and_reports_cancelled_not_an_error(qtbot, runner):
    started, release = threading.Event(), threading.Event()
    errors = []

    def work(task: Task):
        started.set()
        release.wait(10)
        task.raise_if_cancelled()
        return "should not be delivered"

    task = runner.run(work, on_error=errors.append)
    assert started.wait(10)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        pass
    assert task.outcome == "cancelled" and task.result is None and errors == []


def test_errors_come_back_as_one_safe_line(qtbot, runner):
    def ours(task):
        raise TawthiqError("the attachment is not a readable file")

    def unexpected(task):
        raise KeyError("Catherine's phone number")  # content must not reach the message

    first = runner.run(ours)
    second = runner.run(unexpected)
    qtbot.waitUntil(lambda: first.done and second.done, timeout=10_000)
    assert first.error == "the attachment is not a readable file"
    assert second.error == "unexpected error (KeyError)"
    assert "Catherine" not in second.error


def test_worker_connection_is_closed_after_the_work(qtbot, runner, vault):
    before = len(vault._connections)
    task = runner.run(lambda t: cases.count_cases(vault), vault=vault)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert task.result == 0
    assert len(vault._connections) == before  # the worker's own connection was opened and closed


def test_wait_all_returns_only_when_every_worker_is_done(qapp, runner):
    done = []
    for i in range(4):
        runner.run(lambda t, i=i: done.append(i))
    assert runner.wait_all(10_000)
    assert sorted(done) == [0, 1, 2, 3]


def test_synchronous_mode_runs_inline(qapp):
    runner = TaskRunner(synchronous=True)
    results = []
    task = runner.run(lambda t: threading.get_ident(), on_done=results.append)
    assert task.done and results == [threading.get_ident()]
