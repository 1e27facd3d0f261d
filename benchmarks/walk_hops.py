"""Count the hops of issue 13's first walk: a documenter saves a case from the editor.

A hop is a call from one of our modules (app/, forms/, storage/) into another of our modules.
The editor is a real CaseEditor on a real vault (small Argon2id parameters); the title and
narrative are typed into its widgets, then `save_now()` runs under a profiler that records every
such call until the case's row and full-text entry are written and the editor is back.

    QT_QPA_PLATFORM=offscreen python benchmarks/walk_hops.py [--edges]

Prints the number of cross-module calls, and the number of distinct (caller, callee) pairs.
Not a timing: it describes the structure of the code path, so it is stable between runs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OURS = tuple(str(REPO / p) + os.sep for p in ("app", "forms", "storage"))


def _module(filename: str) -> str | None:
    if not filename.startswith(OURS):
        return None
    return str(Path(filename).relative_to(REPO).with_suffix("")).replace(os.sep, ".")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TAWTHIQ_INSECURE_TEST_KDF"] = "1"  # a throw-away vault: the walk, not the KDF
    sys.path.insert(0, str(REPO))
    from PySide6.QtWidgets import QApplication

    from app.gui.case_editor import CaseEditor
    from app.gui.prefs import PreUnlockPrefs
    from app.gui.session import Session
    from app.gui.tasks import TaskRunner
    from storage.vault import Vault

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "vault", "a long walk through the code base")
        session = Session(Path(tmp) / "vault", PreUnlockPrefs(Path(tmp) / "prefs.json"), TaskRunner(synchronous=True))
        session.open(vault)
        editor = CaseEditor(session, form="kidnapping")
        editor.field("title").edit.setText("Abduction at the Homs checkpoint")
        editor.field("narrative").edit.setPlainText("A neighbour saw it from a roof and noted the plate.")
        calls: Counter[tuple[str, str]] = Counter()

        def profile(frame, event, _arg):
            if event != "call" or frame.f_back is None:
                return
            callee = _module(frame.f_code.co_filename)
            caller = _module(frame.f_back.f_code.co_filename)
            if callee and caller and callee != caller:
                calls[(f"{caller}.{frame.f_back.f_code.co_name}", f"{callee}.{frame.f_code.co_name}")] += 1

        sys.setprofile(profile)
        try:
            saved = editor.save_now()
        finally:
            sys.setprofile(None)
        assert saved, "the walk's case was not saved"
        session.lock()
        editor.deleteLater()
    app.processEvents()
    print(f"cross-module calls: {sum(calls.values())}; distinct caller->callee pairs: {len(calls)}")
    if "--edges" in sys.argv:
        for (caller, callee), n in sorted(calls.items()):
            print(f"{n:5d}  {caller} -> {callee}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
