"""Case intake and reading: save drafts, seal versions, attach files, search.

A case body is the JSON of DESIGN.md section 3. The current view lives in `cases`; every version
in `case_versions`. A draft is overwritten by autosave; a sealed version is frozen, and the next
edit makes a new version whose parent is the sealed one.

The editor saves through `save_draft`: the body is validated once; if the form's rules refuse it
yet (a required field still empty) it is kept as the case's *unfinished draft* (`unfinished`)
instead, so nothing typed is lost, and the next save that passes replaces it. Purge leaves a
case with an unfinished draft alone (app/services/exchange/acks.py).
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import mimetypes
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.services import changes
from app.services.case_body import section
from app.services.intake import case_rules
from forms import search as case_search
from forms.validation import Problem
from storage import audit
from storage.database import Connection, transaction
from storage.errors import TawthiqError
from storage.vault import Vault


class CaseNotFound(TawthiqError):
    pass


class CaseSealed(TawthiqError):
    pass


class CaseReceived(TawthiqError):
    """A coordinator's local change to a case a documenter sent: refused, the case is theirs.

    Its versions are numbered by the documenter; a local version would take the number of their
    next one, which every later bundle would then be refused for (issue 14).
    """

    def __init__(self) -> None:
        super().__init__("case.received")


def is_received(conn: Connection, case_id: str) -> bool:
    return conn.execute("SELECT 1 FROM case_provenance WHERE case_id = ? LIMIT 1", (case_id,)).fetchone() is not None


@dataclass
class CaseSummary:
    id: str
    form: str
    form_version: int
    title: str
    status: str
    version: int
    incident_date: str | None
    governorate: str | None
    updated_at: str

    def to_json(self) -> dict:
        return dict(self.__dict__)


def canonical_json(body: dict) -> str:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def index_case(conn: Connection, case_id: str, body: dict) -> None:
    """(Re)write the case's full-text entry (forms.search.document: text, name keys, places); the
    `cases` row must exist."""
    unindex_case(conn, case_id)
    cursor = conn.execute("INSERT INTO case_search (case_id, content) VALUES (?, ?)",
                          (case_id, case_search.document(body)))
    conn.execute("UPDATE cases SET search_rowid = ? WHERE id = ?", (cursor.lastrowid, case_id))


def unindex_case(conn: Connection, case_id: str) -> None:
    # By rowid: case_id is UNINDEXED in the FTS table, so a DELETE by case_id would scan it all.
    row = conn.execute("SELECT search_rowid FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is not None and row[0] is not None:
        conn.execute("DELETE FROM case_search WHERE rowid = ?", (row[0],))
        conn.execute("UPDATE cases SET search_rowid = NULL WHERE id = ?", (case_id,))


def summary_fields(body: dict) -> tuple[str | None, str | None]:
    """The incident start date and governorate code that the case list sorts and filters on."""
    date, location = section(body, "date"), section(body, "location")
    start = date.get("start") if isinstance(date.get("start"), str) else None
    gov = location.get("governorate") if isinstance(location.get("governorate"), str) else None
    return start, gov


def refresh_received_view(conn: Connection, case_id: str) -> None:
    """A received case's current view (its `cases` row and full-text entry) from the highest version
    held: the same whatever order the documenter's bundles were imported in. Inside the caller's
    transaction, after the versions were inserted (app/services/exchange/bundle_cases.py)."""
    version, text, saved_at = conn.execute(
        "SELECT version, body, saved_at FROM case_versions WHERE case_id = ? ORDER BY version DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    first = conn.execute("SELECT min(saved_at) FROM case_versions WHERE case_id = ?", (case_id,)).fetchone()[0]
    body = json.loads(text)
    start, gov = summary_fields(body)
    conn.execute(
        "UPDATE cases SET form = ?, form_version = ?, title = ?, status = 'sealed', current_version = ?, "
        "incident_date = ?, governorate = ?, created_at = ?, updated_at = ? WHERE id = ?",
        (body["form"], body.get("form_version", 1), body.get("title", ""), version, start, gov, first, saved_at,
         case_id),
    )
    index_case(conn, case_id, body)


def save_case(vault: Vault, body: dict, case_id: str | None = None) -> tuple[str, int]:
    """Validate and save; a new case or a new draft version. Returns (case id, version)."""
    body = case_rules.check(copy.deepcopy(body))
    conn = vault.connection()
    with transaction(conn):
        saved = write_case(conn, body, case_id)
    changes.publish(vault, changes.CASES)
    return saved


# ---- the editor's save: draft versions and unfinished drafts -----------------------------------
# Unfinished drafts live in the encrypted settings table, one per case and one for a new case.
# The key predates this module (the editor wrote them itself); it is kept so that drafts saved
# by earlier builds still come back.
UNFINISHED = "gui.pending_draft."
NEW_CASE = "new"


@dataclass(frozen=True)
class DraftSave:
    """What became of one save from the editor."""

    case_id: str | None
    version: int | None  # None: the form refused the body, which was kept as the unfinished draft
    problems: list[Problem]  # the refusal's errors and warnings, or the saved body's warnings

    @property
    def kept_unfinished(self) -> bool:
        return self.version is None


def _unfinished_key(case_id: str | None) -> str:
    return UNFINISHED + (case_id or NEW_CASE)


def save_draft(vault: Vault, body: dict, case_id: str | None = None, lang: str = "en") -> DraftSave:
    """Validate once (messages in `lang`); save a draft version, or keep the body as unfinished."""
    try:
        checked, warnings = case_rules.validated(copy.deepcopy(body), lang)
    except case_rules.InvalidCase as refused:
        vault.set_setting(_unfinished_key(case_id), json.dumps(body, ensure_ascii=False))
        return DraftSave(case_id, None, refused.details)
    conn = vault.connection()
    with transaction(conn):
        saved_id, version = write_case(conn, checked, case_id)
        # A new case's unfinished draft was kept under "new": saved now, neither key is needed.
        conn.execute("DELETE FROM settings WHERE key IN (?, ?)",
                     (_unfinished_key(case_id), _unfinished_key(saved_id)))
    changes.publish(vault, changes.CASES)
    return DraftSave(saved_id, version, warnings)


def unfinished(vault: Vault, case_id: str | None) -> dict | None:
    """The body kept for a case (None: a new case) while the form refused it, if there is one."""
    raw = vault.setting(_unfinished_key(case_id))
    try:
        body = json.loads(raw) if raw else None
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def cases_with_unfinished_drafts(vault: Vault) -> set[str]:
    rows = vault.connection().execute(
        "SELECT substr(key, ?) FROM settings WHERE substr(key, 1, ?) = ?",
        (len(UNFINISHED) + 1, len(UNFINISHED), UNFINISHED))
    return {r[0] for r in rows if r[0] != NEW_CASE}


def write_case(conn: Connection, body: dict, case_id: str | None = None) -> tuple[str, int]:
    """The rows of one save, inside the caller's transaction; `body` has passed case_rules.check.

    Bulk loaders (benchmarks, demo data) call this many times in one transaction.
    """
    now = audit.now_iso()
    if case_id is None:
        case_id = case_rules.case_id(body["id"]) if "id" in body else str(uuid.uuid4())
    body["id"] = case_id
    row = conn.execute("SELECT current_version, status FROM cases WHERE id = ?", (case_id,)).fetchone()
    text = canonical_json(body)
    digest = hashlib.sha256(text.encode()).hexdigest()
    date, gov = summary_fields(body)
    if row is None:
        version = 1
        conn.execute(
            "INSERT INTO cases (id, form, form_version, title, status, current_version, "
            "incident_date, governorate, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (case_id, body["form"], body["form_version"], body.get("title", ""), "draft", 1, date, gov, now, now),
        )
        conn.execute(
            "INSERT INTO case_versions (case_id, version, parent, status, body, sha256, saved_at) "
            "VALUES (?,?,?,?,?,?,?)",
            (case_id, version, None, "draft", text, digest, now),
        )
        audit.record(conn, "case.create", case_id, version=version)
    else:
        if is_received(conn, case_id):
            raise CaseReceived()
        current, status = row
        if status == "draft":
            version = current
            conn.execute(
                "UPDATE case_versions SET body = ?, sha256 = ?, saved_at = ? WHERE case_id = ? AND version = ?",
                (text, digest, now, case_id, version),
            )
        else:
            version = current + 1
            conn.execute(
                "INSERT INTO case_versions (case_id, version, parent, status, body, sha256, saved_at) "
                "VALUES (?,?,?,?,?,?,?)",
                (case_id, version, current, "draft", text, digest, now),
            )
        conn.execute(
            "UPDATE cases SET form = ?, form_version = ?, title = ?, status = 'draft', "
            "current_version = ?, incident_date = ?, governorate = ?, updated_at = ? WHERE id = ?",
            (body["form"], body["form_version"], body.get("title", ""), version, date, gov, now, case_id),
        )
        audit.record(conn, "case.edit", case_id, version=version)
    index_case(conn, case_id, body)
    return case_id, version


def seal_case(vault: Vault, case_id: str) -> int:
    conn = vault.connection()
    with transaction(conn):
        row = conn.execute("SELECT current_version, status FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise CaseNotFound("case.not_found")
        version, status = row
        if status == "sealed":
            return version
        conn.execute(
            "UPDATE case_versions SET status = 'sealed' WHERE case_id = ? AND version = ?", (case_id, version)
        )
        conn.execute(
            "UPDATE cases SET status = 'sealed', updated_at = ? WHERE id = ?", (audit.now_iso(), case_id)
        )
        audit.record(conn, "case.seal", case_id, version=version)
    changes.publish(vault, changes.CASES)
    return version


def get_case(vault: Vault, case_id: str, version: int | None = None) -> dict:
    conn = vault.connection()
    meta = conn.execute(
        "SELECT current_version, status, created_at, updated_at FROM cases WHERE id = ?", (case_id,)
    ).fetchone()
    if meta is None:
        raise CaseNotFound("case.not_found")
    current, status, created, updated = meta
    version = current if version is None else version  # 0 is a version that does not exist
    row = conn.execute(
        "SELECT body, status, parent, saved_at FROM case_versions WHERE case_id = ? AND version = ?",
        (case_id, version),
    ).fetchone()
    if row is None:
        raise CaseNotFound("case.no_such_version")
    body = json.loads(row[0])
    body["_meta"] = {
        "version": version,
        "current_version": current,
        "status": row[1],
        "parent": row[2],
        "saved_at": row[3],
        "created_at": created,
        "updated_at": updated,
        "attachments": list_attachments(vault, case_id),
    }
    return body


def received_from(vault: Vault, case_id: str) -> str | None:
    """The documenter who sent a case to this (coordinator) vault: their name as trusted, else their
    key id; None for a case recorded here. A received case is the documenter's record, read-only here."""
    row = vault.connection().execute(
        "SELECT p.documenter, coalesce(t.name, '') FROM case_provenance AS p "
        "LEFT JOIN trusted_documenters AS t ON t.key_id = p.documenter WHERE p.case_id = ? "
        "ORDER BY p.version LIMIT 1", (case_id,),
    ).fetchone()
    if row is None:
        return None
    return row[1] or row[0]


