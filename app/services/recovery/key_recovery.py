"""Shared recovery of a key file: make k-of-n SLIP-39 shares of it, and set a new passphrase from k.

Off until chosen (docs/threat-model.md section 2.7): a vault or custodian key file has no recovery
slot until its owner makes shares, and making them again replaces the slot, so the old shares open
nothing made from then on (backups made before keep the slot they carried).

- The vault's key file (a documenter's, or a coordinator's: its age identity and signing key are
  the coordinator's keys): `make_vault_shares`, `recover_vault`.
- The custodian's key file: `make_custodian_shares`, `recover_custodian`.

The shares are returned to the caller and never written here; the audit log records that shares
were made (what, k, n, the set's public identifier), never the shares.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.services.recovery import shares as slip39
from storage import audit, keyfile, recovery_slot
from storage.database import transaction
from storage.errors import VaultNotFound
from storage.passphrase import check_new_passphrase
from storage.vault import KEYFILE, Vault, check_layout, vault_exists


@dataclass(frozen=True)
class RecoveryStatus:
    threshold: int
    shares: int
    identifier: int
    created_at: str

    def to_json(self) -> dict:
        return dict(self.__dict__)


def _status(slot: object) -> RecoveryStatus | None:
    public = recovery_slot.describe(slot)
    if public is None:
        return None
    return RecoveryStatus(int(public["threshold"]), int(public["shares"]), int(public["identifier"]),
                          str(public["created_at"]))


def _new_slot(payload: bytes, what: str, threshold: int, count: int) -> tuple[slip39.ShareSet, dict]:
    secret = slip39.new_secret()
    made = slip39.make(secret, threshold, count)
    slot = recovery_slot.seal(secret, payload, what=what, threshold=threshold, shares=count,
                              identifier=made.identifier, created_at=audit.now_iso())
    return made, slot


# ---- the vault ----------------------------------------------------------------------------------
def vault_status(vault_dir: Path) -> RecoveryStatus | None:
    return _status(keyfile.read_header(Path(vault_dir) / KEYFILE).get("recovery"))


def make_vault_shares(vault: Vault, threshold: int, count: int) -> slip39.ShareSet:
    """Shares of this (unlocked) vault's keys; the key file gets the new slot, nothing else changes."""
    slip39.check_numbers(threshold, count)
    path = vault.path / KEYFILE
    doc = keyfile.read_header(path)
    made, slot = _new_slot(vault.keys.to_json(), "vault", threshold, count)
    conn = vault.connection()
    with transaction(conn):
        audit.record(conn, "recovery.shares", what="vault", threshold=threshold, shares=count,
                     identifier=made.identifier)
        keyfile.write_document(path, {**doc, "recovery": slot})
    return made


def remove_vault_shares(vault: Vault) -> bool:
    """Drop the recovery slot (shares made so far open nothing from now on); False if there was none."""
    path = vault.path / KEYFILE
    doc = keyfile.read_header(path)
    if "recovery" not in doc:
        return False
    conn = vault.connection()
    with transaction(conn):
        audit.record(conn, "recovery.off", what="vault")
        keyfile.write_document(path, {k: v for k, v in doc.items() if k != "recovery"})
    return True


def keys_from_shares(doc: dict, share_texts: list[str]) -> keyfile.VaultKeys:
    """The vault keys a key file object's recovery slot holds, opened with k shares."""
    slot = doc.get("recovery")
    if recovery_slot.describe(slot) is None:
        raise recovery_slot.RecoveryNotSetUp("recovery.not_set_up")
    secret = slip39.combine(share_texts)
    return keyfile.VaultKeys.from_json(recovery_slot.open_slot(slot, secret))


def recover_vault(vault_dir: Path, share_texts: list[str], new_passphrase: str,
                  kdf_params: dict | None = None) -> None:
    """Set a new passphrase on the vault in `vault_dir` from k shares; the recovery slot stays.

    Only the key file changes (rewritten atomically), as with a passphrase change; the vault is
    then opened with the new passphrase to record `vault.recover` in its audit log.
    """
    vault_dir = Path(vault_dir)
    if not vault_exists(vault_dir):
        raise VaultNotFound("vault.not_found", folder=vault_dir)
    check_layout(vault_dir)
    doc = keyfile.read_header(vault_dir / KEYFILE)
    keys = keys_from_shares(doc, share_texts)
    check_new_passphrase(new_passphrase)
    params = kdf_params or keyfile.default_params()
    keyfile.write_keyfile(vault_dir / KEYFILE, keys, new_passphrase, params, recovery=doc["recovery"])
    vault = Vault.unlock(vault_dir, new_passphrase)
    try:
        conn = vault.connection()
        with transaction(conn):
            audit.record(conn, "vault.recover", identifier=doc["recovery"].get("identifier"))
    finally:
        vault.lock()


# ---- the custodian's key file --------------------------------------------------------------------
def custodian_status(path: Path) -> RecoveryStatus | None:
    from app.services.custody import custodian

    return _status(custodian.read_document(path).get("recovery"))


def make_custodian_shares(vault: Vault, path: Path, passphrase: str, threshold: int,
                          count: int) -> slip39.ShareSet:
    """Shares of the custodian key in `path` (its passphrase proves the right to make them);
    audited in the coordinator vault the custodian works in."""
    from app.services.custody import custodian

    slip39.check_numbers(threshold, count)
    key = custodian.unlock_key(path, passphrase)
    doc = custodian.read_document(path)
    made, slot = _new_slot(custodian.payload_of(key), "custodian", threshold, count)
    conn = vault.connection()
    with transaction(conn):
        audit.record(conn, "recovery.shares", what="custodian key", key=key.fingerprint, threshold=threshold,
                     shares=count, identifier=made.identifier)
        custodian.write_document(path, {**doc, "recovery": slot})
    return made


def recover_custodian(path: Path, share_texts: list[str], new_passphrase: str,
                      kdf_params: dict | None = None) -> str:
    """Set a new passphrase on the custodian key file from k shares; returns its recipient."""
    from app.services.custody import custodian

    doc = custodian.read_document(path)
    slot = doc.get("recovery")
    if recovery_slot.describe(slot) is None:
        raise recovery_slot.RecoveryNotSetUp("recovery.not_set_up")
    key = custodian.key_from_payload(recovery_slot.open_slot(slot, slip39.combine(share_texts)))
    if key.recipient != doc["header"]["recipient"]:
        raise recovery_slot.SharesDoNotOpen()
    check_new_passphrase(new_passphrase)
    custodian.write_key(path, key, new_passphrase, kdf_params, recovery=slot)
    return key.recipient

