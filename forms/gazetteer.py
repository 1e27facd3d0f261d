"""The gazetteer: Syria's governorates, districts and the places where documentation concentrates.

Entries have a stable code, a level (governorate → district → place → neighbourhood), a parent,
Arabic and English names and spelling variants. Case bodies hold codes; the GUI and the CLI turn
what a documenter types ("Wadi al-Dhahab", "وادي الذهب", "Wadi Eldahab") into a code with
`resolve_place`. The shipped codes are ours (ISO 3166-2 for governorates, then readable
suffixes); an organisation can load OCHA's P-codes (COD-AB CSV) on top: rows naming a place we
already have add the P-code and names to it, the others become new entries coded by P-code.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from forms.errors import BadImport, Phrase
from forms.normalize import name_key, normalize_name_arabic, normalize_name_latin
from forms.resources import GAZETTEER_DIR

LEVELS = ("governorate", "district", "subdistrict", "place", "neighbourhood")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MAX_IMPORT_BYTES = 16 << 20
MAX_NAME = 200
MAX_VARIANTS = 100
MAX_PLACES = 100_000  # for places that arrive as JSON (a profile); OCHA's Syria admin-4 list is ~7,000
# NUL, line breaks and other C0/C1 controls: a name is one line of plain text wherever it is shown.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# Words people put in front of a place name that are not part of it.
_GENERIC = re.compile(
    r"^(?:حي|مدينة|مدينه|قرية|قريه|بلدة|بلده|ناحية|ناحيه|منطقة|منطقه|محافظة|محافظه|ريف)\s+"
    r"|^(?:the\s+)?(?:neighbourhood|neighborhood|district|village|town|city|governorate)\s+(?:of\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Place:
    code: str
    level: str
    parent: str | None
    names: dict[str, str]
    variants: tuple[str, ...] = ()
    pcode: str | None = None
    organisation: bool = False

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names.get("en") or self.names.get("ar") or self.code

    def all_names(self) -> list[str]:
        return [n for n in (self.names.get("en"), self.names.get("ar"), *self.variants) if n]

    def to_json(self) -> dict:
        return {"code": self.code, "level": self.level, "parent": self.parent, "names": dict(self.names),
                "variants": list(self.variants), "pcode": self.pcode}

    @classmethod
    def from_json(cls, data: dict) -> Place:
        return cls(str(data["code"]), str(data["level"]), data.get("parent"), dict(data["names"]),
                   tuple(data.get("variants", ())), data.get("pcode"), organisation=True)


# Latin spellings of one place name differ where Arabic has no letter to spell: long and short
# vowels (Idlib/Idleeb/Edlib, Tartus/Tartous, Dayr/Deir/Dair), the ta marbuta (Hama/Hamah/Hameh),
# doubled consonants (Raqqa/Raqa, Lattakia) and q/k (Quneitra/Kuneitra). Folded by rule, on both
# the gazetteer's names and what is typed, so no list of spellings needs typing.
_VOWEL_RUNS = re.compile(r"[aeiouy]+")
# The article however written (al-, el-, ez-, ad-…, as a word of its own or with a hyphen), and
# run into the name with its sun letter doubled (Ezzor, Arrastan).
_LATIN_ARTICLE = re.compile(r"(?:^|(?<=\s))[ae](?:l|[dnrstz]h?)[\s-]+(?=\w)", re.IGNORECASE)
_JOINED_ARTICLE = re.compile(r"^[ae]([dnrstz])\1(?=[aeiouy])")
_AW = re.compile(r"aw(?=[^aeiouy]|$)")
_CODE_LIKE = re.compile(r"[A-Z0-9]+(?:[-_.][A-Z0-9]+)+")
_FINAL_TA_MARBUTA = re.compile(r"(?<=[^aeiouy])(?:ah|eh|at|a|e)$")


def _vowel_run(match: re.Match[str]) -> str:
    run = match.group()
    if run in ("a", "aa", "ae"):
        return "a"
    if "o" in run or "u" in run or "w" in run:
        return "u"
    return "i" if set(run) & {"i", "e", "y"} and run != "a" else run


def spelling_fold(latin: str) -> str:
    """A Latin place name with its transliteration choices folded away: "Deir ez-Zor", "Dair
    al-Zour" and "Deir Ezzor" give one fold; Arabic script is left to the Arabic keys."""
    if _CODE_LIKE.fullmatch(latin.strip()):  # SY-DI is a code, not a spelling of anything
        return ""
    words = []
    for word in normalize_name_latin(_LATIN_ARTICLE.sub("", latin)).split():
        if not word.isascii():
            return ""
        if len(word) >= 5:
            word = _JOINED_ARTICLE.sub(r"\1", word)
        word = _AW.sub("u", word.replace("q", "k").replace("ck", "k"))
        word = re.sub(r"(.)\1+", r"\1", word)
        if len(word) > 3:
            word = _FINAL_TA_MARBUTA.sub("a", word)
        words.append(_VOWEL_RUNS.sub(_vowel_run, word[:1]) + _VOWEL_RUNS.sub(_vowel_run, word[1:])
                     if word[:1] in "aeiouy" else _VOWEL_RUNS.sub(_vowel_run, word))
    return " ".join(words)


