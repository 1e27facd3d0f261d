"""Helpers for the witness, consent and custodian tests: canary identities and a vault scanner."""

from __future__ import annotations

from pathlib import Path

import pyrage

from storage.vault import Vault

# Canaries: strings that must never be readable with a documenter's own keys.
CANARY_AR = "زمرّد قناريّة"
CANARY_AR_FOLDED = "زمرد قناريه"
CANARY_LATIN = "Zumurrud Qanariyya"
CANARY_PHONE_DIGITS = "944777123"
CANARIES = (CANARY_AR, CANARY_AR_FOLDED, "زمرد", "قناري", CANARY_LATIN, "Zumurrud", "Qanariyya",
            "zumurrud", CANARY_PHONE_DIGITS, "944 777 123", "Canary Street 9")


def canary_witness(**extra) -> dict:
    body = {
        "alias": "Catherine",
        "relation": "neighbour of the victim",
        "risk": "high",
        "follow_up": "call back after the hearing",
        "consent": {"given": True, "how": "oral", "date": "2026-11-02", "recorded_by": "doc-7",
                    "scope": ["internal", "courts"], "name_disclosure": False},
        "identity": {"name_ar": CANARY_AR, "name_latin": CANARY_LATIN, "phone": "+963 944 777 123",
                     "address": "Canary Street 9, Homs", "other_contact": "signal: zumurrud"},
    }
    body.update(extra)
    return body


def _texts(value: object, identity: pyrage.x25519.Identity) -> list[str]:
    """Every way the vault's own keys can read a stored value: as text, and decrypted if age."""
    out = []
    if isinstance(value, str):
        out.append(value)
        value = value.encode("utf-8", "surrogatepass")
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        out.append(raw.decode("utf-8", "replace"))
        if raw.startswith(b"age-encryption.org/") or raw.startswith(b"-----BEGIN AGE"):
            try:
                out.append(pyrage.decrypt(raw, [identity]).decode("utf-8", "replace"))
            except pyrage.DecryptError:
                pass
    elif value is not None:
        out.append(str(value))
    return out


def readable_with_vault_keys(vault: Vault) -> str:
    """Everything the vault's passphrase gives: every table (FTS shadow tables too), every blob
    decrypted, every file's raw bytes. Returned as one string to search for canaries."""
    conn = vault.connection()
    identity = vault.age_identity
    seen: list[str] = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert "witnesses" in tables
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                seen += _texts(value, identity)
    for setting in conn.execute("SELECT value FROM settings"):
        seen += _texts(setting[0], identity)
    for path in Path(vault.path).rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            seen += _texts(raw, identity)
            try:
                seen.append(pyrage.decrypt(raw, [identity]).decode("utf-8", "replace"))
            except pyrage.DecryptError:
                pass
    return "\n".join(seen)


def leaked_canaries(vault: Vault) -> list[str]:
    text = readable_with_vault_keys(vault)
    folded = text.casefold()
    return [c for c in CANARIES if c in text or c.casefold() in folded]
