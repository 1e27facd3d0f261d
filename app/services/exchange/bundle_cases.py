"""The "case" record kind in bundles: all undelivered versions of a case and its new attachments.

Export seals the draft versions it sends, so a version number never names two different bodies
on the coordinator. On the coordinator a case id belongs to the documenter that first sent it;
versions are inserted once, never changed; the current view is the highest version received,
which makes the result independent of the order bundles are imported in.
"""

from __future__ import annotations

import hashlib
import json

from app.services.exchange.bundle_record import (
    AttachmentOut,
    OutgoingRecord,
    Provenance,
    RecordKind,
    VersionKey,
)
from app.services.intake import case_rules
from app.services.intake.cases import canonical_json, refresh_received_view
from app.services.media import bundle_media, sightings
from storage import audit
from storage.bundle.layout import HEX64
from storage.database import Connection
from storage.errors import BundleRejected, TawthiqError
from storage.vault import Vault

KIND = "case"
ATTACHMENT = "attachment"  # attachment delivery is tracked under this kind
MAX_VERSIONS = 10_000
MAX_ATTACHMENTS = 10_000


class ChangedDuringExport(TawthiqError):
    pass


# ---- documenter side ------------------------------------------------------------------------
def collect(vault: Vault, is_new, everything: bool) -> list[OutgoingRecord]:
    conn = vault.connection()
    versions: dict[str, list[tuple]] = {}
    for row in conn.execute(
        "SELECT case_id, version, parent, status, sha256, saved_at, body FROM case_versions ORDER BY case_id, version"
    ):
        versions.setdefault(row[0], []).append(row)
    attachments: dict[str, list[tuple]] = {}
    for row in conn.execute(
        "SELECT case_id, id, sha256, size, media_type, filename, blob, captured_at, added_at FROM attachments "
        "ORDER BY added_at, id"
    ):
        attachments.setdefault(row[0], []).append(row)
    current = dict(conn.execute("SELECT id, current_version FROM cases").fetchall())
    out = []
    for case_id, rows in versions.items():
        if case_id not in current:
            continue
        keys = {r[1]: VersionKey(KIND, case_id, r[1], r[4]) for r in rows}
        new_versions = [v for v, k in keys.items() if everything or is_new(k)]
        case_atts = attachments.get(case_id, [])
        new_atts = [a for a in case_atts if everything or is_new(VersionKey(ATTACHMENT, a[1], 1, a[2]))]
        if not new_versions and not new_atts:
            continue
        # The current version always travels, so the coordinator has a case for new attachments
        # whatever order bundles arrive in (re-sending a version is a no-op there).
        carried = sorted(set(new_versions) | {current[case_id]})
        by_version = {r[1]: r for r in rows}
        payload_versions = []
        forms: dict[str, int] = {}
        for v in carried:
            _cid, version, parent, _status, sha, saved_at, body_text = by_version[v]
            body = json.loads(body_text)
            forms[str(body.get("form"))] = int(body.get("form_version", 1))
            payload_versions.append({"version": version, "parent": parent, "sha256": sha, "saved_at": saved_at,
                                     "body": body})
        payload_atts = []
        for a in new_atts:
            entry = {"id": a[1], "sha256": a[2], "size": a[3], "media_type": a[4], "filename": a[5],
                     "captured_at": a[7], "added_at": a[8]}
            media = bundle_media.to_bundle(conn, a[1])  # what the file says, its perceptual hashes
            if media is not None:
                entry["media"] = media
            payload_atts.append(entry)
        out.append(OutgoingRecord(
            kind=KIND,
            record_id=case_id,
            payload={"kind": KIND, "id": case_id, "versions": payload_versions, "attachments": payload_atts},
            versions=[keys[v] for v in carried] + [VersionKey(ATTACHMENT, a[1], 1, a[2]) for a in new_atts],
            attachments=[AttachmentOut(a[1], a[2], a[3], a[6]) for a in new_atts],
            forms=forms,
        ))
    return out


def mark_sent(conn: Connection, record: OutgoingRecord) -> None:
    """Seal the versions sent; refuse if any changed since it was collected."""
    for key in record.versions:
        if key.kind != KIND:
            continue
        row = conn.execute(
            "SELECT sha256, status FROM case_versions WHERE case_id = ? AND version = ?", (key.record_id, key.version)
        ).fetchone()
        if row is None or row[0] != key.sha256:
            raise ChangedDuringExport("bundle_case.changed_during_export")
        if row[1] == "draft":
            conn.execute("UPDATE case_versions SET status = 'sealed' WHERE case_id = ? AND version = ?",
                         (key.record_id, key.version))
            conn.execute("UPDATE cases SET status = 'sealed' WHERE id = ? AND current_version = ?",
                         (key.record_id, key.version))
            audit.record(conn, "case.seal", key.record_id, version=key.version, reason="export")


