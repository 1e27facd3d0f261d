"""`form list`, `form template NAME`, `form schema NAME`, `form xlsform NAME`: the case types and their shape."""

from __future__ import annotations

from app.commands._context import Context, Subcommands
from app.commands._display import json_text, shown
from forms.definitions import form_versions, list_forms, load_form
from forms.schema import example_case, json_schema
from storage.errors import TawthiqError


def register(sub: Subcommands) -> None:
    p = sub.add_parser("form", help="the form definitions (case types)")
    fsub = p.add_subparsers(dest="form_command", metavar="ACTION", required=True, parser_class=type(p))
    a = fsub.add_parser("list", help="list the forms and their versions")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=list_)
    a = fsub.add_parser("template", help="print an example case JSON that `case add` accepts")
    a.add_argument("name")
    a.set_defaults(handler=template)
    a = fsub.add_parser("schema", help="print the JSON Schema of a form")
    a.add_argument("name")
    a.add_argument("--version", type=int)
    a.set_defaults(handler=schema)
    a = fsub.add_parser("xlsform", help="write a form as an XLSForm for ODK Collect / KoboToolbox (docs/import.md)")
    a.add_argument("name")
    a.add_argument("--out", required=True, metavar="FILE.xlsx")
    a.set_defaults(handler=xlsform)


def list_(ctx: Context) -> int:
    forms = list_forms()
    if ctx.args.json:
        ctx.print_json([{"id": f.id, "version": f.version, "versions": form_versions(f.id),
                         "label": {"en": f.label("en"), "ar": f.label("ar")}} for f in forms])
    else:
        for f in forms:
            fields = (f.id, f"v{f.version}", f.label("en"), f.label("ar"))
            print("\t".join(shown(field) for field in fields))
    return 0


def template(ctx: Context) -> int:
    body = example_case(ctx.args.name)  # FormError: one line, exit 1 (app.cli)
    print(json_text(body, indent=2))
    return 0


def schema(ctx: Context) -> int:
    definition = load_form(ctx.args.name, ctx.args.version)  # FormError: one line, exit 1 (app.cli)
    print(json_text(json_schema(definition), indent=2))
    return 0


def xlsform(ctx: Context) -> int:
    from pathlib import Path

    from app.services.outputs.xlsform import export_xlsform

    out = Path(ctx.args.out)
    if not out.parent.is_dir():
        raise TawthiqError("export.no_folder")
    export_xlsform(ctx.args.name, out)
    print(f"wrote {shown(out)}")
    return 0
