"""`tawthiq keys`: the public keys a vault shows, and the written key file works with minisign."""

from __future__ import annotations

import json
import subprocess

import pytest

from app.services.vault import keys
from storage import minisign


def test_keys_json_matches_the_vault(tmp_path, passphrase_file, tawthiq, vault):
    # A second vault through the CLI; the fixture vault gives the service-level comparison.
    d = tmp_path / "cli"
    assert tawthiq("--vault", str(d), "--passphrase-file", str(passphrase_file), "init").returncode == 0
    r = tawthiq("--vault", str(d), "--passphrase-file", str(passphrase_file), "keys", "--json",
                "--minisign-out", str(tmp_path / "me.pub"))
    assert r.returncode == 0, r.stderr
    shown = json.loads(r.stdout)
    assert set(shown) >= {"age_recipient", "minisign_public_key", "fingerprint", "key_id", "qr_payload"}
    assert shown["age_recipient"].startswith("age1")
    pub = minisign.PublicKey.parse_file((tmp_path / "me.pub").read_text())
    assert pub.id_hex == shown["key_id"] and keys.fingerprint(pub) == shown["fingerprint"]
    info = keys.describe(vault)
    assert info.fingerprint != shown["fingerprint"]
    assert info.qr_payload.endswith(info.fingerprint.replace(" ", ""))
    text = tawthiq("--vault", str(d), "--passphrase-file", str(passphrase_file), "keys")
    assert shown["fingerprint"] in text.stdout.decode()


@pytest.mark.interop
def test_vault_signature_checks_with_real_minisign(vault, tmp_path):
    (tmp_path / "m").write_bytes(b"hello\n")
    sig = minisign.sign(b"hello\n", vault.signing_key, vault.signing_key_id, "c")
    (tmp_path / "m.minisig").write_text(sig.file_text())
    (tmp_path / "v.pub").write_text(keys.describe(vault).minisign_public_key)
    r = subprocess.run(["minisign", "-Vm", "m", "-p", "v.pub"], cwd=tmp_path, capture_output=True)
    assert r.returncode == 0, r.stderr