def case_history(vault: Vault, case_id: str) -> list[dict]:
    rows = vault.connection().execute(
        "SELECT version, parent, status, sha256, saved_at FROM case_versions WHERE case_id = ? ORDER BY version",
        (case_id,),
    ).fetchall()
    return [dict(zip(("version", "parent", "status", "sha256", "saved_at"), r, strict=True)) for r in rows]


_ORDERS = {"updated": "updated_at DESC", "date": "incident_date DESC", "title": "title COLLATE NOCASE"}


def query_cases(
    vault: Vault,
    *,
    form: str | None = None,
    status: str | None = None,
    governorate: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    text: str | None = None,
    order: str = "updated",
    limit: int | None = None,
    offset: int = 0,
    conn: Connection | None = None,
) -> list[CaseSummary]:
    """One page of case summaries; the GUI's table model fetches pages lazily through this.

    With a text filter and the default order, results come newest-indexed first (every save
    re-indexes, so this is last-saved first): FTS5 then walks its own rowids backwards and stops
    at the page's end instead of fetching and sorting every match — 260 ms → 36 ms median at
    100,000 cases (docs/benchmarks.md).
    """
    source, where, args = _filters(form, status, governorate, date_from, date_to, text)
    if source != "cases" and order == "updated":
        order_by = "s.rowid DESC"
    else:
        order_by = f"{_ORDERS.get(order, _ORDERS['updated'])}, id"
    sql = (
        "SELECT id, form, form_version, title, status, current_version, incident_date, governorate, "
        f"updated_at FROM {source} {where} ORDER BY {order_by}"
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    rows = (conn or vault.connection()).execute(sql, args).fetchall()
    return [CaseSummary(*r) for r in rows]


def count_cases(vault: Vault, conn: Connection | None = None, **filters: str | None) -> int:
    source, where, args = _filters(**filters)
    return int((conn or vault.connection()).execute(f"SELECT count(*) FROM {source} {where}", args).fetchone()[0])


def _fts_query(text: str) -> str:
    """Words as quoted prefixes or their name keys: user input is never FTS5 syntax (forms.search)."""
    return case_search.match_expression(text)


def _filters(
    form: str | None = None,
    status: str | None = None,
    governorate: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    text: str | None = None,
) -> tuple[str, str, list]:
    """(FROM source, WHERE clause, arguments). A text filter joins the FTS index by rowid."""
    source, clauses, args = "cases", [], []
    match = _fts_query(text) if text else ""
    if match:
        # Joined on the remembered rowid: the FTS table's case_id column has no index.
        source = "case_search AS s JOIN cases ON cases.search_rowid = s.rowid"
        clauses.append("case_search MATCH ?")
        args.append(match)
    for column, value in (("form", form), ("status", status), ("governorate", governorate)):
        if value:
            clauses.append(f"{column} = ?")
            args.append(value)
    if date_from:
        clauses.append("incident_date >= ?")
        args.append(date_from)
    if date_to:
        clauses.append("incident_date <= ?")
        args.append(date_to + "\uffff")
    return source, ("WHERE " + " AND ".join(clauses)) if clauses else "", args


def search(vault: Vault, text: str, limit: int = 200) -> list[CaseSummary]:
    if not _fts_query(text):
        return []
    return query_cases(vault, text=text, limit=limit)


# ---- attachments -----------------------------------------------------------------------------
def attach_file(vault: Vault, case_id: str, path: Path, progress=None, cancelled=None) -> dict:
    """Encrypt a file into the vault; then read it back into memory as media (capture metadata,
    perceptual hashes, app/services/media) and look for photos or videos it looks like.

    The returned attachment has `media` (what the file says), `seen_before` (earlier attachments
    that look alike, earliest sighting first) and `warnings` (where it contradicts the case)."""
    path = Path(path)
    if not path.is_file():
        raise TawthiqError("case.attachment_unreadable")
    _check_attachable(vault, case_id)
    with open(path, "rb") as source:
        return _attach(vault, case_id, source, path.name, progress, cancelled)


def attach_proofmode(vault: Vault, case_id: str, path: Path, progress=None, cancelled=None) -> dict:
    """Attach the photo or video of a ProofMode bundle (a zip read in memory, never unpacked to
    disk) with the check of its proof and signatures (app/services/media/proofmode.py)."""
    from app.services.media import proofmode

    _check_attachable(vault, case_id)
    try:
        with open(path, "rb") as source:
            raw = source.read(proofmode.MAX_TOTAL + (1 << 20))
    except OSError:
        raise TawthiqError("case.attachment_unreadable") from None
    bundle = proofmode.read(raw)
    return _attach(vault, case_id, io.BytesIO(bundle.media), bundle.media_name, progress, cancelled,
                   {"proofmode": bundle.check})


def _check_attachable(vault: Vault, case_id: str) -> None:
    conn = vault.connection()
    if conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None:
        raise CaseNotFound("case.not_found")
    if is_received(conn, case_id):
        raise CaseReceived()


def _attach(vault: Vault, case_id: str, source, filename: str, progress, cancelled,
            extra_provenance: dict | None = None) -> dict:
    from app.services.media import analyse, provenance, sightings

    conn = vault.connection()
    blob, digest, size = vault.blobs.put(source, progress)
    media_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    attachment_id = str(uuid.uuid4())
    attachment: dict = {
        "id": attachment_id,
        "sha256": digest,
        "size": size,
        "media_type": media_type,
        "filename": filename,
    }
    try:
        reading = analyse.analyse_blob(vault, blob, digest, size, cancelled)
        with transaction(conn):
            now = audit.now_iso()
            conn.execute(
                "INSERT INTO attachments (id, case_id, sha256, size, media_type, filename, blob, captured_at, "
                "added_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (attachment_id, case_id, digest, size, media_type, filename, blob,
                 _captured_at(reading.capture), now),
            )
            alike = sightings.find_alike(conn, reading.hashes, exclude=attachment_id)
            sightings.store(conn, attachment_id, reading.capture, reading.hashes, seen_at=now)
            sightings.record_alike(conn, attachment_id, alike)
            provenance.store(conn, attachment_id, {**reading.provenance, **(extra_provenance or {})})
            conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (now, case_id))
            audit.record(conn, "case.attach", case_id, attachment=attachment_id, sha256=digest,
                         media=reading.capture.get("status"), hashes=reading.hashes.status, alike=len(alike))
    except BaseException:
        vault.blobs.delete(blob)
        raise
    attachment.update(media_view(vault, attachment_id))
    return attachment


