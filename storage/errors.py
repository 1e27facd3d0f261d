"""Errors the vault raises. Messages are one line, safe to show: never case content, names or keys.

An error is a stable code and named arguments: `TawthiqError("cases.not_found", case=case_id)`.
`storage.error_messages.ENGLISH` words every code for the command line (`str(exc)` is that line);
the GUI words the same codes in the user's language (app/gui/error_texts.py, Qt's catalogues).
Every raise site passes a code (tests/gui/test_error_catalogue.py walks the source and fails on a
free English sentence); the codes of the case model (forms.errors.FormError) are part of ENGLISH.
"""

from __future__ import annotations

# The one-pass filler lives with the lowest layer's errors (forms.errors) and is shared from here.
from forms.errors import english as english
from forms.errors import fill as fill
from forms.errors import placeholders as placeholders
from storage.error_messages import ENGLISH


class TawthiqError(Exception):
    """Base of every error we raise on purpose; `exit_code` is the CLI contract (DESIGN.md section 8).

    `code` is the stable name of what went wrong (None for a raise site that still passes an English
    line), `values` its arguments by name.
    """

    exit_code = 1

    def __init__(self, code_or_line: str = "", /, **values: object) -> None:
        self.code: str | None = code_or_line if code_or_line in ENGLISH else None
        self.values: dict[str, object] = values
        super().__init__(fill(ENGLISH[code_or_line], values) if self.code else code_or_line)


class UsageError(TawthiqError):
    exit_code = 2


class WrongPassphrase(TawthiqError):
    exit_code = 3

    def __init__(self, code_or_line: str = "vault.wrong_passphrase", /, **values: object) -> None:
        super().__init__(code_or_line, **values)


class VaultNotFound(TawthiqError):
    pass


class VaultExists(TawthiqError):
    pass


class WeakPassphrase(TawthiqError):
    pass


class CorruptVault(TawthiqError):
    pass


class VaultLayoutRefused(TawthiqError):
    """A part of the vault is a symbolic link or not the kind of file it should be: not opened (exit 1)."""


class VaultLocked(TawthiqError):
    pass


class BundleRejected(TawthiqError):
    """A bundle failed verification: tampered, untrusted signer, wrong recipient, fork."""

    exit_code = 4
