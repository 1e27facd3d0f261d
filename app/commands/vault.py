"""`init`, `passphrase`, `lock`: creating and guarding the vault."""

from __future__ import annotations

import sys

from app.commands._context import Context, Subcommands
from storage.database import checkpoint_and_truncate
from storage.errors import TawthiqError
from storage.vault import ROLES, Vault


def register(sub: Subcommands) -> None:
    p = sub.add_parser("init", help="create a vault")
    p.add_argument("--role", choices=ROLES, default="documenter")
    p.add_argument("--name", default="", help="how this vault's owner is known to the coordinator")
    p.set_defaults(handler=init)

    p = sub.add_parser("passphrase", help="change the passphrase (rewrites only the key file)")
    p.add_argument("--new-passphrase-file", metavar="FILE", help="read the new passphrase from FILE ('-': stdin)")
    p.set_defaults(handler=change_passphrase)

    p = sub.add_parser("lock", help="checkpoint and close the database so nothing lingers in the WAL")
    p.set_defaults(handler=lock)


def init(ctx: Context) -> int:
    passphrase = ctx.passphrase("New passphrase: ", confirm=True)
    vault = Vault.create(ctx.vault_dir, passphrase, role=ctx.args.role, name=ctx.args.name)
    try:
        print(f"created a {vault.role} vault in {ctx.vault_dir}")
        print("keep the passphrase safe: without it nothing in the vault can be recovered", file=sys.stderr)
    finally:
        vault.lock()
    return 0


def change_passphrase(ctx: Context) -> int:
    old = ctx.passphrase("Current passphrase: ")
    new = ctx.read_secret(ctx.args.new_passphrase_file, "New passphrase: ", confirm=True)
    if new == old:
        raise TawthiqError("passphrase.same")
    vault = ctx.vault()
    vault.change_passphrase(old, new)
    print("passphrase changed; the old one no longer opens this vault")
    return 0


def lock(ctx: Context) -> int:
    vault = ctx.vault()
    checkpoint_and_truncate(vault.connection())
    ctx.close()
    print("locked")
    return 0
