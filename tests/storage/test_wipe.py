"""Promise 5: emergency wipe works in seconds, without the passphrase; the failed-unlock limit.

After a wipe nothing of the vault opens with the passphrase: the folder is gone, and the key
file's own disk blocks (kept reachable here through a hard link made before the wipe) hold random
bytes, not the wrapped keys.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest

from app.services.intake import cases
from app.services.vault import emergency
from storage import keyfile, wipe
from storage.errors import CorruptVault, VaultNotFound, WrongPassphrase
from storage.vault import BLOBS, DATABASE, KEYFILE, Vault
from tests.conftest import PASSPHRASE, snapshot

CASE = {"form": "kidnapping", "title": "اختطاف", "narrative": "taken at the checkpoint"}


def _filled(vault: Vault, tmp_path) -> None:
    case_id, _ = cases.save_case(vault, CASE)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(200_000))
    cases.attach_file(vault, case_id, photo)


def test_names_match_the_vault():
    assert (wipe.KEYFILE, wipe.DATABASE) == (KEYFILE, DATABASE)


def test_wipe_shreds_the_key_first_and_leaves_nothing_that_opens(vault, vault_dir, tmp_path):
    _filled(vault, tmp_path)
    # A hard link keeps the key file's inode reachable: after the wipe it must hold noise.
    keep = tmp_path / "same-inode-as-keyfile"
    os.link(vault_dir / KEYFILE, keep)
    original = keep.read_bytes()
    # What a forensic copy of the rest would hold: the database and the attachments.
    leftovers = tmp_path / "copy-without-key"
    shutil.copytree(vault_dir, leftovers)
    (leftovers / KEYFILE).unlink()

    report = emergency.wipe(vault_dir, vault)

    assert vault.locked
    assert not vault_dir.exists()
    with pytest.raises(VaultNotFound):
        Vault.unlock(vault_dir, PASSPHRASE)
    shredded = keep.read_bytes()
    assert len(shredded) == len(original) and shredded != original
    with pytest.raises(CorruptVault):
        keyfile.unlock_keyfile(keep, PASSPHRASE)
    with pytest.raises(VaultNotFound):
        Vault.unlock(leftovers, PASSPHRASE)
    assert report.files_removed >= 3
    assert report.key_destroyed_s < 1.0, "the design promises the keys are gone in under a second"
    assert report.total_s >= report.key_destroyed_s


def test_wipe_refuses_a_folder_that_is_not_a_vault(tmp_path):
    other = tmp_path / "documents"
    other.mkdir()
    (other / "letter.txt").write_text("keep me")
    with pytest.raises(VaultNotFound):
        wipe.wipe_vault(other)
    assert (other / "letter.txt").read_text() == "keep me"


def test_cli_wipe_asks_for_the_word_and_needs_no_passphrase(vault, vault_dir, tmp_path, tawthiq):
    _filled(vault, tmp_path)
    vault.lock()
    before = snapshot(vault_dir)
    refused = tawthiq("--vault", str(vault_dir), "wipe", input=b"wipe\n")
    assert refused.returncode == 1
    assert refused.stderr.decode().strip().splitlines()[-1].startswith("tawthiq: not wiped")
    assert snapshot(vault_dir) == before

    done = tawthiq("--vault", str(vault_dir), "wipe", input=b"WIPE\n")
    assert done.returncode == 0, done.stderr
    assert "keys destroyed in" in done.stdout.decode()
    assert not vault_dir.exists()


def test_cli_wipe_yes_and_missing_vault(vault, vault_dir, tawthiq, tmp_path):
    vault.lock()
    r = tawthiq("--vault", str(vault_dir), "wipe", "--yes")
    assert r.returncode == 0 and not vault_dir.exists()
    again = tawthiq("--vault", str(vault_dir), "wipe", "--yes")
    assert again.returncode == 1
    assert len(again.stderr.decode().strip().splitlines()) == 1


def test_failed_unlock_limit_is_off_by_default(vault, vault_dir):
    vault.lock()
    before = snapshot(vault_dir)
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(vault_dir, "not it at all, not even close")
    assert snapshot(vault_dir) == before
    assert emergency.attempts_left(vault_dir) is None


def test_wipe_after_n_failed_unlocks_via_cli(vault, vault_dir, tmp_path, passphrase_file, tawthiq):
    _filled(vault, tmp_path)
    vault.lock()
    wrong = tmp_path / "wrong"
    wrong.write_text("a coerced guess\n")

    def run(pass_file, *args):
        return tawthiq("--vault", str(vault_dir), "--passphrase-file", str(pass_file), *args)

    assert run(passphrase_file, "wipe", "--after-failed-unlocks", "3").returncode == 0
    guard = json.loads((vault_dir / wipe.GUARD).read_text())
    # The file beside the key file holds the policy and the count, nothing else.
    assert guard == {"version": 1, "wipe_after_failed_unlocks": 3, "failed_unlocks": 0, "neutral_mode": False}
    assert emergency.attempts_left(vault_dir) == 3

    for left in (2, 1):
        assert run(wrong, "case", "list").returncode == 3
        assert emergency.attempts_left(vault_dir) == left
    # A good unlock resets the count.
    assert run(passphrase_file, "case", "list").returncode == 0
    assert emergency.attempts_left(vault_dir) == 3

    for _ in range(2):
        assert run(wrong, "case", "list").returncode == 3
    last = run(wrong, "case", "list")
    assert last.returncode == 3
    assert "has been wiped" in last.stderr.decode()
    assert not vault_dir.exists()
    assert run(passphrase_file, "case", "list").returncode == 1  # no vault any more


def test_limit_off_again_removes_the_guard_file(vault, vault_dir):
    emergency.set_wipe_after_failed_unlocks(vault, 5)
    assert (vault_dir / wipe.GUARD).exists()
    emergency.set_wipe_after_failed_unlocks(vault, None)
    assert not (vault_dir / wipe.GUARD).exists()


@pytest.mark.parametrize("damage", [b"", b"{", b'{"wipe_after_failed_unlocks": 0}', b"\xff" * 10,
                                    b'{"wipe_after_failed_unlocks": 1, "failed_unlocks": "9"}', b"x" * 10_000])
def test_a_damaged_guard_file_never_wipes(vault, vault_dir, damage):
    vault.lock()
    (vault_dir / wipe.GUARD).write_bytes(damage)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, "not it at all, not even close")
    assert (vault_dir / KEYFILE).exists() and (vault_dir / BLOBS).exists()


def test_neutral_mode_title_and_icon(vault, vault_dir):
    assert emergency.window_title(vault_dir) == emergency.APP_TITLE
    emergency.set_neutral_mode(vault, True)
    assert emergency.window_title(vault_dir) == emergency.NEUTRAL_TITLE
    assert emergency.window_icon(vault_dir) == emergency.NEUTRAL_ICON
    assert b"tawthiq" not in emergency.NEUTRAL_TITLE.lower().encode()
    emergency.set_neutral_mode(vault, False)
    assert not (vault_dir / wipe.GUARD).exists()


def test_purge_after_ack_is_off_by_default_and_kept_encrypted(vault):
    assert emergency.purge_after_ack(vault) is False
    emergency.set_purge_after_ack(vault, True)
    assert emergency.purge_after_ack(vault) is True
