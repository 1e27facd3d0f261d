"""What a case gives the full-text index, and how a typed query is matched against it.

Search must find people across scripts (DESIGN §3, §7): a victim recorded as محمد علي حسن is
found by `Muhammad`, `Mohamed` or `Hassan`, while حسن/حسين and محمد/محمود stay apart. It uses
the name keys linkage blocks on (`forms.normalize.name_key`: one Latin consonant key per word,
whatever the script) rather than its own: the index holds, besides the case's folded text, one
token per word of each victim's name key, and a query word matches its own spelling (as a
prefix, for search as you type) or its name key.

Places are coded in a case (`homs.homs.city.zahra`): the index holds every name and spelling
variant, in both scripts, of each coded place and of the places above it, so `Zahraa`,
`الزهراء` or `حمص` find the cases coded with that place or a place inside it.

The same `document` runs at every save and in the migration that re-indexed the cases saved
before (storage/migrations/0012_search_names.sql, through the SQL function `SQL_FUNCTION`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from forms.gazetteer import names_around
from forms.normalize import name_key, normalize_for_search

# Keys of a case body that are not text to search: ids, form versions, hashes, references.
NOT_INDEXED = frozenset({"id", "form", "form_version", "sha256", "witness", "attachment", "_meta"})
# Where a victim's name is written (name_parts holds given, father, family, … names).
NAME_FIELDS = ("name_ar", "name_latin", "name")
PLACE_LEVELS = ("governorate", "district", "place", "neighbourhood")
# A name-key token: prefixed so it never meets a word of the text; the key's ' (a word-initial
# alef or ʿayn) is a letter no key uses, as the tokenizer keeps letters and digits only.
NAME_KEY_PREFIX = "nk"
SQL_FUNCTION = "tawthiq_search_document"
MAX_QUERY_WORDS = 12


def _key_token(key: str) -> str:
    return NAME_KEY_PREFIX + key.replace("'", "q")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in NOT_INDEXED:
                yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _victim_names(body: dict) -> Iterator[str]:
    victims = body.get("victims")
    for victim in victims if isinstance(victims, list) else []:
        if not isinstance(victim, dict):
            continue
        for key in NAME_FIELDS:
            if isinstance(victim.get(key), str):
                yield victim[key]
        parts = victim.get("name_parts")
        if isinstance(parts, dict):
            yield from (v for v in parts.values() if isinstance(v, str))


def _place_codes(value: object) -> Iterator[str]:
    """Every place code anywhere in the body (the incident's place, residences, where a body was found)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in PLACE_LEVELS and isinstance(v, str):
                yield v
            elif k not in NOT_INDEXED:
                yield from _place_codes(v)
    elif isinstance(value, list):
        for v in value:
            yield from _place_codes(v)


def _name_tokens(texts: list[str]) -> list[str]:
    tokens: dict[str, None] = {}
    for text in texts:
        for key in name_key(text).split():
            tokens[_key_token(key)] = None
    return list(tokens)


def document(body: dict) -> str:
    """The text the index holds for one case: folded text, name-key tokens, place names."""
    text = normalize_for_search("\n".join(_strings(body)))
    places = names_around(list(_place_codes(body)))
    tokens = _name_tokens([*_victim_names(body), *places])
    extra = normalize_for_search("\n".join(places))
    return "\n".join(part for part in (text, extra, " ".join(tokens)) if part)


def document_from_json(body_json: str | None) -> str:
    """`document` of a stored body (the migration's SQL function); '' for a body that is not an object."""
    try:
        body = json.loads(body_json) if body_json else None
    except ValueError:
        return ""
    return document(body) if isinstance(body, dict) else ""


def match_expression(text: str) -> str:
    """The FTS5 query for what a person typed ('' when nothing searchable was typed).

    Each word is a quoted prefix term (user input is never FTS5 syntax), or its name key: every
    word must match one of the two.
    """
    words = [w for w in normalize_for_search(text).replace('"', " ").split() if w][:MAX_QUERY_WORDS]
    terms = []
    for word in words:
        keys = name_key(word).split()
        if len(keys) == 1 and len(keys[0]) >= 2:
            terms.append(f'("{word}"* OR "{_key_token(keys[0])}")')
        else:
            terms.append(f'"{word}"*')
    return " AND ".join(terms)
