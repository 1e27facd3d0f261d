"""The content of a formal report of one case (for a court, a UN mechanism, a partner), Qt-free.

The same allow-list as the partner exports decides what goes in (app/services/outputs/partner_export.py):
witness statements only where the witness's consent covers the purpose, no sealed identity,
no sensitive victim field, no victim names in an anonymised publication. The result is HTML
with every value escaped; app/gui/case_report_pdf.py lays it out with Qt, whose text engine
shapes Arabic and orders right-to-left runs correctly, and writes the PDF.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from app.services.case_body import section
from app.services.intake import cases, witnesses
from app.services.intake import consent as consent_rules
from app.services.outputs import partner_export
from forms import definitions
from forms.errors import UnknownForm
from storage import audit
from storage.database import transaction
from storage.vault import Vault


@dataclass
class CaseReport:
    case_id: str
    purpose: str
    html: str
    consent: consent_rules.ConsentReport
    narrative_withheld: bool
    fields_left_out: list[str] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        lines = self.consent.lines()
        if self.narrative_withheld:
            lines.append("the narrative was left out: it may retell a statement that was left out")
        if self.fields_left_out:
            lines.append("fields left out: " + ", ".join(self.fields_left_out))
        return lines


# The victim fields of the report: the partner exports' allow-list, fate and its dates included.
VICTIM_ROWS = (*partner_export.VICTIM_FIELDS[:2], "act", "fate", *partner_export.VICTIM_FIELDS[2:],
               *partner_export.FATE_FIELDS)
PERPETRATOR_FIELDS = ("group", "description", "number", "vehicles", "attribution_confidence")


def _victim_labels(body: dict) -> Callable[[str], str]:
    """Field id → its English label in the case's own form (the id itself if the form is unknown)."""
    try:
        victims = definitions.load_form(str(body.get("form")), body.get("form_version")).field("victims")
    except UnknownForm:
        victims = None

    def label(field_id: str) -> str:
        child = victims.child(field_id) if victims else None
        return child.label("en") if child else field_id

    return label


def _e(value: object) -> str:
    return html.escape(partner_export._text(value))


