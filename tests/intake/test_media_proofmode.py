"""Issue 21: a ProofMode bundle (media, proof CSV/JSON, detached OpenPGP signatures, public key)
read in memory and checked offline with pysequoia; bundles are made in the test."""

from __future__ import annotations

import hashlib

import pytest

from app.services.intake import cases
from app.services.media import proofmode
from storage.errors import TawthiqError
from tests import media_corpus as mc
from tests.bundle_support import add_case
from tests.conftest import run_tawthiq


def _attach(vault, tmp_path, raw: bytes) -> dict:
    (tmp_path / "bundle.zip").write_bytes(raw)
    return cases.attach_proofmode(vault, add_case(vault), tmp_path / "bundle.zip")


def test_a_signed_bundle_attaches_its_photo_with_the_check(vault, tmp_path):
    photo = mc.photo_with_exif(taken="2025:03:09 10:11:12", lat=34.73, lon=36.71)
    raw, fingerprint = mc.proofmode_bundle(photo)
    attachment = _attach(vault, tmp_path, raw)
    assert attachment["filename"] == "IMG_20250309_101112.jpg"
    assert attachment["sha256"] == hashlib.sha256(photo).hexdigest()
    assert cases.read_attachment(vault, attachment["id"]) == photo  # the photo, not the zip
    proof = attachment["provenance"]["proofmode"]
    assert proof["status"] == proofmode.SIGNED and proof["hash_matches"]
    assert proof["signatures"] == {"media": "good", "proof_json": "good", "proof_csv": "good"}
    assert proof["key_fingerprint"] == fingerprint
    assert proof["proof"]["Location.Latitude"] == "34.73"
    assert attachment["media"]["capture"]["gps"] == {"lat": 34.73, "lon": 36.71}  # read as any photo


def test_a_changed_photo_or_a_wrong_signature_is_invalid(vault, tmp_path):
    photo = mc.jpeg_bytes(mc.base_image(70))
    raw, _ = mc.proofmode_bundle(photo, proof_hash="ab" * 32)
    proof = _attach(vault, tmp_path, raw)["provenance"]["proofmode"]
    assert proof["status"] == proofmode.INVALID and not proof["hash_matches"]
    raw, _ = mc.proofmode_bundle(photo, signed_media=b"another file")
    proof = _attach(vault, tmp_path, raw)["provenance"]["proofmode"]
    assert proof["status"] == proofmode.INVALID and proof["hash_matches"] and proof["signatures"]["media"] == "bad"
    raw, _ = mc.proofmode_bundle(photo, sign=False)
    assert _attach(vault, tmp_path, raw)["provenance"]["proofmode"]["status"] == proofmode.UNSIGNED


@pytest.mark.parametrize("raw", [b"", b"PK\x03\x04 not a zip", mc.zip_bomb_as_jpeg()],
                         ids=["empty", "garbage", "zip bomb"])
def test_what_is_not_a_proofmode_bundle_attaches_nothing(vault, tmp_path, raw):
    case_id = add_case(vault)
    (tmp_path / "bundle.zip").write_bytes(raw)
    with pytest.raises(TawthiqError) as refused:
        cases.attach_proofmode(vault, case_id, tmp_path / "bundle.zip")
    assert refused.value.code == "proofmode.unreadable"
    assert cases.list_attachments(vault, case_id) == []
    assert list((vault.path / "blobs").iterdir()) == []


def test_the_command_line(vault, tmp_path, passphrase_file):
    case_id = add_case(vault)
    raw, fingerprint = mc.proofmode_bundle(mc.jpeg_bytes(mc.base_image(71)))
    (tmp_path / "bundle.zip").write_bytes(raw)
    vault.lock()
    r = run_tawthiq("--vault", str(vault.path), "--passphrase-file", str(passphrase_file), "case", "attach", case_id,
                    str(tmp_path / "bundle.zip"), "--proofmode")
    assert r.returncode == 0, r.stderr.decode()
    assert "proofmode: signed: file hash matches the proof" in r.stdout.decode()
    assert fingerprint in r.stdout.decode()
