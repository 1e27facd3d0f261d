"""Coordinator key rotation and the handover documenters accept it through (issue 20 item 3).

`rotate_coordinator_keys` gives a coordinator vault a new signing key and a new age identity. The
old ones are kept in the key file as retired (storage.keyfile.VaultKeys.retired): bundles that
documenters encrypted to the old recipient, attachments stored before, and local witness copies
stay readable; nothing is signed or encrypted with them again. It returns a **handover**: a signed
file (storage.signed_file, kind "handover") naming the old key, the new key, its fingerprint and
the new recipient, **signed by the old key**.

A documenter's `profile import` refuses a profile signed by another coordinator key than the one
imported before (an impostor's, maybe), unless either the handover comes with it, verified against
the key the documenter already trusts (`--handover FILE`: no new fingerprint call needed), or the
documenter checked the new key's fingerprint out of band again (`--fingerprint DIGITS
--new-coordinator-key`). A handover that is not signed by the imported key, or names another new
key than the profile's, is refused (exit 4) and nothing changes. From that import on, the
documenter's bundles are encrypted to the new recipient.

A second coordinator recipient in the profile (`profile export --recipient AGE1…`) is the
succession plan that needs no rotation at all: bundles are encrypted to both coordinators, so
either can read them if the other is lost (docs/backup.md).
"""

from __future__ import annotations

import dataclasses
import secrets
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.services.vault import keys
from storage import audit, keyfile, minisign, signed_file
from storage.database import transaction
from storage.errors import BundleRejected, TawthiqError
from storage.vault import KEYFILE, Vault

HANDOVER = "handover"
VERSION = 1
LAST_HANDOVER_SETTING = "keys.last_handover"


def _key_entry(key: minisign.PublicKey) -> dict:
    return {"key_id": key.id_hex, "public_key": key.base64()}


def rotate_coordinator_keys(vault: Vault, passphrase: str, kdf_params: dict | None = None) -> bytes:
    """New keys for this coordinator vault (the old ones retired, kept); returns the signed handover.

    The key file is rewritten under the same passphrase (checked first). A recovery slot made
    before holds the old keys only, so it is removed: make shares again afterwards.
    """
    if vault.role != "coordinator":
        raise TawthiqError("coordinator.only", what="rotating the coordinator's keys")
    keyfile.unlock_keyfile(vault.path / KEYFILE, passphrase)  # WrongPassphrase before anything changes
    old = vault.keys
    old_public = keys.public_key(vault)
    retired = {"age_identity": old.age_identity, "signing_seed": old.signing_seed.hex(),
               "signing_key_id": old.signing_key_id.hex(), "retired_at": audit.now_iso()}
    new = dataclasses.replace(old, age_identity=str(pyrage.x25519.Identity.generate()),
                              signing_seed=secrets.token_bytes(32), signing_key_id=secrets.token_bytes(8),
                              retired=[retired, *old.retired])
    new_public = minisign.PublicKey.from_private(Ed25519PrivateKey.from_private_bytes(new.signing_seed),
                                                 new.signing_key_id)
    new_recipient = str(pyrage.x25519.Identity.from_str(new.age_identity).to_public())
    document = {"version": VERSION, "created_at": audit.now_iso(), "organisation": vault.name,
                "old_key": _key_entry(old_public), "new_key": _key_entry(new_public),
                "new_fingerprint": keys.fingerprint(new_public), "new_recipients": [new_recipient]}
    handover = signed_file.seal(HANDOVER, document, vault.signing_key, vault.signing_key_id)
    had_recovery = "recovery" in keyfile.read_header(vault.path / KEYFILE)
    conn = vault.connection()
    with transaction(conn):
        audit.record(conn, "keys.rotate", new_public.id_hex, old_key_id=old_public.id_hex,
                     recovery_removed=had_recovery)
        vault.set_setting(LAST_HANDOVER_SETTING, handover.decode("utf-8"))
        # Last inside the transaction: if writing the key file fails, the audit entry rolls back.
        keyfile.write_keyfile(vault.path / KEYFILE, new, passphrase, kdf_params or keyfile.default_params())
    vault.adopt_keys(new)
    return handover


def last_handover(vault: Vault) -> bytes:
    text = vault.setting(LAST_HANDOVER_SETTING)
    if not text:
        raise TawthiqError("handover.none")
    return text.encode("utf-8")


@dataclasses.dataclass(frozen=True)
class Handover:
    old_key: minisign.PublicKey
    new_key: minisign.PublicKey
    new_recipients: list[str]


def read_handover(raw: bytes, imported_key: minisign.PublicKey) -> Handover:
    """A handover signed by `imported_key` (the coordinator key the documenter trusts); BundleRejected
    (exit 4) for anything else: not a signed file, signed by another key, or malformed."""
    document, _signer = signed_file.open_signed(raw, HANDOVER, signer=imported_key)
    try:
        old = minisign.PublicKey.from_base64(document["old_key"]["public_key"])
        new = minisign.PublicKey.from_base64(document["new_key"]["public_key"])
        recipients = document["new_recipients"]
        if not isinstance(recipients, list) or not recipients:
            raise ValueError
        for r in recipients:
            pyrage.x25519.Recipient.from_str(r)
    except (KeyError, TypeError, ValueError, AttributeError, pyrage.RecipientError):
        raise BundleRejected("handover.malformed") from None
    if old != imported_key:
        raise BundleRejected("handover.malformed")
    return Handover(old, new, list(recipients))


def write_handover(path: Path, raw: bytes) -> None:
    from storage.atomic import atomic_write_bytes

    atomic_write_bytes(Path(path), raw)
