"""Uwazi's CSV/ZIP import format (HURIDOCS' Uwazi: Settings > Import CSV), from the partner tables.

The rows are the incidents of the partner export (partner_export.build_tables): the same
allow-list, the same consent filter on statements and narratives, the same "sealed identities and
sensitive fields never go out". This module only lays them out as Uwazi's importer reads them
(its documented conventions; docs/uwazi.md says which were checked and how):

- a ZIP with `import.csv` at its root, UTF-8 without a byte-order mark, comma-separated; any
  attachment files sit beside it at the root and are named in the `attachments` column;
- one row per incident, `title` the case title (Uwazi requires it in every row);
- several values in one cell separated by `|` (multiselect properties: acts, fates, perpetrator
  groups; the `attachments` column); a value's own `|` becomes `/`, and `::` (Uwazi's thesaurus
  group separator) `:`, so no value splits or nests by accident;
- properties a translator would translate get one column per language, `<property>__en` and
  `<property>__ar` (vocabulary and gazetteer labels in each language; victims' names in Latin
  and Arabic script), and never a column of the same property without the suffix, which Uwazi
  refuses;
- the incident's date as a date range `YYYY/MM/DD:YYYY/MM/DD` (a day: both ends that day; a month
  or a year: its first and last day; no end: the start's), empty when unknown;
- `geolocation` as `lat|lon`, latitude first: the case's coordinates rounded to 0.1° (about 11 km,
  a district's scale), never the point a documenter took, which stays in the vault.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.services.case_body import entries, section
from forms import gazetteer, vocabularies
from storage.atomic import atomic_output
from storage.vault import Vault

LANGUAGES = ("en", "ar")
# Translated properties: (column, what it holds).
COLUMNS = (
    "title", "case_id", "date", "date_precision__en", "date_precision__ar", "governorate__en", "governorate__ar",
    "place__en", "place__ar", "geolocation", "acts__en", "acts__ar", "fates__en", "fates__ar",
    "perpetrator_groups__en", "perpetrator_groups__ar", "victims__en", "victims__ar", "victim_count", "narrative",
    "documented_by", "attachments",
)
MAX_ATTACHMENT_BYTES = 256 << 20  # a larger file stays in the vault; the report counts it
_EXTENSION = re.compile(r"^[a-z0-9]{1,5}$")


@dataclass
class UwaziReport:
    rows: int = 0
    attachments: int = 0
    attachments_left_out: int = 0  # larger than MAX_ATTACHMENT_BYTES

    def to_json(self) -> dict:
        return {"rows": self.rows, "attachments": self.attachments,
                "attachments_left_out": self.attachments_left_out}


def _value(text: str) -> str:
    """One value of a multi-value cell: no separator of Uwazi's inside it."""
    return text.replace("|", "/").replace("::", ":").strip()


def _joined(values: Iterable[str]) -> str:
    seen: dict[str, None] = {}
    for v in values:
        if v and _value(v):
            seen.setdefault(_value(v), None)
    return "|".join(seen)


def _term(vocabulary: str, code: str, lang: str) -> str:
    term = vocabularies.term(vocabulary, code)
    return term.label(lang) if term is not None else code


def _place_name(code: str, lang: str) -> str:
    place = gazetteer.get_place(code) if code else None
    return place.name(lang) if place is not None else code


def _day(text: str) -> str:
    return f"{text[:4]}/{text[5:7]}/{text[8:10]}"


def date_range(date: dict) -> str:
    """Uwazi's `from:to`, each `YYYY/MM/DD` (one of the formats its importer reads whatever the
    collection's own date format), widened to the month or year a partial date names."""
    start = str(date.get("start") or "").strip()
    end = str(date.get("end") or "").strip()
    precision = str(date.get("precision") or "")
    if not re.match(r"^\d{4}", start) or precision == "unknown":
        return ""

    def bounds(text: str) -> tuple[str, str] | None:
        if re.match(r"^\d{4}-\d{2}-\d{2}", text) and precision not in ("month", "year"):
            return _day(text), _day(text)
        if re.match(r"^\d{4}-\d{2}", text) and precision != "year":
            year, month = int(text[:4]), int(text[5:7])
            if not 1 <= month <= 12:
                return None
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}/{month:02d}/01", f"{year:04d}/{month:02d}/{last:02d}"
        if re.match(r"^\d{4}", text):
            return f"{text[:4]}/01/01", f"{text[:4]}/12/31"
        return None

    first = bounds(start)
    if first is None:
        return ""
    last = bounds(end) if end else None
    return f"{first[0]}:{(last or first)[1]}"


def geolocation(location: dict) -> str:
    point = location.get("coordinates")
    if not isinstance(point, dict):
        return ""
    lat, lon = point.get("lat"), point.get("lon")
    if isinstance(lat, bool) or isinstance(lon, bool) or not isinstance(lat, int | float) \
            or not isinstance(lon, int | float) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return ""
    return f"{round(float(lat), 1)}|{round(float(lon), 1)}"


