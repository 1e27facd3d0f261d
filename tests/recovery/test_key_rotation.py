"""Coordinator key rotation through a handover signed by the old key (issue 20 item 3).

After `keys rotate`: documenters accept the new profile only with the handover (or a new
fingerprint check); a handover not signed by the imported key is refused (exit 4) and changes
nothing; bundles made after the profile update are encrypted to the new key only; bundles and
attachments made for the old key stay readable by the coordinator, which kept it.
"""

from __future__ import annotations

import json
import os

import pyrage
import pytest

from app.services.exchange import export, imports, organisation_profile
from app.services.intake import cases
from app.services.vault import keys, rotation
from storage import audit, keyfile, signed_file
from storage.errors import BundleRejected
from storage.vault import Vault
from tests.bundle_support import Party, add_case, enroll, make_vault
from tests.conftest import PASSPHRASE, run_tawthiq


@pytest.fixture
def rotated(tmp_path):
    """A documenter's bundle 1 imported, then the coordinator rotates and exports its new profile."""
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="doc")
    enroll(coordinator, documenter)
    first = add_case(documenter, "before the rotation")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8" + os.urandom(50_000))
    cases.attach_file(documenter, first, tmp_path / "photo.jpg")
    export.export_bundle(documenter, tmp_path / "1.tawthiq")
    imports.import_bundle(coordinator, tmp_path / "1.tawthiq")
    old_identity = coordinator.age_identity
    old_fingerprint = keys.describe(coordinator).fingerprint
    handover = rotation.rotate_coordinator_keys(coordinator, PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS))
    profile = organisation_profile.export_profile(coordinator)
    yield documenter, coordinator, handover, profile, old_identity, old_fingerprint
    documenter.lock()
    coordinator.lock()


def test_the_rotation_gives_new_keys_and_keeps_the_old_ones_readable(rotated, tmp_path):
    documenter, coordinator, handover, _profile, old_identity, old_fingerprint = rotated
    assert keys.describe(coordinator).fingerprint != old_fingerprint
    assert str(coordinator.age_identity) != str(old_identity)
    entry = audit.entries(coordinator.connection())[-1]
    assert entry["action"] == "keys.rotate" and entry["subject"] == keys.describe(coordinator).key_id
    coordinator_dir = coordinator.path
    coordinator.lock()
    with Vault.unlock(coordinator_dir, PASSPHRASE) as reopened:  # the key file holds both
        assert len(reopened.age_identities) == 2
        for blob, sha256 in reopened.connection().execute("SELECT blob, sha256 FROM attachments"):
            reopened.blobs.read_into(blob, None, sha256)  # stored for the old key, still readable
        pyrage.decrypt((tmp_path / "1.tawthiq").read_bytes(), reopened.age_identities)
        with pytest.raises(pyrage.DecryptError):
            pyrage.decrypt((tmp_path / "1.tawthiq").read_bytes(), [reopened.age_identity])  # made for the old key
        assert audit.first_break(reopened.connection()) is None


def test_documenters_take_the_new_key_only_through_the_handover_and_encrypt_to_it(rotated, tmp_path):
    documenter, coordinator, handover, profile, old_identity, _ = rotated
    candidate = organisation_profile.read_profile(profile)
    with pytest.raises(organisation_profile.CoordinatorKeyChanged):
        organisation_profile.import_profile(documenter, candidate)

    organisation_profile.import_profile(documenter, candidate, handover=handover)
    entry = audit.entries(documenter.connection())[-1]
    assert entry["action"] == "profile.import" and entry["detail"]["key_changed_by"] == "handover"
    add_case(documenter, "after the rotation")
    second = export.export_bundle(documenter, tmp_path / "2.tawthiq")
    assert second.sequence == 2
    sealed = (tmp_path / "2.tawthiq").read_bytes()
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(sealed, [old_identity])  # not to the retired key
    pyrage.decrypt(sealed, [coordinator.age_identity])
    report = imports.import_bundle(coordinator, tmp_path / "2.tawthiq")
    assert report.sequence == 2 and report.gaps == [] and not report.already_imported


