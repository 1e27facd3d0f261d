"""What the commands print when a line shows outside data: names, titles, codes, labels, messages.

A name, title or label came from a person, a bundle, a profile, an identity file or a CSV, and
reaches a terminal. Printed raw, an ESC starts a terminal control sequence, a CR or LF forges a
line of its own (an identity named "X\\nKEYID\\ttrusted…" made a revoked key look trusted in
`trust --list`), a TAB forges a column of a tab-separated listing, and a right-to-left override
reorders what follows it on screen. So every printer of outside data passes it through `shown`
(one field or one line that must stay one line) or `json_text` (JSON output). The data itself is
kept as it was (docs/threat-model.md section 2.4): only what is printed is escaped.

Escaped, as backslash escapes a reader can see: C0 and C1 control characters and DEL (TAB, LF and
CR included), the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the line
and paragraph separators (U+2028, U+2029) and lone surrogates (which a strict UTF-8 terminal
stream could not even encode). Not escaped: the marks U+200E, U+200F and U+061C and the joiners
(U+200C, U+200D), which Arabic and Persian text uses and which cannot reorder or forge a line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

_OUTSIDE_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
# json.dumps escapes C0 controls inside strings itself, and the newlines its indentation writes are
# structure, not data; everything else `shown` escapes can only be inside a JSON string.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(value: object) -> str:
    """`value` as text that stays on its line and in its column, and cannot steer the terminal."""
    return _OUTSIDE_UNSAFE.sub(_escape, str(value))


def shown_lines(lines: Iterable[object]) -> str:
    """Lines of outside data as one text: each line `shown`, so that none can forge another."""
    return "\n".join(_OUTSIDE_UNSAFE.sub(_escape, str(line)) for line in lines)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(value: object, **options: object) -> str:
    """JSON of `value` for a terminal or a script: the same data, with what `shown` escapes written as
    \\uXXXX escapes, so the result parses to the same value."""
    text = json.dumps(value, ensure_ascii=False, **options)  # type: ignore[arg-type]
    return _JSON_UNSAFE.sub(_json_escape, text)
