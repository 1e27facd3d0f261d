"""The one background-task helper every view uses for long work.

Key derivation, attachment import, bundle export, linkage: anything that could freeze the window
runs through `TaskRunner.run`. The work function runs on a pool thread and receives a `Task`
handle to report progress and to notice cancellation; results, errors and progress come back on
the GUI thread as signals.

    task = runner.run(work, vault=vault, on_done=show, on_error=warn, on_progress=bar.setValue2)

    def work(task: Task) -> Result:
        for i, item in enumerate(items):
            task.raise_if_cancelled()          # or: if task.cancelled: return
            ...                                 # vault.connection() here is this worker's own
            task.progress(i + 1, len(items))
        return result

Rules the helper enforces so views cannot forget them:
- With `vault=` given, the worker's own SQLCipher connection (vault.connection() opens one per
  thread) is closed in `finally` via `vault.close_thread_connection()`.
- Errors are turned into one safe line: a `TawthiqError`'s message (ours never carry case
  content) or a generic "unexpected error (TypeName)"; the traceback goes to the DEBUG log only.
- `wait_all()` is called on exit (and on lock) so no thread outlives the window or the vault.
- `TaskRunner(synchronous=True)` runs work inline on the calling thread (for tests that want no
  threads; the GUI tests use the real pool).

Emits (Task): progressed(done, total), succeeded(result), failed(message), cancelled(),
finished() — finished always comes last, exactly once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from app.gui.refusals import user_text
from forms.errors import FormError
from storage.errors import TawthiqError

log = logging.getLogger("tawthiq.gui.tasks")


class TaskCancelled(Exception):
    """Raised inside work by `Task.raise_if_cancelled`; reported as `cancelled`, not an error."""


def safe_message(exc: BaseException) -> str:
    """One line that may be shown to the user: never case content, names or keys."""
    if isinstance(exc, (TawthiqError, FormError)):
        return user_text(exc)
    log.debug("background task failed", exc_info=exc)
    return f"unexpected error ({type(exc).__name__})"


class Task(QObject):
    """A handle shared by the work function (any thread) and the GUI (GUI thread)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    # Emitted from the worker thread; queued onto this object's (the GUI) thread.
    _worker_progress = Signal(int, int)
    _worker_outcome = Signal(str, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancel_event = threading.Event()
        self.done = False
        self.outcome: str | None = None  # "succeeded" | "failed" | "cancelled"
        self.result: Any = None
        self.error: str | None = None
        self._worker_progress.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)
        self._worker_outcome.connect(self._deliver_outcome, Qt.ConnectionType.QueuedConnection)
        self._synchronous = False

    # ---- called by the work function (any thread) -----------------------------------------------
    def progress(self, done: int, total: int) -> None:
        if self._synchronous:
            self._deliver_progress(done, total)
        else:
            self._worker_progress.emit(int(done), int(total))

    @property
    def is_cancelled(self) -> bool:
        return self._cancel_event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel_event.is_set():
            raise TaskCancelled

    # ---- called by the GUI ----------------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the work to stop; it stops at its next check and reports `cancelled`."""
        self._cancel_event.set()

    # ---- delivery on the GUI thread -------------------------------------------------------------
    def _finish_from_worker(self, outcome: str, value: object) -> None:
        if self._synchronous:
            self._deliver_outcome(outcome, value)
        else:
            self._worker_outcome.emit(outcome, value)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if not self.done:
            self.progressed.emit(done, total)

    @Slot(str, object)
    def _deliver_outcome(self, outcome: str, value: object) -> None:
        self.done = True
        self.outcome = outcome
        if outcome == "succeeded":
            self.result = value
            self.succeeded.emit(value)
        elif outcome == "failed":
            self.error = str(value)
            self.failed.emit(str(value))
        else:
            self.cancelled.emit()
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Callable[[Task], Any], vault: Any, in_worker: bool):
        super().__init__()
        self.setAutoDelete(True)
        self.task, self.work, self.vault, self.in_worker = task, work, vault, in_worker

    def run(self) -> None:
        task = self.task
        try:
            if task.is_cancelled:
                raise TaskCancelled
            result = self.work(task)
            outcome, value = ("cancelled", None) if task.is_cancelled else ("succeeded", result)
        except TaskCancelled:
            outcome, value = "cancelled", None
        except BaseException as exc:  # noqa: BLE001 - reported as one safe line, never swallowed
            # A service may wrap our TaskCancelled in its own error: after a cancel, it is a cancel.
            outcome, value = ("cancelled", None) if task.is_cancelled else ("failed", safe_message(exc))
        finally:
            # The worker's SQLCipher connection must not outlive the work (or the vault's lock).
            if self.in_worker and self.vault is not None and not self.vault.locked:
                try:
                    self.vault.close_thread_connection()
                except Exception as exc:  # noqa: BLE001
                    log.debug("closing a worker connection failed", exc_info=exc)
        task._finish_from_worker(outcome, value)


class TaskRunner(QObject):
    """Runs work off the GUI thread on its own QThreadPool; one per window."""

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False, max_threads: int = 2):
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._tasks: set[Task] = set()

    def run(
        self,
        work: Callable[[Task], Any],
        *,
        vault: Any = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        task = Task(self)
        if on_done:
            task.succeeded.connect(on_done)
        if on_error:
            task.failed.connect(on_error)
        if on_progress:
            task.progressed.connect(on_progress)
        if on_cancelled:
            task.cancelled.connect(on_cancelled)
        self._tasks.add(task)
        # A bound slot, not a lambda holding self: a reference cycle through a QObject could be
        # collected by Python's GC on a worker thread, deleting a GUI-thread object there.
        task.finished.connect(self._forget)
        if self.synchronous:
            task._synchronous = True
            _Runnable(task, work, vault, in_worker=False).run()
        else:
            self.pool.start(_Runnable(task, work, vault, in_worker=True))
        return task

    @Slot()
    def _forget(self) -> None:
        task = self.sender()
        if isinstance(task, Task):
            self._tasks.discard(task)
            task.deleteLater()

    @property
    def active(self) -> int:
        return len(self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def wait_all(self, timeout_ms: int = -1) -> bool:
        """Block until every worker returned (exit and lock call this). True if all did."""
        return bool(self.pool.waitForDone(timeout_ms))

    def shutdown(self) -> None:
        self.cancel_all()
        self.wait_all()
