"""Is this vault as Tawthiq left it? The checks behind `tawthiq audit verify` and `verify-vault`.

- The audit log's hash chain (storage.audit): catches an edit made outside Tawthiq that did not
  recompute it. Also run at every unlock (storage.vault), where a break warns.
- SQLite's integrity check of the database file's structure.
- Every case version's body against the hash recorded when it was saved.
- On a coordinator, every received case version against its documenter's signature
  (app/services/exchange/received_evidence.py): this one holds even against someone who holds the
  passphrase and recomputed the chain, since they cannot sign as the documenter.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from app.services.exchange import received_evidence
from app.services.vault import keys
from storage import audit, minisign
from storage.database import integrity_problems
from storage.errors import CorruptVault, TawthiqError
from storage.vault import Vault


class VerificationFailed(TawthiqError):
    exit_code = 4  # as a bundle that fails verification: what was checked does not hold


@dataclass
class VaultCheck:
    audit_entries: int
    audit_problem: str | None
    database_problems: list[str]
    version_problems: list[str] | None = None  # None: not checked (audit verify)
    custody: received_evidence.CustodyCheck | None = None
    documenters: dict[str, str] | None = None  # key id → "name (fingerprint …)", for the report

    @property
    def problems(self) -> list[str]:
        out = [self.audit_problem] if self.audit_problem else []
        out += [f"database: {p}" for p in self.database_problems]
        out += self.version_problems or []
        out += self.custody.problem_lines() if self.custody else []
        return out

    def lines(self) -> list[str]:
        """The human report: one line per check, then one per problem."""
        out = [f"audit log: {self.audit_entries} entries, "
               + ("chain intact" if self.audit_problem is None else "BROKEN"),
               "database: " + ("integrity ok" if not self.database_problems else
                               f"{len(self.database_problems)} problem(s)")]
        if self.version_problems is not None:
            out.append("case versions: " + ("every body matches its recorded hash" if not self.version_problems
                                            else f"{len(self.version_problems)} do not match their recorded hash"))
        if self.custody is not None:
            c = self.custody
            held = sum(c.verified.values())
            out.append(f"received versions: {held} of {c.versions} match their documenter's signature")
            for key_id, count in sorted(c.verified.items()):
                who = (self.documenters or {}).get(key_id, key_id)
                out.append(f"  {count} signed by {who}")
        return out + self.problems

    def to_json(self) -> dict:
        custody = None
        if self.custody is not None:
            custody = {"versions": self.custody.versions, "verified": self.custody.verified,
                       "problems": [{"case": c, "version": v, "problem": p} for c, v, p in self.custody.problems]}
        return {"ok": not self.problems, "audit_entries": self.audit_entries, "audit_problem": self.audit_problem,
                "database_problems": self.database_problems, "version_problems": self.version_problems,
                "received": custody}


def _audit(conn) -> tuple[int, str | None]:
    try:
        return audit.verify_chain(conn), None
    except CorruptVault as exc:
        count = int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
        return count, str(exc)


def check_audit(vault: Vault) -> VaultCheck:
    """`audit verify`: the chain and the database file."""
    conn = vault.connection()
    entries, problem = _audit(conn)
    return VaultCheck(entries, problem, integrity_problems(conn))


def _version_problems(conn) -> list[str]:
    out = []
    for case_id, version, body, sha in conn.execute("SELECT case_id, version, body, sha256 FROM case_versions "
                                                    "ORDER BY case_id, version"):
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != sha:
            out.append(f"case {case_id} version {version}: its body does not match the hash recorded when it "
                       f"was saved (changed outside Tawthiq)")
    return out


def _documenters(conn) -> dict[str, str]:
    out = {}
    for key_id, public_key, name in conn.execute("SELECT key_id, public_key, name FROM trusted_documenters"):
        fingerprint = keys.fingerprint(minisign.PublicKey.from_base64(public_key))
        out[key_id] = f"{name or key_id} (key {key_id}, fingerprint {fingerprint})"
    return out


def check_vault(vault: Vault) -> VaultCheck:
    """`verify-vault`: everything `check_audit` does, every version's hash, every received version's
    signature."""
    result = check_audit(vault)
    conn = vault.connection()
    result.version_problems = _version_problems(conn)
    if vault.role == "coordinator":
        result.custody = received_evidence.recheck(conn)
        result.documenters = _documenters(conn)
    return result