# ---- coordinator side -----------------------------------------------------------------------
def _bad(code: str, /, **values: object) -> BundleRejected:
    return BundleRejected(code, **values)


def check(untrusted: dict, carried_attachments: set[str]) -> dict:
    try:
        case_id = case_rules.case_id(untrusted.get("id"))  # as `case add` demands
    except case_rules.InvalidCase:
        raise _bad("bundle_case.id_not_uuid") from None
    versions = untrusted.get("versions")
    attachments = untrusted.get("attachments", [])
    if not isinstance(versions, list) or not versions or len(versions) > MAX_VERSIONS:
        raise _bad("bundle_case.no_versions")
    if not isinstance(attachments, list) or len(attachments) > MAX_ATTACHMENTS:
        raise _bad("bundle_case.attachment_list")
    checked_versions = []
    unknown: dict[tuple[str, str], None] = {}  # (vocabulary, code), in order of appearance
    seen = set()
    for v in versions:
        if not isinstance(v, dict) or not isinstance(v.get("body"), dict):
            raise _bad("bundle_case.version_malformed")
        number, parent, sha, saved_at = v.get("version"), v.get("parent"), v.get("sha256"), v.get("saved_at")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1 or number in seen:
            raise _bad("bundle_case.version_number")
        if parent is not None and (not isinstance(parent, int) or isinstance(parent, bool) or parent >= number):
            raise _bad("bundle_case.parent_version")
        if not isinstance(sha, str) or not HEX64.match(sha) or not isinstance(saved_at, str) or len(saved_at) > 64:
            raise _bad("bundle_case.version_header")
        seen.add(number)
        body = v["body"]
        text = canonical_json(body)
        if hashlib.sha256(text.encode()).hexdigest() != sha:
            raise _bad("bundle_case.version_hash")
        if body.get("id") != case_id:
            raise _bad("bundle_case.other_case_id")
        try:
            _, codes = case_rules.check_received(json.loads(text))
            unknown.update(dict.fromkeys((u.vocabulary, u.code) for u in codes))
        except case_rules.InvalidCase as exc:
            fields = sorted({p.split(":", 1)[0][:40] for p in exc.problems})
            raise _bad("bundle_case.invalid_fields", fields=", ".join(fields)) from None
        except TawthiqError:
            raise _bad("bundle_case.invalid") from None
        checked_versions.append({"version": number, "parent": parent, "sha256": sha, "saved_at": saved_at,
                                 "text": text, "body": body})
    checked_atts = []
    for a in attachments:
        if not isinstance(a, dict):
            raise _bad("bundle_case.attachment_malformed")
        aid, sha, size = a.get("id"), a.get("sha256"), a.get("size")
        media, name = a.get("media_type", "application/octet-stream"), a.get("filename", "")
        if (not isinstance(aid, str) or not 0 < len(aid) <= 64 or not isinstance(sha, str) or not HEX64.match(sha)
                or not isinstance(size, int) or isinstance(size, bool) or size < 0
                or not isinstance(media, str) or not isinstance(name, str) or len(media) > 200 or len(name) > 500):
            raise _bad("bundle_case.attachment_malformed")
        if sha not in carried_attachments:
            # Not even one the vault holds: naming a hash would make the case list another
            # documenter's file, and the outcome would tell the sender whether we hold it.
            raise _bad("bundle_case.attachment_not_carried")
        checked_atts.append({"id": aid, "sha256": sha, "size": size, "media_type": media, "filename": name,
                             "captured_at": a.get("captured_at") if isinstance(a.get("captured_at"), str) else None,
                             "added_at": a.get("added_at") if isinstance(a.get("added_at"), str) else "",
                             "media": bundle_media.check(a.get("media"))})
    # Codes of organisation terms or places this vault lacks: the bodies keep them as written.
    return {"id": case_id, "versions": checked_versions, "attachments": checked_atts,
            "unknown_codes": list(unknown)}


