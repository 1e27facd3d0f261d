"""A coordinator can follow the documented stock-tools check (issue 14 item 13).

README.md and docs/bundle-format.md show `age -d -i coordinator.key B.tawthiq | tar -x …` as the way
anyone checks a bundle without Tawthiq reading it; before, no command gave the coordinator that age
identity (only the tests reached it, through internal modules). Here the files are made with
nothing but the `tawthiq` command, and the documented commands are run as they are written in the
docs, by bash, with the real age, tar, minisign, sha256sum and shred. `tawthiq` on the PATH is the
real command with this test's vault and passphrase file, which a person would type instead.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys

import pytest

from storage import audit
from storage.vault import Vault
from tests.conftest import PASSPHRASE, REPO, without_test_kdf_warnings

pytestmark = pytest.mark.interop

EXAMPLE_HEADING = "## Checking a bundle with stock tools (worked example)"


def documented_block() -> str:
    section = (REPO / "docs" / "bundle-format.md").read_text(encoding="utf-8").split(EXAMPLE_HEADING)[1]
    return re.search(r"```sh\n(.*?)```", section.split("\n## ")[0], re.S).group(1)


def readme_commands() -> tuple[str, str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    export = re.search(r"`(tawthiq keys export-age-identity --out coordinator\.key)`", readme).group(1)
    check = re.search(r"`(mkdir out && age -d -i coordinator\.key [^`]*)`", readme).group(1)
    return export, check


@pytest.fixture
def bundle_from_a_documenter(cli_vaults, tmp_path):
    """(run on the coordinator, the coordinator's vault, a folder with B.tawthiq and documenter.pub, case id)."""
    coord, coord_dir = cli_vaults("coord", "coordinator")
    doc, _ = cli_vaults("doc", "documenter")
    assert coord("profile", "export", "--out", str(tmp_path / "org.profile")).returncode == 0
    fingerprint = json.loads(coord("keys", "--json").stdout)["fingerprint"]
    assert doc("profile", "import", str(tmp_path / "org.profile"), "--fingerprint", fingerprint).returncode == 0
    (tmp_path / "case.json").write_text(json.dumps({"form": "kidnapping", "title": "اختطاف عند الحاجز"}),
                                        encoding="utf-8")
    case_id = doc("case", "add", str(tmp_path / "case.json")).stdout.decode().strip()
    (tmp_path / "photo.jpg").write_bytes(os.urandom(30_000))
    assert doc("case", "attach", case_id, str(tmp_path / "photo.jpg")).returncode == 0
    work = tmp_path / "work"
    work.mkdir()
    assert doc("export", "--out", str(work / "B.tawthiq")).returncode == 0
    assert doc("keys", "--minisign-out", str(work / "documenter.pub")).returncode == 0
    return coord, coord_dir, work, case_id


def _shell(script: str, work, coord_dir, passphrase_file) -> subprocess.CompletedProcess:
    bin_dir = work.parent / "bin"
    bin_dir.mkdir(exist_ok=True)
    wrapper = bin_dir / "tawthiq"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m app --passphrase-file "{passphrase_file}" "$@"\n')
    wrapper.chmod(0o700)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(REPO),
           "TAWTHIQ_VAULT": str(coord_dir)}
    r = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=work, env=env, capture_output=True,
                       timeout=300)
    r.stderr = without_test_kdf_warnings(r.stderr)
    return r


def test_the_documented_worked_example_runs_as_written(bundle_from_a_documenter, passphrase_file):
    _, coord_dir, work, case_id = bundle_from_a_documenter
    block = documented_block()
    assert block.startswith("tawthiq keys export-age-identity --out coordinator.key\n")

    r = _shell(block, work, coord_dir, passphrase_file)

    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "Signature and comment signature verified" in out
    assert re.search(r"Trusted comment: tawthiq bundle [0-9a-f-]+ sequence 1\b", out)
    sums = (work / "out" / "SHA256SUMS").read_text().splitlines()
    assert len(sums) == 3 and out.count(": OK\n") == 3  # manifest, one record, one attachment
    assert json.loads((work / "out" / "records" / f"{case_id}.json").read_text())["versions"][0]["body"][
        "title"] == "اختطاف عند الحاجز"
    assert "decrypts every bundle sent to this vault" in r.stderr.decode()
    assert not (work / "coordinator.key").exists()  # the block's last step: shred -u


def test_the_readme_one_liner_runs_as_written(bundle_from_a_documenter, passphrase_file):
    _, coord_dir, work, _ = bundle_from_a_documenter
    export, check = readme_commands()
    r = _shell(f"{export}\n{check}\n", work, coord_dir, passphrase_file)
    assert r.returncode == 0, r.stderr.decode()
    assert "Signature and comment signature verified" in r.stdout.decode()


def test_the_export_is_explicit_private_audited_and_never_overwrites(cli_vaults, tmp_path, passphrase_file):
    coord, coord_dir = cli_vaults("coord", "coordinator")
    recipient = json.loads(coord("keys", "--json").stdout)["age_recipient"]
    # Nothing else writes or prints it.
    for args in (("keys",), ("keys", "--json")):
        assert b"AGE-SECRET-KEY" not in coord(*args).stdout
    key = tmp_path / "coordinator.key"
    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase of this vault\n")
    r = coord("--passphrase-file", str(wrong), "keys", "export-age-identity", "--out", str(key))
    assert r.returncode == 3 and not key.exists()

    r = coord("keys", "export-age-identity", "--out", str(key))

    assert r.returncode == 0, r.stderr
    [warning] = r.stderr.decode().strip().splitlines()
    assert warning == (f"tawthiq: warning: {key} decrypts every bundle sent to this vault and every attachment "
                       "stored in it: whoever copies it can read them. Keep it on this machine, use it for the "
                       "check, then delete it")
    assert r.stdout.decode() == f"age identity of {recipient} written to {key}\n"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    lines = key.read_text().splitlines()
    assert lines[1] == f"# public key: {recipient}" and lines[-1].startswith("AGE-SECRET-KEY-1")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".coordinator.key")]  # no temp file left
    # It opens what is sent to the vault (the real age program).
    sealed = subprocess.run(["age", "-r", recipient], input=b"a test", capture_output=True, check=True).stdout
    opened = subprocess.run(["age", "-d", "-i", str(key)], input=sealed, capture_output=True, check=True).stdout
    assert opened == b"a test"

    # Never over a file, nor through a link someone left at that name.
    before = key.read_bytes()
    again = coord("keys", "export-age-identity", "--out", str(key))
    assert again.returncode == 1 and key.read_bytes() == before
    assert again.stderr.decode().strip() == (f"tawthiq: {key} exists already: the age identity is never written "
                                            "over a file; choose a new name")
    trap = tmp_path / "shared-folder-link"
    os.symlink(tmp_path / "somewhere" / "public.key", trap)
    assert coord("keys", "export-age-identity", "--out", str(trap)).returncode == 1
    assert not (tmp_path / "somewhere").exists()

    # The audit log records the one export, with the public recipient and nothing secret.
    with Vault.unlock(coord_dir, PASSPHRASE) as vault:
        log = audit.entries(vault.connection())
    exports = [e for e in log if e["action"] == "vault.age_identity_export"]
    assert [e["detail"] for e in exports] == [{"recipient": recipient}]
    assert "AGE-SECRET-KEY" not in json.dumps(log)