def _keys(name: str) -> list[str]:
    """Every form under which a name is looked up, the most exact first: folded spelling as
    written, folded spelling without a generic word in front, the spelling fold (vowels, -ah/-eh,
    doubled letters), then the looser name keys. As written comes first because a generic word
    can be part of a name: ريف دمشق (Rural Damascus) is a governorate of its own, not دمشق."""
    whole = name.strip()
    bare = _GENERIC.sub("", whole)
    out = [normalize_name_arabic(whole), normalize_name_latin(whole), normalize_name_arabic(bare),
           normalize_name_latin(bare), "~" + spelling_fold(whole), "~" + spelling_fold(bare),
           name_key(whole), name_key(bare)]
    return list(dict.fromkeys(k for k in out if k and k != "~"))


@dataclass
class Gazetteer:
    places: dict[str, Place] = field(default_factory=dict)
    _index: dict[str, list[str]] = field(default_factory=dict)
    _by_pcode: dict[str, str] = field(default_factory=dict)

    def add(self, place: Place) -> None:
        old = self.places.get(place.code)
        if old is not None:
            merged = tuple(dict.fromkeys(old.variants + place.variants + tuple(place.names.values())))
            place = replace(old, variants=merged, pcode=place.pcode or old.pcode)
        self.places[place.code] = place
        if place.pcode:
            self._by_pcode[place.pcode.casefold()] = place.code
        for name in place.all_names():
            for key in _keys(name):
                codes = self._index.setdefault(key, [])
                if place.code not in codes:
                    codes.append(place.code)

    def get(self, code: str) -> Place | None:
        if not isinstance(code, str):
            return None
        return self.places.get(code) or self.places.get(self._by_pcode.get(code.casefold(), ""))

    def _rank(self, code: str) -> int:
        return LEVELS.index(self.places[code].level) if self.places[code].level in LEVELS else len(LEVELS)

    def resolve(self, text: str, level: str | None = None, within: str | None = None) -> Place | None:
        if not isinstance(text, str) or not text.strip() or len(text) > 500:
            return None
        direct = self.get(text.strip()) or self.get(text.strip().upper())
        if direct is not None:
            return direct
        for key in _keys(text):  # folded spellings first, the looser name key last
            codes = [c for c in self._index.get(key, ()) if self._fits(c, level, within)]
            if codes:
                return self.places[min(codes, key=self._rank)]
        return None

    def _fits(self, code: str, level: str | None, within: str | None) -> bool:
        if level and self.places[code].level != level:
            return False
        return not within or within in self.ancestors(code)

    def ancestors(self, code: str) -> list[str]:
        out, seen = [], set()
        place = self.places.get(code)
        while place is not None and place.parent and place.parent not in seen:
            seen.add(place.parent)
            out.append(place.parent)
            place = self.places.get(place.parent)
        return out

    def search(self, text: str, limit: int = 20) -> list[Place]:
        if not isinstance(text, str) or not text.strip():
            return []
        text = _GENERIC.sub("", text[:200].strip())
        folded = {k for k in (normalize_name_arabic(text), normalize_name_latin(text)) if k}
        skeleton = name_key(text)
        scored: dict[str, int] = {}
        for key, codes in self._index.items():
            score = min(
                (0 if key == w else 1 if key.startswith(w) else 3 if w in key else 9 for w in folded),
                default=9,
            )
            if len(skeleton) >= 2 and score > 2 and key.startswith(skeleton):
                score = 2  # a different spelling of the same consonants
            if score < 9:
                for c in codes:
                    scored[c] = min(scored.get(c, 9), score)
        ranked = sorted(scored, key=lambda c: (scored[c], self._rank(c), self.places[c].name("en")))
        return [self.places[c] for c in ranked[: max(0, limit)]]

    def names_around(self, codes: Iterable[object]) -> list[str]:
        """Every name and spelling of the places `codes` name (codes or P-codes; the others are
        skipped) and of the places above them, each place once, in the order met."""
        found: dict[str, None] = {}
        for code in codes:
            place = self.get(code) if isinstance(code, str) else None
            if place is not None:
                found[place.code] = None
                found.update(dict.fromkeys(self.ancestors(place.code)))
        return [name for place in map(self.get, found) if place is not None for name in place.all_names()]

    def children(self, code: str | None) -> list[Place]:
        return [p for p in self.places.values() if p.parent == code]


