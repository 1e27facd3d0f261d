"""`trust FILE --fingerprint DIGITS`, `trust --revoke KEYID`, `trust --reinstate KEYID --fingerprint DIGITS`,
`trust --list [--json]` (coordinator).

A revoked key is not trusted again by importing its identity file (exit 4); only `--reinstate`
gives it back, after the fingerprint is typed again, and the audit log records it."""

from __future__ import annotations

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.commands.profile import confirm
from app.services.exchange import trust_list
from app.services.exchange.organisation_profile import read_small_file
from storage.errors import UsageError


def register(sub: Subcommands) -> None:
    p = sub.add_parser("trust", help="coordinator: trust a documenter's identity, revoke, list")
    p.add_argument("file", nargs="?", help="an identity file from `identity export`")
    p.add_argument("--fingerprint", metavar="DIGITS")
    p.add_argument("--revoke", metavar="KEYID")
    p.add_argument("--reinstate", metavar="KEYID",
                   help="trust a revoked key again on purpose (needs its fingerprint; audited)")
    p.add_argument("--list", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=trust)


def trust(ctx: Context) -> int:
    args = ctx.args
    if sum(bool(x) for x in (args.file, args.revoke, args.reinstate, args.list)) != 1:
        raise UsageError("trust.usage")
    if args.list:
        rows = trust_list.list_trusted(ctx.vault())
        if args.json:
            ctx.print_json(rows)
        else:
            for r in rows:
                state = f"revoked {r['revoked_at']}" if r["revoked_at"] else "trusted"
                print("\t".join(shown(field) for field in (r["key_id"], state, r["fingerprint"], r["name"])))
        return 0
    if args.revoke:
        trust_list.revoke(ctx.vault(), args.revoke)
        print(f"trust in {shown(args.revoke.upper())} revoked: its bundles will be refused")
        return 0
    if args.reinstate:
        if not args.fingerprint:  # a deliberate act: no prompt to answer "yes" to by habit
            raise UsageError("trust.reinstate_usage")
        result = trust_list.reinstate(ctx.vault(), args.reinstate, args.fingerprint)
        print(f"trust in {result['key_id']} reinstated: its bundles will be accepted again")
        return 0
    candidate = trust_list.read_identity(read_small_file(args.file, "identity"))
    confirm(candidate, args.fingerprint, "documenter")
    result = trust_list.trust(ctx.vault(), candidate)
    print(f"trusted {result['key_id']} ({shown(result['name']) or 'unnamed'})")
    return 0
