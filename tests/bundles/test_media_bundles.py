"""Issue 21: perceptual hashes and capture metadata travel in bundles, so a coordinator recognises
the same photo or video sent by two documenters without decoding it again; bundles without them
(made before) still import; hostile media records are refused (tests/hostile_corpus.py, media: …)."""

from __future__ import annotations

from PIL import ImageOps

from app.commands.bundle_import import alike_line
from app.services.exchange import export, imports
from app.services.intake import cases
from app.services.media import sightings
from app.services.vault import keys
from tests import media_corpus as mc
from tests.bundle_support import add_case, enroll, make_vault


def _attach(vault, tmp_path, name: str, data: bytes) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    return cases.attach_file(vault, add_case(vault, name), path)


def test_a_photo_sent_by_two_documenters_is_flagged_with_its_earliest_sighting(tmp_path):
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    homs, tartus = make_vault(tmp_path / "homs", name="homs"), make_vault(tmp_path / "tartus", name="tartus")
    enroll(coordinator, homs, tartus)
    original = mc.base_image(31)
    first = _attach(homs, tmp_path, "homs.jpg", mc.photo_with_exif(seed=31, taken="2025:03:09 10:00:00",
                                                                    lat=34.73, lon=36.71, make="Samsung"))
    _attach(tartus, tmp_path, "other.jpg", mc.jpeg_bytes(mc.base_image(32)))
    second = _attach(tartus, tmp_path, "tartus.jpg", mc.jpeg_bytes(ImageOps.mirror(original).resize((320, 240)), 55))
    bundles = []
    for vault, name in ((homs, "homs"), (tartus, "tartus")):
        path = tmp_path / f"{name}.tawthiq"
        assert export.export_bundle(vault, path).written
        bundles.append(path)

    homs_report = imports.import_bundle(coordinator, bundles[0])
    assert homs_report.alike == []
    tartus_report = imports.import_bundle(coordinator, bundles[1])
    [entry] = tartus_report.alike
    assert entry["attachment_id"] == second["id"]
    earliest = entry["earliest"]
    assert earliest["attachment_id"] == first["id"]
    assert earliest["seen_from"] == keys.public_key(homs).id_hex and earliest["seen_from_name"] == "homs"
    assert earliest["seen_at"] == homs_report_received_at(coordinator, first["id"])
    assert earliest["mirrored"] is True
    line = alike_line(entry)
    assert "looks like a photo received on" in line and "from homs" in line
    # What the documenter's app read travels with the file: the coordinator did not decode it.
    conn = coordinator.connection()
    record = sightings.media_record(conn, first["id"])
    assert record["read_here"] is False and record["capture"]["make"] == "Samsung"
    assert record["capture"]["gps"] == {"lat": 34.73, "lon": 36.71}
    assert sightings.stored_hashes(conn, first["id"]).pictures == sightings.stored_hashes(
        homs.connection(), first["id"]).pictures
    assert tartus_report.to_json()["alike"] == [entry]
    for v in (homs, tartus, coordinator):
        v.lock()


def homs_report_received_at(coordinator, attachment_id: str) -> str:
    return coordinator.connection().execute(
        "SELECT seen_at FROM attachment_media WHERE attachment_id = ?", (attachment_id,)).fetchone()[0]


def test_a_bundle_without_media_records_still_imports(tmp_path):
    """An attachment from before issue 21 has no media record: its bundle entry has no `media`."""
    coordinator = make_vault(tmp_path / "coord", role="coordinator", name="coord")
    homs = make_vault(tmp_path / "homs", name="homs")
    enroll(coordinator, homs)
    attachment = _attach(homs, tmp_path, "old.jpg", mc.jpeg_bytes(mc.base_image(40)))
    homs.connection().execute("DELETE FROM attachment_media")
    homs.connection().execute("DELETE FROM media_hashes")
    path = tmp_path / "homs.tawthiq"
    assert export.export_bundle(homs, path).written
    report = imports.import_bundle(coordinator, path)
    assert report.status == "imported" and report.alike == []
    held = coordinator.connection().execute("SELECT id FROM attachments").fetchall()
    assert held == [(attachment["id"],)]
    assert sightings.media_record(coordinator.connection(), attachment["id"]) is None
    homs.lock()
    coordinator.lock()
