"""Parsing JSON that came from outside (a case file, a record in a bundle, a profile) safely.

Python's `json` accepts things that are valid to it but hostile to us: NaN and Infinity (not
JSON, and they break every other reader), integers of thousands of digits (Python refuses to
convert them with a ValueError deep inside), lone UTF-16 surrogates from `\\ud800` escapes (they
cannot be encoded back to UTF-8, so the save fails later with an unclear error), NUL characters
(truncate text in C code and in some viewers), duplicate keys (two readers can disagree about
which value counts), and nesting deep enough to exhaust the recursion limit in our own code.
Each is refused here with one clear line, before anything touches the vault.
"""

from __future__ import annotations

import json
import math

from storage.errors import TawthiqError

MAX_DEPTH = 64  # a case is a few levels deep; 64 leaves room for any form and stops recursion bombs
MAX_INT_DIGITS = 30


class HostileJSON(TawthiqError):
    pass


def _refuse_constant(name: str) -> object:
    raise HostileJSON("json.constant", name=name)


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise HostileJSON("json.too_many_digits")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise HostileJSON("json.number_too_large")
    return value


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise HostileJSON("json.duplicate_key")
    return result


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise HostileJSON("json.nul")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise HostileJSON("json.lone_surrogate") from None


def _check_tree(value: object) -> None:
    """Depth, text and numbers of every node, walked without recursion."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise HostileJSON("json.too_deep", limit=MAX_DEPTH)
        if isinstance(node, str):
            _check_text(node)
        elif isinstance(node, dict):
            for k, v in node.items():
                _check_text(k)
                stack.append((v, depth + 1))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)


def loads_untrusted(raw: bytes, what: str = "case") -> object:
    """Parse UTF-8 JSON bytes from outside; raise one-line TawthiqError subclasses only."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise HostileJSON("json.not_utf8", what=what) from None
    try:
        value = json.loads(
            text, parse_constant=_refuse_constant, parse_int=_bounded_int, parse_float=_finite_float,
            object_pairs_hook=_no_duplicate_keys,
        )
    except HostileJSON as exc:
        raise HostileJSON("json.refused", what=what, reason=exc) from None
    except RecursionError:
        raise HostileJSON("json.nested_too_deeply", what=what) from None
    except json.JSONDecodeError as exc:
        raise HostileJSON("json.invalid_at", what=what, line=exc.lineno, column=exc.colno) from None
    except ValueError:  # anything else json or int() refuses
        raise HostileJSON("json.invalid", what=what) from None
    try:
        _check_tree(value)
    except HostileJSON as exc:
        raise HostileJSON("json.refused", what=what, reason=exc) from None
    return value
