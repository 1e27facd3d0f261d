"""The witness register: pseudonyms, consent, and identities sealed at entry (DESIGN.md section 5).

The real identity (names in Arabic and Latin script, phone, address, other contact) is sealed
with age the moment it is entered, to the organisation's custodian recipient (the vault setting
`profile.custodian_recipient`, written by `profile import`). The vault cannot open that copy: a
coerced unlock reveals nothing. Before a profile exists the identity is sealed to the vault's own
recipient and `reseal` moves it to the custodian once the profile arrives. A documenter may opt
in, per witness, to keep a locally readable copy (sealed to the vault) for follow-up.

Nothing identifying goes into the full-text index, the audit log or any error message.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
from dataclasses import dataclass

import pyrage

from app.services import changes
from app.services.intake import consent as consent_rules
from storage import audit
from storage.database import Connection, checkpoint_and_truncate, transaction
from storage.errors import TawthiqError
from storage.vault import Vault

CUSTODIAN_SETTING = "profile.custodian_recipient"
IDENTITY_FIELDS = ("name_ar", "name_latin", "phone", "address", "other_contact")
RISKS = ("unknown", "low", "medium", "high")
MAX_FIELD = 500
LOCAL_COPY_WARNING = (
    "A locally readable copy can be read by anyone who makes this laptop's owner unlock it, "
    "for example at a checkpoint. Keep one only if you must follow up with this witness yourself."
)

# Crockford base32: no I, L, O or U, so a code read aloud or copied by hand survives.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE = re.compile(r"^W-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


class InvalidWitness(TawthiqError):
    pass


class WitnessNotFound(TawthiqError):
    pass


class IdentityUnavailable(TawthiqError):
    pass


def new_code() -> str:
    """A random pseudonym, 40 bits: W-7KQ3-M9XD."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"W-{chars[:4]}-{chars[4:]}"


def parse_code(text: str) -> str:
    """The canonical code from what a person typed: case, spaces, O/0 and I/L/1 forgiven."""
    if not isinstance(text, str):
        raise InvalidWitness("witness.bad_pseudonym")
    raw = re.sub(r"[\s\-]", "", text.upper())
    if raw.startswith("W"):
        raw = raw[1:]
    raw = raw.translate(_READ_AS)
    code = f"W-{raw[:4]}-{raw[4:]}"
    if len(raw) != 8 or not _CODE.match(code):
        raise InvalidWitness("witness.bad_pseudonym")
    return code


def is_code(text: object) -> bool:
    return isinstance(text, str) and bool(_CODE.match(text))


@dataclass
class Witness:
    code: str
    alias: str
    relation: str
    risk: str
    follow_up: str
    consent: dict
    sealed_to: str | None
    has_local_copy: bool
    origin: str
    created_at: str
    updated_at: str

    def to_json(self) -> dict:
        return dict(self.__dict__)


_COLUMNS = (
    "code, alias, relation, risk, follow_up, consent, sealed_to, local_identity IS NOT NULL, origin, "
    "created_at, updated_at"
)


def _row_to_witness(row: tuple) -> Witness:
    code, alias, relation, risk, follow_up, consent, sealed_to, local, origin, created, updated = row
    return Witness(code, alias, relation, risk, follow_up, json.loads(consent), sealed_to, bool(local),
                   origin, created, updated)


def _text(body: dict, key: str, problems: list[str]) -> str:
    value = body.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > MAX_FIELD:
        problems.append(key)
        return ""
    return value.strip()


def check_register_fields(body: dict) -> dict:
    """alias, relation, risk, follow_up from untrusted input."""
    problems: list[str] = []
    out = {k: _text(body, k, problems) for k in ("alias", "relation", "follow_up")}
    out["risk"] = body.get("risk") or "unknown"
    if out["risk"] not in RISKS:
        problems.append("risk")
    if problems[:1] == ["risk"]:
        raise InvalidWitness("witness.risk_unknown", choices=", ".join(RISKS))
    if problems:
        raise InvalidWitness("witness.field_too_long", field=problems[0], limit=MAX_FIELD)
    return out


def check_identity(untrusted: object) -> dict:
    if not isinstance(untrusted, dict):
        raise InvalidWitness("witness.identity_not_object")
    unknown = set(untrusted) - set(IDENTITY_FIELDS)
    if unknown:
        # The field name is ours to show; the value never is.
        raise InvalidWitness("witness.identity_unknown_field", field=repr(sorted(unknown)[0]))
    problems: list[str] = []
    identity = {k: _text(untrusted, k, problems) for k in IDENTITY_FIELDS}
    if problems:
        raise InvalidWitness("witness.field_too_long", field="identity." + problems[0], limit=MAX_FIELD)
    return identity


