"""Minisign's public-key and signature file formats, on Ed25519 from `cryptography`.

Files we write are checked by the real `minisign -V`; signatures made by the real `minisign -S`
verify here. The formats (https://jedisct1.github.io/minisign/):

    public key file:  "untrusted comment: <text>\\n" base64("Ed" || key_id[8] || pk[32]) "\\n"
    signature file:   "untrusted comment: <text>\\n" base64(alg[2] || key_id[8] || sig[64]) "\\n"
                      "trusted comment: <text>\\n"   base64(global_sig[64]) "\\n"

`alg` is "Ed" (legacy: the signature covers the message) or "ED" (prehashed: it covers
BLAKE2b-512 of the message; what minisign >= 0.10 writes by default and what we write).
`global_sig` covers sig || trusted comment, so the trusted comment cannot be swapped.
The key id is shown as minisign shows it: the 8 bytes read as a little-endian number, in hex.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from storage.errors import BundleRejected

PUBLIC_KEY_ALG = b"Ed"
LEGACY_ALG = b"Ed"
PREHASHED_ALG = b"ED"
UNTRUSTED = "untrusted comment: "
TRUSTED = "trusted comment: "
MAX_SIGNATURE_FILE = 4096
MAX_COMMENT = 1024


class SignatureInvalid(BundleRejected):
    """A signature or key file is malformed, from another key, or does not verify (exit 4)."""


def key_id_hex(key_id: bytes) -> str:
    """The key id as minisign prints it (little-endian u64, upper-case hex)."""
    return key_id[::-1].hex().upper()


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes  # 8 bytes, as stored in the files
    public_bytes: bytes  # 32 bytes, raw Ed25519

    @property
    def id_hex(self) -> str:
        return key_id_hex(self.key_id)

    def blob(self) -> bytes:
        return PUBLIC_KEY_ALG + self.key_id + self.public_bytes

    def base64(self) -> str:
        """The second line of the public key file; what `minisign -P` takes."""
        return base64.b64encode(self.blob()).decode("ascii")

    def file_text(self) -> str:
        return f"{UNTRUSTED}minisign public key {self.id_hex}\n{self.base64()}\n"

    @classmethod
    def from_private(cls, key: Ed25519PrivateKey, key_id: bytes) -> PublicKey:
        raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return cls(bytes(key_id), raw)

    @classmethod
    def from_base64(cls, text: str) -> PublicKey:
        blob = _b64(text.strip(), "public key")
        if len(blob) != 42 or blob[:2] != PUBLIC_KEY_ALG:
            raise SignatureInvalid("signature.not_ed25519_key")
        return cls(blob[2:10], blob[10:])

    @classmethod
    def parse_file(cls, text: str) -> PublicKey:
        """A public key file, or just its base64 line."""
        lines = [line for line in text.strip().splitlines() if line.strip()]
        if len(lines) == 2 and lines[0].startswith(UNTRUSTED):
            return cls.from_base64(lines[1])
        if len(lines) == 1:
            return cls.from_base64(lines[0])
        raise SignatureInvalid("signature.not_key_file")


@dataclass(frozen=True)
class Signature:
    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str = ""

    def file_text(self) -> str:
        first = base64.b64encode(self.algorithm + self.key_id + self.signature).decode("ascii")
        second = base64.b64encode(self.global_signature).decode("ascii")
        return (f"{UNTRUSTED}{self.untrusted_comment}\n{first}\n"
                f"{TRUSTED}{self.trusted_comment}\n{second}\n")

    @classmethod
    def parse(cls, raw: bytes | str) -> Signature:
        if isinstance(raw, bytes):
            if len(raw) > MAX_SIGNATURE_FILE:
                raise SignatureInvalid("signature.file_too_large")
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise SignatureInvalid("signature.file_not_text") from None
        lines = raw.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        lines = [line.rstrip("\r") for line in lines]
        if len(lines) != 4 or not lines[0].startswith(UNTRUSTED) or not lines[2].startswith(TRUSTED):
            raise SignatureInvalid("signature.not_minisign")
        blob = _b64(lines[1], "signature")
        if len(blob) != 74 or blob[:2] not in (LEGACY_ALG, PREHASHED_ALG):
            raise SignatureInvalid("signature.not_ed25519")
        global_sig = _b64(lines[3], "global signature")
        if len(global_sig) != 64:
            raise SignatureInvalid("signature.comment_malformed")
        return cls(blob[:2], blob[2:10], blob[10:], lines[2][len(TRUSTED):], global_sig,
                   lines[0][len(UNTRUSTED):])

    @property
    def key_id_hex(self) -> str:
        return key_id_hex(self.key_id)


def _b64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureInvalid("signature.not_base64", part=what) from None


def _prehash(message: bytes | Iterable[bytes]) -> bytes:
    h = hashlib.blake2b(digest_size=64)
    if isinstance(message, bytes | bytearray | memoryview):
        h.update(message)
    else:
        for chunk in message:
            h.update(chunk)
    return h.digest()


def sign(message: bytes, key: Ed25519PrivateKey, key_id: bytes, trusted_comment: str,
         untrusted_comment: str = "signature from tawthiq secret key") -> Signature:
    """A prehashed ("ED") signature, as `minisign -S` makes by default."""
    if "\n" in trusted_comment or "\r" in trusted_comment or len(trusted_comment) > MAX_COMMENT:
        raise ValueError("a trusted comment is one short line")
    sig = key.sign(_prehash(message))
    global_sig = key.sign(sig + trusted_comment.encode("utf-8"))
    return Signature(PREHASHED_ALG, bytes(key_id), sig, trusted_comment, global_sig, untrusted_comment)


def verify(message: bytes, signature: Signature, public_key: PublicKey) -> str:
    """Check `signature` over `message` with `public_key`; return the trusted comment or raise."""
    if signature.key_id != public_key.key_id:
        raise SignatureInvalid("signature.wrong_key", key_id=signature.key_id_hex, expected_key_id=public_key.id_hex)
    pk = Ed25519PublicKey.from_public_bytes(public_key.public_bytes)
    signed = _prehash(message) if signature.algorithm == PREHASHED_ALG else message
    try:
        pk.verify(signature.signature, signed)
        pk.verify(signature.global_signature, signature.signature + signature.trusted_comment.encode("utf-8"))
    except InvalidSignature:
        raise SignatureInvalid("signature.does_not_verify", key_id=public_key.id_hex) from None
    return signature.trusted_comment
