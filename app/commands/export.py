"""`export`: the documenter writes a signed, encrypted bundle for the coordinator.

    export --out FILE [--all] [--json]   write a bundle (incremental); exit 0 and no file when
                                         nothing changed
"""

from __future__ import annotations

from pathlib import Path

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.services.exchange import export


def register(sub: Subcommands) -> None:
    p = sub.add_parser("export", help="write a signed, encrypted bundle for the coordinator")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--all", action="store_true", help="everything, not only what was not acknowledged")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=export_cmd)


def export_cmd(ctx: Context) -> int:
    result = export.export_bundle(ctx.vault(), Path(ctx.args.out), everything=ctx.args.all)
    if ctx.args.json:
        ctx.print_json(result.to_json())
    else:
        written = f" to {result.path} (sha256 {result.sha256})" if result.written else ""
        print(shown(f"{result.message}{written}"))
    return 0
