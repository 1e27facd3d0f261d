"""`media trust-anchors FILE.pem`: the certificates of C2PA signers the organisation trusts
(app/services/media/provenance.py). Without them a valid C2PA manifest is shown as "valid,
signer not trusted here", never as trusted."""

from __future__ import annotations

from app.commands._context import Context, Subcommands
from app.services.exchange.organisation_profile import read_small_file
from app.services.media import provenance


def register(sub: Subcommands) -> None:
    p = sub.add_parser("media", help="photos and videos: the C2PA trust anchors")
    msub = p.add_subparsers(dest="media_command", metavar="ACTION", required=True, parser_class=type(p))
    a = msub.add_parser("trust-anchors", help="keep the PEM certificates of C2PA signers the organisation trusts")
    a.add_argument("file", metavar="FILE.pem")
    a.set_defaults(handler=trust_anchors)


def trust_anchors(ctx: Context) -> int:
    count = provenance.set_trust_anchors(ctx.vault(), read_small_file(ctx.args.file, "trust anchors"))
    print(f"{count} C2PA trust anchor(s) kept: photos and videos attached or imported from now on are checked "
          "against them")
    return 0
