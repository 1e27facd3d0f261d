"""Issue 21 item 4: photos and videos in a partner export go without GPS and device metadata, the
pictures untouched, unless the user keeps the metadata on purpose — recorded in the audit log."""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json

import av
import pytest
from PIL import Image

from app.services.intake import cases
from app.services.media import analyse, capture
from app.services.outputs import partner_export
from storage.errors import UsageError
from tests import media_corpus as mc
from tests.conftest import run_tawthiq
from tests.forms_support import example


def _png_with_text() -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "taken by Canon EOS at 34.73N 36.71E")
    buffer = io.BytesIO()
    mc.base_image(61).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


@pytest.fixture
def media_vault(vault, tmp_path):
    body = copy.deepcopy(example("kidnapping"))
    case_id, _ = cases.save_case(vault, body)
    files = {
        "photo.jpg": mc.photo_with_exif(seed=60, taken="2025:03:09 10:11:12", offset="+03:00", lat=34.7324,
                                        lon=36.7137, make="Samsung", model="SM-A515F", software="A515FXXU4",
                                        serial="R58N123456"),
        "scan.png": _png_with_text(),
        "clip.mp4": mc.mp4_metadata_boxes(mc.video_bytes(3, seed=6), created_1904=3_826_915_200,
                                          location="+34.7324+036.7137/", make="Apple", model="iPhone 12"),
        "notes.txt": b"a witness statement typed by the documenter\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        cases.attach_file(vault, case_id, tmp_path / name)
    return vault, files


def _exported(out) -> dict[str, bytes]:
    rows = list(csv.DictReader(io.StringIO((out / "media.csv").read_text(encoding="utf-8-sig"))))
    return {row["original_sha256"]: (out / row["file"]).read_bytes() for row in rows}


def _audit_detail(vault) -> dict:
    row = vault.connection().execute(
        "SELECT detail FROM audit_log WHERE action = 'report.export' ORDER BY seq DESC LIMIT 1").fetchone()
    return json.loads(row[0])


def test_exported_media_lose_gps_and_device_metadata_and_keep_their_pictures(media_vault, tmp_path):
    vault, files = media_vault
    out = tmp_path / "export"
    result = partner_export.export(vault, out, fmt="csv", purpose="partners", media=True)
    assert result.media.written == 3 and result.media.left_out == {"unsupported": 1}
    exported = _exported(out)
    sha = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    assert set(exported) == {sha["photo.jpg"], sha["scan.png"], sha["clip.mp4"]}
    # The photo: no GPS, make, model, software or serial; its date kept; the same pixels.
    photo = exported[sha["photo.jpg"]]
    said = capture.read_capture(photo)
    assert "gps" not in said and not {"make", "model", "software"} & set(said)
    assert said["taken_at"] == "2025-03-09T10:11:12+03:00"
    for needle in (b"Samsung", b"SM-A515F", b"A515FXXU4", b"R58N123456"):
        assert needle not in photo
    assert Image.open(io.BytesIO(photo)).tobytes() == Image.open(io.BytesIO(files["photo.jpg"])).tobytes()
    # The PNG: its text chunk gone, the same pixels.
    png = exported[sha["scan.png"]]
    assert b"Canon" not in png and b"tEXt" not in png
    assert Image.open(io.BytesIO(png)).tobytes() == Image.open(io.BytesIO(files["scan.png"])).tobytes()
    # The video: no place, make or model; it still plays, frame for frame.
    video = exported[sha["clip.mp4"]]
    said = capture.read_capture(video)
    assert "gps" not in said and "make" not in said and "model" not in said and said["duration_s"] == 3.0
    assert b"iPhone" not in video and b"+34.7324" not in video
    with av.open(io.BytesIO(video)) as stripped, av.open(io.BytesIO(files["clip.mp4"])) as original:
        assert [f.to_ndarray().tobytes() for f in stripped.decode(video=0)] == [
            f.to_ndarray().tobytes() for f in original.decode(video=0)]
    assert analyse.analyse_bytes(video).hashes.pictures == analyse.analyse_bytes(files["clip.mp4"]).hashes.pictures
    detail = _audit_detail(vault)
    assert detail["media"] == 3 and detail["media_metadata_kept"] is False
    # The files are not named after what the documenter called them.
    assert not any(name in p.name for p in out.rglob("*") for name in ("photo", "scan", "clip", "notes"))


def test_keeping_the_metadata_is_a_choice_recorded_in_the_audit_log(media_vault, tmp_path):
    vault, files = media_vault
    out = tmp_path / "kept"
    result = partner_export.export(vault, out, fmt="csv", purpose="partners", media=True, keep_media_metadata=True)
    assert result.media.written == 4 and result.media.metadata_kept
    assert sorted(_exported(out).values()) == sorted(files.values())  # byte for byte
    assert _audit_detail(vault)["media_metadata_kept"] is True
    assert any("KEPT on purpose" in line for line in result.summary_lines())


def test_media_only_into_a_csv_folder(media_vault, tmp_path):
    vault, _ = media_vault
    with pytest.raises(UsageError):
        partner_export.export(vault, tmp_path / "x.xlsx", fmt="xlsx", purpose="partners", media=True)
    assert not (tmp_path / "x.xlsx").exists()


def test_the_command_line_writes_stripped_media(media_vault, tmp_path, passphrase_file):
    vault, files = media_vault
    vault.lock()
    out = tmp_path / "cli"
    r = run_tawthiq("--vault", str(vault.path), "--passphrase-file", str(passphrase_file), "report", "--format",
                    "csv", "--purpose", "partners", "--out", str(out), "--media")
    assert r.returncode == 0, r.stderr.decode()
    assert "media: 3 photo(s) and video(s) written without GPS and device metadata" in r.stdout.decode()
    assert b"SM-A515F" not in b"".join(p.read_bytes() for p in (out / "media").iterdir())
    r = run_tawthiq("--vault", str(vault.path), "--passphrase-file", str(passphrase_file), "report", "--format",
                    "json", "--purpose", "partners", "--out", str(tmp_path / "x.json"), "--media")
    assert r.returncode == 2 and b"only into a csv export" in r.stderr
