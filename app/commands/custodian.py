"""`custodian init/reveal/link/reveals`: the identity custodian's side (coordinator app).

The custodian key file has its own passphrase (`--custodian-passphrase-file`, or asked), apart
from the vault's (`--passphrase-file`); only one of the two may come from standard input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from app.commands._context import Context, Subcommands
from app.commands._display import shown

if TYPE_CHECKING:
    from app.services.custody import custodian as custodian_service


def _service() -> ModuleType:
    # Imported when a custodian command runs, so every other command starts without rapidfuzz.
    from app.services.custody import custodian

    return custodian


def register(sub: Subcommands) -> None:
    p = sub.add_parser("custodian", help="identity custodian: key file, reveal with a reason, link witnesses")
    csub = p.add_subparsers(dest="custodian_command", metavar="ACTION", required=True, parser_class=type(p))
    a = csub.add_parser("init", help="make a custodian key file; prints its age recipient for the profile")
    a.add_argument("--out", required=True, metavar="KEYFILE")
    a.add_argument("--name", default="", help="who holds this key, as the audit log will name them")
    _passphrase_option(a)
    a.set_defaults(handler=init)
    a = csub.add_parser("reveal", help="open one witness's identity (audited: who, when, why)")
    a.add_argument("code")
    a.add_argument("--reason", required=True)
    a.add_argument("--custodian-key", required=True, metavar="KEYFILE")
    a.add_argument("--json", action="store_true")
    _passphrase_option(a)
    a.set_defaults(handler=reveal)
    a = csub.add_parser("link", help="find pseudonyms that are one person; stores links and keyed tags only")
    a.add_argument("--custodian-key", required=True, metavar="KEYFILE")
    a.add_argument("--json", action="store_true")
    _passphrase_option(a)
    a.set_defaults(handler=link)
    a = csub.add_parser("unlink", help="reject a link the custodian found wrong (kept as rejected, audited)")
    a.add_argument("code_a")
    a.add_argument("code_b")
    a.add_argument("--reason", required=True)
    a.add_argument("--custodian-key", required=True, metavar="KEYFILE")
    _passphrase_option(a)
    a.set_defaults(handler=unlink)
    a = csub.add_parser("shares", help="make n SLIP-39 word shares of the custodian key, any k of which recover it")
    a.add_argument("--custodian-key", required=True, metavar="KEYFILE")
    a.add_argument("--threshold", type=int, required=True, metavar="K", help="how many shares recover (at least 2)")
    a.add_argument("--shares", type=int, required=True, metavar="N", help="how many shares to make (at most 16)")
    a.add_argument("--out-dir", metavar="DIR", help="write each share to its own new file in DIR")
    _passphrase_option(a)
    a.set_defaults(handler=make_shares)
    a = csub.add_parser("recover", help="set a new passphrase on the custodian key file with k shares")
    a.add_argument("--custodian-key", required=True, metavar="KEYFILE")
    a.add_argument("--shares-file", metavar="FILE", help="one share per line ('-': stdin); asked if not given")
    a.add_argument("--new-passphrase-file", metavar="FILE", help="the new custodian passphrase ('-': stdin)")
    a.set_defaults(handler=recover)
    a = csub.add_parser("rotate", help="move every sealed identity onto a new custodian key (made if absent)")
    a.add_argument("--custodian-key", required=True, metavar="KEYFILE", help="the key being retired")
    a.add_argument("--new-key", required=True, metavar="KEYFILE",
                   help="the new key file (made now, with the same link key; or one made by an earlier rotation)")
    a.add_argument("--new-passphrase-file", metavar="FILE", help="the new key's passphrase ('-': stdin)")
    _passphrase_option(a)
    a.set_defaults(handler=rotate)
    a = csub.add_parser("reveals", help="the reveal history: pseudonym, who, when, why")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=reveals)


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--custodian-passphrase-file", metavar="FILE",
                        help="read the custodian key's passphrase from FILE's first line ('-': stdin)")


def _key(ctx: Context) -> custodian_service.CustodianKey:
    custodian = _service()
    path = Path(ctx.args.custodian_key)
    custodian.read_recipient(path)  # a missing or foreign file fails before any passphrase is asked
    secret = ctx.read_secret(ctx.args.custodian_passphrase_file, "Custodian key passphrase: ")
    return custodian.unlock_key(path, secret)


def init(ctx: Context) -> int:
    custodian = _service()
    secret = ctx.read_secret(ctx.args.custodian_passphrase_file, "New custodian passphrase: ", confirm=True)
    key = custodian.create_key(Path(ctx.args.out), secret, ctx.args.name)
    print(key.recipient)
    print(f"custodian key written to {ctx.args.out}; put the recipient above in the organisation profile. "
          "Without this file and its passphrase no sealed identity can ever be read.", file=sys.stderr)
    return 0


def reveal(ctx: Context) -> int:
    custodian = _service()
    vault = ctx.vault()
    identity = custodian.reveal(vault, _key(ctx), ctx.args.code, ctx.args.reason)
    if ctx.args.json:
        ctx.print_json(identity)
    else:
        for field, value in identity.items():
            print(f"{shown(field)}: {shown(value)}")
    return 0


def link(ctx: Context) -> int:
    custodian = _service()
    vault = ctx.vault()
    report = custodian.link(vault, _key(ctx))
    if ctx.args.json:
        ctx.print_json({**report.to_json(), "links": custodian.links(vault), "clusters": custodian.clusters(vault)})
    else:
        print(f"opened {report.opened} identities in memory ({report.unreadable} not sealed to this key), "
              f"{len(report.new_links)} new links")
        for r in report.new_links:
            print("\t".join(shown(r[key]) for key in ("a", "b", "basis", "score")))
    return 0


def unlink(ctx: Context) -> int:
    custodian = _service()
    custodian.unlink(ctx.vault(), _key(ctx), ctx.args.code_a, ctx.args.code_b, ctx.args.reason)
    print("link rejected")
    return 0


def reveals(ctx: Context) -> int:
    custodian = _service()
    rows = custodian.reveals(ctx.vault())
    if ctx.args.json:
        ctx.print_json(rows)
    else:
        for r in rows:
            print("\t".join(shown(field) for field in (r["at"], r["pseudonym"], r["who"] or "-", r["why"] or "-")))
    return 0


def make_shares(ctx: Context) -> int:
    from app.commands.backup import show_shares
    from app.services.recovery import key_recovery

    path = Path(ctx.args.custodian_key)
    _service().read_recipient(path)
    vault = ctx.vault()
    secret = ctx.read_secret(ctx.args.custodian_passphrase_file, "Custodian key passphrase: ")
    made = key_recovery.make_custodian_shares(vault, path, secret, ctx.args.threshold, ctx.args.shares)
    show_shares(made, "the custodian key", Path(ctx.args.out_dir) if ctx.args.out_dir else None)
    return 0


def recover(ctx: Context) -> int:
    from app.commands.backup import read_shares
    from app.services.recovery import key_recovery

    path = Path(ctx.args.custodian_key)
    _service().read_recipient(path)
    shares = read_shares(ctx, ctx.args.shares_file)
    new = ctx.read_secret(ctx.args.new_passphrase_file, "New custodian passphrase: ", confirm=True)
    recipient = key_recovery.recover_custodian(path, shares, new)
    print(f"custodian passphrase set from the recovery shares; the key is unchanged ({recipient})")
    return 0


def rotate(ctx: Context) -> int:
    custodian = _service()
    vault = ctx.vault()
    old = _key(ctx)
    new_path = Path(ctx.args.new_key)
    new = ctx.read_secret(ctx.args.new_passphrase_file, "New custodian key passphrase: ",
                          confirm=not new_path.exists())
    report = custodian.rotate_key(vault, old, new_path, new)
    print(report.recipient)
    print(f"{report.resealed} sealed identities moved to the new custodian key"
          + (f" written to {new_path}" if report.created else "")
          + "; export the profile again so documenters seal to it (the recipient above)", file=sys.stderr)
    return 0
