"""What a photo or video says about itself: capture date, place, camera, software, duration.

Read (never altered) from the decrypted bytes in memory, at attach time. Images through Pillow's
EXIF reader, which parses only the header and the metadata segments (no pixel is decoded here);
MP4/QuickTime through app/services/media/mp4.py. Every value kept is bounded and printable; a file
that cannot be read gives a result that says so (`status`), never an exception: hostile files
(truncated, oversized EXIF, a zip or a bomb named .jpg) are outside data like any other.
"""

from __future__ import annotations

import io
import math
import re
import struct
import warnings
from datetime import date

from app.services.media import extra, mp4

# Outcomes of reading a file, stored with it and shown (the GUI words each one).
READ = "read"  # metadata found (some fields may be absent)
NONE_FOUND = "none"  # a readable image or video that says nothing about its capture
NOT_MEDIA = "not_media"  # neither an image Pillow knows nor an MP4/QuickTime file
UNREADABLE = "unreadable"  # looks like media but is damaged, truncated or hostile
TOO_LARGE = "too_large"  # over the in-memory bound, or an image of more pixels than MAX_PIXELS
EXTRA_MISSING = "extra_missing"  # the media extra is not installed
STATUSES = (READ, NONE_FOUND, NOT_MEDIA, UNREADABLE, TOO_LARGE, EXTRA_MISSING)

# Phones reach 200 megapixels but save 12-50 by default; a PNG that declares 30,000 × 30,000 is a
# decompression bomb. Decoding 120 megapixels takes at most about 480 MB (RGBA) for a moment.
MAX_PIXELS = 120_000_000
MAX_TEXT = 200
FIELDS = ("kind", "format", "width", "height", "taken_at", "taken_at_source", "gps", "make", "model",
          "software", "duration_s", "telemetry_track")
_EXIF_DATE = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    text = "".join(c for c in value if c.isprintable()).strip()
    return text[:MAX_TEXT] or None


def _exif_time(value: object, offset: object = None) -> str | None:
    text = _text(value)
    match = _EXIF_DATE.match(text or "")
    if not match:
        return None
    y, mo, d, h, mi, s = (int(g) for g in match.groups())
    try:
        date(y, mo, d)
    except ValueError:
        return None
    if not (1900 <= y <= 2100 and h < 24 and mi < 60 and s < 61):
        return None
    zone = _text(offset) or ""
    zone = zone if re.fullmatch(r"[+-]\d{2}:\d{2}", zone) else ""
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}{zone}"


def _rational(value: object) -> float:
    return float(value)  # type: ignore[arg-type]  # Pillow's IFDRational, or an int


def _gps(gps: dict) -> dict | None:
    """EXIF GPS degrees/minutes/seconds → signed decimal degrees, or None if absent or impossible."""
    try:
        lat = gps[2]
        lon = gps[4]
        lat_deg = _rational(lat[0]) + _rational(lat[1]) / 60 + _rational(lat[2]) / 3600
        lon_deg = _rational(lon[0]) + _rational(lon[1]) / 60 + _rational(lon[2]) / 3600
    except (KeyError, IndexError, TypeError, ValueError, ZeroDivisionError):
        return None
    if _text(gps.get(1)) == "S":
        lat_deg = -lat_deg
    if _text(gps.get(3)) == "W":
        lon_deg = -lon_deg
    if not (math.isfinite(lat_deg) and math.isfinite(lon_deg) and -90 <= lat_deg <= 90 and -180 <= lon_deg <= 180):
        return None
    if lat_deg == 0 and lon_deg == 0:  # what a phone without a fix writes
        return None
    return {"lat": round(lat_deg, 6), "lon": round(lon_deg, 6)}


def open_image(data: bytes):
    """Pillow's image for `data`, header parsed, pixels not decoded; refuses a bomb before decoding.

    Raises ValueError("too_large") above MAX_PIXELS, anything else Pillow raises for a file it
    cannot take."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own bomb check at the same bound as ours
    image = Image.open(io.BytesIO(data))
    width, height = image.size
    if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
        image.close()
        raise ValueError("too_large")
    return image


def quiet_pillow():
    """Pillow warns (on stderr) about corrupt EXIF and near-bomb sizes: the first is a result we
    report, the second is refused as an error."""
    from PIL import Image

    caught = warnings.catch_warnings()
    caught.__enter__()
    warnings.simplefilter("ignore")
    warnings.simplefilter("error", Image.DecompressionBombWarning)
    return caught


def _image_metadata(data: bytes) -> dict:
    with open_image(data) as image:
        result: dict = {"kind": "image", "format": _text(image.format), "width": image.size[0],
                        "height": image.size[1]}
        exif = image.getexif()
        details = exif.get_ifd(0x8769)  # the Exif IFD: capture date and its time zone
        gps = exif.get_ifd(0x8825)
        taken = _exif_time(details.get(0x9003), details.get(0x9011))  # DateTimeOriginal, OffsetTimeOriginal
        source = "exif:DateTimeOriginal"
        if taken is None:
            taken, source = _exif_time(details.get(0x9004), details.get(0x9012)), "exif:DateTimeDigitized"
        if taken is None:
            taken, source = _exif_time(exif.get(0x0132), details.get(0x9010)), "exif:DateTime"
        if taken:
            result["taken_at"], result["taken_at_source"] = taken, source
        place = _gps(dict(gps)) if gps else None
        if place:
            result["gps"] = place
        for key, tag in (("make", 0x010F), ("model", 0x0110), ("software", 0x0131)):
            value = _text(exif.get(tag))
            if value:
                result[key] = value
    return result


def read_capture(data: bytes) -> dict:
    """{"status": one of STATUSES, plus FIELDS found}. Never raises for what the bytes contain."""
    if mp4.is_mp4(data):
        try:
            found = mp4.read_metadata(data)
        except (mp4.NotMp4, ValueError, IndexError, OverflowError, struct.error):
            return {"status": UNREADABLE, "kind": "video"}
        result = {"kind": "video", "format": "MP4", **found}
        return {"status": READ if _says_something(result) else NONE_FOUND, **result}
    if not extra.images():
        return {"status": EXTRA_MISSING}
    from PIL import Image, UnidentifiedImageError

    caught = quiet_pillow()
    try:
        result = _image_metadata(data)
    except UnidentifiedImageError:
        return {"status": NOT_MEDIA}
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return {"status": TOO_LARGE, "kind": "image"}
    except ValueError as exc:
        return {"status": TOO_LARGE if str(exc) == "too_large" else UNREADABLE, "kind": "image"}
    except Exception:  # noqa: BLE001 - Pillow's plugins raise many types on hostile files; each is "unreadable"
        return {"status": UNREADABLE, "kind": "image"}
    finally:
        caught.__exit__(None, None, None)
    return {"status": READ if _says_something(result) else NONE_FOUND, **result}


def _says_something(result: dict) -> bool:
    return any(k in result for k in ("taken_at", "gps", "make", "model", "software", "duration_s"))


def kept(result: dict) -> dict:
    """Only the known keys, for storage and bundles."""
    return {k: v for k, v in result.items() if k == "status" or k in FIELDS}
