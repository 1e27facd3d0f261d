"""`trust FILE --fingerprint DIGITS`, `trust --revoke KEYID`, `trust --list [--json]` (coordinator)."""

from __future__ import annotations

from app.commands.profile import confirm, read_small_file
from app.services import enrollment
from storage.errors import UsageError


def register(sub) -> None:
    p = sub.add_parser("trust", help="coordinator: trust a documenter's identity, revoke, list")
    p.add_argument("file", nargs="?", help="an identity file from `identity export`")
    p.add_argument("--fingerprint", metavar="DIGITS")
    p.add_argument("--revoke", metavar="KEYID")
    p.add_argument("--list", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=trust)


def trust(ctx) -> int:
    args = ctx.args
    if sum(bool(x) for x in (args.file, args.revoke, args.list)) != 1:
        raise UsageError("usage: trust FILE --fingerprint DIGITS | trust --revoke KEYID | trust --list")
    if args.list:
        rows = enrollment.list_trusted(ctx.vault())
        if args.json:
            ctx.print_json(rows)
        else:
            for r in rows:
                state = f"revoked {r['revoked_at']}" if r["revoked_at"] else "trusted"
                print(f"{r['key_id']}\t{state}\t{r['fingerprint']}\t{r['name']}")
        return 0
    if args.revoke:
        enrollment.revoke(ctx.vault(), args.revoke)
        print(f"trust in {args.revoke.upper()} revoked: its bundles will be refused")
        return 0
    candidate = enrollment.read_identity(read_small_file(args.file, "identity"))
    confirm(candidate, args.fingerprint, "documenter")
    result = enrollment.trust(ctx.vault(), candidate)
    print(f"trusted {result['key_id']} ({result['name'] or 'unnamed'})")
    return 0
