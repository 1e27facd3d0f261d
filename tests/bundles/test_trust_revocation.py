"""A revoked documenter key stays revoked: importing its identity file again is refused, under its
own key id or a new one; only `trust --reinstate` (fingerprint typed again, audited) undoes it."""

from __future__ import annotations

import json

import pytest

from app.services.exchange import export, imports, trust_list
from app.services.vault import keys
from storage import audit
from storage.errors import BundleRejected, UsageError
from tests.bundle_support import add_case, content_digest, enroll, make_vault
from tests.conftest import snapshot


@pytest.fixture
def revoked(tmp_path):
    """A coordinator that trusted a documenter, imported one bundle, then revoked the key."""
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    documenter = make_vault(tmp_path / "doc", name="doc")
    enroll(coordinator, documenter)
    add_case(documenter, "before the revocation")
    export.export_bundle(documenter, tmp_path / "1.tawthiq")
    assert [r.status for r in imports.import_bundles(coordinator, [tmp_path / "1.tawthiq"])] == ["imported"]
    key_id = keys.public_key(documenter).id_hex
    trust_list.revoke(coordinator, key_id)
    yield coordinator, documenter, key_id, tmp_path
    documenter.lock()
    coordinator.lock()


def _trust_rows(vault):
    return vault.connection().execute(
        "SELECT key_id, public_key, name, age_recipient, trusted_at, revoked_at FROM trusted_documenters"
    ).fetchall()


def test_trusting_the_same_identity_again_is_refused_and_changes_nothing(revoked):
    coordinator, documenter, key_id, tmp = revoked
    identity = trust_list.read_identity(trust_list.export_identity(documenter))
    rows, log = _trust_rows(coordinator), audit.entries(coordinator.connection())
    with pytest.raises(BundleRejected, match=f"REFUSED: key {key_id} was revoked"):
        trust_list.trust(coordinator, identity)
    assert _trust_rows(coordinator) == rows and audit.entries(coordinator.connection()) == log
    assert trust_list.trusted_key(coordinator, key_id) is None
    # The documenter's next bundle is still refused, and the vault's content stays as it was.
    add_case(documenter, "after the revocation")
    export.export_bundle(documenter, tmp / "2.tawthiq")
    before = content_digest(coordinator)
    [report] = imports.import_bundles(coordinator, [tmp / "2.tawthiq"])
    assert report.status == "rejected" and report.exit_code == 4 and "does not trust" in report.error
    assert content_digest(coordinator) == before


def test_the_same_key_under_a_new_key_id_is_refused(revoked):
    """The key id is a label the key's holder chooses: a thief could relabel a stolen key."""
    coordinator, documenter, key_id, _ = revoked
    documenter._keys.signing_key_id = bytes(8)  # what the holder of the revoked key could do
    relabelled = trust_list.read_identity(trust_list.export_identity(documenter))
    assert relabelled.signer.id_hex != key_id
    rows = _trust_rows(coordinator)
    with pytest.raises(BundleRejected, match=f"key {key_id} was revoked"):
        trust_list.trust(coordinator, relabelled)
    assert _trust_rows(coordinator) == rows
    assert trust_list.trusted_key(coordinator, relabelled.signer.id_hex) is None


def test_reinstate_needs_the_right_fingerprint_and_is_audited(revoked):
    coordinator, documenter, key_id, tmp = revoked
    fingerprint = keys.describe(documenter).fingerprint
    rows = _trust_rows(coordinator)
    wrong = "1" * 60 if fingerprint.replace(" ", "") != "1" * 60 else "2" * 60
    with pytest.raises(BundleRejected, match="fingerprint does not match"):
        trust_list.reinstate(coordinator, key_id, wrong)
    with pytest.raises(UsageError):
        trust_list.reinstate(coordinator, key_id, "12345")
    assert _trust_rows(coordinator) == rows
    trust_list.reinstate(coordinator, key_id.lower(), fingerprint)
    assert trust_list.trusted_key(coordinator, key_id) == keys.public_key(documenter)
    assert [e["action"] for e in audit.entries(coordinator.connection())][-1] == "trust.reinstate"
    with pytest.raises(Exception, match="no revoked documenter"):
        trust_list.reinstate(coordinator, key_id, fingerprint)  # not revoked any more
    add_case(documenter, "after the reinstatement")
    export.export_bundle(documenter, tmp / "2.tawthiq")
    assert [r.status for r in imports.import_bundles(coordinator, [tmp / "2.tawthiq"])] == ["imported"]


def test_cli_refuses_to_trust_a_revoked_key_and_reinstates_only_on_purpose(cli_vaults, tmp_path):
    coord, coord_dir = cli_vaults("coord", "coordinator")
    doc, _ = cli_vaults("doc", "documenter")
    ident = tmp_path / "doc.identity"
    assert doc("identity", "export", "--out", str(ident)).returncode == 0
    doc_keys = json.loads(doc("keys", "--json").stdout)
    key_id, fingerprint = doc_keys["key_id"], doc_keys["fingerprint"]
    assert coord("trust", str(ident), "--fingerprint", fingerprint).returncode == 0
    assert coord("trust", "--revoke", key_id).returncode == 0
    before = snapshot(coord_dir)

    r = coord("trust", str(ident), "--fingerprint", fingerprint)
    lines = r.stderr.decode().strip().splitlines()
    assert r.returncode == 4 and len(lines) == 1 and r.stdout == b""
    assert f"REFUSED: key {key_id} was revoked" in lines[0] and "--reinstate" in lines[0]
    assert snapshot(coord_dir) == before
    # Reinstating is a separate, deliberate act: without the fingerprint, or with a wrong one, nothing.
    r = coord("trust", "--reinstate", key_id, input=b"yes\n")
    assert r.returncode == 2 and len(r.stderr.decode().strip().splitlines()) == 1
    wrong = "1" * 60 if fingerprint.replace(" ", "") != "1" * 60 else "2" * 60
    r = coord("trust", "--reinstate", key_id, "--fingerprint", wrong)
    assert r.returncode == 4 and len(r.stderr.decode().strip().splitlines()) == 1
    assert snapshot(coord_dir) == before

    r = coord("trust", "--reinstate", key_id, "--fingerprint", fingerprint)
    assert r.returncode == 0, r.stderr
    assert json.loads(coord("trust", "--list", "--json").stdout)[0]["revoked_at"] is None
    assert coord("trust", "--reinstate", key_id, "--fingerprint", fingerprint).returncode == 1
