"""A SIGTERM that lands while the app writes to stderr still quits it (issue 16's start-up test).

Found by the packaged app's test: `tawthiq --debug gui` got SIGTERM in the middle of a debug
line; the handler logged too, the stream refused the nested write ("reentrant call inside
BufferedWriter"), the error left the handler before the quit was scheduled, and the app ran on.
"""

from __future__ import annotations

import logging
import os
import signal
import sys

from app.gui.shutdown import QuitOnSignals


class ReentrantStream:
    """Stands for sys.stderr interrupted mid-write: any nested write raises, as CPython's does."""

    def write(self, _text: str) -> int:
        raise RuntimeError("reentrant call inside <_io.BufferedWriter name='<stderr>'>")

    def flush(self) -> None:
        raise RuntimeError("reentrant call inside <_io.BufferedWriter name='<stderr>'>")


def test_sigterm_during_a_stderr_write_still_quits(qtbot, monkeypatch):
    quits: list[int] = []
    guard = QuitOnSignals(lambda: quits.append(1))
    stream = ReentrantStream()
    handler = logging.StreamHandler(stream)  # what --debug installs, on the interrupted stream
    logger = logging.getLogger("tawthiq")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        monkeypatch.setattr(sys, "stderr", stream)
        try:
            os.kill(os.getpid(), signal.SIGTERM)  # the handler runs here, on this thread
        except RuntimeError:
            pass  # the old handler's error escaped into the interrupted code
        monkeypatch.setattr(sys, "stderr", sys.__stderr__)
        logger.removeHandler(handler)
        qtbot.waitUntil(lambda: quits == [1], timeout=5000)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        guard.uninstall()
