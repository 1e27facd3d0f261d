"""Witnesses through real bundles: two documenters, one coordinator, one custodian (end to end)."""

from __future__ import annotations

import json

import pytest

from app.services.custody import custodian
from app.services.exchange import acks, export, imports, organisation_profile, trust_list
from app.services.intake import cases, consent, witnesses
from app.services.vault import keys
from storage import keyfile
from storage.bundle import reader
from tests.bundle_support import make_vault
from tests.witness_support import CANARIES, canary_witness

CUSTODIAN_PASSPHRASE = "the keeper of names walks at dawn 77"


@pytest.fixture
def org(tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    key = custodian.create_key(tmp_path / "custodian.key", CUSTODIAN_PASSPHRASE, label="protection officer",
                               params=dict(keyfile.TEST_PARAMS))
    docs = [make_vault(tmp_path / n, name=n) for n in ("homs", "tartus")]
    yield coordinator, key, docs
    for v in (coordinator, *docs):
        v.lock()


def enroll_with_custodian(coordinator, key, *documenters):
    exported = organisation_profile.export_profile(coordinator, custodian_recipient=key.recipient)
    profile = organisation_profile.read_profile(exported)
    for d in documenters:
        organisation_profile.confirm_fingerprint(profile, profile.fingerprint)
        organisation_profile.import_profile(d, profile)
        trust_list.trust(coordinator, trust_list.read_identity(trust_list.export_identity(d)))


def case_citing(vault, code):
    case_id, _ = cases.save_case(vault, {"form": "kidnapping", "title": "roof", "narrative": "seen from a roof",
                                         "sources": [{"who": "eyewitness", "witness": code}]})
    return case_id


def bundle_records(path, coordinator) -> list[dict]:
    with open(path, "rb") as fh:
        verified = reader.read_bundle(fh, [coordinator.age_identity],
                                      lambda kid: trust_list.trusted_key(coordinator, kid))
    return [json.loads(raw) for raw in verified.records.values()]


def bundle_text(path, coordinator) -> str:
    return json.dumps(bundle_records(path, coordinator), ensure_ascii=False)


def test_witnesses_travel_sealed_get_linked_and_withdrawal_propagates(org, tmp_path):
    coordinator, key, (homs, tartus) = org
    # Entered before the profile: sealed to the documenter's vault until the export reseals it.
    early = witnesses.add_witness(homs, canary_witness(
        identity={"name_ar": "محمد أحمد الخليل", "phone": "+963 944 123 456"},
        consent={"given": True, "scope": ["internal", "publication"]}))
    assert witnesses.get_witness(homs, early).sealed_to == "vault"
    enroll_with_custodian(coordinator, key, homs, tartus)
    assert witnesses.get_witness(homs, early).sealed_to == "custodian"  # resealed by profile import
    local = witnesses.add_witness(homs, canary_witness(keep_local_copy=True))
    same = witnesses.add_witness(tartus, {"alias": "Abu Khalil", "identity": {
        "name_latin": "Muhammad Ahmed Al Khaleel", "phone": "0944123456"},
        "consent": {"given": True, "scope": ["internal"]}})
    case_citing(homs, early)
    case_citing(tartus, same)

    for i, doc in enumerate((homs, tartus)):
        result = export.export_bundle(doc, tmp_path / f"{i}.tawthiq")
        assert result.written
        text = bundle_text(tmp_path / f"{i}.tawthiq", coordinator)
        assert [c for c in CANARIES if c in text] == [] and "الخليل" not in text and "Khaleel" not in text
        [report] = imports.import_bundles(coordinator, [tmp_path / f"{i}.tawthiq"])
        assert report.status == "imported"
    held = {w.code: w for w in witnesses.list_witnesses(coordinator)}
    assert set(held) == {early, local, same}
    assert all(w.sealed_to == "custodian" and not w.has_local_copy for w in held.values())

    links = custodian.link(coordinator, key).new_links
    assert [(x["a"], x["b"]) for x in links] == [tuple(sorted((early, same)))]
    assert custodian.reveal(coordinator, key, local, "court summons")["name_latin"] == \
        canary_witness()["identity"]["name_latin"]

    # Acknowledged: nothing travels again until the witness changes.
    raw, _ = acks.export_ack(coordinator, keys.public_key(homs).id_hex)
    acks.import_ack(homs, raw)
    assert not export.export_bundle(homs, tmp_path / "again.tawthiq").written
    witnesses.withdraw_consent(homs, early, on="2026-11-24")
    result = export.export_bundle(homs, tmp_path / "2.tawthiq")
    carried = bundle_records(tmp_path / "2.tawthiq", coordinator)
    assert result.written and [r.get("code") for r in carried if r.get("kind") == "witness"] == [early]
    imports.import_bundles(coordinator, [tmp_path / "2.tawthiq"])
    assert witnesses.get_witness(coordinator, early).consent["withdrawn_on"] == "2026-11-24"
    bodies = [cases.get_case(coordinator, c) for c in cases.all_case_ids(coordinator)]
    _, report = consent.filter_cases(bodies, "publication", witnesses.consents(coordinator.connection()))
    assert report.to_json()["reasons"] == {"out_of_scope": 1, "withdrawn": 1}
