"""Partner exports from a real coordinator vault: consent, sealed identities, sensitive fields."""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from app.services.outputs import partner_export
from storage.errors import UsageError
from tests.stats_support import CANARY, DOC_A, DOC_B, add_case, case_body, links_for, victim, with_witness_case
from tests.witness_support import CANARIES


@pytest.fixture
def export_vault(coordinator_vault):
    return with_witness_case(coordinator_vault)


def _read(path: Path, fmt: str) -> dict[str, list[dict]]:
    if fmt == "json":
        doc = json.loads(path.read_text(encoding="utf-8"))
        return {k: doc[k] for k in ("victims", "incidents", "sources")} | {"report": [doc["export"]]}
    if fmt == "csv":
        out = {name: list(csv.DictReader(io.StringIO((path / f"{name}.csv").read_text(encoding="utf-8-sig"))))
               for name in ("victims", "incidents", "sources")}
        out["report"] = [json.loads((path / "export-report.json").read_text(encoding="utf-8"))]
        return out
    raise AssertionError(fmt)


def _all_text(path: Path) -> str:
    """Every byte an export put on disk, xlsx unzipped, as text."""
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    chunks = []
    for f in files:
        raw = f.read_bytes()
        if zipfile.is_zipfile(f):
            with zipfile.ZipFile(f) as z:
                chunks += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
        chunks.append(raw.decode("utf-8", "replace"))
    return "\n".join(chunks)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_publication_leaves_out_internal_only_statements_and_says_so(export_vault, tmp_path, fmt):
    vault, ids, internal_only, public = export_vault
    out = tmp_path / f"publication.{fmt}"
    result = partner_export.export(vault, out, fmt=fmt, purpose="publication")
    tables = _read(out, fmt)
    cited = {s["witness"] for s in tables["sources"] if s["case_id"] == ids["w"]}
    assert internal_only not in cited
    assert public in cited
    assert len([s for s in tables["sources"] if s["case_id"] == ids["w"]]) == 2  # the monitor report stays
    report = tables["report"][0]
    assert report["statements_left_out"] == 1 and report["witnesses_left_out"] == 1
    assert report["consent"]["reasons"] == {"out_of_scope": 1}
    assert internal_only not in json.dumps(report)  # the report names no one it left out
    assert any("1 witness statement(s) left out" in line for line in result.summary_lines())
    # Anonymised publication: no victim names at all.
    assert all(v["name_ar"] == "" and v["name_latin"] == "" for v in tables["victims"])


def test_internal_export_keeps_the_statement_and_the_narrative(export_vault, tmp_path):
    vault, ids, internal_only, _ = export_vault
    out = tmp_path / "internal.json"
    partner_export.export(vault, out, fmt="json", purpose="internal")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert internal_only in {s["witness"] for s in doc["sources"]}
    incident = next(i for i in doc["incidents"] if i["case_id"] == ids["w"])
    assert incident["narrative"] == "narrative of Abduction seen from a roof"
    assert doc["export"]["statements_left_out"] == 0


def test_courts_export_withholds_a_narrative_that_retells_a_withheld_statement(export_vault, tmp_path):
    vault, ids, _, _ = export_vault
    out = tmp_path / "courts.json"
    result = partner_export.export(vault, out, fmt="json", purpose="courts")
    doc = json.loads(out.read_text(encoding="utf-8"))
    # canary_witness's consent covers courts once re-scoped; here it is internal only.
    incident = next(i for i in doc["incidents"] if i["case_id"] == ids["w"])
    assert incident["narrative"] == ""
    assert result.narratives_left_out == 1
    other = next(i for i in doc["incidents"] if i["case_id"] == ids["a1"])
    assert other["narrative"] == "narrative of Homs checkpoint abduction"


@pytest.mark.parametrize("purpose", partner_export.PURPOSES)
@pytest.mark.parametrize("fmt", partner_export.FORMATS)
def test_no_export_contains_a_sealed_identity_or_sensitive_field(export_vault, tmp_path, fmt, purpose):
    vault, *_ = export_vault
    out = tmp_path / f"export.{fmt}"
    # links=[]: clustering changes no field, and fifteen linkage runs would only slow the suite
    result = partner_export.export(vault, out, fmt=fmt, purpose=purpose, links=[])
    text = _all_text(out)
    if fmt == "capture-histories":  # no names at all: the strata show the scan reads real content
        assert "hama" in text and "يوسف" not in text
    else:
        assert "يوسف" in text or purpose == "publication"  # the scan reads real content
    leaked = [c for c in (CANARY, *CANARIES) if c in text or c.casefold() in text.casefold()]
    assert leaked == []
    assert "religion_or_sect" in result.fields_left_out
    for path in result.paths:
        assert os.stat(path).st_mode & 0o777 == 0o600
    assert not [p for p in tmp_path.rglob("*.partial")]


