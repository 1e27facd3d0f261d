"""The `tawthiq` command (DESIGN.md section 8): a contract that tests and coordinators' scripts use.

Exit status: 0 success; 1 error; 2 usage; 3 wrong passphrase; 4 a bundle failed verification, or
the vault did (`audit verify`, `verify-vault`).
Errors are one line on standard error, never a traceback. Subcommands live in app/commands/,
one module per group, each with a `register(subparsers)` function; they are found by name so
that adding a command touches only its own module.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import os
import pkgutil
import sys
from collections.abc import Callable
from pathlib import Path

import app.commands
from app import hygiene
from app.commands._display import json_text, shown
from app.services.exchange import organisation_data
from storage.errors import TawthiqError, UsageError, WrongPassphrase
from storage.vault import Vault, default_vault_dir

MAX_PASSPHRASE_BYTES = 4096


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2 through our own path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"usage: {message} (see `tawthiq --help`)")


class Context:
    """What a command needs: the parsed arguments, the vault folder, passphrases, output."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.vault_dir = Path(args.vault or os.environ.get("TAWTHIQ_VAULT") or default_vault_dir())
        self._vault: Vault | None = None
        self._stdin_used = False

    def read_secret(self, source: str | None, prompt: str, confirm: bool = False) -> str:
        if source:
            if source == "-":
                if self._stdin_used:
                    raise UsageError("usage: only one passphrase can be read from standard input")
                self._stdin_used = True
                raw = sys.stdin.buffer.readline(MAX_PASSPHRASE_BYTES + 1)
            else:
                try:
                    with open(source, "rb") as fh:
                        raw = fh.read(MAX_PASSPHRASE_BYTES + 1)
                except OSError:
                    raise TawthiqError("the passphrase file cannot be read") from None
            if len(raw) > MAX_PASSPHRASE_BYTES:
                raise TawthiqError("the passphrase file is too long to be a passphrase")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise TawthiqError("the passphrase file is not UTF-8 text") from None
            return text.splitlines()[0] if text.splitlines() else ""
        if not sys.stdin.isatty():
            raise UsageError("usage: no terminal to ask for the passphrase: use --passphrase-file")
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat it: ") != first:
            raise TawthiqError("the two passphrases differ: nothing was changed")
        return first

    def passphrase(self, prompt: str = "Passphrase: ", confirm: bool = False) -> str:
        return self.read_secret(self.args.passphrase_file, prompt, confirm)

    def vault(self) -> Vault:
        """Unlock once per command; `main` locks it when the command ends."""
        if self._vault is None:
            self._vault = Vault.unlock(self.vault_dir, self.passphrase())
            if self._vault.audit_problem:  # a warning on every command until it is looked into
                print(f"tawthiq: WARNING: {self._vault.audit_problem}: the vault was changed outside Tawthiq "
                      "(`tawthiq verify-vault` checks it in full)", file=sys.stderr)
            organisation_data.install(self._vault)  # its own terms and places, for validation
        return self._vault

    def close(self) -> None:
        if self._vault is not None:
            self._vault.lock()
            self._vault = None

    def print_json(self, value: object) -> None:
        sys.stdout.write(json_text(value, indent=2, sort_keys=True) + "\n")


Handler = Callable[[Context], int | None]


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(prog="tawthiq", description="Offline, encrypted human-rights documentation.")
    parser.add_argument("--vault", metavar="DIR", help="vault folder (default: the user data folder)")
    parser.add_argument(
        "--passphrase-file", metavar="FILE", help="read the passphrase from FILE's first line ('-': stdin)"
    )
    parser.add_argument("--debug", action="store_true", help="debug log to stderr (never case content)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    for info in sorted(pkgutil.iter_modules(app.commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):  # helpers the commands share (_display), not commands
            continue
        module = importlib.import_module(f"app.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    hygiene.harden_process()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(f"tawthiq: {shown(exc)}", file=sys.stderr)
        return exc.exit_code
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    hygiene.configure_logging(args.debug)
    if not args.command:
        from app.commands.gui import start_gui

        args.command, args.handler = "gui", start_gui
    ctx = Context(args)
    try:
        return int(args.handler(ctx) or 0)
    except WrongPassphrase as exc:
        print(f"tawthiq: {shown(exc)}", file=sys.stderr)
        return exc.exit_code
    except TawthiqError as exc:
        print(f"tawthiq: {shown(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("tawthiq: interrupted; nothing half-written was kept", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1
    except Exception as exc:  # last line of defence: one line, no traceback, no content
        hygiene.log_unexpected(exc)
        print(f"tawthiq: unexpected error ({type(exc).__name__}); run with --debug for details",
              file=sys.stderr)
        return 1
    finally:
        ctx.close()