# ---- sealing ---------------------------------------------------------------------------------
def seal_target(vault: Vault) -> tuple[str, str]:
    """(recipient, 'custodian'|'vault'): the custodian's when a profile gave one, else our own."""
    recipient = vault.setting(CUSTODIAN_SETTING)
    if recipient:
        try:
            pyrage.x25519.Recipient.from_str(recipient)
        except Exception:
            raise TawthiqError("witness.custodian_not_age") from None
        return recipient, "custodian"
    return vault.age_recipient, "vault"


def seal_identity(code: str, identity: dict, recipient: str) -> bytes:
    """age ciphertext of the identity; the code is inside so a ciphertext cannot be moved to
    another witness unnoticed."""
    payload = json.dumps({"code": code, **identity}, ensure_ascii=False, sort_keys=True).encode()
    return pyrage.encrypt(payload, [pyrage.x25519.Recipient.from_str(recipient)])


def open_identity(code: str, ciphertext: bytes,
                  identity: pyrage.x25519.Identity | list[pyrage.x25519.Identity]) -> dict:
    """Decrypt in memory; raise IdentityUnavailable if this key cannot or the code differs.
    A list of identities: the vault's current one and those a key rotation retired."""
    identities = identity if isinstance(identity, list) else [identity]
    try:
        payload = json.loads(pyrage.decrypt(bytes(ciphertext), identities))
    except Exception:
        raise IdentityUnavailable("witness.key_cannot_open") from None
    if not isinstance(payload, dict) or payload.pop("code", None) != code:
        raise IdentityUnavailable("witness.identity_other_pseudonym")
    return {k: payload.get(k, "") for k in IDENTITY_FIELDS}


# ---- the register ----------------------------------------------------------------------------
def add_witness(vault: Vault, body: object) -> str:
    """Enter a witness from {alias, relation, risk, follow_up, consent, identity, keep_local_copy}.

    Returns the new pseudonym. The identity is sealed before anything is written.
    """
    if not isinstance(body, dict):
        raise InvalidWitness("witness.not_object")
    allowed_keys = {"alias", "relation", "risk", "follow_up", "consent", "identity", "keep_local_copy"}
    unknown = set(body) - allowed_keys
    if unknown:
        raise InvalidWitness("witness.unknown_field", field=repr(sorted(unknown)[0]))
    fields = check_register_fields(body)
    consent = consent_rules.check_consent(body.get("consent"))
    identity = check_identity(body.get("identity") or {})
    keep_local = body.get("keep_local_copy", False)
    if not isinstance(keep_local, bool):
        raise InvalidWitness("witness.keep_local_not_bool")
    recipient, sealed_to = seal_target(vault)
    conn = vault.connection()
    now = audit.now_iso()
    with transaction(conn):
        code = new_code()
        while conn.execute("SELECT 1 FROM witnesses WHERE code = ?", (code,)).fetchone():
            code = new_code()
        has_identity = any(identity.values())
        sealed = seal_identity(code, identity, recipient) if has_identity else None
        local = seal_identity(code, identity, vault.age_recipient) if has_identity and keep_local else None
        conn.execute(
            "INSERT INTO witnesses (code, alias, relation, risk, follow_up, consent, sealed_identity, "
            "sealed_to, sealed_recipient, local_identity, origin, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,'',?,?)",
            (code, fields["alias"], fields["relation"], fields["risk"], fields["follow_up"],
             json.dumps(consent), sealed, sealed_to if sealed else None, recipient if sealed else None,
             local, now, now),
        )
        audit.record(conn, "witness.create", code, sealed_to=sealed_to if sealed else None,
                     local_copy=local is not None)
    changes.publish(vault, changes.WITNESSES)
    return code


class ReceivedWitness(TawthiqError):
    pass


