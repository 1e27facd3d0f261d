"""How the desktop app ends: every way out saves drafts and locks the vault first.

Ways out: closing the window, Quit (Ctrl+Q), and SIGTERM / SIGINT / SIGHUP (a logout, a system
shutdown, Ctrl+C in the terminal that started it). All of them go through the window's close,
which saves what the editor holds and locks the vault (Session.shutdown), and then end every
event loop, nested ones (an open dialog) included.

Python runs its signal handlers only between bytecodes, and while Qt's event loop waits in C++
no bytecode runs: `signal.set_wakeup_fd` writes a byte into a socket pair that a QSocketNotifier
watches, so the loop wakes, Python code runs, and the handler with it.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer

log = logging.getLogger("tawthiq.gui")

QUIT_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))

class QuitOnSignals:
    """While installed, SIGTERM, SIGINT and SIGHUP call `quit` on the GUI thread."""

    def __init__(self, quit: Callable[[], None], parent: QObject | None = None):
        self._quit = quit
        self._reader, self._writer = socket.socketpair()
        for sock in (self._reader, self._writer):
            sock.setblocking(False)
        self._old_wakeup = signal.set_wakeup_fd(self._writer.fileno())
        self._old_handlers = {sig: signal.signal(sig, self._received) for sig in QUIT_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, parent)
        self._notifier.activated.connect(self._drain)
        self.received: int | None = None

    def _drain(self) -> None:
        # The handler itself runs as soon as Python gets control, i.e. right here.
        try:
            while self._reader.recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def _received(self, signum: int, _frame: object) -> None:
        if self.received is None:
            self.received = signum
            # Nothing else here: the handler may interrupt any Python code, a save included, or a
            # write to stderr, where logging from the handler raised "reentrant call" and the quit
            # was never scheduled (the app then ran on after a SIGTERM).
            QTimer.singleShot(0, self._quit_on_signal)

    def _quit_on_signal(self) -> None:
        self._quit()
        log.info("signal %d: saving, locking and quitting", self.received)

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        for sig, handler in self._old_handlers.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._old_wakeup)
        self._reader.close()
        self._writer.close()


def quit_application() -> None:
    """End every event loop (a modal dialog's too); the window has locked the vault already."""
    app = QCoreApplication.instance()
    if app is not None:
        app.quit()
