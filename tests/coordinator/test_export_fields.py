"""What partner exports and case reports read from a case exists in the forms, and reaches the reader.

A field name that no form defines exports an empty column for ever (the old `fate_date`); a
place read as plain text exports nothing. Cases here are the shipped form examples, saved through
the real case service (so validated against their form) into a real coordinator vault.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from app.services.intake import cases
from app.services.outputs import case_report, partner_export
from forms import definitions
from forms.resources import FORMS_DIR


def _children(group: str) -> set[str]:
    """Every child id of a group field, in every version of every shipped form."""
    found: set[str] = set()
    for newest in definitions.list_forms():
        for version in definitions.form_versions(newest.id):
            field = definitions.load_form(newest.id, version).field(group)
            assert field is not None and field.children, (newest.id, version, group)
            found |= {c.id for c in field.children}
    return found


def _example(name: str) -> dict:
    return json.loads((FORMS_DIR / "examples" / f"{name}.json").read_text(encoding="utf-8"))


def test_every_victim_field_read_exists_in_a_form():
    read = {*partner_export.VICTIM_FIELDS, *partner_export.FATE_FIELDS, *partner_export.SENSITIVE_VICTIM_FIELDS,
            *case_report.VICTIM_ROWS, "act", "fate", "name_ar", "name_latin", "name_parts"}
    assert read - _children("victims") == set()
    assert set(partner_export.NAME_PARTS) <= set(definitions.NAME_PARTS)


def test_every_source_and_perpetrator_field_read_exists_in_a_form():
    assert {*partner_export.SOURCE_FIELDS, "witness", "attachment"} - _children("sources") == set()
    assert set(case_report.PERPETRATOR_FIELDS) - _children("perpetrators") == set()


def test_sensitive_fields_are_the_ones_the_forms_mark():
    assert partner_export.SENSITIVE_VICTIM_FIELDS == {"religion_or_sect"}
    assert not partner_export.SENSITIVE_VICTIM_FIELDS & {*partner_export.VICTIM_FIELDS, *partner_export.FATE_FIELDS}


def test_every_date_or_place_of_the_fate_is_exported():
    """A form that adds a fate-dependent date or place makes this fail until someone decides."""
    fate_dependent = set()
    for newest in definitions.list_forms():
        for version in definitions.form_versions(newest.id):
            victims = definitions.load_form(newest.id, version).field("victims")
            fate_dependent |= {c.id for c in victims.children
                               if c.condition and c.condition.field == "fate" and c.type in ("date", "place")}
    assert fate_dependent and fate_dependent <= set(partner_export.FATE_FIELDS)


@pytest.fixture
def fate_vault(coordinator_vault):
    ids = {}
    for name in ("killing-body-found", "kidnapping", "disappearance"):
        case_id, _ = cases.save_case(coordinator_vault, _example(name))
        ids[name] = case_id
    return coordinator_vault, ids


def test_partner_export_shows_the_fate_dates_and_places_the_forms_hold(fate_vault, tmp_path):
    vault, ids = fate_vault
    out = tmp_path / "courts.json"
    partner_export.export(vault, out, fmt="json", purpose="courts", links=[])
    text = out.read_text(encoding="utf-8")
    rows = {v["case_id"]: v for v in json.loads(text)["victims"]}
    body_found = rows[ids["killing-body-found"]]
    assert (body_found["fate"], body_found["abducted_on"], body_found["found_dead_on"]) == (
        "found_dead", "2025-03-02", "2025-03-08")
    assert body_found["body_found_at"] == "homs.homs.city"
    released = rows[ids["kidnapping"]]
    assert (released["fate"], released["released_on"], released["residence"]) == (
        "released", "2025-02-10", "homs.homs.city.zahra")
    missing = rows[ids["disappearance"]]
    assert (missing["last_seen_on"], missing["last_seen_at"]) == ("2025-03", "tartus")
    assert "fate_date" not in body_found
    # A place's free text (an address, a morgue) and the mother's name stay in the vault.
    for kept_in in ("National Hospital morgue", "Checkpoint on the coastal road", "فاطمة"):
        assert kept_in not in text
    assert {"mother's name", "religion_or_sect"} <= set(json.loads(text)["export"]["fields_left_out"])


def test_sensitive_form_field_goes_out_only_when_allowed(fate_vault, tmp_path):
    vault, _ = fate_vault
    body = _example("kidnapping")
    body["victims"][0]["religion_or_sect"] = "ismaili"
    case_id, _ = cases.save_case(vault, body)
    for allowed, expected in ((frozenset(), None), (frozenset({"religion_or_sect"}), "ismaili")):
        out = tmp_path / f"partners-{len(allowed)}.json"
        partner_export.export(vault, out, fmt="json", purpose="partners", allowed_fields=allowed, links=[])
        row = next(v for v in json.loads(out.read_text(encoding="utf-8"))["victims"] if v["case_id"] == case_id)
        assert row.get("religion_or_sect") == expected
        assert ("ismaili" in out.read_text(encoding="utf-8")) == bool(allowed)


@pytest.mark.gui
def test_case_report_pdf_shows_the_fate_dates(qapp, fate_vault, tmp_path):
    from app.gui.case_report_pdf import write_case_pdf
    from tests.coordinator.test_partner_export_pdf import pdf_text

    vault, ids = fate_vault
    report = case_report.build_case_report(vault, ids["killing-body-found"], purpose="courts")
    # Each label beside its value in the report's table (the PDF's text order is the layout's).
    rows = dict(re.findall(r"<th[^>]*>([^<]*)</th><td[^>]*>([^<]*)</td>", report.html))
    assert {k: rows.get(k) for k in ("Fate", "Abducted or taken on", "Found dead on", "Where the body was found")} == {
        "Fate": "found_dead", "Abducted or taken on": "2025-03-02", "Found dead on": "2025-03-08",
        "Where the body was found": "homs.homs.city"}
    out = tmp_path / "case.pdf"
    write_case_pdf(vault, ids["killing-body-found"], out, purpose="courts")
    text = unicodedata.normalize("NFKC", pdf_text(out))
    assert "Found dead on" in text and "2025-03-08" in text and "2025-03-02" in text
    assert "fate_date" not in text and "morgue" not in text
