"""`case add/list/show/diff/attach/seal` and `search`."""

from __future__ import annotations

from pathlib import Path

from app.commands import _sheet_import
from app.commands._context import Context, Subcommands
from app.commands._display import json_text, shown
from app.services.intake import case_versions, cases
from app.services.intake.sheet_import import run as sheet_run
from app.services.untrusted_json import loads_untrusted
from storage.errors import TawthiqError

MAX_CASE_FILE_BYTES = 16 << 20


def register(sub: Subcommands) -> None:
    p = sub.add_parser("case", help="add, list and read cases")
    csub = p.add_subparsers(dest="case_command", metavar="ACTION", required=True, parser_class=type(p))
    a = csub.add_parser("add", help="add a case from a JSON file ('-': stdin)")
    a.add_argument("file")
    a.add_argument("--seal", action="store_true", help="seal the version at once")
    a.set_defaults(handler=add)
    a = csub.add_parser("list", help="list cases")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=list_)
    a = csub.add_parser("show", help="show one case")
    a.add_argument("id")
    a.add_argument("--json", action="store_true")
    a.add_argument("--version", type=int, metavar="N", help="an earlier version instead of the current one")
    a.set_defaults(handler=show)
    a = csub.add_parser("diff", help="the fields that changed from version N to the current (or --to M)")
    a.add_argument("id")
    a.add_argument("version", type=int, metavar="N")
    a.add_argument("--to", type=int, metavar="M", help="compare with version M instead of the current one")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=diff)
    a = csub.add_parser("attach", help="add an attachment, stored encrypted at once")
    a.add_argument("id")
    a.add_argument("file")
    a.add_argument("--proofmode", action="store_true",
                   help="FILE is a ProofMode bundle (zip): attach its photo or video with the check of its proof "
                        "and OpenPGP signatures")
    a.set_defaults(handler=attach)
    a = csub.add_parser("seal", help="seal the current version (immutable)")
    a.add_argument("id")
    a.set_defaults(handler=seal)
    _sheet_import.register(csub)

    p = sub.add_parser("search", help="full-text search, Arabic-aware")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=search)


def read_json_file(name: str, what: str = "case") -> object:
    """Parse untrusted JSON from a file or stdin with a size cap; one clear error on failure."""
    import sys

    try:
        if name == "-":
            raw = sys.stdin.buffer.read(MAX_CASE_FILE_BYTES + 1)
        else:
            with open(name, "rb") as fh:
                raw = fh.read(MAX_CASE_FILE_BYTES + 1)
    except OSError:
        raise TawthiqError("file.unreadable", what=what) from None
    if len(raw) > MAX_CASE_FILE_BYTES:
        raise TawthiqError("file.larger_than", what=what, mib=MAX_CASE_FILE_BYTES >> 20)
    # NaN, huge integers, lone surrogates, NUL, duplicate keys, deep nesting: refused in one line.
    return loads_untrusted(raw, what)


def add(ctx: Context) -> int:
    body = read_json_file(ctx.args.file)
    vault = ctx.vault()
    case_id, version = cases.save_case(vault, body)  # type: ignore[arg-type]
    if ctx.args.seal:
        cases.seal_case(vault, case_id)
    print(shown(case_id))
    return 0


def _summary_line(s: cases.CaseSummary) -> str:
    return "\t".join(shown(field) for field in (s.id, s.form, s.status, s.incident_date or "-", s.governorate or "-",
                                                s.title))


def _print_summaries(ctx: Context, rows: list[cases.CaseSummary]) -> int:
    if ctx.args.json:
        ctx.print_json([r.to_json() for r in rows])
    else:
        for r in rows:
            print(_summary_line(r))
    return 0


def list_(ctx: Context) -> int:
    return _print_summaries(ctx, cases.query_cases(ctx.vault()))


def show(ctx: Context) -> int:
    if ctx.args.version is None:
        body = cases.get_case(ctx.vault(), ctx.args.id)
    else:
        body = case_versions.read_version(ctx.vault(), ctx.args.id, ctx.args.version)
        body["_meta"]["sealed_at"] = case_versions.sealed_at(ctx.vault(), ctx.args.id, ctx.args.version)
    if ctx.args.json:
        ctx.print_json(body)
    else:
        meta = body.pop("_meta")
        sealed = f", sealed {meta['sealed_at']}" if meta.get("sealed_at") else ""
        print(shown(body.get("title", "")))
        print(f"{shown(body['form'])} v{shown(body['form_version'])} · version {meta['version']} "
              f"of {meta['current_version']} ({meta['status']}{sealed})")
        print(json_text(body, indent=2, sort_keys=True))
        origin = sheet_run.origin(ctx.vault(), ctx.args.id)
        if origin is not None:
            print(f"imported from {shown(origin['file'])}, sheet {shown(origin['sheet'])}, row {origin['row']} "
                  f"(sha256:{origin['file_sha256']}) on {origin['imported_at']}")
        for a in meta["attachments"]:
            print(f"attachment {shown(a['id'])} {shown(a['filename'])} {a['size']} bytes sha256:{shown(a['sha256'])}")
    return 0


def diff(ctx: Context) -> int:
    changes = case_versions.compare_versions(ctx.vault(), ctx.args.id, ctx.args.version, ctx.args.to)
    if ctx.args.json:
        ctx.print_json([c.to_json() for c in changes])
    else:
        for c in changes:
            old, new = (json_text(v) for v in (c.old, c.new))
            print(f"{shown(c.path)}\t{old}\t{new}")
    return 0


def attach(ctx: Context) -> int:
    attach = cases.attach_proofmode if ctx.args.proofmode else cases.attach_file
    attachment = attach(ctx.vault(), ctx.args.id, Path(ctx.args.file))
    print(f"{shown(attachment['id'])} sha256:{attachment['sha256']} {attachment['size']} bytes")
    proof = (attachment.get("provenance") or {}).get("proofmode")
    if proof:
        print(f"proofmode: {proof['status']}: file hash {'matches' if proof['hash_matches'] else 'DOES NOT MATCH'} "
              f"the proof; signatures {', '.join(f'{k} {v}' for k, v in proof['signatures'].items())}; key "
              f"{shown(proof['key_fingerprint'])} (compare it with the phone's out of band)")
    return 0


def seal(ctx: Context) -> int:
    version = cases.seal_case(ctx.vault(), ctx.args.id)
    print(f"sealed version {version}")
    return 0


def search(ctx: Context) -> int:
    return _print_summaries(ctx, cases.search(ctx.vault(), ctx.args.text))
