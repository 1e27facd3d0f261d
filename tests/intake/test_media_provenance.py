"""Issue 21: C2PA provenance checked offline (c2pa-python) when a file is attached or imported:
trusted, valid but untrusted, and invalid are different outcomes; a file without a manifest says
nothing. The manifests are signed in the test by a test root made with `cryptography`."""

from __future__ import annotations

import pytest

from app.services.exchange import export, imports
from app.services.intake import cases
from app.services.media import provenance
from storage.errors import TawthiqError
from tests import media_corpus as mc
from tests.bundle_support import add_case, enroll, make_vault


@pytest.fixture(scope="module")
def signer():
    return mc.c2pa_test_signer()


def _attach(vault, tmp_path, name: str, data: bytes) -> dict:
    (tmp_path / name).write_bytes(data)
    return cases.attach_file(vault, add_case(vault, name), tmp_path / name)


def test_untrusted_trusted_invalid_and_none_are_told_apart(vault, tmp_path, signer):
    signed = mc.c2pa_signed_jpeg(signer, generator="TestCam")
    untrusted = _attach(vault, tmp_path, "a.jpg", signed)["provenance"]
    assert untrusted["status"] == provenance.UNTRUSTED
    assert untrusted["signer"] == "Test Camera Signer" and untrusted["issuer"] == "Test Newsroom"
    assert untrusted["claim_generator"] == "TestCam 1.0" and "c2pa.created" in untrusted["actions"]
    assert "signingCredential.untrusted" in untrusted["failures"]

    invalid = _attach(vault, tmp_path, "b.jpg", mc.tampered(signed))["provenance"]
    assert invalid["status"] == provenance.INVALID and invalid["failures"]

    assert provenance.set_trust_anchors(vault, signer.root_pem) == 1
    trusted = _attach(vault, tmp_path, "c.jpg", mc.c2pa_signed_jpeg(signer, seed=4))["provenance"]
    assert trusted["status"] == provenance.TRUSTED and trusted["failures"] == []
    # Another root is not trusted because one is.
    stranger = mc.c2pa_signed_jpeg(mc.c2pa_test_signer("Stranger"), seed=5)
    assert _attach(vault, tmp_path, "d.jpg", stranger)["provenance"]["status"] == provenance.UNTRUSTED

    plain = _attach(vault, tmp_path, "e.jpg", mc.jpeg_bytes(mc.base_image(6)))["provenance"]
    assert plain == {"status": provenance.NONE}
    truncated = _attach(vault, tmp_path, "f.jpg", signed[: len(signed) // 3])["provenance"]
    assert truncated["status"] in (provenance.UNREADABLE, provenance.INVALID)


def test_trust_anchors_must_be_certificates(vault):
    with pytest.raises(TawthiqError) as refused:
        provenance.set_trust_anchors(vault, b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    assert refused.value.code == "media.trust_anchors_unreadable"
    assert provenance.trust_anchors(vault) is None


def test_the_coordinator_checks_provenance_against_its_own_anchors(tmp_path, signer):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    homs = make_vault(tmp_path / "homs", name="homs")
    enroll(coordinator, homs)
    provenance.set_trust_anchors(coordinator, signer.root_pem)
    attachment = _attach(homs, tmp_path, "a.jpg", mc.c2pa_signed_jpeg(signer))
    assert attachment["provenance"]["status"] == provenance.UNTRUSTED  # the documenter has no anchors
    path = tmp_path / "homs.tawthiq"
    assert export.export_bundle(homs, path).written
    imports.import_bundle(coordinator, path)
    held = cases.media_view(coordinator, attachment["id"])["provenance"]
    assert held["status"] == provenance.TRUSTED and held["signer"] == "Test Camera Signer"
    homs.lock()
    coordinator.lock()
