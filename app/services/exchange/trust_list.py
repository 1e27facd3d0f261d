"""The coordinator's trust list: documenters' signed identities, trusted, revoked, reinstated.

A documenter exports an identity file (their signing key and age recipient, self-signed); the
coordinator trusts it after comparing its fingerprint with the one read out of band
(app.services.exchange.organisation_profile.confirm_fingerprint). Bundle import accepts only keys
on this list that are not revoked; a revoked key stays refused under any key id until it is
reinstated on purpose.
"""

from __future__ import annotations

from app.services import changes
from app.services.exchange.organisation_profile import (
    VERSION,
    Candidate,
    FingerprintMismatch,
    require_coordinator,
    signing_key_entry,
)
from app.services.vault import keys
from storage import audit, minisign, signed_file
from storage.database import transaction
from storage.errors import BundleRejected, TawthiqError
from storage.vault import Vault

IDENTITY = "tawthiq.identity"


class KeyIdClash(BundleRejected):
    pass


def export_identity(vault: Vault) -> bytes:
    document = {
        "version": VERSION,
        "name": vault.name,
        "role": vault.role,
        "created_at": audit.now_iso(),
        "signing_key": signing_key_entry(vault),
        "age_recipient": vault.age_recipient,
    }
    return signed_file.seal(IDENTITY, document, vault.signing_key, vault.signing_key_id)


def read_identity(raw: bytes) -> Candidate:
    document, signer = signed_file.open_signed(raw, IDENTITY)
    if not isinstance(document.get("name", ""), str) or not isinstance(document.get("age_recipient", ""), str):
        raise BundleRejected("identity.malformed")
    return Candidate(document, signer, raw)


class TrustRevoked(BundleRejected):
    """An identity whose key was revoked: trust is not given back by importing the file again."""


def _revocation(conn, key: minisign.PublicKey) -> tuple[str, str] | None:
    """(key id, revoked at) of a revoked entry holding this Ed25519 key, under any key id: the
    key id is only a label its holder chooses, so a stolen key must not return under a new one."""
    for key_id, public_key, revoked_at in conn.execute(
        "SELECT key_id, public_key, revoked_at FROM trusted_documenters WHERE revoked_at IS NOT NULL"
    ):
        if minisign.PublicKey.from_base64(public_key).public_bytes == key.public_bytes:
            return key_id, revoked_at
    return None


def trust(vault: Vault, candidate: Candidate) -> dict:
    """Trust a documenter's key (fingerprint already confirmed by the caller); never a revoked one."""
    require_coordinator(vault, "trusting a documenter")
    key = candidate.signer
    if key == keys.public_key(vault):
        raise TawthiqError("trust.own_key")
    conn = vault.connection()
    with transaction(conn):
        revoked = _revocation(conn, key)
        if revoked is not None:
            key_id, revoked_at = revoked
            raise TrustRevoked("trust.revoked", key_id=key_id, revoked_on=revoked_at[:10])
        row = conn.execute("SELECT public_key FROM trusted_documenters WHERE key_id = ?", (key.id_hex,)).fetchone()
        if row is not None and row[0] != key.base64():
            raise KeyIdClash("trust.key_id_clash", key_id=key.id_hex)
        name = str(candidate.document.get("name", ""))[:200]
        recipient = str(candidate.document.get("age_recipient", ""))[:200]
        if row is None:
            conn.execute(
                "INSERT INTO trusted_documenters (key_id, public_key, name, age_recipient, trusted_at) "
                "VALUES (?,?,?,?,?)",
                (key.id_hex, key.base64(), name, recipient, audit.now_iso()),
            )
        else:  # trusted already (not revoked: checked above): a newer identity file's name and recipient
            conn.execute(
                "UPDATE trusted_documenters SET name = ?, age_recipient = ? WHERE key_id = ?",
                (name, recipient, key.id_hex),
            )
        audit.record(conn, "trust.add", key.id_hex)
    changes.publish(vault, changes.DOCUMENTERS)
    return {"key_id": key.id_hex, "name": name, "fingerprint": keys.fingerprint(key)}


