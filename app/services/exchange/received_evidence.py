"""The documenter's signed evidence for every case version a coordinator received (issue 14).

Whoever holds a vault's passphrase can rewrite its database, audit log included. What a
documenter exported can still be checked: on import the coordinator keeps, per bundle, SHA256SUMS
and its minisign signature exactly as received, and the signed bytes of each case record that is
the provenance of a version. `recheck` proves from the vault alone, at any time, that a received
version's stored body is the one the documenter signed: the signature over SHA256SUMS with the
documenter's trusted key → the record's hash listed there → the version's hash inside the record
→ the stored body. Anyone can repeat the first two steps with stock `minisign` and `sha256sum`.

A bundle's manifest also names the documenter's audit log position (`audit`, docs/bundle-format.md):
its last entry (seq, hash) when the bundle was written, and the hash that the entry named by the
previous bundle has now. If the documenter's history before an export was rewritten and its chain
recomputed, that hash differs from what the previous bundle said: a fork alarm, nothing applied.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from storage import minisign
from storage.bundle import layout
from storage.bundle.layout import AuditClaim, AuditPosition, audit_claim
from storage.bundle.reader import OpenedBundle
from storage.database import Connection
from storage.errors import BundleRejected
from storage.vault import Vault


class AuditHistoryFork(BundleRejected):
    pass


def _claim_kept(conn: Connection, documenter: str, sequence: int) -> AuditClaim | None:
    row = conn.execute(
        "SELECT audit_seq, audit_hash, audit_previous_seq, audit_previous_hash FROM received_bundle_evidence "
        "WHERE documenter = ? AND sequence = ?", (documenter, sequence)).fetchone()
    if row is None or row[0] is None:
        return None
    previous = AuditPosition(row[2], row[3]) if row[2] is not None else None
    return AuditClaim(AuditPosition(row[0], row[1]), previous)


def check_history(conn: Connection, documenter: str, sequence: int, manifest: dict) -> None:
    """Raise a fork alarm if this bundle's audit position disagrees with its imported neighbours'."""
    claim = audit_claim(manifest)
    before = _claim_kept(conn, documenter, sequence - 1)
    if before is not None and (claim is None or claim.previous != before.head):
        raise AuditHistoryFork("import.audit_fork_previous", documenter=documenter, sequence=sequence,
                               previous=sequence - 1)
    after = _claim_kept(conn, documenter, sequence + 1)
    if after is not None and after.previous is not None and (claim is None or claim.head != after.previous):
        raise AuditHistoryFork("import.audit_fork_next", next=sequence + 1, documenter=documenter, sequence=sequence)


def keep(conn: Connection, opened: OpenedBundle, documenter: str, sequence: int) -> None:
    """Inside the import's transaction, after its records are applied: check the audit history
    again (the vault may have changed since verify) and keep the signed evidence."""
    check_history(conn, documenter, sequence, opened.manifest)
    claim = audit_claim(opened.manifest)
    head, previous = (claim.head, claim.previous) if claim else (None, None)
    conn.execute(
        "INSERT INTO received_bundle_evidence (documenter, sequence, sums, signature, audit_seq, audit_hash, "
        "audit_previous_seq, audit_previous_hash) VALUES (?,?,?,?,?,?,?,?)",
        (documenter, sequence, opened.sums, opened.signature, head and head.seq, head and head.hash,
         previous and previous.seq, previous and previous.hash))
    sums = layout.parse_sums(opened.sums)
    # Only the records this bundle is the provenance of: a record re-sent unchanged costs nothing.
    for (case_id,) in conn.execute("SELECT DISTINCT case_id FROM case_provenance WHERE documenter = ? "
                                   "AND sequence = ?", (documenter, sequence)).fetchall():
        path = f"records/{case_id}.json"
        if path in opened.records:
            conn.execute("INSERT INTO received_record_evidence (documenter, sequence, case_id, sha256, record) "
                         "VALUES (?,?,?,?,?)", (documenter, sequence, case_id, sums[path], opened.records[path]))


# ---- re-checking ----------------------------------------------------------------------------------
@dataclass
class CustodyCheck:
    """Every received case version re-checked against its documenter's signature."""

    versions: int = 0
    verified: dict[str, int] = field(default_factory=dict)  # documenter key id → versions that hold
    problems: list[tuple[str, int, str]] = field(default_factory=list)  # (case id, version, what)

    def problem_lines(self) -> list[str]:
        return [f"case {case_id} version {version}: {what}" for case_id, version, what in self.problems]


