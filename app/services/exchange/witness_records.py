"""Witnesses in documenter bundles: the records that travel, and applying them on a coordinator.

A witness record carries the pseudonym, the register fields, the consent and the identity sealed
to the custodian — never the clear identity, never the documenter's locally readable copy, and
never an identity still sealed to the documenter's own vault (that one waits for `reseal`).

    {"kind": "witness", "id": "W-7KQ3-M9XD", "code": "W-7KQ3-M9XD", "revision": 3,
     "alias": …, "relation": …, "risk": …, "follow_up": …, "consent": {…}, "updated_at": "…",
     "sealed_identity": {"age": "<base64 of the age file>", "recipient": "age1…"} | null}

`revision` grows by one with every change on the documenter's side; with the record's SHA-256
it is the version the bundle bookkeeping tracks (`record_version`). `bundle_records(vault,
since)` collects what changed; `apply_bundle_record(conn, record, provenance)` applies one
untrusted record inside the importer's transaction.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re

import pyrage

from app.services.exchange.organisation_profile import CUSTODIAN_SETTING, RETIRED_CUSTODIANS_SETTING
from app.services.intake import consent as consent_rules
from app.services.intake import witnesses
from storage.database import Connection
from storage.errors import BundleRejected
from storage.vault import Vault

KIND = "witness"
MAX_SEALED_BYTES = 64 * 1024
_AGE_VERSION_LINE = b"age-encryption.org/v1"
_B64_32 = re.compile(rb"[A-Za-z0-9+/]{43}")  # 32 bytes in age's unpadded base64
_STANZA_ARG = re.compile(rb"[\x21-\x7e]+")
_MIN_PAYLOAD = 16 + 16  # the payload nonce and one chunk's authentication tag


def _b64_32(text: bytes) -> bool:
    if not _B64_32.fullmatch(text):
        return False
    return len(base64.b64decode(text + b"=")) == 32


def is_sealed_to_one_x25519_recipient(ciphertext: bytes) -> bool:
    """An age v1 file whose header has exactly one X25519 recipient stanza (an ephemeral share and a
    wrapped file key, 32 bytes each), any other stanzas well-formed (rage adds a "grease" one), the
    header MAC, and a payload at least as long as a nonce and one tag (age.org/v1 spec).

    Without the custodian's key nothing proves whom it is sealed to; this proves it is not clear
    text behind a look-alike first line (issue 14 item 5), and that one X25519 key can open it."""
    end = ciphertext.find(b"\n--- ")
    if end < 0:
        return False
    lines = ciphertext[:end].split(b"\n")
    mac_end = ciphertext.find(b"\n", end + 5)
    if mac_end < 0 or not _b64_32(ciphertext[end + 5:mac_end]) or len(ciphertext) - mac_end - 1 < _MIN_PAYLOAD:
        return False
    if lines[0] != _AGE_VERSION_LINE:
        return False
    x25519 = 0
    i = 1
    while i < len(lines):
        head = lines[i].split(b" ")
        if head[0] != b"->" or len(head) < 2 or not all(_STANZA_ARG.fullmatch(a) for a in head[1:]):
            return False
        body = []
        i += 1
        while i < len(lines) and not lines[i].startswith(b"->"):
            body.append(lines[i])
            i += 1
        # The body is base64 in lines of 64 characters, the last one shorter (possibly empty).
        if not body or any(len(b) != 64 for b in body[:-1]) or len(body[-1]) >= 64:
            return False
        if head[1] == b"X25519":
            x25519 += 1
            if len(head) != 3 or not _b64_32(head[2]) or len(body) != 1 or not _b64_32(body[0]):
                return False
    return x25519 == 1


def record_sha256(record: dict) -> str:
    """The hash the bundle bookkeeping tracks for one record version (canonical JSON)."""
    text = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def record_version(record: dict) -> tuple[str, int, str]:
    """(record id, version, sha256) as bundles and acknowledgements name a witness record."""
    return record["code"], int(record["revision"]), record_sha256(record)


def bundle_records(vault: Vault, since: str | None = None) -> list[dict]:
    """Witness records entered here and changed after `since` (ISO time; None: all)."""
    rows = vault.connection().execute(
        "SELECT code, revision, alias, relation, risk, follow_up, consent, sealed_identity, sealed_to, "
        "sealed_recipient, updated_at FROM witnesses WHERE origin = '' AND (? IS NULL OR updated_at > ?) "
        "ORDER BY updated_at, code",
        (since, since),
    ).fetchall()
    records = []
    for code, revision, alias, relation, risk, follow_up, consent, sealed, sealed_to, recipient, updated in rows:
        sealed_identity = None
        if sealed is not None and sealed_to == "custodian":
            sealed_identity = {"age": base64.b64encode(bytes(sealed)).decode(), "recipient": recipient}
        records.append({
            "kind": KIND, "id": code, "code": code, "revision": revision, "alias": alias, "relation": relation,
            "risk": risk, "follow_up": follow_up, "consent": json.loads(consent), "updated_at": updated,
            "sealed_identity": sealed_identity,
        })
    return records


def current_revision(conn: Connection, code: str) -> int | None:
    row = conn.execute("SELECT revision FROM witnesses WHERE code = ? AND origin = ''", (code,)).fetchone()
    return row[0] if row else None


def held_versions(conn: Connection, documenter: str) -> list[tuple[str, int, str]]:
    """Coordinator: (code, revision, sha256) of every witness record held from `documenter`,
    what its acknowledgement lists."""
    return [(c, r, s) for c, r, s in conn.execute(
        "SELECT code, revision, record_sha256 FROM witnesses WHERE origin = ? AND record_sha256 IS NOT NULL "
        "ORDER BY code", (documenter,))]


def _reject(code: str, /, **values: object) -> BundleRejected:
    return BundleRejected(code, **values)


def check_record(untrusted: object) -> dict:
    """A validated copy of an untrusted witness record; BundleRejected on the first problem."""
    if not isinstance(untrusted, dict) or untrusted.get("kind") != KIND:
        raise _reject("witness_record.not_witness")
    allowed = {"kind", "id", "code", "revision", "alias", "relation", "risk", "follow_up", "consent",
               "updated_at", "sealed_identity"}
    if set(untrusted) - allowed:
        raise _reject("witness_record.unknown_field", field=repr(sorted(set(untrusted) - allowed)[0]))
    if not witnesses.is_code(untrusted.get("code")) or untrusted.get("id", untrusted["code"]) != untrusted["code"]:
        raise _reject("witness_record.pseudonym")
    revision = untrusted.get("revision")
    if not isinstance(revision, int) or isinstance(revision, bool) or not 1 <= revision < 2**31:
        raise _reject("witness_record.revision")
    try:
        fields = witnesses.check_register_fields(untrusted)
        consent = consent_rules.check_consent(untrusted.get("consent"))
    except (witnesses.InvalidWitness, consent_rules.InvalidConsent) as exc:
        raise _reject("witness_record.invalid", reason=exc) from None
    updated = untrusted.get("updated_at")
    if not isinstance(updated, str) or not 10 <= len(updated) <= 40:
        raise _reject("witness_record.updated_at")
    sealed = untrusted.get("sealed_identity")
    ciphertext = recipient = None
    if sealed is not None:
        if not isinstance(sealed, dict) or not isinstance(sealed.get("age"), str):
            raise _reject("witness_record.sealed_shape")
        if len(sealed["age"]) > MAX_SEALED_BYTES * 4 // 3 + 4:
            raise _reject("witness_record.sealed_too_large")
        try:
            ciphertext = base64.b64decode(sealed["age"], validate=True)
        except (binascii.Error, ValueError):
            raise _reject("witness_record.sealed_not_base64") from None
        if not is_sealed_to_one_x25519_recipient(ciphertext):
            # Refuses anything but an age file: a clear identity never lands in the database.
            raise _reject("witness_record.sealed_not_age")
        recipient = sealed.get("recipient")
        if not isinstance(recipient, str) or not recipient.startswith("age1") or len(recipient) > 100:
            raise _reject("witness_record.sealed_recipient")
        try:
            pyrage.x25519.Recipient.from_str(recipient)
        except Exception:  # noqa: BLE001 - pyrage raises its own types for a malformed key
            raise _reject("witness_record.sealed_recipient") from None
    return {"code": untrusted["code"], "revision": revision, **fields, "consent": consent, "updated_at": updated,
            "sealed_identity": ciphertext, "sealed_recipient": recipient, "sha256": record_sha256(untrusted)}


def apply_bundle_record(conn: Connection, record: object, provenance: dict) -> str:
    """Apply one record inside the caller's transaction. Returns 'new', 'updated' or 'unchanged'.

    `provenance` = {documenter, bundle_id, sequence, received_at}. A record of a higher revision
    replaces the register fields and consent (a withdrawal propagates); a lower or equal one
    changes nothing, so a replayed or late bundle is a no-op. A pseudonym already held for another
    documenter is refused.
    """
    return apply_checked(conn, check_record(record), provenance)


def check_owner(conn: Connection, r: dict, documenter: str) -> None:
    """Refuse a checked record whose pseudonym the vault holds for another documenter (or as its
    own), or whose identity is sealed to anyone but the organisation's custodian as this vault
    knows it."""
    row = conn.execute("SELECT origin FROM witnesses WHERE code = ?", (r["code"],)).fetchone()
    if row is not None and row[0] != documenter:
        raise BundleRejected("witness_record.other_documenter")
    if r["sealed_identity"] is not None:
        # A coordinator that exported the profile knows the custodian's recipient. One that only
        # receives (a second coordinator named in another's profile) knows none and cannot check.
        custodian = conn.execute("SELECT value FROM settings WHERE key = ?", (CUSTODIAN_SETTING,)).fetchone()
        # A custodian key rotated away from (custodian.rotate_key) is still the organisation's: a
        # documenter who has not imported the new profile yet seals to it; running the rotation
        # again moves those identities onto the new key.
        retired = conn.execute("SELECT value FROM settings WHERE key = ?", (RETIRED_CUSTODIANS_SETTING,)).fetchone()
        known = {custodian[0]} | set(json.loads(retired[0]) if retired else []) if custodian is not None else None
        if known is not None and r["sealed_recipient"] not in known:
            raise _reject("witness_record.not_custodian")


def apply_checked(conn: Connection, r: dict, provenance: dict) -> str:
    """`apply_bundle_record` for a record `check_record` already returned."""
    documenter = str(provenance["documenter"])
    check_owner(conn, r, documenter)
    row = conn.execute("SELECT origin, revision, sealed_identity FROM witnesses WHERE code = ?",
                       (r["code"],)).fetchone()
    outcome = "unchanged"
    if row is None:
        conn.execute(
            "INSERT INTO witnesses (code, alias, relation, risk, follow_up, consent, sealed_identity, sealed_to, "
            "sealed_recipient, local_identity, origin, created_at, updated_at, revision, record_sha256) "
            "VALUES (?,?,?,?,?,?,?,?,?,NULL,?,?,?,?,?)",
            (r["code"], r["alias"], r["relation"], r["risk"], r["follow_up"], json.dumps(r["consent"]),
             r["sealed_identity"], "custodian" if r["sealed_identity"] else None, r["sealed_recipient"],
             documenter, provenance["received_at"], r["updated_at"], r["revision"], r["sha256"]),
        )
        outcome = "new"
    elif r["revision"] > row[1]:
        sealed = r["sealed_identity"] if r["sealed_identity"] is not None else row[2]
        conn.execute(
            "UPDATE witnesses SET alias = ?, relation = ?, risk = ?, follow_up = ?, consent = ?, "
            "sealed_identity = ?, sealed_to = ?, sealed_recipient = COALESCE(?, sealed_recipient), updated_at = ?, "
            "revision = ?, record_sha256 = ? WHERE code = ?",
            (r["alias"], r["relation"], r["risk"], r["follow_up"], json.dumps(r["consent"]), sealed,
             "custodian" if sealed is not None else None, r["sealed_recipient"], r["updated_at"], r["revision"],
             r["sha256"], r["code"]),
        )
        outcome = "updated"
    conn.execute(
        "INSERT OR IGNORE INTO witness_provenance (code, documenter, bundle_id, sequence, received_at) "
        "VALUES (?,?,?,?,?)",
        (r["code"], documenter, str(provenance["bundle_id"]), int(provenance["sequence"]),
         provenance["received_at"]),
    )
    return outcome
