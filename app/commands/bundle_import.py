"""`verify` and `import`: the coordinator checks bundles, then merges them.

    verify BUNDLE [--json]       every check, nothing applied; exit 4 if any fails
    import BUNDLE... [--json]    verify, then apply each in one transaction; exit 4 if any bundle
                                 was refused (the others are applied)

The import service returns data (app/services/exchange/imports.py); the English lines are here.
After an import that brought anything new, linkage runs once for all the bundles.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.services.analysis import linkage, linkage_extra
from app.services.exchange import imports


def register(sub: Subcommands) -> None:
    p = sub.add_parser("verify", help="coordinator: check a bundle (decrypt, signature, hashes, forms)")
    p.add_argument("bundle")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=verify_cmd)

    p = sub.add_parser("import", help="coordinator: verify and merge bundles")
    p.add_argument("bundles", nargs="+", metavar="BUNDLE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=import_cmd)


def report_line(report: imports.VerifiedBundle | imports.ImportReport | imports.Refusal) -> str:
    if isinstance(report, imports.Refusal):
        return f"{report.path}: REJECTED: {report.error}"
    status = "verified" if isinstance(report, imports.VerifiedBundle) else report.status
    text = (f"{report.path}: {status}: documenter {report.documenter} bundle {report.sequence}, "
            f"{report.records} record(s), {report.attachments} attachment(s)")
    if isinstance(report, imports.ImportReport) and not report.already_imported:
        text += f", {report.versions_added} new version(s)"
    return text


def alike_line(entry: dict) -> str:
    """ "attachment X of case Y looks like a photo received on 2025-03-09 from Rima (key …)"."""
    earliest = entry["earliest"]
    what = "a video" if earliest["kind"] == "video" else "a photo"
    day = earliest["seen_at"][:10]
    if earliest["seen_from"]:
        who = earliest["seen_from_name"] or "documenter"
        origin = f"received on {day} from {who} ({earliest['seen_from']})"
    else:
        origin = f"attached in this vault on {day}"
    more = f" (and {entry['alike'] - 1} more)" if entry["alike"] > 1 else ""
    return (f"seen before: attachment {entry['filename']} of case {entry['case_id']} looks like {what} "
            f"{origin}, case {earliest['case_id']}{more}")


def unknown_codes_line(unknown_codes: dict[str, list[str]]) -> str:
    named = "; ".join(f"{vocabulary}: {', '.join(codes[:20])}{' …' if len(codes) > 20 else ''}"
                      for vocabulary, codes in sorted(unknown_codes.items()))
    return (f"kept codes this vault does not know ({named}); import the organisation's terms and "
            f"places to resolve them (`tawthiq vocabulary unknown` lists them)")


def _warn_unknown(reports: list) -> None:
    for r in reports:
        if not isinstance(r, imports.Refusal) and r.unknown_codes:
            print(f"tawthiq: warning: {shown(str(r.path))}: {shown(unknown_codes_line(r.unknown_codes))}",
                  file=sys.stderr)


def verify_cmd(ctx: Context) -> int:
    verified = imports.verify(ctx.vault(), Path(ctx.args.bundle))
    if ctx.args.json:
        ctx.print_json(verified.to_json())
    else:
        print(shown(report_line(verified)))
    _warn_unknown([verified])
    return 0


def import_cmd(ctx: Context) -> int:
    vault = ctx.vault()
    reports = imports.import_bundles(vault, [Path(b) for b in ctx.args.bundles])
    # New records are linked now, once, so that statistics and the review queue (which only read
    # the stored linkage) count them; a replay or a rejection brought nothing to link.
    brought = any(isinstance(r, imports.ImportReport) and not r.already_imported for r in reports)
    # A core install (no linkage extra) imports all the same; statistics then say "unlinked".
    can_link = linkage_extra.installed()
    linked = linkage.run_linkage(vault) if brought and can_link else None
    if ctx.args.json:
        ctx.print_json([r.to_json() for r in reports])
    else:
        for r in reports:
            print(shown(report_line(r)))
            for entry in getattr(r, "alike", []):
                print(shown(alike_line(entry)))
        if linked is not None:
            print(f"linkage: {linked.records} victim records, {linked.clusters} unique victims; "
                  f"{linked.pending_review} pairs waiting for review")
        elif brought:
            print(f"linkage: not run, the optional linkage extra is not installed ({linkage_extra.INSTALL_HINT})")
    _warn_unknown(reports)
    warned: set[str] = set()
    for r in reports:
        if isinstance(r, imports.ImportReport) and r.gaps and r.documenter not in warned:
            warned.add(r.documenter)
            print(f"tawthiq: warning: documenter {shown(r.documenter)}: bundle(s) "
                  f"{imports.ranges_text(r.gaps)} not imported yet", file=sys.stderr)
    refused = [r for r in reports if isinstance(r, imports.Refusal)]
    if refused:
        if len(reports) == 1:
            print(f"tawthiq: {shown(refused[0].error)}", file=sys.stderr)
            return refused[0].exit_code
        print(f"tawthiq: {len(refused)} of {len(reports)} bundle(s) rejected", file=sys.stderr)
        return max(r.exit_code for r in refused)  # 4 if any failed verification, else 1 (unreadable)
    return 0
