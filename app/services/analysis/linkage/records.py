"""Victim records as linkage sees them: one row per victim of each case's current version.

A victim is referred to by a stable reference `<case id>/<victim id>` when the victim carries an
`id`, else `<case id>/#<index>`; each row also carries the content hash of the victim together
with the incident's date and place, so a review decision can tell whether the record it judged
has since changed. Nothing here writes: linkage never touches source records.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as _date

from app.services.analysis.linkage.name_keys import name_hint, name_key, name_words
from app.services.case_body import entries, section
from storage.database import Connection

NAME_PARTS = ("given", "father", "grandfather", "family")
# Syria's fourteen governorates, so that English exonyms (Aleppo, Damascus) and Arabic or
# transliterated names meet on one code. Anything else falls back to its name key.
_GOVERNORATES = {
    "aleppo": ("حلب", "Aleppo", "Halab"), "damascus": ("دمشق", "Damascus", "Dimashq", "Demashq"),
    "rif-dimashq": ("ريف دمشق", "Rif Dimashq", "Rural Damascus", "Damascus Countryside"),
    "homs": ("حمص", "Homs", "Hims"), "hama": ("حماة", "Hama", "Hamah"),
    "latakia": ("اللاذقية", "Latakia", "Lattakia", "Al-Ladhiqiyah"), "tartus": ("طرطوس", "Tartus", "Tartous"),
    "idlib": ("إدلب", "Idlib", "Idleb"), "raqqa": ("الرقة", "Raqqa", "Al-Raqqah"),
    "deir-ez-zor": ("دير الزور", "Deir ez-Zor", "Deir al-Zour", "Dayr az-Zawr"),
    "hasakah": ("الحسكة", "Al-Hasakah", "Hasakeh", "Hassakeh"), "daraa": ("درعا", "Daraa", "Deraa", "Dar'a"),
    "as-suwayda": ("السويداء", "As-Suwayda", "Sweida", "Suwayda"),
    "quneitra": ("القنيطرة", "Quneitra", "Al-Qunaytirah"),
}
_GOVERNORATE_BY_KEY = {name_key(v): code for code, names in _GOVERNORATES.items() for v in names}


def governorate_code(name: str | None) -> str | None:
    key = name_key(name)
    return _GOVERNORATE_BY_KEY.get(key, key) if key else None
_YEAR = re.compile(r"^(\d{4})")


@dataclass
class VictimRecord:
    ref: str
    case_id: str
    victim_index: int
    content_hash: str
    documenters: tuple[str, ...]
    given_key: str | None = None
    father_key: str | None = None
    grandfather_key: str | None = None
    family_key: str | None = None
    mother_key: str | None = None
    given_hint: str | None = None
    father_hint: str | None = None
    full_key: str | None = None
    sex: str | None = None
    birth_year: int | None = None
    incident_date: str | None = None
    incident_month: str | None = None
    date_precision: str | None = None
    governorate: str | None = None
    display: dict = field(default_factory=dict)

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
            "full_key": self.full_key,
            "sex": self.sex,
            "birth_year": self.birth_year,
            "incident_month": self.incident_month,
            "date_days": date_days(self.incident_date),
            "date_precision": self.date_precision,
            "governorate": self.governorate,
        }


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


def split_name_chain(name: str | None) -> dict[str, str]:
    """Syrian name chains by position: given, father, grandfather, family.

    Four or more words: the first three are given/father/grandfather and the last is the family;
    three: given, father, family; two: given, family.
    """
    words = name_words(name)
    if len(words) >= 4:
        return dict(zip(NAME_PARTS, [words[0], words[1], words[2], words[-1]], strict=True))
    if len(words) == 3:
        return {"given": words[0], "father": words[1], "family": words[2]}
    if len(words) == 2:
        return {"given": words[0], "family": words[1]}
    if len(words) == 1:
        return {"given": words[0]}
    return {}


def _part_keys(victim: dict) -> dict[str, str | None]:
    """Keys of each name part, and long-vowel hints of the given and father's names."""
    parts = section(victim, "name_parts")
    keys: dict[str, str | None] = {}
    # Explicit parts win; the chain in either script fills what is missing.
    chains = [split_name_chain(_text(victim.get(k))) for k in ("name_ar", "name_latin", "name")]
    for part in (*NAME_PARTS, "mother"):
        value = _text(parts.get(part))
        if value is None:
            value = next((c[part] for c in chains if part in c), None)
        keys[part] = name_key(value) if value else None
        if part in ("given", "father"):
            keys[part + "_hint"] = name_hint(value)
    return keys


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


def victim_content_hash(victim: dict, date: dict, location: dict) -> str:
    payload = json.dumps([victim, date, location], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def victim_ref(case_id: str, index: int, victim: dict) -> str:
    vid = _text(victim.get("id")) if not isinstance(victim.get("id"), bool) else None
    return f"{case_id}/{vid}" if vid else f"{case_id}/#{index}"


def records_from_body(case_id: str, body: dict, documenters: tuple[str, ...]) -> list[VictimRecord]:
    date = section(body, "date")
    location = section(body, "location")
    start = _text(date.get("start"))
    precision = _text(date.get("precision")) or ("day" if start and len(start) >= 10 else None)
    gov = _text(location.get("governorate"))
    out = []
    victims = entries(body, "victims")
    for index, victim in enumerate(victims):
        if not isinstance(victim, dict):
            continue
        keys = _part_keys(victim)
        whole = [k for k in (keys[p] for p in NAME_PARTS) if k]
        sex = _text(victim.get("sex"))
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
            full_key=" ".join(whole) if whole else None,
            sex=sex.lower()[:1] if sex else None,
            birth_year=_birth_year(victim, start),
            incident_date=start[:10] if start else None,
            incident_month=start[:7] if start and len(start) >= 7 else None,
            date_precision=precision,
            governorate=governorate_code(gov),
            display={
                "name_ar": _text(victim.get("name_ar")),
                "name_latin": _text(victim.get("name_latin")),
                "name_parts": section(victim, "name_parts"),
                "sex": sex,
                "age": victim.get("age"),
                "birth_date": victim.get("birth_date"),
                "act": victim.get("act"),
                "fate": victim.get("fate"),
                "date": date,
                "governorate": gov,
                "place": location.get("place") or location.get("city"),
                "title": body.get("title"),
            },
        ))
    return out


def documenters_by_case(conn: Connection) -> dict[str, tuple[str, ...]]:
    """Which documenters sent each case (any version): a case sent by two counts for both."""
    found: dict[str, set[str]] = defaultdict(set)
    for case_id, documenter in conn.execute("SELECT DISTINCT case_id, documenter FROM case_provenance"):
        found[case_id].add(documenter)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def victim_records(conn: Connection) -> list[VictimRecord]:
    """Every victim in the current version of every case. Cases without provenance (entered on
    this machine) count as documented by "local"."""
    by_case = documenters_by_case(conn)
    rows = conn.execute(
        "SELECT c.id, v.body FROM cases c JOIN case_versions v "
        "ON v.case_id = c.id AND v.version = c.current_version ORDER BY c.id"
    )
    out: list[VictimRecord] = []
    for case_id, body in rows:
        try:
            parsed = json.loads(body)
        except ValueError:
            continue
        if isinstance(parsed, dict):
            out.extend(records_from_body(case_id, parsed, by_case.get(case_id, ("local",))))
    return out