def _read(path_or_file: object) -> str:
    raw: bytes | str
    if isinstance(path_or_file, str) or hasattr(path_or_file, "__fspath__"):
        try:
            with open(path_or_file, "rb") as fh:  # type: ignore[call-overload]
                raw = fh.read(MAX_IMPORT_BYTES + 1)
        except OSError:
            raise BadImport("places.file_unreadable") from None
    else:
        raw = path_or_file.read(MAX_IMPORT_BYTES + 1)  # type: ignore[attr-defined]
    if len(raw) > MAX_IMPORT_BYTES:
        raise BadImport("places.file_too_large")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BadImport("places.file_not_utf8") from None
    return str(raw)


def _checked_place(code: str, level: str, parent: str | None, names: dict[str, str], variants: tuple[str, ...],
                   pcode: str | None, where: Phrase, organisation: bool) -> Place:
    """One place from a CSV row or a profile entry: the same rules for both."""
    if not _CODE.match(code) or level not in LEVELS:
        raise BadImport("places.code_and_level", where=where, levels=", ".join(LEVELS))
    if not names:
        raise BadImport("places.no_name", where=where)
    if (parent is not None and not _CODE.match(parent)) or (pcode is not None and not _CODE.match(pcode)):
        raise BadImport("places.code_malformed", where=where)
    if len(variants) > MAX_VARIANTS:
        raise BadImport("places.too_many_variants", where=where, limit=MAX_VARIANTS)
    for text in (*names.values(), *variants):
        if len(text) > MAX_NAME:
            raise BadImport("places.name_too_long", where=where, limit=MAX_NAME)
        if _CONTROL.search(text):
            raise BadImport("places.name_control", where=where)
    return Place(code, level, parent, names, variants, pcode, organisation)


def _parse_ours(rows: list[dict], organisation: bool, base: Gazetteer | None = None) -> list[Place]:
    out = []
    for number, row in enumerate(rows, start=2):
        names = {lang: row[f"name_{lang}"] for lang in ("en", "ar") if row.get(f"name_{lang}")}
        variants = tuple(v.strip() for v in row.get("variants", "").split("|") if v.strip())
        out.append(_checked_place(row.get("code", ""), row.get("level", ""), row.get("parent") or None, names,
                                  variants, row.get("pcode") or None, _line(number), organisation))
    _refuse_parent_loops(out, base)
    return out


def places_from_json(untrusted: object) -> list[Place]:
    """Check places that arrive as JSON (`Place.to_json()` entries, from an organisation profile) by
    the rules of a places CSV in our format; raises BadImport and takes nothing on any error."""
    if not isinstance(untrusted, list):
        raise BadImport("places.not_list")
    if len(untrusted) > MAX_PLACES:
        raise BadImport("places.too_many", limit=MAX_PLACES)
    out: list[Place] = []
    for number, item in enumerate(untrusted, start=1):
        where = Phrase("where.place", number=number)
        if not isinstance(item, dict):
            raise BadImport("places.not_object", where=where)
        names, variants = item.get("names"), item.get("variants", [])
        parent, pcode = item.get("parent"), item.get("pcode")
        if (not isinstance(item.get("code"), str) or not isinstance(item.get("level"), str)
                or not isinstance(names, dict) or not set(names) <= {"en", "ar"}
                or not all(isinstance(v, str) for v in names.values())
                or not isinstance(variants, list) or not all(isinstance(v, str) for v in variants)
                or not isinstance(parent, (str, type(None))) or not isinstance(pcode, (str, type(None)))):
            raise BadImport("places.place_malformed", where=where)
        names = {k: v.strip() for k, v in names.items() if v.strip()}
        variants = tuple(v.strip() for v in variants if v.strip())
        out.append(_checked_place(item["code"], item["level"], parent or None, names, variants, pcode or None,
                                  where, organisation=True))
    _refuse_parent_loops(out, _shipped(), locate=lambda n: Phrase("where.place", number=n), first=1)
    return out


def _line(number: int) -> Phrase:
    return Phrase("where.line", source=Phrase("where.places_file"), line=number)


def _refuse_parent_loops(places: list[Place], base: Gazetteer | None, locate: Callable[[int], Phrase] = _line,
                         first: int = 2) -> None:
    """A place may not be its own ancestor: pickers and counts walk up the parents."""
    parents = {p.code: p.parent for p in base.places.values()} if base is not None else {}
    parents.update({p.code: p.parent for p in places})
    for number, place in enumerate(places, start=first):
        seen, code = {place.code}, place.parent
        while code is not None:
            if code in seen:
                raise BadImport("places.parent_loop", where=locate(number))
            seen.add(code)
            code = parents.get(code)


