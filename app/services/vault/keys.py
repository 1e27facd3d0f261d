"""A vault's public keys and the fingerprint people compare out of band.

The fingerprint is 12 groups of 5 decimal digits: digits read aloud equally well in Arabic and
English, and 60 digits (about 199 bits) of SHA-256 over the minisign public key (algorithm, key
id and key), so the same key id with a different key has a different fingerprint.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from storage import audit, minisign
from storage.atomic import create_private_file
from storage.database import transaction
from storage.errors import TawthiqError, UsageError
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
        raise UsageError("keys.fingerprint_shape", groups=GROUPS, digits=GROUP_DIGITS)
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


# ---- the vault's age identity, exported on purpose ----------------------------------------------
AGE_IDENTITY_WARNING = (
    "{path} decrypts every bundle sent to this vault and every attachment stored in it: whoever copies "
    "it can read them. Keep it on this machine, use it for the check, then delete it"
)


def age_identity_file_text(vault: Vault) -> str:
    """The identity in age-keygen's file format, which `age -d -i FILE` reads (lines with # are comments)."""
    return (f"# created: {audit.now_iso()}\n"
            f"# public key: {vault.age_recipient}\n"
            "# Tawthiq vault age identity: decrypts every bundle sent to this vault and its attachments\n"
            f"{vault.keys.age_identity}\n")


def export_age_identity(vault: Vault, path: Path) -> None:
    """Write the vault's secret age identity to a new file `path` (0600, atomic, never over a file), audited.

    Only on request (`tawthiq keys export-age-identity`, after the passphrase): it is what lets a
    coordinator check a bundle with the stock `age` program (docs/bundle-format.md), and it decrypts
    everything sent to this vault. The audit entry names the public recipient, never the file's path.
    """
    path = Path(path)
    conn = vault.connection()
    written = False
    try:
        with transaction(conn):
            audit.record(conn, "vault.age_identity_export", recipient=vault.age_recipient)
            create_private_file(path, age_identity_file_text(vault).encode("ascii"))
            written = True
    except FileExistsError:
        raise TawthiqError("keys.age_identity_exists", path=path) from None
    except OSError as exc:
        raise TawthiqError("keys.age_identity_not_written", path=path,
                           reason=(exc.strerror or type(exc).__name__).lower()) from None
    except BaseException:
        if written:  # the audit entry did not commit: the file must not outlive it
            path.unlink(missing_ok=True)
        raise
