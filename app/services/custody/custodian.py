"""The identity custodian's side, in the coordinator app (DESIGN.md section 5).

The custodian key file holds the custodian's age identity (what witness identities are sealed
to) and a link key for keyed tags, wrapped under the custodian's own passphrase the way the vault
key file is (storage.keyfile's Argon2id → AES-256-GCM, header as associated data). It lives
apart from any vault, with the custodian.

- `reveal`: open one identity, with a reason; the audit log records who, when and why.
- `link`: open every sealed identity in memory, compare them (app.services.custody.identity_match),
  store only links between pseudonyms and keyed tags (HMAC-SHA-256 over normalised name
  skeletons and phone digits) so a witness seen again is recognised; audit `identity.link`.
Analysts read `links()`: pseudonyms only.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import pyrage

from app.services.custody import identity_match
from app.services.intake import witnesses
from storage import audit, keyfile
from storage.atomic import atomic_write_bytes
from storage.database import Connection, transaction
from storage.errors import TawthiqError, WrongPassphrase
from storage.passphrase import check_new_passphrase
from storage.vault import Vault

FORMAT = "tawthiq-custodian-key"
VERSION = 1


class CustodianKeyError(TawthiqError):
    pass


class WrongCustodianPassphrase(WrongPassphrase):
    def __init__(self) -> None:
        super().__init__("custodian.wrong_passphrase")


@dataclass
class CustodianKey:
    """Held only while the custodian works; never written anywhere unwrapped."""

    age_identity: str
    link_key: bytes
    label: str
    created_at: str

    @property
    def identity(self) -> pyrage.x25519.Identity:
        return pyrage.x25519.Identity.from_str(self.age_identity)

    @property
    def recipient(self) -> str:
        return str(self.identity.to_public())

    @property
    def fingerprint(self) -> str:
        """Short public fingerprint of the recipient, for audit entries and for checking by eye."""
        return hashlib.sha256(self.recipient.encode()).hexdigest()[:16]

    @property
    def who(self) -> str:
        return f"{self.label} ({self.fingerprint})" if self.label else self.fingerprint

    def tag(self, kind: str, value: str) -> str:
        return hmac.new(self.link_key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def _aad(header: dict) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode()


def create_key(path: Path, passphrase: str, label: str = "", params: dict | None = None) -> CustodianKey:
    """Make a new custodian key file (refuses to overwrite one: that would lose every identity)."""
    path = Path(path)
    if path.exists():
        raise CustodianKeyError("custodian.key_file_exists")
    check_new_passphrase(passphrase)
    key = CustodianKey(str(pyrage.x25519.Identity.generate()), secrets.token_bytes(32), label.strip(),
                       audit.now_iso())
    write_key(path, key, passphrase, params)
    return key


def payload_of(key: CustodianKey) -> bytes:
    """The secret part of the key file, as wrapped under the passphrase (and the recovery secret)."""
    return json.dumps({"age_identity": key.age_identity, "link_key": key.link_key.hex(),
                       "label": key.label, "created_at": key.created_at}).encode()


def key_from_payload(raw: bytes) -> CustodianKey:
    d = json.loads(raw)
    return CustodianKey(d["age_identity"], bytes.fromhex(d["link_key"]), d["label"], d["created_at"])


def write_key(path: Path, key: CustodianKey, passphrase: str, params: dict | None = None,
              recovery: dict | None = None) -> None:
    """Write (atomically) the key file of `key` wrapped under `passphrase`, with its recovery slot if any."""
    params = params or keyfile.default_params()
    keyfile.check_params(params, "custodian key file")
    salt = secrets.token_bytes(16)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "recipient": key.recipient,  # public: anyone holding the file may read whom it seals for
        "kdf": {"name": "argon2id", **{k: int(params[k]) for k in ("memory_kib", "iterations", "lanes")},
                "salt": base64.b64encode(salt).decode()},
        "cipher": "aes-256-gcm",
    }
    nonce = secrets.token_bytes(12)
    kek = keyfile.derive_kek(passphrase, salt, params)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    doc = {"header": header, "nonce": base64.b64encode(nonce).decode(),
           "ciphertext": base64.b64encode(AESGCM(kek).encrypt(nonce, payload_of(key), _aad(header))).decode()}
    if recovery is not None:
        doc["recovery"] = recovery
    atomic_write_bytes(Path(path), json.dumps(doc, indent=1).encode())


def read_document(path: Path) -> dict:
    """The key file's JSON object (header checked), for the recovery slot kept beside the wrapped key."""
    return _read_doc(path)


def write_document(path: Path, doc: dict) -> None:
    atomic_write_bytes(Path(path), json.dumps(doc, indent=1).encode())


def read_recipient(path: Path) -> str:
    return _read_doc(path)["header"]["recipient"]


def _read_doc(path: Path) -> dict:
    try:
        raw = Path(path).read_bytes()
        if len(raw) > 64 * 1024:
            raise ValueError
        doc = json.loads(raw)
        if doc["header"]["format"] != FORMAT or doc["header"]["version"] != VERSION:
            raise ValueError
        return doc
    except (OSError, ValueError, KeyError, TypeError):
        raise CustodianKeyError("custodian.not_key_file") from None


