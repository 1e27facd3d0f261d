"""`vocabulary import/list` and `places import/search`: an organisation's own terms and places.

Imports go into the vault (app.services.exchange.organisation_data) and are in force in every later
command and in the GUI once the vault is unlocked. On a coordinator they also travel to the
documenters in the next `profile export`. `vocabulary unknown` lists the codes received in
bundles that this vault does not know yet.
"""

from __future__ import annotations

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.services.exchange import organisation_data
from forms import vocabularies
from forms.gazetteer import search_places


def register(sub: Subcommands) -> None:
    p = sub.add_parser("vocabulary", help="the controlled vocabularies and the organisation's own terms")
    vsub = p.add_subparsers(dest="vocabulary_command", metavar="ACTION", required=True, parser_class=type(p))
    a = vsub.add_parser("import", help="add the terms of a CSV (code,en,ar) to a vocabulary, in this vault")
    a.add_argument("name", help="the vocabulary, e.g. perpetrator_groups")
    a.add_argument("file", help="a UTF-8 CSV with the columns code,en,ar")
    a.set_defaults(handler=vocabulary_import)
    a = vsub.add_parser("list", help="list the vocabularies, or the terms of one (shipped and the organisation's)")
    a.add_argument("name", nargs="?", help="the vocabulary; without it, the vocabularies' names")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=vocabulary_list)
    a = vsub.add_parser("unknown", help="codes this vault's cases use that its vocabularies and places lack "
                                        "(received from another vault), with case counts")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=vocabulary_unknown)

    p = sub.add_parser("places", help="the gazetteer and the organisation's own places")
    psub = p.add_subparsers(dest="places_command", metavar="ACTION", required=True, parser_class=type(p))
    a = psub.add_parser("import", help="add places from a CSV (ours, or OCHA COD-AB admin P-codes), in this vault")
    a.add_argument("file", help="columns code,level,parent,name_en,name_ar,variants,pcode or admin1Pcode,…")
    a.set_defaults(handler=places_import)
    a = psub.add_parser("search", help="places whose Arabic or Latin names match TEXT, best first")
    a.add_argument("text")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=places_search)


def vocabulary_import(ctx: Context) -> int:
    added = organisation_data.import_vocabulary_csv(ctx.vault(), ctx.args.name, ctx.args.file)
    print(f"{len(added)} terms added to {ctx.args.name}")
    return 0


def vocabulary_list(ctx: Context) -> int:
    name = ctx.args.name
    if name is None:
        names = vocabularies.vocabulary_names()
        if ctx.args.json:
            ctx.print_json(names)
        else:
            print("\n".join(names))
        return 0
    if name not in vocabularies.vocabulary_names():
        raise organisation_data.BadOrganisationData("orgdata.no_vocabulary", name=repr(name))
    ctx.vault()  # unlocking installs the organisation's terms
    rows = [{**t.to_json(), "organisation": t.organisation} for t in vocabularies.vocabulary(name)]
    if ctx.args.json:
        ctx.print_json(rows)
    else:
        for r in rows:
            origin = "organisation" if r["organisation"] else "shipped"
            print("\t".join(shown(field) for field in (r["code"], r["labels"].get("en", ""), r["labels"].get("ar", ""),
                                                       origin)))
    return 0


def vocabulary_unknown(ctx: Context) -> int:
    rows = organisation_data.unknown_in_cases(ctx.vault())
    if ctx.args.json:
        ctx.print_json(rows)
    else:
        for r in rows:
            print(f"{shown(r['vocabulary'])}\t{shown(r['code'])}\t{r['cases']} case(s)")
        if not rows:
            print("every code in this vault's cases is known")
    return 0


def places_import(ctx: Context) -> int:
    places = organisation_data.import_places_csv(ctx.vault(), ctx.args.file)
    print(f"{len(places)} places imported")
    return 0


def places_search(ctx: Context) -> int:
    ctx.vault()  # unlocking installs the organisation's places
    rows = [{**p.to_json(), "organisation": p.organisation} for p in search_places(ctx.args.text)]
    if ctx.args.json:
        ctx.print_json(rows)
    else:
        for r in rows:
            print("\t".join(shown(field) for field in (r["code"], r["level"], r["names"].get("en", ""),
                                                       r["names"].get("ar", ""))))
    return 0
