"""Promise 1 for the desktop app: a whole GUI session leaves no canary outside the vault's ciphertext.

The session runs in a child process (tests/gui_session_support.py) with HOME, XDG_CONFIG_HOME,
XDG_CACHE_HOME, XDG_DATA_HOME, XDG_STATE_HOME, XDG_RUNTIME_DIR and TMPDIR all inside this test's
folder, so whatever Qt or the app writes (settings, caches, recently-used lists, fontconfig, temp
files) is where the scan looks. Then the vault, that home, the child's temp folder and the system
temp folder (files changed during the test) are scanned for the canaries in UTF-8 and UTF-16.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.threat_support import Canaries, scan

pytestmark = pytest.mark.gui

STEPS = ["created", "cases added", "searched", "exported", "opened and copied", "language ar", "locked",
         "unlocked and locked again", "closed"]


def test_full_gui_session_leaves_no_canary(tmp_path):
    started = time.time() - 1
    c = Canaries.fresh()
    inputs = tmp_path / "inputs"  # the user's own plaintext files: excluded from the scan
    inputs.mkdir()
    (inputs / f"photo-{c.latin}.jpg").write_bytes(f"JFIF {c.latin} {c.arabic}".encode() * 500)
    (inputs / f"شهادة-{c.arabic}.txt").write_text(f"شهادة {c.arabic} {c.latin}\n" * 200, encoding="utf-8")
    home = tmp_path / "home"
    child_tmp = tmp_path / "child-tmp"
    runtime = tmp_path / "runtime"
    for d in (home, child_tmp, runtime):
        d.mkdir(mode=0o700)
    env = {
        **os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local" / "share"), "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_RUNTIME_DIR": str(runtime), "TMPDIR": str(child_tmp),
    }
    env.pop("TAWTHIQ_GUI_PREFS", None)  # the real pre-unlock file location, under XDG_CONFIG_HOME
    vault_dir = home / ".local" / "share" / "tawthiq" / "vault"
    result = subprocess.run(
        [sys.executable, "-m", "tests.gui_session_support", str(vault_dir), str(inputs), c.latin, c.arabic],
        capture_output=True, env=env, cwd=REPO, timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert result.stdout.decode().split("\n")[:-1] == STEPS
    # The child really used this home: its one pre-unlock file is there, and holds only the
    # interface choices (the language and the digits), nothing of a case.
    prefs = list(home.rglob("gui-language.json"))
    assert prefs and json.loads(prefs[0].read_text())["language"] == "ar"
    assert set(json.loads(prefs[0].read_text())) <= {"language", "digits"}
    assert len(list((vault_dir / "blobs").iterdir())) == 2
    assert (vault_dir.parent / "outbox" / "first.tawthiq").stat().st_size > 0  # the export, scanned below

    hits = scan([home, child_tmp, runtime], c.needles)
    assert hits == {}, f"canaries after a GUI session: {sorted(hits)}"
    hits_tmp = scan([Path(tempfile.gettempdir())], c.needles, exclude=[inputs], newer_than=started)
    assert hits_tmp == {}, f"canaries in the system temp folder: {sorted(hits_tmp)}"
    assert b"Traceback" not in result.stderr
    for needle in c.needles:
        assert needle not in result.stderr, "case content in the GUI's log output"
