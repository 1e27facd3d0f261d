"""Profile, identity and trust: fingerprints are checked, changed keys are refused loudly."""

from __future__ import annotations

import json
import os

import pytest

from app.services.exchange import organisation_profile, trust_list
from app.services.vault import keys
from storage import keyfile
from storage.errors import BundleRejected, TawthiqError
from storage.vault import Vault
from tests.conftest import PASSPHRASE, snapshot


def _vault(path, role="documenter", name="v"):
    return Vault.create(path, PASSPHRASE, role=role, name=name, kdf_params=dict(keyfile.TEST_PARAMS))


def test_profile_round_trip_and_custodian_setting(vault, coordinator_vault, tmp_path):
    custodian = _vault(tmp_path / "custodian")
    raw = organisation_profile.export_profile(coordinator_vault, custodian.age_recipient)
    candidate = organisation_profile.read_profile(raw)
    assert candidate.fingerprint == keys.describe(coordinator_vault).fingerprint
    organisation_profile.confirm_fingerprint(candidate, candidate.fingerprint.replace(" ", "-"))
    summary = organisation_profile.import_profile(vault, candidate)
    assert summary["coordinator_recipients"] == [coordinator_vault.age_recipient]
    assert vault.setting("profile.custodian_recipient") == custodian.age_recipient
    # Re-importing a newer profile from the same coordinator is fine.
    exported = organisation_profile.export_profile(coordinator_vault)
    organisation_profile.import_profile(vault, organisation_profile.read_profile(exported))
    custodian.lock()


def test_documenter_cannot_export_a_profile(vault):
    with pytest.raises(TawthiqError):
        organisation_profile.export_profile(vault)


def test_changed_coordinator_key_is_refused(vault, coordinator_vault, tmp_path):
    exported = organisation_profile.export_profile(coordinator_vault)
    organisation_profile.import_profile(vault, organisation_profile.read_profile(exported))
    impostor = _vault(tmp_path / "impostor", role="coordinator")
    other = organisation_profile.read_profile(organisation_profile.export_profile(impostor))
    before = vault.setting("profile.coordinator_key")
    with pytest.raises(BundleRejected, match="REFUSED"):
        organisation_profile.import_profile(vault, other)
    assert vault.setting("profile.coordinator_key") == before
    impostor.lock()


def test_tampered_profile_is_refused(coordinator_vault):
    raw = organisation_profile.export_profile(coordinator_vault)
    envelope = json.loads(raw)
    envelope["document"] = envelope["document"].replace(coordinator_vault.age_recipient, "age1" + "q" * 58)
    with pytest.raises(BundleRejected):
        organisation_profile.read_profile(json.dumps(envelope).encode())
    with pytest.raises(BundleRejected):
        organisation_profile.read_profile(b"garbage")
    # An identity file is not a profile.
    with pytest.raises(BundleRejected):
        organisation_profile.read_profile(trust_list.export_identity(coordinator_vault))


def test_trust_revoke_and_same_key_id_different_key(vault, coordinator_vault, tmp_path):
    candidate = trust_list.read_identity(trust_list.export_identity(vault))
    result = trust_list.trust(coordinator_vault, candidate)
    key_id = result["key_id"]
    assert trust_list.trusted_key(coordinator_vault, key_id) == keys.public_key(vault)
    # A second vault whose key id is forced equal: refused, and the first key stays trusted.
    twin_dir = tmp_path / "twin"
    twin = _vault(twin_dir)
    twin._keys.signing_key_id = vault.signing_key_id  # what an attacker copying the id would do
    with pytest.raises(BundleRejected, match="same key id"):
        trust_list.trust(coordinator_vault, trust_list.read_identity(trust_list.export_identity(twin)))
    assert trust_list.trusted_key(coordinator_vault, key_id) == keys.public_key(vault)
    trust_list.revoke(coordinator_vault, key_id)
    assert trust_list.trusted_key(coordinator_vault, key_id) is None
    assert trust_list.list_trusted(coordinator_vault)[0]["revoked_at"]
    twin.lock()


def test_cli_enrollment_flow(cli_vaults, tmp_path):
    coord, _ = cli_vaults("coord", "coordinator")
    doc, doc_dir = cli_vaults("doc", "documenter")
    profile = tmp_path / "org.profile"
    assert coord("profile", "export", "--out", str(profile)).returncode == 0
    coord_fp = json.loads(coord("keys", "--json").stdout)["fingerprint"]
    before = snapshot(doc_dir)
    # No fingerprint and no terminal: refused, usage.
    r = doc("profile", "import", str(profile), input=b"")
    assert r.returncode == 2 and b"fingerprint" in r.stderr
    # Wrong fingerprint: exit 4, one line, nothing changed.
    wrong = "0" * 60 if coord_fp.replace(" ", "") != "0" * 60 else "1" * 60
    r = doc("profile", "import", str(profile), "--fingerprint", wrong)
    assert r.returncode == 4 and len(r.stderr.decode().strip().splitlines()) == 1
    assert snapshot(doc_dir) == before
    assert doc("profile", "import", str(profile), "--fingerprint", coord_fp).returncode == 0
    assert json.loads(doc("profile", "show", "--json").stdout)["coordinator_fingerprint"] == coord_fp
    # Identity → trust on the coordinator.
    ident = tmp_path / "doc.identity"
    assert doc("identity", "export", "--out", str(ident)).returncode == 0
    doc_keys = json.loads(doc("keys", "--json").stdout)
    r = coord("trust", str(ident), "--fingerprint", doc_keys["fingerprint"])
    assert r.returncode == 0, r.stderr
    listed = json.loads(coord("trust", "--list", "--json").stdout)
    assert [x["key_id"] for x in listed] == [doc_keys["key_id"]] and listed[0]["revoked_at"] is None
    assert coord("trust", "--revoke", doc_keys["key_id"]).returncode == 0
    assert json.loads(coord("trust", "--list", "--json").stdout)[0]["revoked_at"]
    assert coord("trust", "--revoke", "0000000000000000").returncode == 1
    # A second coordinator's profile: refused loudly.
    other, _ = cli_vaults("other", "coordinator")
    assert other("profile", "export", "--out", str(tmp_path / "other.profile")).returncode == 0
    other_fp = json.loads(other("keys", "--json").stdout)["fingerprint"]
    r = doc("profile", "import", str(tmp_path / "other.profile"), "--fingerprint", other_fp)
    assert r.returncode == 4 and b"REFUSED" in r.stderr
    assert os.path.exists(profile)
