"""The context every command handler takes (`handler(ctx: Context) -> int | None`) and the types
of a command module's `register(sub: Subcommands)`.

Shared by app/cli.py and the modules of app/commands/ (a leading underscore: not a command).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.commands._display import json_text
from app.services.exchange import organisation_data
from storage.errors import TawthiqError, UsageError
from storage.vault import Vault, default_vault_dir

MAX_PASSPHRASE_BYTES = 4096

# What build_parser hands each command module's register().
Subcommands = argparse._SubParsersAction


@dataclass
class Context:
    """What a command handler gets: the parsed arguments, the vault folder, passphrases, output.

    `args` holds what the command's own parser defined (argparse's Namespace: each command reads
    the options it registered); everything else a handler uses is typed here.
    """

    args: argparse.Namespace
    vault_dir: Path
    _vault: Vault | None = field(default=None, init=False, repr=False)
    _stdin_used: bool = field(default=False, init=False, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Context:
        return cls(args, Path(args.vault or os.environ.get("TAWTHIQ_VAULT") or default_vault_dir()))

    def read_secret(self, source: str | None, prompt: str, confirm: bool = False) -> str:
        if source:
            if source == "-":
                if self._stdin_used:
                    raise UsageError("passphrase.stdin_twice")
                self._stdin_used = True
                raw = sys.stdin.buffer.readline(MAX_PASSPHRASE_BYTES + 1)
            else:
                try:
                    with open(source, "rb") as fh:
                        raw = fh.read(MAX_PASSPHRASE_BYTES + 1)
                except OSError:
                    raise TawthiqError("passphrase.file_unreadable") from None
            if len(raw) > MAX_PASSPHRASE_BYTES:
                raise TawthiqError("passphrase.file_too_long")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise TawthiqError("passphrase.file_not_utf8") from None
            return text.splitlines()[0] if text.splitlines() else ""
        if not sys.stdin.isatty():
            raise UsageError("passphrase.no_terminal")
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat it: ") != first:
            raise TawthiqError("passphrase.differ")
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
