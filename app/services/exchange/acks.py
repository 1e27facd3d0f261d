"""Acknowledgements: the coordinator's signed receipt of what it holds from one documenter.

The documenter imports it; the record versions it names (and that this vault did send) are marked
delivered, and the next export leaves them out. An acknowledgement is signed by the coordinator
key of the imported organisation profile and names the documenter's key id: anything else is
refused (exit 4).
"""

from __future__ import annotations

import uuid

from app.services import changes
from app.services.exchange import organisation_profile, record_kinds
from app.services.exchange.bundle_record import VersionKey
from app.services.intake import cases
from app.services.vault import keys
from storage import audit, signed_file
from storage.database import transaction
from storage.errors import BundleRejected, TawthiqError
from storage.vault import Vault

ACK = "tawthiq.ack"


def export_ack(vault: Vault, documenter: str | None = None) -> tuple[bytes, dict]:
    if vault.role != "coordinator":
        raise TawthiqError("ack.coordinator_only")
    conn = vault.connection()
    senders = [r[0] for r in conn.execute("SELECT DISTINCT documenter FROM bundles_received ORDER BY 1")]
    if documenter is None:
        if len(senders) != 1:
            raise TawthiqError("ack.name_documenter")
        documenter = senders[0]
    documenter = documenter.strip().upper()
    if documenter not in senders:
        raise TawthiqError("ack.no_bundle_from_documenter")
    entries: list[VersionKey] = []
    for kind in record_kinds.kinds():
        entries += kind.acknowledged(conn, documenter)
    bundles = [{"sequence": s, "sha256": h} for s, h in conn.execute(
        "SELECT sequence, sha256 FROM bundles_received WHERE documenter = ? ORDER BY sequence", (documenter,))]
    me = keys.public_key(vault)
    ack_id, created_at = str(uuid.uuid4()), audit.now_iso()
    document = {
        "version": 1,
        "ack_id": ack_id,
        "created_at": created_at,
        "signing_key": {"key_id": me.id_hex, "public_key": me.base64()},
        "documenter": documenter,
        "bundles": bundles,
        "records": [{"kind": k.kind, "id": k.record_id, "version": k.version, "sha256": k.sha256} for k in entries],
    }
    with transaction(conn):
        conn.execute("INSERT INTO acks_sent (ack_id, documenter, created_at, records) VALUES (?,?,?,?)",
                     (ack_id, documenter, created_at, len(entries)))
        audit.record(conn, "ack.export", ack_id, documenter=documenter, records=len(entries))
    raw = signed_file.seal(ACK, document, vault.signing_key, vault.signing_key_id)
    return raw, {"ack_id": ack_id, "documenter": documenter, "records": len(entries),
                 "bundles": len(bundles)}


def import_ack(vault: Vault, raw: bytes) -> dict:
    coordinator = organisation_profile.current_coordinator_key(vault)
    if coordinator is None:
        raise organisation_profile.NoProfile("ack.no_profile")
    document, _ = signed_file.open_signed(raw, ACK, coordinator)
    me = keys.public_key(vault).id_hex
    if document.get("documenter") != me:
        raise BundleRejected("ack.other_documenter")
    ack_id = document.get("ack_id")
    records = document.get("records")
    if not isinstance(ack_id, str) or not isinstance(records, list):
        raise BundleRejected("ack.malformed")
    conn = vault.connection()
    if conn.execute("SELECT 1 FROM acks_received WHERE ack_id = ?", (ack_id,)).fetchone():
        return {"ack_id": ack_id, "marked": 0, "already_imported": True}
    sent = {VersionKey(*r) for r in conn.execute(
        "SELECT DISTINCT kind, record_id, version, sha256 FROM bundle_contents")}
    acknowledged = set()
    for entry in records:
        try:
            key = VersionKey(str(entry["kind"]), str(entry["id"]), int(entry["version"]), str(entry["sha256"]))
        except (KeyError, TypeError, ValueError):
            raise BundleRejected("ack.malformed") from None
        if key in sent:  # only what this vault sent can be delivered
            acknowledged.add(key)
    now = audit.now_iso()
    with transaction(conn):
        conn.executemany(
            "INSERT OR IGNORE INTO deliveries (kind, record_id, version, sha256, ack_id, acknowledged_at) "
            "VALUES (?,?,?,?,?,?)",
            [(k.kind, k.record_id, k.version, k.sha256, ack_id, now) for k in sorted(acknowledged, key=str)],
        )
        conn.execute("INSERT INTO acks_received (ack_id, coordinator, created_at, imported_at, records) "
                     "VALUES (?,?,?,?,?)", (ack_id, coordinator.id_hex, str(document.get("created_at", ""))[:64],
                                            now, len(acknowledged)))
        audit.record(conn, "ack.import", ack_id, records=len(acknowledged))
    changes.publish(vault, changes.CASES)  # delivered cases may now be purged
    return {"ack_id": ack_id, "marked": len(acknowledged), "already_imported": False}


def delivered_cases(vault: Vault) -> list[str]:
    """Cases whose current version the coordinator has acknowledged."""
    return [r[0] for r in vault.connection().execute(
        "SELECT c.id FROM cases c JOIN case_versions v ON v.case_id = c.id AND v.version = c.current_version "
        "JOIN deliveries d ON d.kind = 'case' AND d.record_id = c.id AND d.version = c.current_version "
        "AND d.sha256 = v.sha256 ORDER BY c.id")]


def purgeable_cases(vault: Vault) -> list[str]:
    """Delivered cases with nothing undelivered: every version and attachment acknowledged, and no
    unfinished draft (edits the form does not accept yet are undelivered work too)."""
    conn = vault.connection()
    out = []
    unfinished = cases.cases_with_unfinished_drafts(vault)
    for case_id in delivered_cases(vault):
        if case_id in unfinished:
            continue
        versions_left = conn.execute(
            "SELECT count(*) FROM case_versions v WHERE v.case_id = ? AND NOT EXISTS (SELECT 1 FROM deliveries d "
            "WHERE d.kind = 'case' AND d.record_id = v.case_id AND d.version = v.version AND d.sha256 = v.sha256)",
            (case_id,)).fetchone()[0]
        attachments_left = conn.execute(
            "SELECT count(*) FROM attachments a WHERE a.case_id = ? AND NOT EXISTS (SELECT 1 FROM deliveries d "
            "WHERE d.kind = 'attachment' AND d.record_id = a.id AND d.sha256 = a.sha256)", (case_id,)).fetchone()[0]
        if versions_left == 0 and attachments_left == 0:
            out.append(case_id)
    return out


def purge_delivered(vault: Vault) -> int:
    """Remove delivered cases (rows, search index, attachment files) from this laptop."""
    if vault.role != "documenter":
        raise TawthiqError("ack.documenter_only")
    conn = vault.connection()
    ids = purgeable_cases(vault)
    blobs: list[str] = []
    with transaction(conn):
        for case_id in ids:
            blobs += [r[0] for r in conn.execute("SELECT blob FROM attachments WHERE case_id = ?", (case_id,))]
            cases.unindex_case(conn, case_id)
            conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))  # versions, attachments cascade
            audit.record(conn, "case.purge", case_id, reason="delivered")
    for blob in blobs:  # after the commit: a crash before this leaves only unreadable orphans
        vault.blobs.delete(blob)
    changes.publish(vault, changes.CASES)
    return len(ids)
