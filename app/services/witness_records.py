"""Witnesses in documenter bundles: the records that travel, and applying them on a coordinator.

A witness record carries the pseudonym, the register fields, the consent and the identity sealed
to the custodian — never the clear identity, never the documenter's locally readable copy, and
never an identity still sealed to the documenter's own vault (that one waits for `reseal`).

    {"kind": "witness", "code": "W-7KQ3-M9XD", "alias": …, "relation": …, "risk": …,
     "follow_up": …, "consent": {…}, "updated_at": "…",
     "sealed_identity": {"age": "<base64 of the age file>", "recipient": "age1…"} | null}

`bundle_records(vault, since)` collects what changed; `apply_bundle_record(conn, record,
provenance)` applies one untrusted record inside the importer's transaction.
"""

from __future__ import annotations

import base64
import binascii
import json

from app.services import consent as consent_rules
from app.services import witnesses
from storage.database import Connection
from storage.errors import BundleRejected
from storage.vault import Vault

KIND = "witness"
MAX_SEALED_BYTES = 64 * 1024
_AGE_MAGIC = b"age-encryption.org/v1\n"


def bundle_records(vault: Vault, since: str | None = None) -> list[dict]:
    """Witness records entered here and changed after `since` (ISO time; None: all)."""
    rows = vault.connection().execute(
        "SELECT code, alias, relation, risk, follow_up, consent, sealed_identity, sealed_to, sealed_recipient, "
        "updated_at FROM witnesses WHERE origin = '' AND (? IS NULL OR updated_at > ?) ORDER BY updated_at, code",
        (since, since),
    ).fetchall()
    records = []
    for code, alias, relation, risk, follow_up, consent, sealed, sealed_to, recipient, updated in rows:
        sealed_identity = None
        if sealed is not None and sealed_to == "custodian":
            sealed_identity = {"age": base64.b64encode(bytes(sealed)).decode(), "recipient": recipient}
        records.append({
            "kind": KIND, "code": code, "alias": alias, "relation": relation, "risk": risk,
            "follow_up": follow_up, "consent": json.loads(consent), "updated_at": updated,
            "sealed_identity": sealed_identity,
        })
    return records


def _reject(what: str) -> BundleRejected:
    return BundleRejected(f"a witness record in the bundle is invalid: {what}")


def check_record(untrusted: object) -> dict:
    """A validated copy of an untrusted witness record; BundleRejected on the first problem."""
    if not isinstance(untrusted, dict) or untrusted.get("kind") != KIND:
        raise _reject("not a witness record")
    allowed = {"kind", "code", "alias", "relation", "risk", "follow_up", "consent", "updated_at", "sealed_identity"}
    if set(untrusted) - allowed:
        raise _reject(f"unknown field {sorted(set(untrusted) - allowed)[0]!r}")
    if not witnesses.is_code(untrusted.get("code")):
        raise _reject("the pseudonym is malformed")
    try:
        fields = witnesses.check_register_fields(untrusted)
        consent = consent_rules.check_consent(untrusted.get("consent"))
    except (witnesses.InvalidWitness, consent_rules.InvalidConsent) as exc:
        raise _reject(str(exc)) from None
    updated = untrusted.get("updated_at")
    if not isinstance(updated, str) or not 10 <= len(updated) <= 40:
        raise _reject("updated_at is missing")
    sealed = untrusted.get("sealed_identity")
    ciphertext = recipient = None
    if sealed is not None:
        if not isinstance(sealed, dict) or not isinstance(sealed.get("age"), str):
            raise _reject("sealed_identity must be {age, recipient}")
        if len(sealed["age"]) > MAX_SEALED_BYTES * 4 // 3 + 4:
            raise _reject("the sealed identity is too large")
        try:
            ciphertext = base64.b64decode(sealed["age"], validate=True)
        except (binascii.Error, ValueError):
            raise _reject("the sealed identity is not base64") from None
        if not ciphertext.startswith(_AGE_MAGIC):
            # Refuses anything but an age file: a clear identity never lands in the database.
            raise _reject("the sealed identity is not an age file")
        recipient = sealed.get("recipient")
        if not isinstance(recipient, str) or not recipient.startswith("age1") or len(recipient) > 100:
            raise _reject("the sealed identity's recipient is malformed")
    return {"code": untrusted["code"], **fields, "consent": consent, "updated_at": updated,
            "sealed_identity": ciphertext, "sealed_recipient": recipient}


def apply_bundle_record(conn: Connection, record: object, provenance: dict) -> str:
    """Apply one record inside the caller's transaction. Returns 'new', 'updated' or 'unchanged'.

    `provenance` = {documenter, bundle_id, sequence, received_at}. A newer record replaces the
    register fields and consent (a withdrawal propagates); an older or equal one changes nothing,
    so a replayed bundle is a no-op. A pseudonym already held for another documenter is refused.
    """
    r = check_record(record)
    documenter = str(provenance["documenter"])
    row = conn.execute("SELECT origin, updated_at, sealed_identity FROM witnesses WHERE code = ?",
                       (r["code"],)).fetchone()
    if row is not None and row[0] != documenter:
        raise BundleRejected("a witness pseudonym in the bundle belongs to another documenter")
    outcome = "unchanged"
    if row is None:
        conn.execute(
            "INSERT INTO witnesses (code, alias, relation, risk, follow_up, consent, sealed_identity, sealed_to, "
            "sealed_recipient, local_identity, origin, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,NULL,?,?,?)",
            (r["code"], r["alias"], r["relation"], r["risk"], r["follow_up"], json.dumps(r["consent"]),
             r["sealed_identity"], "custodian" if r["sealed_identity"] else None, r["sealed_recipient"],
             documenter, provenance["received_at"], r["updated_at"]),
        )
        outcome = "new"
    elif r["updated_at"] > row[1]:
        sealed = r["sealed_identity"] if r["sealed_identity"] is not None else row[2]
        conn.execute(
            "UPDATE witnesses SET alias = ?, relation = ?, risk = ?, follow_up = ?, consent = ?, "
            "sealed_identity = ?, sealed_to = ?, sealed_recipient = COALESCE(?, sealed_recipient), updated_at = ? "
            "WHERE code = ?",
            (r["alias"], r["relation"], r["risk"], r["follow_up"], json.dumps(r["consent"]), sealed,
             "custodian" if sealed is not None else None, r["sealed_recipient"], r["updated_at"], r["code"]),
        )
        outcome = "updated"
    conn.execute(
        "INSERT OR IGNORE INTO witness_provenance (code, documenter, bundle_id, sequence, received_at) "
        "VALUES (?,?,?,?,?)",
        (r["code"], documenter, str(provenance["bundle_id"]), int(provenance["sequence"]),
         provenance["received_at"]),
    )
    return outcome
