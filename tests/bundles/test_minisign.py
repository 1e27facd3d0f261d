"""Minisign formats against the real `minisign` program, both directions, both algorithms."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.services.vault import keys
from storage import minisign
from storage.errors import BundleRejected, UsageError

needs_minisign = pytest.mark.interop  # required, never skipped: conftest checks it is installed
MESSAGE = b"d3b07384d113edec49eaa6238ad5ff00  records/x.json\n" * 3


def _key() -> tuple[Ed25519PrivateKey, bytes, minisign.PublicKey]:
    key = Ed25519PrivateKey.generate()
    key_id = bytes(range(1, 9))
    return key, key_id, minisign.PublicKey.from_private(key, key_id)


def _real_keypair(tmp_path: Path) -> tuple[Path, Path]:
    pub, sec = tmp_path / "real.pub", tmp_path / "real.key"
    subprocess.run(["minisign", "-G", "-W", "-p", str(pub), "-s", str(sec)], check=True, capture_output=True)
    return pub, sec


def test_round_trip_and_rejections():
    key, key_id, pub = _key()
    sig = minisign.sign(MESSAGE, key, key_id, "tawthiq bundle x sequence 1")
    parsed = minisign.Signature.parse(sig.file_text())
    assert parsed.algorithm == b"ED"
    assert minisign.verify(MESSAGE, parsed, pub) == "tawthiq bundle x sequence 1"
    with pytest.raises(BundleRejected):
        minisign.verify(MESSAGE + b"x", parsed, pub)
    # Swapping the trusted comment breaks the global signature.
    text = sig.file_text().replace("sequence 1", "sequence 2")
    with pytest.raises(BundleRejected):
        minisign.verify(MESSAGE, minisign.Signature.parse(text), pub)
    # Same key id, different key: refused.
    other = minisign.PublicKey.from_private(Ed25519PrivateKey.generate(), key_id)
    with pytest.raises(BundleRejected):
        minisign.verify(MESSAGE, parsed, other)
    for garbage in (b"", b"untrusted comment: x\n", b"\xff" * 10, b"a\nb\nc\nd\n", b"x" * 5000):
        with pytest.raises(BundleRejected):
            minisign.Signature.parse(garbage)


def test_public_key_file_round_trip():
    _key_, _id, pub = _key()
    assert minisign.PublicKey.parse_file(pub.file_text()) == pub
    assert minisign.PublicKey.parse_file(pub.base64()) == pub
    assert pub.id_hex == "0807060504030201"
    with pytest.raises(BundleRejected):
        minisign.PublicKey.parse_file("untrusted comment: x\nAAAA\n")


def test_fingerprint_is_twelve_groups_and_binds_the_whole_key():
    _k, key_id, pub = _key()
    fp = keys.fingerprint(pub)
    groups = fp.split(" ")
    assert len(groups) == 12 and all(len(g) == 5 and g.isdigit() for g in groups)
    other = minisign.PublicKey.from_private(Ed25519PrivateKey.generate(), key_id)
    assert keys.fingerprint(other) != fp
    arabic = fp.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")).replace(" ", "-")
    assert keys.normalise_fingerprint(arabic) == fp.replace(" ", "")
    with pytest.raises(UsageError):
        keys.normalise_fingerprint("12345 6789")


@pytest.mark.interop
@needs_minisign
@pytest.mark.parametrize("legacy", [False, True])
def test_real_minisign_signature_verifies_here(tmp_path, legacy):
    pub_file, sec = _real_keypair(tmp_path)
    message = tmp_path / "SHA256SUMS"
    message.write_bytes(MESSAGE)
    cmd = ["minisign", "-S", "-s", str(sec), "-m", str(message), "-t", "trusted words"]
    if legacy:
        cmd.insert(2, "-l")
    subprocess.run(cmd, check=True, capture_output=True, input=b"\n")
    sig = minisign.Signature.parse((tmp_path / "SHA256SUMS.minisig").read_bytes())
    assert sig.algorithm == (b"Ed" if legacy else b"ED")
    pub = minisign.PublicKey.parse_file(pub_file.read_text())
    assert minisign.verify(MESSAGE, sig, pub) == "trusted words"
    with pytest.raises(BundleRejected):
        minisign.verify(MESSAGE.replace(b"d3", b"d4", 1), sig, pub)


@pytest.mark.interop
@needs_minisign
def test_our_signature_verifies_with_real_minisign(tmp_path):
    key, key_id, pub = _key()
    (tmp_path / "SHA256SUMS").write_bytes(MESSAGE)
    (tmp_path / "SHA256SUMS.minisig").write_text(minisign.sign(MESSAGE, key, key_id, "our comment").file_text())
    (tmp_path / "ours.pub").write_text(pub.file_text())
    ok = subprocess.run(["minisign", "-Vm", "SHA256SUMS", "-p", "ours.pub"], cwd=tmp_path, capture_output=True)
    assert ok.returncode == 0, ok.stderr
    assert b"our comment" in ok.stdout
    (tmp_path / "SHA256SUMS").write_bytes(MESSAGE + b"\n")
    bad = subprocess.run(["minisign", "-Vm", "SHA256SUMS", "-p", "ours.pub"], cwd=tmp_path, capture_output=True)
    assert bad.returncode != 0
