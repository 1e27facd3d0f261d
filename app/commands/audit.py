"""`audit verify` and `verify-vault`: is the vault as Tawthiq left it?

Both print one line per check (and one per problem) and exit 0 when everything holds, 4 when
something does not (as for a bundle that fails verification), 1 on any other error.
"""

from __future__ import annotations

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.services.vault import vault_check


def register(sub: Subcommands) -> None:
    p = sub.add_parser("audit", help="check the audit log")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True, parser_class=type(p))
    a = asub.add_parser("verify", help="recompute the audit log's hash chain and check the database file "
                                       "(exit 0: intact, 4: broken)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=verify_audit)
    p = sub.add_parser("verify-vault", help="audit verify, plus every case version's hash and, on a coordinator, "
                                            "every received version against its documenter's signature "
                                            "(exit 0: all hold, 4: something does not)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=verify_vault)


def _report(ctx: Context, result: vault_check.VaultCheck) -> int:
    if ctx.args.json:
        ctx.print_json(result.to_json())
    else:
        for line in result.lines():
            print(shown(line))
    if result.problems:
        raise vault_check.VerificationFailed("audit.vault_failed", count=len(result.problems))
    return 0


def verify_audit(ctx: Context) -> int:
    return _report(ctx, vault_check.check_audit(ctx.vault()))


def verify_vault(ctx: Context) -> int:
    return _report(ctx, vault_check.check_vault(ctx.vault()))