def _require(conn: Connection, code: str) -> None:
    """The witness exists and was entered here: a received record is the documenter's to change
    (the next bundle would overwrite a change made on the coordinator)."""
    row = conn.execute("SELECT origin FROM witnesses WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise WitnessNotFound("witness.not_found")
    if row[0]:
        raise ReceivedWitness("witness.received")


def get_witness(vault: Vault, code: str, conn: Connection | None = None) -> Witness:
    code = parse_code(code)
    row = (conn or vault.connection()).execute(
        f"SELECT {_COLUMNS} FROM witnesses WHERE code = ?", (code,)
    ).fetchone()
    if row is None:
        raise WitnessNotFound("witness.not_found")
    return _row_to_witness(row)


def list_witnesses(vault: Vault, conn: Connection | None = None) -> list[Witness]:
    rows = (conn or vault.connection()).execute(
        f"SELECT {_COLUMNS} FROM witnesses ORDER BY created_at, code"
    ).fetchall()
    return [_row_to_witness(r) for r in rows]


def update_witness(vault: Vault, code: str, body: dict) -> Witness:
    """Change alias, relation, risk or follow-up. The identity is entered once and never edited."""
    code = parse_code(code)
    if not isinstance(body, dict) or set(body) - {"alias", "relation", "risk", "follow_up"}:
        raise InvalidWitness("witness.only_register_fields")
    conn = vault.connection()
    current = get_witness(vault, code).to_json()
    fields = check_register_fields({k: body.get(k, current[k]) for k in ("alias", "relation", "risk", "follow_up")})
    with transaction(conn):
        _require(conn, code)
        conn.execute(
            "UPDATE witnesses SET alias = ?, relation = ?, risk = ?, follow_up = ?, updated_at = ?, "
            "revision = revision + 1 WHERE code = ?",
            (fields["alias"], fields["relation"], fields["risk"], fields["follow_up"], audit.now_iso(), code),
        )
        audit.record(conn, "witness.edit", code, fields=sorted(body))
    changes.publish(vault, changes.WITNESSES)
    return get_witness(vault, code)


def set_consent(vault: Vault, code: str, consent: object) -> dict:
    code = parse_code(code)
    clean = consent_rules.check_consent(consent)
    conn = vault.connection()
    with transaction(conn):
        _require(conn, code)
        # updated_at moves, so the next bundle carries the change (a withdrawal propagates).
        conn.execute("UPDATE witnesses SET consent = ?, updated_at = ?, revision = revision + 1 WHERE code = ?",
                     (json.dumps(clean), audit.now_iso(), code))
        audit.record(conn, "witness.edit", code, fields=["consent"], scope=clean["scope"],
                     withdrawn=bool(clean["withdrawn_on"]))
    changes.publish(vault, changes.WITNESSES)
    return clean


def withdraw_consent(vault: Vault, code: str, on: str | None = None) -> dict:
    current = get_witness(vault, code).consent
    current["withdrawn_on"] = on or audit.now_iso()[:10]
    return set_consent(vault, code, current)


def consents(conn: Connection) -> dict[str, dict]:
    """pseudonym → consent record, what consent.filter_cases needs."""
    return {code: json.loads(c) for code, c in conn.execute("SELECT code, consent FROM witnesses")}


def read_local_copy(vault: Vault, code: str, reason: str) -> dict:
    """The opt-in locally readable identity, for the documenter's own follow-up (audited)."""
    code = parse_code(code)
    conn = vault.connection()
    row = conn.execute("SELECT local_identity FROM witnesses WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise WitnessNotFound("witness.not_found")
    if row[0] is None:
        raise IdentityUnavailable("witness.no_local_copy")
    identity = open_identity(code, row[0], vault.age_identities)
    with transaction(conn):
        audit.record(conn, "identity.reveal", code, who="documenter (local copy)", why=check_reason(reason))
    return identity


def check_reason(reason: object) -> str:
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidWitness("witness.reason_required")
    if len(reason) > MAX_FIELD:
        raise InvalidWitness("witness.reason_too_long", limit=MAX_FIELD)
    return reason.strip()


def reseal(vault: Vault) -> int:
    """Move identities sealed to this vault onto the custodian, once a profile names one.

    The bundles engineer's `profile import` calls this; `witness reseal` does too. Returns how many
    identities moved. The vault-sealed copies are overwritten (secure_delete is on).
    """
    recipient, target = seal_target(vault)
    if target != "custodian":
        return 0
    conn = vault.connection()
    moved = 0
    with transaction(conn):
        rows = conn.execute(
            "SELECT code, sealed_identity FROM witnesses WHERE sealed_to = 'vault' AND origin = ''"
        ).fetchall()
        for code, ciphertext in rows:
            identity = open_identity(code, ciphertext, vault.age_identities)
            conn.execute(
                "UPDATE witnesses SET sealed_identity = ?, sealed_to = 'custodian', sealed_recipient = ?, "
                "updated_at = ?, revision = revision + 1 WHERE code = ?",
                (seal_identity(code, identity, recipient), recipient, audit.now_iso(), code),
            )
            moved += 1
        if moved:
            audit.record(conn, "identity.reseal", "", count=moved)
    if moved:
        # The vault-sealed copies may still sit in WAL frames the vault key can read: fold them into
        # the main file, where secure_delete has zeroed them.
        with contextlib.suppress(Exception):
            checkpoint_and_truncate(conn)
        changes.publish(vault, changes.WITNESSES)
    return moved
