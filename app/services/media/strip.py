"""Partner copies of photos and videos without GPS and device metadata (issue 21 item 4).

Lossless: the pixels and the video samples are copied byte for byte; only metadata containers are
dropped or blanked.
- JPEG: every APPn segment but JFIF (APP0), an ICC colour profile (APP2 "ICC_PROFILE") and Adobe's
  colour transform (APP14), and every comment, are dropped: EXIF (GPS, make, model, serial
  numbers, software), XMP and IPTC go with them. A minimal EXIF with only the orientation and the
  capture date is written back, so the photo still shows upright and keeps its date.
- PNG: the eXIf, tEXt, zTXt, iTXt and tIME chunks are dropped.
- MP4/QuickTime: udta, meta and uuid boxes become `free` boxes of the same size, zero-filled
  (mp4.neutralise). A telemetry track (GoPro gpmd, CAMM) keeps positions among the frames and
  cannot be removed without rewriting the file: such a video is refused here.
Any other kind of file is refused: it is left out of the export unless the user keeps the
metadata on purpose.
"""

from __future__ import annotations

import struct
import zlib

from app.services.media import capture, mp4

JPEG_KEPT_APP = {0xE0, 0xEE}  # JFIF, Adobe
PNG_DROPPED = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class CannotStrip(ValueError):
    """`reason`: "telemetry" (a video track of positions), "unsupported" (a kind of file we do not
    rewrite) or "malformed" (the file's structure does not parse)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _minimal_exif(data: bytes) -> bytes | None:
    """Only orientation and capture date, from the original's EXIF (None if it had neither)."""
    from PIL import Image

    caught = capture.quiet_pillow()
    try:
        with capture.open_image(data) as image:
            original = image.getexif()
            details = original.get_ifd(0x8769)
            exif = Image.Exif()
            if original.get(0x0112) in range(1, 9):
                exif[0x0112] = original[0x0112]
            kept = {tag: details[tag] for tag in (0x9003, 0x9011) if isinstance(details.get(tag), str)}
            if kept:
                exif.get_ifd(0x8769).update(kept)
            return exif.tobytes() if (0x0112 in exif or kept) else None
    except Exception:  # noqa: BLE001 - no EXIF worth keeping in a file Pillow cannot read
        return None
    finally:
        caught.__exit__(None, None, None)


def strip_jpeg(data: bytes) -> bytes:
    if data[:2] != b"\xff\xd8":
        raise CannotStrip("malformed")
    out = [b"\xff\xd8"]
    minimal = _minimal_exif(data)
    if minimal is not None:
        payload = b"Exif\0\0" + minimal.removeprefix(b"Exif\0\0")
        out.append(b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload)
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise CannotStrip("malformed")
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0xDA:  # start of scan: the compressed picture and everything after it, as is
            out.append(data[at:])
            return b"".join(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out.append(data[at:at + 2])
            at += 2
            continue
        length = struct.unpack_from(">H", data, at + 2)[0]
        end = at + 2 + length
        if length < 2 or end > len(data):
            raise CannotStrip("malformed")
        segment = data[at:end]
        is_app = 0xE0 <= marker <= 0xEF
        icc = marker == 0xE2 and segment[4:16] == b"ICC_PROFILE\0"
        if marker == 0xFE or (is_app and marker not in JPEG_KEPT_APP and not icc):
            at = end  # comment, EXIF, XMP, IPTC, maker data: dropped
            continue
        out.append(segment)
        at = end
    raise CannotStrip("malformed")


def strip_png(data: bytes) -> bytes:
    if not data.startswith(PNG_SIGNATURE):
        raise CannotStrip("malformed")
    out = [PNG_SIGNATURE]
    at = len(PNG_SIGNATURE)
    while at + 12 <= len(data):
        length = struct.unpack_from(">I", data, at)[0]
        kind = data[at + 4:at + 8]
        end = at + 12 + length
        if end > len(data):
            raise CannotStrip("malformed")
        if struct.unpack_from(">I", data, end - 4)[0] != zlib.crc32(data[at + 4:end - 4]):
            raise CannotStrip("malformed")
        if kind not in PNG_DROPPED:
            out.append(data[at:end])
        at = end
        if kind == b"IEND":
            return b"".join(out)
    raise CannotStrip("malformed")


def strip_video(data: bytes) -> bytes:
    try:
        stripped, _blanked, telemetry = mp4.neutralise(data)
    except (mp4.NotMp4, ValueError, IndexError, struct.error):
        raise CannotStrip("malformed") from None
    if telemetry:
        raise CannotStrip("telemetry")
    return stripped


def strip(data: bytes) -> bytes:
    """A copy without GPS and device metadata; raises CannotStrip."""
    if data[:3] == b"\xff\xd8\xff":
        if not _has_pillow():
            raise CannotStrip("unsupported")
        return strip_jpeg(data)
    if data.startswith(PNG_SIGNATURE):
        return strip_png(data)
    if mp4.is_mp4(data):
        return strip_video(data)
    raise CannotStrip("unsupported")


def _has_pillow() -> bool:
    from app.services.media import extra

    return extra.images()
