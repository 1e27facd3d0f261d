"""Exports for partners: victims, incidents and sources with their links and provenance.

One allow-list decides what leaves the vault (docs/statistics.md, "Exports"):
- Only the fields named below are copied from a case; anything else a form adds (and anything a
  sealed identity could ever be stored under) never reaches an export.
- Victim fields a form marks `sensitive` (religion or sect) are left out unless the coordinator
  allows each one by name; the mother's name and the free text of a place (a residence's text is
  an address) never go out. Every field named here must exist in a shipped form
  (tests/coordinator/test_export_fields.py): a name no form defines would export an empty column.
- Statements (sources citing a witness) go out only if the witness's consent covers the purpose;
  otherwise the source is left out, and so is the narrative of its case (a narrative retells
  statements). The export report counts what was left out and why.
- `publication` (anonymised publication) also leaves out victims' names.
- Every file is written atomically and 0600; strings are written as text, never as formulas.
- External lists imported as sources (docs/sources.md) are never exported as ours: the tables are
  built from cases alone; a victim's `unique_victim` is the lowest key among our own records.

Formats: `csv` (a folder of three tables and the report), `xlsx`, `json`; `uwazi`, the same
incidents as Uwazi's CSV/ZIP import reads them (app/services/outputs/uwazi.py, docs/uwazi.md);
`capture-histories`, the table R's estimation tools read (one row per unique victim, a 0/1 column
per list — each documenter and each imported list — then the stratum columns; no names).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.services.analysis import statistics
from app.services.case_body import entries, section
from app.services.intake import consent as consent_rules
from app.services.intake import witnesses
from app.services.outputs import partner_media
from app.services.outputs.partner_media import MediaOut
from forms import definitions
from storage import audit
from storage.atomic import atomic_write_bytes, ensure_private_dir
from storage.database import transaction
from storage.errors import TawthiqError, UsageError
from storage.vault import Vault

FORMATS = ("csv", "xlsx", "json", "uwazi", "capture-histories")
PURPOSES = ("internal", "partners", "un", "courts", "publication")
# Purposes whose readers get the documenters' narratives (when every statement in it may go out).
NARRATIVE_PURPOSES = frozenset({"internal", "un", "courts"})


def _sensitive_victim_fields() -> frozenset[str]:
    """The victim fields any shipped form (every version) marks `sensitive`."""
    found = set()
    for newest in definitions.list_forms():
        for version in definitions.form_versions(newest.id):
            victims = definitions.load_form(newest.id, version).field("victims")
            found |= {c.id for c in (victims.children if victims else ()) if c.sensitive}
    return frozenset(found)


SENSITIVE_VICTIM_FIELDS = _sensitive_victim_fields()
# Chosen on purpose, not derived from the forms: a field a form adds later stays in the vault
# until someone decides it may go out.
VICTIM_FIELDS = ("sex", "age", "birth_date", "occupation", "residence")
# The victim's fate is `fate`; these say when and where it became known (forms: conditional on fate).
FATE_FIELDS = ("abducted_on", "last_seen_on", "last_seen_at", "released_on", "killed_on", "found_dead_on",
               "body_found_at")
NAME_PARTS = ("given", "father", "grandfather", "family")  # never "mother": the mother's name stays in
SOURCE_FIELDS = ("type", "who", "date", "reliability", "credibility", "verification")
# A place goes out as its most specific gazetteer code; its free text and coordinates never do.
PLACE_LEVELS = ("neighbourhood", "place", "district", "governorate")
ALWAYS_LEFT_OUT = ("mother's name", "free text of victims' places")

VICTIM_COLUMNS = (
    "victim_record", "unique_victim", "case_id", "case_version", "name_ar", "name_latin", *VICTIM_FIELDS,
    "act", "fate", *FATE_FIELDS, "incident_date", "date_precision", "governorate", "perpetrator_groups",
    "countable", "missing", "documenters", "bundles", "received_at",
)
INCIDENT_COLUMNS = (
    "case_id", "case_version", "form", "title", "date_start", "date_end", "date_precision", "governorate", "district",
    "place", "neighbourhood", "acts", "perpetrator_groups", "victims", "narrative", "documenters", "bundles",
    "received_at",
)
SOURCE_COLUMNS = ("case_id", "source", *SOURCE_FIELDS, "witness", "attachment_sha256")


@dataclass
class ExportResult:
    purpose: str
    format: str
    paths: list[Path]
    victims: int = 0
    incidents: int = 0
    sources: int = 0
    statements_left_out: int = 0
    witnesses_left_out: int = 0
    narratives_left_out: int = 0
    consent: consent_rules.ConsentReport | None = None
    fields_left_out: list[str] = field(default_factory=list)
    attachments: int = 0  # files written beside Uwazi's import.csv
    attachments_left_out: int = 0  # cited by a statement that may go out, but larger than the bound
    media: MediaOut | None = None

    def to_json(self) -> dict:
        return {
            "purpose": self.purpose, "format": self.format, "files": [p.name for p in self.paths],
            "victims": self.victims, "incidents": self.incidents, "sources": self.sources,
            "statements_left_out": self.statements_left_out, "witnesses_left_out": self.witnesses_left_out,
            "narratives_left_out": self.narratives_left_out, "consent": self._consent_json(),
            "fields_left_out": self.fields_left_out, "attachments": self.attachments,
            "attachments_left_out": self.attachments_left_out,
            "media": self.media.to_json() if self.media else None,
        }

    def _consent_json(self) -> dict | None:
        """The filter's report without the withheld pseudonyms: the export names no one it left out."""
        if self.consent is None:
            return None
        report = self.consent.to_json()
        report.pop("witnesses_withheld", None)
        return report

    def summary_lines(self) -> list[str]:
        lines = [f"wrote {', '.join(str(p) for p in self.paths)}: {self.victims} victims, "
                 f"{self.incidents} incidents, {self.sources} sources (purpose: {self.purpose})"]
        if self.statements_left_out:
            lines.append(f"left out {self.statements_left_out} statements of {self.witnesses_left_out} witnesses "
                         f"whose consent does not cover '{self.purpose}', and {self.narratives_left_out} "
                         "narratives that retell them")
        if self.consent:
            lines += self.consent.lines()
        if self.fields_left_out:
            lines.append("fields left out: " + ", ".join(self.fields_left_out))
        if self.attachments or self.attachments_left_out:
            lines.append(f"attachments: {self.attachments} written; {self.attachments_left_out} left out "
                         "(larger than the bound)")
        if self.media:
            lines += self.media.lines()
        return lines