def unlock_key(path: Path, passphrase: str) -> CustodianKey:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    doc = _read_doc(path)
    header = doc["header"]
    try:
        kdf = header["kdf"]
        params = {k: int(kdf[k]) for k in ("memory_kib", "iterations", "lanes")}
        salt = base64.b64decode(kdf["salt"])
        nonce = base64.b64decode(doc["nonce"])
        ciphertext = base64.b64decode(doc["ciphertext"])
    except (KeyError, ValueError, TypeError):
        raise CustodianKeyError("custodian.key_file_damaged") from None
    keyfile.check_params(params, "custodian key file")
    try:
        raw = AESGCM(keyfile.derive_kek(passphrase, salt, params)).decrypt(nonce, ciphertext, _aad(header))
    except InvalidTag:
        raise WrongCustodianPassphrase() from None
    key = key_from_payload(raw)
    if key.recipient != header["recipient"]:
        raise CustodianKeyError("custodian.key_file_damaged")
    return key


# ---- reveal -----------------------------------------------------------------------------------
def _sealed(conn: Connection, code: str) -> bytes:
    row = conn.execute("SELECT sealed_identity FROM witnesses WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise witnesses.WitnessNotFound("witness.not_found")
    if row[0] is None:
        raise witnesses.IdentityUnavailable("custodian.no_identity")
    return bytes(row[0])


def reveal(vault: Vault, key: CustodianKey, code: str, reason: str) -> dict:
    """Open one witness's identity for the custodian; audited with who, when (the entry's time)
    and why, never with the identity itself."""
    code = witnesses.parse_code(code)
    why = witnesses.check_reason(reason)
    conn = vault.connection()
    identity = witnesses.open_identity(code, _sealed(conn, code), key.identity)
    with transaction(conn):
        audit.record(conn, "identity.reveal", code, who=key.who, why=why)
    return identity


def reveals(vault: Vault) -> list[dict]:
    """The reveal history (who, when, why) for the custodian's and the coordinator's review."""
    return [
        {"at": e["at"], "pseudonym": e["subject"], "who": e["detail"].get("who"), "why": e["detail"].get("why")}
        for e in audit.entries(vault.connection())
        if e["action"] == "identity.reveal"
    ]


# ---- linking ----------------------------------------------------------------------------------
@dataclass
class LinkReport:
    opened: int = 0
    unreadable: int = 0
    compared: int = 0
    new_links: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"opened": self.opened, "unreadable": self.unreadable, "compared": self.compared,
                "new_links": self.new_links}


def _tags(key: CustodianKey, features: identity_match.Features) -> set[tuple[str, str]]:
    tags = {("name", key.tag("name", s.replace(" ", ""))) for s in features.skeletons}
    if features.phone:
        tags.add(("phone", key.tag("phone", features.phone)))
    return tags


def link(vault: Vault, key: CustodianKey) -> LinkReport:
    """Find witnesses recorded more than once (across documenters too) and store the links.

    Every identity the key opens is compared in memory, pairwise; the features and the opened
    identities are dropped when this returns. Stored: keyed tags per pseudonym and the links.
    """
    conn = vault.connection()
    report = LinkReport()
    features: dict[str, identity_match.Features] = {}
    for code, ciphertext in conn.execute(
        "SELECT code, sealed_identity FROM witnesses WHERE sealed_identity IS NOT NULL ORDER BY code"
    ).fetchall():
        try:
            features[code] = identity_match.Features.of(witnesses.open_identity(code, ciphertext, key.identity))
        except witnesses.IdentityUnavailable:
            report.unreadable += 1  # sealed to someone else (e.g. a documenter's own vault)
    report.opened = len(features)
    existing = {(a, b) for a, b in conn.execute("SELECT code_a, code_b FROM witness_links")}
    found = []
    for a, b in combinations(sorted(features), 2):
        report.compared += 1
        decision = identity_match.decide(features[a], features[b])
        if decision and (a, b) not in existing:
            found.append((a, b, *decision))
    now = audit.now_iso()
    with transaction(conn):
        for code, f in features.items():
            conn.execute("DELETE FROM witness_tags WHERE code = ?", (code,))
            conn.executemany("INSERT INTO witness_tags (code, kind, tag) VALUES (?,?,?)",
                             [(code, kind, tag) for kind, tag in sorted(_tags(key, f))])
        for a, b, basis, score in found:
            conn.execute("INSERT INTO witness_links (code_a, code_b, basis, score, linked_at) VALUES (?,?,?,?,?)",
                         (a, b, basis, score, now))
            report.new_links.append({"a": a, "b": b, "basis": basis, "score": score})
        audit.record(conn, "identity.link", "", who=key.who, opened=report.opened, new_links=len(found))
    features.clear()
    return report


