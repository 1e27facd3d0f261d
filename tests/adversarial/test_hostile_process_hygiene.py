"""Process hygiene (app/hygiene.py), checked in a real child process: no core dumps, umask 0077."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

PROBE = """
import ctypes, os, resource
from app import hygiene
hygiene.harden_process()
print(resource.getrlimit(resource.RLIMIT_CORE)[0])
print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))  # PR_GET_DUMPABLE
print(oct(os.umask(0)))
print(os.environ.get("QML_DISABLE_DISK_CACHE"))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux")
def test_child_process_is_hardened():
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, env=env, cwd=REPO, check=True,
                         timeout=60)
    core_limit, dumpable, umask, qml_cache = out.stdout.decode().split()
    assert core_limit == "0"
    assert dumpable == "0"
    assert umask == "0o77"
    assert qml_cache == "1"


def test_cli_writes_no_log_file_even_with_debug(tmp_path, passphrase_file, tawthiq):
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
           "XDG_DATA_HOME": str(home / ".local/share"), "XDG_STATE_HOME": str(home / ".local/state")}
    vault = tmp_path / "v"
    r = tawthiq("--debug", "--vault", str(vault), "--passphrase-file", str(passphrase_file), "init", env=env)
    assert r.returncode == 0, r.stderr
    r = tawthiq("--debug", "--vault", str(vault), "--passphrase-file", str(passphrase_file), "case", "list",
                env=env)
    assert r.returncode == 0, r.stderr
    assert [p for p in home.rglob("*")] == []
