"""Controlled vocabularies: stable codes with Arabic and English labels (DESIGN.md section 3).

The shipped terms are CSV files in resources/vocabularies/ (`code,en,ar`). An organisation adds
its own terms from a CSV of the same shape: `import_terms_csv` parses and checks it and returns
the terms; the app keeps them wherever it keeps settings (the vault) and hands them back at
unlock with `set_organisation_terms`. Codes are never renamed or removed: a saved case keeps
pointing at the code it used.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO

from forms.errors import BadImport, Phrase, UnknownVocabulary
from forms.resources import VOCABULARIES_DIR

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MAX_IMPORT_BYTES = 1 << 20
MAX_LABEL = 200
MAX_TERMS = 20_000  # per vocabulary, for additions that arrive as JSON (a profile)
# NUL, line breaks and other C0/C1 controls: a label is one line of plain text wherever it is shown.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Term:
    code: str
    labels: Mapping[str, str] = field(default_factory=dict)
    organisation: bool = False  # added by the organisation, not shipped

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.code

    def to_json(self) -> dict:
        return {"code": self.code, "labels": dict(self.labels)}

    @classmethod
    def from_json(cls, data: Mapping) -> Term:
        return cls(str(data["code"]), dict(data.get("labels", {})), organisation=True)


_organisation_terms: dict[str, tuple[Term, ...]] = {}


def _parse(text: str, source: str | Phrase, organisation: bool) -> list[Term]:
    try:
        return _parse_rows(csv.DictReader(io.StringIO(text, newline="")), source, organisation)
    except csv.Error:
        raise BadImport("vocabulary.not_csv", source=source) from None


def _parse_rows(reader: csv.DictReader, source: str | Phrase, organisation: bool) -> list[Term]:
    if not reader.fieldnames or not {"code", "en", "ar"} <= {f.strip() for f in reader.fieldnames}:
        raise BadImport("vocabulary.columns", source=source)
    terms: list[Term] = []
    seen: set[str] = set()
    for number, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
        terms.append(_checked_term(row, lambda n=number: Phrase("where.line", source=source, line=n), seen,
                                   organisation))
    return terms


def _checked_term(row: Mapping[str, str], at: Callable[[], Phrase], seen: set[str], organisation: bool) -> Term:
    """One term from a CSV row or a profile entry: the same rules for both (`seen` collects codes).
    `at()` words where the term is, only for a refusal."""
    code = row.get("code", "")
    if not _CODE.match(code):
        raise BadImport("vocabulary.code_malformed", where=at())
    if code in seen:
        raise BadImport("vocabulary.code_twice", where=at(), code=code)
    if not row.get("en") and not row.get("ar"):
        raise BadImport("vocabulary.no_label", where=at())
    if len(row.get("en", "")) > MAX_LABEL or len(row.get("ar", "")) > MAX_LABEL:
        raise BadImport("vocabulary.label_too_long", where=at(), limit=MAX_LABEL)
    if any(_CONTROL.search(row.get(lang, "")) for lang in ("en", "ar")):
        raise BadImport("vocabulary.label_control", where=at())
    seen.add(code)
    labels = {lang: row[lang] for lang in ("en", "ar") if row.get(lang)}
    return Term(code, labels, organisation=organisation)


@cache
def _shipped(name: str) -> tuple[Term, ...]:
    path = VOCABULARIES_DIR / f"{name}.csv"
    if not _NAME.match(name) or not path.is_file():
        raise UnknownVocabulary("vocabulary.unknown", name=repr(name))
    return tuple(_parse(path.read_text(encoding="utf-8"), path.name, organisation=False))


def vocabulary_names() -> list[str]:
    return sorted(p.stem for p in VOCABULARIES_DIR.glob("*.csv"))


def vocabulary(name: str) -> list[Term]:
    """The shipped terms, then the organisation's additions."""
    if not isinstance(name, str):
        raise UnknownVocabulary("vocabulary.name_not_text")
    return list(_shipped(name)) + list(_organisation_terms.get(name, ()))


def codes(name: str) -> frozenset[str]:
    return frozenset(t.code for t in vocabulary(name))


def is_code(value: object) -> bool:
    """Shaped like a vocabulary code (letters, digits, _ . -), whether or not any vocabulary has it."""
    return isinstance(value, str) and bool(_CODE.match(value))


def term(name: str, code: str) -> Term | None:
    return next((t for t in vocabulary(name) if t.code == code), None)