def _names(body: dict, script: str) -> str:
    from app.services.outputs.partner_export import victim_name  # one reading of a victim's name

    return _joined(victim_name(v, script) for v in entries(body, "victims") if isinstance(v, dict))


def incident_rows(incidents: list[dict], bodies: dict[str, dict], names_out: bool,
                  attachments: dict[str, list[str]]) -> list[dict]:
    """Uwazi's rows from the partner export's incident rows (already consent-filtered) and the
    consent-filtered case bodies they came from."""
    rows = []
    for incident in incidents:
        body = bodies[incident["case_id"]]
        date, location = section(body, "date"), section(body, "location")
        victims = [v for v in entries(body, "victims") if isinstance(v, dict)]
        acts = sorted({a for v in victims for a in _codes(v.get("act"))})
        fates = sorted({f for v in victims for f in _codes(v.get("fate"))})
        groups = sorted({g for p in entries(body, "perpetrators") if isinstance(p, dict)
                         for g in _codes(p.get("group"))})
        place = next((str(location.get(k)) for k in ("neighbourhood", "place", "district") if location.get(k)), "")
        row = {
            "title": incident["title"] or incident["case_id"], "case_id": incident["case_id"],
            "date": date_range(date), "geolocation": geolocation(location), "victim_count": incident["victims"],
            "narrative": incident["narrative"], "documented_by": _joined(incident["documenters"].split("; ")),
            "attachments": "|".join(attachments.get(incident["case_id"], [])),
        }
        for lang in LANGUAGES:
            row[f"date_precision__{lang}"] = _term("date_precision", str(date.get("precision") or ""), lang) \
                if date.get("precision") else ""
            row[f"governorate__{lang}"] = _value(_place_name(str(location.get("governorate") or ""), lang))
            row[f"place__{lang}"] = _value(_place_name(place, lang))
            row[f"acts__{lang}"] = _joined(_term("act_types", a, lang) for a in acts)
            row[f"fates__{lang}"] = _joined(_term("fates", f, lang) for f in fates)
            row[f"perpetrator_groups__{lang}"] = _joined(_term("perpetrator_groups", g, lang) for g in groups)
        row["victims__en"] = _names(body, "latin") if names_out else ""
        row["victims__ar"] = _names(body, "ar") if names_out else ""
        rows.append(row)
    return rows


def _codes(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def _cell(column: str, value: object) -> str:
    text = value if isinstance(value, str) else "" if value is None else str(value)
    # Text a spreadsheet would run as a formula gets an apostrophe (as in every export), but not
    # the columns Uwazi parses as numbers, dates or coordinates (a negative latitude stays one).
    if column not in ("geolocation", "date", "victim_count") and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def import_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(c, row.get(c, "")) for c in COLUMNS])
    return out.getvalue().encode("utf-8")  # Uwazi reads UTF-8; a byte-order mark would rename `title`


def attachment_file_name(sha256: str, filename: str) -> str:
    """`<sha256>.<ext>`: the original file name may name a person, the hash never does."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return f"{sha256}.{ext}" if _EXTENSION.match(ext) else sha256


def cited_attachments(vault: Vault, sources: list[dict]) -> dict[str, list[tuple[str, str, str, int]]]:
    """Per case, the attachments its consent-filtered sources cite (by id or SHA-256):
    (file name in the ZIP, blob, sha256, size)."""
    conn = vault.connection()
    found: dict[str, dict[str, tuple[str, str, str, int]]] = {}
    for source in sources:
        ref = source.get("attachment_sha256") or ""
        if not ref:
            continue
        row = conn.execute("SELECT sha256, filename, blob, size FROM attachments WHERE case_id = ? "
                           "AND (id = ? OR sha256 = ?)", (source["case_id"], ref, ref)).fetchone()
        if row is not None:
            sha, filename, blob, size = row
            found.setdefault(source["case_id"], {})[sha] = (attachment_file_name(sha, filename), blob, sha, size)
    return {case: list(files.values()) for case, files in found.items()}


def write_zip(vault: Vault, out: Path, rows: list[dict],
              files: dict[str, list[tuple[str, str, str, int]]]) -> UwaziReport:
    """The ZIP, atomically; attachments stream from the vault into it (constant memory)."""
    report = UwaziReport(rows=len(rows))
    with atomic_output(out) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("import.csv", import_csv(rows))
        written: set[str] = set()
        for case_files in files.values():
            for name, blob, sha, _size in case_files:
                if name in written:
                    continue
                with package.open(name, "w", force_zip64=True) as member:
                    vault.blobs.read_into(blob, member, sha)  # type: ignore[arg-type]  # a ZipExtFile writes bytes
                written.add(name)
        report.attachments = len(written)
    return report
