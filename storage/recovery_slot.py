"""A second wrapping of a key file's secrets, under the secret that k of n SLIP-39 shares rebuild.

A key file (the vault's, storage.keyfile; the custodian's, app/services/custody/custodian.py) may
carry, beside the passphrase-wrapped keys, a `recovery` object: the same payload sealed with
AES-256-GCM under HKDF-SHA-256 of the recovery secret. The secret itself is never stored: it
exists only while the shares are made or combined (app/services/recovery/shares.py). No Argon2id
here: the secret is 128 random bits, not something a person chose, so guessing it is hopeless
without any slowing down.

The slot's public fields (kind, threshold, share count, the SLIP-39 set identifier, when it was
made) are the associated data, so a changed threshold or identifier fails like a wrong secret.
Wiping the key file destroys the slot with it: shares of a wiped vault open nothing but its backups.
"""

from __future__ import annotations

import base64
import json
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage.errors import TawthiqError, WrongPassphrase

KIND = "slip39"
_INFO = b"tawthiq recovery slot v1"
_PUBLIC = ("kind", "what", "threshold", "shares", "identifier", "created_at")


class RecoveryNotSetUp(TawthiqError):
    pass


class SharesDoNotOpen(WrongPassphrase):
    """Valid shares of another set (or of a set made before the current one): exit 3, like a wrong passphrase."""

    def __init__(self) -> None:
        super().__init__("recovery.shares_do_not_open")


def _kek(secret: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret)


def _aad(slot: dict) -> bytes:
    return json.dumps({k: slot.get(k) for k in _PUBLIC}, sort_keys=True, separators=(",", ":")).encode()


def seal(secret: bytes, payload: bytes, *, what: str, threshold: int, shares: int, identifier: int,
         created_at: str) -> dict:
    slot: dict = {"kind": KIND, "what": what, "threshold": threshold, "shares": shares,
                  "identifier": identifier, "created_at": created_at}
    nonce = secrets.token_bytes(12)
    slot["nonce"] = base64.b64encode(nonce).decode()
    slot["ciphertext"] = base64.b64encode(AESGCM(_kek(secret)).encrypt(nonce, payload, _aad(slot))).decode()
    return slot


def open_slot(slot: object, secret: bytes) -> bytes:
    """The payload, or SharesDoNotOpen; RecoveryNotSetUp when the key file has no slot."""
    if not isinstance(slot, dict) or slot.get("kind") != KIND:
        raise RecoveryNotSetUp("recovery.not_set_up")
    try:
        nonce = base64.b64decode(slot["nonce"])
        ciphertext = base64.b64decode(slot["ciphertext"])
        return AESGCM(_kek(secret)).decrypt(nonce, ciphertext, _aad(slot))
    except (InvalidTag, KeyError, ValueError, TypeError):
        raise SharesDoNotOpen() from None


def describe(slot: object) -> dict | None:
    """The public part (threshold, count, identifier, date) for `recovery status`; None when there is none."""
    if not isinstance(slot, dict) or slot.get("kind") != KIND:
        return None
    return {k: slot.get(k) for k in _PUBLIC}
