"""`profile export --out FILE` (coordinator) and `profile import FILE --fingerprint DIGITS`.

The profile carries the coordinator's organisation terms and places (`vocabulary import`,
`places import`); importing it puts them in force in the documenter's vault.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.services.exchange import organisation_profile
from app.services.exchange.organisation_profile import read_small_file
from storage.atomic import atomic_write_bytes
from storage.errors import BundleRejected, UsageError


def register(sub: Subcommands) -> None:
    p = sub.add_parser("profile", help="the organisation profile (coordinator keys, custodian, forms, "
                                       "the organisation's terms and places)")
    psub = p.add_subparsers(dest="profile_command", metavar="ACTION", required=True, parser_class=type(p))
    a = psub.add_parser("export", help="coordinator: write the signed profile for documenters")
    a.add_argument("--out", required=True, metavar="FILE")
    a.add_argument("--custodian-recipient", metavar="AGE1…", help="the custodian's age recipient (kept)")
    a.add_argument("--recipient", action="append", default=[], metavar="AGE1…",
                   help="another coordinator's age recipient that bundles are also encrypted to")
    a.set_defaults(handler=export_profile)
    a = psub.add_parser("import", help="documenter: import the profile after checking its fingerprint")
    a.add_argument("file")
    a.add_argument("--fingerprint", metavar="DIGITS", help="the coordinator's fingerprint, read to you out of band")
    a.add_argument("--handover", metavar="FILE",
                   help="the coordinator's key handover, signed by the key imported before (after `keys rotate`)")
    a.add_argument("--new-coordinator-key", action="store_true",
                   help="accept a changed coordinator key on a new fingerprint check (--fingerprint) instead")
    a.set_defaults(handler=import_profile)
    a = psub.add_parser("show", help="the imported profile")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=show_profile)


def confirm(candidate: organisation_profile.Candidate, typed: str | None, what: str) -> None:
    """The out-of-band check: --fingerprint, or a person at a terminal; otherwise refuse."""
    if typed:
        organisation_profile.confirm_fingerprint(candidate, typed)
        return
    if not sys.stdin.isatty():
        raise UsageError("profile.fingerprint_needed", what=what)
    print(f"The {what}'s fingerprint is:\n\n    {candidate.fingerprint}\n")
    print("Compare it with the one read to you in person or by phone.")
    answer = input("Type 'yes' if every digit matches: ").strip().lower()
    if answer not in ("yes", "نعم"):
        raise BundleRejected("profile.not_confirmed")


def export_profile(ctx: Context) -> int:
    vault = ctx.vault()
    raw = organisation_profile.export_profile(vault, ctx.args.custodian_recipient, tuple(ctx.args.recipient))
    atomic_write_bytes(Path(ctx.args.out), raw)
    print(f"profile written to {ctx.args.out}")
    return 0


def import_profile(ctx: Context) -> int:
    candidate = organisation_profile.read_profile(read_small_file(ctx.args.file, "profile"))
    handover = read_small_file(ctx.args.handover, "handover") if ctx.args.handover else None
    if handover is None:  # through a handover the old key vouches for the new one: no call needed
        confirm(candidate, ctx.args.fingerprint, "coordinator")
    elif ctx.args.new_coordinator_key:
        raise UsageError("profile.handover_or_new_key")
    vault = ctx.vault()
    summary = organisation_profile.import_profile(vault, candidate, handover=handover,
                                                  new_key_confirmed=ctx.args.new_coordinator_key)
    data = summary["organisation_data"]
    print(f"profile {summary['serial']} of {shown(summary['organisation']) or 'the organisation'} imported "
          f"(coordinator key {summary['coordinator_key_id']}); organisation terms: {data['terms']}, "
          f"places: {data['places']}, in force now")
    missing = organisation_profile.forms_not_here(vault)
    if missing:
        named = shown(", ".join(f"{form} v{version}" for form, version in sorted(missing.items())))
        print(f"tawthiq: warning: the coordinator uses forms this program does not have ({named}): "
              "install the newer Tawthiq", file=sys.stderr)
    return 0


def show_profile(ctx: Context) -> int:
    summary = organisation_profile.profile_summary(ctx.vault())
    if ctx.args.json:
        ctx.print_json(summary)
    else:
        for k, v in summary.items():
            print(f"{shown(k)}: {shown(v)}")
    return 0