# ---- building rows ---------------------------------------------------------------------------
def _text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "; ".join(t for t in (_text(v) for v in value) if t)
    return ""  # nested objects never go out by accident


def victim_value(victim: dict, field_id: str) -> str:
    """One allow-listed victim field as text; a place (an object) as its most specific code."""
    value = victim.get(field_id)
    if isinstance(value, dict):
        return next((t for t in (_text(value.get(level)) for level in PLACE_LEVELS) if t), "")
    return _text(value)


def victim_name(victim: dict, script: str) -> str:
    """A victim's whole name in one script ("ar" or "latin"), from the name or its parts (never the mother's)."""
    flat = _text(victim.get(f"name_{script}"))
    if flat:
        return flat
    parts = victim.get(f"name_parts_{script}")
    if isinstance(parts, dict):
        return " ".join(_text(parts.get(p)) for p in NAME_PARTS if _text(parts.get(p)))
    return ""


def _provenance(vault: Vault) -> dict[str, dict[str, str]]:
    rows = vault.connection().execute(
        "SELECT case_id, documenter, bundle_id, received_at FROM case_provenance ORDER BY received_at"
    ).fetchall()
    found: dict[str, dict[str, list[str]]] = {}
    for case_id, documenter, bundle, received in rows:
        entry = found.setdefault(case_id, {"documenters": [], "bundles": [], "received_at": []})
        for key, value in (("documenters", documenter), ("bundles", bundle), ("received_at", received)):
            if value not in entry[key]:
                entry[key].append(value)
    return {k: {kk: "; ".join(vv) for kk, vv in v.items()} for k, v in found.items()}


