"""Subcommands of `tawthiq`, one module per group; each defines `register(subparsers)`."""
