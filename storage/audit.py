"""Append-only, hash-chained audit log inside the encrypted database.

Entries name actions and record ids, never case content, names or keys: the log is shown to
coordinators and custodians and must be safe to show.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

from storage.database import Connection
from storage.errors import CorruptVault

GENESIS = "0" * 64

ACTIONS = frozenset(
    {
        "vault.create",
        "vault.passphrase",
        "vault.age_identity_export",
        "vault.wipe",
        "vault.cleanup",
        "vault.backup",
        "vault.restore",
        "vault.recover",
        "recovery.shares",
        "recovery.off",
        "keys.rotate",
        "custodian.rotate",
        "case.create",
        "case.edit",
        "case.seal",
        "case.attach",
        "case.purge",
        "case.annotate",
        "case.import_sheet",
        "witness.create",
        "witness.edit",
        "identity.reveal",
        "identity.link",
        "identity.reseal",
        "profile.import",
        "trust.add",
        "trust.revoke",
        "trust.reinstate",
        "media.trust_anchors",
        "bundle.export",
        "bundle.import",
        "ack.export",
        "ack.import",
        "linkage.decide",
        "linkage.undo",
        "linkage.split",
        "report.export",
        "organisation.data",
        "source.import",
        "source.remove",
    }
)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _entry_hash(prev_hash: str, at: str, action: str, subject: str, detail: str) -> str:
    payload = json.dumps([prev_hash, at, action, subject, detail], ensure_ascii=False).encode()
    return hashlib.sha256(payload).hexdigest()


def record(conn: Connection, action: str, subject: str = "", **detail: object) -> str:
    """Append one entry; call inside the caller's transaction so it commits with the change."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    row = conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    prev = row[0] if row else GENESIS
    at = now_iso()
    detail_json = json.dumps(detail, sort_keys=True, ensure_ascii=False)
    h = _entry_hash(prev, at, action, subject, detail_json)
    conn.execute(
        "INSERT INTO audit_log (at, action, subject, detail, prev_hash, hash) VALUES (?,?,?,?,?,?)",
        (at, action, subject, detail_json, prev, h),
    )
    return h


def entries(conn: Connection) -> list[dict]:
    rows = conn.execute(
        "SELECT seq, at, action, subject, detail, hash FROM audit_log ORDER BY seq"
    ).fetchall()
    return [
        {"seq": s, "at": at, "action": a, "subject": subj, "detail": json.loads(d), "hash": h}
        for s, at, a, subj, d, h in rows
    ]


def head(conn: Connection) -> tuple[int, str] | None:
    """(seq, hash) of the last entry: where the log stands, as a bundle's manifest names it."""
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else None


def hash_at(conn: Connection, seq: int) -> str | None:
    row = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()
    return str(row[0]) if row else None


def first_break(conn: Connection) -> int | None:
    """None if every entry's hash recomputes and links to the one before; else the first entry
    (seq) where the chain breaks.

    This catches edits made to the database outside Tawthiq that did not recompute the chain.
    It cannot catch one that did: the chain is unkeyed, and whoever holds the passphrase can
    rewrite it (docs/threat-model.md).
    """
    try:
        verify_chain(conn)
    except ChainBroken as exc:
        return exc.seq
    return None


class ChainBroken(CorruptVault):
    def __init__(self, seq: int):
        self.seq = seq
        super().__init__("audit.broken", entry=seq)


def verify_chain(conn: Connection) -> int:
    """Recompute every hash; return the number of entries or raise CorruptVault at the first break."""
    prev = GENESIS
    count = 0
    for seq, at, action, subject, detail, prev_hash, h in conn.execute(
        "SELECT seq, at, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY seq"
    ):
        if prev_hash != prev or _entry_hash(prev, at, action, subject, detail) != h:
            raise ChainBroken(seq)
        prev = h
        count += 1
    return count