def test_a_handover_not_signed_by_the_imported_key_is_refused_and_nothing_changes(rotated, tmp_path):
    documenter, coordinator, handover, profile, _, _ = rotated
    candidate = organisation_profile.read_profile(profile)
    before = organisation_profile.current_coordinator_key(documenter)
    forger = Party()
    forged_doc = json.loads(json.loads(handover)["document"])
    forged_doc.pop("kind")
    forged = signed_file.seal(rotation.HANDOVER, forged_doc, forger.key, forger.key_id)
    envelope = json.loads(handover)
    envelope["document"] = envelope["document"].replace('"version": 1', '"version": 1 ')  # signature no longer holds
    unsigned = json.dumps(envelope).encode()
    stripped = json.dumps({**json.loads(handover), "minisig": ""}).encode()
    for bad in (forged, unsigned, stripped, b"not a handover"):
        with pytest.raises(BundleRejected) as refused:
            organisation_profile.import_profile(documenter, candidate, handover=bad)
        assert refused.value.exit_code == 4
        assert organisation_profile.current_coordinator_key(documenter) == before

    # The real handover with an impostor's profile: the key it names is not the profile's.
    impostor = make_vault(tmp_path / "impostor", role="coordinator", name="coord")
    try:
        other = organisation_profile.read_profile(organisation_profile.export_profile(impostor))
    finally:
        impostor.lock()
    with pytest.raises(BundleRejected) as refused:
        organisation_profile.import_profile(documenter, other, handover=handover)
    assert refused.value.code == "handover.other_key"
    assert organisation_profile.current_coordinator_key(documenter) == before


def test_a_new_fingerprint_check_also_accepts_the_new_key(rotated):
    documenter, coordinator, _handover, profile, _, _ = rotated
    candidate = organisation_profile.read_profile(profile)
    organisation_profile.confirm_fingerprint(candidate, keys.describe(coordinator).fingerprint)
    organisation_profile.import_profile(documenter, candidate, new_key_confirmed=True)
    assert organisation_profile.current_coordinator_key(documenter) == keys.public_key(coordinator)
    assert audit.entries(documenter.connection())[-1]["detail"]["key_changed_by"] == "new fingerprint check"


def test_cli_rotate_and_import_with_the_handover_and_refuse_an_unsigned_one(tmp_path, cli_vaults, passphrase_file):
    coord, coord_dir = cli_vaults("coord", "coordinator")
    doc, doc_dir = cli_vaults("doc", "documenter")

    def ok(result):
        assert result.returncode == 0, result.stderr
        return result.stdout.decode()

    ok(coord("profile", "export", "--out", str(tmp_path / "p1")))
    fingerprint = json.loads(ok(coord("keys", "--json")))["fingerprint"]
    ok(doc("profile", "import", str(tmp_path / "p1"), "--fingerprint", fingerprint))
    out = ok(coord("keys", "rotate", "--handover-out", str(tmp_path / "handover")))
    assert "coordinator keys rotated" in out
    ok(coord("profile", "export", "--out", str(tmp_path / "p2")))
    refused = doc("profile", "import", str(tmp_path / "p2"), "--fingerprint", fingerprint)
    assert refused.returncode == 4  # the old fingerprint does not fit the new key
    envelope = json.loads((tmp_path / "handover").read_bytes())
    envelope["minisig"] = envelope["minisig"].replace(envelope["minisig"].splitlines()[1], "A" * 100)
    (tmp_path / "unsigned").write_text(json.dumps(envelope))
    refused = doc("profile", "import", str(tmp_path / "p2"), "--handover", str(tmp_path / "unsigned"))
    assert refused.returncode == 4 and len(refused.stderr.splitlines()) == 1, refused.stderr
    shown = json.loads(ok(doc("profile", "show", "--json")))
    assert shown["coordinator_fingerprint"] == fingerprint  # nothing changed
    ok(doc("profile", "import", str(tmp_path / "p2"), "--handover", str(tmp_path / "handover")))
    new_fingerprint = json.loads(ok(coord("keys", "--json")))["fingerprint"]
    assert json.loads(ok(doc("profile", "show", "--json")))["coordinator_fingerprint"] == new_fingerprint
    assert run_tawthiq("--vault", str(doc_dir), "--passphrase-file", str(passphrase_file), "keys", "rotate",
                       "--handover-out", str(tmp_path / "h2")).returncode == 1  # documenters do not rotate
