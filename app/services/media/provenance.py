"""C2PA provenance of a photo or video (issue 21 item 2), checked offline with c2pa-python.

c2pa-python (the Content Authenticity Initiative's Rust library with Python bindings) reads the
manifest embedded in the file and validates it: the claim signature, the hashes binding it to the
bytes, the signing certificate's profile. Offline: fetching remote manifests and OCSP is switched
off. Trust needs anchors: certificates of signers the organisation trusts (PEM), kept in the
vault's settings (`tawthiq media trust-anchors FILE.pem`); without them a valid manifest's signer is
"untrusted", which is not "invalid".

Outcomes (`status`), each shown differently:
- none: the file carries no C2PA manifest (most files today);
- trusted: valid, signed by a certificate that chains to a trust anchor;
- untrusted: the manifest and its binding to the file are valid, the signer is not known here;
- invalid: the manifest does not match the file, or its signature fails (tampered or broken);
- unreadable: the file or manifest could not be parsed;
- extra_missing: c2pa-python is not installed.
"""

from __future__ import annotations

import importlib.util
import io
import json

from storage.vault import Vault

NONE, TRUSTED, UNTRUSTED, INVALID, UNREADABLE, EXTRA_MISSING = (
    "none", "trusted", "untrusted", "invalid", "unreadable", "extra_missing")
STATUSES = (NONE, TRUSTED, UNTRUSTED, INVALID, UNREADABLE, EXTRA_MISSING)
TRUST_ANCHORS = "media.c2pa_trust_anchors"
MAX_TEXT = 200
MAX_ANCHORS = 1 << 20
MIME = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG": "image/png"}


def installed() -> bool:
    return importlib.util.find_spec("c2pa") is not None


def _text(value: object) -> str:
    return "".join(c for c in str(value) if c.isprintable())[:MAX_TEXT] if value is not None else ""


def _format(data: bytes) -> str | None:
    for magic, mime in MIME.items():
        if data.startswith(magic):
            return mime
    if data[4:8] == b"ftyp":
        return "video/mp4"
    return None


def check(data: bytes, trust_anchors: str | None = None) -> dict:
    """{"status", "signer", "issuer", "claim_generator", "actions", "failures"} for the bytes."""
    if not installed():
        return {"status": EXTRA_MISSING}
    fmt = _format(data)
    if fmt is None:
        return {"status": NONE}
    import c2pa

    settings: dict = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False}}
    if trust_anchors:
        settings["trust"] = {"trust_anchors": trust_anchors}
    try:
        context = c2pa.Context(c2pa.Settings.from_dict(settings))
        reader = c2pa.Reader.try_create(fmt, io.BytesIO(data), None, context)
        if reader is None:
            return {"status": NONE}
        with reader:
            state = reader.get_validation_state()
            results = reader.get_validation_results() or {}
            store = json.loads(reader.json())
    except Exception:  # noqa: BLE001 - the native library raises its own error types on hostile input
        return {"status": UNREADABLE}
    active = (store.get("manifests") or {}).get(store.get("active_manifest") or "", {})
    failures = [f.get("code") for f in (results.get("activeManifest") or {}).get("failure", [])
                if isinstance(f, dict)]
    if state == "Trusted":
        status = TRUSTED
    elif state == "Valid":
        status = UNTRUSTED
    else:
        status = INVALID
    signature = active.get("signature_info") or {}
    generators = active.get("claim_generator_info") or []
    generator = " ".join(_text(g.get(k)) for g in generators[:1] if isinstance(g, dict) for k in ("name", "version")
                         if g.get(k))
    actions = []
    for assertion in active.get("assertions") or []:
        if isinstance(assertion, dict) and str(assertion.get("label", "")).startswith("c2pa.actions"):
            for action in (assertion.get("data") or {}).get("actions") or []:
                if isinstance(action, dict) and action.get("action"):
                    actions.append(_text(action["action"]))
    return {"status": status, "signer": _text(signature.get("common_name")), "issuer": _text(signature.get("issuer")),
            "claim_generator": generator or _text(active.get("claim_generator")), "actions": actions[:20],
            "failures": sorted({_text(f) for f in failures if f})[:20]}


def trust_anchors(vault: Vault) -> str | None:
    return vault.setting(TRUST_ANCHORS)


def set_trust_anchors(vault: Vault, pem: bytes) -> int:
    """Keep the organisation's C2PA trust anchors (PEM certificates); returns how many."""
    from cryptography import x509

    from storage import audit
    from storage.database import transaction
    from storage.errors import TawthiqError

    if len(pem) > MAX_ANCHORS:
        raise TawthiqError("media.trust_anchors_unreadable")
    try:
        text = pem.decode("ascii")
        certificates = x509.load_pem_x509_certificates(pem)
    except ValueError:  # UnicodeDecodeError is one
        raise TawthiqError("media.trust_anchors_unreadable") from None
    conn = vault.connection()
    with transaction(conn):
        vault.set_setting(TRUST_ANCHORS, text)
        audit.record(conn, "media.trust_anchors", "", certificates=len(certificates))
    return len(certificates)


def store(conn, attachment_id: str, result: dict) -> None:
    conn.execute("INSERT OR IGNORE INTO attachment_provenance (attachment_id, result) VALUES (?, ?)",
                 (attachment_id, json.dumps(result, ensure_ascii=False, sort_keys=True)))


def stored(conn, attachment_id: str) -> dict | None:
    row = conn.execute("SELECT result FROM attachment_provenance WHERE attachment_id = ?", (attachment_id,)).fetchone()
    return json.loads(row[0]) if row else None
