"""The wipe never stops half way, and a vault whose parts are links is not opened (issue 14 item 10).

Before: with `keyfile` a symbolic link, unlock worked through it, `wipe --yes` failed with OSError
and left the key file, vault.db and blobs/ intact, and the wipe after N failed unlocks never fired
(attempts 2 and later exit 1). Now unlock refuses a vault whose key file, database or attachments
folder is a link (before asking anything of the passphrase, so nothing is counted), and the wipe:
shreds what a key file link points to when it reads as a Tawthiq key file, removes every other
thing it can, and names in one line what it could not (exit 1; exit 3 after failed unlocks).
A file made immutable (chattr +i) is what even root cannot remove; without that right, a
read-only parent folder plays its part.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from app.services.intake import cases
from app.services.vault import emergency
from storage import wipe
from storage.errors import VaultNotFound
from storage.vault import BLOBS, DATABASE, KEYFILE, Vault
from tests.conftest import PASSPHRASE, snapshot


def _filled(vault: Vault, tmp_path) -> None:
    case_id, _ = cases.save_case(vault, {"form": "kidnapping", "title": "اختطاف"})
    (tmp_path / "photo.jpg").write_bytes(os.urandom(50_000))
    cases.attach_file(vault, case_id, tmp_path / "photo.jpg")
    vault.lock()


def _move_out(vault_dir, name, elsewhere):
    """Put a part of the vault elsewhere and leave a symbolic link in its place."""
    elsewhere.mkdir(exist_ok=True)
    target = elsewhere / name
    shutil.move(str(vault_dir / name), str(target))
    os.symlink(target, vault_dir / name)
    return target


def _cli(tawthiq, vault_dir, *args, passphrase_file=None):
    head = ["--vault", str(vault_dir)] + (["--passphrase-file", str(passphrase_file)] if passphrase_file else [])
    return tawthiq(*head, *args)


def _one_line(r) -> str:
    lines = r.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0], r.stderr
    return lines[0]


def _noise_in(keep, original: bytes) -> None:
    """`keep` is a hard link to the key file's inode: after a wipe it holds random bytes of the same size."""
    shredded = keep.read_bytes()
    assert len(shredded) == len(original) and shredded != original


@pytest.mark.parametrize("part", [KEYFILE, DATABASE, BLOBS])
def test_unlock_refuses_a_vault_whose_part_is_a_link(vault, vault_dir, tmp_path, passphrase_file, tawthiq, part):
    emergency.set_wipe_after_failed_unlocks(vault, 3)
    _filled(vault, tmp_path)
    _move_out(vault_dir, part, tmp_path / "elsewhere")
    before = snapshot(vault_dir), snapshot(tmp_path / "elsewhere")

    r = _cli(tawthiq, vault_dir, "case", "list", passphrase_file=passphrase_file)

    assert r.returncode == 1 and r.stdout == b""
    assert f"({part}) is a symbolic link" in _one_line(r)
    assert (snapshot(vault_dir), snapshot(tmp_path / "elsewhere")) == before
    assert emergency.attempts_left(vault_dir) == 3  # refused before the passphrase: nothing counted


def test_wipe_destroys_the_key_file_a_link_points_to(vault, vault_dir, tmp_path, tawthiq):
    _filled(vault, tmp_path)
    target = _move_out(vault_dir, KEYFILE, tmp_path / "usb-stick")
    keep = tmp_path / "same-inode-as-the-key-file"
    os.link(target, keep)
    original = keep.read_bytes()

    r = _cli(tawthiq, vault_dir, "wipe", "--yes")

    assert r.returncode == 0, r.stderr
    assert "keys destroyed in" in r.stdout.decode()
    assert not vault_dir.exists() and not target.exists()
    _noise_in(keep, original)


