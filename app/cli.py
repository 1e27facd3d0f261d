"""The `tawthiq` command (DESIGN.md section 8): a contract that tests and coordinators' scripts use.

Exit status: 0 success; 1 error; 2 usage; 3 wrong passphrase; 4 a bundle failed verification, or
the vault did (`audit verify`, `verify-vault`), a backup, recovery shares or a handover were refused,
or `case import` refused a spreadsheet or some of its rows.
Errors are one line on standard error, never a traceback. Subcommands live in app/commands/,
one module per group, each with a `register(sub: Subcommands)` function whose parsers set a
`handler(ctx: Context) -> int` (app/commands/_context.py); they are found by name so that adding
a command touches only its own module.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

import app.commands
from app import hygiene
from app.commands._context import Context, Handler
from app.commands._display import shown
from forms.errors import FormError
from storage.errors import TawthiqError, UsageError, WrongPassphrase


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2 through our own path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError("cli.usage", message=message)


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
    ctx = Context.from_args(args)
    try:
        handler: Handler = args.handler
        return int(handler(ctx) or 0)
    except WrongPassphrase as exc:
        print(f"tawthiq: {shown(exc)}", file=sys.stderr)
        return exc.exit_code
    except (TawthiqError, FormError) as exc:  # a form, vocabulary or places file refused: exit 1
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
