"""Custodian key rotation (issue 20 item 3): every sealed identity moves to the new key, which
opens them; the old key no longer does; links and keyed tags stay valid (same link key); an
identity still arriving sealed to the old key is accepted and moved by running it again."""

from __future__ import annotations

import pytest

from app.services.custody import custodian
from app.services.exchange import export, imports, organisation_profile, trust_list
from app.services.intake import witnesses
from storage import audit, keyfile
from tests.bundle_support import make_vault
from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE
from tests.witness_support import canary_witness


def test_rotation_reseals_every_identity_to_the_new_key(tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="doc")
    late = make_vault(tmp_path / "late", name="late")  # will not import the new profile in time
    try:
        old_path = tmp_path / "custodian.key"
        old = custodian.create_key(old_path, PASSPHRASE, "officer", params=dict(keyfile.TEST_PARAMS))
        profile = organisation_profile.read_profile(
            organisation_profile.export_profile(coordinator, custodian_recipient=old.recipient))
        for d in (documenter, late):
            organisation_profile.import_profile(d, profile)
            trust_list.trust(coordinator, trust_list.read_identity(trust_list.export_identity(d)))
        code = witnesses.add_witness(documenter, canary_witness())
        export.export_bundle(documenter, tmp_path / "1.tawthiq")
        imports.import_bundle(coordinator, tmp_path / "1.tawthiq")
        before = custodian.reveal(coordinator, old, code, "before the rotation")

        report = custodian.rotate_key(coordinator, old, tmp_path / "new.key", OTHER_PASSPHRASE,
                                      params=dict(keyfile.TEST_PARAMS))
        assert report.created and report.resealed == 1
        new = custodian.unlock_key(tmp_path / "new.key", OTHER_PASSPHRASE)
        assert new.recipient == report.recipient != old.recipient and new.link_key == old.link_key
        assert custodian.reveal(coordinator, new, code, "after the rotation") == before
        with pytest.raises(witnesses.IdentityUnavailable):
            custodian.reveal(coordinator, old, code, "with the retired key")
        entry = [e for e in audit.entries(coordinator.connection()) if e["action"] == "custodian.rotate"][-1]
        assert entry["detail"] == {"old": old.fingerprint, "resealed": 1}

        # The next profile names the new custodian; a documenter still on the old profile sends an
        # identity sealed to the old key: accepted, then moved by running the rotation again.
        assert organisation_profile.read_profile(
            organisation_profile.export_profile(coordinator)).document["custodian_recipient"] == new.recipient
        late_code = witnesses.add_witness(late, canary_witness(alias="Layla"))
        export.export_bundle(late, tmp_path / "late.tawthiq")
        imports.import_bundle(coordinator, tmp_path / "late.tawthiq")
        again = custodian.rotate_key(coordinator, old, tmp_path / "new.key", OTHER_PASSPHRASE)
        assert not again.created and again.resealed == 1
        assert custodian.reveal(coordinator, new, late_code, "after the second pass")["name_latin"]
    finally:
        for v in (coordinator, documenter, late):
            v.lock()


def test_a_key_file_that_is_not_a_successor_is_refused(coordinator_vault, tmp_path):
    old = custodian.create_key(tmp_path / "a.key", PASSPHRASE, params=dict(keyfile.TEST_PARAMS))
    custodian.create_key(tmp_path / "b.key", OTHER_PASSPHRASE, params=dict(keyfile.TEST_PARAMS))
    with pytest.raises(custodian.CustodianKeyError) as refused:
        custodian.rotate_key(coordinator_vault, old, tmp_path / "b.key", OTHER_PASSPHRASE)
    assert refused.value.code == "custodian.not_successor"
