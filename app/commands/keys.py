"""`keys [--json] [--minisign-out FILE]`: this vault's public keys and fingerprint;
`keys export-age-identity --out FILE`: its secret age identity, on purpose, for checks with stock tools."""

from __future__ import annotations

import sys
from pathlib import Path

from app.commands._context import Context, Subcommands
from app.commands._display import shown
from app.services.vault import keys
from storage.atomic import atomic_write_bytes


def register(sub: Subcommands) -> None:
    p = sub.add_parser("keys", help="own public keys (age recipient, minisign key) and fingerprint")
    p.add_argument("--json", action="store_true")
    p.add_argument("--minisign-out", metavar="FILE", help="also write the minisign public key file")
    p.set_defaults(handler=show_keys)
    ksub = p.add_subparsers(dest="keys_command", metavar="[export-age-identity|rotate|handover]", parser_class=type(p))
    a = ksub.add_parser(
        "export-age-identity",
        help="write this vault's SECRET age identity to a new file (0600) for `age -d -i FILE`; audited",
        description="Write this vault's secret age identity (AGE-SECRET-KEY-1...) to FILE, a new file "
                    "(mode 0600, never over an existing one), after the passphrase; the audit log "
                    "records it. The file decrypts every bundle sent to this vault and every attachment "
                    "in it: use it for the stock-tools check of docs/bundle-format.md, then delete it.",
    )
    a.add_argument("--out", required=True, metavar="FILE")
    a.set_defaults(handler=export_age_identity)
    a = ksub.add_parser(
        "rotate",
        help="coordinator: new signing key and age identity (the old kept to read old bundles); "
             "writes a handover signed by the old key",
        description="Give this coordinator vault a new signing key and age identity. The old ones stay in the "
                    "key file, retired, so bundles and attachments made for them stay readable. The handover "
                    "(signed by the old key) goes to documenters with the next profile: `profile import PROFILE "
                    "--handover FILE`. Recovery shares made before are removed (they hold the old keys).",
    )
    a.add_argument("--handover-out", required=True, metavar="FILE", help="where to write the signed handover")
    a.set_defaults(handler=rotate)
    a = ksub.add_parser("handover", help="coordinator: write the last key handover again")
    a.add_argument("--out", required=True, metavar="FILE")
    a.set_defaults(handler=write_last_handover)


def show_keys(ctx: Context) -> int:
    vault = ctx.vault()
    info = keys.describe(vault)
    if ctx.args.minisign_out:
        atomic_write_bytes(Path(ctx.args.minisign_out), info.minisign_public_key.encode("ascii"))
    if ctx.args.json:
        ctx.print_json(info.to_json())
        return 0
    print(f"role:               {info.role}")
    print(f"age recipient:      {info.age_recipient}")
    print(f"minisign key id:    {info.key_id}")
    print(f"minisign public key: {info.minisign_public_key.splitlines()[1]}")
    print(f"fingerprint:        {info.fingerprint}")
    return 0


def export_age_identity(ctx: Context) -> int:
    vault = ctx.vault()
    keys.export_age_identity(vault, Path(ctx.args.out))
    print(f"tawthiq: warning: {keys.AGE_IDENTITY_WARNING.format(path=shown(ctx.args.out))}", file=sys.stderr)
    print(f"age identity of {vault.age_recipient} written to {shown(ctx.args.out)}")
    return 0


def rotate(ctx: Context) -> int:
    from app.services.vault import rotation

    vault = ctx.vault()
    old = keys.describe(vault)
    handover = rotation.rotate_coordinator_keys(vault, ctx.passphrase())
    rotation.write_handover(Path(ctx.args.handover_out), handover)
    new = keys.describe(vault)
    print(f"coordinator keys rotated: key {old.key_id} retired (kept to read what was made for it), "
          f"new key {new.key_id}")
    print(f"new fingerprint: {new.fingerprint}")
    print(f"handover written to {ctx.args.handover_out}: export the profile again and give both to every "
          "documenter (`tawthiq profile import PROFILE --handover FILE`)", file=sys.stderr)
    return 0


def write_last_handover(ctx: Context) -> int:
    from app.services.vault import rotation

    rotation.write_handover(Path(ctx.args.out), rotation.last_handover(ctx.vault()))
    print(f"handover written to {ctx.args.out}")
    return 0
