"""Write a bundle of everything the coordinator has not acknowledged (DESIGN.md section 6).

Incremental by default: record versions named in an imported acknowledgement are left out. If
everything left has already travelled in an earlier bundle (not yet acknowledged), no bundle is
written and the result says so (`--all` writes everything again). The file is written through
storage.atomic (temporary name, fsync, rename), and the bundle is recorded in the same step that
seals the versions it carried, so an interrupted export leaves neither a file nor a record.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.services import changes
from app.services.exchange import organisation_profile, record_kinds
from app.services.exchange.bundle_record import AttachmentOut, VersionKey
from app.services.vault import keys
from storage import audit
from storage.atomic import atomic_output
from storage.bundle import layout, writer
from storage.database import transaction
from storage.errors import TawthiqError
from storage.vault import Vault


@dataclass
class ExportResult:
    written: bool
    path: str | None
    sequence: int | None
    sha256: str | None
    size: int
    records: int
    attachments: int
    message: str

    def to_json(self) -> dict:
        return dict(self.__dict__)


def _delivered(conn) -> set[VersionKey]:
    return {VersionKey(*r) for r in conn.execute("SELECT kind, record_id, version, sha256 FROM deliveries")}


def _already_sent(conn) -> set[VersionKey]:
    return {VersionKey(*r) for r in conn.execute("SELECT DISTINCT kind, record_id, version, sha256 "
                                                 "FROM bundle_contents")}


def _audit_position(conn, previous_seq: int | None) -> dict:
    """The manifest's `audit`: where this vault's audit log stands, and what the entry the previous
    bundle named hashes to now, so the coordinator sees a history rewritten in between as a fork
    (app/services/exchange/received_evidence.py, docs/bundle-format.md)."""
    head = audit.head(conn)
    assert head is not None  # vault.create is the first entry
    previous = None
    if previous_seq is not None:
        # An entry that is gone has no hash: the all-zero one, which no earlier bundle named.
        previous = {"seq": previous_seq, "hash": audit.hash_at(conn, previous_seq) or audit.GENESIS}
    return {"seq": head[0], "hash": head[1], "previous": previous}


def export_bundle(vault: Vault, out_path: Path, *, everything: bool = False,
                  progress: Callable[[int, int], None] | None = None) -> ExportResult:
    recipients = organisation_profile.coordinator_recipients(vault)  # raises NoProfile
    conn = vault.connection()
    delivered = _delivered(conn)
    outgoing = []
    for kind in record_kinds.kinds():
        outgoing += kind.collect(vault, lambda k: k not in delivered, everything)
    carried = [k for r in outgoing for k in r.versions]
    if not carried:
        return ExportResult(False, None, None, None, 0, 0, 0, "nothing to export: the coordinator has everything")
    sent = _already_sent(conn)
    if not everything and all(k in sent for k in carried):
        return ExportResult(False, None, None, None, 0, 0, 0,
                            "nothing changed since the last bundle (not yet acknowledged); "
                            "use --all to write everything again")
    last = conn.execute("SELECT sequence, sha256, audit_seq FROM bundles_sent ORDER BY sequence DESC LIMIT 1"
                        ).fetchone()
    sequence = (last[0] + 1) if last else 1
    bundle_id = str(uuid.uuid4())
    me = keys.public_key(vault)

    attachments: dict[str, AttachmentOut] = {}
    for r in outgoing:
        for a in r.attachments:
            attachments.setdefault(a.sha256, a)
    forms: dict[str, int] = {}
    for r in outgoing:
        for form, version in r.forms.items():
            forms[form] = max(version, forms.get(form, 0))
    audit_position = _audit_position(conn, last[2] if last else None)
    manifest = {
        "format": layout.FORMAT,
        "version": layout.VERSION,
        "bundle_id": bundle_id,
        "created_at": audit.now_iso(),
        "sequence": sequence,
        "previous_sha256": last[1] if last else None,
        "sender": {"key_id": me.id_hex, "public_key": me.base64()},
        "recipients": recipients,
        "forms": forms,
        "audit": audit_position,
        "records": [
            {"path": f"records/{r.record_id}.json", "kind": r.kind, "id": r.record_id,
             "versions": [{"kind": k.kind, "id": k.record_id, "version": k.version, "sha256": k.sha256}
                          for k in r.versions]}
            for r in outgoing
        ],
        "attachments": [{"path": f"attachments/{sha}", "sha256": sha, "size": a.size}
                        for sha, a in attachments.items()],
    }
    records = {f"records/{r.record_id}.json": layout.manifest_bytes(r.payload) for r in outgoing}
    if len(records) != len(outgoing):
        raise TawthiqError("bundle.record_id_twice")
    total = sum(len(b) for b in records.values()) + sum(a.size for a in attachments.values())
    blobs = vault.blobs

    def streamer(a: AttachmentOut):
        return lambda sink: blobs.read_into(a.blob, sink, a.sha256)

    out_path = Path(out_path)
    if out_path.is_dir():
        raise TawthiqError("bundle.output_is_folder")
    with atomic_output(out_path) as out:
        written = writer.write_bundle(
            out, recipients=recipients, signing_key=vault.signing_key, key_id=vault.signing_key_id,
            manifest=manifest, records=records,
            attachments=[writer.OutgoingAttachment(sha, a.size, streamer(a)) for sha, a in attachments.items()],
            progress=(lambda n: progress(n, total)) if progress else None,
        )
        out.flush()
        os.fsync(out.fileno())
        with transaction(conn):
            now_last = conn.execute("SELECT max(sequence) FROM bundles_sent").fetchone()[0]
            if (now_last or 0) != sequence - 1:
                raise TawthiqError("bundle.export_meanwhile")
            for r in outgoing:
                record_kinds.kind(r.kind).mark_sent(conn, r)
            conn.execute(
                "INSERT INTO bundles_sent (sequence, bundle_id, sha256, size, created_at, records, attachments, "
                "audit_seq, audit_hash) VALUES (?,?,?,?,?,?,?,?,?)",
                (sequence, bundle_id, written.sha256, written.size, manifest["created_at"], len(outgoing),
                 len(attachments), audit_position["seq"], audit_position["hash"]),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO bundle_contents (sequence, kind, record_id, version, sha256) VALUES (?,?,?,?,?)",
                [(sequence, k.kind, k.record_id, k.version, k.sha256) for k in carried],
            )
            audit.record(conn, "bundle.export", bundle_id, sequence=sequence, records=len(outgoing),
                         attachments=len(attachments), sha256=written.sha256)
    changes.publish(vault, changes.CASES)  # the drafts it carried are sealed now
    return ExportResult(True, str(out_path), sequence, written.sha256, written.size, len(outgoing), len(attachments),
                        f"bundle {sequence} written: {len(outgoing)} record(s), {len(attachments)} attachment(s)")


def sent_bundles(vault: Vault) -> list[dict]:
    rows = vault.connection().execute(
        "SELECT sequence, bundle_id, sha256, size, created_at, records, attachments FROM bundles_sent ORDER BY sequence"
    ).fetchall()
    keys_ = ("sequence", "bundle_id", "sha256", "size", "created_at", "records", "attachments")
    return [dict(zip(keys_, r, strict=True)) for r in rows]


def manifest_json(manifest: dict) -> str:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True)
