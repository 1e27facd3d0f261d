"""The key file's Argon2id parameters are checked on open: never below the floor, never above the top.

The header is the GCM associated data, so changing a parameter without the passphrase only makes
the file fail like a wrong passphrase; with the passphrase (a coerced unlock) an attacker could
rewrap the keys at 8 MiB, t = 1, p = 1 and leave a key file whose passphrase is then guessed tens
of thousands of times a second. Without the passphrase, a header asking for a huge memory or
iteration count would make every unlock attempt run for hours. Both are refused before any key
derivation: exit 1 with one line, nothing counted or changed. The suite's vaults are themselves
below the floor: only the explicit test mode (TAWTHIQ_INSECURE_TEST_KDF=1, set by tests/conftest.py)
opens them, with a warning on stderr each time.
"""

from __future__ import annotations

import base64
import json

import pytest

from app.services.custody import custodian
from app.services.vault import emergency
from storage import keyfile
from storage.errors import CorruptVault
from storage.vault import KEYFILE, Vault
from tests.conftest import PASSPHRASE, snapshot

TEST_MODE_OFF = {keyfile.TEST_KDF_ENV: "0"}


def _cli(tawthiq, vault_dir, passphrase_file, *args, **kw):
    return tawthiq("--vault", str(vault_dir), "--passphrase-file", str(passphrase_file), *args, **kw)


def test_a_key_file_below_the_floor_is_refused_outside_test_mode(vault, vault_dir, passphrase_file, tawthiq):
    """The suite's vault is what the attack leaves: the same keys rewrapped at 8 MiB, t = 1, p = 1."""
    header = keyfile.read_header(vault_dir / KEYFILE)["header"]["kdf"]
    assert {k: header[k] for k in keyfile.TEST_PARAMS} == keyfile.TEST_PARAMS
    emergency.set_wipe_after_failed_unlocks(vault, 3)
    vault.lock()
    before = snapshot(vault_dir)

    r = _cli(tawthiq, vault_dir, passphrase_file, "case", "list", env=TEST_MODE_OFF, raw_stderr=True)

    assert r.returncode == 1, r.stderr  # not 3: the passphrase is right, the file is not acceptable
    [line] = r.stderr.decode().strip().splitlines()
    assert line == ("tawthiq: the key file's key derivation (Argon2id 8 MiB, t = 1, p = 1) is below Tawthiq's "
                    "floor (256 MiB, t = 3, p = 4): its passphrase could be guessed far faster than promised, "
                    "so it was not used")
    assert r.stdout == b""
    assert snapshot(vault_dir) == before and emergency.attempts_left(vault_dir) == 3


def test_in_process_unlock_and_custodian_key_are_refused_outside_test_mode(vault, vault_dir, tmp_path, monkeypatch):
    vault.lock()
    custodian_file = tmp_path / "custodian.key"
    custodian.create_key(custodian_file, PASSPHRASE, params=dict(keyfile.TEST_PARAMS))
    monkeypatch.setenv(keyfile.TEST_KDF_ENV, "0")
    with pytest.raises(keyfile.KdfParametersRefused, match="below Tawthiq's floor"):
        Vault.unlock(vault_dir, PASSPHRASE)
    with pytest.raises(keyfile.KdfParametersRefused, match="custodian key file's key derivation"):
        custodian.unlock_key(custodian_file, PASSPHRASE)
    # Nor is such a file written: a vault, a passphrase change, a custodian key.
    with pytest.raises(keyfile.KdfParametersRefused):
        Vault.create(tmp_path / "weak", PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS))
    assert not (tmp_path / "weak" / KEYFILE).exists()
    with pytest.raises(keyfile.KdfParametersRefused):
        custodian.create_key(tmp_path / "weak.key", PASSPHRASE, params=dict(keyfile.TEST_PARAMS))
    assert issubclass(keyfile.KdfParametersRefused, CorruptVault) and keyfile.KdfParametersRefused.exit_code == 1


