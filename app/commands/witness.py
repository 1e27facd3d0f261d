"""`witness add/list/show/edit/consent/reseal/links`: the witness register by pseudonym.

Nothing here prints an identity except `witness show CODE --reveal --reason …` on a vault that
kept the opt-in local copy, and that is audited.
"""

from __future__ import annotations

import sys

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.commands.case import read_json_file
from app.services.intake import consent as consent_rules
from app.services.intake import witnesses


def register(sub: Subcommands) -> None:
    p = sub.add_parser("witness", help="witnesses by pseudonym: register, consent, sealed identities")
    wsub = p.add_subparsers(dest="witness_command", metavar="ACTION", required=True, parser_class=type(p))
    a = wsub.add_parser("add", help="add a witness from a JSON file ('-': stdin); prints the pseudonym")
    a.add_argument("file")
    a.set_defaults(handler=add)
    a = wsub.add_parser("list", help="list the register (pseudonyms, aliases, consent; never identities)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=list_)
    a = wsub.add_parser("show", help="show one witness")
    a.add_argument("code")
    a.add_argument("--json", action="store_true")
    a.add_argument("--reveal", action="store_true", help="open the locally readable copy (audited)")
    a.add_argument("--reason", help="why the identity is opened (required with --reveal)")
    a.set_defaults(handler=show)
    a = wsub.add_parser("edit", help="change alias, relation, risk or follow_up from a JSON file")
    a.add_argument("code")
    a.add_argument("file")
    a.set_defaults(handler=edit)
    a = wsub.add_parser("consent", help="record a witness's consent (JSON file) or its withdrawal")
    a.add_argument("code")
    a.add_argument("file", nargs="?", help="the consent record as JSON ('-': stdin)")
    a.add_argument("--withdraw", action="store_true", help="record that the witness withdrew consent")
    a.add_argument("--on", metavar="YYYY-MM-DD", help="withdrawal date (default: today)")
    a.set_defaults(handler=consent)
    a = wsub.add_parser("reseal", help="move identities sealed to this vault onto the custodian's key")
    a.set_defaults(handler=reseal)
    a = wsub.add_parser("links", help="pseudonyms the custodian found to be one person")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=links)


def add(ctx: Context) -> int:
    body = read_json_file(ctx.args.file, "witness")
    vault = ctx.vault()
    code = witnesses.add_witness(vault, body)
    w = witnesses.get_witness(vault, code)
    if w.has_local_copy:
        print(f"warning: {witnesses.LOCAL_COPY_WARNING}", file=sys.stderr)
    if w.sealed_to == "vault":
        print("note: no organisation profile yet, so the identity is sealed to this vault; "
              "it moves to the custodian with `witness reseal` after `profile import`", file=sys.stderr)
    print(code)
    return 0


def _consent_line(c: dict) -> str:
    if c.get("withdrawn_on"):
        return f"withdrawn {c['withdrawn_on']}"
    if not c.get("given"):
        return "no consent"
    return ",".join(c.get("scope") or []) or "given, no scope"


def list_(ctx: Context) -> int:
    rows = witnesses.list_witnesses(ctx.vault())
    if ctx.args.json:
        ctx.print_json([w.to_json() for w in rows])
    else:
        for w in rows:
            print("\t".join(shown(field) for field in (w.code, w.alias or "-", w.risk, _consent_line(w.consent),
                                                       w.sealed_to or "no identity")))
    return 0


def show(ctx: Context) -> int:
    vault = ctx.vault()
    w = witnesses.get_witness(vault, ctx.args.code)
    out = w.to_json()
    if ctx.args.reveal:
        out["identity"] = witnesses.read_local_copy(vault, w.code, ctx.args.reason or "")
    if ctx.args.json:
        ctx.print_json(out)
        return 0
    print(f"{shown(w.code)}  {shown(w.alias)}")
    for key in ("relation", "risk", "follow_up", "origin", "created_at", "updated_at"):
        print(f"{key}: {shown(out[key] or '-')}")
    disclose = "yes" if w.consent["name_disclosure"] else "no"
    print(f"consent: {shown(_consent_line(w.consent))}; name may be disclosed: {disclose}")
    print(f"identity: sealed to the {w.sealed_to}" if w.sealed_to else "identity: none recorded")
    if w.has_local_copy:
        print("a locally readable copy is kept on this vault")
    for key, value in (out.get("identity") or {}).items():
        print(f"{shown(key)}: {shown(value)}")
    return 0


def edit(ctx: Context) -> int:
    body = read_json_file(ctx.args.file, "witness")
    w = witnesses.update_witness(ctx.vault(), ctx.args.code, body)  # type: ignore[arg-type]
    print(w.code)
    return 0


def consent(ctx: Context) -> int:
    from storage.errors import UsageError

    if ctx.args.withdraw == bool(ctx.args.file):
        raise UsageError("consent.usage")
    if ctx.args.withdraw:
        if ctx.args.on:
            consent_rules.check_consent({"withdrawn_on": ctx.args.on})
        record = witnesses.withdraw_consent(ctx.vault(), ctx.args.code, ctx.args.on)
    else:
        record = witnesses.set_consent(ctx.vault(), ctx.args.code, read_json_file(ctx.args.file, "consent"))
    print(shown(_consent_line(record)))
    return 0


def reseal(ctx: Context) -> int:
    vault = ctx.vault()
    _, target = witnesses.seal_target(vault)
    if target != "custodian":
        from storage.errors import TawthiqError

        raise TawthiqError("witness.no_custodian_yet")
    print(f"resealed {witnesses.reseal(vault)} identities to the custodian")
    return 0


def links(ctx: Context) -> int:
    from app.services.custody import custodian  # rapidfuzz only for the commands that link

    vault = ctx.vault()
    rows = custodian.links(vault)
    if ctx.args.json:
        ctx.print_json({"links": rows, "clusters": custodian.clusters(vault)})
    else:
        for r in rows:
            print("\t".join(shown(r[key]) for key in ("a", "b", "basis", "score")))
    return 0
