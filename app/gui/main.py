"""Start the desktop app: `tawthiq gui` (or no command) calls `run_gui(vault_dir)`.

What Qt may write to disk is cut down here: no native file dialogs (GTK's write
recently-used.xbel), QSettings pointed at a path that cannot exist (Qt's file dialog would save
its history there); the only file outside the vault is the language choice (app/gui/prefs.py).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.gui import qt_binding, shutdown, style, wheel_guard
from app.gui.i18n import install_language
from app.gui.prefs import PreUnlockPrefs
from app.gui.session import Session
from app.gui.tasks import TaskRunner
from app.gui.window import MainWindow

NO_SETTINGS = "/dev/null/tawthiq-writes-no-qt-settings"
# The page's class name only, at DEBUG (`tawthiq --debug gui`): how the packaged app's test and the
# start-up benchmark (release/gui_start.py) see, from outside, that the window is up.
SHOWN_MESSAGE = "window shown: %s"

log = logging.getLogger("tawthiq.gui")


def application() -> QApplication:
    """The one QApplication (made on first call), configured to leave no traces."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    # Qt's own file dialog saves its history and last folder to QSettings("QtProject") when it
    # closes: point every QSettings location at a path that cannot exist, so no folder or file
    # name the person chose is ever written down.
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, NO_SETTINGS)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Tawthiq")
    app.setApplicationDisplayName("Tawthiq")
    wheel_guard.install(app)  # the wheel scrolls, it never steps a recorded value
    style.apply_style(app)  # resources/style/tawthiq.qss
    return app


def build_window(vault_dir: Path, prefs: PreUnlockPrefs | None = None,
                 runner: TaskRunner | None = None) -> MainWindow:
    """The window for a vault folder, in the language chosen before (tests call this too)."""
    app = application()
    prefs = prefs or PreUnlockPrefs()
    install_language(app, prefs.language(), prefs.latin_digits())
    session = Session(Path(vault_dir), prefs, runner)
    return MainWindow(session)


def run_gui(vault_dir: Path) -> int:
    """Run the app until it is quit; the vault is locked on every way out (app/gui/shutdown.py)."""
    app = application()
    qt_binding.check_and_protect()
    window = build_window(vault_dir)
    signals = shutdown.QuitOnSignals(window.quit, window)
    window.show()
    # Runs once the event loop has handled the show and first paint events.
    QTimer.singleShot(0, lambda: log.debug(SHOWN_MESSAGE, type(window.current_page).__name__))
    status = 1
    try:
        status = int(app.exec())
    finally:
        signals.uninstall()
        window.session.shutdown()  # idempotent: the window's close has done it on a normal quit
    return status