def revoked_key(vault: Vault, key_id: str) -> minisign.PublicKey:
    """The revoked key with that id (for the fingerprint check before `reinstate`)."""
    require_coordinator(vault, "reinstating trust")
    row = vault.connection().execute(
        "SELECT public_key FROM trusted_documenters WHERE key_id = ? AND revoked_at IS NOT NULL",
        (key_id.strip().upper(),),
    ).fetchone()
    if row is None:
        raise TawthiqError("trust.no_revoked_key")
    return minisign.PublicKey.from_base64(row[0])


def reinstate(vault: Vault, key_id: str, typed_fingerprint: str) -> dict:
    """Undo a revocation on purpose (a key revoked by mistake): the coordinator types the key's
    fingerprint again, and the audit log keeps `trust.reinstate`. Bundles refused meanwhile can be
    imported again afterwards."""
    key = revoked_key(vault, key_id)
    if not keys.fingerprint_matches(key, typed_fingerprint):
        raise FingerprintMismatch("trust.fingerprint_mismatch_revoked")
    conn = vault.connection()
    with transaction(conn):
        conn.execute("UPDATE trusted_documenters SET revoked_at = NULL WHERE key_id = ? AND revoked_at IS NOT NULL",
                     (key.id_hex,))
        audit.record(conn, "trust.reinstate", key.id_hex)
    changes.publish(vault, changes.DOCUMENTERS)
    return {"key_id": key.id_hex, "fingerprint": keys.fingerprint(key)}


def revoke(vault: Vault, key_id: str) -> None:
    require_coordinator(vault, "revoking trust")
    conn = vault.connection()
    with transaction(conn):
        cur = conn.execute(
            "UPDATE trusted_documenters SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
            (audit.now_iso(), key_id.strip().upper()),
        )
        if cur.rowcount == 0:
            raise TawthiqError("trust.no_trusted_key")
        audit.record(conn, "trust.revoke", key_id.strip().upper())
    changes.publish(vault, changes.DOCUMENTERS)


def list_trusted(vault: Vault) -> list[dict]:
    rows = vault.connection().execute(
        "SELECT key_id, public_key, name, age_recipient, trusted_at, revoked_at FROM trusted_documenters "
        "ORDER BY trusted_at"
    ).fetchall()
    out = []
    for key_id, public_key, name, recipient, trusted_at, revoked_at in rows:
        out.append({
            "key_id": key_id, "name": name, "age_recipient": recipient, "trusted_at": trusted_at,
            "revoked_at": revoked_at,
            "fingerprint": keys.fingerprint(minisign.PublicKey.from_base64(public_key)),
        })
    return out


def documenter_names(vault: Vault) -> dict[str, str]:
    """Each documenter key id this vault knows (trusted ever, revoked ones too, and any that
    sent a case it holds) and the name their signed identity gave ("" when none): what views show
    instead of key ids. In the order they were trusted, so numbering the unnamed ones is stable."""
    conn = vault.connection()
    names = {key_id: name for key_id, name in conn.execute(
        "SELECT key_id, name FROM trusted_documenters ORDER BY trusted_at, key_id")}
    for (key_id,) in conn.execute("SELECT DISTINCT documenter FROM case_provenance ORDER BY documenter"):
        names.setdefault(key_id, "")
    return names


def trusted_key(vault: Vault, key_id: str) -> minisign.PublicKey | None:
    """The trusted, non-revoked key with that id, or None."""
    row = vault.connection().execute(
        "SELECT public_key FROM trusted_documenters WHERE key_id = ? AND revoked_at IS NULL", (key_id,)
    ).fetchone()
    return minisign.PublicKey.from_base64(row[0]) if row else None