# OCHA COD-AB columns: admin1Pcode, admin1Name_en, admin1Name_ar, admin2Pcode, … admin4.
_OCHA_LEVELS = {1: "governorate", 2: "district", 3: "subdistrict", 4: "place"}


def _parse_ocha(rows: list[dict], base: Gazetteer) -> list[Place]:
    out: dict[str, Place] = {}
    ours: dict[str, str] = {}  # P-code → our code, where the P-code names an entry we have
    for number, row in enumerate(rows, start=2):
        parent: str | None = None
        for n, level in _OCHA_LEVELS.items():
            pcode = row.get(f"admin{n}Pcode") or row.get(f"ADM{n}_PCODE")
            if not pcode:
                break
            if not _CODE.match(pcode):
                raise BadImport("places.pcode_malformed", where=_line(number))
            en = row.get(f"admin{n}Name_en") or row.get(f"ADM{n}_EN") or ""
            ar = row.get(f"admin{n}Name_ar") or row.get(f"ADM{n}_AR") or ""
            names = {k: v for k, v in (("en", en), ("ar", ar)) if v}
            if not names:
                raise BadImport("places.no_name", where=_line(number))
            if any(len(v) > MAX_NAME or _CONTROL.search(v) for v in names.values()):
                raise BadImport("places.name_too_long_or_control", where=_line(number), limit=MAX_NAME)
            if pcode not in ours and pcode not in out:
                known = base.get(pcode) or next(
                    (p for p in (base.resolve(x, level=level) for x in names.values()) if p), None)
                if known is not None and (parent is None or parent in (known.parent, *base.ancestors(known.code))):
                    ours[pcode] = known.code
                    out[known.code] = Place(known.code, known.level, known.parent, dict(known.names),
                                            tuple(names.values()), pcode, organisation=True)
                else:
                    out[pcode] = Place(pcode, level, parent, names, (), pcode, organisation=True)
            parent = ours.get(pcode, pcode)
    return list(out.values())


def parse_places_csv(path_or_file: object, base: Gazetteer | None = None) -> list[Place]:
    """Places from a CSV in our format (code,level,parent,name_en,name_ar,variants,pcode) or
    OCHA's COD-AB format. Returns the entries; raises BadImport and takes nothing on any error."""
    text = _read(path_or_file)
    try:
        # newline="": csv itself splits rows, so bare CR line ends and quoted line breaks both work.
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = {(f or "").strip() for f in reader.fieldnames or ()}
        rows = [{(k or "").strip(): (v or "").strip() for k, v in r.items() if isinstance(v, str)}
                for r in reader]
    except csv.Error:
        raise BadImport("places.not_csv") from None
    if {"code", "level"} <= columns:
        return _parse_ours(rows, organisation=True, base=base or _shipped())
    if "admin1Pcode" in columns or "ADM1_PCODE" in columns:
        return _parse_ocha(rows, base or _shipped())
    raise BadImport("places.columns")


@cache
def _shipped() -> Gazetteer:
    g = Gazetteer()
    path = GAZETTEER_DIR / "places.csv"
    rows = [dict(r) for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))]
    for p in _parse_ours(rows, organisation=False):
        g.add(replace(p, organisation=False))
    return g


_current: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    return _current or _shipped()


def set_organisation_places(places: Iterable[Place | dict]) -> None:
    """Install the organisation's imported places (kept by the app) on top of the shipped ones."""
    global _current
    g = Gazetteer()
    for p in _shipped().places.values():
        g.add(p)
    for item in places:
        g.add(item if isinstance(item, Place) else Place.from_json(item))
    _current = g


def import_places_csv(path_or_file: object) -> list[Place]:
    """Parse an organisation's places CSV against the current gazetteer; the app stores the result."""
    return parse_places_csv(path_or_file, gazetteer())


def resolve_place(text: str, level: str | None = None, within: str | None = None) -> Place | None:
    """The entry a code, a P-code or any known Arabic or Latin spelling names; None if unknown.

    A bare name shared by several levels ("Homs") resolves to the highest one (the governorate);
    pass `level` or `within` (an ancestor's code) to pick another.
    """
    return gazetteer().resolve(text, level, within)


def search_places(text: str, limit: int = 20) -> list[Place]:
    """Entries whose names start with or contain what was typed, best first (for completion)."""
    return gazetteer().search(text, limit)


def names_around(codes: Iterable[object]) -> list[str]:
    """Every name and spelling of these places and of the places above them (for the search index)."""
    return gazetteer().names_around(codes)


def get_place(code: str) -> Place | None:
    return gazetteer().get(code)
