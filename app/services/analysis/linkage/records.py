"""Victim and incident records as analysis reads them: one parse of each case's current version.

A *victim record* is one entry of a case's `victims[]`; the linkage (which records are the same
person) and the statistics (what is counted) read the same record, made once per case body.
A victim is referred to by a stable reference `<case id>/<victim id>` when the victim carries an
`id`, else `<case id>/#<index>`; `key` (`<case id>#<index>`) names it in statistics and exports.
Each record carries the content hash of the victim together with the incident's date and place, so
a review decision can tell whether the record it judged has since changed. Nothing here writes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as _date
from functools import lru_cache

from app.services.analysis.linkage.name_keys import NAME_PARTS, name_words, part_keys
from app.services.case_body import entries, section
from forms import definitions, gazetteer
from storage.database import Connection

# Label for records that have no provenance row: the vault's own cases (a documenter's vault,
# or cases a coordinator typed in directly).
LOCAL_DOCUMENTER = "local"
UNKNOWN = "unknown"
# Other monitors' published lists, imported as read-only sources (docs/sources.md): each row is a
# victim record whose case id is `source:<name>:<row>` and whose one documenter is `source:<name>`,
# so linkage links it to our victims and capture histories count the list, while nothing that
# reads cases (bundles, partner exports) ever sees it.
SOURCE_PREFIX = "source:"
_PRECISION_RANK = {"day": 0, "month": 1, "approximate": 2, "year": 3}
_YEAR = re.compile(r"^(\d{4})")


@lru_cache(maxsize=4096)
def governorate_code(name: str | None) -> str | None:
    """The gazetteer's governorate code for a code or any of its names (حلب, Aleppo, Halab,
    SY-HL → aleppo), so that every record of one governorate meets on one value; text the
    gazetteer does not know is kept as written."""
    text = _text(name)
    if text is None:
        return None
    place = gazetteer.resolve_place(text, level="governorate")
    return place.code if place is not None else text


@dataclass
class VictimRecord:
    ref: str
    case_id: str
    victim_index: int
    content_hash: str
    documenters: tuple[str, ...]
    # what linkage compares
    given_key: str | None = None
    father_key: str | None = None
    grandfather_key: str | None = None
    family_key: str | None = None
    mother_key: str | None = None
    given_hint: str | None = None
    father_hint: str | None = None
    # the names as written (normalised, in their own script): a slip of the pen is told from
    # another name on these, not on the consonant keys
    given_spelling: str | None = None
    father_spelling: str | None = None
    grandfather_spelling: str | None = None
    family_spelling: str | None = None  # a slip of the pen there is scored as such (engine._name)
    full_key: str | None = None
    sex: str | None = None
    birth_year: int | None = None
    incident_date: str | None = None
    incident_month: str | None = None
    date_precision: str | None = None
    governorate: str | None = None
    # what statistics counts
    has_name: bool = False
    month: str | None = None  # "2024-03", or "2024" when only the year is known; None: no usable date
    precision_rank: int = 9
    acts: tuple[str, ...] = (UNKNOWN,)
    fate: str = UNKNOWN
    perpetrator_groups: tuple[str, ...] = (UNKNOWN,)
    display: dict = field(default_factory=dict)
    # Derived once, when the record is made (statistics read them for every record, several times):
    key: str = field(init=False)  # "<case id>#<index in victims[]>": its name in statistics and exports
    date_days: int | None = field(init=False)  # of the incident date (`date_days`)
    missing: tuple[str, ...] = field(init=False)  # what keeps it from being counted: name, date, place
    countable: bool = field(init=False)
    from_source: bool = field(init=False)  # a row of an imported list, not a case of ours

    def __post_init__(self) -> None:
        self.key = f"{self.case_id}#{self.victim_index}"
        self.date_days = date_days(self.incident_date)
        self.missing = _gaps(name=self.has_name, month=self.month, governorate=self.governorate)
        self.countable = not self.missing
        self.from_source = is_source(self.case_id)

    @property
    def documenter(self) -> str:
        return self.documenters[0]

    def to_json(self) -> dict:
        return {"ref": self.ref, "case_id": self.case_id, "victim_index": self.victim_index,
                "documenters": list(self.documenters)}

    def row(self) -> dict:
        """The columns the scoring model reads (no display text)."""
        return {
            "unique_id": self.ref,
            "given_key": self.given_key,
            "father_key": self.father_key,
            "grandfather_key": self.grandfather_key,
            "family_key": self.family_key,
            "mother_key": self.mother_key,
            "given_hint": self.given_hint,
            "father_hint": self.father_hint,
            "given_spelling": self.given_spelling,
            "father_spelling": self.father_spelling,
            "grandfather_spelling": self.grandfather_spelling,
            "family_spelling": self.family_spelling,
            "full_key": self.full_key,
            "sex": self.sex,
            "birth_year": self.birth_year,
            "incident_month": self.incident_month,
            "date_days": self.date_days,
            "date_precision": self.date_precision,
            "governorate": self.governorate,
        }


@dataclass(frozen=True)
class IncidentRecord:
    """One case as an incident, with what statistics count."""

    case_id: str
    documenters: tuple[str, ...]
    month: str | None
    precision_rank: int
    governorate: str | None
    acts: tuple[str, ...]
    perpetrator_groups: tuple[str, ...]
    # what incident linkage compares (linkage/incidents.py)
    date_days: int | None = None
    date_precision: str | None = None
    place: str | None = None  # below the governorate: the place, else the district (a code when known)
    victims: int = 0
    missing: tuple[str, ...] = field(init=False)  # derived once: date, place
    key: str = field(init=False)  # its name in statistics: the case id

    def __post_init__(self) -> None:
        object.__setattr__(self, "missing", _gaps(name=True, month=self.month, governorate=self.governorate))
        object.__setattr__(self, "key", self.case_id)


def _gaps(*, name: bool, month: str | None, governorate: str | None) -> tuple[str, ...]:
    return tuple(gap for gap, known in (("name", name), ("date", month is not None), ("place", bool(governorate)))
                 if not known)


def date_days(start: str | None) -> int | None:
    """Day number of a (partial) date, at the middle of its month or year when that is all we know.

    "2013-03" and "2013-03-14" then lie 0-16 days apart, so date precision shows as distance."""
    if not start:
        return None
    try:
        if len(start) >= 10:
            return _date.fromisoformat(start[:10]).toordinal()
        if len(start) >= 7:
            return _date(int(start[:4]), int(start[5:7]), 15).toordinal()
        if len(start) >= 4:
            return _date(int(start[:4]), 7, 1).toordinal()
    except ValueError:
        return None
    return None


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


@lru_cache(maxsize=1)
def name_fields() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The victim fields every version of every form defines for a name: whole names
    (`person_name`: name_ar, name_latin) and name parts (`name_parts`). Linkage and statistics
    read exactly these, so a name validation accepts is never a name they miss."""
    whole: dict[str, None] = {}
    parts: dict[str, None] = {}
    for definition in definitions.all_versions():
        victims = definition.field("victims")
        for f in victims.children if victims else ():
            if f.type == "person_name":
                whole[f.id] = None
            elif f.type == "name_parts":
                parts[f.id] = None
    return tuple(whole), tuple(parts)


