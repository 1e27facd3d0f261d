"""Errors of the case model, as codes with named arguments (issue 13 item 5).

An error is a stable code and its arguments: `BadImport("vocabulary.code_twice", where=…, code=…)`.
forms/error_messages.py words each code in English (`str(exc)`, the line the command line prints);
the GUI words the same codes in the user's language (app/gui/error_texts.py), as it does for the
storage and service errors (storage.errors.TawthiqError), which fill their wordings with the same
one-pass filler defined here: forms is the lowest layer, so both can use it. Messages never carry
case content: they name fields, files, codes and counts only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from forms.error_messages import ENGLISH

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


class Phrase:
    """Not an error: a coded piece of text an error names, such as the line of a file
    (`Phrase("where.line", source=Phrase("where.places_file"), line=12)`, "places file, line 12").
    Passed as an argument, it is worded by the same catalogues as the error around it."""

    def __init__(self, code: str, /, **values: object) -> None:
        self.code = code
        self.values: dict[str, object] = values

    def __str__(self) -> str:
        return fill(ENGLISH[self.code], self.values)

    def __repr__(self) -> str:
        return f"Phrase({self.code!r}, {self.values!r})"


class FormError(Exception):
    """Anything wrong with a form definition, a vocabulary, the gazetteer or a case body.

    `code` names what went wrong (a key of forms.error_messages.ENGLISH), `values` its arguments;
    `exit_code` is the command line's, as for storage.errors.TawthiqError.
    """

    exit_code = 1

    def __init__(self, code: str, /, **values: object) -> None:
        self.code: str | None = code if code in ENGLISH else None
        self.values: dict[str, object] = values
        super().__init__(fill(ENGLISH[code], values) if self.code else code)


class UnknownForm(FormError):
    pass


class UnknownVocabulary(FormError):
    pass


class BadDefinition(FormError):
    """A form definition, vocabulary or gazetteer file that does not follow the documented format."""


class BadImport(FormError):
    """An organisation's CSV that cannot be imported; nothing of it is taken."""
