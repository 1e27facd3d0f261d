"""`pip install <checkout>` without extras gives a working documenter app and command line (issue 16).

What this proves, offline (the suite never downloads): the wheel pip builds from the checkout,
installed into a fresh venv with exactly the distributions pyproject.toml's core dependencies
need (resolved recursively from their installed metadata, release/closure.py, and offered to the
venv through one .pth folder of links into the shared venv) and nothing else: no Splink, no
DuckDB, no test tools, no checkout on sys.path. In it, `tawthiq --help`, a documenter's and a
coordinator's whole exchange, and the GUI's start work; every linkage command says in one line
how to install the extra and exits 1. What it does not prove: that PyPI serves those
distributions (a download, done by hand for docs/release.md).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from release import closure
from release.gui_start import start_until_shown
from tests.conftest import REPO
from tests.install_support import documenter_to_coordinator, one_line

pytestmark = pytest.mark.slow

HINT = "pip install 'tawthiq[linkage]'"


def _core_site(folder: Path) -> Path:
    """A site folder holding exactly the core closure: links to each distribution's files."""
    folder.mkdir()
    for dist in closure.core_distributions().values():
        base = Path(dist.locate_file(""))
        for name in closure.top_level_names(dist):
            for candidate in (base / name, *base.glob(f"{name}.*")):
                if candidate.exists() and not (folder / candidate.name).exists():
                    (folder / candidate.name).symlink_to(candidate)
        info = Path(str(dist._path))  # type: ignore[attr-defined]  # its .dist-info, for importlib.metadata
        (folder / info.name).symlink_to(info)
    return folder


@pytest.fixture(scope="module")
def core_venv(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("core-install")
    source = tmp / "checkout"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in ("app", "forms", "storage", "resources"):
        shutil.copytree(REPO / part, source / part, ignore=ignore)
    shutil.copy2(REPO / "pyproject.toml", source / "pyproject.toml")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "--wheel-dir", str(tmp / "wheels"), str(source)], check=True, cwd=tmp)
    [wheel] = (tmp / "wheels").glob("tawthiq-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
                    "--no-deps", "--no-index", str(wheel)], check=True, cwd=tmp)
    [site] = (venv / "lib").glob("python3*/site-packages")
    (site / "tawthiq-core-dependencies.pth").write_text(f"{_core_site(tmp / 'core-site')}\n")
    return venv


def _env(venv: Path, home: Path) -> dict[str, str]:
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(PATH=f"{venv / 'bin'}:/usr/bin:/bin", HOME=str(home), QT_QPA_PLATFORM="offscreen",
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    return env


def _runner(venv: Path, env: dict[str, str], cwd: Path):
    def tawthiq(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(venv / "bin" / "tawthiq"), *args], capture_output=True, env=env, cwd=cwd,
                              timeout=180, stdin=subprocess.DEVNULL)
    return tawthiq


def test_core_install_has_no_extra_and_not_the_checkout(core_venv, tmp_path):
    env = _env(core_venv, tmp_path / "home")
    python = str(core_venv / "bin" / "python")
    r = subprocess.run([python, "-c", "import duckdb"], capture_output=True, env=env, cwd=tmp_path)
    assert r.returncode != 0 and b"No module named 'duckdb'" in r.stderr
    r = subprocess.run([python, "-c", "import splink"], capture_output=True, env=env, cwd=tmp_path)
    assert r.returncode != 0
    where = subprocess.run([python, "-c", "import app; print(app.__file__)"], capture_output=True, env=env,
                           cwd=tmp_path, check=True).stdout.decode()
    assert str(core_venv) in where and str(REPO) not in where


def test_core_install_cli_works_and_linkage_says_how_to_install(core_venv, tmp_path):
    env = _env(core_venv, tmp_path / "home")
    tawthiq = _runner(core_venv, env, tmp_path)
    r = tawthiq("--help")
    assert r.returncode == 0 and b"link" in r.stdout and not r.stderr
    r = tawthiq("link", "decide", "--help")
    assert r.returncode == 0 and b"accept" in r.stdout
    exchange = documenter_to_coordinator(tawthiq, tmp_path)
    assert f"linkage: not run, the optional linkage extra is not installed ({HINT})" in exchange.import_output
    passphrase = ("--passphrase-file", str(tmp_path / "passphrase.txt"))
    for args in (("link",), ("link", "--json"), ("link", "review"), ("link", "decide", "p1", "accept")):
        r = tawthiq("--vault", str(exchange.coordinator), *passphrase, *args)
        assert r.returncode == 1, (args, r.stderr)
        assert one_line(r).endswith(HINT) and not r.stdout
    # A coordinator's counts still work, each record counted once and labelled unlinked.
    r = tawthiq("--vault", str(exchange.coordinator), *passphrase, "stats", "--json")
    assert r.returncode == 0, r.stderr
    assert b'"unlinked"' in r.stdout


def test_core_install_gui_starts_to_the_unlock_page(core_venv, tmp_path):
    env = _env(core_venv, tmp_path / "home")
    tawthiq = _runner(core_venv, env, tmp_path)
    vault = tmp_path / "vault"
    (tmp_path / "p").write_text("olive grove under the citadel 1949\n")
    assert tawthiq("--vault", str(vault), "--passphrase-file", str(tmp_path / "p"), "init").returncode == 0
    start = start_until_shown([str(core_venv / "bin" / "tawthiq"), "--vault", str(vault), "--debug", "gui"], env)
    assert start.page == "UnlockPage" and start.exit_status == 0, start.stderr
    assert "Traceback" not in start.stderr
