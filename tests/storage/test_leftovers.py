"""Promise 4's tidy half: what a kill -9 leaves behind is removed by the next run, and only that.

A killed writer leaves hidden `.partial` temp files and, when an attach or import dies between a
blob's rename and its row's commit, a blob no row names. The next write of the same file, or the
next unlock of the vault, removes them; a live writer's files (another process, another thread)
are never touched. The leftovers here are made by a real child process killed with SIGKILL.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.services.exchange import export, imports
from app.services.intake import cases
from storage import audit
from storage.atomic import atomic_write_bytes, remove_stale_partials
from storage.errors import CorruptVault
from storage.keyfile import TEST_PARAMS
from storage.vault import KEYFILE, Vault
from tests.bundle_support import add_case, enroll, make_vault
from tests.conftest import PASSPHRASE, REPO


@contextmanager
def killed_mid_write(*args: str):
    """Run the leftovers child until its files exist, yield while it is alive, then SIGKILL it."""
    child = subprocess.Popen([sys.executable, "-m", "tests.leftovers_support", *args], cwd=REPO,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        line = child.stdout.readline()
        assert line == b"ready\n", child.stderr.read().decode()[-2000:]
        yield child
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL


def partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_the_next_export_removes_a_killed_exports_temp_file_and_spares_a_live_one(tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="doc")
    enroll(coordinator, documenter)
    add_case(documenter, "one")
    out = tmp_path / "usb" / "to-coordinator.tawthiq"
    out.parent.mkdir()

    with killed_mid_write("export", str(out)):
        [live] = partials(out.parent)
        export.export_bundle(documenter, out, everything=True)  # meanwhile, another export
        assert partials(out.parent) == [live], "a writer that is alive keeps its temp file"
    assert partials(out.parent) == [live]  # killed now: the half bundle is still there

    export.export_bundle(documenter, out, everything=True)
    assert partials(out.parent) == [], "the next export of that file removes the dead one's half"
    assert imports.verify(coordinator, out).records >= 1
    documenter.lock()
    coordinator.lock()


def test_unlock_sweeps_a_killed_processs_leftovers_and_keeps_everything_committed(tmp_path, vault, passphrase_file):
    case_id, _ = cases.save_case(vault, {"form": "killing", "title": "kept"})
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(30_000))
    kept = cases.attach_file(vault, case_id, photo)
    vault.lock()
    blobs = vault.path / "blobs"
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"not the vault's")
    (blobs / f".{'1' * 32}.{'a' * 12}.partial").symlink_to(outside)  # named like ours, but a link
    (blobs / "notes.txt").write_bytes(b"not a blob name")
    before = set(os.listdir(blobs))

    with killed_mid_write("vault", str(vault.path), str(passphrase_file)):
        during = set(os.listdir(blobs))
        orphan = [n for n in during - before if not n.startswith(".")]
        assert len(orphan) == 1 and len(partials(blobs)) == 2 and len(partials(vault.path)) == 1
        with Vault.unlock(vault.path, PASSPHRASE):  # the child has it open: no sweep under it
            assert set(os.listdir(blobs)) == during

    with Vault.unlock(vault.path, PASSPHRASE) as again:
        assert set(os.listdir(blobs)) == before, "the orphan blob and the dead temp files are gone"
        assert partials(vault.path) == [], "so is the half-written key file"
        assert cases.read_attachment(again, kept["id"]) == photo.read_bytes()
        assert cases.get_case(again, case_id)["title"] == "kept"
        [entry] = [e for e in audit.entries(again.connection()) if e["action"] == "vault.cleanup"]
        assert entry["detail"] == {"partials": 2, "orphan_blobs": 1}
        assert audit.verify_chain(again.connection()) > 0
    assert outside.read_bytes() == b"not the vault's"
    with Vault.unlock(vault.path, PASSPHRASE) as third:  # nothing left: no second cleanup entry
        assert [e["action"] for e in audit.entries(third.connection())].count("vault.cleanup") == 1


def test_a_live_writers_temp_file_survives_any_number_of_sweeps(tmp_path):
    """The sweeper may lock a temp file between its creation and its writer's lock; the writer
    must notice and start again under a new name, never lose a write."""
    target = tmp_path / "profile.json"
    done = threading.Event()
    errors: list[BaseException] = []

    def sweep_until_done() -> None:
        while not done.is_set():
            try:
                remove_stale_partials(tmp_path, target.name)
            except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
                errors.append(exc)

    sweeper = threading.Thread(target=sweep_until_done)
    sweeper.start()
    try:
        for i in range(400):
            payload = f"version {i} ".encode() * 200
            atomic_write_bytes(target, payload)
            assert target.read_bytes() == payload
    finally:
        done.set()
        sweeper.join()
    assert errors == []
    assert partials(tmp_path) == []


def test_a_half_written_key_file_leaves_the_key_file_alone_and_is_swept(tmp_path, vault, passphrase_file):
    vault.lock()
    key_before = (vault.path / KEYFILE).read_bytes()
    with killed_mid_write("vault", str(vault.path), str(passphrase_file)):
        pass
    assert (vault.path / KEYFILE).read_bytes() == key_before
    with Vault.unlock(vault.path, PASSPHRASE):
        assert partials(vault.path) == []


def test_a_refused_unlock_lets_go_of_the_vault_folder(tmp_path):
    """A vault from a newer Tawthiq is refused at unlock; the refusal must release the folder's
    flock, or the next unlock in the same process (the GUI's second try) waits for ever."""
    folder = tmp_path / "newer"
    Vault.create(folder, PASSPHRASE, kdf_params=dict(TEST_PARAMS), check_strength=False).lock()
    newer = Vault.unlock(folder, PASSPHRASE)
    newer.connection().execute("PRAGMA user_version = 9999")
    newer.lock()
    with pytest.raises(CorruptVault, match="newer Tawthiq"):
        Vault.unlock(folder, PASSPHRASE)
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError if the refused unlock kept it
    finally:
        os.close(fd)
    with pytest.raises(CorruptVault, match="newer Tawthiq"):
        Vault.unlock(folder, PASSPHRASE)
