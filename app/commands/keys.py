"""`keys [--json] [--minisign-out FILE]`: this vault's public keys and fingerprint."""

from __future__ import annotations

from pathlib import Path

from app.services.vault import keys
from storage.atomic import atomic_write_bytes


def register(sub) -> None:
    p = sub.add_parser("keys", help="own public keys (age recipient, minisign key) and fingerprint")
    p.add_argument("--json", action="store_true")
    p.add_argument("--minisign-out", metavar="FILE", help="also write the minisign public key file")
    p.set_defaults(handler=show_keys)


def show_keys(ctx) -> int:
    vault = ctx.vault()
    info = keys.describe(vault)
    if ctx.args.minisign_out:
        atomic_write_bytes(Path(ctx.args.minisign_out), info.minisign_public_key.encode("ascii"))
    if ctx.args.json:
        ctx.print_json(info.to_json())
        return 0
    print(f"role:               {info.role}")
    print(f"age recipient:      {info.age_recipient}")
    print(f"minisign key id:    {info.key_id}")
    print(f"minisign public key: {info.minisign_public_key.splitlines()[1]}")
    print(f"fingerprint:        {info.fingerprint}")
    return 0
