"""Errors the vault raises. Messages are one line, safe to show: never case content, names or keys.

An error is a stable code and named arguments: `TawthiqError("cases.not_found", case=case_id)`.
`storage.error_messages.ENGLISH` words every code for the command line (`str(exc)` is that line);
the GUI words the same codes in the user's language (app/gui/error_texts.py, Qt's catalogues).
A raise site not yet converted passes one English line instead of a code; it has no `code` and
every front end shows the line as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from storage.error_messages import ENGLISH

# `{name}`, or `{name:,}` for a count the English line groups by thousands (10,000).
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(:,)?\}")


def placeholders(template: str) -> set[str]:
    """The argument names a wording uses: `{case}` → "case"."""
    return {name for name, _spec in _PLACEHOLDER.findall(template)}


def english(value: object, spec: str = "") -> str:
    return format(value, ",") if spec and isinstance(value, int) else str(value)


def fill(template: str, values: Mapping[str, object], shown: Callable[[object, str], str] = english) -> str:
    """Every `{name}` of `template` replaced in one pass; `shown(value, spec)` writes a value.

    One pass, because an argument can come from outside (a documenter's name, a file's key id):
    a value containing `{other}` stays as it is instead of pulling another argument in, and a
    wording never runs attribute look-ups as `str.format` would for `{case.__class__}`.
    """
    def argument(match: re.Match[str]) -> str:
        name = match.group(1)
        return shown(values[name], match.group(2) or "") if name in values else match.group(0)

    return _PLACEHOLDER.sub(argument, template)


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
