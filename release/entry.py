"""The packaged app's entry point: the same `app.cli.main` as `tawthiq` and `make run`.

So the packaged program runs the same start-up as `make run` (umask 0077, no core dumps, the
PySide6 check, the vault's leftover sweep on unlock) and has the same commands; with no command
it starts the desktop app.
"""

from app.cli import main

raise SystemExit(main())
