"""Witness records in bundles: what leaves the documenter, and applying them on a coordinator."""

from __future__ import annotations

import base64
import json

import pyrage
import pytest

from app.services.exchange import witness_records
from app.services.intake import consent, witnesses
from storage import audit
from storage.database import transaction
from storage.errors import BundleRejected
from tests.witness_support import CANARY_AR, CANARY_LATIN, canary_witness


@pytest.fixture
def custodian():
    return pyrage.x25519.Identity.generate()


def provenance(seq=1, documenter="aa11"):
    return {"documenter": documenter, "bundle_id": f"b{seq}", "sequence": seq, "received_at": audit.now_iso()}


def apply(coordinator, records, **prov):
    conn = coordinator.connection()
    with transaction(conn):
        return [witness_records.apply_bundle_record(conn, json.loads(json.dumps(r)), provenance(**prov))
                for r in records]


def test_records_carry_the_custodian_sealed_identity_only(vault, custodian):
    pending = witnesses.add_witness(vault, canary_witness(keep_local_copy=True))  # no profile yet
    records = witness_records.bundle_records(vault)
    assert records[0]["code"] == pending and records[0]["sealed_identity"] is None
    vault.set_setting(witnesses.CUSTODIAN_SETTING, str(custodian.to_public()))
    witnesses.reseal(vault)
    code = witnesses.add_witness(vault, canary_witness(keep_local_copy=True))
    records = witness_records.bundle_records(vault)
    assert {r["code"] for r in records} == {pending, code}
    text = json.dumps(records, ensure_ascii=False)
    for canary in (CANARY_AR, CANARY_LATIN, "Canary Street"):
        assert canary not in text
    for r in records:
        sealed = base64.b64decode(r["sealed_identity"]["age"])
        with pytest.raises(pyrage.DecryptError):
            pyrage.decrypt(sealed, [vault.age_identity])  # not the local copy
        assert json.loads(pyrage.decrypt(sealed, [custodian]))["name_latin"] == CANARY_LATIN


def test_incremental_and_withdrawal_propagates_on_the_next_bundle(vault, custodian, coordinator_vault):
    vault.set_setting(witnesses.CUSTODIAN_SETTING, str(custodian.to_public()))
    code = witnesses.add_witness(vault, canary_witness(consent={"given": True, "scope": ["internal", "publication"]}))
    first = witness_records.bundle_records(vault)
    assert apply(coordinator_vault, first) == ["new"]
    assert apply(coordinator_vault, first, seq=1) == ["unchanged"]  # a replay changes nothing
    since = first[-1]["updated_at"]
    assert witness_records.bundle_records(vault, since) == []
    witnesses.withdraw_consent(vault, code, on="2026-11-24")
    second = witness_records.bundle_records(vault, since)
    assert [r["code"] for r in second] == [code]
    assert apply(coordinator_vault, second, seq=2) == ["updated"]
    held = witnesses.get_witness(coordinator_vault, code)
    assert held.origin == "aa11" and held.consent["withdrawn_on"] == "2026-11-24"
    with pytest.raises(witnesses.ReceivedWitness):
        witnesses.set_consent(coordinator_vault, code, {"given": True, "scope": ["publication"]})
    with pytest.raises(witnesses.ReceivedWitness):
        witnesses.update_witness(coordinator_vault, code, {"risk": "low"})
    case = {"sources": [{"who": "eyewitness", "witness": code}]}
    _, report = consent.filter_cases([case], "publication", witnesses.consents(coordinator_vault.connection()))
    assert report.to_json()["reasons"] == {"withdrawn": 1}
    assert apply(coordinator_vault, first, seq=3) == ["unchanged"]  # the old record does not undo it
    assert witnesses.get_witness(coordinator_vault, code).consent["withdrawn_on"] == "2026-11-24"
    rows = coordinator_vault.connection().execute("SELECT bundle_id FROM witness_provenance ORDER BY sequence")
    assert [r[0] for r in rows] == ["b1", "b2", "b3"]
    # What the coordinator acknowledges is exactly the version the documenter tracks as sent.
    assert witness_records.held_versions(coordinator_vault.connection(), "aa11") == [
        witness_records.record_version(second[0])]
    assert witness_records.record_version(first[0])[1] == 1 and witness_records.record_version(second[0])[1] == 2


def good_record(custodian):
    return {"kind": "witness", "id": "W-7KQ3-M9XD", "code": "W-7KQ3-M9XD", "revision": 1, "alias": "A",
            "relation": "", "risk": "low", "follow_up": "", "consent": {"given": True, "scope": ["internal"]},
            "updated_at": audit.now_iso(),
            "sealed_identity": {"age": base64.b64encode(pyrage.encrypt(b"{}", [custodian.to_public()])).decode(),
                                "recipient": str(custodian.to_public())}}


@pytest.mark.parametrize("change", [
    {"code": "W-7KQ3-M9X"},
    {"code": "'; DROP TABLE witnesses; --"},
    {"kind": "case"},
    {"risk": "extreme"},
    {"consent": {"scope": ["world"]}},
    {"name_latin": CANARY_LATIN},
    {"sealed_identity": {"age": base64.b64encode(CANARY_LATIN.encode()).decode(), "recipient": "age1x"}},
    {"sealed_identity": {"age": "not base64!", "recipient": "age1x"}},
    {"sealed_identity": {"age": "QUFB" * 30000, "recipient": "age1x"}},
    {"updated_at": None},
    {"revision": 0},
    {"revision": True},
    {"id": "W-AAAA-AAAA"},
])
def test_a_bad_record_is_rejected_and_the_import_changes_nothing(custodian, coordinator_vault, change):
    record = {**good_record(custodian), **change}
    before = list(coordinator_vault.connection().execute("SELECT * FROM witnesses"))
    with pytest.raises(BundleRejected) as exc:
        apply(coordinator_vault, [good_record(custodian) | {"code": "W-AAAA-BBBB"}, record])
    assert exc.value.exit_code == 4 and CANARY_LATIN not in str(exc.value)
    assert list(coordinator_vault.connection().execute("SELECT * FROM witnesses")) == before


def test_a_pseudonym_of_another_documenter_is_refused(custodian, coordinator_vault):
    apply(coordinator_vault, [good_record(custodian)], documenter="aa11")
    later = good_record(custodian) | {"alias": "forged"}
    with pytest.raises(BundleRejected):
        apply(coordinator_vault, [later], documenter="bb22", seq=9)
    assert witnesses.get_witness(coordinator_vault, "W-7KQ3-M9XD").alias == "A"
