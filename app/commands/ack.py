"""`ack`: acknowledgements between coordinator and documenter.

    ack --out FILE [--documenter KEYID]  coordinator: signed receipt of what it holds from a documenter
    ack import FILE [--purge --yes]      documenter: mark what the coordinator acknowledged
    ack purge --yes                      documenter: delete delivered cases from this laptop
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.services.exchange import acks
from app.services.exchange.organisation_profile import read_small_file
from app.services.vault import emergency
from storage.atomic import atomic_write_bytes
from storage.errors import UsageError


def register(sub: Subcommands) -> None:
    p = sub.add_parser("ack", help="acknowledgements: `ack --out FILE` (coordinator), `ack import FILE`")
    p.add_argument("action", nargs="?", choices=["import", "purge"])
    p.add_argument("file", nargs="?")
    p.add_argument("--out", metavar="FILE")
    p.add_argument("--documenter", metavar="KEYID")
    p.add_argument("--yes", action="store_true", help="confirm purging delivered cases")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=ack_cmd)


def _purge(ctx: Context) -> int:
    """Delete delivered cases, only with --yes or a person confirming at a terminal."""
    vault = ctx.vault()
    count = len(acks.purgeable_cases(vault))
    if count == 0:
        print("no delivered case to purge")
        return 0
    if not ctx.args.yes:
        if not sys.stdin.isatty():
            raise UsageError("ack.purge_needs_yes", count=count)
        answer = input(f"Delete {count} delivered case(s) from this laptop? Type 'yes': ").strip().lower()
        if answer not in ("yes", "نعم"):
            print("nothing was purged")
            return 0
    print(f"{acks.purge_delivered(vault)} delivered case(s) purged from this laptop")
    return 0


def ack_cmd(ctx: Context) -> int:
    args = ctx.args
    if args.action == "purge":
        return _purge(ctx)
    if args.action == "import":
        if not args.file or args.out:
            raise UsageError("ack.usage_import")
        result = acks.import_ack(ctx.vault(), read_small_file(args.file, "acknowledgement"))
        if args.json:
            ctx.print_json(result)
        elif result["already_imported"]:
            print("this acknowledgement was imported before: nothing changed")
        else:
            print(f"{result['marked']} record version(s) marked delivered")
        if emergency.purge_after_ack(ctx.vault()) and acks.purgeable_cases(ctx.vault()):
            if args.yes or sys.stdin.isatty():
                return _purge(ctx)
            print("delivered cases can now be purged: `tawthiq ack purge --yes`")
        return 0
    if not args.out or args.file:
        raise UsageError("ack.usage")
    raw, summary = acks.export_ack(ctx.vault(), args.documenter)
    atomic_write_bytes(Path(args.out), raw)
    if args.json:
        ctx.print_json(summary)
    else:
        print(f"acknowledgement of {summary['records']} record version(s) from {shown(summary['documenter'])} "
              f"written to {args.out}")
    return 0
