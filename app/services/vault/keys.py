"""A vault's public keys and the fingerprint people compare out of band.

The fingerprint is 12 groups of 5 decimal digits: digits read aloud equally well in Arabic and
English, and 60 digits (about 199 bits) of SHA-256 over the minisign public key (algorithm, key
id and key), so the same key id with a different key has a different fingerprint.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from storage import minisign
from storage.errors import UsageError
from storage.vault import Vault

GROUPS = 12
GROUP_DIGITS = 5
QR_PREFIX = "TAWTHIQ-KEY:1"
_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def public_key(vault: Vault) -> minisign.PublicKey:
    return minisign.PublicKey.from_private(vault.signing_key, vault.signing_key_id)


def fingerprint_digits(key: minisign.PublicKey) -> str:
    """60 digits, no separators."""
    number = int.from_bytes(hashlib.sha256(key.blob()).digest(), "big")
    return str(number % 10 ** (GROUPS * GROUP_DIGITS)).zfill(GROUPS * GROUP_DIGITS)


def format_fingerprint(digits: str) -> str:
    return " ".join(digits[i:i + GROUP_DIGITS] for i in range(0, len(digits), GROUP_DIGITS))


def fingerprint(key: minisign.PublicKey) -> str:
    """"12345 67890 …": what `keys` prints and people read to each other."""
    return format_fingerprint(fingerprint_digits(key))


def normalise_fingerprint(text: str) -> str:
    """Accept what a person types: spaces, dashes, Arabic-Indic digits; raise on anything else."""
    digits = re.sub(r"[\s\-_.:]", "", text.translate(_ARABIC_INDIC))
    if not digits.isascii() or not digits.isdigit() or len(digits) != GROUPS * GROUP_DIGITS:
        raise UsageError(f"usage: a fingerprint is {GROUPS} groups of {GROUP_DIGITS} digits")
    return digits


def fingerprint_matches(key: minisign.PublicKey, typed: str) -> bool:
    """Whether what a person typed (normalised as above; malformed raises) is `key`'s fingerprint."""
    return normalise_fingerprint(typed) == fingerprint_digits(key)


def qr_payload(key: minisign.PublicKey) -> str:
    """What the GUI encodes as a QR code (segno): key id, key and fingerprint digits."""
    return f"{QR_PREFIX}:{key.id_hex}:{key.base64()}:{fingerprint_digits(key)}"


@dataclass(frozen=True)
class VaultKeysInfo:
    role: str
    name: str
    key_id: str
    minisign_public_key: str  # the public key file's text
    age_recipient: str
    fingerprint: str
    qr_payload: str

    def to_json(self) -> dict:
        return dict(self.__dict__)


def describe(vault: Vault) -> VaultKeysInfo:
    key = public_key(vault)
    return VaultKeysInfo(
        role=vault.role,
        name=vault.name,
        key_id=key.id_hex,
        minisign_public_key=key.file_text(),
        age_recipient=vault.age_recipient,
        fingerprint=fingerprint(key),
        qr_payload=qr_payload(key),
    )