def _folded(text: str) -> str:
    """A label or code as people write it in a sheet: Arabic folded (tashkeel, alef forms, ta
    marbuta), case, spacing and underscores ignored."""
    from forms.normalize import normalize_arabic

    return " ".join(normalize_arabic(text).casefold().replace("_", " ").replace("-", " ").split())


def find_term(name: str, text: str) -> Term | None:
    """The term of vocabulary `name` that `text` names: its code, or its English or Arabic label,
    as written or folded (case, Arabic spelling variants, spaces). None when nothing matches or
    when a folded spelling names two terms: a spreadsheet value is never guessed."""
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_LABEL:
        return None
    terms = vocabulary(name)
    exact = next((t for t in terms if t.code == text.strip()), None)
    if exact is not None:
        return exact
    key = _folded(text)
    found = {t.code: t for t in terms
             if key in {_folded(t.code), *(_folded(label) for label in t.labels.values())}}
    return next(iter(found.values())) if len(found) == 1 else None


def import_terms_csv(name: str, path_or_file: str | Path | IO) -> list[Term]:
    """Parse an organisation's additions to vocabulary `name`; returns only the new terms.

    Raises BadImport (nothing taken) if the file is malformed or a code clashes with a shipped
    term that has different labels. Re-importing the same terms is harmless.
    """
    shipped = {t.code: t for t in _shipped(name)}
    raw: bytes | str
    if isinstance(path_or_file, (str, Path)):
        try:
            with open(path_or_file, "rb") as fh:
                raw = fh.read(MAX_IMPORT_BYTES + 1)
        except OSError:
            raise BadImport("vocabulary.file_unreadable") from None
    else:
        raw = path_or_file.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        raise BadImport("vocabulary.file_too_large")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BadImport("vocabulary.file_not_utf8") from None
    new = []
    for t in _parse(raw, Phrase("where.vocabulary_file"), organisation=True):
        if t.code in shipped:
            continue  # already there: an organisation cannot relabel a shipped code
        new.append(t)
    return new


def terms_from_json(name: str, untrusted: object) -> list[Term]:
    """Check additions to vocabulary `name` that arrive as JSON (an organisation profile) by the
    rules of `import_terms_csv`; returns only the new terms, raises BadImport (nothing taken).

    A vocabulary this program does not ship is accepted if its name is well formed: the app keeps
    its terms and puts them in force once a program that ships the vocabulary opens the vault.
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise BadImport("vocabulary.name_malformed")
    shipped = {t.code for t in _shipped(name)} if name in vocabulary_names() else set()
    if not isinstance(untrusted, list):
        raise BadImport("vocabulary.terms_not_list", name=name)
    if len(untrusted) > MAX_TERMS:
        raise BadImport("vocabulary.too_many_terms", limit=MAX_TERMS, name=name)
    new: list[Term] = []
    seen: set[str] = set()
    for number, item in enumerate(untrusted, start=1):
        def at(n: int = number) -> Phrase:
            return Phrase("where.term", name=name, number=n)

        labels = item.get("labels") if isinstance(item, dict) else None
        if not isinstance(labels, dict) or not isinstance(item.get("code"), str) \
                or not all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items()) \
                or not set(labels) <= {"en", "ar"}:
            raise BadImport("vocabulary.term_malformed", where=at())
        row = {"code": item["code"].strip(), **{k: v.strip() for k, v in labels.items()}}
        term_ = _checked_term(row, at, seen, organisation=True)
        if term_.code not in shipped:  # as from CSV: an organisation cannot relabel a shipped code
            new.append(term_)
    return new


def set_organisation_terms(terms: Mapping[str, Iterable[Term | Mapping]]) -> None:
    """Install the organisation's additions (as kept by the app), replacing earlier ones."""
    _organisation_terms.clear()
    for name, items in terms.items():
        shipped = {t.code for t in _shipped(name)}
        merged: dict[str, Term] = {}
        for item in items:
            t = item if isinstance(item, Term) else Term.from_json(item)
            if t.code not in shipped:
                merged[t.code] = Term(t.code, dict(t.labels), organisation=True)
        _organisation_terms[name] = tuple(merged.values())


def organisation_terms() -> dict[str, list[dict]]:
    """The installed additions as JSON, for the app to store."""
    return {name: [t.to_json() for t in terms] for name, terms in _organisation_terms.items()}