def recognise(vault: Vault, key: CustodianKey, identity: dict) -> list[str]:
    """Pseudonyms already tagged with this identity's phone or name key (a witness seen again).

    The custodian can ask this about a person without opening any stored identity."""
    tags = [tag for _, tag in _tags(key, identity_match.Features.of(witnesses.check_identity(identity)))]
    if not tags:
        return []
    marks = ",".join("?" * len(tags))
    rows = vault.connection().execute(
        f"SELECT DISTINCT code FROM witness_tags WHERE tag IN ({marks}) ORDER BY code", tags
    ).fetchall()
    return [r[0] for r in rows]


def unlink(vault: Vault, key: CustodianKey, code_a: str, code_b: str, reason: str) -> None:
    """The custodian rejects a link (e.g. relatives sharing a phone). The pair stays recorded as
    rejected, so a later `link` run does not make it again; audited with who and why."""
    a, b = sorted((witnesses.parse_code(code_a), witnesses.parse_code(code_b)))
    why = witnesses.check_reason(reason)
    conn = vault.connection()
    with transaction(conn):
        changed = conn.execute(
            "UPDATE witness_links SET basis = 'rejected', linked_at = ? WHERE code_a = ? AND code_b = ? "
            "AND basis != 'rejected'", (audit.now_iso(), a, b)).rowcount
        if not changed:
            raise witnesses.WitnessNotFound("custodian.not_linked")
        audit.record(conn, "identity.link", f"{a} {b}", who=key.who, rejected=True, why=why)


def links(vault: Vault) -> list[dict]:
    """What analysts see: pairs of pseudonyms, with the basis and score; never a name."""
    rows = vault.connection().execute(
        "SELECT code_a, code_b, basis, score, linked_at FROM witness_links WHERE basis != 'rejected' "
        "ORDER BY code_a, code_b"
    ).fetchall()
    return [dict(zip(("a", "b", "basis", "score", "linked_at"), r, strict=True)) for r in rows]


def clusters(vault: Vault) -> list[list[str]]:
    """Groups of pseudonyms that are one person (connected components of the links)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in links(vault):
        parent[find(row["a"])] = find(row["b"])
    groups: dict[str, list[str]] = {}
    for code in parent:
        groups.setdefault(find(code), []).append(code)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


# ---- rotation -----------------------------------------------------------------------------------
@dataclass
class RotationReport:
    recipient: str
    resealed: int
    created: bool


def rotate_key(vault: Vault, old: CustodianKey, new_path: Path, new_passphrase: str,
               params: dict | None = None) -> RotationReport:
    """Move every identity sealed to `old` onto a new custodian key (issue 20 item 3).

    The new key file at `new_path` is made (new age identity, the same link key, so keyed tags and
    links stay valid) unless it exists, as after an earlier rotation: then it is opened with
    `new_passphrase` and must share the link key. Every witness identity sealed to the old
    recipient is opened in memory and sealed to the new one in one transaction; the coordinator's
    profile names the new recipient from now on (the next `profile export` carries it), and
    identities still arriving sealed to the old one (documenters who have not imported the new
    profile yet) are accepted and moved by running this again. Audited as `custodian.rotate`.
    """
    new_path = Path(new_path)
    created = not new_path.exists()
    if created:
        check_new_passphrase(new_passphrase)
        new = CustodianKey(str(pyrage.x25519.Identity.generate()), old.link_key, old.label, audit.now_iso())
        write_key(new_path, new, new_passphrase, params)
    else:
        new = unlock_key(new_path, new_passphrase)
        if not hmac.compare_digest(new.link_key, old.link_key):
            raise CustodianKeyError("custodian.not_successor")
    if new.recipient == old.recipient:
        raise CustodianKeyError("custodian.not_successor")
    conn = vault.connection()
    resealed = 0
    with transaction(conn):
        rows = conn.execute("SELECT code, sealed_identity FROM witnesses WHERE sealed_to = 'custodian' "
                            "AND sealed_recipient = ?", (old.recipient,)).fetchall()
        for code, ciphertext in rows:
            identity = witnesses.open_identity(code, bytes(ciphertext), old.identity)
            conn.execute("UPDATE witnesses SET sealed_identity = ?, sealed_recipient = ? WHERE code = ?",
                         (witnesses.seal_identity(code, identity, new.recipient), new.recipient, code))
            resealed += 1
        from app.services.exchange.organisation_profile import CUSTODIAN_SETTING, RETIRED_CUSTODIANS_SETTING

        row = conn.execute("SELECT value FROM settings WHERE key = ?", (RETIRED_CUSTODIANS_SETTING,)).fetchone()
        retired = json.loads(row[0]) if row else []
        if old.recipient not in retired:
            retired.append(old.recipient)
        for key, value in ((CUSTODIAN_SETTING, new.recipient), (RETIRED_CUSTODIANS_SETTING, json.dumps(retired))):
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
        audit.record(conn, "custodian.rotate", new.fingerprint, old=old.fingerprint, resealed=resealed)
    return RotationReport(new.recipient, resealed, created)
