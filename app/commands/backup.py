"""`backup`, `backup verify`, `restore`, `recovery …`: backups and shared recovery (issue 20; docs/backup.md).

Shares are read one per line (from `--shares-file FILE`, '-' for standard input, or asked one at a
time with the input hidden); blank lines and lines starting with # are skipped.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from app.commands._context import Context, Subcommands
from app.services.recovery import backup as backup_service
from app.services.recovery import key_recovery
from app.services.recovery.shares import ShareSet
from storage.atomic import create_private_file
from storage.errors import TawthiqError, UsageError

MAX_SHARES_FILE = 64 * 1024


def register(sub: Subcommands) -> None:
    p = sub.add_parser("backup", help="write an encrypted backup of the vault to one file; `backup verify FILE`")
    p.add_argument("--out", metavar="FILE", help="the backup file to write (replaced atomically if it exists)")
    p.set_defaults(handler=backup)
    bsub = p.add_subparsers(dest="backup_command", metavar="ACTION", parser_class=type(p))
    a = bsub.add_parser("verify", help="check a backup file completely without restoring it (exit 4 if it fails)")
    a.add_argument("file", metavar="FILE")
    _shares_option(a)
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=verify)

    p = sub.add_parser("restore", help="restore a backup file as a new vault in an empty folder")
    p.add_argument("file", metavar="FILE")
    # Also accepted after the command (`restore FILE --vault DIR`), as the global --vault before it.
    p.add_argument("--vault", dest="restore_vault", metavar="DIR", help="the new vault's folder (new or empty)")
    _shares_option(p)
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help="with --shares-file: the restored vault's new passphrase ('-': stdin)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=restore)

    p = sub.add_parser("recovery", help="shared recovery: k of n SLIP-39 word shares of the vault's keys")
    rsub = p.add_subparsers(dest="recovery_command", metavar="ACTION", required=True, parser_class=type(p))
    a = rsub.add_parser("make", help="make n word shares of which any k recover the vault (replaces earlier shares)")
    a.add_argument("--threshold", type=int, required=True, metavar="K", help="how many shares recover (at least 2)")
    a.add_argument("--shares", type=int, required=True, metavar="N", help="how many shares to make (at most 16)")
    a.add_argument("--out-dir", metavar="DIR",
                   help="write each share to its own new file in DIR (default: shown on the terminal only)")
    a.set_defaults(handler=recovery_make)
    a = rsub.add_parser("status", help="whether shares were made, and how many recover (no passphrase needed)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=recovery_status)
    a = rsub.add_parser("off", help="remove the recovery slot: shares made so far open nothing from now on")
    a.set_defaults(handler=recovery_off)
    a = rsub.add_parser("recover", help="set a new passphrase on the vault with k shares (forgotten passphrase)")
    _shares_option(a)
    a.add_argument("--new-passphrase-file", metavar="FILE", help="read the new passphrase from FILE ('-': stdin)")
    a.set_defaults(handler=recovery_recover)


def _shares_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--shares-file", metavar="FILE",
                        help="open with recovery shares instead of the passphrase: one share per line ('-': stdin)")


def read_shares(ctx: Context, source: str | None) -> list[str]:
    """The shares, one per line, from a file, standard input, or asked one by one (hidden)."""
    if source:
        try:
            if source == "-":
                stdin_passphrase = "-" in (ctx.args.passphrase_file, getattr(ctx.args, "new_passphrase_file", None))
                if stdin_passphrase:
                    raise UsageError("recovery.shares_stdin_twice")
                raw = sys.stdin.buffer.read(MAX_SHARES_FILE + 1)
            else:
                with open(source, "rb") as fh:
                    raw = fh.read(MAX_SHARES_FILE + 1)
        except OSError:
            raise TawthiqError("recovery.shares_file_unreadable") from None
        if len(raw) > MAX_SHARES_FILE:
            raise TawthiqError("recovery.shares_file_too_long")
        text = raw.decode("utf-8", errors="replace")
        return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not sys.stdin.isatty():
        raise UsageError("recovery.shares_no_terminal")
    shares: list[str] = []
    while True:
        line = getpass.getpass(f"Share {len(shares) + 1} (an empty line when all are typed): ")
        if not line.strip():
            return shares
        shares.append(line)


def _new_passphrase(ctx: Context) -> str:
    return ctx.read_secret(ctx.args.new_passphrase_file, "New passphrase: ", confirm=True)


# ---- backup ---------------------------------------------------------------------------------------
def backup(ctx: Context) -> int:
    if not ctx.args.out:
        raise UsageError("backup.usage")
    summary = backup_service.write_backup(ctx.vault(), Path(ctx.args.out))
    print(f"backup written to {ctx.args.out} ({summary.size:,} bytes)")
    for line in summary.lines():
        print(line)
    print("it opens with this vault's passphrase (as it is now) or its recovery shares; "
          "check it with `tawthiq backup verify`", file=sys.stderr)
    return 0


def verify(ctx: Context) -> int:
    path = Path(ctx.args.file)
    backup_service.verify_header(path)  # a file that is not an undamaged backup fails before any passphrase
    if ctx.args.shares_file:
        summary = backup_service.verify_backup(path, share_texts=read_shares(ctx, ctx.args.shares_file))
    else:
        summary = backup_service.verify_backup(path, passphrase=ctx.passphrase("Passphrase of the backup: "))
    if ctx.args.json:
        ctx.print_json({"verified": True, **summary.to_json()})
    else:
        print(f"backup verified: every chunk and every file's hash hold "
              f"({summary.files} files, {summary.size:,} bytes)")
        for line in summary.lines():
            print(line)
    return 0


def restore(ctx: Context) -> int:
    path = Path(ctx.args.file)
    target = Path(ctx.args.restore_vault) if ctx.args.restore_vault else ctx.vault_dir
    backup_service.verify_header(path)
    if ctx.args.shares_file:
        shares = read_shares(ctx, ctx.args.shares_file)
        report = backup_service.restore_backup(path, target, share_texts=shares, new_passphrase=_new_passphrase(ctx))
    else:
        report = backup_service.restore_backup(path, target, passphrase=ctx.passphrase("Passphrase of the backup: "))
    if ctx.args.json:
        ctx.print_json({"restored": str(target), "attachments_checked": report.attachments_checked,
                        **report.summary.to_json()})
    else:
        print(f"restored into {target}")
        for line in report.lines():
            print(line)
    return 0


# ---- recovery -------------------------------------------------------------------------------------
def recovery_make(ctx: Context) -> int:
    made = key_recovery.make_vault_shares(ctx.vault(), ctx.args.threshold, ctx.args.shares)
    show_shares(made, "the vault", Path(ctx.args.out_dir) if ctx.args.out_dir else None)
    return 0


def show_shares(made: ShareSet, what: str, out_dir: Path | None) -> None:
    """Each share to its own new file (asked for), or on the terminal one at a time."""
    count = len(made.shares)
    if out_dir is not None:
        for number, share in enumerate(made.shares, 1):
            name = out_dir / f"share-{number}-of-{count}.txt"
            try:
                create_private_file(name, f"# Tawthiq recovery share {number} of {count}: any {made.threshold} "
                                          f"recover {what}\n{share}\n".encode())
            except FileExistsError:
                raise TawthiqError("recovery.share_file_exists", file=str(name)) from None
            except OSError as exc:
                raise TawthiqError("recovery.share_file_not_written", file=str(name),
                                   reason=(exc.strerror or '').lower()) from None
        print(f"{count} shares written to {out_dir}: give each to a different person, then delete the files")
        return
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    print(f"{count} shares; any {made.threshold} recover {what}. Give each to a different person.")
    for number, share in enumerate(made.shares, 1):
        print(f"share {number} of {count}:\n{share}")
        if interactive:
            input(f"write share {number} down, then press Enter to clear the screen ")
            sys.stdout.write("\x1b[2J\x1b[H")
            sys.stdout.flush()


def recovery_status(ctx: Context) -> int:
    status = key_recovery.vault_status(ctx.vault_dir)
    if ctx.args.json:
        ctx.print_json(None if status is None else status.to_json())
    elif status is None:
        print("recovery shares: none (only the passphrase opens this vault)")
    else:
        print(f"recovery shares: any {status.threshold} of {status.shares} (set {status.identifier}, "
              f"made {status.created_at})")
    return 0


def recovery_off(ctx: Context) -> int:
    if key_recovery.remove_vault_shares(ctx.vault()):
        print("recovery slot removed: the shares made so far no longer open this vault "
              "(backups made before still carry it)")
    else:
        print("no recovery shares were made for this vault: nothing changed")
    return 0


def recovery_recover(ctx: Context) -> int:
    shares = read_shares(ctx, ctx.args.shares_file)
    key_recovery.recover_vault(ctx.vault_dir, shares, _new_passphrase(ctx))
    print("passphrase set from the recovery shares; the old passphrase no longer opens this vault")
    return 0