class _Bundles:
    """Each bundle's signature is checked once, however many versions it carried."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.keys = {kid: minisign.PublicKey.from_base64(pk)
                     for kid, pk in conn.execute("SELECT key_id, public_key FROM trusted_documenters")}
        self.sums: dict[tuple[str, int], dict[str, str] | str] = {}

    def signed_sums(self, documenter: str, sequence: int) -> dict[str, str] | str:
        """name → sha256 from the bundle's SHA256SUMS if its signature holds; else what is wrong."""
        if (documenter, sequence) not in self.sums:
            self.sums[documenter, sequence] = self._verify(documenter, sequence)
        return self.sums[documenter, sequence]

    def _verify(self, documenter: str, sequence: int) -> dict[str, str] | str:
        key = self.keys.get(documenter)
        if key is None:
            return "its documenter's key is not in the trust list"
        row = self.conn.execute("SELECT sums, signature FROM received_bundle_evidence WHERE documenter = ? "
                                "AND sequence = ?", (documenter, sequence)).fetchone()
        if row is None:
            return f"no signed evidence is kept for bundle {sequence} that brought it"
        try:
            minisign.verify(bytes(row[0]), minisign.Signature.parse(bytes(row[1])), key)
            return layout.parse_sums(bytes(row[0]))
        except BundleRejected:
            return f"the kept SHA256SUMS of bundle {sequence} does not verify with the documenter's key"


def _signed_versions(raw: bytes) -> dict[int, str]:
    """version → sha256 as the signed record states them ({} if the record is not one)."""
    try:
        record = json.loads(raw.decode("utf-8"))
        return {v["version"]: v["sha256"] for v in record["versions"]
                if isinstance(v, dict) and isinstance(v.get("version"), int) and isinstance(v.get("sha256"), str)}
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, KeyError, TypeError):
        return {}


def _received_versions(conn: Connection, case_id: str | None) -> Iterator[tuple]:
    where, args = ("WHERE p.case_id = ?", (case_id,)) if case_id is not None else ("", ())
    yield from conn.execute(
        "SELECT p.case_id, p.version, p.documenter, p.sequence, v.body, v.sha256 FROM case_provenance AS p "
        "LEFT JOIN case_versions AS v ON v.case_id = p.case_id AND v.version = p.version "
        f"{where} ORDER BY p.case_id, p.version", args)


def recheck_case(vault: Vault, case_id: str) -> CustodyCheck:
    """`recheck` of one case on this thread's connection (the GUI holds no connection itself)."""
    return recheck(vault.connection(), case_id)


def recheck(conn: Connection, case_id: str | None = None) -> CustodyCheck:
    """Re-check every received version (or one case's) against the documenter's signature."""
    result = CustodyCheck()
    bundles = _Bundles(conn)
    records: dict[tuple[str, int, str], tuple[str, dict[int, str]] | None] = {}
    for cid, version, documenter, sequence, body, stored_sha in _received_versions(conn, case_id):
        result.versions += 1
        problem = _check_version(conn, bundles, records, cid, version, documenter, sequence, body, stored_sha)
        if problem is None:
            result.verified[documenter] = result.verified.get(documenter, 0) + 1
        else:
            result.problems.append((cid, version, problem))
        if len(records) > 64:  # versions come ordered by case: older records are not asked for again
            records.clear()
    return result


def _check_version(conn: Connection, bundles: _Bundles, records: dict, case_id: str, version: int,
                   documenter: str, sequence: int, body: str | None, stored_sha: str | None) -> str | None:
    if body is None:
        return "the version is missing from the vault"
    sums = bundles.signed_sums(documenter, sequence)
    if isinstance(sums, str):
        return sums
    key = (documenter, sequence, case_id)
    if key not in records:
        row = conn.execute("SELECT sha256, record FROM received_record_evidence WHERE documenter = ? AND "
                           "sequence = ? AND case_id = ?", key).fetchone()
        records[key] = None if row is None else (hashlib.sha256(bytes(row[1])).hexdigest(),
                                                 _signed_versions(bytes(row[1])))
    kept = records[key]
    if kept is None:
        return f"no signed record is kept from bundle {sequence} that brought it"
    record_sha, signed = kept
    if sums.get(f"records/{case_id}.json") != record_sha:
        return f"the kept record differs from the one bundle {sequence}'s signed SHA256SUMS lists"
    signed_sha = signed.get(version)
    if signed_sha is None:
        return f"the signed record of bundle {sequence} does not carry this version"
    if hashlib.sha256(body.encode("utf-8")).hexdigest() != signed_sha or stored_sha != signed_sha:
        return "its stored body is not the one the documenter signed (changed in this vault)"
    return None
