"""`make dist`'s packaged app runs where there is no Python and no venv (issue 16).

The test builds the release exactly as `make dist` does (release/build.py, PyInstaller one-folder,
minus every distribution the core install does not need), signs its SHA256SUMS with a throwaway
minisign key made here (the real release key's secret half is never in the repository), unpacks
the archive as a user would after checking it, and runs the unpacked program with a PATH that
holds no venv and an environment without PYTHON* variables: two vaults, a case with an
attachment, an export opened by the stock age, tar, minisign and sha256sum, the `link` hint, and
the desktop app up to its unlock page, offscreen and on a real X server (Xvfb, Qt's xcb plugin
on the system libraries of release/debian-packages). Nothing may be written into the install
folder or left in the temporary folder.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tarfile
from pathlib import Path

import pytest

from release import build
from release.gui_start import start_until_shown
from tests.install_support import check_with_stock_tools, documenter_to_coordinator, one_line

pytestmark = [pytest.mark.slow, pytest.mark.interop]


@pytest.fixture(scope="module")
def release_files(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("dist")
    key = tmp / "throwaway"
    key.mkdir()
    subprocess.run(["minisign", "-G", "-W", "-p", str(key / "release.pub"), "-s", str(key / "release.key")],
                   check=True, capture_output=True)
    out = tmp / "out"
    assert build.main(["--out", str(out), "--work", str(tmp / "build"), "--release-key", str(key / "release.key")]) == 0
    shutil.copy2(key / "release.pub", out.parent / "release.pub")
    return out


@pytest.fixture(scope="module")
def installed(release_files, tmp_path_factory) -> Path:
    """The archive checked as docs/release.md tells a user to, then unpacked."""
    out = release_files
    pub = out.parent / "release.pub"
    subprocess.run(["minisign", "-Vm", "SHA256SUMS", "-p", str(pub)], cwd=out, check=True, capture_output=True)
    subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=out, check=True, capture_output=True)
    [archive] = out.glob("tawthiq-*.tar.gz")
    place = tmp_path_factory.mktemp("opt")
    with tarfile.open(archive) as tar:
        tar.extractall(place, filter="data")
    [folder] = place.iterdir()
    assert folder.name == build.artefact_name()
    return folder


def _no_venv_env(tmp: Path) -> dict[str, str]:
    home, temp = tmp / "home", tmp / "tmp"
    home.mkdir(exist_ok=True)
    temp.mkdir(exist_ok=True)
    keep = {"LANG", "LC_ALL"}
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(PATH="/usr/bin:/bin", HOME=str(home), TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen",
               TAWTHIQ_INSECURE_TEST_KDF="1")
    return env


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def test_signature_fails_on_a_changed_sums_file(release_files, tmp_path):
    changed = tmp_path / "SHA256SUMS"
    changed.write_bytes((release_files / "SHA256SUMS").read_bytes().replace(b"  ", b"  x", 1))
    shutil.copy2(release_files / "SHA256SUMS.minisig", tmp_path / "SHA256SUMS.minisig")
    r = subprocess.run(["minisign", "-Vm", "SHA256SUMS", "-p", str(release_files.parent / "release.pub")],
                       cwd=tmp_path, capture_output=True)
    assert r.returncode != 0


def test_packaged_app_works_without_python_or_venv(installed, tmp_path):
    program = installed / "tawthiq"
    assert program.is_file() and os.access(program, os.X_OK)
    assert not list(installed.rglob("duckdb*")) and not list(installed.rglob("splink*"))
    before = _tree(installed)
    env = _no_venv_env(tmp_path)
    assert shutil.which("python", path=env["PATH"]) is None or "venv" not in shutil.which("python", path=env["PATH"])

    def tawthiq(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(program), *args], capture_output=True, env=env, cwd=tmp_path, timeout=180,
                              stdin=subprocess.DEVNULL)

    r = tawthiq("--help")
    assert r.returncode == 0 and b"export" in r.stdout
    exchange = documenter_to_coordinator(tawthiq, tmp_path)
    assert "linkage: not run" in exchange.import_output  # the packaged app is the core install
    record = check_with_stock_tools(exchange, tmp_path)
    assert record["versions"][0]["body"]["title"] == "اختطاف في وادي الذهب"
    # Same start-up hygiene as `make run`: umask 0077 for everything the vault holds.
    for path in [exchange.documenter, *exchange.documenter.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    r = tawthiq("--vault", str(exchange.coordinator), "--passphrase-file", str(tmp_path / "passphrase.txt"), "link")
    assert r.returncode == 1 and one_line(r).endswith("pip install 'tawthiq[linkage]'")

    start = start_until_shown([str(program), "--vault", str(exchange.documenter), "--debug", "gui"], env)
    assert start.page == "UnlockPage" and start.exit_status == 0, start.stderr

    assert _tree(installed) == before, "the program wrote into its install folder"
    assert list((tmp_path / "tmp").iterdir()) == [], "files left in the temporary folder"


def test_packaged_app_carries_the_data_files_of_its_dependencies(installed):
    """A core dependency that reads a file beside its code (shamir_mnemonic's SLIP-39 word list)
    crashes the packaged app at start if PyInstaller, which follows imports, left the file out."""
    from release import closure

    packages = closure.core_data_packages()
    wanted = [str(f) for key, dist in closure.core_distributions().items() if key not in closure.HOOKED
              for f in dist.files or () if f.parts[0] in packages
              and not str(f).endswith((".py", ".pyc", ".pyi", ".so", ".pyd", ".h")) and "__pycache__" not in f.parts]
    assert any(w.startswith("shamir_mnemonic/") for w in wanted)
    missing = [w for w in wanted if not (installed / "_internal" / w).is_file()]
    assert missing == []


def test_packaged_app_shows_its_unlock_page_on_an_x_server(installed, tmp_path):
    """Qt's xcb plugin with the system's X libraries (the ones issue 16 found missing)."""
    env = _no_venv_env(tmp_path)
    vault = tmp_path / "vault"
    (tmp_path / "p").write_text("olive grove under the citadel 1949\n")
    r = subprocess.run([str(installed / "tawthiq"), "--vault", str(vault), "--passphrase-file", str(tmp_path / "p"),
                        "init"], env=env, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp", "-screen", "0", "1280x800x24"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as display:
            number = display.readline().strip()
        assert number.isdigit()
        env.update(DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb")
        start = start_until_shown([str(installed / "tawthiq"), "--vault", str(vault), "--debug", "gui"], env)
        assert start.page == "UnlockPage" and start.exit_status == 0, start.stderr
        assert "could not load the Qt platform plugin" not in start.stderr
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=30)
