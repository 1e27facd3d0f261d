"""Service errors worded for a person, in the interface language.

Services raise a code with named arguments (storage.errors.TawthiqError); the command line prints
the English line, and the GUI words the same code through its own catalogue (app/gui/error_texts.py,
translated with Qt's catalogues like every other string). An argument is outside text (a key id, a
file name, a documenter's name): it is filled in one pass, so it cannot pull in another argument,
and in a right-to-left interface it is isolated so its brackets and digits keep their order.
"""

from __future__ import annotations

from app.gui import error_texts
from app.gui.i18n import fmt_int, is_rtl
from forms.errors import FormError, Phrase
from storage.errors import TawthiqError, fill

# What carries a code and named arguments: a service or storage error, an error of the case model
# (a form, vocabulary or places file), and a Phrase such an error names ("places file, line 12").
Coded = TawthiqError | FormError | Phrase

# FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: the argument is laid out by its own direction and
# cannot reorder the Arabic sentence around it.
_ISOLATE, _POP = "\u2068", "\u2069"


def user_text(exc: Coded) -> str:
    """The line to show for `exc` in the interface language.

    Called on worker threads too (app.gui.tasks.safe_message): QCoreApplication.translate is
    thread-safe. An error without a known code (none is raised so: tests/gui/test_error_catalogue.py)
    would be shown as it is.
    """
    template = error_texts.wording(exc.code) if exc.code else None
    if template is None:
        return _isolated(str(exc)) if is_rtl() else str(exc)
    values = {name: error_texts.file_kind(value) if name in _FILE_KINDS and isinstance(value, str) else value
              for name, value in exc.values.items()}
    return fill(template, values, shown=_argument)


_FILE_KINDS = ("what", "kind")  # arguments that name a kind of file in our words, not outside text


def _argument(value: object, _spec: str = "") -> str:
    if isinstance(value, Coded):  # the reason of a refusal or the place it names, itself coded
        return user_text(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return fmt_int(value)  # Arabic-Indic digits in the Arabic interface, grouped as the locale does
    text = str(value)
    return _isolated(text) if is_rtl() else text


def _isolated(text: str) -> str:
    return _ISOLATE + text + _POP