@pytest.mark.parametrize("name, change", [
    ("iterations_100", {"iterations": 100}),
    ("lanes_64", {"lanes": 64}),
    ("memory_one_mib_over_the_top", {"memory_kib": keyfile.MAX_MEMORY_KIB + 1024}),
])
def test_a_header_asking_for_more_work_than_tawthiq_sets_is_refused_at_once(
        vault, vault_dir, passphrase_file, tawthiq, name, change):
    """Without the passphrase anyone can edit the header: unlock must not do the work it asks for."""
    emergency.set_wipe_after_failed_unlocks(vault, 3)
    vault.lock()
    doc = json.loads((vault_dir / KEYFILE).read_bytes())
    doc["header"]["kdf"].update(change)
    (vault_dir / KEYFILE).write_text(json.dumps(doc))
    before = snapshot(vault_dir)

    r = _cli(tawthiq, vault_dir, passphrase_file, "case", "list")  # test mode on: the top holds anyway

    assert r.returncode == 1, r.stderr
    [line] = r.stderr.decode().strip().splitlines()
    assert line.startswith("tawthiq: the key file asks for more key-derivation work (") and line.endswith(
        "than Tawthiq ever sets (at most 1024 MiB, t = 16, p = 16): it was not made by Tawthiq, and it was not opened")
    assert snapshot(vault_dir) == before and emergency.attempts_left(vault_dir) == 3


def test_the_test_mode_warns_on_stderr_every_time_it_is_used(vault, vault_dir, passphrase_file, tawthiq, tmp_path):
    vault.lock()
    for _ in range(2):
        r = _cli(tawthiq, vault_dir, passphrase_file, "case", "list", raw_stderr=True)
        assert r.returncode == 0 and r.stderr.decode().splitlines() == [keyfile.TEST_KDF_WARNING]
    # A passphrase change opens the key file to unlock, again to check the old passphrase, then
    # writes the new one: three uses, three warnings.
    new = tmp_path / "new-passphrase"
    new.write_text("seven lanterns over the orontes river\n")
    r = _cli(tawthiq, vault_dir, passphrase_file, "passphrase", "--new-passphrase-file", str(new), raw_stderr=True)
    assert r.returncode == 0 and r.stderr.decode().splitlines() == [keyfile.TEST_KDF_WARNING] * 3


def test_at_the_floor_no_warning_and_the_test_mode_is_not_needed(tmp_path, capfd, monkeypatch):
    """A key file at the floor (what calibration gives at least) opens with the test mode off and says nothing."""
    floor = {"memory_kib": keyfile.FLOOR_MEMORY_KIB, "iterations": keyfile.FLOOR_ITERATIONS, "lanes": keyfile.LANES}
    keys = keyfile.VaultKeys.generate()
    keyfile.write_keyfile(tmp_path / KEYFILE, keys, PASSPHRASE, floor)
    monkeypatch.setenv(keyfile.TEST_KDF_ENV, "0")
    opened, params = keyfile.unlock_keyfile(tmp_path / KEYFILE, PASSPHRASE)
    assert opened.db_key == keys.db_key and params == floor
    assert capfd.readouterr().err == ""


def test_impossible_parameters_in_test_mode_are_one_clear_error(tmp_path):
    keys = keyfile.VaultKeys.generate()
    keyfile.write_keyfile(tmp_path / KEYFILE, keys, PASSPHRASE, dict(keyfile.TEST_PARAMS))
    doc = json.loads((tmp_path / KEYFILE).read_bytes())
    doc["header"]["kdf"]["lanes"] = 0
    (tmp_path / KEYFILE).write_text(json.dumps(doc))
    with pytest.raises(keyfile.KdfParametersRefused, match="impossible"):
        keyfile.unlock_keyfile(tmp_path / KEYFILE, PASSPHRASE)
    assert base64.b64decode(doc["header"]["kdf"]["salt"])  # the rest of the header was left as it was
