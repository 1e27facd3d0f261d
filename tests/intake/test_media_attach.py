"""Issue 21 at attach time: what a photo or video says about itself, kept encrypted with it, and
near-duplicates of what the vault already holds, through the real vault (SQLCipher, age blobs)."""

from __future__ import annotations

import copy
import hashlib
import random
import sqlite3
from datetime import UTC, date, datetime

import pytest
from PIL import ImageOps

from app.services.intake import cases
from app.services.media import capture, perceptual
from storage import database, keyfile
from storage.vault import Vault
from tests import media_corpus as mc
from tests.conftest import PASSPHRASE
from tests.forms_support import example
from tests.threat_support import scan


def _case(vault, start="2025-03-09", coordinates=None) -> str:
    body = copy.deepcopy(example("kidnapping"))
    body["date"] = {"start": start, "precision": "day"}
    if coordinates:
        body["location"]["coordinates"] = coordinates
    return cases.save_case(vault, body)[0]


def _file(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_capture_metadata_is_read_kept_and_the_file_unchanged(vault, tmp_path):
    photo = mc.photo_with_exif(taken="2019:05:06 07:08:09", offset="+03:00", lat=34.7324, lon=36.7137,
                               make="Samsung", model="SM-A515F", software="A515FXXU4CUA1")
    case_id = _case(vault)
    attachment = cases.attach_file(vault, case_id, _file(tmp_path, "p.jpg", photo))
    media = attachment["media"]["capture"]
    assert media["status"] == capture.READ
    assert media["taken_at"] == "2019-05-06T07:08:09+03:00"
    assert media["gps"] == {"lat": 34.7324, "lon": 36.7137}
    assert (media["make"], media["model"], media["software"]) == ("Samsung", "SM-A515F", "A515FXXU4CUA1")
    assert (media["width"], media["height"]) == (640, 480)
    assert attachment["media"]["hash_status"] == perceptual.HASHED
    # Read, never altered: the stored file is byte for byte the one given.
    assert cases.read_attachment(vault, attachment["id"]) == photo
    assert attachment["sha256"] == hashlib.sha256(photo).hexdigest()
    # Kept after a lock and unlock, and the capture time is the attachment's capture time.
    vault.lock()
    again = Vault.unlock(vault.path, PASSPHRASE)
    try:
        shown = cases.media_view(again, attachment["id"])
        assert shown["media"]["capture"] == media
        listed = cases.list_attachments(again, case_id)
        assert [a["id"] for a in listed] == [attachment["id"]]
    finally:
        again.lock()


def test_a_photo_taken_years_before_the_incident_or_far_away_is_flagged(vault, tmp_path):
    # Homs, 9 March 2025; the photo: Latakia (about 130 km away), May 2019.
    case_id = _case(vault, "2025-03-09", {"lat": 34.7324, "lon": 36.7137})
    old = mc.photo_with_exif(taken="2019:05:06 07:08:09", lat=35.5317, lon=35.7900)
    warnings = cases.attach_file(vault, case_id, _file(tmp_path, "old.jpg", old))["warnings"]
    codes = {w["code"]: w for w in warnings}
    assert codes["taken_before_incident"]["days"] == (date(2025, 3, 9) - date(2019, 5, 6)).days
    assert codes["taken_before_incident"]["taken"] == "2019-05-06"
    assert codes["taken_before_incident"]["incident"] == "2025-03-09"
    assert 110 < codes["far_from_place"]["km"] < 150
    # Taken the same day, nearby: nothing to say.
    fresh = mc.photo_with_exif(seed=8, taken="2025:03:09 18:00:00", lat=34.74, lon=36.72)
    assert cases.attach_file(vault, case_id, _file(tmp_path, "fresh.jpg", fresh))["warnings"] == []


def test_video_container_date_duration_and_place(vault, tmp_path):
    created = int((datetime(2025, 4, 7, tzinfo=UTC) - datetime(1904, 1, 1, tzinfo=UTC)).total_seconds())
    video = mc.mp4_metadata_boxes(mc.video_bytes(3), created_1904=created, location="+34.7324+036.7137/",
                                  make="Apple", model="iPhone 12")
    attachment = cases.attach_file(vault, _case(vault), _file(tmp_path, "v.mp4", video))
    media = attachment["media"]["capture"]
    assert media["kind"] == "video" and media["duration_s"] == 3.0
    assert media["taken_at"] == "2025-04-07T00:00:00Z"
    assert media["gps"] == {"lat": 34.7324, "lon": 36.7137}
    assert (media["make"], media["model"]) == ("Apple", "iPhone 12")
    assert attachment["media"]["hash_status"] == perceptual.HASHED
    assert attachment["media"]["hashed_pictures"] == 3  # one frame a second, decoded by FFmpeg from memory


def test_a_recirculated_photo_is_recognised_with_its_earliest_sighting(vault, tmp_path):
    original = mc.base_image(11)
    first = cases.attach_file(vault, _case(vault), _file(tmp_path, "a.jpg", mc.jpeg_bytes(original)))
    assert first["seen_before"] == []
    # Mirrored, cropped, resized and re-encoded, in another case.
    copy_of_it = mc.TRANSFORMS["mirror+resize+crop+jpeg"](original, random.Random(3))
    second = cases.attach_file(vault, _case(vault), _file(tmp_path, "b.jpg", mc.jpeg_bytes(copy_of_it, 60)))
    assert [s["attachment_id"] for s in second["seen_before"]] == [first["id"]]
    sighting = second["seen_before"][0]
    assert sighting["seen_at"] == first["media"]["seen_at"] and sighting["seen_from"] == ""
    assert sighting["mirrored"] is True
    # A caption burned in: still the same picture; another picture: not.
    captioned = mc.TRANSFORMS["caption burned in"](original, random.Random(4))
    third = cases.attach_file(vault, _case(vault), _file(tmp_path, "c.png", mc.png_bytes(captioned)))
    # (the heavily changed copy may or may not be in reach of it: looking alike is not transitive)
    assert third["seen_before"][0]["attachment_id"] == first["id"]
    other = cases.attach_file(vault, _case(vault), _file(tmp_path, "d.jpg", mc.jpeg_bytes(mc.base_image(12))))
    assert other["seen_before"] == []


def test_a_recirculated_video_trimmed_and_reencoded_is_recognised(vault, tmp_path):
    original = mc.video_bytes(6, seed=4)
    first = cases.attach_file(vault, _case(vault), _file(tmp_path, "a.mp4", original))
    # Trimmed by two seconds at the start, smaller, re-encoded at a lower bit rate.
    trimmed = mc.video_bytes(4, width=240, height=180, seed=4, start_frame=20, quality=150_000)
    second = cases.attach_file(vault, _case(vault), _file(tmp_path, "b.mp4", trimmed))
    assert [s["attachment_id"] for s in second["seen_before"]] == [first["id"]]
    assert second["seen_before"][0]["frames"] >= 3
    unrelated = cases.attach_file(vault, _case(vault), _file(tmp_path, "c.mp4", mc.video_bytes(4, seed=5)))
    assert unrelated["seen_before"] == []


@pytest.mark.parametrize("name", sorted(mc.hostile_media()))
def test_hostile_media_end_with_a_clear_result(vault, tmp_path, name):
    raw = mc.hostile_media()[name]
    attachment = cases.attach_file(vault, _case(vault), _file(tmp_path, "evidence.jpg", raw))
    record = attachment["media"]
    assert record["capture"]["status"] in capture.STATUSES
    assert record["hash_status"] in (perceptual.HASHED, perceptual.PLAIN, perceptual.NOT_PICTURE,
                                     capture.UNREADABLE, capture.TOO_LARGE)
    assert cases.read_attachment(vault, attachment["id"], max_size=1 << 30) == raw  # stored as given


def test_hostile_bombs_are_refused_not_decoded():
    from app.services.media import analyse

    assert analyse.analyse_bytes(mc.png_bomb()).capture["status"] == capture.TOO_LARGE
    assert analyse.analyse_bytes(mc.zip_bomb_as_jpeg()).capture["status"] == capture.NOT_MEDIA


def test_a_vault_from_before_media_migrates_and_keeps_its_attachments(tmp_path):
    from tests.schema_support import rebuild_at_version

    path = tmp_path / "old"
    old = Vault.create(path, PASSPHRASE, kdf_params=dict(keyfile.TEST_PARAMS))
    kept_case = _case(old)
    kept = cases.attach_file(old, kept_case, _file(tmp_path, "kept.jpg", mc.photo_with_exif(seed=3)))
    old.lock()
    rebuild_at_version(path, PASSPHRASE, 12, keep=("cases", "case_versions", "case_search", "attachments")).close()
    again = Vault.unlock(path, PASSPHRASE)
    try:
        assert database.schema_version(again.connection()) >= 21
        assert cases.read_attachment(again, kept["id"], max_size=1 << 30) == mc.photo_with_exif(seed=3)
        case_id = _case(again)
        attachment = cases.attach_file(again, case_id, _file(tmp_path, "p.jpg", mc.photo_with_exif(taken=None)))
        assert attachment["media"]["capture"]["status"] == capture.NONE_FOUND
    finally:
        again.lock()


def test_nothing_readable_outside_the_vault_after_attaching_hashing_and_matching(vault, tmp_path, monkeypatch):
    """The canary scan of a session that attaches, hashes and matches media (promise 1)."""
    import tempfile

    child_tmp = tmp_path / "tmp"
    child_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(child_tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    make, model = "CanaryMakeQ7RZ", "CanaryModelW3XT"
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    photo = mc.photo_with_exif(seed=21, taken="2024:02:03 04:05:06", lat=35.1, lon=36.2, make=make, model=model,
                               software="CanarySoftK2PV")
    mirrored = mc.jpeg_bytes(ImageOps.mirror(mc.base_image(21)), 50, mc.exif_bytes(make=make, model=model))
    video = mc.mp4_metadata_boxes(mc.video_bytes(3, seed=9), created_1904=3_786_825_600,
                                  location="+35.1000+036.2000/", make=make, model=model)
    first = cases.attach_file(vault, _case(vault), _file(inputs, "one.jpg", photo))
    second = cases.attach_file(vault, _case(vault), _file(inputs, "two.jpg", mirrored))
    cases.attach_file(vault, _case(vault), _file(inputs, "three.mp4", video))
    assert [s["attachment_id"] for s in second["seen_before"]] == [first["id"]]
    needles = [s.encode(enc) for s in (make, model, "CanarySoftK2PV") for enc in ("utf-8", "utf-16-le")]
    hits = scan([vault.path, child_tmp], needles)
    assert hits == {}, hits
    assert list(child_tmp.iterdir()) == []
    # The control: the scanner does find the canaries in the user's own files.
    assert scan([inputs], needles)
    # And the metadata is in the database, readable only with the key.
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(vault.path / "vault.db").execute("SELECT * FROM attachment_media").fetchall()
