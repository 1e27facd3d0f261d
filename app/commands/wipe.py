"""`tawthiq wipe [--yes]`: emergency wipe; `--after-failed-unlocks N|off` sets the unlock limit.

The wipe asks for no passphrase: it must work when the user cannot or will not unlock. It asks
for the typed word WIPE instead (read from the terminal, or the first line of standard input in a
script), unless --yes is given. It never stops half way: if something cannot be removed, the rest
still is, and the command names what is left in its one error line (exit 1).
"""

from __future__ import annotations

import sys

from app.commands._context import Context, Subcommands
from app.services.vault import emergency
from storage.errors import TawthiqError, UsageError, VaultNotFound
from storage.wipe import WipeIncomplete, WipeReport, looks_like_vault

CONFIRM_WORD = "WIPE"


def register(sub: Subcommands) -> None:
    p = sub.add_parser(
        "wipe", help="emergency wipe: destroy the key file at once, then remove the vault (no passphrase)"
    )
    p.add_argument("--yes", action="store_true", help=f"do not ask for the word {CONFIRM_WORD}")
    p.add_argument(
        "--after-failed-unlocks", metavar="N|off",
        help="do not wipe now: set the vault to wipe itself after N wrong passphrases in a row "
             "(needs the passphrase), or 'off'",
    )
    p.set_defaults(handler=wipe)


def _parse_limit(text: str) -> int | None:
    if text.strip().lower() in {"off", "0"}:
        return None
    try:
        return int(text)
    except ValueError:
        raise UsageError("wipe.limit_usage") from None


def wipe(ctx: Context) -> int:
    if ctx.args.after_failed_unlocks is not None:
        limit = _parse_limit(ctx.args.after_failed_unlocks)
        emergency.set_wipe_after_failed_unlocks(ctx.vault(), limit)
        print("the vault no longer wipes itself after wrong passphrases" if limit is None else
              f"the vault will be wiped after {limit} wrong passphrases in a row")
        return 0
    if not looks_like_vault(ctx.vault_dir):
        raise VaultNotFound("wipe.no_vault", folder=ctx.vault_dir)
    if not ctx.args.yes:
        if sys.stdin.isatty():  # a script's piped answer gets no prompt: its stderr stays one line
            print(f"This destroys the vault in {ctx.vault_dir} for good. Type {CONFIRM_WORD} to go on: ",
                  end="", file=sys.stderr, flush=True)
        answer = sys.stdin.readline(64).strip()
        if answer != CONFIRM_WORD:
            raise TawthiqError("wipe.not_confirmed", word=CONFIRM_WORD)
    try:
        report = emergency.wipe(ctx.vault_dir)
    except WipeIncomplete as exc:  # every step that could run, ran; the error line says what is left
        if exc.report.keys_destroyed:
            print(_timings(exc.report))
        raise
    print(_timings(report))
    return 0


def _timings(report: WipeReport) -> str:
    return (f"wiped: keys destroyed in {report.key_destroyed_s * 1000:.0f} ms, "
            f"vault removed in {report.total_s * 1000:.0f} ms ({report.files_removed} files)")