def _witness_sources(body: dict) -> int:
    return sum(1 for s in body.get("sources") or [] if isinstance(s, dict) and s.get("witness"))


def fields_left_out(allowed_fields: frozenset[str], names_out: bool) -> list[str]:
    return (sorted(SENSITIVE_VICTIM_FIELDS - allowed_fields) + list(ALWAYS_LEFT_OUT)
            + ([] if names_out else ["victim names"]))


@dataclass
class Tables:
    victims: list[dict] = field(default_factory=list)
    incidents: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    case_bodies: dict[str, dict] = field(default_factory=dict)  # consent-filtered, by case id
    # (case id, body, body after the consent filter): which attachments may go out with media.
    exported_cases: list[tuple[str, dict, dict]] = field(default_factory=list)


def build_tables(vault: Vault, purpose: str, allowed_fields: frozenset[str], result: ExportResult,
                 links: Iterable | None = None) -> Tables:
    if purpose not in PURPOSES:
        raise UsageError("export.purpose_unknown", choices=", ".join(PURPOSES))
    unknown = set(allowed_fields) - SENSITIVE_VICTIM_FIELDS
    if unknown:
        raise UsageError("export.allow_field", fields=", ".join(sorted(SENSITIVE_VICTIM_FIELDS)))
    provenance = _provenance(vault)
    conn = vault.connection()
    versions = dict(conn.execute("SELECT id, current_version FROM cases").fetchall())
    records, _ = statistics.read_records(conn)
    clusters, _state = statistics.grouped_victims(vault, records, links)
    # External lists (docs/sources.md) link to our victims but are never exported as ours: a
    # victim's id is the lowest key of our own records in its cluster.
    ours = [[r for r in cluster if not statistics.is_source(r.case_id)] for cluster in clusters]
    unique_of = {r.key: min(m.key for m in cluster) for cluster in ours for r in cluster}
    by_key = {r.key: r for r in records}
    names_out = purpose != "publication"
    tables = Tables()
    bodies = list(statistics.current_bodies(conn))
    # The witness register's filter: a statement goes out only if its witness's consent covers
    # the purpose; unknown pseudonyms and missing consent fail closed.
    filtered, consent_report = consent_rules.filter_cases(
        (body for _, body in bodies), purpose, witnesses.consents(conn), mode="omit")
    result.consent = consent_report
    for (case_id, original), body in zip(bodies, filtered, strict=True):
        tables.case_bodies[case_id] = body
        tables.exported_cases.append((case_id, original, body))
        withheld_here = _witness_sources(original) != _witness_sources(body)
        prov = provenance.get(case_id, {"documenters": statistics.LOCAL_DOCUMENTER, "bundles": "", "received_at": ""})
        date = section(body, "date")
        location = section(body, "location")
        groups = sorted({g for p in entries(body, "perpetrators") if isinstance(p, dict)
                         for g in statistics.codes(p.get("group"))})
        for index, source in enumerate(body.get("sources") or []):
            if not isinstance(source, dict):
                continue
            witness = _text(source.get("witness"))
            row = {"case_id": case_id, "source": index, "witness": witness,
                   "attachment_sha256": _text(source.get("attachment"))}
            row.update({f: _text(source.get(f)) for f in SOURCE_FIELDS})
            tables.sources.append(row)
        narrative = ""
        if purpose in NARRATIVE_PURPOSES:
            if withheld_here and _text(body.get("narrative")):
                result.narratives_left_out += 1
            elif not withheld_here:
                narrative = _text(body.get("narrative"))
        victims = [v for v in body.get("victims") or [] if isinstance(v, dict)]
        tables.incidents.append({
            "case_id": case_id, "case_version": versions.get(case_id, ""), "form": _text(body.get("form")),
            "title": _text(body.get("title")),
            "date_start": _text(date.get("start")), "date_end": _text(date.get("end")),
            "date_precision": _text(date.get("precision")),
            **{k: _text(location.get(k)) for k in ("governorate", "district", "place", "neighbourhood")},
            "acts": _text(sorted({a for v in victims for a in statistics.codes(v.get("act"))})),
            "perpetrator_groups": _text(groups), "victims": len(victims), "narrative": narrative,
            **prov,
        })
        for index, victim in enumerate(body.get("victims") or []):
            if not isinstance(victim, dict):
                continue
            key = f"{case_id}#{index}"
            record = by_key[key]
            row = {
                "victim_record": key, "unique_victim": unique_of.get(key, key), "case_id": case_id,
                "case_version": versions.get(case_id, ""),
                "name_ar": victim_name(victim, "ar") if names_out else "",
                "name_latin": victim_name(victim, "latin") if names_out else "",
                **{f: victim_value(victim, f) for f in VICTIM_FIELDS},
                "act": _text(victim.get("act")), "fate": _text(victim.get("fate")),
                **{f: victim_value(victim, f) for f in FATE_FIELDS},
                "incident_date": _text(date.get("start")), "date_precision": _text(date.get("precision")),
                "governorate": _text(location.get("governorate")), "perpetrator_groups": _text(groups),
                "countable": record.countable, "missing": _text(list(record.missing)), **prov,
            }
            row.update({f: _text(victim.get(f)) for f in sorted(allowed_fields)})
            tables.victims.append(row)
    result.statements_left_out = consent_report.statements_withheld
    result.witnesses_left_out = len(consent_report.witnesses_withheld)
    result.fields_left_out = fields_left_out(allowed_fields, names_out)
    result.victims, result.incidents, result.sources = len(tables.victims), len(tables.incidents), len(tables.sources)
    return tables