def _explicit_parts(victim: dict) -> dict[str, str]:
    """Name parts as written, each in Arabic script or, failing that, its `<part>_latin`."""
    found: dict[str, str] = {}
    for field_id in name_fields()[1]:
        parts = section(victim, field_id)
        for part in definitions.NAME_PARTS:
            value = _text(parts.get(part)) or _text(parts.get(f"{part}_latin"))
            if value and part not in found:
                found[part] = value
    return found


def _birth_year(victim: dict, incident_date: str | None) -> int | None:
    birth = _text(victim.get("birth_date"))
    if isinstance(victim.get("birth_date"), dict):
        birth = _text(victim["birth_date"].get("start") or victim["birth_date"].get("date"))
    if birth and _YEAR.match(birth):
        return int(birth[:4])
    age = victim.get("age")
    if isinstance(age, (int, float)) and not isinstance(age, bool) and incident_date and _YEAR.match(incident_date):
        return int(incident_date[:4]) - int(age)
    return None


def _month(date: dict) -> tuple[str | None, int]:
    """The counting month of an incident date; year-only dates count under the bare year."""
    start = _text(date.get("start")) or ""
    precision = _text(date.get("precision")) or "day"
    if not start or precision == "unknown" or len(start) < 4 or not start[:4].isdigit():
        return None, 9
    rank = _PRECISION_RANK.get(precision, 2)
    if precision == "year" or len(start) < 7 or not start[5:7].isdigit():
        return start[:4], _PRECISION_RANK["year"]
    return start[:7], rank


