"""The hostile bundle corpus through the real `tawthiq verify` and `tawthiq import` of a coordinator.

Each archive is signed with the key of a documenter the coordinator really trusts (enrolled with
the real services) and age-encrypted to the coordinator's real recipient, so it passes the outer
layers and reaches the tar parser and the record checks. Each must exit 4 with one line, leave the
coordinator vault byte-identical, and write nothing in the working or temp folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from app.services.exchange import export
from storage.vault import Vault
from tests.bundle_support import Party, add_case, enroll, make_vault
from tests.conftest import PASSPHRASE, REPO, snapshot, without_test_kdf_warnings
from tests.hostile_corpus import HOSTILE_MEMBERS, HOSTILE_RECORDS, signed_bundle_to

TIME_BOUND_S = 60
# Each case runs two CLI processes: a representative few in the fast suite, the whole corpus in slow.
FAST = {"path_traversal", "symlink_to_etc", "hard_link_outside", "char_device", "duplicate_listed_name",
        "record_nested_100k", "record_nan"}


def _params(names):
    return [pytest.param(n, marks=() if n in FAST else pytest.mark.slow) for n in sorted(names)]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-import")
    coordinator = make_vault(root / "coord", role="coordinator", name="coord")
    documenter = make_vault(root / "doc", name="doc")
    enroll(coordinator, documenter)
    add_case(documenter, "a real case")
    export.export_bundle(documenter, root / "good.tawthiq")
    sender = Party(key=documenter.signing_key, key_id=documenter.signing_key_id)
    recipient = coordinator.age_recipient
    documenter.lock()
    coordinator.lock()
    pass_file = root / "pass"
    pass_file.write_text(PASSPHRASE + "\n")
    return root, sender, recipient, pass_file


def _write_bundle(world, name: str, files: dict[str, bytes], extra=()) -> os.PathLike:
    root, sender, recipient, _ = world
    path = root / f"{name}.tawthiq"
    path.write_bytes(signed_bundle_to(sender, recipient, files, extra))
    return path


def _run(world, *args: str, cwd) -> subprocess.CompletedProcess:
    root, _, _, pass_file = world
    tmp = cwd / "tmp"
    tmp.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(tmp)}
    r = subprocess.run([sys.executable, "-m", "app", "--vault", str(root / "coord"), "--passphrase-file",
                        str(pass_file), *args], capture_output=True, env=env, cwd=cwd, timeout=TIME_BOUND_S)
    r.stderr = without_test_kdf_warnings(r.stderr)
    return r


def _refused_by_cli(world, bundle, tmp_path) -> None:
    root = world[0]
    before = snapshot(root / "coord")
    for command in ("verify", "import"):
        work = tmp_path / command
        work.mkdir()
        started = time.monotonic()
        r = _run(world, command, str(bundle), cwd=work)
        assert time.monotonic() - started < TIME_BOUND_S
        lines = r.stderr.decode().strip().splitlines()
        assert r.returncode == 4, (command, r.returncode, r.stderr[-800:])
        assert len(lines) == 1 and lines[0].startswith("tawthiq: ") and "Traceback" not in lines[0], lines
        assert snapshot(root / "coord") == before, f"{command} changed the coordinator vault"
        leftovers = [p for p in work.rglob("*") if p.name != "tmp"]
        assert leftovers == [], f"{command} wrote {leftovers}"
    assert not os.path.exists("/tmp/tawthiq-escape.json")


def test_control_a_real_bundle_imports(world, tmp_path):
    """The same coordinator, a copy of it, accepts the documenter's real bundle: exit 0."""
    import shutil

    root, _, _, pass_file = world
    shutil.copytree(root / "coord", tmp_path / "coord-copy")
    r = subprocess.run([sys.executable, "-m", "app", "--vault", str(tmp_path / "coord-copy"), "--passphrase-file",
                        str(pass_file), "import", str(root / "good.tawthiq")], capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=REPO, timeout=TIME_BOUND_S)
    assert r.returncode == 0, r.stderr
    with Vault.unlock(tmp_path / "coord-copy", PASSPHRASE) as v:
        assert v.connection().execute("SELECT count(*) FROM cases").fetchone()[0] == 1


@pytest.mark.parametrize("name", _params(HOSTILE_MEMBERS))
def test_hostile_member_via_cli(world, tmp_path, name):
    bundle = _write_bundle(world, name, {"records/a.json": b"{}"}, extra=[HOSTILE_MEMBERS[name]])
    _refused_by_cli(world, bundle, tmp_path)


@pytest.mark.parametrize("name", _params(HOSTILE_RECORDS))
def test_hostile_record_content_via_cli(world, tmp_path, name):
    bundle = _write_bundle(world, name, {"records/a.json": HOSTILE_RECORDS[name]})
    _refused_by_cli(world, bundle, tmp_path)