def _captured_at(found: dict) -> str | None:
    taken = found.get("taken_at")
    return taken if isinstance(taken, str) else None


def media_view(vault: Vault, attachment_id: str) -> dict:
    """What the attachment panel shows: {media, seen_before, warnings} (app/services/media)."""
    from app.services.media import analyse, provenance, sightings

    conn = vault.connection()
    record = sightings.media_record(conn, attachment_id)
    row = conn.execute("SELECT case_id FROM attachments WHERE id = ?", (attachment_id,)).fetchone()
    warnings: list[dict] = []
    if record is not None and row is not None:
        body = json.loads(conn.execute(
            "SELECT v.body FROM case_versions v JOIN cases c ON c.id = v.case_id AND c.current_version = v.version "
            "WHERE c.id = ?", (row[0],)).fetchone()[0])
        warnings = analyse.contradictions(record["capture"], body)
    return {"media": record, "seen_before": [s.to_json() for s in sightings.alike_of(conn, attachment_id)],
            "warnings": warnings, "provenance": provenance.stored(conn, attachment_id)}


def list_attachments(vault: Vault, case_id: str) -> list[dict]:
    rows = vault.connection().execute(
        "SELECT id, sha256, size, media_type, filename, added_at FROM attachments WHERE case_id = ? "
        "ORDER BY added_at",
        (case_id,),
    ).fetchall()
    keys = ("id", "sha256", "size", "media_type", "filename", "added_at")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def attachment_blob(vault: Vault, attachment_id: str) -> tuple[str, str]:
    row = vault.connection().execute(
        "SELECT blob, sha256 FROM attachments WHERE id = ?", (attachment_id,)
    ).fetchone()
    if row is None:
        raise TawthiqError("case.no_attachment")
    return row[0], row[1]


def read_attachment(vault: Vault, attachment_id: str, max_size: int = 64 << 20) -> bytes:
    blob, digest = attachment_blob(vault, attachment_id)
    return vault.blobs.read_bytes(blob, digest, max_size)


def export_attachment(vault: Vault, attachment_id: str, destination: Path) -> int:
    """Decrypt one attachment to a file the user chose explicitly (atomic write)."""
    from storage.atomic import atomic_output

    blob, digest = attachment_blob(vault, attachment_id)
    with atomic_output(Path(destination)) as out:
        return vault.blobs.read_into(blob, out, digest)


def all_case_ids(vault: Vault) -> Iterable[str]:
    return [r[0] for r in vault.connection().execute("SELECT id FROM cases ORDER BY created_at")]
