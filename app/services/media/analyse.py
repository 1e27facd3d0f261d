"""Reading one attachment as media: decrypt into memory, read its capture metadata, hash it.

Runs at attach time on the stored blob (the bytes that are in the vault, decrypted into memory:
never a plaintext file), and holds the whole file in memory, so files above MAX_IN_MEMORY are
recorded as too large rather than read. Also says where a file's metadata contradicts its case
(taken long before the incident, or far from where the case says it happened).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from app.services.case_body import section
from app.services.media import capture, mp4, perceptual, provenance
from app.services.media.perceptual import Hashes
from forms.validation import parse_date
from storage.vault import Vault

# Photos are a few MB; a minute of 1080p phone video about 100-150 MB. The whole file is held in
# memory while it is read and its frames decoded.
MAX_IN_MEMORY = 512 << 20
# "Taken long before the incident": more than this many days before the earliest day the case's
# date can mean (a photo of a missing person taken last year is normal; it is a warning, not a refusal).
DAYS_BEFORE_INCIDENT = 30
# "Far from the place": farther than this from the case's coordinates.
FAR_KM = 25.0


@dataclass(frozen=True)
class MediaReading:
    capture: dict
    hashes: Hashes
    provenance: dict = field(default_factory=lambda: {"status": provenance.NONE})


def analyse_bytes(data: bytes, cancelled: Callable[[], bool] | None = None,
                  trust_anchors: str | None = None) -> MediaReading:
    found = capture.read_capture(data)
    if found.get("status") in (capture.NOT_MEDIA, capture.EXTRA_MISSING):
        status = perceptual.NOT_PICTURE if found["status"] == capture.NOT_MEDIA else capture.EXTRA_MISSING
        return MediaReading(found, Hashes(status))
    checked = provenance.check(data, trust_anchors)
    if mp4.is_mp4(data):
        return MediaReading(found, perceptual.hash_video_bytes(data, cancelled), checked)
    return MediaReading(found, perceptual.hash_image_bytes(data), checked)


def analyse_blob(vault: Vault, blob: str, sha256: str, size: int,
                 cancelled: Callable[[], bool] | None = None) -> MediaReading:
    if size > MAX_IN_MEMORY:
        return MediaReading({"status": capture.TOO_LARGE}, Hashes(capture.TOO_LARGE),
                            {"status": provenance.UNREADABLE})
    data = vault.blobs.read_bytes(blob, sha256, MAX_IN_MEMORY)
    return analyse_bytes(data, cancelled, provenance.trust_anchors(vault))


def provenance_of_blob(vault: Vault, blob: str, sha256: str, size: int) -> dict:
    """The C2PA check alone (a coordinator's import: the hashes came with the bundle)."""
    if size > MAX_IN_MEMORY:
        return {"status": provenance.UNREADABLE}
    return provenance.check(vault.blobs.read_bytes(blob, sha256, MAX_IN_MEMORY), provenance.trust_anchors(vault))


# ---- contradictions with the case ----------------------------------------------------------------
def _taken_day(taken_at: object) -> date | None:
    if not isinstance(taken_at, str):
        return None
    try:
        return datetime.fromisoformat(taken_at.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def distance_km(a: dict, b: dict) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = (math.radians(float(v)) for v in (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def contradictions(found: dict, body: dict) -> list[dict]:
    """[{"code": "taken_before_incident", "days": n, "taken": day, "incident": day},
        {"code": "far_from_place", "km": n}] — what the file says against what the case says.

    The gazetteer has no coordinates (resources/gazetteer/places.csv), so "far" is measured
    only from the case's own coordinates when it has them."""
    out: list[dict] = []
    taken = _taken_day(found.get("taken_at"))
    incident = parse_date(section(body, "date").get("start"))
    if taken is not None and incident is not None:
        earliest_day = incident[0]
        days = (earliest_day - taken).days
        if days > DAYS_BEFORE_INCIDENT:
            out.append({"code": "taken_before_incident", "days": days, "taken": taken.isoformat(),
                        "incident": earliest_day.isoformat()})
    gps = found.get("gps")
    place = section(body, "location").get("coordinates")
    if isinstance(gps, dict) and isinstance(place, dict) and {"lat", "lon"} <= set(place):
        try:
            km = distance_km(gps, place)
        except (TypeError, ValueError):
            km = None
        if km is not None and km > FAR_KM:
            out.append({"code": "far_from_place", "km": round(km)})
    return out