def _direction(text: str) -> str:
    """Right-aligned right-to-left block when the text starts (first strong letter) in Arabic."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return ' dir="rtl" align="right"'
        if kind == "L":
            return ""
    return ""


def _cell(value: object, tag: str = "td") -> str:
    text = partner_export._text(value)
    if len(text) <= 24 and " " not in text and "-" in text:
        # Codes such as a witness pseudonym W-7KQ3-M9XD must not wrap at their hyphens.
        return f'<{tag} style="white-space: nowrap">{html.escape(text)}</{tag}>'
    return f"<{tag}{_direction(text)}>{html.escape(text)}</{tag}>"


def _fields(pairs: list[tuple[str, object]]) -> str:
    """A two-column label/value table: readable on A4 however long the values are."""
    rows = "".join(f'<tr><th align="left" width="28%">{html.escape(label)}</th>{_cell(value)}</tr>'
                   for label, value in pairs if partner_export._text(value))
    return f'<table border="1" cellspacing="0" cellpadding="4" width="100%">{rows}</table>'


def _table(headers: list[str], rows: list[list[object]]) -> str:
    if not rows:
        return "<p><i>none recorded</i></p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0" cellpadding="4" width="100%"><tr>{head}</tr>{body}</table>'


def _paragraphs(text: str) -> str:
    # One block per paragraph, so Qt picks each block's direction from its own first letters.
    return "".join(f"<p{_direction(p)}>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())


def build_case_report(vault: Vault, case_id: str, purpose: str = "courts") -> CaseReport:
    body = cases.get_case(vault, case_id)
    meta = body.pop("_meta")
    conn = vault.connection()
    [filtered], consent_report = consent_rules.filter_cases(
        [body], purpose, witnesses.consents(conn), mode="omit")
    withheld = consent_report.statements_withheld > 0
    narrative_out = purpose in partner_export.NARRATIVE_PURPOSES and not withheld
    names_out = purpose != "publication"
    date = section(body, "date")
    location = section(body, "location")

    parts = [
        _cell(body.get("title") or "Case report", "h1"),
        _fields([("Case", case_id), ("Version", f"{meta['version']} ({meta['status']})"),
                 ("Form", f"{body.get('form')} v{body.get('form_version')}"),
                 ("Purpose of this report", consent_rules.PURPOSE_LABELS[purpose]),
                 ("Generated", audit.now_iso()[:19].replace("T", " ") + " UTC")]),
        "<h2>When and where</h2>",
        _fields([("Date", date.get("start")), ("Until", date.get("end")), ("Precision", date.get("precision")),
                 ("Governorate", location.get("governorate")), ("District", location.get("district")),
                 ("Place", location.get("place")), ("Neighbourhood", location.get("neighbourhood")),
                 ("Details", location.get("text"))]),
        "<h2>Narrative</h2>",
    ]
    if narrative_out:
        parts.append(_paragraphs(partner_export._text(body.get("narrative"))) or "<p><i>none recorded</i></p>")
    else:
        reason = ("it may retell a witness statement whose consent does not cover this purpose" if withheld
                  else "narratives are not part of reports for this purpose")
        parts.append(f"<p><i>Left out: {html.escape(reason)}.</i></p>")

    victims = [v for v in body.get("victims") or [] if isinstance(v, dict)]
    label = _victim_labels(body)
    parts.append("<h2>Victims</h2>")
    for i, v in enumerate(victims):
        parts += [f"<h3>Victim {i + 1}</h3>", _fields([
            ("Name (Arabic)", partner_export.victim_name(v, "ar") if names_out else "(withheld)"),
            ("Name (Latin)", partner_export.victim_name(v, "latin") if names_out else "(withheld)"),
            *[(label(f), partner_export.victim_value(v, f)) for f in VICTIM_ROWS]])]
    if not victims:
        parts.append("<p><i>none recorded</i></p>")
    perpetrators = [p for p in body.get("perpetrators") or [] if isinstance(p, dict)]
    parts += ["<h2>Perpetrators</h2>", _table(
        ["Suspected group", "Description", "Number", "Vehicles", "Attribution"],
        [[p.get(f) for f in PERPETRATOR_FIELDS] for p in perpetrators])]
    sources = [s for s in filtered.get("sources") or [] if isinstance(s, dict)]
    parts += ["<h2>Sources</h2>", _table(
        ["Who", "Witness (pseudonym)", "Date", "Reliability", "Credibility", "Verification"],
        [[s.get("who") or s.get("type"), s.get("witness"), s.get("date"), s.get("reliability"),
          s.get("credibility"), s.get("verification")] for s in sources])]
    if withheld:
        parts.append(f"<p><i>{html.escape(consent_report.lines()[0])}</i></p>")
    parts += ["<h2>Attachments</h2>", _table(
        ["File", "Type", "Bytes", "SHA-256"],
        [[a["filename"], a["media_type"], a["size"], a["sha256"]] for a in meta["attachments"]])]
    provenance = conn.execute(
        "SELECT version, documenter, bundle_id, sequence, received_at FROM case_provenance "
        "WHERE case_id = ? ORDER BY version, received_at", (case_id,)).fetchall()
    parts += ["<h2>Provenance</h2>", _table(
        ["Version", "Documenter key", "Bundle", "Sequence", "Received"], [list(r) for r in provenance])]
    imported = conn.execute(
        "SELECT version, file, sheet, row, file_sha256, imported_at FROM case_import_origin WHERE case_id = ? "
        "ORDER BY version", (case_id,)).fetchall()
    if imported:  # a case imported from a spreadsheet (docs/import.md): where to find its row again
        parts += ["<h3>Imported from a spreadsheet</h3>", _table(
            ["Version", "File", "Sheet", "Row", "File SHA-256", "Imported"], [list(r) for r in imported])]
    parts += ["<h2>Versions</h2>", _table(
        ["Version", "Parent", "Status", "SHA-256 of the record", "Saved"],
        [[h["version"], h["parent"], h["status"], h["sha256"], h["saved_at"]]
         for h in cases.case_history(vault, case_id)])]
    fields_left_out = partner_export.fields_left_out(frozenset(), names_out)
    parts.append("<p><small>Not included by design: witness identities (sealed to the custodian), "
                 + html.escape(", ".join(fields_left_out)) + ".</small></p>")
    document = ('<html><head><meta charset="utf-8"><style>'
                "h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 12px; } h3 { font-size: 10pt; }"
                " th { background: #e8e8e8; }"
                "</style></head><body>" + "".join(parts) + "</body></html>")
    return CaseReport(case_id=case_id, purpose=purpose, html=document, consent=consent_report,
                      narrative_withheld=withheld and purpose in partner_export.NARRATIVE_PURPOSES,
                      fields_left_out=fields_left_out)


def record_report_export(vault: Vault, report: CaseReport, file_format: str) -> None:
    """The audit line of a report written out (the front end writes the file)."""
    conn = vault.connection()
    with transaction(conn):
        audit.record(conn, "report.export", report.case_id, purpose=report.purpose, format=file_format,
                     statements_left_out=report.consent.statements_withheld)
