"""Shared fixtures. Everything is real: SQLCipher files, age files, Qt widgets (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Headless Qt and fast Argon2id for every test and every CLI process the tests start.
# The production parameters are exercised by one slow-marked test
# (tests/storage/test_vault.py::test_production_kdf_parameters_meet_the_floor).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TAWTHIQ_INSECURE_TEST_KDF"] = "1"  # storage.keyfile.TEST_KDF_ENV; each use warns on stderr
os.umask(0o077)

from storage import keyfile  # noqa: E402
from storage.vault import Vault  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "olive grove under the citadel 1949"
OTHER_PASSPHRASE = "seven lanterns over the orontes river"


# Programs the interop tests run. Missing ones fail the session at once with the install line,
# rather than letting interop tests skip and a green run hide that nothing was checked.
REQUIRED_PROGRAMS = ("age", "minisign", "tar", "sha256sum", "pdftotext", "Rscript")


def pytest_sessionstart(session):
    import shutil

    missing = [p for p in REQUIRED_PROGRAMS if shutil.which(p) is None]
    if missing:
        raise pytest.UsageError(
            f"missing programs for the tests: {', '.join(missing)} "
            "(`make test` installs them: release/debian-packages, section [test])"
        )


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path):
    v = Vault.create(vault_dir, PASSPHRASE, name="test documenter", kdf_params=dict(keyfile.TEST_PARAMS))
    yield v
    v.lock()


@pytest.fixture
def coordinator_vault(tmp_path: Path):
    v = Vault.create(
        tmp_path / "coordinator", PASSPHRASE, role="coordinator", name="coordinator",
        kdf_params=dict(keyfile.TEST_PARAMS),
    )
    yield v
    v.lock()


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    p = tmp_path / "passphrase.txt"
    p.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return p


def without_test_kdf_warnings(stderr: bytes) -> bytes:
    """A child's standard error without storage.keyfile's test-mode warning lines.

    Every process of the suite writes or opens vaults at keyfile.TEST_PARAMS (the test mode is on,
    above), and the warning is printed each time; tests check what the command itself says.
    tests/storage/test_keyfile_parameters.py checks the warning on the raw stream.
    """
    warning = keyfile.TEST_KDF_WARNING.encode()
    return b"".join(line for line in stderr.splitlines(keepends=True) if line.rstrip(b"\r\n") != warning)


def run_tawthiq(*args: str, input: bytes | None = None, env: dict | None = None,
                timeout: float = 120, raw_stderr: bool = False) -> subprocess.CompletedProcess:
    """Run the real `tawthiq` command in a child process, as a coordinator's script would.

    Its stderr comes back without the test-mode KDF warnings unless `raw_stderr`."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(REPO)
    if env:
        full_env.update(env)
    result = subprocess.run(
        [sys.executable, "-m", "app", *args],
        input=input, capture_output=True, env=full_env, timeout=timeout, cwd=REPO,
    )
    if not raw_stderr:
        result.stderr = without_test_kdf_warnings(result.stderr)
    return result


@pytest.fixture
def tawthiq():
    return run_tawthiq


@pytest.fixture
def cli_vaults(tmp_path, passphrase_file, tawthiq):
    """make(name, role) → (run the real CLI on a new vault `tmp_path/name`, its folder)."""
    def make(name, role):
        d = tmp_path / name
        r = tawthiq("--vault", str(d), "--passphrase-file", str(passphrase_file), "init", "--role", role,
                    "--name", name)
        assert r.returncode == 0, r.stderr
        return (lambda *a, **kw: tawthiq("--vault", str(d), "--passphrase-file", str(passphrase_file), *a, **kw)), d
    return make


def files_under(root: Path) -> list[Path]:
    return [p for p in Path(root).rglob("*") if p.is_file()]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file's bytes under root: compare before and after to prove nothing changed."""
    return {str(p.relative_to(root)): p.read_bytes() for p in files_under(root)}


# PySide6 6.12.0 on Python 3.11 aborted while the interpreter finalized ("Fatal Python error:
# bool_dealloc": it loses a reference to None/True/False per call; app/gui/qt_binding.py).
# pyproject.toml now excludes that release and tests/gui/test_gui_exit.py fails on a leaking build;
# this stays as a guard: pytest's verdict is final once the summary is printed, so leave with
# exactly that status, skipping finalization. A failing run still exits non-zero.
_session_status: list[int] = []


def pytest_sessionfinish(session, exitstatus):
    _session_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    if _session_status and os.environ.get("TAWTHIQ_NORMAL_FINALIZE") != "1":
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_session_status[-1])