def test_xlsx_holds_the_rows_as_text_never_formulas(export_vault, tmp_path):
    vault, ids, *_ = export_vault
    add_case(vault, case_body("=HYPERLINK(\"http://x\",\"click\")", victims=[victim("حسن")]), DOC_B)
    out = tmp_path / "partners.xlsx"
    result = partner_export.export(vault, out, fmt="xlsx", purpose="partners")
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        sheets = [z.read(n).decode() for n in names if n.startswith("xl/worksheets/")]
        shared = z.read("xl/sharedStrings.xml").decode()
    assert len(sheets) == 4  # Victims, Incidents, Sources, Report
    assert not any("<f>" in s for s in sheets)
    assert "محمد أحمد الحموي" in shared and "HYPERLINK" in shared
    assert result.victims == 10 and result.incidents == 9


def test_csv_defuses_formula_cells(export_vault, tmp_path):
    vault, *_ = export_vault
    add_case(vault, case_body("=cmd|' /C calc'!A0", victims=[victim("حسن")]), DOC_B)
    out = tmp_path / "csv"
    partner_export.export(vault, out, fmt="csv", purpose="partners")
    incidents = list(csv.DictReader(io.StringIO((out / "incidents.csv").read_text(encoding="utf-8-sig"))))
    assert "'=cmd|' /C calc'!A0" in {i["title"] for i in incidents}


def test_sensitive_field_only_when_allowed(export_vault, tmp_path):
    vault, ids, *_ = export_vault
    out = tmp_path / "courts.json"
    partner_export.export(vault, out, fmt="json", purpose="courts", allowed_fields=frozenset({"religion_or_sect"}))
    doc = json.loads(out.read_text(encoding="utf-8"))
    row = next(v for v in doc["victims"] if v["case_id"] == ids["w"])
    assert row["religion_or_sect"] == "sunni"
    # Allowing the form's sensitive field lets out nothing else: unknown keys stay in the vault.
    assert CANARY not in out.read_text(encoding="utf-8")
    assert "religion" not in row and "mother_name" not in row and "sealed_identity" not in row
    with pytest.raises(UsageError):  # a name no form defines is refused, not exported empty
        partner_export.export(vault, out, fmt="json", purpose="courts", allowed_fields=frozenset({"religion"}))
    with pytest.raises(UsageError):
        partner_export.export(vault, out, fmt="json", purpose="courts", allowed_fields=frozenset({"identity"}))


def test_linked_records_share_a_unique_victim_and_keep_provenance(export_vault, tmp_path):
    vault, ids, *_ = export_vault
    out = tmp_path / "internal.json"
    partner_export.export(vault, out, fmt="json", purpose="internal", links=links_for(ids))
    rows = {v["victim_record"]: v for v in json.loads(out.read_text(encoding="utf-8"))["victims"]}
    a, b = rows[f"{ids['a1']}#0"], rows[f"{ids['b1']}#0"]
    assert a["unique_victim"] == b["unique_victim"]
    assert (a["documenters"], b["documenters"]) == (DOC_A, DOC_B)
    assert a["bundles"].startswith("bundle-") and a["received_at"]
    assert rows[f"{ids['c1']}#0"]["countable"] is False and rows[f"{ids['c1']}#0"]["missing"] == "name"


def test_report_command(export_vault, tawthiq, passphrase_file, tmp_path):
    vault, *_ = export_vault
    d, pf = str(vault.path), str(passphrase_file)
    out = tmp_path / "un.json"
    r = tawthiq("--vault", d, "--passphrase-file", pf, "report", "--format", "json", "--purpose", "un",
                "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "witness statement(s) left out" in r.stdout.decode()
    assert json.loads(out.read_text(encoding="utf-8"))["export"]["purpose"] == "un"
    r = tawthiq("--vault", d, "--passphrase-file", pf, "report", "--format", "pdf", "--purpose", "un",
                "--out", str(tmp_path / "x"))
    assert r.returncode == 2 and r.stderr.decode().count("\n") == 1
    assert not (tmp_path / "x").exists()


def test_bad_destinations_are_one_clear_error_and_write_nothing(export_vault, tawthiq, passphrase_file, tmp_path):
    vault, *_ = export_vault
    d, pf = str(vault.path), str(passphrase_file)
    a_file = tmp_path / "existing.txt"
    a_file.write_text("keep me")
    cases = [("csv", a_file, "needs a folder"), ("json", tmp_path, "is a folder"),
             ("xlsx", tmp_path / "missing" / "x.xlsx", "does not exist")]
    for fmt, out, message in cases:
        before = sorted(p.name for p in tmp_path.iterdir())
        r = tawthiq("--vault", d, "--passphrase-file", pf, "report", "--format", fmt, "--purpose", "courts",
                    "--out", str(out))
        assert r.returncode == 1 and message in r.stderr.decode() and r.stderr.decode().count("\n") == 1
        assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert a_file.read_text() == "keep me"
