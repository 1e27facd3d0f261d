"""An attachment's media record as it travels in a bundle (the optional `media` of a case record's
attachment, docs/bundle-format.md), and the strict check of the one a coordinator receives.

The coordinator matches near-duplicates across documenters from the hashes a bundle carries,
without decoding the file again. A bundle without `media` (made before issue 21, or by a core
install) imports as before. A `media` that is malformed in any way — an unknown key, a value of
the wrong type or out of bounds, a hash that is not 16 hex digits, too many frames — refuses the
bundle (exit 4), like any other malformed record.
"""

from __future__ import annotations

import math
import re

from app.services.media import capture, perceptual
from app.services.media.perceptual import Hashes, PictureHash
from storage.database import Connection
from storage.errors import BundleRejected

HASH_STATUSES = (perceptual.HASHED, perceptual.PLAIN, perceptual.NOT_PICTURE, perceptual.NO_DECODER,
                 capture.UNREADABLE, capture.TOO_LARGE, capture.EXTRA_MISSING)
_HEX16 = re.compile(r"^[0-9a-f]{16}\Z")
_WHEN = re.compile(r"^\d{4}-\d{2}-\d{2}(T[0-9:]{8}(Z|[+-]\d{2}:\d{2})?)?\Z")
_HASH_KEYS = ("phash", "dhash", "mirror_phash", "mirror_dhash")
_TEXT_FIELDS = ("format", "make", "model", "software", "taken_at_source")


def to_bundle(conn: Connection, attachment_id: str) -> dict | None:
    from app.services.media import sightings

    record = sightings.media_record(conn, attachment_id)
    if record is None:
        return None
    stored = sightings.stored_hashes(conn, attachment_id)
    return {"capture": record["capture"], "hash_status": record["hash_status"], "kind": record["kind"],
            "hashes": [{"frame": h.frame, "at_ms": h.at_ms, "phash": f"{h.phash:016x}", "dhash": f"{h.dhash:016x}",
                        "mirror_phash": f"{m.phash:016x}", "mirror_dhash": f"{m.dhash:016x}"}
                       for h, m in zip(stored.pictures, stored.mirrors, strict=True)]}


def _refuse() -> BundleRejected:
    return BundleRejected("bundle_case.media_malformed")


def _int(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _number(value: object, low: float, high: float) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
            and low <= value <= high)


def _short_text(value: object, limit: int = capture.MAX_TEXT) -> bool:
    return isinstance(value, str) and 0 < len(value) <= limit and value.isprintable()


def check_capture(untrusted: object) -> dict:
    if not isinstance(untrusted, dict) or set(untrusted) - {"status", *capture.FIELDS}:
        raise _refuse()
    if untrusted.get("status") not in capture.STATUSES:
        raise _refuse()
    checked: dict = {"status": untrusted["status"]}
    for key, value in untrusted.items():
        if key == "status":
            continue
        if key == "kind":
            ok = value in ("image", "video")
        elif key in ("width", "height"):
            ok = _int(value, 1, 1_000_000)
        elif key == "duration_s":
            ok = _number(value, 0, 10_000_000)
        elif key == "telemetry_track":
            ok = value is True
        elif key == "taken_at":
            ok = isinstance(value, str) and bool(_WHEN.match(value))
        elif key == "gps":
            ok = (isinstance(value, dict) and set(value) == {"lat", "lon"} and _number(value["lat"], -90, 90)
                  and _number(value["lon"], -180, 180))
        else:
            ok = key in _TEXT_FIELDS and _short_text(value)
        if not ok:
            raise _refuse()
        checked[key] = value
    return checked


def check(untrusted: object) -> dict | None:
    """The checked media record of a received attachment, None if it has none; raises BundleRejected."""
    if untrusted is None:
        return None
    if not isinstance(untrusted, dict) or set(untrusted) != {"capture", "hash_status", "kind", "hashes"}:
        raise _refuse()
    found = check_capture(untrusted["capture"])
    status, kind, hashes = untrusted["hash_status"], untrusted["kind"], untrusted["hashes"]
    if status not in HASH_STATUSES or kind not in (None, "image", "video"):
        raise _refuse()
    if not isinstance(hashes, list) or len(hashes) > perceptual.MAX_FRAMES or (hashes and status != perceptual.HASHED):
        raise _refuse()
    if kind == "image" and len(hashes) > 1:
        raise _refuse()
    pictures, mirrors, frames = [], [], set()
    for h in hashes:
        if (not isinstance(h, dict) or set(h) != {"frame", "at_ms", *_HASH_KEYS}
                or not _int(h["frame"], 0, perceptual.MAX_FRAMES - 1) or h["frame"] in frames
                or not (h["at_ms"] is None or _int(h["at_ms"], 0, 10 ** 12))
                or not all(isinstance(h[k], str) and _HEX16.match(h[k]) for k in _HASH_KEYS)):
            raise _refuse()
        frames.add(h["frame"])
        pictures.append(PictureHash(int(h["phash"], 16), int(h["dhash"], 16), h["frame"], h["at_ms"]))
        mirrors.append(PictureHash(int(h["mirror_phash"], 16), int(h["mirror_dhash"], 16), h["frame"], h["at_ms"]))
    return {"capture": found, "hashes": Hashes(status, kind, tuple(pictures), tuple(mirrors))}
