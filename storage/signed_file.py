"""Small signed JSON documents (organisation profile, documenter identity, acknowledgement).

    {"format": "tawthiq-signed", "kind": KIND, "document": "<JSON text>", "minisig": "<minisign signature>"}

The signature covers the exact UTF-8 bytes of `document`, so no canonical JSON is needed to check
it in another language; the document names its kind again, so a signed profile cannot pass as an
acknowledgement.
"""

from __future__ import annotations

import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from storage import minisign
from storage.errors import BundleRejected, TawthiqError

FORMAT = "tawthiq-signed"
MAX_SIZE = 8 << 20


def seal(kind: str, document: dict, key: Ed25519PrivateKey, key_id: bytes) -> bytes:
    text = json.dumps({**document, "kind": kind}, ensure_ascii=False, sort_keys=True)
    sig = minisign.sign(text.encode("utf-8"), key, key_id, f"tawthiq {kind}")
    envelope = {"format": FORMAT, "kind": kind, "document": text, "minisig": sig.file_text()}
    return (json.dumps(envelope, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def open_signed(raw: bytes, kind: str, signer: minisign.PublicKey | None = None) -> tuple[dict, minisign.PublicKey]:
    """Check and parse. With `signer` None the document must carry its own key in
    `signing_key.public_key` (self-signed: proves possession; trust comes from the fingerprint)."""
    if len(raw) > MAX_SIZE:
        raise TawthiqError("signed_file.too_large", kind=kind)
    try:
        envelope = json.loads(raw.decode("utf-8"))
        if envelope.get("format") != FORMAT or envelope.get("kind") != kind:
            raise ValueError
        text = envelope["document"]
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("kind") != kind:
            raise ValueError
        signature = minisign.Signature.parse(envelope["minisig"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise BundleRejected("signed_file.not_signed_file", kind=kind) from None
    if signer is None:
        try:
            signer = minisign.PublicKey.from_base64(document["signing_key"]["public_key"])
        except (KeyError, TypeError, AttributeError):
            raise BundleRejected("signed_file.no_signing_key", kind=kind) from None
    minisign.verify(text.encode("utf-8"), signature, signer)
    return document, signer
