"""`gui` (also what `tawthiq` with no command does): start the desktop app."""

from __future__ import annotations

from app.commands._context import Context, Subcommands


def register(sub: Subcommands) -> None:
    p = sub.add_parser("gui", help="start the desktop app (the default with no command)")
    p.set_defaults(handler=start_gui)


def start_gui(ctx: Context) -> int:
    # Imported here: the command line must work on machines where Qt cannot start.
    from app.gui.main import run_gui

    return run_gui(ctx.vault_dir)
