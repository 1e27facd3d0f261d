"""Consent rules and the export filter, on consent records stored in a real vault."""

from __future__ import annotations

import pytest

from app.services.intake import cases, consent, witnesses
from tests.witness_support import canary_witness


def record(scope, given=True, withdrawn_on=None):
    return consent.check_consent({"given": given, "how": "written", "date": "2026-10-01",
                                  "recorded_by": "doc-1", "scope": scope, "withdrawn_on": withdrawn_on})


def test_allowed_follows_given_scope_and_withdrawal():
    internal_only = record(["internal"])
    assert consent.allowed(internal_only, "internal")
    assert not consent.allowed(internal_only, "publication")
    assert consent.refusal(internal_only, "publication") == "out_of_scope"
    assert consent.refusal(record(["internal"], given=False), "internal") == "no_consent"
    assert consent.refusal(record(list(consent.PURPOSES), withdrawn_on="2026-11-01"), "internal") == "withdrawn"
    assert consent.refusal(None, "courts") == "no_consent"
    assert consent.refusal({"given": True, "scope": "courts"}, "courts") == "out_of_scope"
    with pytest.raises(consent.InvalidConsent):
        consent.allowed(internal_only, "everyone")


def test_scope_is_kept_in_canonical_order_and_bad_records_are_refused():
    assert record(["publication", "internal"])["scope"] == ["internal", "publication"]
    for bad in ({"scope": "internal"}, {"date": "1 May"}, {"how": "telepathy"}, {"extra": 1}, [],
                {"name_disclosure": "no"}):
        with pytest.raises(consent.InvalidConsent):
            consent.check_consent(bad)


def case_with_sources(*codes):
    return {"form": "kidnapping", "title": "t", "sources": [
        *({"who": "eyewitness", "witness": c, "statement": f"statement of {c}"} for c in codes),
        {"who": "monitor report", "attachment": "0b7c6a52-3f1e-4c55-9d7a-2a51c1f0e3aa"},
    ]}


def test_publication_export_excludes_a_witness_who_consented_to_internal_use_only(vault):
    internal = witnesses.add_witness(vault, canary_witness(consent={"given": True, "scope": ["internal"]}))
    public = witnesses.add_witness(
        vault, canary_witness(consent={"given": True, "scope": ["internal", "publication"]}))
    case_id, _ = cases.save_case(vault, case_with_sources(internal, public))
    body = cases.get_case(vault, case_id)
    out, report = consent.filter_cases([body], "publication", witnesses.consents(vault.connection()))
    kept = [s.get("witness") for s in out[0]["sources"]]
    assert kept == [public, None]  # the monitor report stays
    assert internal not in str(out)
    assert report.to_json() == {"purpose": "publication", "mode": "omit", "statements_kept": 1,
                                "statements_withheld": 1, "reasons": {"out_of_scope": 1},
                                "witnesses_withheld": [internal]}
    assert "1 witness statement(s) left out" in report.lines()[0]
    # Internal analysis keeps both; the input was not modified.
    out, report = consent.filter_cases([body], "internal", witnesses.consents(vault.connection()))
    assert report.statements_withheld == 0 and len(out[0]["sources"]) == 3
    assert len(body["sources"]) == 3


def test_withdrawal_and_unknown_pseudonyms_are_withheld_and_redact_mode_leaves_no_trace(vault):
    code = witnesses.add_witness(vault, canary_witness(consent={"given": True, "scope": list(consent.PURPOSES)}))
    witnesses.withdraw_consent(vault, code)
    body = case_with_sources(code, "W-ZZZZ-ZZZZ")
    out, report = consent.filter_cases([body], "courts", witnesses.consents(vault.connection()), mode="redact")
    assert out[0]["sources"][:2] == [{"who": "eyewitness", "redacted": "consent"}] * 2
    assert "statement of" not in str(out)
    assert report.to_json()["reasons"] == {"unknown_witness": 1, "withdrawn": 1}