def check_held(conn: Connection, records: list[dict], documenter: str) -> None:
    """Refuse a case that belongs to another source, a different body under a version number
    already held, and an attachment id held, or carried twice, for other content (read-only)."""
    carried: dict[str, tuple[str, str]] = {}
    for record in records:
        case_id = record["id"]
        owners = {r[0] for r in conn.execute(
            "SELECT DISTINCT documenter FROM case_provenance WHERE case_id = ?", (case_id,))}
        exists = conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is not None
        if (owners and documenter not in owners) or (exists and not owners):
            raise BundleRejected("bundle_case.other_source")
        for v in record["versions"]:
            row = conn.execute("SELECT sha256 FROM case_versions WHERE case_id = ? AND version = ?",
                               (case_id, v["version"])).fetchone()
            if row is not None and row[0] != v["sha256"]:
                raise BundleRejected("bundle_case.version_differs")
        for a in record["attachments"]:
            content = (case_id, a["sha256"])
            row = conn.execute("SELECT case_id, sha256 FROM attachments WHERE id = ?", (a["id"],)).fetchone()
            # The same attachment sent again is a no-op; other content under a held id is refused
            # rather than dropped while the report says it was imported.
            if (row is not None and (row[0], row[1]) != content) or carried.setdefault(a["id"], content) != content:
                raise BundleRejected("bundle_case.attachment_id_clash")


def apply(conn: Connection, record: dict, prov: Provenance, blobs: dict[str, str]) -> int:
    """Insert new versions and attachments, refresh the current view; return versions added.
    Runs after check_held, in the same transaction."""
    case_id = record["id"]
    exists = conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is not None
    added = 0
    for v in record["versions"]:
        held = conn.execute("SELECT 1 FROM case_versions WHERE case_id = ? AND version = ?",
                            (case_id, v["version"])).fetchone() is not None
        if not held:
            if not exists:
                body = v["body"]
                conn.execute(
                    "INSERT INTO cases (id, form, form_version, title, status, current_version, created_at, "
                    "updated_at) VALUES (?,?,?,?,?,?,?,?)",
                    (case_id, body["form"], body.get("form_version", 1), body.get("title", ""), "sealed",
                     v["version"], v["saved_at"], v["saved_at"]),
                )
                exists = True
            conn.execute(
                "INSERT INTO case_versions (case_id, version, parent, status, body, sha256, saved_at) "
                "VALUES (?,?,?,?,?,?,?)",
                (case_id, v["version"], v["parent"], "sealed", v["text"], v["sha256"], v["saved_at"]),
            )
            added += 1
        # Provenance keeps the earliest bundle that carried a version: the same in any import order.
        conn.execute(
            "INSERT INTO case_provenance (case_id, version, documenter, bundle_id, sequence, received_at) "
            "VALUES (?,?,?,?,?,?) ON CONFLICT (case_id, version, documenter) DO UPDATE SET "
            "bundle_id = excluded.bundle_id, sequence = excluded.sequence, received_at = excluded.received_at "
            "WHERE excluded.sequence < case_provenance.sequence",
            (case_id, v["version"], prov.documenter, prov.bundle_id, prov.sequence, prov.received_at),
        )
    for a in record["attachments"]:
        if conn.execute("SELECT 1 FROM attachments WHERE id = ?", (a["id"],)).fetchone() is not None:
            continue  # the same attachment again (check_held refused other content under its id)
        conn.execute(
            "INSERT INTO attachments (id, case_id, sha256, size, media_type, filename, blob, captured_at, "
            "added_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (a["id"], case_id, a["sha256"], a["size"], a["media_type"], a["filename"], blobs[a["sha256"]],
             a["captured_at"], a["added_at"]),
        )
        if a.get("media") is not None:
            # Matched across documenters from the hashes the bundle carries: nothing is decoded here.
            media = a["media"]
            alike = sightings.find_alike(conn, media["hashes"], exclude=a["id"])
            sightings.store(conn, a["id"], media["capture"], media["hashes"], seen_at=prov.received_at,
                            seen_from=prov.documenter, read_here=False)
            sightings.record_alike(conn, a["id"], alike)
    refresh_received_view(conn, case_id)
    return added


def acknowledged(conn: Connection, documenter: str) -> list[VersionKey]:
    keys = [VersionKey(KIND, c, v, s) for c, v, s in conn.execute(
        "SELECT p.case_id, p.version, cv.sha256 FROM case_provenance p JOIN case_versions cv "
        "ON cv.case_id = p.case_id AND cv.version = p.version WHERE p.documenter = ? ORDER BY 1, 2",
        (documenter,))]
    keys += [VersionKey(ATTACHMENT, a, 1, s) for a, s in conn.execute(
        "SELECT id, sha256 FROM attachments WHERE case_id IN "
        "(SELECT case_id FROM case_provenance WHERE documenter = ?) ORDER BY 1", (documenter,))]
    return keys


RECORD_KIND = RecordKind(KIND, collect, mark_sent, check, check_held, apply, acknowledged)
