"""Run the real app (`tawthiq --vault DIR gui`) and drive it like a person, then leave it one way.

    python tests/gui_exit_driver.py VAULT_DIR HOW TITLE [KEYSTROKES]

HOW: "close" (the window's close button), "ctrl_q" (the Quit shortcut), "signal" (wait for the
test to send SIGTERM after READY on stdout). The driver unlocks through the unlock page, opens a
new case, types TITLE into it (and KEYSTROKES more characters into the narrative, to give a
session some length), and quits before any autosave could run: only the way out can save it.
Markers on stdout: READY (typed, waiting), LOCKED (the session locked the vault).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.cli import main  # noqa: E402
from app.gui import case_editor  # noqa: E402
from app.gui.main import application  # noqa: E402

PASSPHRASE = "olive grove under the citadel 1949"

vault_dir, how, title = sys.argv[1], sys.argv[2], sys.argv[3]
keystrokes = int(sys.argv[4]) if len(sys.argv) > 4 else 0
case_editor.AUTOSAVE_MS = 10**8  # no autosave: what is typed is saved only by the way out
app = application()
state = {"asked": False, "typed": False}


def say(marker: str) -> None:
    sys.stdout.write(marker + "\n")
    sys.stdout.flush()


def type_text(widget, text: str) -> None:
    """Key presses carrying the text (QTest.keyClicks knows only ASCII; titles here are Arabic)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def window():
    found = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    return found[0] if found else None


def step() -> None:
    w = window()
    if w is None:
        QTimer.singleShot(20, step)
        return
    if not w.session.is_unlocked:
        page = w.current_page
        if not state["asked"] and hasattr(page, "unlock_button"):
            state["asked"] = True
            w.session.locked.connect(lambda: say("LOCKED"))
            page.passphrase.setText(PASSPHRASE)
            page.unlock_button.click()
        QTimer.singleShot(20, step)
        return
    if not state["typed"]:
        state["typed"] = True
        editor = w.new_case("kidnapping")
        type_text(editor.field("title").edit, title)
        if keystrokes:
            QTest.keyClicks(editor.field("narrative").edit, "x" * keystrokes)
        assert editor.dirty, "the typing did not reach the editor"
        say("READY")
        if how == "close":
            w.close()
        elif how == "ctrl_q":
            w.activateWindow()
            QTest.keyClick(editor.field("title").edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        # "signal": the test sends SIGTERM now


QTimer.singleShot(0, step)
raise SystemExit(main(["--vault", vault_dir, "gui"]))
