"""`source`: other monitors' published victim lists, imported as named, read-only sources.

    source import FILE --name NAME --mapping MAP.json [--json]   a CSV or XLSX list (docs/sources.md)
    source list [--json]                                         the imported lists
    source remove NAME                                           remove a list and all its rows

A refused list or mapping (hostile, malformed, a column the file lacks) is one line and exit 4,
with nothing stored.
"""

from __future__ import annotations

from pathlib import Path

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.services.analysis import external_sources, linkage, linkage_extra
from app.services.analysis.external_sources.service import read_mapping


def register(sub: Subcommands) -> None:
    p = sub.add_parser("source", help="coordinator: other monitors' victim lists as read-only sources")
    actions = p.add_subparsers(dest="source_action", required=True, metavar="ACTION")
    q = actions.add_parser("import", help="import a published list (CSV or XLSX) through a column mapping")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--name", required=True, help="the list's name in statistics and estimation (e.g. SNHR-2024)")
    q.add_argument("--mapping", required=True, metavar="MAP.json", help="which column holds what (docs/sources.md)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=import_cmd)
    q = actions.add_parser("list", help="the imported lists")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=list_cmd)
    q = actions.add_parser("remove", help="remove a list and all its rows")
    q.add_argument("name")
    q.set_defaults(handler=remove_cmd)


def import_cmd(ctx: Context) -> int:
    mapping = read_mapping(Path(ctx.args.mapping))  # refused before the vault is even opened
    name = external_sources.check_name(ctx.args.name)
    vault = ctx.vault()
    summary = external_sources.import_source(vault, Path(ctx.args.file), name, mapping)
    # As after a bundle import: the new records are linked now, so statistics count them.
    linked = linkage.run_linkage(vault) if linkage_extra.installed() else None
    if ctx.args.json:
        ctx.print_json(summary.to_json() | {"linkage": linked.to_json() if linked else None})
        return 0
    report = summary.report
    print(shown(f"imported {summary.records} rows of {summary.file_name} as source {summary.name} "
                f"(sha256 {summary.file_sha256})"))
    missing = report.get("missing", {})
    if missing:
        print("  rows without " + ", ".join(f"{k}: {v}" for k, v in missing.items())
              + " (kept; not counted until they have a name, a date and a governorate)")
    if report.get("values_not_understood"):
        print("  values not understood (left out): "
              + ", ".join(f"{k}: {v}" for k, v in report["values_not_understood"].items()))
    if report.get("governorates_not_in_gazetteer"):
        print(f"  governorates not in the gazetteer (kept as written): {report['governorates_not_in_gazetteer']}")
    if linked is not None:
        print(f"linkage: {linked.records} victim records, {linked.clusters} unique victims; "
              f"{linked.pending_review} pairs waiting for review")
    else:
        print(f"linkage: not run, the optional linkage extra is not installed ({linkage_extra.INSTALL_HINT})")
    return 0


def list_cmd(ctx: Context) -> int:
    found = external_sources.list_sources(ctx.vault())
    if ctx.args.json:
        ctx.print_json([s.to_json() for s in found])
        return 0
    if not found:
        print("no external lists imported")
    for s in found:
        print(shown(f"{s.name}  {s.records} rows  from {s.file_name}  imported {s.imported_at}  "
                    f"sha256 {s.file_sha256[:16]}…"))
    return 0


def remove_cmd(ctx: Context) -> int:
    vault = ctx.vault()
    n = external_sources.remove_source(vault, ctx.args.name)
    linked = linkage.run_linkage(vault) if linkage_extra.installed() else None
    print(shown(f"removed source {ctx.args.name} ({n} rows)"))
    if linked is not None:
        print(f"linkage: {linked.records} victim records, {linked.clusters} unique victims")
    return 0