# ---- writing ---------------------------------------------------------------------------------
def _cell(value: object) -> object:
    """Untrusted text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_bytes(rows: list[dict], columns: tuple[str, ...]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    # The byte-order mark makes spreadsheet programs read the Arabic as UTF-8.
    return buffer.getvalue().encode("utf-8-sig")


def _columns(base: tuple[str, ...], allowed_fields: frozenset[str]) -> tuple[str, ...]:
    return base + tuple(sorted(allowed_fields))


def _xlsx_bytes(tables: Tables, report: dict, allowed_fields: frozenset[str]) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    # in_memory: xlsxwriter would otherwise stage every sheet as a plaintext temp file.
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False, "strings_to_numbers": False})
    bold = workbook.add_format({"bold": True})
    sheets = (("Victims", tables.victims, _columns(VICTIM_COLUMNS, allowed_fields)),
              ("Incidents", tables.incidents, INCIDENT_COLUMNS), ("Sources", tables.sources, SOURCE_COLUMNS))
    for title, rows, columns in sheets:
        sheet = workbook.add_worksheet(title)
        sheet.write_row(0, 0, columns, bold)
        for r, row in enumerate(rows, start=1):
            for c, column in enumerate(columns):
                value = row.get(column, "")
                if isinstance(value, bool) or not isinstance(value, int | float):
                    sheet.write_string(r, c, _text(value) if not isinstance(value, str) else value)
                else:
                    sheet.write_number(r, c, value)
        sheet.freeze_panes(1, 0)
    sheet = workbook.add_worksheet("Report")
    for r, (key, value) in enumerate(report.items()):
        sheet.write_string(r, 0, key, bold)
        sheet.write_string(r, 1, _text(value) if not isinstance(value, str) else value)
    workbook.close()
    return buffer.getvalue()


def export(vault: Vault, out: Path, *, fmt: str, purpose: str,
           allowed_fields: frozenset[str] = frozenset(), links: Iterable | None = None,
           attachments: bool = False, media: bool = False, keep_media_metadata: bool = False) -> ExportResult:
    """Write one export; returns what was written and what was left out (also in the export).

    `media`: the exported cases' photos and videos go too (csv only: into the folder), without GPS
    and device metadata unless `keep_media_metadata` (app/services/outputs/partner_media.py).
    `attachments`: Uwazi only, the files cited by sources that may go out."""
    if fmt not in FORMATS:
        raise UsageError("export.format_unknown", choices=", ".join(FORMATS))
    if (media or keep_media_metadata) and fmt != "csv":
        raise UsageError("export.media_needs_folder")
    out = Path(out)
    if not out.parent.is_dir():
        raise TawthiqError("export.no_folder")
    if fmt == "csv" and out.exists() and not out.is_dir():
        raise TawthiqError("export.csv_needs_folder")
    if fmt != "csv" and out.is_dir():
        raise TawthiqError("export.path_is_folder")
    result = ExportResult(purpose=purpose, format=fmt, paths=[])
    if fmt == "capture-histories":
        _write_capture_histories(vault, out, purpose, result)
        _audit(vault, result)
        return result
    tables = build_tables(vault, purpose, allowed_fields, result, links)
    if fmt == "uwazi":
        _write_uwazi(vault, out, tables, result, attachments and purpose != "publication")
        _audit(vault, result)
        return result
    if fmt == "csv":
        ensure_private_dir(out)
        result.paths = [out / "victims.csv", out / "incidents.csv", out / "sources.csv", out / "export-report.json"]
    else:
        result.paths = [out]
    if media:
        result.media = partner_media.write_media(vault, out, tables.exported_cases, keep_metadata=keep_media_metadata)
        result.paths += result.media.files
    report = result.to_json()
    if fmt == "csv":
        atomic_write_bytes(result.paths[0], _csv_bytes(tables.victims, _columns(VICTIM_COLUMNS, allowed_fields)))
        atomic_write_bytes(result.paths[1], _csv_bytes(tables.incidents, INCIDENT_COLUMNS))
        atomic_write_bytes(result.paths[2], _csv_bytes(tables.sources, SOURCE_COLUMNS))
        atomic_write_bytes(result.paths[3], json.dumps(report, ensure_ascii=False, indent=2).encode())
    elif fmt == "xlsx":
        atomic_write_bytes(out, _xlsx_bytes(tables, report, allowed_fields))
    else:
        document = {"export": report, "victims": tables.victims, "incidents": tables.incidents,
                    "sources": tables.sources}
        atomic_write_bytes(out, json.dumps(document, ensure_ascii=False, indent=2).encode())
    _audit(vault, result)
    return result


def _audit(vault: Vault, result: ExportResult) -> None:
    conn = vault.connection()
    with transaction(conn):
        media_fields = ({"media": result.media.written, "media_metadata_kept": result.media.metadata_kept}
                        if result.media else {})
        audit.record(conn, "report.export", "", purpose=result.purpose, format=result.format, victims=result.victims,
                     incidents=result.incidents, statements_left_out=result.statements_left_out, **media_fields)


def _write_uwazi(vault: Vault, out: Path, tables: Tables, result: ExportResult, with_attachments: bool) -> None:
    from app.services.outputs import uwazi

    files = uwazi.cited_attachments(vault, tables.sources) if with_attachments else {}
    kept = {case: [f for f in found if f[3] <= uwazi.MAX_ATTACHMENT_BYTES] for case, found in files.items()}
    result.attachments_left_out = sum(len(found) - len(kept[case]) for case, found in files.items())
    rows = uwazi.incident_rows(tables.incidents, tables.case_bodies, result.purpose != "publication",
                               {case: [f[0] for f in found] for case, found in kept.items()})
    report = uwazi.write_zip(vault, out, rows, kept)
    result.attachments = report.attachments
    result.paths = [out]


def _write_capture_histories(vault: Vault, out: Path, purpose: str, result: ExportResult) -> None:
    """Every unique victim's capture history with its strata (no names, no case content): every
    documenter and every imported list is a list, as `estimate --table-out` writes them."""
    if purpose not in PURPOSES:
        raise UsageError("export.purpose_unknown", choices=", ".join(PURPOSES))
    try:
        from app.services.analysis.estimation import from_vault, histories
    except ImportError:
        raise TawthiqError("export.needs_estimation") from None
    inputs = from_vault.histories(vault, with_sources=True)
    table = histories.table_csv(inputs.individuals, list(inputs.lists), histories.STRATA)
    atomic_write_bytes(out, table.encode("utf-8"))
    result.victims = len(inputs.individuals)
    result.fields_left_out = fields_left_out(frozenset(), names_out=False)  # everything but the strata
    result.paths = [out]