def codes(value: object) -> tuple[str, ...]:
    """A vocabulary field that may hold one code or a list of codes."""
    texts = [_text(v) for v in value] if isinstance(value, list) else [_text(value)]
    return tuple(sorted({t for t in texts if t}))


def _perpetrator_groups(perpetrators: list) -> tuple[str, ...]:
    groups: set[str] = set()
    for p in perpetrators:
        if isinstance(p, dict):
            groups.update(codes(p.get("group")))
    return tuple(sorted(groups)) or (UNKNOWN,)


def victim_content_hash(victim: dict, date: dict, location: dict) -> str:
    payload = json.dumps([victim, date, location], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def victim_ref(case_id: str, index: int, victim: dict) -> str:
    vid = _text(victim.get("id")) if not isinstance(victim.get("id"), bool) else None
    return f"{case_id}/{vid}" if vid else f"{case_id}/#{index}"


def records_from_body(case_id: str, body: dict,
                      documenters: tuple[str, ...]) -> tuple[list[VictimRecord], IncidentRecord]:
    """The victim records of one case body, and the case as an incident."""
    date = section(body, "date")
    location = section(body, "location")
    start = _text(date.get("start"))
    precision = _text(date.get("precision")) or ("day" if start and len(start) >= 10 else None)
    gov_text = _text(location.get("governorate"))
    gov = governorate_code(gov_text)
    month, rank = _month(date)
    groups = _perpetrator_groups(entries(body, "perpetrators"))
    case_acts: set[str] = set()
    out = []
    for index, victim in enumerate(entries(body, "victims")):
        if not isinstance(victim, dict):
            continue
        parts = _explicit_parts(victim)  # once per victim: keys, whether it has a name, display
        whole_names = [_text(victim.get(k)) for k in name_fields()[0]]
        keys = part_keys(parts, whole_names)
        whole = [k for k in (keys[p] for p in NAME_PARTS) if k]
        sex = _text(victim.get("sex"))
        acts = codes(victim.get("act")) or (UNKNOWN,)
        case_acts.update(acts)
        out.append(VictimRecord(
            ref=victim_ref(case_id, index, victim),
            case_id=case_id,
            victim_index=index,
            content_hash=victim_content_hash(victim, date, location),
            documenters=documenters,
            given_key=keys["given"],
            father_key=keys["father"],
            grandfather_key=keys["grandfather"],
            family_key=keys["family"],
            mother_key=keys["mother"],
            given_hint=keys["given_hint"],
            father_hint=keys["father_hint"],
            given_spelling=keys["given_spelling"],
            father_spelling=keys["father_spelling"],
            grandfather_spelling=keys["grandfather_spelling"],
            family_spelling=keys["family_spelling"],
            full_key=" ".join(whole) if whole else None,
            sex=sex.lower()[:1] if sex else None,
            birth_year=_birth_year(victim, start),
            incident_date=start[:10] if start else None,
            incident_month=start[:7] if start and len(start) >= 7 else None,
            date_precision=precision,
            governorate=gov,
            # "مجهول الهوية" or "Unknown" typed as a name is none (name_keys: placeholders). A key
            # says there is a name; only without one are the words read again (a name in a script
            # that gives no key still counts).
            has_name=(any(keys[p] for p in definitions.NAME_PARTS)
                      or any(name_words(t) for t in [*whole_names, *parts.values()] if t)),
            month=month,
            precision_rank=rank,
            acts=acts,
            fate=_text(victim.get("fate")) or UNKNOWN,
            perpetrator_groups=groups,
            display={
                "name_ar": _text(victim.get("name_ar")),
                "name_latin": _text(victim.get("name_latin")),
                "name_parts": parts,
                "sex": sex,
                "age": victim.get("age"),
                "birth_date": victim.get("birth_date"),
                "act": victim.get("act"),
                "fate": victim.get("fate"),
                "date": date,
                "governorate": gov_text,
                "place": location.get("place") or location.get("city"),
                "title": body.get("title"),
            },
        ))
    incident = IncidentRecord(case_id, documenters, month, rank, gov, tuple(sorted(case_acts)) or (UNKNOWN,), groups,
                              date_days=date_days(start), date_precision=precision, place=_place(location),
                              victims=len(out))
    return out, incident


def _place(location: dict) -> str | None:
    """The place below the governorate (place, else district), as the gazetteer's code when known."""
    text = _text(location.get("place")) or _text(location.get("city")) or _text(location.get("district"))
    if text is None:
        return None
    place = gazetteer.resolve_place(text)
    return place.code if place is not None else text.casefold()


def documenters_by_case(conn: Connection, case_ids: list[str] | None = None) -> dict[str, tuple[str, ...]]:
    """Which documenters sent each case (any version): a case sent by two counts for both."""
    found: dict[str, set[str]] = defaultdict(set)
    if case_ids is None:
        rows = conn.execute("SELECT DISTINCT case_id, documenter FROM case_provenance").fetchall()
    else:
        marks = ",".join("?" * len(case_ids))
        rows = conn.execute(
            f"SELECT DISTINCT case_id, documenter FROM case_provenance WHERE case_id IN ({marks})",  # noqa: S608
            case_ids).fetchall()
    for case_id, documenter in rows:
        found[case_id].add(documenter)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def current_bodies(conn: Connection, case_ids: list[str] | None = None):
    """(case id, body) of the current version of every case (or of the cases named)."""
    sql = ("SELECT c.id, v.body FROM cases c JOIN case_versions v "
           "ON v.case_id = c.id AND v.version = c.current_version")
    if case_ids is None:
        rows = conn.execute(sql + " ORDER BY c.id")
    else:
        marks = ",".join("?" * len(case_ids))
        rows = conn.execute(sql + f" WHERE c.id IN ({marks}) ORDER BY c.id", case_ids)
    for case_id, body in rows:
        try:
            parsed = json.loads(body)
        except ValueError:
            continue
        if isinstance(parsed, dict):
            yield case_id, parsed


def is_source(case_id_or_documenter: str) -> bool:
    """Whether a record's case id (or documenter) is an imported list's, not a case of ours."""
    return case_id_or_documenter.startswith(SOURCE_PREFIX)


def source_records(conn: Connection, case_ids: list[str] | None = None) -> list[VictimRecord]:
    """The rows of every imported list (or the ones named by their `source:<name>:<row>` ids)."""
    rows = conn.execute("SELECT source, row_number, body FROM external_source_records ORDER BY source, row_number")
    wanted = None if case_ids is None else {c for c in case_ids if is_source(c)}
    if wanted == set():
        return []
    out: list[VictimRecord] = []
    for name, row, body in rows:
        case_id = f"{SOURCE_PREFIX}{name}:{row}"
        if wanted is not None and case_id not in wanted:
            continue
        parsed = json.loads(body)  # written by the source import itself, never by a documenter
        out.extend(records_from_body(case_id, parsed, (SOURCE_PREFIX + name,))[0])
    return out


def read_records(conn: Connection,
                 case_ids: list[str] | None = None) -> tuple[list[VictimRecord], list[IncidentRecord]]:
    """Every victim and incident in the current version of every case (or of the cases named),
    each body parsed once, then the rows of the imported lists as victim records (no incidents).
    Cases without provenance (entered on this machine) count as documented by "local"."""
    by_case = documenters_by_case(conn, case_ids)
    victims: list[VictimRecord] = []
    incidents: list[IncidentRecord] = []
    for case_id, body in current_bodies(conn, case_ids):
        found, incident = records_from_body(case_id, body, by_case.get(case_id, (LOCAL_DOCUMENTER,)))
        victims.extend(found)
        incidents.append(incident)
    victims.extend(source_records(conn, case_ids))
    return victims, incidents
