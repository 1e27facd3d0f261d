"""`identity export --out FILE`: this vault's public identity for the coordinator to trust."""

from __future__ import annotations

from pathlib import Path

from app.commands._context import Context, Subcommands
from app.services.exchange import trust_list
from app.services.vault import keys
from storage.atomic import atomic_write_bytes


def register(sub: Subcommands) -> None:
    p = sub.add_parser("identity", help="this vault's public identity (for `trust` on the coordinator)")
    isub = p.add_subparsers(dest="identity_command", metavar="ACTION", required=True, parser_class=type(p))
    a = isub.add_parser("export", help="write the signed identity file")
    a.add_argument("--out", required=True, metavar="FILE")
    a.set_defaults(handler=export_identity)


def export_identity(ctx: Context) -> int:
    vault = ctx.vault()
    atomic_write_bytes(Path(ctx.args.out), trust_list.export_identity(vault))
    print(f"identity written to {ctx.args.out}; fingerprint {keys.describe(vault).fingerprint}")
    return 0
