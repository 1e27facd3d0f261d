"""Shared recovery with SLIP-39 word shares (issue 20 item 2).

Any 2 of 3 shares set a new passphrase on the vault (and on a backup, and on the custodian's key
file); 1 share does not; a share with one word changed is refused, naming the share; the audit log
records that shares were made and never the shares; the reference test vectors of SLIP-39
(tests/recovery/slip39_vectors.json, from the shamir-mnemonic repository, MIT) pass through our
own combine().
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from shamir_mnemonic.wordlist import WORDLIST

from app.services.custody import custodian
from app.services.recovery import backup, key_recovery, shares
from storage import audit, keyfile, recovery_slot
from storage.errors import WrongPassphrase
from storage.vault import KEYFILE, Vault
from tests.bundle_support import add_case
from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE, run_tawthiq

VECTORS = Path(__file__).with_name("slip39_vectors.json")
NEW_PASSPHRASE = "quiet river stones beneath the old bridge 2011"


def _changed_word(share: str, position: int = 7) -> str:
    words = share.split()
    index = WORDLIST.index(words[position])
    words[position] = WORDLIST[(index + 1) % len(WORDLIST)]
    return " ".join(words)


@pytest.mark.parametrize("number", range(45))
def test_the_slip39_reference_vectors_pass_through_our_combine(number):
    description, mnemonics, secret_hex, _xprv = json.loads(VECTORS.read_text())[number]
    if secret_hex:
        assert shares.combine(mnemonics, b"TREZOR").hex() == secret_hex, description
    else:
        with pytest.raises(shares.ShareRefused):
            shares.combine(mnemonics, b"TREZOR")


def test_all_reference_vectors_are_there():
    assert len(json.loads(VECTORS.read_text())) == 45


def test_shares_we_make_are_20_words_and_any_2_of_3_give_the_secret_back():
    secret = shares.new_secret()
    made = shares.make(secret, 2, 3)
    assert len(made.shares) == 3 and all(len(s.split()) == 20 for s in made.shares)
    for pair in itertools.permutations(made.shares, 2):
        assert shares.combine(list(pair)) == secret
    assert shares.combine(list(made.shares)) == secret  # all three: two are used
    with pytest.raises(shares.ShareRefused) as refused:
        shares.combine([made.shares[1]])
    assert refused.value.code == "recovery.too_few_shares" and refused.value.exit_code == 4
    with pytest.raises(shares.ShareRefused):
        shares.combine([made.shares[0], made.shares[0]])  # the same share twice is one share


@pytest.mark.parametrize(("threshold", "count"), [(1, 3), (1, 1), (3, 2), (2, 17), (0, 0)])
def test_numbers_that_would_not_share_are_refused(threshold, count):
    with pytest.raises(shares.ShareRefused) as refused:
        shares.make(shares.new_secret(), threshold, count)
    assert refused.value.code == "recovery.bad_numbers"


def test_a_changed_word_a_foreign_word_or_a_missing_word_is_refused_naming_the_share():
    made = shares.make(shares.new_secret(), 2, 3)
    cases = {
        "recovery.share_checksum": [made.shares[0], _changed_word(made.shares[1])],
        "recovery.share_unknown_word": [made.shares[0], made.shares[1].replace(made.shares[1].split()[4], "olivetree")],
        "recovery.share_malformed": [made.shares[0], " ".join(made.shares[1].split()[:-1])],
        "recovery.shares_mismatch": [made.shares[0], shares.make(shares.new_secret(), 2, 3).shares[1]],
    }
    for code, given in cases.items():
        with pytest.raises(shares.ShareRefused) as refused:
            shares.combine(given)
        assert refused.value.code == code
        if "number" in refused.value.values:
            assert refused.value.values["number"] == 2
        assert made.shares[0].split()[5] not in str(refused.value)  # the message never repeats a share


# ---- the vault ------------------------------------------------------------------------------------
def _keyfile_bytes(vault_dir: Path) -> bytes:
    return (vault_dir / KEYFILE).read_bytes()


def test_any_two_of_three_shares_set_a_new_passphrase_and_one_does_not(vault, vault_dir):
    case_id = add_case(vault, "kept")
    made = key_recovery.make_vault_shares(vault, 2, 3)
    entry = audit.entries(vault.connection())[-1]
    assert entry["action"] == "recovery.shares"
    assert entry["detail"] == {"what": "vault", "threshold": 2, "shares": 3, "identifier": made.identifier}
    log_text = json.dumps(audit.entries(vault.connection()))
    assert not any(word in log_text.split() for share in made.shares for word in share.split()[4:])
    vault.lock()
    assert key_recovery.vault_status(vault_dir).threshold == 2
    Vault.unlock(vault_dir, PASSPHRASE).lock()  # the shares changed nothing about the passphrase

    before = _keyfile_bytes(vault_dir)
    for refused_with in ([made.shares[2]], [made.shares[0], _changed_word(made.shares[1])]):
        with pytest.raises(shares.ShareRefused):
            key_recovery.recover_vault(vault_dir, refused_with, NEW_PASSPHRASE)
        assert _keyfile_bytes(vault_dir) == before  # nothing changed

    passphrases = [PASSPHRASE]
    for n, pair in enumerate(itertools.combinations(made.shares, 2)):
        new = f"{NEW_PASSPHRASE} {n}"
        key_recovery.recover_vault(vault_dir, list(pair), new, kdf_params=dict(keyfile.TEST_PARAMS))
        for old in passphrases:
            with pytest.raises(WrongPassphrase):
                Vault.unlock(vault_dir, old)
        passphrases.append(new)
        with Vault.unlock(vault_dir, new) as reopened:
            assert reopened.connection().execute("SELECT title FROM cases WHERE id = ?", (case_id,)).fetchone()
            assert audit.entries(reopened.connection())[-1]["action"] == "vault.recover"
            assert audit.first_break(reopened.connection()) is None


def test_shares_survive_a_passphrase_change_and_new_shares_replace_old_ones(vault, vault_dir):
    old = key_recovery.make_vault_shares(vault, 2, 3)
    vault.change_passphrase(PASSPHRASE, OTHER_PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS))
    assert key_recovery.vault_status(vault_dir) is not None
    new = key_recovery.make_vault_shares(vault, 3, 5)
    vault.lock()
    with pytest.raises(recovery_slot.SharesDoNotOpen):
        key_recovery.recover_vault(vault_dir, list(old.shares[:2]), NEW_PASSPHRASE)
    with pytest.raises(shares.ShareRefused):  # 2 of a 3-of-5 set
        key_recovery.recover_vault(vault_dir, list(new.shares[:2]), NEW_PASSPHRASE)
    key_recovery.recover_vault(vault_dir, list(new.shares[2:]), NEW_PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS))
    Vault.unlock(vault_dir, NEW_PASSPHRASE).lock()


def test_recovery_is_off_until_chosen_and_can_be_turned_off(vault, vault_dir):
    assert key_recovery.vault_status(vault_dir) is None
    made = key_recovery.make_vault_shares(vault, 2, 2)
    assert key_recovery.remove_vault_shares(vault)
    assert audit.entries(vault.connection())[-1]["action"] == "recovery.off"
    vault.lock()
    assert key_recovery.vault_status(vault_dir) is None
    with pytest.raises(recovery_slot.RecoveryNotSetUp):
        key_recovery.recover_vault(vault_dir, list(made.shares), NEW_PASSPHRASE)


def test_a_backup_restores_with_two_shares_under_a_new_passphrase(vault, tmp_path):
    case_id = add_case(vault, "in the backup")
    made = key_recovery.make_vault_shares(vault, 2, 3)
    backup.write_backup(vault, tmp_path / "b.backup")
    assert backup.verify_backup(tmp_path / "b.backup", share_texts=[made.shares[0], made.shares[2]]).cases == 1
    with pytest.raises(shares.ShareRefused):
        backup.restore_backup(tmp_path / "b.backup", tmp_path / "r", share_texts=[made.shares[0]],
                              new_passphrase=NEW_PASSPHRASE)
    assert not (tmp_path / "r").exists()
    report = backup.restore_backup(tmp_path / "b.backup", tmp_path / "r", share_texts=list(made.shares[1:]),
                                   new_passphrase=NEW_PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS))
    assert report.recovered_with_shares
    with Vault.unlock(tmp_path / "r", NEW_PASSPHRASE) as restored:
        assert restored.vault_id == vault.vault_id
        assert restored.connection().execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(tmp_path / "r", PASSPHRASE)
    assert key_recovery.vault_status(tmp_path / "r").identifier == made.identifier  # the slot came along


# ---- the custodian's key file ---------------------------------------------------------------------
def test_the_custodian_key_recovers_with_two_shares_and_stays_the_same_key(coordinator_vault, tmp_path):
    path = tmp_path / "custodian.key"
    key = custodian.create_key(path, PASSPHRASE, "protection officer", params=dict(keyfile.TEST_PARAMS))
    made = key_recovery.make_custodian_shares(coordinator_vault, path, PASSPHRASE, 2, 3)
    entry = audit.entries(coordinator_vault.connection())[-1]
    assert entry["action"] == "recovery.shares" and entry["detail"]["what"] == "custodian key"
    custodian.unlock_key(path, PASSPHRASE)  # still opens with its passphrase
    before = path.read_bytes()
    with pytest.raises(shares.ShareRefused):
        key_recovery.recover_custodian(path, [_changed_word(made.shares[0]), made.shares[1]], NEW_PASSPHRASE)
    assert path.read_bytes() == before
    assert key_recovery.recover_custodian(path, [made.shares[2], made.shares[0]], NEW_PASSPHRASE,
                                          kdf_params=dict(keyfile.TEST_PARAMS)) == key.recipient
    reopened = custodian.unlock_key(path, NEW_PASSPHRASE)
    assert (reopened.age_identity, reopened.link_key) == (key.age_identity, key.link_key)
    with pytest.raises(WrongPassphrase):
        custodian.unlock_key(path, PASSPHRASE)
    assert key_recovery.custodian_status(path).shares == 3


# ---- the command line -----------------------------------------------------------------------------
def test_cli_make_shares_to_files_recover_with_two_and_refuse_one_changed_word(tmp_path, cli_vaults):
    run, folder = cli_vaults("doc", "documenter")
    made = run("recovery", "make", "--threshold", "2", "--shares", "3", "--out-dir", str(tmp_path))
    assert made.returncode == 0, made.stderr
    files = sorted(tmp_path.glob("share-*-of-3.txt"))
    assert len(files) == 3 and all(f.stat().st_mode & 0o077 == 0 for f in files)
    share_lines = [next(line for line in f.read_text().splitlines() if not line.startswith("#")) for f in files]
    status = run("recovery", "status", "--json")
    assert json.loads(status.stdout)["threshold"] == 2
    assert not any(share in made.stdout.decode() for share in share_lines)  # to files, as asked; not also shown

    new_passphrase = tmp_path / "new.txt"
    new_passphrase.write_text(NEW_PASSPHRASE + "\n")
    bad = tmp_path / "bad.txt"
    bad.write_text(f"{share_lines[0]}\n{_changed_word(share_lines[1], 12)}\n")
    before = _keyfile_bytes(folder)
    refused = run_tawthiq("--vault", str(folder), "recovery", "recover", "--shares-file", str(bad),
                          "--new-passphrase-file", str(new_passphrase))
    assert refused.returncode == 4
    assert refused.stderr.decode().strip() == (
        "tawthiq: share 2 has a changed or misspelt word (its checksum does not match): check it word by word; "
        "nothing was recovered")
    one = tmp_path / "one.txt"
    one.write_text(share_lines[2] + "\n")
    refused = run_tawthiq("--vault", str(folder), "recovery", "recover", "--shares-file", str(one),
                          "--new-passphrase-file", str(new_passphrase))
    assert refused.returncode == 4 and b"1 different share(s) given, 2 needed" in refused.stderr
    assert _keyfile_bytes(folder) == before

    good = tmp_path / "good.txt"
    good.write_text(f"# from Amal and Yusuf\n{share_lines[2]}\n\n{share_lines[0].upper()}\n")
    done = run_tawthiq("--vault", str(folder), "recovery", "recover", "--shares-file", str(good),
                       "--new-passphrase-file", str(new_passphrase))
    assert done.returncode == 0, done.stderr
    keys = run_tawthiq("--vault", str(folder), "--passphrase-file", str(new_passphrase), "keys")
    assert keys.returncode == 0
    old = run("keys")
    assert old.returncode == 3