def test_wipe_removes_links_to_the_database_and_blobs_and_names_what_they_point_to(vault, vault_dir, tmp_path, tawthiq):
    _filled(vault, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    database, blobs = (_move_out(vault_dir, name, elsewhere) for name in (DATABASE, BLOBS))
    keep = tmp_path / "same-inode-as-the-key-file"
    os.link(vault_dir / KEYFILE, keep)
    original = keep.read_bytes()

    r = _cli(tawthiq, vault_dir, "wipe", "--yes")

    assert r.returncode == 1
    assert "keys destroyed in" in r.stdout.decode()
    line = _one_line(r)
    assert line.startswith("tawthiq: the keys were destroyed, but not everything could be removed: ")
    assert f"{database}: {DATABASE} linked to it" in line and f"{blobs}: {BLOBS} linked to it" in line
    assert not vault_dir.exists()
    _noise_in(keep, original)
    # What the links pointed to is outside the vault folder: named, never deleted by the wipe.
    assert database.exists() and blobs.is_dir()


def test_a_key_file_link_to_something_else_is_not_followed(vault, vault_dir, tmp_path):
    vault.lock()
    letter = tmp_path / "letter.txt"
    letter.write_text("keep me")
    (vault_dir / KEYFILE).unlink()
    os.symlink(letter, vault_dir / KEYFILE)
    with pytest.raises(wipe.WipeIncomplete) as refused:
        wipe.wipe_vault(vault_dir)
    assert refused.value.report.keys_destroyed and "it is not a Tawthiq key file, so it was left alone" in str(
        refused.value)
    assert letter.read_text() == "keep me" and not vault_dir.exists()


def test_wipe_through_a_link_to_the_vault_folder(vault, vault_dir, tmp_path, tawthiq):
    _filled(vault, tmp_path)
    alias = tmp_path / "vault-alias"
    os.symlink(vault_dir, alias)
    r = _cli(tawthiq, alias, "wipe", "--yes")
    assert r.returncode == 0, r.stderr
    assert not vault_dir.exists() and not os.path.lexists(alias)


def test_unreadable_folders_of_ours_are_opened_up_and_removed(vault, vault_dir, tmp_path):
    """A blobs/ (and a folder in it) left without permissions: the wipe gives them back 0700 and removes them."""
    _filled(vault, tmp_path)
    (vault_dir / BLOBS / "sub").mkdir()
    (vault_dir / BLOBS / "sub" / "x").write_bytes(b"x")
    os.chmod(vault_dir / BLOBS / "sub", 0)
    os.chmod(vault_dir / BLOBS, 0)
    report = wipe.wipe_vault(vault_dir)
    assert report.keys_destroyed and report.left == () and not vault_dir.exists()


@pytest.fixture
def stuck(tmp_path):
    """stuck(path): make `path` impossible to remove for this process; undone after the test."""
    undo = []

    def make(path):
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0:
            undo.append(["chattr", "-i", str(path)])
            return str(path.relative_to(path.parents[2]))  # vault/blobs/NAME, as the report names it
        if os.geteuid() == 0:
            pytest.skip("chattr +i is not permitted here, and root removes anything else")
        os.chmod(path.parents[2], 0o500)  # the vault folder's parent: the folder itself cannot go
        undo.append(["chmod", "700", str(path.parents[2])])
        return path.parents[1].name

    yield make
    for command in undo:
        subprocess.run(command, check=True)


def test_wipe_names_what_it_could_not_remove_and_removes_everything_else(vault, vault_dir, tmp_path, tawthiq, stuck):
    _filled(vault, tmp_path)
    [blob] = (vault_dir / BLOBS).iterdir()
    named = stuck(blob)
    keep = tmp_path / "same-inode-as-the-key-file"
    os.link(vault_dir / KEYFILE, keep)
    original = keep.read_bytes()

    r = _cli(tawthiq, vault_dir, "wipe", "--yes")

    assert r.returncode == 1
    line = _one_line(r)
    assert line.startswith("tawthiq: the keys were destroyed, but not everything could be removed: ")
    assert named in line and line.endswith("; delete what is left by hand")
    _noise_in(keep, original)
    assert not (vault_dir / DATABASE).exists() and not (vault_dir / KEYFILE).exists()


def test_the_failed_unlock_limit_wipes_even_when_a_part_cannot_be_removed(
        vault, vault_dir, tmp_path, passphrase_file, tawthiq, stuck):
    emergency.set_wipe_after_failed_unlocks(vault, 2)
    _filled(vault, tmp_path)
    [blob] = (vault_dir / BLOBS).iterdir()
    named = stuck(blob)
    wrong = tmp_path / "wrong"
    wrong.write_text("a coerced guess, not the passphrase\n")

    first = _cli(tawthiq, vault_dir, "case", "list", passphrase_file=wrong)
    assert first.returncode == 3 and emergency.attempts_left(vault_dir) == 1
    last = _cli(tawthiq, vault_dir, "case", "list", passphrase_file=wrong)

    assert last.returncode == 3
    line = _one_line(last)
    assert "the limit set for this vault, and the vault has been wiped, but not everything could be removed" in line
    assert named in line
    assert not (vault_dir / KEYFILE).exists() and not (vault_dir / DATABASE).exists()
    with pytest.raises(VaultNotFound):  # what is left opens nothing
        Vault.unlock(vault_dir, PASSPHRASE)
