"""`stats`, `report` (partner exports) and `report-case` (a PDF of one case)."""

from __future__ import annotations

from pathlib import Path

from app.commands._context import Context, Subcommands
from app.commands._display import shown, shown_lines
from app.services.analysis import statistics
from app.services.outputs import partner_export
from storage.errors import TawthiqError


def register(sub: Subcommands) -> None:
    p = sub.add_parser("stats", help="unique victims and incidents, per documenter, capture histories")
    p.add_argument("--json", action="store_true", help="the stable JSON of docs/statistics.md")
    p.set_defaults(handler=stats)

    p = sub.add_parser("report", help="export victims and incidents for partners (consent-filtered)")
    p.add_argument("--format", required=True, choices=partner_export.FORMATS)
    p.add_argument("--purpose", required=True, choices=partner_export.PURPOSES,
                   help="what the export is for: decides which witness statements may go out")
    p.add_argument("--out", required=True, metavar="PATH",
                   help="the file to write (csv: a folder for victims.csv, incidents.csv, sources.csv; uwazi: "
                        "a .zip for Uwazi's CSV import; capture-histories: a .csv for R's estimation tools)")
    p.add_argument("--attachments", action="store_true",
                   help="uwazi: also put in the ZIP the attachments that statements allowed to go out cite "
                        "(never for publication)")
    p.add_argument("--allow-field", action="append", default=[], metavar="FIELD",
                   choices=sorted(partner_export.SENSITIVE_VICTIM_FIELDS),
                   help="include a sensitive victim field (e.g. religion_or_sect); repeatable")
    p.add_argument("--media", action="store_true",
                   help="csv only: also write the exported cases' photos and videos into PATH/media, without "
                        "GPS and device metadata")
    p.add_argument("--keep-media-metadata", action="store_true",
                   help="with --media: write the files as they are, GPS and device metadata included "
                        "(recorded in the audit log)")
    p.set_defaults(handler=report)

    p = sub.add_parser("report-case", help="a PDF report of one case for a formal submission")
    p.add_argument("id")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--purpose", default="courts", choices=partner_export.PURPOSES,
                   help="whose statements may appear (default: courts)")
    p.set_defaults(handler=report_case)


def _table(title: str, counts: dict[str, int]) -> list[str]:
    if not counts:
        return [f"  {title}: none"]
    width = max(len(k) for k in counts)
    return [f"  {title}:"] + [f"    {k.ljust(width)}  {v}" for k, v in counts.items()]


def stats(ctx: Context) -> int:
    figures = statistics.compute(ctx.vault())
    if ctx.args.json:
        ctx.print_json(figures.to_json())
        return 0
    v, i, notes = figures.victims, figures.incidents, figures.notes
    ex = v["excluded"]
    lines = [
        f"Unique victims: {v['unique']}  (from {v['records']} victim records; linkage: {figures.linkage})",
        f"  excluded: {ex['records']} records (missing name {ex['missing_name']}, date {ex['missing_date']}, "
        f"place {ex['missing_place']}); {v['records_linked_into_others']} records linked into others",
        f"  {notes['victims']}",
    ]
    for key, title in (("by_month", "by month"), ("by_governorate", "by governorate"), ("by_act", "by act"),
                       ("by_fate", "by fate"), ("by_perpetrator_group", "by perpetrator group")):
        lines += _table(title, v[key])
        if key in notes:
            lines.append(f"    ({notes[key]})")
    iex = i["excluded"]
    lines += [
        f"Incidents: {i['unique']}  (from {i['records']} cases; excluded {iex['records']}: "
        f"missing date {iex['missing_date']}, place {iex['missing_place']})",
    ]
    lines += _table("by month", i["by_month"]) + _table("by governorate", i["by_governorate"])
    lines.append("Documenters (victim records / excluded / unique victims / incidents):")
    for d in figures.documenters:
        lines.append(f"  {d['documenter']}  {d['victim_records']} / {d['victim_records_excluded']} / "
                     f"{d['unique_victims']} / {d['incidents']}")
    lines.append("Overlaps (unique victims recorded by both; diagonal: by that documenter):")
    for a, row in figures.overlaps.items():
        lines.append(f"  {a}  " + "  ".join(f"{b}={n}" for b, n in row.items()))
    if figures.sources:
        lines.append("External lists (never counted as ours; rows / people named / also recorded by us / only in "
                      "the list):")
        for src in figures.sources:
            lines.append(f"  {src['source']}  {src['records']} / {src['unique_victims']} / "
                         f"{src['also_recorded_by_us']} / {src['only_in_source']}")
        lines.append(f"  ({notes['sources']})")
    ch = figures.capture_histories
    order = ch["documenters"] + [f"source:{name}" for name in ch.get("sources", [])]
    lines.append("Capture histories (order: " + ", ".join(order) + "):")
    lines += [f"  {pattern}  {count}" for pattern, count in ch["patterns"].items()]
    lines.append(f"  ({notes['capture_histories']})")
    print(shown_lines(lines))
    return 0


def report(ctx: Context) -> int:
    result = partner_export.export(
        ctx.vault(), Path(ctx.args.out), fmt=ctx.args.format, purpose=ctx.args.purpose,
        allowed_fields=frozenset(ctx.args.allow_field), attachments=ctx.args.attachments,
        media=ctx.args.media or ctx.args.keep_media_metadata,
        keep_media_metadata=ctx.args.keep_media_metadata,
    )
    for line in result.summary_lines():
        print(shown(line))
    return 0


def report_case(ctx: Context) -> int:
    try:  # Qt renders right-to-left Arabic correctly; only app.gui may import it
        from app.gui.case_report_pdf import write_case_pdf
    except ImportError as exc:
        raise TawthiqError("report.needs_qt") from exc
    result = write_case_pdf(ctx.vault(), ctx.args.id, Path(ctx.args.out), purpose=ctx.args.purpose)
    for line in result.summary_lines():
        print(shown(line))
    return 0
