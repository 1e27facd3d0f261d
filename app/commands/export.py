"""`export`, `verify`, `import` and `ack`: bundles between documenters and coordinators.

    export --out FILE [--all] [--json]   documenter: write a bundle (incremental); exit 0 and no file
                                         when nothing changed
    verify BUNDLE [--json]               coordinator: every check, nothing applied; exit 4 if any fails
    import BUNDLE... [--json]            coordinator: verify, then apply each in one transaction;
                                         exit 4 if any bundle was rejected (the others are applied)
    ack --out FILE [--documenter KEYID]  coordinator: signed receipt of what it holds from a documenter
    ack import FILE [--purge --yes]      documenter: mark what the coordinator acknowledged
    ack purge --yes                      documenter: delete delivered cases from this laptop
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.commands._display import shown
from app.services.exchange import acks, export, imports
from app.services.exchange.organisation_profile import read_small_file
from app.services.vault import emergency
from storage.atomic import atomic_write_bytes
from storage.errors import BundleRejected, UsageError


def register(sub) -> None:
    p = sub.add_parser("export", help="write a signed, encrypted bundle for the coordinator")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--all", action="store_true", help="everything, not only what was not acknowledged")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=export_cmd)

    p = sub.add_parser("verify", help="coordinator: check a bundle (decrypt, signature, hashes, forms)")
    p.add_argument("bundle")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=verify_cmd)

    p = sub.add_parser("import", help="coordinator: verify and merge bundles")
    p.add_argument("bundles", nargs="+", metavar="BUNDLE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=import_cmd)

    p = sub.add_parser("ack", help="acknowledgements: `ack --out FILE` (coordinator), `ack import FILE`")
    p.add_argument("action", nargs="?", choices=["import", "purge"])
    p.add_argument("file", nargs="?")
    p.add_argument("--out", metavar="FILE")
    p.add_argument("--documenter", metavar="KEYID")
    p.add_argument("--yes", action="store_true", help="confirm purging delivered cases")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=ack_cmd)


def export_cmd(ctx) -> int:
    result = export.export_bundle(ctx.vault(), Path(ctx.args.out), everything=ctx.args.all)
    if ctx.args.json:
        ctx.print_json(result.to_json())
    else:
        written = f" to {result.path} (sha256 {result.sha256})" if result.written else ""
        print(shown(f"{result.message}{written}"))
    return 0


def verify_cmd(ctx) -> int:
    report = imports.verify_bundle(ctx.vault(), Path(ctx.args.bundle))
    if ctx.args.json:
        ctx.print_json(report.to_json())
    else:
        print(shown(report.line()))
    _warn_unknown([report])
    return 0


def _warn_unknown(reports: list) -> None:
    for r in reports:
        if r.unknown_codes:
            print(f"tawthiq: warning: {shown(r.path)}: {shown(r.unknown_line())}", file=sys.stderr)


def import_cmd(ctx) -> int:
    reports = imports.import_bundles(ctx.vault(), [Path(b) for b in ctx.args.bundles])
    if ctx.args.json:
        ctx.print_json([r.to_json() for r in reports])
    else:
        for r in reports:
            print(shown(r.line()))
    _warn_unknown(reports)
    warned: set[str] = set()
    for r in reports:
        if r.gaps and r.documenter not in warned:
            warned.add(r.documenter or "")
            print(f"tawthiq: warning: documenter {shown(r.documenter)}: bundle(s) "
                  f"{', '.join(map(str, r.gaps))} not imported yet", file=sys.stderr)
    rejected = [r for r in reports if r.status == "rejected"]
    if rejected:
        if len(reports) == 1:
            raise BundleRejected(rejected[0].error or "the bundle was rejected")
        print(f"tawthiq: {len(rejected)} of {len(reports)} bundle(s) rejected", file=sys.stderr)
        return BundleRejected.exit_code
    return 0


def _purge(ctx) -> int:
    """Delete delivered cases, only with --yes or a person confirming at a terminal."""
    vault = ctx.vault()
    count = len(acks.purgeable_cases(vault))
    if count == 0:
        print("no delivered case to purge")
        return 0
    if not ctx.args.yes:
        if not sys.stdin.isatty():
            raise UsageError(f"usage: {count} delivered case(s) can be purged: confirm with --yes")
        answer = input(f"Delete {count} delivered case(s) from this laptop? Type 'yes': ").strip().lower()
        if answer not in ("yes", "نعم"):
            print("nothing was purged")
            return 0
    print(f"{acks.purge_delivered(vault)} delivered case(s) purged from this laptop")
    return 0


def ack_cmd(ctx) -> int:
    args = ctx.args
    if args.action == "purge":
        return _purge(ctx)
    if args.action == "import":
        if not args.file or args.out:
            raise UsageError("usage: ack import FILE")
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
        raise UsageError("usage: ack --out FILE [--documenter KEYID] | ack import FILE")
    raw, summary = acks.export_ack(ctx.vault(), args.documenter)
    atomic_write_bytes(Path(args.out), raw)
    if args.json:
        ctx.print_json(summary)
    else:
        print(f"acknowledgement of {summary['records']} record version(s) from {shown(summary['documenter'])} "
              f"written to {args.out}")
    return 0
