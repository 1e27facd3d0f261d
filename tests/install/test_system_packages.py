"""release/system-packages: what `make run`, `make test`, `make dist` and `.ci/run` install first.

The script's decisions are checked with a list holding a package that cannot exist, so nothing
is installed: as a user without root or sudo (setpriv to `nobody`), and as root with apt-get
pointed, through apt's own APT_CONFIG, at an empty package index (no network, the machine's
index untouched). The real list is checked against the machine's package index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPT = REPO / "release" / "system-packages"
LIST = REPO / "release" / "debian-packages"
FAKE = "tawthiq-no-such-package"


@pytest.fixture
def world_readable(tmp_path) -> Path:
    """A folder `nobody` can read (pytest's own tmp_path is 0700 under umask 0077)."""
    folder = Path(tempfile.mkdtemp(prefix="tawthiq-apt-"))
    folder.chmod(0o755)
    shutil.copy2(SCRIPT, folder / "system-packages")
    (folder / "system-packages").chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def _write_list(folder: Path, text: str) -> Path:
    path = folder / "packages"
    path.write_text(text)
    path.chmod(0o644)
    return path


def _run(script: Path, *sections: str, env: dict | None = None, as_nobody: bool = False):
    command = [str(script), *sections]
    if as_nobody:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120)


def _sections(path: Path) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in path.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = []
        elif line:
            assert current is not None
            sections[current].append(line)
    return sections


def test_installed_packages_pass_silently(world_readable):
    packages = _write_list(world_readable, "[x]\ncoreutils   # why\ntar\n[y]\n" + FAKE + "\n")
    r = _run(world_readable / "system-packages", "x", env={"TAWTHIQ_PACKAGE_LIST": str(packages)})
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_unknown_section_is_a_usage_error(world_readable):
    r = _run(world_readable / "system-packages", "run", "nosuch", env={"TAWTHIQ_PACKAGE_LIST": str(LIST)})
    assert r.returncode == 2 and r.stderr.strip().splitlines() == [f"tawthiq: no section named nosuch in {LIST}"]


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root to become nobody")
def test_without_root_or_sudo_one_line_names_the_command(world_readable):
    packages = _write_list(world_readable, f"[x]\ncoreutils\n{FAKE}  # cannot exist\n")
    r = _run(world_readable / "system-packages", "x", env={"TAWTHIQ_PACKAGE_LIST": str(packages)}, as_nobody=True)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.splitlines() == [
        f"tawthiq: missing Debian packages; run: sudo apt-get install -y --no-install-recommends {FAKE}"]


@pytest.mark.skipif(os.geteuid() != 0, reason="the install path runs apt-get as root")
def test_as_root_a_failed_install_stops_with_the_command(world_readable, tmp_path):
    # apt's own configuration variable: an index with no sources, in this test's folder.
    for sub in ("lists/partial", "cache/archives/partial"):
        (tmp_path / sub).mkdir(parents=True)
    config = tmp_path / "apt.conf"
    config.write_text(f'Dir::Etc::sourcelist "/dev/null";\nDir::Etc::sourceparts "{tmp_path}/none";\n'
                      f'Dir::State::lists "{tmp_path}/lists";\nDir::Cache "{tmp_path}/cache";\n')
    packages = _write_list(world_readable, f"[x]\ncoreutils\n{FAKE}\n")
    r = _run(world_readable / "system-packages", "x", env={"TAWTHIQ_PACKAGE_LIST": str(packages),
                                                           "APT_CONFIG": str(config)})
    assert r.returncode == 1
    *progress, last = r.stderr.splitlines()
    assert progress == [f"tawthiq: installing the missing Debian packages: {FAKE}"]
    assert last == (f"tawthiq: apt-get could not install them (E: Unable to locate package {FAKE}); "
                    f"run: apt-get install -y --no-install-recommends {FAKE}")


def test_the_list_names_real_packages():
    sections = _sections(LIST)
    assert {"bootstrap", "run", "test", "dist"} <= set(sections)
    # The libraries issue 16 found missing, and the programs the tests run.
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "fonts-noto-core"} <= set(sections["run"])
    assert {"age", "minisign", "poppler-utils", "tar", "coreutils"} <= set(sections["test"])
    if shutil.which("apt-cache") is None:
        pytest.skip("not a Debian system")
    packages = sorted({p for names in sections.values() for p in names})
    policy = subprocess.run(["apt-cache", "policy", *packages], capture_output=True, text=True).stdout
    candidates = {}
    for block in policy.split("\n")[0:]:
        if block and not block.startswith(" ") and block.endswith(":"):
            name = block[:-1]
        elif block.strip().startswith("Candidate:"):
            candidates[name] = block.split(":", 1)[1].strip()
    assert {p: candidates.get(p, "(none)") for p in packages if candidates.get(p, "(none)") == "(none)"} == {}


def test_make_targets_and_ci_use_the_list():
    for target, sections in (("run", "run"), ("test", "run test dist"), ("dist", "run dist")):
        # Run from `make test` itself, a child make says "Entering directory" first unless told not to.
        env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
        r = subprocess.run(["make", "--no-print-directory", "-n", target, "VENV=/nonexistent-venv"], cwd=REPO,
                           capture_output=True, text=True, env=env)
        assert f"release/system-packages {sections}" in r.stdout.splitlines()[0], (target, r.stdout)
    ci = (REPO / ".ci" / "run").read_text()
    assert "exec make test" in ci and "apt-get" not in ci
